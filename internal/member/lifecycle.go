package member

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/notify"
	"github.com/rosterhq/roster/internal/user"
	"github.com/rosterhq/roster/internal/webhook"
)

// Enqueuer inserts, in the caller's transaction, the background jobs that
// follow the removal of a member.
type Enqueuer interface {
	// PurgeUserServices deletes the user's service credentials in the account
	// that were created up to removedAt.
	PurgeUserServices(ctx context.Context, tx pgx.Tx, accountID, userID uuid.UUID, removedAt time.Time) error
	// ReplaceRecipient hands the user's places in the account's lists of the
	// given kinds to the Owner.
	ReplaceRecipient(ctx context.Context, tx pgx.Tx, accountID, userID uuid.UUID, kinds []notify.Kind) error
	// Webhook deliveries of the changes' events (webhook.Emit).
	webhook.Enqueuer
}

// Service changes memberships: status, role, removal and ownership.
type Service struct {
	Pool *pgxpool.Pool
	Jobs Enqueuer
}

// MaxBulk is the most members one bulk call acts on.
const MaxBulk = 100

// Result is the outcome for one member of a bulk call: the member's new
// state, or removal, or the refusal.
type Result struct {
	UserID  uuid.UUID
	Member  *Member
	Removed bool
	Err     *apperr.Error
}

// Outcome is what a bulk call did, with the warnings about lists left
// without an ACTIVE recipient.
type Outcome struct {
	Results  []Result
	Warnings []notify.Warning
}

// tx is one lifecycle transaction on one account: the account row is locked,
// so changes to its memberships are serialised.
type tx struct {
	pgx.Tx
	acct  account.Account
	actor Actor
	// events are the webhook events of the changes made, emitted together
	// before the commit.
	events []webhook.Event
}

func (s *Service) inAccount(ctx context.Context, actor Actor, accountID uuid.UUID, fn func(t *tx) error) error {
	return db.InTx(ctx, s.Pool, func(pgxTx pgx.Tx) error {
		acct, err := account.GetForUpdate(ctx, pgxTx, accountID)
		if err != nil {
			return err
		}
		if actor.Directory != nil {
			if e := actor.directoryRefusal(acct); e != nil {
				return e
			}
		} else {
			// The actor's own membership is read again under the lock: a
			// change made since the request started counts.
			if actor, err = ActorIn(ctx, pgxTx, accountID, actor.UserID, actor.IsOperator); err != nil {
				return err
			}
			if !actor.CanManage() {
				return apperr.New(apperr.Forbidden, "Only the account's Owner and Administrators can manage its users.")
			}
		}
		t := &tx{Tx: pgxTx, acct: acct, actor: actor}
		if err := fn(t); err != nil {
			return err
		}
		return webhook.Emit(ctx, pgxTx, s.Jobs, t.events...)
	})
}

var errNoMember = apperr.New(apperr.NotFound, "This user is not a member of the account.")

// get returns one member, sharing the user row (so a concurrent
// platform-wide deactivation waits for this transaction) and locking the
// membership row.
func get(ctx context.Context, q pgx.Tx, accountID, userID uuid.UUID) (Member, error) {
	list, err := lockMembers(ctx, q, accountID, []uuid.UUID{userID})
	if err != nil {
		return Member{}, err
	}
	if len(list) == 0 {
		return Member{}, errNoMember
	}
	return list[0], nil
}

// lockMembers locks each row's user, then its membership (PostgreSQL locks in
// the order of the locking clauses), one row after the other in user id
// order: a change of the user's global status locks the user and then, by
// trigger, their memberships (migration 0008), so the other order could
// deadlock with it.
func lockMembers(ctx context.Context, q pgx.Tx, accountID uuid.UUID, userIDs []uuid.UUID) ([]Member, error) {
	rows, err := q.Query(ctx, `SELECT `+user.Columns+`, m.role, m.status, m.status_changed_at, m.created_at
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.account_id = $1 AND m.user_id = ANY($2) ORDER BY m.user_id FOR SHARE OF u FOR NO KEY UPDATE OF m`, accountID, userIDs)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Member, error) {
		var m Member
		u, err := user.Scan(r, &m.Role, &m.Status, &m.StatusChangedAt, &m.CreatedAt)
		m.User, m.AccountID, m.UserID = u, accountID, u.ID
		return m, err
	})
}

// dedupe keeps the first of each id, in order (perID gives the repeated ones
// their result back). It returns INVALID_INPUT for no ids and LIMIT_EXCEEDED
// for more than MaxBulk ids, repeats included, checked before any other work.
func dedupe[T comparable](items []T, noun string) ([]T, error) {
	switch {
	case len(items) == 0:
		return nil, apperr.New(apperr.InvalidInput, "Select at least one %s.", noun)
	case len(items) > MaxBulk:
		return nil, apperr.New(apperr.LimitExceeded, "At most %d %ss per call (got %d).", MaxBulk, noun, len(items))
	}
	out := make([]T, 0, len(items))
	seen := make(map[T]bool, len(items))
	for _, it := range items {
		if !seen[it] {
			seen[it] = true
			out = append(out, it)
		}
	}
	return out, nil
}

// SetStatus deactivates or activates members of an account. Each member is
// applied or refused on its own (FORBIDDEN, NOT_FOUND, SELF_ACTION,
// OWNER_PROTECTED, EXTERNALLY_MANAGED, USER_INACTIVE, CONFLICT); a member
// deactivated out of their last panel access loses their sessions (see
// setStatus). The call itself returns FORBIDDEN, INVALID_INPUT or LIMIT_EXCEEDED.
func (s *Service) SetStatus(ctx context.Context, actor Actor, accountID uuid.UUID, userIDs []uuid.UUID, status Status) (Outcome, error) {
	ids, err := dedupe(userIDs, "member")
	if err != nil {
		return Outcome{}, err
	}
	var out Outcome
	err = s.inAccount(ctx, actor, accountID, func(t *tx) error {
		var err error
		out, err = t.setStatuses(ctx, ids, status)
		out.Results = perID(userIDs, out.Results)
		return err
	})
	return out, err
}

// setStatuses is SetStatus on distinct ids in t, results in the order of ids.
func (t *tx) setStatuses(ctx context.Context, ids []uuid.UUID, status Status) (Outcome, error) {
	action := ActionDeactivate
	if status == StatusActive {
		action = ActionActivate
	}
	var out Outcome
	results, applied, err := t.each(ctx, ids, action, func(m Member, res *Result) error {
		res.Member = &m
		return setStatus(ctx, t, res.Member, status)
	})
	if err != nil {
		return Outcome{}, err
	}
	out.Results = results
	if status == StatusInactive && len(applied) > 0 {
		// Warn about lists whose every ACTIVE recipient was just deactivated.
		if out.Warnings, err = orphanedBy(ctx, t, t.acct.ID, applied); err != nil {
			return Outcome{}, err
		}
	}
	return out, nil
}

// perID returns one result per requested id, in the order asked, repeats included.
func perID(requested []uuid.UUID, results []Result) []Result {
	out := make([]Result, len(requested))
	for i, id := range requested {
		out[i] = results[slices.IndexFunc(results, func(r Result) bool { return r.UserID == id })]
	}
	return out
}

// each locks the members ids and applies fn to each one that Check allows
// action on, returning one result per id (in order) and the ids applied.
func (t *tx) each(ctx context.Context, ids []uuid.UUID, action Action, fn func(m Member, res *Result) error) ([]Result, []uuid.UUID, error) {
	members, err := lockMembers(ctx, t, t.acct.ID, ids)
	if err != nil {
		return nil, nil, err
	}
	results := make([]Result, len(ids))
	var applied []uuid.UUID
	for k, id := range ids {
		results[k] = Result{UserID: id, Err: errNoMember}
		i := slices.IndexFunc(members, func(m Member) bool { return m.UserID == id })
		if i < 0 {
			continue
		}
		if results[k].Err = Check(action, t.actor, t.acct, members[i].Membership, members[i].User.Status); results[k].Err != nil {
			continue
		}
		if err := fn(members[i], &results[k]); err != nil {
			return nil, nil, err
		}
		applied = append(applied, id)
	}
	return results, applied, nil
}

// orphanedBy returns the lists of the account that have no ACTIVE recipient
// now, but had one among users a moment ago (in this transaction).
func orphanedBy(ctx context.Context, t *tx, accountID uuid.UUID, users []uuid.UUID) ([]notify.Warning, error) {
	var warnings []notify.Warning
	rows, err := t.Query(ctx, `SELECT r.kind, array_agg(r.user_id ORDER BY r.user_id) FILTER (WHERE r.user_id = ANY($2))
		FROM notification_recipients r
		LEFT JOIN memberships m ON m.account_id = r.account_id AND m.user_id = r.user_id
		LEFT JOIN users u ON u.id = r.user_id
		WHERE r.account_id = $1
		GROUP BY r.kind
		HAVING bool_or(r.user_id = ANY($2)) AND NOT bool_or(coalesce(m.status = 'ACTIVE' AND u.status = 'ACTIVE', false))
		ORDER BY r.kind`, accountID, users)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		w := notify.Warning{AccountID: accountID}
		if err := rows.Scan(&w.Kind, &w.UserIDs); err != nil {
			return nil, err
		}
		warnings = append(warnings, w)
	}
	return warnings, rows.Err()
}

// setStatus changes one membership's status and audits it. Deactivating a
// member who is thereby left with no panel access anywhere (no other ACTIVE
// membership with a panel role, not an operator) revokes all their
// sessions: their old token must not come back to life on reactivation, and
// they could not sign out meanwhile. A member who keeps panel access in
// another account keeps their sessions, which stop working in this account
// at once anyway (access is read on every request).
func setStatus(ctx context.Context, t *tx, m *Member, status Status) error {
	before := m.Status
	if err := t.QueryRow(ctx, `UPDATE memberships SET status = $3, status_changed_at = now()
		WHERE account_id = $1 AND user_id = $2 RETURNING status_changed_at`, m.AccountID, m.UserID, status).Scan(&m.StatusChangedAt); err != nil {
		return err
	}
	m.Status = status
	if status == StatusInactive {
		if err := revokeWithoutPanelAccess(ctx, t, m.UserID); err != nil {
			return err
		}
	}
	action := map[Status]string{StatusActive: "member.activated", StatusInactive: "member.deactivated"}[status]
	t.events = append(t.events, webhook.Event{Type: map[Status]webhook.EventType{StatusActive: webhook.EventMemberActivated,
		StatusInactive: webhook.EventMemberDeactivated}[status], AccountID: &m.AccountID, UserID: m.UserID})
	return audit.Record(ctx, t, t.actor.event(audit.Event{AccountID: &m.AccountID, TargetUserID: &m.UserID, Action: action,
		Before: map[string]any{"status": before}, After: map[string]any{"status": status}}))
}

// Remove deletes memberships (detach also purges each user's service
// credentials in the account, in the background). Each member is removed or
// refused on its own (NOT_FOUND, SELF_ACTION, OWNER_PROTECTED,
// EXTERNALLY_MANAGED, MEMBER_ACTIVE); where a removed member was a notification recipient, the
// Owner takes their place in the background. A user left without panel
// access loses their sessions. The call returns FORBIDDEN, INVALID_INPUT or
// LIMIT_EXCEEDED.
func (s *Service) Remove(ctx context.Context, actor Actor, accountID uuid.UUID, userIDs []uuid.UUID, detach bool) (Outcome, error) {
	ids, err := dedupe(userIDs, "member")
	if err != nil {
		return Outcome{}, err
	}
	var out Outcome
	err = s.inAccount(ctx, actor, accountID, func(t *tx) error {
		var err error
		out, err = s.removeAll(ctx, t, ids, detach)
		out.Results = perID(userIDs, out.Results)
		return err
	})
	return out, err
}

// removeAll is Remove on distinct ids in t, results in the order of ids.
func (s *Service) removeAll(ctx context.Context, t *tx, ids []uuid.UUID, detach bool) (Outcome, error) {
	action, event := ActionDelete, "member.deleted"
	if detach {
		action, event = ActionDetach, "member.detached"
	}
	var out Outcome
	results, removed, err := t.each(ctx, ids, action, func(m Member, res *Result) error {
		res.Removed = true
		return s.remove(ctx, t, m, detach, event)
	})
	if err != nil {
		return Outcome{}, err
	}
	out.Results = results
	if len(removed) > 0 {
		if out.Warnings, err = orphanedBy(ctx, t, t.acct.ID, removed); err != nil {
			return Outcome{}, err
		}
	}
	return out, nil
}

func (s *Service) remove(ctx context.Context, t *tx, m Member, detach bool, event string) error {
	var removedAt time.Time
	if err := t.QueryRow(ctx, `DELETE FROM memberships WHERE account_id = $1 AND user_id = $2 RETURNING now()`,
		m.AccountID, m.UserID).Scan(&removedAt); err != nil {
		return err
	}
	ev := webhook.Event{Type: webhook.EventMemberDeleted, AccountID: &m.AccountID, UserID: m.UserID}
	if detach {
		if err := s.Jobs.PurgeUserServices(ctx, t, m.AccountID, m.UserID, removedAt); err != nil {
			return err
		}
		ev.Type, ev.DetachedAt = webhook.EventMemberDetached, &removedAt
	}
	t.events = append(t.events, ev)
	kinds, err := notify.KindsOf(ctx, t, m.AccountID, m.UserID)
	if err != nil {
		return err
	}
	if len(kinds) > 0 {
		if err := s.Jobs.ReplaceRecipient(ctx, t, m.AccountID, m.UserID, kinds); err != nil {
			return err
		}
	}
	if err := revokeWithoutPanelAccess(ctx, t, m.UserID); err != nil {
		return err
	}
	return audit.Record(ctx, t, t.actor.event(audit.Event{AccountID: &m.AccountID, TargetUserID: &m.UserID, Action: event,
		Before: map[string]any{"role": m.Role, "status": m.Status, "recipientOf": kinds}}))
}

// revokeWithoutPanelAccess ends the sessions of a user who is not an
// operator and has no ACTIVE membership giving panel access any more.
func revokeWithoutPanelAccess(ctx context.Context, q pgx.Tx, userID uuid.UUID) error {
	_, err := q.Exec(ctx, `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL
		AND NOT EXISTS (SELECT 1 FROM users WHERE id = $1 AND is_operator)
		AND NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = $1 AND status = 'ACTIVE' AND role = ANY($2))`, userID, PanelRoles)
	return err
}

// ChangeRole gives a member another role. It returns INVALID_INPUT for
// OWNER (ownership moves only by a transfer), NOT_FOUND, FORBIDDEN,
// SELF_ACTION and OWNER_PROTECTED.
func (s *Service) ChangeRole(ctx context.Context, actor Actor, accountID, userID uuid.UUID, role Role) (Member, error) {
	if !role.IsValid() || role == RoleOwner {
		return Member{}, apperr.New(apperr.InvalidInput, "Choose ADMINISTRATOR, FINANCE_MANAGER or USER; use transferOwnership to change the Owner.")
	}
	var m Member
	err := s.inAccount(ctx, actor, accountID, func(t *tx) error {
		var err error
		m, err = t.changeRole(ctx, userID, role)
		return err
	})
	return m, err
}

// changeRole is ChangeRole in t, for a role already checked not to be OWNER.
func (t *tx) changeRole(ctx context.Context, userID uuid.UUID, role Role) (Member, error) {
	m, err := get(ctx, t, t.acct.ID, userID)
	if err != nil {
		return Member{}, err
	}
	if e := Check(ActionChangeRole, t.actor, t.acct, m.Membership, m.User.Status); e != nil {
		return Member{}, e
	}
	if m.Role == role {
		return m, nil
	}
	before := m.Role
	if _, err := t.Exec(ctx, `UPDATE memberships SET role = $3 WHERE account_id = $1 AND user_id = $2`, t.acct.ID, userID, role); err != nil {
		return Member{}, err
	}
	m.Role = role
	if err := revokeWithoutPanelAccess(ctx, t, userID); err != nil {
		return Member{}, err
	}
	return m, audit.Record(ctx, t, t.actor.event(audit.Event{AccountID: &t.acct.ID, TargetUserID: &userID, Action: "member.role_changed",
		Before: map[string]any{"role": before}, After: map[string]any{"role": role}}))
}

// TransferOwnership makes an ACTIVE member the Owner; the previous Owner
// becomes an Administrator. Only the Owner (or an operator) may. It returns
// FORBIDDEN, NOT_FOUND, CONFLICT when the member already is the Owner or
// when the account has no Owner yet (its Owner's invitation is pending),
// INVALID_INPUT when the member is not ACTIVE, and USER_INACTIVE when the
// user is deactivated platform-wide.
func (s *Service) TransferOwnership(ctx context.Context, actor Actor, accountID, toUserID uuid.UUID) (previous, next Member, err error) {
	err = s.inAccount(ctx, actor, accountID, func(t *tx) error {
		if !t.actor.IsOperator && (t.actor.Membership == nil || t.actor.Membership.Role != RoleOwner) {
			return apperr.New(apperr.Forbidden, "Only the account Owner can transfer ownership.")
		}
		var err error
		if next, err = get(ctx, t, accountID, toUserID); err != nil {
			return err
		}
		if e := CheckNewOwner(next.Membership, next.User.Status); e != nil {
			return e
		}
		var ownerID uuid.UUID
		// The Owner's user first, then their membership, as lockMembers does.
		err = t.QueryRow(ctx, `SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
			WHERE m.account_id = $1 AND m.role = 'OWNER' FOR SHARE OF u FOR UPDATE OF m`, accountID).Scan(&ownerID)
		if errors.Is(err, pgx.ErrNoRows) {
			return apperr.New(apperr.Conflict, "This account has no Owner yet: its Owner's invitation is still pending. "+
				"Transfer ownership once it is accepted, or revoke it and invite another Owner.")
		}
		if err != nil {
			return err
		}
		if previous, err = get(ctx, t, accountID, ownerID); err != nil {
			return err
		}
		if _, err := t.Exec(ctx, `UPDATE memberships SET role = 'ADMINISTRATOR' WHERE account_id = $1 AND user_id = $2`, accountID, ownerID); err != nil {
			return err
		}
		if _, err := t.Exec(ctx, `UPDATE memberships SET role = 'OWNER' WHERE account_id = $1 AND user_id = $2`, accountID, toUserID); err != nil {
			return err
		}
		previous.Role, next.Role = RoleAdministrator, RoleOwner
		return audit.Record(ctx, t, audit.Event{ActorID: &t.actor.UserID, AccountID: &accountID, TargetUserID: &toUserID, Action: "account.ownership_transferred",
			Before: map[string]any{"owner": ownerID}, After: map[string]any{"owner": toUserID}})
	})
	return previous, next, err
}
