package member

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/notify"
	"github.com/rosterhq/roster/internal/user"
)

// DirectoryTx is one transaction of an account's external directory on the
// account's members (SCIM provisioning): the account row is locked, and
// every change goes through the rules and effects of the panel's own
// lifecycle calls — Check, sessions, recipients, warnings, audit — with the
// directory's SCIM token as the actor. The directory's own records about
// the members (internal/scim) are written in the same transaction (Tx).
type DirectoryTx struct {
	t *tx
	s *Service
}

// InDirectory runs fn in one transaction as actor, an account's directory
// (DirectoryActor), on that account. It returns NOT_FOUND for an account
// that no longer exists, FORBIDDEN while the account is not EXTERNAL, and
// whatever fn returns; the transaction commits only when fn returns nil.
func (s *Service) InDirectory(ctx context.Context, actor Actor, fn func(d *DirectoryTx) error) error {
	if actor.Directory == nil {
		return errors.New("member: InDirectory needs a directory actor")
	}
	return s.inAccount(ctx, actor, actor.Directory.AccountID, func(t *tx) error {
		return fn(&DirectoryTx{t: t, s: s})
	})
}

// Tx returns the transaction, for the directory's own records.
func (d *DirectoryTx) Tx() pgx.Tx { return d.t.Tx }

// Account returns the account as locked at the start of the transaction.
func (d *DirectoryTx) Account() account.Account { return d.t.acct }

// Actor returns the directory acting.
func (d *DirectoryTx) Actor() Actor { return d.t.actor }

// Member returns one member of the account with their user, locking the
// membership until the end of the transaction. It returns NOT_FOUND.
func (d *DirectoryTx) Member(ctx context.Context, userID uuid.UUID) (Member, error) {
	return get(ctx, d.t, d.t.acct.ID, userID)
}

// Join makes the user a member of the account with role (never OWNER) and
// status, and records member.provisioned, with details (what the directory
// calls the member) beside the role and status. A member provisioned
// INACTIVE is inserted so, not deactivated afterwards: no rule of
// deactivation applies to a membership that had no access yet. The user may be deactivated
// platform-wide: they join all the same (and still cannot sign in), since
// refusing would tell the directory that the address has a user elsewhere.
// It returns INVALID_INPUT for OWNER or an unknown role, NOT_FOUND for an
// unknown user and ALREADY_MEMBER.
func (d *DirectoryTx) Join(ctx context.Context, userID uuid.UUID, role Role, status Status, details map[string]any) (Member, error) {
	if !role.IsValid() || role == RoleOwner {
		return Member{}, apperr.New(apperr.InvalidInput, "A provisioned member is an ADMINISTRATOR, FINANCE_MANAGER or USER.")
	}
	if !status.IsValid() {
		return Member{}, apperr.New(apperr.InvalidInput, "A provisioned member is ACTIVE or INACTIVE.")
	}
	// Shared until commit, as an invitation's acceptance does: a
	// platform-wide deactivation or deletion waits for this membership.
	u, err := user.GetForShare(ctx, d.t, userID)
	if err != nil {
		return Member{}, err
	}
	var exists bool
	if err := d.t.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM memberships WHERE account_id = $1 AND user_id = $2)`,
		d.t.acct.ID, userID).Scan(&exists); err != nil {
		return Member{}, err
	}
	if exists {
		return Member{}, apperr.New(apperr.AlreadyMember, "This user is already a member of the account.")
	}
	m := Member{Membership: Membership{AccountID: d.t.acct.ID, UserID: userID, Role: role, Status: status}, User: u}
	err = d.t.QueryRow(ctx, `INSERT INTO memberships (account_id, user_id, role, status) VALUES ($1, $2, $3, $4)
		RETURNING status_changed_at, created_at`, m.AccountID, m.UserID, m.Role, m.Status).Scan(&m.StatusChangedAt, &m.CreatedAt)
	if db.IsUniqueViolation(err, "memberships_pkey") {
		return Member{}, apperr.New(apperr.AlreadyMember, "This user is already a member of the account.")
	}
	if err != nil {
		return Member{}, err
	}
	after := map[string]any{"role": role, "status": status}
	for k, v := range details {
		after[k] = v
	}
	return m, audit.Record(ctx, d.t, d.t.actor.event(audit.Event{AccountID: &m.AccountID, TargetUserID: &userID, Action: "member.provisioned",
		After: after}))
}

// SetStatus deactivates or activates one member exactly as SetStatus does
// for the panel (sessions, audit, and the warnings about lists left without
// an ACTIVE recipient). A user deactivated platform-wide gets the
// account-level status underneath (see Directory). A refusal comes back as
// the error: NOT_FOUND, OWNER_PROTECTED, CONFLICT when the member already
// has the status.
func (d *DirectoryTx) SetStatus(ctx context.Context, userID uuid.UUID, status Status) (Member, []notify.Warning, error) {
	out, err := d.t.setStatuses(ctx, []uuid.UUID{userID}, status)
	if err != nil {
		return Member{}, nil, err
	}
	if res := out.Results[0]; res.Err != nil {
		return Member{}, nil, res.Err
	}
	return *out.Results[0].Member, out.Warnings, nil
}

// Remove deletes one membership exactly as Remove does for the panel
// (deleteMembers): the Owner takes the member's places on the notification
// lists in the background, a user left without panel access loses their
// sessions, the directory's records of the member go with the membership.
// A refusal comes back as the error: NOT_FOUND, OWNER_PROTECTED,
// MEMBER_ACTIVE (the account requires deactivating first).
func (d *DirectoryTx) Remove(ctx context.Context, userID uuid.UUID) ([]notify.Warning, error) {
	out, err := d.s.removeAll(ctx, d.t, []uuid.UUID{userID}, false)
	if err != nil {
		return nil, err
	}
	if res := out.Results[0]; res.Err != nil {
		return nil, res.Err
	}
	return out.Warnings, nil
}

// ChangeRole gives a member another role exactly as ChangeRole does for the
// panel. It returns INVALID_INPUT for OWNER, NOT_FOUND and OWNER_PROTECTED.
func (d *DirectoryTx) ChangeRole(ctx context.Context, userID uuid.UUID, role Role) (Member, error) {
	if !role.IsValid() || role == RoleOwner {
		return Member{}, apperr.New(apperr.InvalidInput, "Choose ADMINISTRATOR, FINANCE_MANAGER or USER; the Owner changes only by an ownership transfer.")
	}
	return d.t.changeRole(ctx, userID, role)
}
