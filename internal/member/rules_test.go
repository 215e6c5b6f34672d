package member_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

func TestCheck(t *testing.T) {
	t.Parallel()
	me, other := uuid.New(), uuid.New()
	admin := member.Actor{UserID: me, Membership: &member.Membership{Role: member.RoleAdministrator, Status: member.StatusActive}}
	target := func(role member.Role, status member.Status) member.Membership {
		return member.Membership{UserID: other, Role: role, Status: status}
	}
	local, external := account.Account{UserDirectory: account.DirectoryLocal}, account.Account{ID: uuid.New(), UserDirectory: account.DirectoryExternal}
	externalStrict := external
	externalStrict.RequireDeactivationBeforeDelete = true
	directory := member.DirectoryActor(external.ID, uuid.New())
	strict := account.Account{UserDirectory: account.DirectoryLocal, RequireDeactivationBeforeDelete: true}
	active, inactive := member.StatusActive, member.StatusInactive
	for _, tc := range []struct {
		name   string
		action member.Action
		actor  member.Actor
		acct   account.Account
		target member.Membership
		user   user.Status
		want   apperr.Code
	}{
		{"admin deactivates a user", member.ActionDeactivate, admin, local, target(member.RoleUser, active), user.StatusActive, ""},
		{"admin deletes an admin", member.ActionDelete, admin, local, target(member.RoleAdministrator, active), user.StatusActive, ""},
		{"finance manager may not", member.ActionDelete, member.Actor{UserID: me, Membership: &member.Membership{Role: member.RoleFinanceManager, Status: active}}, local, target(member.RoleUser, active), user.StatusActive, apperr.Forbidden},
		{"inactive admin may not", member.ActionDelete, member.Actor{UserID: me, Membership: &member.Membership{Role: member.RoleAdministrator, Status: inactive}}, local, target(member.RoleUser, active), user.StatusActive, apperr.Forbidden},
		{"non-member may not", member.ActionDelete, member.Actor{UserID: me}, local, target(member.RoleUser, active), user.StatusActive, apperr.Forbidden},
		{"operator may", member.ActionDelete, member.Actor{UserID: me, IsOperator: true}, local, target(member.RoleUser, active), user.StatusActive, ""},
		{"self", member.ActionDeactivate, admin, local, member.Membership{UserID: me, Role: member.RoleAdministrator, Status: active}, user.StatusActive, apperr.SelfAction},
		{"owner deactivate", member.ActionDeactivate, admin, local, target(member.RoleOwner, active), user.StatusActive, apperr.OwnerProtected},
		{"owner delete", member.ActionDelete, admin, local, target(member.RoleOwner, active), user.StatusActive, apperr.OwnerProtected},
		{"owner detach", member.ActionDetach, admin, local, target(member.RoleOwner, active), user.StatusActive, apperr.OwnerProtected},
		{"owner role", member.ActionChangeRole, admin, local, target(member.RoleOwner, active), user.StatusActive, apperr.OwnerProtected},
		{"external deactivate", member.ActionDeactivate, admin, external, target(member.RoleUser, active), user.StatusActive, apperr.ExternallyManaged},
		{"external activate", member.ActionActivate, admin, external, target(member.RoleUser, inactive), user.StatusActive, apperr.ExternallyManaged},
		{"external delete", member.ActionDelete, admin, external, target(member.RoleUser, inactive), user.StatusActive, apperr.ExternallyManaged},
		{"external detach", member.ActionDetach, admin, external, target(member.RoleUser, inactive), user.StatusActive, apperr.ExternallyManaged},
		{"external role change is fine", member.ActionChangeRole, admin, external, target(member.RoleUser, active), user.StatusActive, ""},
		{"globally inactive deactivate", member.ActionDeactivate, admin, local, target(member.RoleUser, active), user.StatusInactive, apperr.UserInactive},
		{"globally inactive activate", member.ActionActivate, admin, local, target(member.RoleUser, inactive), user.StatusInactive, apperr.UserInactive},
		{"globally inactive delete is fine", member.ActionDelete, admin, local, target(member.RoleUser, active), user.StatusInactive, ""},
		{"already inactive", member.ActionDeactivate, admin, local, target(member.RoleUser, inactive), user.StatusActive, apperr.Conflict},
		{"already active", member.ActionActivate, admin, local, target(member.RoleUser, active), user.StatusActive, apperr.Conflict},
		{"delete active under the partner rule", member.ActionDelete, admin, strict, target(member.RoleUser, active), user.StatusActive, apperr.MemberActive},
		{"detach active under the partner rule", member.ActionDetach, admin, strict, target(member.RoleUser, active), user.StatusActive, apperr.MemberActive},
		{"delete inactive under the partner rule", member.ActionDelete, admin, strict, target(member.RoleUser, inactive), user.StatusActive, ""},
		{"directory deactivates in its EXTERNAL account", member.ActionDeactivate, directory, external, target(member.RoleUser, active), user.StatusActive, ""},
		{"directory activates", member.ActionActivate, directory, external, target(member.RoleUser, inactive), user.StatusActive, ""},
		{"directory deletes", member.ActionDelete, directory, external, target(member.RoleAdministrator, active), user.StatusActive, ""},
		{"directory changes roles", member.ActionChangeRole, directory, external, target(member.RoleAdministrator, active), user.StatusActive, ""},
		{"directory and the Owner", member.ActionDeactivate, directory, external, target(member.RoleOwner, active), user.StatusActive, apperr.OwnerProtected},
		{"directory and the partner rule", member.ActionDelete, directory, externalStrict, target(member.RoleUser, active), user.StatusActive, apperr.MemberActive},
		{"directory and a user deactivated platform-wide: the account-level status underneath", member.ActionDeactivate, directory, external, target(member.RoleUser, active), user.StatusInactive, ""},
		{"panel and a user deactivated platform-wide", member.ActionActivate, member.Actor{UserID: uuid.New(), IsOperator: true}, account.Account{ID: external.ID, UserDirectory: account.DirectoryLocal}, target(member.RoleUser, active), user.StatusInactive, apperr.UserInactive},
		{"directory of a LOCAL account", member.ActionDeactivate, directory, account.Account{ID: external.ID, UserDirectory: account.DirectoryLocal}, target(member.RoleUser, active), user.StatusActive, apperr.Forbidden},
		{"directory of another account", member.ActionDeactivate, member.DirectoryActor(uuid.New(), uuid.New()), external, target(member.RoleUser, active), user.StatusActive, apperr.Forbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := member.Check(tc.action, tc.actor, tc.acct, tc.target, tc.user)
			if tc.want == "" {
				require.Nil(t, err)
				return
			}
			require.NotNil(t, err)
			require.Equal(t, tc.want, err.Code)
			require.NotEmpty(t, err.Message)
		})
	}
}

func TestCheckAccount(t *testing.T) {
	t.Parallel()
	as := func(role member.Role, status member.Status) member.Actor {
		return member.Actor{UserID: uuid.New(), Membership: &member.Membership{Role: role, Status: status}}
	}
	operator := member.Actor{UserID: uuid.New(), IsOperator: true}
	owner, admin := as(member.RoleOwner, member.StatusActive), as(member.RoleAdministrator, member.StatusActive)
	finance, plain := as(member.RoleFinanceManager, member.StatusActive), as(member.RoleUser, member.StatusActive)
	inactiveOwner, stranger := as(member.RoleOwner, member.StatusInactive), member.Actor{UserID: uuid.New()}
	local, external := account.Account{UserDirectory: account.DirectoryLocal}, account.Account{UserDirectory: account.DirectoryExternal}
	const ok, no = apperr.Code(""), apperr.Forbidden
	// Columns: operator, owner, admin, finance, plain, inactive owner, stranger.
	actors := []member.Actor{operator, owner, admin, finance, plain, inactiveOwner, stranger}
	for _, tc := range []struct {
		action member.AccountAction
		acct   account.Account
		want   []apperr.Code
	}{
		{member.AccountInvite, local, []apperr.Code{ok, ok, ok, no, no, no, no}},
		{member.AccountInvite, external, []apperr.Code{apperr.ExternallyManaged, apperr.ExternallyManaged, apperr.ExternallyManaged, no, no, no, no}},
		{member.AccountManageMembers, external, []apperr.Code{ok, ok, ok, no, no, no, no}},
		{member.AccountManageRecipients, local, []apperr.Code{ok, ok, ok, no, no, no, no}},
		{member.AccountTransferOwnership, local, []apperr.Code{ok, ok, no, no, no, no, no}},
		{member.AccountReadAuditLog, local, []apperr.Code{ok, ok, ok, ok, no, no, no}},
		{member.AccountUpdateSettings, local, []apperr.Code{ok, ok, no, no, no, no, no}},
		{member.AccountChangeUserDirectory, local, []apperr.Code{ok, no, no, no, no, no, no}},
		{member.AccountManageScimTokens, external, []apperr.Code{ok, ok, no, no, no, no, no}},
	} {
		t.Run(string(tc.action)+" "+string(tc.acct.UserDirectory), func(t *testing.T) {
			t.Parallel()
			for i, actor := range actors {
				err := member.CheckAccount(tc.action, actor, tc.acct)
				if tc.want[i] == ok {
					require.Nil(t, err, "actor %d", i)
					continue
				}
				require.NotNil(t, err, "actor %d", i)
				require.Equal(t, tc.want[i], err.Code, "actor %d", i)
			}
		})
	}
}
