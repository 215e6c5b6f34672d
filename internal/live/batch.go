package live

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Batcher sends the change notifications that are too frequent to send from
// a trigger inside every transaction: an invitation's delivery state, which
// changes with every email. A NOTIFY holds a global lock through its
// commit's WAL flush, so one per email job would serialise the workers.
// Callers report a change after it committed; the Batcher notifies for all
// of them, grouped by account, once per interval. A change whose process
// dies before the next flush is not announced; subscribers see it at their
// next refetch.
type Batcher struct {
	pool     *pgxpool.Pool
	logger   *slog.Logger
	interval time.Duration

	mu          sync.Mutex
	invitations []uuid.UUID
}

// NewBatcher returns a Batcher that flushes every interval once Run runs.
func NewBatcher(pool *pgxpool.Pool, logger *slog.Logger, interval time.Duration) *Batcher {
	return &Batcher{pool: pool, logger: logger, interval: interval}
}

// InvitationChanged records that the invitation id changed in a committed
// transaction. It never blocks on the database.
func (b *Batcher) InvitationChanged(id uuid.UUID) {
	b.mu.Lock()
	b.invitations = append(b.invitations, id)
	b.mu.Unlock()
}

// Run flushes every interval until ctx ends, then flushes what is left.
func (b *Batcher) Run(ctx context.Context) {
	t := time.NewTicker(b.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			b.Flush(context.WithoutCancel(ctx))
			return
		case <-t.C:
			b.Flush(ctx)
		}
	}
}

// Flush notifies, per account, the invitations recorded since the last
// flush. A failure is logged and the changes dropped: a notification is a
// hint to refetch, never the data itself.
func (b *Batcher) Flush(ctx context.Context) {
	b.mu.Lock()
	ids := b.invitations
	b.invitations = nil
	b.mu.Unlock()
	if len(ids) == 0 {
		return
	}
	if _, err := b.pool.Exec(ctx, `SELECT live_send('I', account_id, array_agg(id)) FROM invitations
		WHERE id = ANY($1) GROUP BY account_id`, ids); err != nil {
		b.logger.WarnContext(ctx, "live: invitation changes not announced", "invitations", len(ids), "error", err)
	}
}
