package member

import (
	"github.com/google/uuid"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
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
// operator, and their own membership in the account (nil when none) — or,
// with Directory set and no user, an account's external directory.
type Actor struct {
	UserID     uuid.UUID
	IsOperator bool
	Membership *Membership
	// Directory is set when an account's external directory acts (over
	// SCIM); UserID is then uuid.Nil.
	Directory *Directory
}

// Directory is an EXTERNAL account's own identity system acting through one
// of the account's SCIM tokens. It manages the members of that account only,
// and only while the account is EXTERNAL; there the EXTERNALLY_MANAGED
// refusal, which stops the panel, does not apply to it, and it may set the
// account-level status of a user deactivated platform-wide (USER_INACTIVE
// stops the panel): that status stays underneath until an operator
// activates the user. Every other rule (the Owner's protection,
// requireDeactivationBeforeDelete) applies.
type Directory struct {
	AccountID uuid.UUID
	TokenID   uuid.UUID
}

// DirectoryActor returns the actor of an account's directory acting through
// the SCIM token tokenID.
func DirectoryActor(accountID, tokenID uuid.UUID) Actor {
	return Actor{Directory: &Directory{AccountID: accountID, TokenID: tokenID}}
}

// event returns e with its actor: the user, or the directory's SCIM token.
func (a Actor) event(e audit.Event) audit.Event {
	if a.Directory != nil {
		e.ActorScimTokenID = &a.Directory.TokenID
	} else {
		e.ActorID = &a.UserID
	}
	return e
}

// directoryRefusal returns nil when the actor is not a directory, or is the
// directory of acct while acct is EXTERNAL, else the FORBIDDEN error a
// directory gets anywhere else.
func (a Actor) directoryRefusal(acct account.Account) *apperr.Error {
	switch {
	case a.Directory == nil:
		return nil
	case a.Directory.AccountID != acct.ID:
		return apperr.New(apperr.Forbidden, "A SCIM token acts only in its own account.")
	case acct.UserDirectory != account.DirectoryExternal:
		return errDirectoryOff
	}
	return nil
}

var errDirectoryOff = apperr.New(apperr.Forbidden,
	"This account's users are managed in the panel (user directory LOCAL); its SCIM tokens work only while its user directory is EXTERNAL.")

// CanManage reports whether the actor may manage the account's members: an
// operator, an ACTIVE Owner or Administrator of the account, or the
// account's directory (Check and the lifecycle calls check which account).
func (a Actor) CanManage() bool {
	if a.IsOperator || a.Directory != nil {
		return true
	}
	m := a.Membership
	return m != nil && m.Status == StatusActive && (m.Role == RoleOwner || m.Role == RoleAdministrator)
}

// Check says whether actor may apply action to target (a member of acct whose
// user has global status targetStatus). It returns nil when allowed, else the
// domain error the mutation returns: FORBIDDEN, SELF_ACTION, OWNER_PROTECTED,
// EXTERNALLY_MANAGED, USER_INACTIVE, MEMBER_ACTIVE or CONFLICT. The members
// list's viewerCan, every lifecycle mutation and the SCIM provisioning of
// the account's directory (whose actor is exempt from EXTERNALLY_MANAGED
// only) call this one function.
func Check(action Action, actor Actor, acct account.Account, target Membership, targetStatus user.Status) *apperr.Error {
	if !actor.CanManage() {
		return apperr.New(apperr.Forbidden, "Only the account's Owner and Administrators can manage its users.")
	}
	if e := actor.directoryRefusal(acct); e != nil {
		return e
	}
	if actor.Directory == nil && target.UserID == actor.UserID {
		return apperr.New(apperr.SelfAction, "You cannot %s yourself; ask another administrator.", verb(action))
	}
	if target.Role == RoleOwner {
		return apperr.New(apperr.OwnerProtected, "The account Owner cannot be changed this way; transfer ownership first.")
	}
	switch action {
	case ActionDeactivate, ActionActivate, ActionDelete, ActionDetach:
		if acct.UserDirectory == account.DirectoryExternal && actor.Directory == nil {
			return errExternallyManaged
		}
	}
	switch action {
	case ActionDeactivate, ActionActivate:
		// The account's directory keeps the account-level status even of a
		// user deactivated platform-wide: it stays underneath, shown INACTIVE,
		// until an operator activates the user.
		if targetStatus == user.StatusInactive && actor.Directory == nil {
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
	// AccountManageScimTokens creates, lists and revokes the account's SCIM
	// tokens, with which its external directory provisions members.
	AccountManageScimTokens AccountAction = "manageScimTokens"
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
// SCIM tokens are the Owner's and operators' (a token manages every member,
// Administrators included, so it is no Administrator's to hand out).
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
		case AccountTransferOwnership, AccountUpdateSettings, AccountManageScimTokens:
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

// CheckNewOwner says whether target (a member of the account whose user has
// global status targetStatus) may become the account's Owner. It returns nil
// when so, else the error transferOwnership returns: CONFLICT when the member
// already is the Owner, INVALID_INPUT when the membership is not ACTIVE,
// USER_INACTIVE when the user is deactivated platform-wide. Who may transfer
// is CheckAccount's AccountTransferOwnership; TransferOwnership and the
// member's viewerCan.transferOwnership call this one function.
func CheckNewOwner(target Membership, targetStatus user.Status) *apperr.Error {
	switch {
	case target.Role == RoleOwner:
		return apperr.New(apperr.Conflict, "This member already is the Owner.")
	case target.Status != StatusActive:
		return apperr.New(apperr.InvalidInput, "The new Owner must be an ACTIVE member; activate them first.")
	case targetStatus != user.StatusActive:
		return apperr.New(apperr.UserInactive, "The new Owner is deactivated platform-wide.")
	}
	return nil
}

func verb(a Action) string {
	if a == ActionChangeRole {
		return "change the role of"
	}
	return string(a)
}
