package graph_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/webhook"
	"github.com/rosterhq/roster/jobs"
)

// receiver is a webhook endpoint for tests: it records every request and
// answers with the next of its status codes (the last one repeats).
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	got      []received
	statuses []int
}

type received struct {
	path   string
	header http.Header
	body   []byte
}

func newReceiver(t *testing.T, statuses ...int) *receiver {
	r := &receiver{statuses: append([]int{}, statuses...)}
	if len(r.statuses) == 0 {
		r.statuses = []int{http.StatusNoContent}
	}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.got = append(r.got, received{path: req.URL.Path, header: req.Header.Clone(), body: body})
		code := r.statuses[min(len(r.got), len(r.statuses))-1]
		r.mu.Unlock()
		if code >= 300 && code < 400 {
			w.Header().Set("Location", "/elsewhere")
		}
		w.WriteHeader(code)
		_, _ = io.WriteString(w, "receiver says "+http.StatusText(code)+"\x00\n")
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received{}, r.got...)
}

// wait waits until the receiver has n requests and returns them.
func (r *receiver) wait(env *apptest.Env, n int) []received {
	env.T.Helper()
	env.Eventually(func() bool { return len(r.requests()) >= n }, "webhook requests arrive")
	return r.requests()
}

// event decodes a request's body.
func (r received) event(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(r.body, &m))
	return m
}

const (
	createEndpoint = `mutation($url: String!, $types: [WebhookEventType!]!, $enabled: Boolean) {
		createWebhookEndpoint(url: $url, eventTypes: $types, description: "purge mailboxes", enabled: $enabled) {
			secret endpoint { id url eventTypes enabled description } } }`
	endpointDeliveries = `query($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) { webhookEndpoint(id: $id) {
		deliveries(first: $first, after: $after, status: $status) { pageInfo { hasNextPage endCursor }
			edges { node { id eventId eventType status attempts lastStatusCode lastError nextAttemptAt deliveredAt payload } } } } }`
)

// endpointFor creates an endpoint as op and returns its id and secret.
func endpointFor(t *testing.T, op *apptest.Client, url string, enabled bool, types ...string) (string, string) {
	t.Helper()
	r := op.Do(createEndpoint, apptest.Vars{"url": url, "types": types, "enabled": enabled}).Must()
	return r.Get("createWebhookEndpoint.endpoint.id").(string), r.Get("createWebhookEndpoint.secret").(string)
}

// verify checks a request's signature with the Standard Webhooks reference
// library, an implementation independent of Roster's.
func verify(t *testing.T, secret string, r received) {
	t.Helper()
	wh, err := standardwebhooks.NewWebhook(secret)
	require.NoError(t, err)
	require.NoError(t, wh.Verify(r.body, r.header), "signature of %s", r.body)
}

func deliveryNodes(r *apptest.Response) []map[string]any {
	var out []map[string]any
	for _, e := range r.Get("webhookEndpoint.deliveries.edges").([]any) {
		out = append(out, e.(map[string]any)["node"].(map[string]any))
	}
	return out
}

// withSecretKey seals the endpoints' secrets at rest.
func withSecretKey(c *config.Config) {
	c.WebhookSecretKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
}

// TestWebhook_DetachReachesTheServices is the point of webhooks: a detach
// (and each other change subscribed to) reaches the endpoint, signed per
// the Standard Webhooks specification (checked by its reference library),
// with ids and no personal data; a disabled endpoint and one subscribed to
// other types get nothing; deliveries show in GraphQL; secrets are sealed
// at rest.
func TestWebhook_DetachReachesTheServices(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers, withSecretKey)
	env := tm.env
	op, admin := env.SignIn("op@roster.test"), env.SignIn("admin@acme.test")
	purge, off, other := newReceiver(t), newReceiver(t), newReceiver(t)
	purgeID, secret := endpointFor(t, op, purge.URL+"/hooks/roster", true, "MEMBER_DETACHED", "USER_DELETED")
	require.True(t, strings.HasPrefix(secret, "whsec_"))
	endpointFor(t, op, off.URL, false, "MEMBER_DETACHED", "MEMBER_DEACTIVATED", "USER_DELETED")
	otherID, otherSecret := endpointFor(t, op, other.URL, true, "MEMBER_DEACTIVATED")
	stored := apptest.Scalar[string](env, `SELECT secret FROM webhook_endpoints WHERE id = $1`, purgeID)
	require.True(t, strings.HasPrefix(stored, "sealed:v1:"), "sealed at rest under WEBHOOK_SECRET_KEY")
	require.NotContains(t, stored, strings.TrimPrefix(secret, "whsec_"))

	detached := tm.others[0]
	admin.Do(detachUser, apptest.Vars{"a": tm.acct.ID, "u": detached.ID}).Must()
	reqs := purge.wait(env, 1)
	require.Len(t, reqs, 1)
	verify(t, secret, reqs[0])
	ev := reqs[0].event(t)
	require.Equal(t, "member.detached", ev["type"])
	require.EqualValues(t, 1, ev["version"])
	require.Equal(t, reqs[0].header.Get("webhook-id"), ev["id"], "webhook-id is the event id")
	data := ev["data"].(map[string]any)
	require.Equal(t, tm.acct.ID.String(), data["accountId"])
	require.Equal(t, detached.ID.String(), data["userId"])
	require.NotEmpty(t, data["detachedAt"])
	require.NotContains(t, string(reqs[0].body), detached.Email, "ids only, no personal data")
	require.Equal(t, "application/json", reqs[0].header.Get("Content-Type"))

	env.Eventually(func() bool {
		n := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": purgeID}).Must())
		return len(n) == 1 && n[0]["status"] == "SUCCEEDED"
	}, "the delivery shows as SUCCEEDED")
	node := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": purgeID}).Must())[0]
	require.Equal(t, "MEMBER_DETACHED", node["eventType"])
	require.Equal(t, ev["id"], node["eventId"])
	require.EqualValues(t, 1, node["attempts"])
	require.EqualValues(t, 204, node["lastStatusCode"])
	require.Nil(t, node["lastError"])
	require.Nil(t, node["nextAttemptAt"])
	require.NotNil(t, node["deliveredAt"])
	require.Equal(t, string(reqs[0].body), node["payload"], "the body sent, byte for byte")

	// The event filter: a deactivation reaches only the endpoint subscribed to it.
	admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.others[1])}).Must()
	oreqs := other.wait(env, 1)
	verify(t, otherSecret, oreqs[0])
	require.Equal(t, "member.deactivated", oreqs[0].event(t)["type"])
	env.Eventually(func() bool {
		n := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": otherID}).Must())
		return len(n) == 1 && n[0]["status"] == "SUCCEEDED"
	}, "delivered")

	// A user deleted platform-wide: user.deleted.
	op.Do(deactivateUser, apptest.Vars{"u": tm.others[2].ID, "c": true}).Must()
	op.Do(`mutation($u: ID!) { deleteUser(userId: $u) { deletedUserId } }`, apptest.Vars{"u": tm.others[2].ID}).Must()
	reqs = purge.wait(env, 2)
	verify(t, secret, reqs[1])
	require.Equal(t, "user.deleted", reqs[1].event(t)["type"])
	require.Nil(t, reqs[1].event(t)["data"].(map[string]any)["accountId"])

	require.Empty(t, off.requests(), "a disabled endpoint gets nothing")
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE NOT e.enabled`))
	require.Len(t, purge.requests(), 2, "nothing it did not subscribe to")
	require.Len(t, other.requests(), 1)
}

// TestWebhook_RetriedAfterFailure answers 500 first: the delivery is
// recorded RETRYING with the status and the start of the body, retried with
// the same webhook-id (receivers deduplicate by it) and a fresh signature,
// then SUCCEEDED. A redirect is not followed and counts as a failure.
func TestWebhook_RetriedAfterFailure(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	op := env.SignIn("op@roster.test")
	flaky, moved := newReceiver(t, 500, 200), newReceiver(t, 302)
	id, secret := endpointFor(t, op, flaky.URL, true, "USER_DEACTIVATED")
	movedID, _ := endpointFor(t, op, moved.URL, true, "USER_DEACTIVATED")
	loner := env.User("loner@solo.test", false)
	op.Do(deactivateUser, apptest.Vars{"u": loner.ID}).Must()

	flaky.wait(env, 1)
	env.Eventually(func() bool {
		n := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": id}).Must())
		return len(n) == 1 && (n[0]["status"] == "RETRYING" || n[0]["status"] == "SUCCEEDED")
	}, "the failure is recorded")
	if n := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": id}).Must())[0]; n["status"] == "RETRYING" {
		require.EqualValues(t, 500, n["lastStatusCode"])
		require.Equal(t, "HTTP 500: receiver says Internal Server Error", n["lastError"], "the start of the body, control characters removed")
		require.NotNil(t, n["nextAttemptAt"])
	}
	reqs := flaky.wait(env, 2)
	require.Equal(t, reqs[0].header.Get("webhook-id"), reqs[1].header.Get("webhook-id"), "the same event id on the retry")
	require.Equal(t, reqs[0].body, reqs[1].body)
	verify(t, secret, reqs[0])
	verify(t, secret, reqs[1])
	env.Eventually(func() bool {
		n := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": id}).Must())
		return n[0]["status"] == "SUCCEEDED" && n[0]["attempts"] == float64(2) && n[0]["lastStatusCode"] == float64(200) && n[0]["lastError"] == nil
	}, "the retry succeeded")

	env.Eventually(func() bool {
		n := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": movedID}).Must())
		return len(n) == 1 && n[0]["status"] == "RETRYING"
	}, "a redirect is a failed attempt")
	n := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": movedID}).Must())[0]
	require.EqualValues(t, 302, n["lastStatusCode"])
	require.Contains(t, n["lastError"], "redirects are not followed (Location: /elsewhere)")
	for _, q := range moved.requests() {
		require.NotEqual(t, "/elsewhere", q.path, "the redirect's target is never requested")
	}
}

// TestWebhook_NothingOnRollback emits in a transaction that rolls back: no
// event, no delivery, no job, nothing received; the same emission
// committed is delivered.
func TestWebhook_NothingOnRollback(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	op := env.SignIn("op@roster.test")
	rec := newReceiver(t)
	endpointFor(t, op, rec.URL, true, "MEMBER_DELETED")
	ctx := context.Background()
	enq := jobs.Enqueuer{Client: env.App.River}
	ev := webhook.Event{Type: webhook.EventMemberDeleted, AccountID: &tm.acct.ID, UserID: tm.plain.ID}
	tx, err := env.Pool.Begin(ctx)
	require.NoError(t, err)
	require.NoError(t, webhook.Emit(ctx, tx, enq, ev))
	var inside int
	require.NoError(t, tx.QueryRow(ctx, `SELECT count(*) FROM webhook_deliveries`).Scan(&inside))
	require.Equal(t, 1, inside, "the delivery is written in the change's transaction")
	require.NoError(t, tx.Rollback(ctx))
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM webhook_deliveries`))
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM river_job WHERE kind = 'DeliverWebhook'`))
	require.NoError(t, pgx.BeginFunc(ctx, env.Pool, func(tx pgx.Tx) error { return webhook.Emit(ctx, tx, enq, ev) }))
	reqs := rec.wait(env, 1)
	time.Sleep(300 * time.Millisecond)
	require.Len(t, rec.requests(), 1, "only the committed emission is delivered")
	require.Equal(t, "member.deleted", reqs[0].event(t)["type"])
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM webhook_events`))
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM river_job WHERE kind = 'DeliverWebhook'`))
}

// TestWebhook_DisabledBeforeSending disables an endpoint while a delivery
// waits for its job: the attempt sends nothing and cancels it.
func TestWebhook_DisabledBeforeSending(t *testing.T) {
	t.Parallel()
	tm := newTeam(t) // no workers: the job waits
	env := tm.env
	op, admin := env.SignIn("op@roster.test"), env.SignIn("admin@acme.test")
	rec := newReceiver(t)
	id, _ := endpointFor(t, op, rec.URL, true, "MEMBER_DELETED")
	admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain, tm.others[0], tm.owner)}).Must()
	nodes := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": id}).Must())
	require.Len(t, nodes, 2, "one per member removed, none for the refused Owner")
	require.Equal(t, "PENDING", nodes[0]["status"])
	require.Equal(t, 2, apptest.Scalar[int](env, `SELECT count(*) FROM river_job WHERE kind = 'DeliverWebhook' AND queue = 'webhooks'`))
	op.Do(`mutation($id: ID!) { updateWebhookEndpoint(id: $id, enabled: false) { endpoint { enabled } } }`, apptest.Vars{"id": id}).Must()
	for _, n := range deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": id}).Must()) {
		require.Equal(t, "CANCELLED", n["status"], "cancelled by the disabling itself, before any job runs")
		require.Equal(t, "Not sent: the endpoint was disabled.", n["lastError"])
	}
	// Enabled again before the jobs run: the cancelled events stay unsent.
	op.Do(`mutation($id: ID!) { updateWebhookEndpoint(id: $id, enabled: true) { endpoint { enabled } } }`, apptest.Vars{"id": id}).Must()
	sender := &webhook.Sender{Pool: env.Pool, Client: webhook.NewClient(5 * time.Second)}
	for _, n := range nodes {
		require.NoError(t, sender.Attempt(context.Background(), uuid.MustParse(n["id"].(string)), 1))
	}
	require.Empty(t, rec.requests())
	for _, n := range deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": id}).Must()) {
		require.Equal(t, "CANCELLED", n["status"])
		require.EqualValues(t, 0, n["attempts"])
	}
}

// TestWebhook_EndpointManagement covers what operators do with endpoints —
// and what a stranger might send: every bad input gets INVALID_INPUT (or
// NOT_FOUND, LIMIT_EXCEEDED, FORBIDDEN) and changes nothing; a rotation
// signs with both secrets for its grace period; deliveries page by cursor.
func TestWebhook_EndpointManagement(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	op, admin := env.SignIn("op@roster.test"), env.SignIn("admin@acme.test")
	rec := newReceiver(t)
	for _, bad := range []string{"", "ftp://hooks.example.com/", "http://hooks.example.com/roster", "https://user:pw@hooks.example.com/",
		"https://hooks.example.com/#frag", "https://169.254.169.254/latest/meta-data", "https://[fe80::1]/", "https://0.0.0.0/",
		"/relative", "https://hooks.example.com/a b", "https://" + strings.Repeat("a", 2000) + ".test/"} {
		op.Do(createEndpoint, apptest.Vars{"url": bad, "types": []string{"USER_DELETED"}}).RequireCode("INVALID_INPUT")
	}
	op.Do(createEndpoint, apptest.Vars{"url": rec.URL, "types": []string{}}).RequireCode("INVALID_INPUT")
	op.Do(createEndpoint, apptest.Vars{"url": rec.URL, "types": []string{"NO_SUCH"}}).RequireCode("INVALID_INPUT")
	op.Do(`mutation { createWebhookEndpoint(url: "https://hooks.example.com/", eventTypes: [USER_DELETED], description: "a\u0000b") { secret } }`, nil).
		RequireCode("INVALID_INPUT")
	admin.Do(createEndpoint, apptest.Vars{"url": rec.URL, "types": []string{"USER_DELETED"}}).RequireCode("FORBIDDEN")
	admin.Do(`{ webhookEndpoints { id } }`, nil).RequireCode("FORBIDDEN")
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM webhook_endpoints`))

	r := op.Do(createEndpoint, apptest.Vars{"url": "https://hooks.example.com/roster", "types": []string{"USER_DELETED", "MEMBER_DETACHED", "USER_DELETED"}}).Must()
	require.Equal(t, []any{"MEMBER_DETACHED", "USER_DELETED"}, r.Get("createWebhookEndpoint.endpoint.eventTypes"), "repeats folded, schema order")
	id := r.Get("createWebhookEndpoint.endpoint.id").(string)
	const update = `mutation($id: ID!, $url: String, $types: [WebhookEventType!], $enabled: Boolean) {
		updateWebhookEndpoint(id: $id, url: $url, eventTypes: $types, enabled: $enabled) { endpoint { url eventTypes enabled } } }`
	op.Do(update, apptest.Vars{"id": id}).RequireCode("INVALID_INPUT")
	op.Do(update, apptest.Vars{"id": id, "types": []string{}}).RequireCode("INVALID_INPUT")
	op.Do(update, apptest.Vars{"id": id, "url": "http://hooks.example.com/"}).RequireCode("INVALID_INPUT")
	op.Do(update, apptest.Vars{"id": uuid.NewString(), "enabled": false}).RequireCode("NOT_FOUND")
	r = op.Do(update, apptest.Vars{"id": id, "url": rec.URL, "types": []string{"USER_ACTIVATED"}}).Must()
	require.Equal(t, map[string]any{"url": rec.URL, "eventTypes": []any{"USER_ACTIVATED"}, "enabled": true}, r.Get("updateWebhookEndpoint.endpoint"))
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'webhook.endpoint_updated'`))
	op.Do(update, apptest.Vars{"id": id, "types": []string{"USER_ACTIVATED"}}).Must()
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'webhook.endpoint_updated'`), "no change, no event")

	// A rotation: the new secret is shown once, and for the grace period
	// every delivery verifies with the old secret and the new one alike.
	const rotate = `mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret endpoint { previousSecretExpiresAt } } }`
	first := op.Do(rotate, apptest.Vars{"id": id}).Must()
	s1 := first.Get("rotateWebhookEndpointSecret.secret").(string)
	second := op.Do(rotate, apptest.Vars{"id": id}).Must()
	s2 := second.Get("rotateWebhookEndpointSecret.secret").(string)
	require.NotEqual(t, s1, s2)
	require.NotNil(t, second.Get("rotateWebhookEndpointSecret.endpoint.previousSecretExpiresAt"))
	op.Do(rotate, apptest.Vars{"id": uuid.NewString()}).RequireCode("NOT_FOUND")
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE before::text LIKE '%whsec%' OR after::text LIKE '%whsec%'`), "secrets never reach the trail")

	// Three activations: three deliveries, paged two at a time.
	for i := 0; i < 3; i++ {
		u := env.User("pager"+string(rune('a'+i))+"@solo.test", false)
		env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, u.ID)
		op.Do(`mutation($u: ID!) { activateUser(userId: $u) { user { status } } }`, apptest.Vars{"u": u.ID}).Must()
	}
	reqs := rec.wait(env, 3)
	for _, q := range reqs {
		require.Len(t, strings.Fields(q.header.Get("webhook-signature")), 2, "two signatures during the grace period")
		verify(t, s1, q)
		verify(t, s2, q)
	}
	env.Eventually(func() bool {
		return apptest.Scalar[int](env, `SELECT count(*) FROM webhook_deliveries WHERE status = 'SUCCEEDED'`) == 3
	}, "all delivered")
	page := op.Do(endpointDeliveries, apptest.Vars{"id": id, "first": 2}).Must()
	require.Len(t, deliveryNodes(page), 2)
	require.Equal(t, true, page.Get("webhookEndpoint.deliveries.pageInfo.hasNextPage"))
	rest := op.Do(endpointDeliveries, apptest.Vars{"id": id, "first": 2, "after": page.Get("webhookEndpoint.deliveries.pageInfo.endCursor")}).Must()
	require.Len(t, deliveryNodes(rest), 1)
	require.Equal(t, false, rest.Get("webhookEndpoint.deliveries.pageInfo.hasNextPage"))
	seen := map[any]bool{}
	for _, n := range append(deliveryNodes(page), deliveryNodes(rest)...) {
		seen[n["id"]] = true
	}
	require.Len(t, seen, 3, "no delivery twice, none missed")
	require.Empty(t, deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": id, "status": "FAILED"}).Must()))
	op.Do(endpointDeliveries, apptest.Vars{"id": id, "after": "forged"}).RequireCode("INVALID_INPUT")
	op.Do(endpointDeliveries, apptest.Vars{"id": id, "first": 101}).RequireCode("INVALID_INPUT")

	// At most 50 endpoints.
	env.Exec(`INSERT INTO webhook_endpoints (url, event_types, secret) SELECT 'https://h' || i || '.example.com/', '{user.deleted}', 'whsec_x' FROM generate_series(1, 49) i`)
	op.Do(createEndpoint, apptest.Vars{"url": rec.URL, "types": []string{"USER_DELETED"}}).RequireCode("LIMIT_EXCEEDED")
	require.Len(t, op.Do(`{ webhookEndpoints { id } }`, nil).Must().Get("webhookEndpoints"), 50)

	const del = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedEndpointId } }`
	require.Equal(t, id, op.Do(del, apptest.Vars{"id": id}).Must().Get("deleteWebhookEndpoint.deletedEndpointId"))
	op.Do(del, apptest.Vars{"id": id}).RequireCode("NOT_FOUND")
	op.Do(`query($id: ID!) { webhookEndpoint(id: $id) { id } }`, apptest.Vars{"id": id}).RequireCode("NOT_FOUND")
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM webhook_deliveries`), "its deliveries went with it")
	for _, a := range []string{"webhook.endpoint_created", "webhook.endpoint_deleted", "webhook.secret_rotated"} {
		require.NotZero(t, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = $1`, a), a)
	}
}

// TestWebhook_Redeliver sends a finished delivery again, with the same
// webhook-id and body, only when it is finished and its endpoint enabled;
// operators only, audited.
func TestWebhook_Redeliver(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	op := env.SignIn("op@roster.test")
	rec := newReceiver(t, http.StatusNoContent)
	id, secret := endpointFor(t, op, rec.URL, true, "USER_DEACTIVATED")
	loner := env.User("redeliver@solo.test", false)
	op.Do(deactivateUser, apptest.Vars{"u": loner.ID}).Must()
	first := rec.wait(env, 1)[0]
	env.Eventually(func() bool {
		n := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": id}).Must())
		return len(n) == 1 && n[0]["status"] == "SUCCEEDED"
	}, "the first delivery succeeds")
	delivery := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": id}).Must())[0]["id"].(string)

	const redeliver = `mutation($id: ID!) { redeliverWebhookDelivery(id: $id) { delivery { id status attempts deliveredAt } } }`
	env.SignIn("admin@acme.test").Do(redeliver, apptest.Vars{"id": delivery}).RequireCode("FORBIDDEN")
	op.Do(redeliver, apptest.Vars{"id": uuid.NewString()}).RequireCode("NOT_FOUND")
	env.Exec(`UPDATE webhook_deliveries SET status = 'RETRYING' WHERE id = $1`, delivery)
	op.Do(redeliver, apptest.Vars{"id": delivery}).RequireCode("CONFLICT")
	env.Exec(`UPDATE webhook_deliveries SET status = 'SUCCEEDED' WHERE id = $1`, delivery)
	op.Do(`mutation($id: ID!) { updateWebhookEndpoint(id: $id, enabled: false) { endpoint { enabled } } }`, apptest.Vars{"id": id}).Must()
	op.Do(redeliver, apptest.Vars{"id": delivery}).RequireCode("CONFLICT")
	require.Len(t, rec.requests(), 1, "refused redeliveries send nothing")
	op.Do(`mutation($id: ID!) { updateWebhookEndpoint(id: $id, enabled: true) { endpoint { enabled } } }`, apptest.Vars{"id": id}).Must()

	r := op.Do(redeliver, apptest.Vars{"id": delivery}).Must()
	require.Equal(t, "PENDING", r.Get("redeliverWebhookDelivery.delivery.status"))
	require.EqualValues(t, 0, r.Get("redeliverWebhookDelivery.delivery.attempts"))
	require.Nil(t, r.Get("redeliverWebhookDelivery.delivery.deliveredAt"))
	again := rec.wait(env, 2)[1]
	require.Equal(t, first.header.Get("webhook-id"), again.header.Get("webhook-id"), "the same event id: receivers deduplicate")
	require.Equal(t, first.body, again.body)
	verify(t, secret, again)
	env.Eventually(func() bool {
		n := deliveryNodes(op.Do(endpointDeliveries, apptest.Vars{"id": id}).Must())
		return len(n) == 1 && n[0]["status"] == "SUCCEEDED" && n[0]["attempts"] == float64(1)
	}, "the redelivery succeeds")
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'webhook.delivery_redelivered'
		AND before->>'deliveryId' = $1`, delivery))
}
