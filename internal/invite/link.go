package invite

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
)

// Link is what the email of an invitation needs, returned by MintLink.
type Link struct {
	Email       string
	Role        member.Role
	InviterName string
	// InviterEmail is empty when the inviter's user is gone.
	InviterEmail string
	AccountName  string
	ExpiresAt    time.Time
}

// MintLink stores tokenHash as the link of invitation id for its email job
// jobID and returns what the email needs. One statement checks that jobID is
// still the invitation's newest job, that it has not sent, that the
// invitation is pending and unexpired and that its recipient is not
// deactivated platform-wide, locks the invitation and stores the new link's
// hash. It returns ErrNotFound when any of these fails (the job sends
// nothing), and any database error as is.
func MintLink(ctx context.Context, q db.DBTX, id uuid.UUID, jobID int64, tokenHash []byte) (Link, error) {
	var l Link
	err := q.QueryRow(ctx, `UPDATE invitations i SET token_hash = $3
		FROM accounts a
		WHERE i.id = $1 AND i.job_id = $2 AND i.delivery_state <> 'SENT' AND i.status = 'PENDING' AND i.expires_at > now()
			AND a.id = i.account_id
			AND NOT EXISTS (SELECT 1 FROM users WHERE email = i.email AND status = 'INACTIVE')
		RETURNING i.email, i.role, i.inviter_name, i.expires_at, a.name, coalesce((SELECT email FROM users WHERE id = i.invited_by), '')`,
		id, jobID, tokenHash).Scan(&l.Email, &l.Role, &l.InviterName, &l.ExpiresAt, &l.AccountName, &l.InviterEmail)
	if errors.Is(err, pgx.ErrNoRows) {
		return Link{}, ErrNotFound
	}
	return l, err
}
