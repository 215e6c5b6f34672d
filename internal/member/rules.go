package member

import (
	"github.com/google/uuid"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/user"
)

// Action is something an administrator can do to a member.
type Action string

const (
	// ActionDeactivate ends a member's access to the account, keeping them listed.
	ActionDeactivate Action = "deactivate"
	// ActionActivate restores a deactivated member's access.
	ActionActivate Action = "activate"
	// ActionDelete removes a membership.
	ActionDelete Action = "delete"
	// ActionDetach removes a membership and purges the user's service credentials.
	ActionDetach Action = "detach"
	// ActionChangeRole gives a member another role (never OWNER).
	ActionChangeRole Action = "changeRole"
)

// Actor is who acts on a member: their user id, whether they are a platform
// operator, and their own membership in the account (nil when none).
type Actor struct {
	UserID     uuid.UUID
	IsOperator bool
	Membership *Membership
}

// CanManage reports whether the actor may manage the account's members: an
// operator, or an ACTIVE Owner or Administrator of the account.
func (a Actor) CanManage() bool {
	if a.IsOperator {
		return true
	}
	m := a.Membership
	return m != nil && m.Status == StatusActive && (m.Role == RoleOwner || m.Role == RoleAdministrator)
}

// Check says whether actor may apply action to target (a member of acct whose
// user has global status targetStatus). It returns nil when allowed, else the
// domain error the mutation returns: FORBIDDEN, SELF_ACTION, OWNER_PROTECTED,
// EXTERNALLY_MANAGED, USER_INACTIVE, MEMBER_ACTIVE or CONFLICT. The members
// list's viewerCan and every lifecycle mutation call this one function.
func Check(action Action, actor Actor, acct account.Account, target Membership, targetStatus user.Status) *apperr.Error {
	if !actor.CanManage() {
		return apperr.New(apperr.Forbidden, "Only the account's Owner and Administrators can manage its users.")
	}
	if target.UserID == actor.UserID {
		return apperr.New(apperr.SelfAction, "You cannot %s yourself; ask another administrator.", verb(action))
	}
	if target.Role == RoleOwner {
		return apperr.New(apperr.OwnerProtected, "The account Owner cannot be changed this way; transfer ownership first.")
	}
	switch action {
	case ActionDeactivate, ActionActivate:
		if acct.UserDirectory == account.DirectoryExternal {
			return apperr.New(apperr.ExternallyManaged, "This account's users come from an external directory; change their status there.")
		}
		if targetStatus == user.StatusInactive {
			return apperr.New(apperr.UserInactive, "This user is deactivated platform-wide; a platform operator must activate them first.")
		}
		if action == ActionDeactivate && target.Status == StatusInactive {
			return apperr.New(apperr.Conflict, "This member is already inactive.")
		}
		if action == ActionActivate && target.Status == StatusActive {
			return apperr.New(apperr.Conflict, "This member is already active.")
		}
	case ActionDelete, ActionDetach:
		if acct.RequireDeactivationBeforeDelete && target.Status == StatusActive {
			return apperr.New(apperr.MemberActive, "This account requires deactivating a member before deleting them; deactivate first.")
		}
	}
	return nil
}

func verb(a Action) string {
	if a == ActionChangeRole {
		return "change the role of"
	}
	return string(a)
}
