package jobs

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/rosterhq/roster/internal/webhook"
)

// QueueWebhooks is the queue of webhook deliveries: apart from the emails, so
// that slow receivers never hold up mail, with its own number of workers
// (WEBHOOK_CONCURRENCY).
const QueueWebhooks = "webhooks"

// DeliverWebhookArgs posts one event to one endpoint.
type DeliverWebhookArgs struct {
	DeliveryID uuid.UUID `json:"delivery_id"`
}

// Kind is the job kind stored by River.
func (DeliverWebhookArgs) Kind() string { return "DeliverWebhook" }

// InsertOpts puts deliveries on their queue and bounds the attempts.
func (DeliverWebhookArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueWebhooks, MaxAttempts: webhook.MaxAttempts}
}

// DeliverWebhookWorker works DeliverWebhookArgs. Every attempt carries the
// event's id as webhook-id, so a receiver that got an attempt whose answer
// was lost deduplicates the retry; once an attempt succeeded, running the
// job again sends nothing.
type DeliverWebhookWorker struct {
	river.WorkerDefaults[DeliverWebhookArgs]
	Sender *webhook.Sender
}

// Work makes one attempt and records it; a failed attempt returns an error,
// so that River tries again at NextRetry.
func (w *DeliverWebhookWorker) Work(ctx context.Context, job *river.Job[DeliverWebhookArgs]) error {
	return w.Sender.Attempt(ctx, job.Args.DeliveryID, job.Attempt)
}

// NextRetry follows webhook.RetryDelay, the schedule the delivery shows as
// its next attempt.
func (w *DeliverWebhookWorker) NextRetry(job *river.Job[DeliverWebhookArgs]) time.Time {
	return time.Now().Add(webhook.RetryDelay(job.Attempt))
}

// DeliverWebhooks inserts one delivery job per delivery.
func (e Enqueuer) DeliverWebhooks(ctx context.Context, tx pgx.Tx, deliveryIDs []uuid.UUID) error {
	params := make([]river.InsertManyParams, len(deliveryIDs))
	for i, id := range deliveryIDs {
		params[i] = river.InsertManyParams{Args: DeliverWebhookArgs{DeliveryID: id}}
	}
	_, err := e.Client.InsertManyTx(ctx, tx, params)
	return err
}
