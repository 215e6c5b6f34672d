package jobs

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/rosterhq/roster/internal/mail"
	"github.com/rosterhq/roster/internal/notify"
)

// DeliverNotificationArgs delivers a notification. Without UserID it fans
// out: it records each recipient's outcome-to-be and inserts one
// DeliverNotification per recipient who receives mail now; with UserID it
// sends that recipient's email.
type DeliverNotificationArgs struct {
	NotificationID uuid.UUID  `json:"notification_id"`
	UserID         *uuid.UUID `json:"user_id,omitempty"`
}

// Kind is the job kind stored by River.
func (DeliverNotificationArgs) Kind() string { return "DeliverNotification" }

// InsertOpts bounds the retries of an email.
func (DeliverNotificationArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: emailAttempts}
}

// DeliverNotificationWorker works DeliverNotificationArgs. Both steps are
// idempotent: a fan-out runs once per notification, and an email already
// sent is not sent again. Whether a recipient is still ACTIVE in the account
// and platform-wide is checked again when their email is sent.
type DeliverNotificationWorker struct {
	river.WorkerDefaults[DeliverNotificationArgs]
	Pool   *pgxpool.Pool
	Mailer Mailer
}

// Work fans out or sends.
func (w *DeliverNotificationWorker) Work(ctx context.Context, job *river.Job[DeliverNotificationArgs]) error {
	if job.Args.UserID == nil {
		return w.fanOut(ctx, job.Args.NotificationID)
	}
	return w.send(ctx, job, job.Args.NotificationID, *job.Args.UserID)
}

func (w *DeliverNotificationWorker) fanOut(ctx context.Context, id uuid.UUID) error {
	return pgx.BeginFunc(ctx, w.Pool, func(tx pgx.Tx) error {
		_, queued, err := notify.PlanFanOut(ctx, tx, id)
		if err != nil || len(queued) == 0 {
			return err
		}
		params := make([]river.InsertManyParams, len(queued))
		for i := range queued {
			params[i] = river.InsertManyParams{Args: DeliverNotificationArgs{NotificationID: id, UserID: &queued[i]}}
		}
		_, err = river.ClientFromContext[pgx.Tx](ctx).InsertManyTx(ctx, tx, params)
		return err
	})
}

func (w *DeliverNotificationWorker) send(ctx context.Context, job *river.Job[DeliverNotificationArgs], id, userID uuid.UUID) error {
	var msg *mail.Message
	err := pgx.BeginFunc(ctx, w.Pool, func(tx pgx.Tx) error {
		e, err := notify.LockDelivery(ctx, tx, id, userID)
		if errors.Is(err, notify.ErrDeliveryNotFound) || (err == nil && e.Outcome == notify.OutcomeSent) {
			return nil // the notification is gone, or the email was sent
		}
		if err != nil {
			return err
		}
		if e.Email == nil {
			why := "the user was deleted"
			countEmail(ctx, EmailSuppressed)
			return notify.RecordOutcome(ctx, tx, id, userID, notify.OutcomeSkipped, &why, job.Attempt)
		}
		if why := e.Recipient.SkipReason(); why != "" {
			countEmail(ctx, EmailSuppressed)
			return notify.RecordOutcome(ctx, tx, id, userID, notify.OutcomeSkipped, &why, job.Attempt)
		}
		m, err := mail.RenderNotification(*e.Email, mail.Notification{AccountName: e.AccountName, Kind: string(e.Kind), Subject: e.Subject, Body: e.Body})
		msg = &m
		return err
	})
	if err != nil || msg == nil {
		return err
	}
	msg.Headers["X-Roster-Job"] = fmt.Sprint(job.ID)
	sendErr := w.Mailer.Send(ctx, *msg)
	outcome, reason := notify.OutcomeSent, (*string)(nil)
	if sendErr != nil {
		d := outcomeOf(job.Attempt, job.MaxAttempts, sendErr)
		outcome, reason = d.outcome, &d.reason
	}
	if err := notify.RecordOutcome(context.WithoutCancel(ctx), w.Pool, id, userID, outcome, reason, job.Attempt); err != nil {
		return errors.Join(sendErr, err)
	}
	return retryOrCancel(sendErr)
}

type attemptOutcome struct {
	outcome notify.Outcome
	reason  string
}

func outcomeOf(attempt, maxAttempts int, err error) attemptOutcome {
	if mail.IsPermanent(err) || attempt >= maxAttempts {
		return attemptOutcome{notify.OutcomeFailed, err.Error()}
	}
	return attemptOutcome{notify.OutcomeRetrying, err.Error()}
}

// DeliverNotification inserts the fan-out job of a notification.
func (e Enqueuer) DeliverNotification(ctx context.Context, tx pgx.Tx, id uuid.UUID) error {
	_, err := e.Client.InsertTx(ctx, tx, DeliverNotificationArgs{NotificationID: id}, nil)
	return err
}
