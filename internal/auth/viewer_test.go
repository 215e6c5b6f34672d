package auth_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// TestViewer_RoleMatrix is the role → permission table of the contract.
func TestViewer_RoleMatrix(t *testing.T) {
	t.Parallel()
	acct := uuid.New()
	read, manage, transfer := auth.PermissionReadAccount, auth.PermissionManageMembers, auth.PermissionTransferOwnership
	for _, tc := range []struct {
		role    member.Role
		status  member.Status
		allowed []auth.Permission
	}{
		{member.RoleOwner, member.StatusActive, []auth.Permission{read, manage, transfer}},
		{member.RoleAdministrator, member.StatusActive, []auth.Permission{read, manage}},
		{member.RoleFinanceManager, member.StatusActive, []auth.Permission{read}},
		{member.RoleUser, member.StatusActive, nil},
		{member.RoleAdministrator, member.StatusInactive, nil},
	} {
		t.Run(string(tc.role)+"/"+string(tc.status), func(t *testing.T) {
			t.Parallel()
			v := &auth.Viewer{Memberships: map[uuid.UUID]member.Membership{acct: {Role: tc.role, Status: tc.status}}}
			for _, p := range []auth.Permission{read, manage, transfer} {
				require.Equal(t, contains(tc.allowed, p), v.Can(p, acct), "%s", p)
				require.False(t, v.Can(p, uuid.New()), "no right in another account")
			}
		})
	}
	op := &auth.Viewer{User: user.User{IsOperator: true}}
	require.True(t, op.Can(transfer, acct), "operators hold every permission everywhere")
}

func contains(list []auth.Permission, p auth.Permission) bool {
	for _, x := range list {
		if x == p {
			return true
		}
	}
	return false
}
