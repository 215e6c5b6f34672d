// Package auth signs users in and out, holds the signed-in viewer of a
// request, and decides with one permission matrix what the viewer may do.
package auth

import (
	"context"

	"github.com/google/uuid"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// Permission is a right within one account.
type Permission string

const (
	// PermissionReadAccount lets a member see the account: members, contacts,
	// invitations, audit log.
	PermissionReadAccount Permission = "READ_ACCOUNT"
	// PermissionManageMembers lets a member invite, deactivate, delete and
	// change the roles of members, and set notification recipients.
	PermissionManageMembers Permission = "MANAGE_MEMBERS"
	// PermissionTransferOwnership lets a member hand the account to another member.
	PermissionTransferOwnership Permission = "TRANSFER_OWNERSHIP"
	// PermissionUpdateAccount lets a member rename the account, toggle
	// requireDeactivationBeforeDelete, choose scimDefaultRole and manage the
	// account's SCIM tokens (member.CheckAccount decides each change).
	PermissionUpdateAccount Permission = "UPDATE_ACCOUNT"
)

// IsValid reports whether p is a known permission.
func (p Permission) IsValid() bool {
	_, ok := matrix[member.RoleOwner][p]
	return ok
}

// matrix is the role → permission table. Operators hold every permission in
// every account; a membership grants its permissions only while ACTIVE.
var matrix = map[member.Role]map[Permission]bool{
	member.RoleOwner:          {PermissionReadAccount: true, PermissionManageMembers: true, PermissionTransferOwnership: true, PermissionUpdateAccount: true},
	member.RoleAdministrator:  {PermissionReadAccount: true, PermissionManageMembers: true},
	member.RoleFinanceManager: {PermissionReadAccount: true},
	member.RoleUser:           {},
}

// RoleHas reports whether role grants permission.
func RoleHas(role member.Role, p Permission) bool { return matrix[role][p] }

// Viewer is the signed-in user of a request, with their memberships as they
// stood when the request started.
type Viewer struct {
	User        user.User
	SessionID   uuid.UUID
	Memberships map[uuid.UUID]member.Membership
}

// Membership returns the viewer's membership in an account, nil when none.
func (v *Viewer) Membership(accountID uuid.UUID) *member.Membership {
	if m, ok := v.Memberships[accountID]; ok {
		return &m
	}
	return nil
}

// Actor returns the viewer as the actor of a member rule in an account.
func (v *Viewer) Actor(accountID uuid.UUID) member.Actor {
	return member.Actor{UserID: v.User.ID, IsOperator: v.User.IsOperator, Membership: v.Membership(accountID)}
}

// Can reports whether the viewer holds permission in the account.
func (v *Viewer) Can(p Permission, accountID uuid.UUID) bool {
	return v.Require(p, accountID) == nil
}

// Require returns nil when the viewer holds permission in the account, else a
// FORBIDDEN error that says why (no membership, an inactive membership, or a
// role without that right).
func (v *Viewer) Require(p Permission, accountID uuid.UUID) error {
	if v.User.IsOperator {
		return nil
	}
	m := v.Membership(accountID)
	switch {
	case m == nil:
		return apperr.New(apperr.Forbidden, "You are not a member of this account.")
	case m.Status != member.StatusActive:
		return apperr.New(apperr.Forbidden, "Your access to this account has been deactivated; ask its administrator to activate you.")
	case !RoleHas(m.Role, p):
		return apperr.New(apperr.Forbidden, "Your role %s in this account does not allow this; ask its Owner or an Administrator.", m.Role)
	}
	return nil
}

// HasPanelAccess reports whether the viewer may use the panel at all: an
// operator, or an ACTIVE member whose role gives panel access somewhere.
func (v *Viewer) HasPanelAccess() bool {
	if v.User.IsOperator {
		return true
	}
	for _, m := range v.Memberships {
		if m.Status == member.StatusActive && m.Role.HasPanelAccess() {
			return true
		}
	}
	return false
}

type viewerKey struct{}

// WithViewer returns ctx carrying the signed-in viewer.
func WithViewer(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// ViewerFrom returns the viewer in ctx, nil when the request is anonymous.
func ViewerFrom(ctx context.Context) *Viewer {
	v, _ := ctx.Value(viewerKey{}).(*Viewer)
	return v
}

// InvalidTokenMessage is the message of UNAUTHENTICATED when the request
// carried a bearer token that names no live session.
const InvalidTokenMessage = "Your session token is invalid or expired; sign in again."

type invalidTokenKey struct{}

// WithInvalidToken returns ctx marked as carrying a bearer token that names
// no live session (unknown, expired, revoked, or its user deactivated).
func WithInvalidToken(ctx context.Context) context.Context {
	return context.WithValue(ctx, invalidTokenKey{}, true)
}

// InvalidToken reports whether ctx was marked by WithInvalidToken.
func InvalidToken(ctx context.Context) bool {
	b, _ := ctx.Value(invalidTokenKey{}).(bool)
	return b
}

// RequireViewer returns the viewer in ctx, or UNAUTHENTICATED when anonymous:
// with InvalidTokenMessage and extensions.reason INVALID_TOKEN when the
// request sent a token that is no good, else asking to sign in.
func RequireViewer(ctx context.Context) (*Viewer, error) {
	if v := ViewerFrom(ctx); v != nil {
		return v, nil
	}
	if InvalidToken(ctx) {
		return nil, apperr.New(apperr.Unauthenticated, InvalidTokenMessage).With("reason", "INVALID_TOKEN")
	}
	return nil, apperr.New(apperr.Unauthenticated, "Sign in first: send the session token from signIn as 'Authorization: Bearer <token>'.")
}
