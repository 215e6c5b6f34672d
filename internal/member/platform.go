package member

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/notify"
	"github.com/rosterhq/roster/internal/user"
	"github.com/rosterhq/roster/internal/webhook"
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

// UserResult is the outcome of a platform-wide action for one user.
type UserResult struct {
	UserID uuid.UUID
	// User is the user after the call; nil when not found or deleted.
	User *user.User
	// Done reports whether this call changed (or deleted) the user.
	Done bool
	// ActiveIn are, for a deactivation, the accounts where the user's
	// membership is ACTIVE.
	ActiveIn []account.Account
	Err      *apperr.Error
}

// UserOutcome is what a platform-wide action on several users did, or,
// unconfirmed, would do.
type UserOutcome struct {
	// Results has one result per requested id, in the order asked, repeats included.
	Results []UserResult
	// Warnings are the notification lists that the deactivation leaves (or
	// would leave) without an ACTIVE recipient.
	Warnings []notify.Warning
}

var (
	errDeactivateSelf  = apperr.New(apperr.SelfAction, "You cannot deactivate yourself; ask another operator.")
	errAlreadyInactive = apperr.New(apperr.Conflict, "This user is already inactive.")
	errAlreadyActive   = apperr.New(apperr.Conflict, "This user is already active.")
	errDeleteSelf      = apperr.New(apperr.SelfAction, "You cannot delete yourself.")
	errDeleteActive    = apperr.New(apperr.Conflict, "Only a user deactivated platform-wide can be deleted; deactivate them first.")
)

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
		o, err := s.deactivateUsers(ctx, tx, actorID, []uuid.UUID{userID}, confirm)
		if len(o.Results) == 1 {
			r := o.Results[0]
			d = Deactivation{ActiveIn: r.ActiveIn, Warnings: o.Warnings}
			if r.User != nil {
				d.User = *r.User
			}
			if err == nil && r.Err != nil {
				return r.Err
			}
		}
		return err
	})
	return d, err
}

// DeactivateUsers deactivates several users platform-wide, in one
// transaction, by the rules of DeactivateUser applied to each: a user is
// refused on their own (NOT_FOUND, SELF_ACTION, CONFLICT) while the rest
// proceed. Confirmation is asked for the call as a whole: when any of the
// users is ACTIVE in an account, or the deactivation of them together leaves
// notification lists without an active recipient (lists no single one of
// them would), and confirm is false, nothing changes, and it returns every
// result (CONFIRMATION_REQUIRED on the users who need it, with the accounts
// where they are ACTIVE) and the warnings with CONFIRMATION_REQUIRED. The
// call returns INVALID_INPUT for no ids and LIMIT_EXCEEDED past MaxBulk.
func (s *Service) DeactivateUsers(ctx context.Context, actorID uuid.UUID, userIDs []uuid.UUID, confirm bool) (UserOutcome, error) {
	return s.bulkUsers(ctx, userIDs, func(tx pgx.Tx, ids []uuid.UUID) (UserOutcome, error) {
		return s.deactivateUsers(ctx, tx, actorID, ids, confirm)
	})
}

// bulkUsers runs fn in one transaction on the deduplicated ids and answers
// one result per requested id. The outcome comes back with the error too
// when that is CONFIRMATION_REQUIRED.
func (s *Service) bulkUsers(ctx context.Context, userIDs []uuid.UUID, fn func(tx pgx.Tx, ids []uuid.UUID) (UserOutcome, error)) (UserOutcome, error) {
	ids, err := dedupe(userIDs, "user")
	if err != nil {
		return UserOutcome{}, err
	}
	var out UserOutcome
	err = db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		var err error
		out, err = fn(tx, ids)
		return err
	})
	if err != nil && !errors.Is(err, ErrConfirmationRequired) {
		return UserOutcome{}, err
	}
	results := make([]UserResult, len(userIDs))
	for i, id := range userIDs {
		results[i] = out.Results[slices.IndexFunc(out.Results, func(r UserResult) bool { return r.UserID == id })]
	}
	out.Results = results
	return out, err
}

// lockUsers locks the users (ids without repeats) and returns one result per
// id, in order: the user, or NOT_FOUND.
func lockUsers(ctx context.Context, tx pgx.Tx, ids []uuid.UUID) ([]UserResult, error) {
	list, err := user.LockForUpdate(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]UserResult, len(ids))
	for k, id := range ids {
		out[k] = UserResult{UserID: id, Err: user.ErrNotFound}
		if i := slices.IndexFunc(list, func(u user.User) bool { return u.ID == id }); i >= 0 {
			out[k].User, out[k].Err = &list[i], nil
		}
	}
	return out, nil
}

func (s *Service) deactivateUsers(ctx context.Context, tx pgx.Tx, actorID uuid.UUID, ids []uuid.UUID, confirm bool) (UserOutcome, error) {
	res, err := lockUsers(ctx, tx, ids)
	if err != nil {
		return UserOutcome{}, err
	}
	out := UserOutcome{Results: res}
	var candidates []uuid.UUID
	for i := range res {
		switch r := &res[i]; {
		case r.Err != nil:
		case r.UserID == actorID:
			r.Err = errDeactivateSelf
		case r.User.Status == user.StatusInactive:
			r.Err = errAlreadyInactive
		default:
			candidates = append(candidates, r.UserID)
		}
	}
	if len(candidates) == 0 {
		return out, nil
	}
	if out.Warnings, err = notify.ImpactOfAll(ctx, tx, candidates); err != nil {
		return out, err
	}
	warned := map[uuid.UUID]int{}
	for _, w := range out.Warnings {
		for _, id := range w.UserIDs {
			warned[id]++
		}
	}
	confirmable := false
	for i := range res {
		r := &res[i]
		if !slices.Contains(candidates, r.UserID) {
			continue
		}
		if r.ActiveIn, err = account.ActiveMembershipsOf(ctx, tx, r.UserID); err != nil {
			return out, err
		}
		if len(r.ActiveIn) > 0 || warned[r.UserID] > 0 {
			confirmable = true
			if !confirm {
				r.Err = ErrConfirmationRequired
			}
		}
	}
	if confirmable && !confirm {
		return out, ErrConfirmationRequired
	}
	var events []webhook.Event
	for i := range res {
		r := &res[i]
		if r.Err != nil {
			continue
		}
		if err := tx.QueryRow(ctx, `UPDATE users SET status = 'INACTIVE', status_changed_at = now() WHERE id = $1
			RETURNING status, status_changed_at`, r.UserID).Scan(&r.User.Status, &r.User.StatusChangedAt); err != nil {
			return out, err
		}
		n, err := tx.Exec(ctx, `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, r.UserID)
		if err != nil {
			return out, err
		}
		if err := audit.Record(ctx, tx, audit.Event{ActorID: &actorID, TargetUserID: &r.UserID, Action: "user.deactivated",
			Before: map[string]any{"status": user.StatusActive},
			After: map[string]any{"status": user.StatusInactive, "sessionsRevoked": n.RowsAffected(), "warnings": warned[r.UserID],
				"activeInAccounts": len(r.ActiveIn)}}); err != nil {
			return out, err
		}
		r.Done = true
		events = append(events, webhook.Event{Type: webhook.EventUserDeactivated, UserID: r.UserID})
	}
	return out, webhook.Emit(ctx, tx, s.Jobs, events...)
}

// ActivateUser restores a user deactivated platform-wide; it sends nothing.
// Any session left from before is ended, so the user signs in afresh. It
// returns NOT_FOUND and CONFLICT for a user already active.
func (s *Service) ActivateUser(ctx context.Context, actorID, userID uuid.UUID) (user.User, error) {
	var u user.User
	err := db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		o, err := s.activateUsers(ctx, tx, actorID, []uuid.UUID{userID})
		if err != nil {
			return err
		}
		if r := o.Results[0]; r.Err != nil {
			return r.Err
		}
		u = *o.Results[0].User
		return nil
	})
	return u, err
}

// ActivateUsers activates several users deactivated platform-wide, in one
// transaction, by the rules of ActivateUser applied to each (NOT_FOUND,
// CONFLICT per user, the rest proceed); it sends nothing. The call returns
// INVALID_INPUT for no ids and LIMIT_EXCEEDED past MaxBulk.
func (s *Service) ActivateUsers(ctx context.Context, actorID uuid.UUID, userIDs []uuid.UUID) (UserOutcome, error) {
	return s.bulkUsers(ctx, userIDs, func(tx pgx.Tx, ids []uuid.UUID) (UserOutcome, error) {
		return s.activateUsers(ctx, tx, actorID, ids)
	})
}

func (s *Service) activateUsers(ctx context.Context, tx pgx.Tx, actorID uuid.UUID, ids []uuid.UUID) (UserOutcome, error) {
	res, err := lockUsers(ctx, tx, ids)
	if err != nil {
		return UserOutcome{}, err
	}
	var events []webhook.Event
	for i := range res {
		r := &res[i]
		if r.Err == nil && r.User.Status == user.StatusActive {
			r.Err = errAlreadyActive
		}
		if r.Err != nil {
			continue
		}
		if err := tx.QueryRow(ctx, `UPDATE users SET status = 'ACTIVE', status_changed_at = now() WHERE id = $1
			RETURNING status, status_changed_at`, r.UserID).Scan(&r.User.Status, &r.User.StatusChangedAt); err != nil {
			return UserOutcome{}, err
		}
		if _, err := tx.Exec(ctx, `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, r.UserID); err != nil {
			return UserOutcome{}, err
		}
		if err := audit.Record(ctx, tx, audit.Event{ActorID: &actorID, TargetUserID: &r.UserID, Action: "user.activated",
			Before: map[string]any{"status": user.StatusInactive}, After: map[string]any{"status": user.StatusActive}}); err != nil {
			return UserOutcome{}, err
		}
		r.Done = true
		events = append(events, webhook.Event{Type: webhook.EventUserActivated, UserID: r.UserID})
	}
	return UserOutcome{Results: res}, webhook.Emit(ctx, tx, s.Jobs, events...)
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
		var events []webhook.Event
		out = make([]RefResult, len(items))
		for i, r := range items {
			out[i] = RefResult{Ref: r, Err: errNoMember}
		}
		locked := map[uuid.UUID]account.Account{}
		for _, accountID := range accounts {
			acct, err := account.GetForUpdate(ctx, pgxTx, accountID)
			if errors.Is(err, account.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			locked[accountID] = acct
		}
		// Every user before any membership, in id order, as a platform-wide
		// change locks them (deactivateUsers): taken item by item, in the
		// order asked, the two could wait for each other.
		userIDs := make([]uuid.UUID, len(items))
		for i, r := range items {
			userIDs[i] = r.UserID
		}
		if err := user.LockForShare(ctx, pgxTx, userIDs); err != nil {
			return err
		}
		for _, accountID := range accounts {
			acct, ok := locked[accountID]
			if !ok {
				continue
			}
			// The account's items go through the one-account path: its
			// members locked in one statement, in id order, each checked.
			t := &tx{Tx: pgxTx, acct: acct, actor: actor}
			var ids []uuid.UUID
			var at []int
			for i, r := range items {
				if r.AccountID == accountID {
					ids, at = append(ids, r.UserID), append(at, i)
				}
			}
			results, _, err := t.each(ctx, ids, action, func(m Member, res *Result) error {
				res.Member = &m
				return setStatus(ctx, t, res.Member, status)
			})
			if err != nil {
				return err
			}
			for k, res := range results {
				out[at[k]].Member, out[at[k]].Err = res.Member, res.Err
			}
			events = append(events, t.events...)
		}
		return webhook.Emit(ctx, pgxTx, s.Jobs, events...)
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
		o, err := s.deleteUsers(ctx, tx, actorID, []uuid.UUID{userID})
		if err != nil {
			return err
		}
		if r := o.Results[0]; r.Err != nil {
			return r.Err
		}
		return nil
	})
}

// DeleteUsers deletes several users permanently, in one transaction, by the
// rules of DeleteUser applied to each (NOT_FOUND, SELF_ACTION, CONFLICT,
// OWNER_PROTECTED per user, the rest proceed). The call returns
// INVALID_INPUT for no ids and LIMIT_EXCEEDED past MaxBulk.
func (s *Service) DeleteUsers(ctx context.Context, actorID uuid.UUID, userIDs []uuid.UUID) (UserOutcome, error) {
	return s.bulkUsers(ctx, userIDs, func(tx pgx.Tx, ids []uuid.UUID) (UserOutcome, error) {
		return s.deleteUsers(ctx, tx, actorID, ids)
	})
}

func (s *Service) deleteUsers(ctx context.Context, tx pgx.Tx, actorID uuid.UUID, ids []uuid.UUID) (UserOutcome, error) {
	res, err := lockUsers(ctx, tx, ids)
	if err != nil {
		return UserOutcome{}, err
	}
	owned := map[uuid.UUID]int{}
	rows, err := tx.Query(ctx, `SELECT user_id, count(*) FROM memberships WHERE user_id = ANY($1) AND role = 'OWNER' GROUP BY 1`, ids)
	if err != nil {
		return UserOutcome{}, err
	}
	for rows.Next() {
		var id uuid.UUID
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return UserOutcome{}, err
		}
		owned[id] = n
	}
	if err := rows.Err(); err != nil {
		return UserOutcome{}, err
	}
	var emails, hashes []string
	var events []webhook.Event
	for i := range res {
		r := &res[i]
		switch {
		case r.Err != nil:
		case r.UserID == actorID:
			r.Err = errDeleteSelf
		case r.User.Status != user.StatusInactive:
			r.Err = errDeleteActive
		case owned[r.UserID] > 0:
			r.Err = apperr.New(apperr.OwnerProtected, "This user owns %d account(s); transfer their ownership first.", owned[r.UserID])
		}
		if r.Err != nil {
			continue
		}
		emailHash, err := s.deleteUser(ctx, tx, actorID, *r.User)
		if err != nil {
			return UserOutcome{}, err
		}
		emails, hashes = append(emails, r.User.Email), append(hashes, emailHash)
		r.User, r.Done = nil, true
		events = append(events, webhook.Event{Type: webhook.EventUserDeleted, UserID: r.UserID})
	}
	if len(emails) > 0 {
		// The trail keeps what happened, not who it was.
		for _, col := range []string{"before", "after"} {
			if _, err := tx.Exec(ctx, `UPDATE audit_events e SET `+col+` = e.`+col+` - 'email' - 'ownerEmail' || jsonb_build_object('emailHash', d.hash)
				FROM unnest($1::text[], $2::text[]) AS d(email, hash)
				WHERE e.`+col+`->>'email' = d.email OR e.`+col+`->>'ownerEmail' = d.email`, emails, hashes); err != nil {
				return UserOutcome{}, err
			}
		}
	}
	return UserOutcome{Results: res}, webhook.Emit(ctx, tx, s.Jobs, events...)
}

// deleteUser deletes one user that the rules allow, hands their recipient
// places to the Owners and audits it; the caller scrubs their email from the
// trail. It returns the SHA-256 of their email, in hex.
func (s *Service) deleteUser(ctx context.Context, tx pgx.Tx, actorID uuid.UUID, u user.User) (string, error) {
	rows, err := tx.Query(ctx, `SELECT account_id, array_agg(kind ORDER BY kind) FROM notification_recipients WHERE user_id = $1 GROUP BY account_id`, u.ID)
	if err != nil {
		return "", err
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
		return "", err
	}
	for _, p := range places {
		if err := s.Jobs.ReplaceRecipient(ctx, tx, p.account, u.ID, p.kinds); err != nil {
			return "", err
		}
	}
	sum := sha256.Sum256([]byte(u.Email))
	emailHash := hex.EncodeToString(sum[:])
	if _, err := tx.Exec(ctx, `DELETE FROM invitations WHERE email = $1 AND status = 'PENDING'`, u.Email); err != nil {
		return "", err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM users WHERE id = $1`, u.ID); err != nil {
		return "", err
	}
	if _, err := tx.Exec(ctx, `UPDATE invitations SET email = 'deleted-' || $2::text || '@deleted.invalid'
		WHERE email = $1`, u.Email, emailHash[:32]); err != nil {
		return "", err
	}
	return emailHash, audit.Record(ctx, tx, audit.Event{ActorID: &actorID, TargetUserID: &u.ID, Action: "user.deleted",
		Before: map[string]any{"emailHash": emailHash, "recipientPlaces": len(places)}})
}
