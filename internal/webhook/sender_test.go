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
