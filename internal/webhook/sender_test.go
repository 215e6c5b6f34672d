package webhook_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/dbtest"
	"github.com/rosterhq/roster/internal/webhook"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// collect is an Enqueuer that keeps the delivery ids instead of inserting
// jobs, so that a test makes the attempts itself.
type collect struct{ ids []uuid.UUID }

func (c *collect) DeliverWebhooks(_ context.Context, _ pgx.Tx, ids []uuid.UUID) error {
	c.ids = append(c.ids, ids...)
	return nil
}

// pendingDelivery adds an endpoint at url and emits one user.deleted event
// to it, returning the delivery's id.
func pendingDelivery(t *testing.T, pool *pgxpool.Pool, url string) uuid.UUID {
	t.Helper()
	ctx := context.Background()
	_, err := pool.Exec(ctx, `INSERT INTO webhook_endpoints (url, event_types, secret) VALUES ($1, '{user.deleted}', $2)`, url, webhook.NewSecret())
	require.NoError(t, err)
	var c collect
	tx, err := pool.Begin(ctx)
	require.NoError(t, err)
	require.NoError(t, webhook.Emit(ctx, tx, &c, webhook.Event{Type: webhook.EventUserDeleted, UserID: uuid.New()}))
	require.NoError(t, tx.Commit(ctx))
	require.Len(t, c.ids, 1)
	return c.ids[0]
}

// TestSender_AttemptEndedByJobTimeoutIsRecorded runs an attempt whose job
// context ends (River's JOB_TIMEOUT, shorter than WEBHOOK_TIMEOUT) while
// the receiver hangs: the attempt is still recorded as a timed-out failure
// with its next attempt, rather than leaving the delivery PENDING with no
// trace of it (and, after the last attempt, PENDING for ever).
func TestSender_AttemptEndedByJobTimeoutIsRecorded(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	done := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-done:
		}
	}))
	t.Cleanup(hang.Close)
	t.Cleanup(func() { close(done) })
	id := pendingDelivery(t, pool, hang.URL)
	s := &webhook.Sender{Pool: pool, Client: webhook.NewClient(time.Minute)}

	for attempt := 1; attempt <= webhook.MaxAttempts; attempt += webhook.MaxAttempts - 1 {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		err := s.Attempt(ctx, id, attempt)
		cancel()
		require.ErrorIs(t, err, webhook.ErrAttemptFailed)
		var (
			status   string
			attempts int
			lastErr  *string
			next     *time.Time
		)
		require.NoError(t, pool.QueryRow(context.Background(), `SELECT status, attempts, last_error, next_attempt_at FROM webhook_deliveries WHERE id = $1`, id).
			Scan(&status, &attempts, &lastErr, &next))
		require.Equal(t, attempt, attempts)
		require.NotNil(t, lastErr)
		require.Contains(t, *lastErr, "Timed out")
		if attempt < webhook.MaxAttempts {
			require.Equal(t, "RETRYING", status)
			require.NotNil(t, next)
		} else {
			require.Equal(t, "FAILED", status, "the last attempt finishes the delivery")
			require.Nil(t, next)
		}
	}
}

// signedBy reports which of the secrets verify a request's signature.
func signedBy(t *testing.T, r *http.Request, body []byte, secrets ...string) []bool {
	t.Helper()
	out := make([]bool, len(secrets))
	for i, s := range secrets {
		wh, err := standardwebhooks.NewWebhook(s)
		require.NoError(t, err)
		out[i] = wh.Verify(body, r.Header) == nil
	}
	return out
}

// TestSender_SecretsAcrossRotationsAndKeys follows one endpoint's secret as
// an operator might: made before WEBHOOK_SECRET_KEY was set (stored in
// clear, still signing once the key is), rotated twice within the grace
// period (the first secret ends at once, the last two sign), and deleted
// with a delivery pending (its job then sends nothing).
func TestSender_SecretsAcrossRotationsAndKeys(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	ctx := context.Background()
	type got struct {
		req  *http.Request
		body []byte
	}
	reqs := make(chan got, 10)
	rec := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		reqs <- got{r, b}
	}))
	t.Cleanup(rec.Close)
	clear, err := webhook.NewSealer("")
	require.NoError(t, err)
	sealed, err := webhook.NewSealer("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
	require.NoError(t, err)
	actor := uuid.New()
	before := &webhook.Service{Pool: pool, Sealer: clear}
	e, s0, err := before.Create(ctx, actor, webhook.Changes{URL: &rec.URL, EventTypes: []webhook.EventType{webhook.EventUserDeleted}})
	require.NoError(t, err)
	sender := &webhook.Sender{Pool: pool, Sealer: sealed, Client: webhook.NewClient(5 * time.Second)}
	deliver := func() got {
		t.Helper()
		var c collect
		require.NoError(t, pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
			return webhook.Emit(ctx, tx, &c, webhook.Event{Type: webhook.EventUserDeleted, UserID: uuid.New()})
		}))
		require.Len(t, c.ids, 1)
		require.NoError(t, sender.Attempt(ctx, c.ids[0], 1))
		return <-reqs
	}

	g := deliver()
	require.Equal(t, []bool{true}, signedBy(t, g.req, g.body, s0), "a secret stored in clear still signs once the key is set")

	after := &webhook.Service{Pool: pool, Sealer: sealed}
	_, s1, err := after.RotateSecret(ctx, actor, e.ID)
	require.NoError(t, err)
	_, s2, err := after.RotateSecret(ctx, actor, e.ID)
	require.NoError(t, err)
	var stored string
	require.NoError(t, pool.QueryRow(ctx, `SELECT secret || previous_secret FROM webhook_endpoints WHERE id = $1`, e.ID).Scan(&stored))
	require.NotContains(t, stored, "whsec_", "both secrets sealed at rest")
	g = deliver()
	require.Equal(t, []bool{false, true, true}, signedBy(t, g.req, g.body, s0, s1, s2), "a second rotation ends the first secret at once")

	// Deleted with a delivery pending: the job finds nothing to send.
	var c collect
	require.NoError(t, pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		return webhook.Emit(ctx, tx, &c, webhook.Event{Type: webhook.EventUserDeleted, UserID: uuid.New()})
	}))
	require.NoError(t, after.Delete(ctx, actor, e.ID))
	require.NoError(t, sender.Attempt(ctx, c.ids[0], 1))
	select {
	case g := <-reqs:
		t.Fatalf("a deleted endpoint received %s", g.body)
	case <-time.After(200 * time.Millisecond):
	}
}

// TestCleanup_Retention keeps what is unfinished or recent and deletes
// finished deliveries past their retention, then the events left without one.
func TestCleanup_Retention(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	ctx := context.Background()
	exec := func(sql string, args ...any) {
		t.Helper()
		_, err := pool.Exec(ctx, sql, args...)
		require.NoError(t, err)
	}
	exec(`INSERT INTO webhook_endpoints (url, event_types, secret) VALUES ('https://h.example.com/', '{user.deleted}', 'whsec_x')`)
	old := time.Now().Add(-webhook.Retention - time.Hour)
	now, stranded := time.Now(), time.Now().Add(-webhook.Abandoned-time.Hour)
	for _, tc := range []struct {
		status string
		at     time.Time
		next   *time.Time
	}{
		{"SUCCEEDED", old, nil}, {"FAILED", old, nil}, {"CANCELLED", old, nil}, {"SUCCEEDED", now, nil},
		// Unfinished and due now, however old: kept as they are.
		{"RETRYING", old, &now}, {"PENDING", old, &now},
		// Unfinished, their attempt days overdue (the job is gone): FAILED, kept.
		{"RETRYING", now, &stranded}, {"PENDING", stranded, nil},
	} {
		id := uuid.New()
		exec(`INSERT INTO webhook_events (id, type, occurred_at, body) VALUES ($1, 'user.deleted', $2, '{}')`, id, tc.at)
		exec(`INSERT INTO webhook_deliveries (event_id, endpoint_id, status, created_at, next_attempt_at) SELECT $1, id, $2, $3, $4 FROM webhook_endpoints`,
			id, tc.status, tc.at, tc.next)
	}
	require.NoError(t, webhook.Cleanup(ctx, pool))
	rows, err := pool.Query(ctx, `SELECT d.status || coalesce(' ' || left(d.last_error, 9), '') FROM webhook_deliveries d
		JOIN webhook_events e ON e.id = d.event_id ORDER BY 1`)
	require.NoError(t, err)
	statuses, err := pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	require.Equal(t, []string{"FAILED Abandoned", "FAILED Abandoned", "PENDING", "RETRYING", "SUCCEEDED"}, statuses)
	var events int
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM webhook_events`).Scan(&events))
	require.Equal(t, 5, events, "the events of deleted deliveries went with them")
	require.NoError(t, webhook.Cleanup(ctx, pool), "running it again changes nothing")
}
