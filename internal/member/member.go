// Package member holds memberships — a user in an account with a role and an
// account-level status — the members list, and the rules that say who may do
// what to whom.
package member

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/user"
)

// Role is a member's role in one account.
type Role string

const (
	// RoleOwner is the one member with every right; it never changes except
	// through an ownership transfer.
	RoleOwner Role = "OWNER"
	// RoleAdministrator is a member with full access: users, contacts, subscriptions.
	RoleAdministrator Role = "ADMINISTRATOR"
	// RoleFinanceManager is a member who sees everything and changes nothing.
	RoleFinanceManager Role = "FINANCE_MANAGER"
	// RoleUser is a member without panel access, kept to receive notifications.
	RoleUser Role = "USER"
)

// IsValid reports whether r is a known role.
func (r Role) IsValid() bool {
	switch r {
	case RoleOwner, RoleAdministrator, RoleFinanceManager, RoleUser:
		return true
	}
	return false
}

// PanelRoles are the roles that give access to the panel.
var PanelRoles = []string{string(RoleOwner), string(RoleAdministrator), string(RoleFinanceManager)}

// HasPanelAccess reports whether the role lets its member use the panel.
func (r Role) HasPanelAccess() bool { return r != RoleUser && r.IsValid() }

// Status is a membership's status in its account.
type Status string

const (
	// StatusActive is the status of a member who may use the account.
	StatusActive Status = "ACTIVE"
	// StatusInactive is the status of a member who stays listed but can no
	// longer use the account nor receive its notifications.
	StatusInactive Status = "INACTIVE"
)

// IsValid reports whether s is a known status.
func (s Status) IsValid() bool { return s == StatusActive || s == StatusInactive }

// Membership is one user's place in one account.
type Membership struct {
	AccountID       uuid.UUID
	UserID          uuid.UUID
	Role            Role
	Status          Status
	StatusChangedAt time.Time
	CreatedAt       time.Time
}

// Member is a membership together with its user, as the members list shows it.
type Member struct {
	Membership
	User user.User
}

// ForUsers returns every membership of the given users.
func ForUsers(ctx context.Context, q db.DBTX, userIDs []uuid.UUID) ([]Membership, error) {
	rows, err := q.Query(ctx, `SELECT account_id, user_id, role, status, status_changed_at, created_at
		FROM memberships WHERE user_id = ANY($1) ORDER BY created_at`, userIDs)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Membership, error) {
		var m Membership
		err := r.Scan(&m.AccountID, &m.UserID, &m.Role, &m.Status, &m.StatusChangedAt, &m.CreatedAt)
		return m, err
	})
}

// PageFilter narrows the members list.
type PageFilter struct {
	Status *Status
	Role   *Role
	// Search matches a substring of the name or email, case-insensitively.
	Search string
}

// MaxPageSize is the largest page of members one call returns.
const MaxPageSize = 100

// Page returns one page (numbered from 1) of an account's members — the Owner
// first, then by name and email — and the total number matching f.
func Page(ctx context.Context, q db.DBTX, accountID uuid.UUID, f PageFilter, page, pageSize int) ([]Member, int, error) {
	args := []any{accountID}
	where := []string{"m.account_id = $1"}
	if f.Status != nil {
		args = append(args, string(*f.Status))
		where = append(where, fmt.Sprintf("m.status = $%d", len(args)))
	}
	if f.Role != nil {
		args = append(args, string(*f.Role))
		where = append(where, fmt.Sprintf("m.role = $%d", len(args)))
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		args = append(args, "%"+db.EscapeLike(strings.ToLower(s))+"%")
		where = append(where, fmt.Sprintf("(u.email LIKE $%d OR lower(u.name) LIKE $%d)", len(args), len(args)))
	}
	args = append(args, pageSize, (page-1)*pageSize)
	rows, err := q.Query(ctx, `SELECT `+user.Columns+`, m.role, m.status, m.status_changed_at, m.created_at, count(*) OVER ()
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE `+strings.Join(where, " AND ")+fmt.Sprintf(`
		ORDER BY m.role = 'OWNER' DESC, lower(u.name), u.email
		LIMIT $%d OFFSET $%d`, len(args)-1, len(args)), args...)
	if err != nil {
		return nil, 0, err
	}
	total := 0
	members, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Member, error) {
		var m Member
		u, err := user.Scan(r, &m.Role, &m.Status, &m.StatusChangedAt, &m.CreatedAt, &total)
		m.User, m.AccountID, m.UserID = u, accountID, u.ID
		return m, err
	})
	if err != nil || len(members) > 0 || page == 1 {
		return members, total, err
	}
	// Past the last page the window count is lost with the rows: count alone.
	err = q.QueryRow(ctx, `SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE `+
		strings.Join(where, " AND "), args[:len(args)-2]...).Scan(&total)
	return members, total, err
}
