// Package invite holds invitations: asking an email address to join an
// account with a role, the preview and acceptance of the link, resending,
// revoking, expiry and the per-account quota.
package invite

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// Status is an invitation's state.
type Status string

const (
	// StatusPending is the state of an invitation whose link can still be accepted.
	StatusPending Status = "PENDING"
	// StatusAccepted is the state of an invitation that made its membership.
	StatusAccepted Status = "ACCEPTED"
	// StatusRevoked is the state of an invitation an administrator withdrew.
	StatusRevoked Status = "REVOKED"
	// StatusExpired is the state of an invitation whose link ran out of time.
	StatusExpired Status = "EXPIRED"
)

// IsValid reports whether s is a known status.
func (s Status) IsValid() bool {
	return s == StatusPending || s == StatusAccepted || s == StatusRevoked || s == StatusExpired
}

// DeliveryState is where the newest email of an invitation is.
type DeliveryState string

const (
	// DeliveryQueued is the state of an email waiting for a worker.
	DeliveryQueued DeliveryState = "QUEUED"
	// DeliverySent is the state of an email the SMTP server accepted.
	DeliverySent DeliveryState = "SENT"
	// DeliveryRetrying is the state of an email that failed temporarily and will be tried again.
	DeliveryRetrying DeliveryState = "RETRYING"
	// DeliveryFailed is the state of an email that failed for good (a permanent SMTP refusal or too many attempts).
	DeliveryFailed DeliveryState = "FAILED"
	// DeliverySuppressed is the state of an email not sent because the
	// recipient is deactivated platform-wide or the invitation ended first.
	DeliverySuppressed DeliveryState = "SUPPRESSED"
)

// ReasonRecipientInactive is the recorded reason of an email suppressed
// because its recipient is deactivated platform-wide. Only operators are shown
// it: to an account it would reveal a user of another tenant.
const ReasonRecipientInactive = "the recipient is deactivated platform-wide"

// Delivery is the state of an invitation's newest email.
type Delivery struct {
	State       DeliveryState
	Attempts    int
	LastError   *string
	DeliveredAt *time.Time
}

// Reasons an account's members see instead of the SMTP server's own words,
// which name hosts and resolvers of the provider.
const (
	TenantReasonRetrying = "The email was not accepted yet; it is tried again automatically."
	TenantReasonFailed   = "The email could not be delivered. Check the address, then resend the invitation."
)

// masked reports whether the delivery is an email suppressed because its
// recipient is deactivated platform-wide.
func (d Delivery) masked() bool {
	return d.State == DeliverySuppressed && d.LastError != nil && *d.LastError == ReasonRecipientInactive
}

// ForTenant is the delivery as an account's members see it. An email
// suppressed because its recipient is deactivated platform-wide shows
// exactly as a sent one (state, attempts, time, no error), since anything
// else would tell them that the address has a user elsewhere. A temporary
// or permanent failure shows a generic reason, not the SMTP error.
func (d Delivery) ForTenant() Delivery {
	switch {
	case d.masked():
		return Delivery{State: DeliverySent, Attempts: d.Attempts, DeliveredAt: d.DeliveredAt}
	case d.LastError != nil && d.State == DeliveryRetrying:
		why := TenantReasonRetrying
		d.LastError = &why
	case d.LastError != nil && d.State == DeliveryFailed:
		why := TenantReasonFailed
		d.LastError = &why
	}
	return d
}

// Invitation asks an email address to join an account with a role.
type Invitation struct {
	ID              uuid.UUID
	AccountID       uuid.UUID
	Email           string
	Role            member.Role
	Status          Status
	StatusChangedAt time.Time
	ExpiresAt       time.Time
	InvitedBy       *uuid.UUID
	InviterName     string
	AcceptedBy      *uuid.UUID
	CreatedAt       time.Time
	JobID           *int64
	Delivery        Delivery
}

// Expired reports whether the invitation can no longer be accepted for lack of time.
func (i Invitation) Expired() bool {
	return i.Status == StatusExpired || (i.Status == StatusPending && time.Now().After(i.ExpiresAt))
}

// ErrNotFound is returned when no invitation matches.
var ErrNotFound = apperr.New(apperr.NotFound, "No such invitation.")

const columns = `i.id, i.account_id, i.email, i.role, i.status, i.status_changed_at, i.expires_at, i.invited_by,
	i.inviter_name, i.accepted_by, i.created_at, i.job_id, i.delivery_state, i.delivery_attempts, i.delivery_error, i.delivered_at`

func scan(row pgx.Row) (Invitation, error) {
	var i Invitation
	d := &i.Delivery
	err := row.Scan(&i.ID, &i.AccountID, &i.Email, &i.Role, &i.Status, &i.StatusChangedAt, &i.ExpiresAt, &i.InvitedBy,
		&i.InviterName, &i.AcceptedBy, &i.CreatedAt, &i.JobID, &d.State, &d.Attempts, &d.LastError, &d.DeliveredAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return i, ErrNotFound
	}
	return i, err
}

func collect(rows pgx.Rows, err error) ([]Invitation, error) {
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Invitation, error) { return scan(r) })
}

// Get returns one invitation of an account (of any account when accountID
// is uuid.Nil), or ErrNotFound.
func Get(ctx context.Context, q db.DBTX, accountID, id uuid.UUID) (Invitation, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM invitations i
		WHERE i.id = $1 AND ($2 = '00000000-0000-0000-0000-000000000000'::uuid OR i.account_id = $2)`, id, accountID))
}

// RecordDelivery stores the outcome of the email job jobID, unless a newer
// job has replaced it since. An email suppressed because its recipient is
// deactivated platform-wide gets the time a send would have had, so that
// ForTenant can show it as sent.
func RecordDelivery(ctx context.Context, q db.DBTX, id uuid.UUID, jobID int64, d Delivery) error {
	if d.masked() && d.DeliveredAt == nil {
		now := time.Now()
		d.DeliveredAt = &now
	}
	_, err := q.Exec(ctx, `UPDATE invitations SET delivery_state = $3, delivery_attempts = $4, delivery_error = $5,
		delivered_at = $6 WHERE id = $1 AND job_id = $2`, id, jobID, d.State, d.Attempts, d.LastError, d.DeliveredAt)
	return err
}

// getForUpdate returns an invitation of the account by id and locks it
// (never a row of another account). It returns ErrNotFound.
func getForUpdate(ctx context.Context, tx pgx.Tx, accountID, id uuid.UUID) (Invitation, error) {
	return scan(tx.QueryRow(ctx, `SELECT `+columns+` FROM invitations i WHERE i.id = $1 AND i.account_id = $2 FOR UPDATE`, id, accountID))
}

// ByToken returns the invitation whose link carries token, or ErrNotFound.
func ByToken(ctx context.Context, q db.DBTX, tokenHash []byte) (Invitation, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM invitations i WHERE i.token_hash = $1`, tokenHash))
}

// List returns up to first invitations of an account, newest first, after
// the cursor after, optionally of one status, and whether more follow.
func List(ctx context.Context, q db.DBTX, accountID uuid.UUID, status *Status, first int, after string) ([]Invitation, bool, error) {
	args := []any{accountID, status, first + 1}
	where := `i.account_id = $1 AND ($2::text IS NULL OR i.status = $2)`
	if after != "" {
		ts, id, err := decodeCursor(after)
		if err != nil {
			return nil, false, err
		}
		args = append(args, ts, id)
		where += ` AND (i.created_at, i.id) < ($4, $5)`
	}
	list, err := collect(q.Query(ctx, `SELECT `+columns+` FROM invitations i WHERE `+where+
		` ORDER BY i.created_at DESC, i.id DESC LIMIT $3`, args...))
	if err != nil || len(list) <= first {
		return list, false, err
	}
	return list[:first], true, nil
}

// Count returns how many invitations of an account have the status (any when nil).
func Count(ctx context.Context, q db.DBTX, accountID uuid.UUID, status *Status) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT count(*) FROM invitations WHERE account_id = $1 AND ($2::text IS NULL OR status = $2)`, accountID, status).Scan(&n)
	return n, err
}

// Cursor returns the opaque cursor of i.
func (i Invitation) Cursor() string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("i:%d:%s", i.CreatedAt.UnixMicro(), i.ID)))
}

func decodeCursor(c string) (time.Time, uuid.UUID, error) {
	bad := db.ErrBadCursor
	b, err := base64.RawURLEncoding.DecodeString(c)
	parts := strings.SplitN(string(b), ":", 3)
	if err != nil || len(parts) != 3 || parts[0] != "i" {
		return time.Time{}, uuid.Nil, bad
	}
	var micros int64
	if _, err := fmt.Sscan(parts[1], &micros); err != nil {
		return time.Time{}, uuid.Nil, bad
	}
	id, err := uuid.Parse(parts[2])
	if err != nil {
		return time.Time{}, uuid.Nil, bad
	}
	return time.UnixMicro(micros), id, nil
}

// Rejection says why one address of an inviteUsers call was not invited.
type Rejection struct {
	Address string
	Code    apperr.Code
	Message string
}

var separators = regexp.MustCompile(`[\s,;]+`)

// ParseAddresses splits a list of addresses separated by spaces, commas,
// semicolons or line breaks (any mix, repeated), validates and lower-cases
// each and folds duplicates. It returns the valid addresses in order and a
// rejection per invalid one.
func ParseAddresses(s string) ([]string, []Rejection) {
	var valid []string
	var rejected []Rejection
	seen := map[string]bool{}
	for _, raw := range separators.Split(s, -1) {
		if raw == "" {
			continue
		}
		addr, err := user.NormalizeEmail(raw)
		key := addr
		if err != nil {
			key = "\x00" + raw
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		if err != nil {
			shown := shorten(raw)
			rejected = append(rejected, Rejection{Address: shown, Code: apperr.InvalidInput, Message: fmt.Sprintf("%q is not a valid email address.", shown)})
			continue
		}
		valid = append(valid, addr)
	}
	return valid, rejected
}

// maxShown is how much of a rejected address a Rejection echoes back.
const maxShown = 300

// shorten cuts an overlong rejected address for display, on a character boundary.
func shorten(s string) string {
	if len(s) <= maxShown {
		return s
	}
	return strings.ToValidUTF8(s[:maxShown], "") + "…"
}
