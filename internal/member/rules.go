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
	case ActionDeactivate, ActionActivate, ActionDelete, ActionDetach:
		if acct.UserDirectory == account.DirectoryExternal {
			return errExternallyManaged
		}
	}
	switch action {
	case ActionDeactivate, ActionActivate:
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

var errExternallyManaged = apperr.New(apperr.ExternallyManaged,
	"This account's users come from an external directory; add, remove, activate and deactivate them there.")

// AccountAction is something a viewer can do to an account as a whole.
type AccountAction string

const (
	// AccountInvite invites addresses to the account (inviteUsers, resendInvitation).
	AccountInvite AccountAction = "invite"
	// AccountManageMembers changes members: their statuses, roles, removal.
	AccountManageMembers AccountAction = "manageMembers"
	// AccountManageRecipients sets the technical and billing contact lists.
	AccountManageRecipients AccountAction = "manageRecipients"
	// AccountTransferOwnership hands the Owner role to another member.
	AccountTransferOwnership AccountAction = "transferOwnership"
	// AccountReadAuditLog reads the account's audit trail.
	AccountReadAuditLog AccountAction = "readAuditLog"
	// AccountUpdateSettings renames the account and toggles
	// requireDeactivationBeforeDelete.
	AccountUpdateSettings AccountAction = "updateSettings"
	// AccountChangeUserDirectory switches the account between LOCAL and EXTERNAL.
	AccountChangeUserDirectory AccountAction = "changeUserDirectory"
)

// CheckAccount says whether actor may apply action to acct as a whole. It
// returns nil when allowed, else the error the mutation returns: FORBIDDEN
// (no ACTIVE membership whose role allows it, and not an operator) or
// EXTERNALLY_MANAGED (inviting into an EXTERNAL account). Account.viewerCan
// and the mutations call this one function; its role table agrees with the
// permission matrix of internal/auth that the access directives apply.
//
// Who may do what: operators everything; the Owner everything except
// switching the user directory (that decides who manages the account's
// people, and with an external directory comes a contract, so it is the
// provider's staff's call); Administrators invite, manage members and
// recipients and read the audit log; Finance managers read the audit log.
func CheckAccount(action AccountAction, actor Actor, acct account.Account) *apperr.Error {
	if !actor.IsOperator {
		m := actor.Membership
		if m == nil || m.Status != StatusActive {
			return apperr.New(apperr.Forbidden, "You have no active membership in this account.")
		}
		allowed := false
		switch action {
		case AccountReadAuditLog:
			allowed = m.Role.HasPanelAccess()
		case AccountInvite, AccountManageMembers, AccountManageRecipients:
			allowed = m.Role == RoleOwner || m.Role == RoleAdministrator
		case AccountTransferOwnership, AccountUpdateSettings:
			allowed = m.Role == RoleOwner
		}
		if !allowed {
			return apperr.New(apperr.Forbidden, "Your role %s in this account does not allow this; ask its Owner or a platform operator.", m.Role)
		}
	}
	if action == AccountInvite && acct.UserDirectory == account.DirectoryExternal {
		return apperr.New(apperr.ExternallyManaged, "This account's users come from an external directory; add them there rather than inviting them.")
	}
	return nil
}

func verb(a Action) string {
	if a == ActionChangeRole {
		return "change the role of"
	}
	return string(a)
}
