// Package notify holds an account's notification recipients (technical and
// billing contacts), the warnings about losing the last active one, and the
// notifications fanned out to them.
package notify

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
)

// Kind is a list of notification recipients.
type Kind string

const (
	// KindTechnical is the list of technical contacts.
	KindTechnical Kind = "TECHNICAL"
	// KindBilling is the list of billing contacts.
	KindBilling Kind = "BILLING"
)

// IsValid reports whether k is a known kind.
func (k Kind) IsValid() bool { return k == KindTechnical || k == KindBilling }

// Warning says that an account's list of one kind would have no ACTIVE
// recipient left without the users named.
type Warning struct {
	AccountID uuid.UUID
	Kind      Kind
	UserIDs   []uuid.UUID
}

// activeRecipients joins recipients to the memberships and users that make them
// receive mail now: ACTIVE in the account and platform-wide.
const activeRecipients = `notification_recipients r
	JOIN memberships m ON m.account_id = r.account_id AND m.user_id = r.user_id AND m.status = 'ACTIVE'
	JOIN users u ON u.id = r.user_id AND u.status = 'ACTIVE'`

// Impact returns the accounts and kinds where userID is the only ACTIVE
// recipient (and is ACTIVE there): what deactivating them would silence.
// It returns database errors as is.
func Impact(ctx context.Context, q db.DBTX, userID uuid.UUID) ([]Warning, error) {
	return ImpactOfAll(ctx, q, []uuid.UUID{userID})
}

// ImpactOfAll returns the accounts and kinds whose every ACTIVE recipient is
// among userIDs: what deactivating all of them together would silence (lists
// that none of them alone would). Each warning names the users concerned. It
// returns database errors as is.
func ImpactOfAll(ctx context.Context, q db.DBTX, userIDs []uuid.UUID) ([]Warning, error) {
	rows, err := q.Query(ctx, `SELECT r.account_id, r.kind, array_agg(r.user_id ORDER BY r.user_id) FROM `+activeRecipients+`
		WHERE r.account_id IN (SELECT account_id FROM notification_recipients WHERE user_id = ANY($1))
		GROUP BY r.account_id, r.kind HAVING bool_and(r.user_id = ANY($1)) ORDER BY r.account_id, r.kind`, userIDs)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Warning, error) {
		var w Warning
		return w, r.Scan(&w.AccountID, &w.Kind, &w.UserIDs)
	})
}

// KindsOf returns the lists of an account that name the user.
func KindsOf(ctx context.Context, q db.DBTX, accountID, userID uuid.UUID) ([]Kind, error) {
	rows, err := q.Query(ctx, `SELECT kind FROM notification_recipients WHERE account_id = $1 AND user_id = $2 ORDER BY kind`, accountID, userID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[Kind])
}

// ReplaceWithOwner hands a removed user's places in the account's lists of
// the given kinds to the current Owner: the user's row goes (unless they are
// a member again), the Owner is added where missing, and an audit event
// records what changed. It reports whether anything changed; running it again
// changes nothing.
func ReplaceWithOwner(ctx context.Context, pool *pgxpool.Pool, accountID, userID uuid.UUID, kinds []Kind) (bool, error) {
	changed := false
	err := db.InTx(ctx, pool, func(tx pgx.Tx) error {
		changed = false
		var owner *uuid.UUID
		err := tx.QueryRow(ctx, `SELECT (SELECT user_id FROM memberships WHERE account_id = a.id AND role = 'OWNER')
			FROM accounts a WHERE a.id = $1 FOR UPDATE`, accountID).Scan(&owner)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil // the account is gone
		}
		if err != nil {
			return err
		}
		var member bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM memberships WHERE account_id = $1 AND user_id = $2)`, accountID, userID).Scan(&member); err != nil {
			return err
		}
		if member {
			return nil // back in the account: keep their places
		}
		removed, err := tx.Exec(ctx, `DELETE FROM notification_recipients WHERE account_id = $1 AND user_id = $2 AND kind = ANY($3)`, accountID, userID, kinds)
		if err != nil {
			return err
		}
		var added int64
		if owner != nil {
			tag, err := tx.Exec(ctx, `INSERT INTO notification_recipients (account_id, kind, user_id)
				SELECT $1, k, $2 FROM unnest($3::text[]) AS k ON CONFLICT DO NOTHING`, accountID, *owner, kinds)
			if err != nil {
				return err
			}
			added = tag.RowsAffected()
		}
		if removed.RowsAffected() == 0 && added == 0 {
			return nil
		}
		changed = true
		return audit.Record(ctx, tx, audit.Event{AccountID: &accountID, TargetUserID: &userID, Action: "recipients.replaced_by_owner",
			After: map[string]any{"kinds": kinds, "owner": owner, "ownerAdded": added}})
	})
	return changed, err
}

// SoleActive returns, per account, the lists (kinds) served by exactly one
// ACTIVE recipient, keyed by that recipient.
func SoleActive(ctx context.Context, q db.DBTX, accountIDs []uuid.UUID) (map[uuid.UUID]map[uuid.UUID][]Kind, error) {
	rows, err := q.Query(ctx, `SELECT r.account_id, r.kind, (array_agg(r.user_id))[1] FROM `+activeRecipients+`
		WHERE r.account_id = ANY($1) GROUP BY r.account_id, r.kind HAVING count(*) = 1 ORDER BY r.kind`, accountIDs)
	if err != nil {
		return nil, err
	}
	out := map[uuid.UUID]map[uuid.UUID][]Kind{}
	for rows.Next() {
		var acct, u uuid.UUID
		var k Kind
		if err := rows.Scan(&acct, &k, &u); err != nil {
			return nil, err
		}
		if out[acct] == nil {
			out[acct] = map[uuid.UUID][]Kind{}
		}
		out[acct][u] = append(out[acct][u], k)
	}
	return out, rows.Err()
}

// Recipient is one entry of a list, with what decides whether mail reaches them now.
type Recipient struct {
	AccountID uuid.UUID
	Kind      Kind
	UserID    uuid.UUID
	// MembershipStatus is nil when the user is no longer a member (until the
	// Owner replaces them).
	MembershipStatus *string
	UserStatus       string
	AddedAt          time.Time
}

// ReceivesMail reports whether the recipient gets the list's mail now:
// ACTIVE in the account and platform-wide.
func (r Recipient) ReceivesMail() bool {
	return r.MembershipStatus != nil && *r.MembershipStatus == "ACTIVE" && r.UserStatus == "ACTIVE"
}

// SkipReason says why a recipient gets no mail, empty when they do. A
// former member's reason says only that: their global status is no longer
// the account's business.
func (r Recipient) SkipReason() string {
	switch {
	case r.MembershipStatus == nil:
		return "no longer a member of the account"
	case r.UserStatus != "ACTIVE":
		return "deactivated platform-wide"
	case *r.MembershipStatus != "ACTIVE":
		return "deactivated in the account"
	}
	return ""
}

// List returns an account's recipients of one kind, oldest first.
func List(ctx context.Context, q db.DBTX, accountID uuid.UUID, kind Kind) ([]Recipient, error) {
	rows, err := q.Query(ctx, `SELECT r.account_id, r.kind, r.user_id, m.status, u.status, r.added_at
		FROM notification_recipients r JOIN users u ON u.id = r.user_id
		LEFT JOIN memberships m ON m.account_id = r.account_id AND m.user_id = r.user_id
		WHERE r.account_id = $1 AND r.kind = $2 ORDER BY r.added_at, r.user_id`, accountID, kind)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (Recipient, error) {
		var r Recipient
		return r, row.Scan(&r.AccountID, &r.Kind, &r.UserID, &r.MembershipStatus, &r.UserStatus, &r.AddedAt)
	})
}

// MaxRecipients is the longest list.
const MaxRecipients = 1000

// Set makes the account's list of one kind exactly userIDs (repeats
// folded), each of whom must be a member (any role, any status). It returns
// INVALID_INPUT for an empty list, LIMIT_EXCEEDED for more than
// MaxRecipients ids (counted before folding), and NOT_FOUND naming a user
// who is not a member.
func Set(ctx context.Context, pool *pgxpool.Pool, actor, accountID uuid.UUID, kind Kind, userIDs []uuid.UUID) ([]Recipient, error) {
	switch {
	case !kind.IsValid():
		return nil, apperr.New(apperr.InvalidInput, "kind is TECHNICAL or BILLING.")
	case len(userIDs) == 0:
		return nil, apperr.New(apperr.InvalidInput, "A list needs at least one recipient.")
	case len(userIDs) > MaxRecipients:
		return nil, apperr.New(apperr.LimitExceeded, "At most %d recipients per list.", MaxRecipients)
	}
	ids := make([]uuid.UUID, 0, len(userIDs))
	seen := make(map[uuid.UUID]bool, len(userIDs))
	for _, id := range userIDs {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	var out []Recipient
	err := db.InTx(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE`, accountID); err != nil {
			return err
		}
		var missing []uuid.UUID
		if err := tx.QueryRow(ctx, `SELECT coalesce(array_agg(id), '{}') FROM unnest($2::uuid[]) AS id
			WHERE NOT EXISTS (SELECT 1 FROM memberships WHERE account_id = $1 AND user_id = id)`, accountID, ids).Scan(&missing); err != nil {
			return err
		}
		if len(missing) > 0 {
			return apperr.New(apperr.NotFound, "%s is not a member of this account; only members can be recipients.", missing[0])
		}
		before, err := List(ctx, tx, accountID, kind)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM notification_recipients WHERE account_id = $1 AND kind = $2 AND NOT (user_id = ANY($3))`, accountID, kind, ids); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO notification_recipients (account_id, kind, user_id)
			SELECT $1, $2, id FROM unnest($3::uuid[]) AS id ON CONFLICT DO NOTHING`, accountID, kind, ids); err != nil {
			return err
		}
		if out, err = List(ctx, tx, accountID, kind); err != nil {
			return err
		}
		beforeIDs := make([]uuid.UUID, len(before))
		for i, r := range before {
			beforeIDs[i] = r.UserID
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actor, AccountID: &accountID, Action: "recipients.set",
			Before: map[string]any{"kind": kind, "users": beforeIDs}, After: map[string]any{"kind": kind, "users": ids}})
	})
	return out, err
}
