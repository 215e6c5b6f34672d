package member

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/notify"
	"github.com/rosterhq/roster/internal/user"
)

// ErrConfirmationRequired is returned, with the accounts and warnings, when a
// global deactivation of a user ACTIVE in some account, or one that would
// silence notification lists, was not confirmed.
var ErrConfirmationRequired = apperr.New(apperr.ConfirmationRequired,
	"This user is active in some accounts (and may be the only active recipient of their notifications); review them and call again with confirm: true.")

// Deactivation is what a platform-wide deactivation did, or would do.
type Deactivation struct {
	User user.User
	// ActiveIn are the accounts where the user's membership is ACTIVE: they
	// lose a working member (their membership status is kept).
	ActiveIn []account.Account
	// Warnings are the lists left without an ACTIVE recipient.
	Warnings []notify.Warning
}

// DeactivateUser deactivates a user platform-wide: no sign-in anywhere, every
// session ends, no email of any kind; account-level statuses are kept. When
// the user is ACTIVE in at least one account, or the deactivation leaves
// notification lists without an active recipient, and confirm is false,
// nothing changes and it returns those accounts and warnings with
// CONFIRMATION_REQUIRED. It also returns NOT_FOUND, SELF_ACTION and CONFLICT
// for a user already inactive.
func (s *Service) DeactivateUser(ctx context.Context, actorID, userID uuid.UUID, confirm bool) (Deactivation, error) {
	var d Deactivation
	err := db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		d = Deactivation{}
		var err error
		if d.User, err = user.GetForUpdate(ctx, tx, userID); err != nil {
			return err
		}
		switch {
		case userID == actorID:
			return apperr.New(apperr.SelfAction, "You cannot deactivate yourself; ask another operator.")
		case d.User.Status == user.StatusInactive:
			return apperr.New(apperr.Conflict, "This user is already inactive.")
		}
		if d.Warnings, err = notify.Impact(ctx, tx, userID); err != nil {
			return err
		}
		if d.ActiveIn, err = account.ActiveMembershipsOf(ctx, tx, userID); err != nil {
			return err
		}
		if (len(d.Warnings) > 0 || len(d.ActiveIn) > 0) && !confirm {
			return ErrConfirmationRequired
		}
		if err := tx.QueryRow(ctx, `UPDATE users SET status = 'INACTIVE', status_changed_at = now() WHERE id = $1
			RETURNING status, status_changed_at`, userID).Scan(&d.User.Status, &d.User.StatusChangedAt); err != nil {
			return err
		}
		n, err := tx.Exec(ctx, `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, userID)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actorID, TargetUserID: &userID, Action: "user.deactivated",
			Before: map[string]any{"status": user.StatusActive},
			After: map[string]any{"status": user.StatusInactive, "sessionsRevoked": n.RowsAffected(), "warnings": len(d.Warnings),
				"activeInAccounts": len(d.ActiveIn)}})
	})
	return d, err
}

// ActivateUser restores a user deactivated platform-wide; it sends nothing.
// Any session left from before is ended, so the user signs in afresh. It
// returns NOT_FOUND and CONFLICT for a user already active.
func (s *Service) ActivateUser(ctx context.Context, actorID, userID uuid.UUID) (user.User, error) {
	var u user.User
	err := db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		var err error
		if u, err = user.GetForUpdate(ctx, tx, userID); err != nil {
			return err
		}
		if u.Status == user.StatusActive {
			return apperr.New(apperr.Conflict, "This user is already active.")
		}
		if err := tx.QueryRow(ctx, `UPDATE users SET status = 'ACTIVE', status_changed_at = now() WHERE id = $1
			RETURNING status, status_changed_at`, userID).Scan(&u.Status, &u.StatusChangedAt); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, userID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actorID, TargetUserID: &userID, Action: "user.activated",
			Before: map[string]any{"status": user.StatusInactive}, After: map[string]any{"status": user.StatusActive}})
	})
	return u, err
}

// Ref names one membership.
type Ref struct {
	AccountID uuid.UUID
	UserID    uuid.UUID
}

// RefResult is the outcome for one membership of SetMembershipStatuses.
type RefResult struct {
	Ref
	Member *Member
	Err    *apperr.Error
}

// SetMembershipStatuses activates or deactivates memberships across
// accounts, by the same rules as in one account, each item on its own. It
// returns INVALID_INPUT for no items and LIMIT_EXCEEDED for more than MaxBulk.
func (s *Service) SetMembershipStatuses(ctx context.Context, actor Actor, refs []Ref, status Status) ([]RefResult, error) {
	items, err := dedupe(refs, "membership")
	if err != nil {
		return nil, err
	}
	action := ActionDeactivate
	if status == StatusActive {
		action = ActionActivate
	}
	// Lock accounts in one order, so overlapping calls cannot deadlock.
	var accounts []uuid.UUID
	for _, r := range items {
		if !slices.Contains(accounts, r.AccountID) {
			accounts = append(accounts, r.AccountID)
		}
	}
	slices.SortFunc(accounts, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	var out []RefResult
	err = db.InTx(ctx, s.Pool, func(pgxTx pgx.Tx) error {
		out = make([]RefResult, len(items))
		for i, r := range items {
			out[i] = RefResult{Ref: r, Err: errNoMember}
		}
		for _, accountID := range accounts {
			acct, err := account.GetForUpdate(ctx, pgxTx, accountID)
			if err == account.ErrNotFound {
				continue
			}
			if err != nil {
				return err
			}
			t := &tx{Tx: pgxTx, acct: acct, actor: actor}
			for i, r := range items {
				if r.AccountID != accountID {
					continue
				}
				m, err := get(ctx, pgxTx, accountID, r.UserID)
				if err == errNoMember {
					continue
				}
				if err != nil {
					return err
				}
				if out[i].Err = Check(action, actor, acct, m.Membership, m.User.Status); out[i].Err == nil {
					if err := setStatus(ctx, t, &m, status); err != nil {
						return err
					}
					out[i].Member = &m
				}
			}
		}
		return nil
	})
	return out, err
}

// DeleteUser deletes a user permanently: memberships, sessions, tokens,
// credentials and pending invitations to their address go with it; where they
// were a notification recipient the Owner takes their place; the audit trail
// keeps their id and a hash of their email only. It returns NOT_FOUND,
// SELF_ACTION, CONFLICT for a user who is not deactivated platform-wide, and
// OWNER_PROTECTED for an account Owner.
func (s *Service) DeleteUser(ctx context.Context, actorID, userID uuid.UUID) error {
	return db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		u, err := user.GetForUpdate(ctx, tx, userID)
		if err != nil {
			return err
		}
		switch {
		case userID == actorID:
			return apperr.New(apperr.SelfAction, "You cannot delete yourself.")
		case u.Status != user.StatusInactive:
			return apperr.New(apperr.Conflict, "Only a user deactivated platform-wide can be deleted; deactivate them first.")
		}
		var owned int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM memberships WHERE user_id = $1 AND role = 'OWNER'`, userID).Scan(&owned); err != nil {
			return err
		}
		if owned > 0 {
			return apperr.New(apperr.OwnerProtected, "This user owns %d account(s); transfer their ownership first.", owned)
		}
		rows, err := tx.Query(ctx, `SELECT account_id, array_agg(kind ORDER BY kind) FROM notification_recipients WHERE user_id = $1 GROUP BY account_id`, userID)
		if err != nil {
			return err
		}
		type place struct {
			account uuid.UUID
			kinds   []notify.Kind
		}
		places, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (place, error) {
			var p place
			return p, r.Scan(&p.account, &p.kinds)
		})
		if err != nil {
			return err
		}
		for _, p := range places {
			if err := s.Jobs.ReplaceRecipient(ctx, tx, p.account, userID, p.kinds); err != nil {
				return err
			}
		}
		sum := sha256.Sum256([]byte(u.Email))
		emailHash := hex.EncodeToString(sum[:])
		if _, err := tx.Exec(ctx, `DELETE FROM invitations WHERE email = $1 AND status = 'PENDING'`, u.Email); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM users WHERE id = $1`, userID); err != nil {
			return err
		}
		// The trail keeps what happened, not who it was.
		for _, col := range []string{"before", "after"} {
			if _, err := tx.Exec(ctx, `UPDATE audit_events SET `+col+` = `+col+` - 'email' - 'ownerEmail' || jsonb_build_object('emailHash', $2::text)
				WHERE `+col+`->>'email' = $1 OR `+col+`->>'ownerEmail' = $1`, u.Email, emailHash); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE invitations SET email = 'deleted-' || $2::text || '@deleted.invalid'
			WHERE email = $1`, u.Email, emailHash[:32]); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actorID, TargetUserID: &userID, Action: "user.deleted",
			Before: map[string]any{"emailHash": emailHash, "recipientPlaces": len(places)}})
	})
}
