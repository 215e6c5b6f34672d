package notify

import (
	"context"
	"encoding/base64"

	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
)

// Outcome is what happened to one recipient of a notification.
type Outcome string

const (
	// OutcomeQueued is the outcome of an email waiting for a worker.
	OutcomeQueued Outcome = "QUEUED"
	// OutcomeSent is the outcome of an email the SMTP server accepted.
	OutcomeSent Outcome = "SENT"
	// OutcomeSkipped is the outcome of a recipient who got no email, with the reason.
	OutcomeSkipped Outcome = "SKIPPED"
	// OutcomeRetrying is the outcome of an email that failed temporarily and will be tried again.
	OutcomeRetrying Outcome = "RETRYING"
	// OutcomeFailed is the outcome of an email that failed for good.
	OutcomeFailed Outcome = "FAILED"
)

// Notification is a message sent to one of an account's lists.
type Notification struct {
	ID          uuid.UUID
	AccountID   uuid.UUID
	Kind        Kind
	Subject     string
	Body        string
	CreatedBy   *uuid.UUID
	CreatedAt   time.Time
	FannedOutAt *time.Time
}

// Delivery is the outcome for one recipient of a notification.
type Delivery struct {
	NotificationID uuid.UUID
	UserID         uuid.UUID
	Email          string
	Outcome        Outcome
	Reason         *string
	Attempts       int
	UpdatedAt      time.Time
}

// FanOut inserts, in the caller's transaction, the job that sends a
// notification to its recipients.
type FanOut interface {
	DeliverNotification(ctx context.Context, tx pgx.Tx, notificationID uuid.UUID) error
}

const columns = `id, account_id, kind, subject, body, created_by, created_at, fanned_out_at`

func scanNotification(r pgx.CollectableRow) (Notification, error) {
	var n Notification
	return n, r.Scan(&n.ID, &n.AccountID, &n.Kind, &n.Subject, &n.Body, &n.CreatedBy, &n.CreatedAt, &n.FannedOutAt)
}

// Send stores a notification for an account's list and enqueues its
// fan-out in the same transaction. It returns INVALID_INPUT for an empty or
// overlong subject or body and NOT_FOUND for an unknown account.
func Send(ctx context.Context, pool *pgxpool.Pool, jobs FanOut, actor, accountID uuid.UUID, kind Kind, subject, body string) (Notification, error) {
	subject, body = strings.TrimSpace(subject), strings.TrimSpace(body)
	switch {
	case !kind.IsValid():
		return Notification{}, apperr.New(apperr.InvalidInput, "kind is TECHNICAL or BILLING.")
	case subject == "" || len([]rune(subject)) > 200 || strings.ContainsAny(subject, "\r\n"):
		return Notification{}, apperr.New(apperr.InvalidInput, "A subject has 1 to 200 characters on one line.")
	case body == "" || len(body) > 20000:
		return Notification{}, apperr.New(apperr.InvalidInput, "A body has 1 to 20,000 characters.")
	}
	var n Notification
	err := db.InTx(ctx, pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `INSERT INTO notifications (account_id, kind, subject, body, created_by)
			SELECT id, $2, $3, $4, $5 FROM accounts WHERE id = $1 RETURNING `+columns, accountID, kind, subject, body, actor)
		if err != nil {
			return err
		}
		list, err := pgx.CollectRows(rows, scanNotification)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return apperr.New(apperr.NotFound, "No such account.")
		}
		n = list[0]
		if err := jobs.DeliverNotification(ctx, tx, n.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actor, AccountID: &accountID, Action: "notification.sent",
			After: map[string]any{"notificationId": n.ID, "kind": kind, "subject": subject}})
	})
	return n, err
}

// ListNotifications returns up to first notifications of an account, newest
// first, after the cursor after, and whether more follow.
func ListNotifications(ctx context.Context, q db.DBTX, accountID uuid.UUID, first int, after string) ([]Notification, bool, error) {
	args := []any{accountID, first + 1}
	where := `account_id = $1`
	if after != "" {
		id, err := decodeCursor(after)
		if err != nil {
			return nil, false, err
		}
		args = append(args, id)
		where += ` AND (created_at, id) < (SELECT created_at, id FROM notifications WHERE id = $3)`
	}
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM notifications WHERE `+where+` ORDER BY created_at DESC, id DESC LIMIT $2`, args...)
	if err != nil {
		return nil, false, err
	}
	list, err := pgx.CollectRows(rows, scanNotification)
	if err != nil || len(list) <= first {
		return list, false, err
	}
	return list[:first], true, nil
}

// Cursor returns the opaque cursor of n.
func (n Notification) Cursor() string {
	return base64.RawURLEncoding.EncodeToString([]byte("n:" + n.ID.String()))
}

// decodeCursor returns the notification id inside a cursor made by Cursor.
// It returns db.ErrBadCursor (INVALID_INPUT) for anything else.
func decodeCursor(c string) (uuid.UUID, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	rest, ok := strings.CutPrefix(string(b), "n:")
	if err != nil || !ok || len(rest) != 36 {
		return uuid.Nil, db.ErrBadCursor
	}
	id, err := uuid.Parse(rest)
	if err != nil {
		return uuid.Nil, db.ErrBadCursor
	}
	return id, nil
}

// Reasons an account's members see instead of the SMTP server's own words,
// which name hosts and resolvers of the provider.
const (
	TenantReasonRetrying = "The email was not accepted yet; it is tried again automatically."
	TenantReasonFailed   = "The email could not be delivered to this recipient."
)

// ForTenant is the delivery as an account's members see it: the reason of
// a temporary or permanent failure is a generic one, not the SMTP error
// (operators see that); the reason of a skip is Roster's own and stays.
func (d Delivery) ForTenant() Delivery {
	if d.Reason == nil {
		return d
	}
	switch d.Outcome {
	case OutcomeRetrying:
		why := TenantReasonRetrying
		d.Reason = &why
	case OutcomeFailed:
		why := TenantReasonFailed
		d.Reason = &why
	}
	return d
}

// Deliveries returns the per-recipient outcomes of the given notifications.
func Deliveries(ctx context.Context, q db.DBTX, ids []uuid.UUID) ([]Delivery, error) {
	rows, err := q.Query(ctx, `SELECT notification_id, user_id, email, outcome, reason, attempts, updated_at
		FROM notification_deliveries WHERE notification_id = ANY($1) ORDER BY email`, ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Delivery, error) {
		var d Delivery
		return d, r.Scan(&d.NotificationID, &d.UserID, &d.Email, &d.Outcome, &d.Reason, &d.Attempts, &d.UpdatedAt)
	})
}

// PlanFanOut records, once, each recipient's outcome-to-be: SKIPPED with
// the reason for those who get no mail now, QUEUED for the rest, whose user
// ids it returns. A notification already fanned out returns nothing, so the
// fan-out is idempotent.
func PlanFanOut(ctx context.Context, tx pgx.Tx, id uuid.UUID) (Notification, []uuid.UUID, error) {
	rows, err := tx.Query(ctx, `SELECT `+columns+` FROM notifications WHERE id = $1 FOR UPDATE`, id)
	if err != nil {
		return Notification{}, nil, err
	}
	list, err := pgx.CollectRows(rows, scanNotification)
	if err != nil || len(list) == 0 || list[0].FannedOutAt != nil {
		return Notification{}, nil, err
	}
	n := list[0]
	recipients, err := List(ctx, tx, n.AccountID, n.Kind)
	if err != nil {
		return n, nil, err
	}
	var queued []uuid.UUID
	users, outcomes, reasons := make([]uuid.UUID, len(recipients)), make([]string, len(recipients)), make([]*string, len(recipients))
	for i, r := range recipients {
		users[i], outcomes[i] = r.UserID, string(OutcomeQueued)
		if why := r.SkipReason(); why != "" {
			outcomes[i], reasons[i] = string(OutcomeSkipped), &why
		} else {
			queued = append(queued, r.UserID)
		}
	}
	if _, err := tx.Exec(ctx, `INSERT INTO notification_deliveries (notification_id, user_id, email, outcome, reason)
		SELECT $1, t.u, users.email, t.o, t.r FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(u, o, r)
		JOIN users ON users.id = t.u ON CONFLICT DO NOTHING`, id, users, outcomes, reasons); err != nil {
		return n, nil, err
	}
	_, err = tx.Exec(ctx, `UPDATE notifications SET fanned_out_at = now() WHERE id = $1`, id)
	return n, queued, err
}

// RecordOutcome stores one recipient's outcome, unless it is already SENT.
func RecordOutcome(ctx context.Context, q db.DBTX, id, userID uuid.UUID, o Outcome, reason *string, attempts int) error {
	_, err := q.Exec(ctx, `UPDATE notification_deliveries SET outcome = $3, reason = $4, attempts = $5, updated_at = now()
		WHERE notification_id = $1 AND user_id = $2 AND outcome <> 'SENT'`, id, userID, o, reason, attempts)
	return err
}
