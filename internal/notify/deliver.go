package notify

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/apperr"
)

// ErrDeliveryNotFound is returned when a notification has no delivery row
// for a user (the notification is gone).
var ErrDeliveryNotFound = apperr.New(apperr.NotFound, "No such notification delivery.")

// PendingEmail is what one recipient's email of a notification needs, read
// by LockDelivery.
type PendingEmail struct {
	// Outcome is the delivery's outcome so far.
	Outcome     Outcome
	AccountName string
	Kind        Kind
	Subject     string
	Body        string
	// Email is nil when the user was deleted; Recipient.UserStatus is then empty.
	Email *string
	// Recipient carries the user's status now, platform-wide and in the
	// account (MembershipStatus nil when no longer a member).
	Recipient Recipient
}

// LockDelivery reads the delivery of notification id to userID with what
// its email needs and locks the delivery row in tx. It returns
// ErrDeliveryNotFound when there is no such delivery, and any database
// error as is.
func LockDelivery(ctx context.Context, tx pgx.Tx, id, userID uuid.UUID) (PendingEmail, error) {
	var p PendingEmail
	var userStatus *string
	err := tx.QueryRow(ctx, `SELECT d.outcome, a.name, n.kind, n.subject, n.body, u.email, u.status,
			(SELECT status FROM memberships WHERE account_id = n.account_id AND user_id = d.user_id)
		FROM notification_deliveries d
		JOIN notifications n ON n.id = d.notification_id
		JOIN accounts a ON a.id = n.account_id
		LEFT JOIN users u ON u.id = d.user_id
		WHERE d.notification_id = $1 AND d.user_id = $2 FOR UPDATE OF d`, id, userID).
		Scan(&p.Outcome, &p.AccountName, &p.Kind, &p.Subject, &p.Body, &p.Email, &userStatus, &p.Recipient.MembershipStatus)
	if errors.Is(err, pgx.ErrNoRows) {
		return PendingEmail{}, ErrDeliveryNotFound
	}
	if err != nil {
		return PendingEmail{}, err
	}
	if userStatus != nil {
		p.Recipient.UserStatus = *userStatus
	}
	return p, nil
}
