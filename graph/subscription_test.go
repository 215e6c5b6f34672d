package graph_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/live/livetest"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// accountChanged is the subscription every test subscribes with.
const accountChanged = `subscription($a: ID!) { accountChanged(accountId: $a) {
	kind accountId refetch userIds invitationIds memberCount
	members { userId removed email role status userStatus }
	invitations { id removed email role status expired deliveryState }
	recipients { userId technical billing }
} }`

// within is how soon a committed change must reach a subscriber.
const within = time.Second

// liveFixture is an account with an Owner, an Administrator who subscribes,
// and two more members.
type liveFixture struct {
	env                      *apptest.Env
	acct                     account.Account
	owner, admin, ann, bob   user.User
	ownerClient, adminClient *apptest.Client
}

func newLiveFixture(t *testing.T, opts ...apptest.Option) liveFixture {
	env := apptest.New(t, opts...)
	f := liveFixture{env: env, acct: env.Account("Live"),
		owner: env.User("owner@live.test", false), admin: env.User("admin@live.test", false),
		ann: env.User("ann@live.test", false), bob: env.User("bob@live.test", false)}
	env.Member(f.acct, f.owner, member.RoleOwner, member.StatusActive)
	env.Member(f.acct, f.admin, member.RoleAdministrator, member.StatusActive)
	env.Member(f.acct, f.ann, member.RoleUser, member.StatusActive)
	env.Member(f.acct, f.bob, member.RoleUser, member.StatusActive)
	// Access elsewhere keeps the Administrator's session alive when they
	// lose this account.
	env.Member(env.Account("Elsewhere"), f.admin, member.RoleAdministrator, member.StatusActive)
	f.ownerClient, f.adminClient = env.SignIn("owner@live.test"), env.SignIn("admin@live.test")
	return f
}

// subscribe opens a WebSocket as the Administrator, subscribes, and waits
// until the subscription is registered and the hub listens.
func (f liveFixture) subscribe(t *testing.T) *livetest.WS {
	ws := livetest.Dial(t, f.env.Server.URL, f.adminClient.Token)
	before := f.env.App.Live.Count()
	ws.Subscribe("1", accountChanged, map[string]any{"a": f.acct.ID.String()})
	f.waitSubscribed(t, before+1)
	return ws
}

// waitSubscribed waits until the hub holds n subscriptions and listens.
func (f liveFixture) waitSubscribed(t *testing.T, n int) {
	require.Eventually(t, func() bool { return f.env.App.Live.Count() >= n }, 10*time.Second, 5*time.Millisecond)
	select {
	case <-f.env.App.Live.Listening():
	case <-time.After(10 * time.Second):
		t.Fatal("the hub is not listening")
	}
}

// change reads the next message and returns its accountChanged.
func change(t *testing.T, ws *livetest.WS) map[string]any {
	t.Helper()
	m := ws.Next(within)
	require.Equal(t, "next", m.Type, "%s", m.Payload)
	r := m.Result(t)
	require.Empty(t, r.Errors)
	return r.Data["accountChanged"].(map[string]any)
}

// TestSubscription_WebSocket makes a change of each kind over HTTP and
// checks that the subscriber learns each, in order, with the state and the
// member total a visible page needs.
func TestSubscription_WebSocket(t *testing.T) {
	t.Parallel()
	f := newLiveFixture(t)
	ws := f.subscribe(t)
	acct := f.acct.ID.String()

	r := f.ownerClient.Do(`mutation($a: ID!, $u: [ID!]!) { deactivateMembers(accountId: $a, userIds: $u) { totalCount results { error { code } } } }`,
		apptest.Vars{"a": acct, "u": []string{f.ann.ID.String()}}).Must()
	require.EqualValues(t, 4, r.Get("deactivateMembers.totalCount"))
	c := change(t, ws)
	require.Equal(t, "MEMBERS_CHANGED", c["kind"])
	require.Equal(t, []any{f.ann.ID.String()}, c["userIds"])
	require.Equal(t, map[string]any{"userId": f.ann.ID.String(), "removed": false, "email": "ann@live.test",
		"role": "USER", "status": "INACTIVE", "userStatus": "ACTIVE"}, c["members"].([]any)[0])
	require.EqualValues(t, 4, c["memberCount"])

	r = f.ownerClient.Do(`mutation($a: ID!, $u: [ID!]!) { deleteMembers(accountId: $a, userIds: $u) { totalCount } }`,
		apptest.Vars{"a": acct, "u": []string{f.ann.ID.String()}}).Must()
	require.EqualValues(t, 3, r.Get("deleteMembers.totalCount"))
	c = change(t, ws)
	require.Equal(t, "MEMBERS_CHANGED", c["kind"])
	require.Equal(t, true, c["members"].([]any)[0].(map[string]any)["removed"])
	require.EqualValues(t, 3, c["memberCount"])

	f.ownerClient.Do(`mutation($a: ID!) { inviteUsers(accountId: $a, emails: "new@live.test", role: USER) { created { id } } }`,
		apptest.Vars{"a": acct}).Must()
	c = change(t, ws)
	require.Equal(t, "INVITATIONS_CHANGED", c["kind"])
	inv := c["invitations"].([]any)[0].(map[string]any)
	require.Equal(t, "new@live.test", inv["email"])
	require.Equal(t, "PENDING", inv["status"])

	f.ownerClient.Do(`mutation($a: ID!, $u: [ID!]!) { setNotificationRecipients(accountId: $a, kind: BILLING, userIds: $u) { recipients { user { id } } } }`,
		apptest.Vars{"a": acct, "u": []string{f.bob.ID.String()}}).Must()
	c = change(t, ws)
	require.Equal(t, "RECIPIENTS_CHANGED", c["kind"])
	require.Contains(t, c["recipients"], map[string]any{"userId": f.bob.ID.String(), "technical": false, "billing": true})
}

// TestSubscription_RolledBack checks that a change rolled back notifies
// nobody: the next event is the committed change after it.
func TestSubscription_RolledBack(t *testing.T) {
	t.Parallel()
	f := newLiveFixture(t)
	ws := f.subscribe(t)
	ctx := context.Background()
	tx, err := f.env.Pool.Begin(ctx)
	require.NoError(t, err)
	_, err = tx.Exec(ctx, `UPDATE memberships SET status = 'INACTIVE' WHERE account_id = $1 AND user_id = $2`, f.acct.ID, f.ann.ID)
	require.NoError(t, err)
	require.NoError(t, tx.Rollback(ctx))
	ws.Quiet(200 * time.Millisecond)

	f.env.Exec(`UPDATE memberships SET role = 'FINANCE_MANAGER' WHERE account_id = $1 AND user_id = $2`, f.acct.ID, f.bob.ID)
	c := change(t, ws)
	require.Equal(t, []any{f.bob.ID.String()}, c["userIds"])
	require.Equal(t, "FINANCE_MANAGER", c["members"].([]any)[0].(map[string]any)["role"])
}

// TestSubscription_CutOff checks that a subscriber who loses access stops
// receiving at once: the stream ends with an error carrying a code, even
// when the change concerns no account event.
func TestSubscription_CutOff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		cut  func(f liveFixture)
		code string
	}{
		{"deactivated in the account", func(f liveFixture) {
			f.ownerClient.Do(`mutation($a: ID!, $u: [ID!]!) { deactivateMembers(accountId: $a, userIds: $u) { results { error { code } } } }`,
				apptest.Vars{"a": f.acct.ID.String(), "u": []string{f.admin.ID.String()}}).Must()
		}, "FORBIDDEN"},
		{"removed", func(f liveFixture) {
			f.env.Exec(`DELETE FROM memberships WHERE account_id = $1 AND user_id = $2`, f.acct.ID, f.admin.ID)
		}, "FORBIDDEN"},
		{"deactivated platform-wide", func(f liveFixture) {
			f.env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, f.admin.ID)
		}, "UNAUTHENTICATED"},
		{"signed out", func(f liveFixture) { f.adminClient.Do(`mutation { signOut { ok } }`, nil).Must() }, "UNAUTHENTICATED"},
		{"session revoked", func(f liveFixture) {
			f.env.Exec(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, f.admin.ID)
		}, "UNAUTHENTICATED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newLiveFixture(t)
			ws := f.subscribe(t)
			tc.cut(f)
			m := ws.Next(within)
			require.Equal(t, "error", m.Type, "%s", m.Payload)
			require.Equal(t, tc.code, m.Code(t))
			f.env.Exec(`UPDATE memberships SET role = 'FINANCE_MANAGER' WHERE account_id = $1 AND user_id = $2`, f.acct.ID, f.bob.ID)
			ws.Quiet(200 * time.Millisecond)
		})
	}
}

// TestSubscription_Refused covers what is refused at subscribe time.
func TestSubscription_Refused(t *testing.T) {
	t.Parallel()
	f := newLiveFixture(t, func(c *config.Config) { c.SubscriptionsPerConnection = 2 })
	other := f.env.Account("Other")
	outsider := f.env.User("admin@other.test", false)
	f.env.Member(other, outsider, member.RoleOwner, member.StatusActive)

	anon := livetest.Dial(t, f.env.Server.URL, "")
	anon.Subscribe("1", accountChanged, map[string]any{"a": f.acct.ID.String()})
	require.Equal(t, "UNAUTHENTICATED", anon.Next(within).Code(t))

	stranger := livetest.Dial(t, f.env.Server.URL, f.env.SignIn("admin@other.test").Token)
	stranger.Subscribe("1", accountChanged, map[string]any{"a": f.acct.ID.String()})
	require.Equal(t, "FORBIDDEN", stranger.Next(within).Code(t))

	_, err := livetest.DialErr(t, f.env.Server.URL, "not-a-token")
	require.Error(t, err, "a token naming no session closes the connection")

	ws := f.subscribe(t)
	ws.Subscribe("2", accountChanged, map[string]any{"a": f.acct.ID.String()})
	ws.Subscribe("3", accountChanged, map[string]any{"a": f.acct.ID.String()})
	m := ws.Next(within)
	require.Contains(t, []string{"2", "3"}, m.ID, "one of the later two is refused")
	require.Equal(t, "LIMIT_EXCEEDED", m.Code(t))
}

// TestSubscription_SSE subscribes over Server-Sent Events, receives a
// change, and is cut off with a code in the stream's last event.
func TestSubscription_SSE(t *testing.T) {
	t.Parallel()
	f := newLiveFixture(t)
	events := livetest.SSE(t, f.env.Server.URL, f.adminClient.Token, accountChanged, map[string]any{"a": f.acct.ID.String()})
	f.waitSubscribed(t, 1)
	f.env.Exec(`UPDATE memberships SET role = 'FINANCE_MANAGER' WHERE account_id = $1 AND user_id = $2`, f.acct.ID, f.bob.ID)
	m := next(t, events)
	require.Equal(t, "next", m.Type)
	require.Equal(t, "MEMBERS_CHANGED", m.Result(t).Data["accountChanged"].(map[string]any)["kind"])

	f.env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, f.admin.ID)
	m = next(t, events)
	require.Equal(t, "UNAUTHENTICATED", m.Code(t))
	require.Equal(t, "complete", next(t, events).Type)
}

func next(t *testing.T, events <-chan livetest.Message) livetest.Message {
	t.Helper()
	select {
	case m, ok := <-events:
		require.True(t, ok, "the stream ended")
		return m
	case <-time.After(within):
		t.Fatalf("no event within %s", within)
	}
	return livetest.Message{}
}

// TestSubscription_SlowClientDropped fills a subscription's buffer faster
// than it is read and checks the subscription is dropped, not buffered.
func TestSubscription_SlowClientDropped(t *testing.T) {
	t.Parallel()
	f := newLiveFixture(t, func(c *config.Config) { c.SubscriptionBuffer = 1 })
	ws := f.subscribe(t)
	// Many committed changes at once, as a burst of separate transactions.
	for i := range 200 {
		role := []string{"USER", "FINANCE_MANAGER"}[i%2]
		require.NoError(t, pgx.BeginFunc(context.Background(), f.env.Pool, func(tx pgx.Tx) error {
			_, err := tx.Exec(context.Background(), `UPDATE memberships SET role = $3 WHERE account_id = $1 AND user_id = $2`, f.acct.ID, f.bob.ID, role)
			return err
		}))
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		m := ws.Next(10 * time.Second)
		if m.Type == "error" {
			require.Equal(t, "LIMIT_EXCEEDED", m.Code(t))
			break
		}
		require.True(t, time.Now().Before(deadline), "never dropped")
	}
	require.Eventually(t, func() bool { return f.env.App.Live.Count() == 0 }, 10*time.Second, 10*time.Millisecond)
}

// TestSubscription_BulkPayloadTotals checks the fresh member totals of the
// bulk payloads.
func TestSubscription_BulkPayloadTotals(t *testing.T) {
	t.Parallel()
	f := newLiveFixture(t)
	f.env.User("op@live.test", true)
	op := f.env.SignIn("op@live.test")
	r := op.Do(`mutation($r: [MembershipRef!]!) { setMembershipStatuses(items: $r, status: INACTIVE) { results { memberCount error { code } } } }`,
		apptest.Vars{"r": []map[string]any{{"accountId": f.acct.ID.String(), "userId": f.bob.ID.String()}}}).Must()
	require.EqualValues(t, 4, r.Get("setMembershipStatuses.results.0.memberCount"))
	r = f.ownerClient.Do(`mutation($a: ID!, $u: [ID!]!) { activateMembers(accountId: $a, userIds: $u) { totalCount } }`,
		apptest.Vars{"a": f.acct.ID.String(), "u": []string{f.bob.ID.String()}}).Must()
	require.EqualValues(t, 4, r.Get("activateMembers.totalCount"))
}

// TestSubscription_PlatformDeactivationOfMember deactivates a member
// platform-wide, then activates them, in bulk as the user explorer does:
// the account's subscribers hear of each with the status the members list
// shows (INACTIVE, then ACTIVE) and the membership's own status underneath.
func TestSubscription_PlatformDeactivationOfMember(t *testing.T) {
	t.Parallel()
	f := newLiveFixture(t)
	f.env.User("op@roster.test", true)
	op := f.env.SignIn("op@roster.test")
	ws := livetest.Dial(t, f.env.Server.URL, f.adminClient.Token)
	before := f.env.App.Live.Count()
	ws.Subscribe("1", `subscription($a: ID!) { accountChanged(accountId: $a) { kind members { userId status accountStatus userStatus } } }`,
		map[string]any{"a": f.acct.ID.String()})
	f.waitSubscribed(t, before+1)

	op.Do(deactivateUsers, apptest.Vars{"u": []string{f.bob.ID.String()}, "c": true}).Must()
	c := change(t, ws)
	require.Equal(t, "MEMBERS_CHANGED", c["kind"])
	require.Equal(t, []any{map[string]any{"userId": f.bob.ID.String(), "status": "INACTIVE", "accountStatus": "ACTIVE", "userStatus": "INACTIVE"}}, c["members"])

	op.Do(activateUsers, apptest.Vars{"u": []string{f.bob.ID.String()}}).Must()
	c = change(t, ws)
	require.Equal(t, []any{map[string]any{"userId": f.bob.ID.String(), "status": "ACTIVE", "accountStatus": "ACTIVE", "userStatus": "ACTIVE"}}, c["members"])
}

// TestSubscription_Metrics: a subscription's events are counted as its
// operations, but observe no duration (the time since it began would fill
// the histogram's last bucket).
func TestSubscription_Metrics(t *testing.T) {
	t.Parallel()
	f := newLiveFixture(t)
	ws := f.subscribe(t)
	f.ownerClient.Do(`mutation($a: ID!, $u: [ID!]!) { deactivateMembers(accountId: $a, userIds: $u) { totalCount } }`,
		apptest.Vars{"a": f.acct.ID.String(), "u": []string{f.ann.ID.String()}}).Must()
	require.Equal(t, "MEMBERS_CHANGED", change(t, ws)["kind"])
	resp, err := http.Get(f.env.Server.URL + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var counted bool
	for _, line := range strings.Split(string(body), "\n") {
		if strings.HasPrefix(line, "roster_graphql_operations_total{") && strings.Contains(line, `type="subscription"`) {
			counted = true
		}
		require.False(t, strings.HasPrefix(line, "roster_graphql_operation_duration_seconds") && strings.Contains(line, `type="subscription"`), line)
	}
	require.True(t, counted, "the event is counted")
}
