package jobs

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/rosterhq/roster/internal/credential"
	"github.com/rosterhq/roster/internal/notify"
)

// PurgeUserServicesArgs permanently deletes a detached user's service
// credentials in one account.
type PurgeUserServicesArgs struct {
	AccountID uuid.UUID `json:"account_id"`
	UserID    uuid.UUID `json:"user_id"`
	// DetachedAt bounds the purge: credentials made after a later re-join stay.
	DetachedAt time.Time `json:"detached_at"`
}

// Kind is the job kind stored by River.
func (PurgeUserServicesArgs) Kind() string { return "PurgeUserServices" }

// PurgeUserServicesWorker works PurgeUserServicesArgs; running it twice
// deletes nothing the second time.
type PurgeUserServicesWorker struct {
	river.WorkerDefaults[PurgeUserServicesArgs]
	Pool *pgxpool.Pool
}

// Work deletes the credentials.
func (w *PurgeUserServicesWorker) Work(ctx context.Context, job *river.Job[PurgeUserServicesArgs]) error {
	_, err := credential.Purge(ctx, w.Pool, job.Args.AccountID, job.Args.UserID, job.Args.DetachedAt)
	return err
}

// ReplaceNotificationRecipientArgs hands a removed member's places in an
// account's notification lists to the account's Owner.
type ReplaceNotificationRecipientArgs struct {
	AccountID uuid.UUID     `json:"account_id"`
	UserID    uuid.UUID     `json:"user_id"`
	Kinds     []notify.Kind `json:"kinds"`
}

// Kind is the job kind stored by River.
func (ReplaceNotificationRecipientArgs) Kind() string { return "ReplaceNotificationRecipient" }

// ReplaceNotificationRecipientWorker works ReplaceNotificationRecipientArgs.
// It reads the Owner when it runs, adds them at most once, and does nothing
// when the user is a member again; running it twice changes nothing.
type ReplaceNotificationRecipientWorker struct {
	river.WorkerDefaults[ReplaceNotificationRecipientArgs]
	Pool *pgxpool.Pool
}

// Work replaces the recipient.
func (w *ReplaceNotificationRecipientWorker) Work(ctx context.Context, job *river.Job[ReplaceNotificationRecipientArgs]) error {
	_, err := notify.ReplaceWithOwner(ctx, w.Pool, job.Args.AccountID, job.Args.UserID, job.Args.Kinds)
	return err
}

// PurgeUserServices inserts the purge job.
func (e Enqueuer) PurgeUserServices(ctx context.Context, tx pgx.Tx, accountID, userID uuid.UUID, removedAt time.Time) error {
	_, err := e.Client.InsertTx(ctx, tx, PurgeUserServicesArgs{AccountID: accountID, UserID: userID, DetachedAt: removedAt}, nil)
	return err
}

// ReplaceRecipient inserts the replacement job.
func (e Enqueuer) ReplaceRecipient(ctx context.Context, tx pgx.Tx, accountID, userID uuid.UUID, kinds []notify.Kind) error {
	_, err := e.Client.InsertTx(ctx, tx, ReplaceNotificationRecipientArgs{AccountID: accountID, UserID: userID, Kinds: kinds}, nil)
	return err
}
