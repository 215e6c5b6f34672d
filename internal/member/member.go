// Package member holds memberships — a user in an account with a role and an
// account-level status — the members list, and the rules that say who may do
// what to whom.
package member

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/apperr"
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

// EffectiveStatus is the status the members list shows and filters on:
// ACTIVE only when both the membership and its user are; a user deactivated
// platform-wide shows as INACTIVE in every account, while the membership's
// own status (Status) is kept underneath for their reactivation.
func (m Member) EffectiveStatus() Status {
	if m.Status == StatusActive && m.User.Status == user.StatusActive {
		return StatusActive
	}
	return StatusInactive
}

// InactiveReason says why a member shows as INACTIVE.
type InactiveReason string

const (
	// InactiveInAccount is a membership deactivated in its account, its user
	// active platform-wide.
	InactiveInAccount InactiveReason = "ACCOUNT"
	// InactivePlatformWide is a user deactivated platform-wide whose
	// membership is ACTIVE underneath: activating the user restores it.
	InactivePlatformWide InactiveReason = "PLATFORM"
	// InactiveBoth is a membership deactivated in its account whose user is
	// also deactivated platform-wide.
	InactiveBoth InactiveReason = "ACCOUNT_AND_PLATFORM"
)

// InactiveReason returns why the member shows as INACTIVE, nil when ACTIVE.
func (m Member) InactiveReason() *InactiveReason {
	var r InactiveReason
	switch inAccount, platform := m.Status == StatusInactive, m.User.Status == user.StatusInactive; {
	case inAccount && platform:
		r = InactiveBoth
	case inAccount:
		r = InactiveInAccount
	case platform:
		r = InactivePlatformWide
	default:
		return nil
	}
	return &r
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
	// Status matches the effective status (see Member.EffectiveStatus).
	Status *Status
	Role   *Role
	// Search matches a substring of the name or email, case-insensitively.
	Search string
}

// MaxPageSize is the largest page of members one call returns.
const MaxPageSize = 100

// MaxPage is the highest page number Page accepts: 100 million members at
// the largest page size, far past any account, and no overflow.
const MaxPage = 1_000_000

// Page returns one page (numbered from 1) of an account's members — the Owner
// first, then by name and email — and the total number matching f.
//
// Every filter has an index in page order (migration 0004), so a page reads
// its rows from an index range and joins only the rows it returns; the total
// comes from the maintained counters, or, for a search, from a count over the
// trigram indexes. Pages past the middle of a large list are read from the
// end. A page costs one statement, a page deep in the list or past its end
// one more.
func Page(ctx context.Context, q db.DBTX, accountID uuid.UUID, f PageFilter, page, pageSize int) ([]Member, int, error) {
	args := []any{accountID}
	where := []string{"account_id = $1"}
	// The counters are kept per membership status and user status: the
	// effective status is ACTIVE only where both are.
	counted := []string{"account_id = $1"}
	if f.Status != nil {
		args = append(args, string(*f.Status))
		where = append(where, fmt.Sprintf("effective_status = $%d", len(args)))
		cmp := "CASE WHEN status = 'ACTIVE' AND user_status = 'ACTIVE' THEN 'ACTIVE' ELSE 'INACTIVE' END"
		counted = append(counted, fmt.Sprintf("%s = $%d", cmp, len(args)))
	}
	if f.Role != nil {
		args = append(args, string(*f.Role))
		where = append(where, fmt.Sprintf("role = $%d", len(args)))
		counted = append(counted, fmt.Sprintf("role = $%d", len(args)))
	}
	pattern, err := db.SearchPattern(f.Search)
	if err != nil {
		return nil, 0, err
	}
	search := pattern != ""
	if search {
		args = append(args, pattern)
		where = append(where, fmt.Sprintf("(sort_name LIKE $%d OR sort_email LIKE $%d)", len(args), len(args)))
	}
	cond := strings.Join(where, " AND ")
	countSQL := `SELECT coalesce(sum(n), 0)::bigint FROM membership_counts WHERE ` + strings.Join(counted, " AND ")
	if search {
		countSQL = `SELECT count(*) FROM memberships WHERE ` + cond
	}
	// With a role filter every row has the same rank, and the role indexes
	// leave it out of their order (they carry it only to stay covering).
	order := []string{"rank", "sort_name", "sort_email"}
	if f.Role != nil {
		order = order[1:]
	}
	if page > MaxPage {
		return nil, 0, apperr.New(apperr.InvalidInput, "page must be at most %d.", MaxPage)
	}
	offset, limit, reverse := (page-1)*pageSize, pageSize, false
	total := -1
	if !search && offset > deepPage {
		if err := q.QueryRow(ctx, countSQL, args...).Scan(&total); err != nil {
			return nil, 0, err
		}
		if offset >= total {
			return nil, total, nil
		}
		if offset > total/2 {
			reverse = true
			limit = min(pageSize, total-offset)
			offset = max(0, total-offset-pageSize)
		}
	}
	dir := ""
	if reverse {
		dir = " DESC"
	}
	// The page's keys come from the filter's index in page order, then each
	// row is looked up by its key (the account beside each id, not "= $1", so
	// that no plan reads a whole account). Each part has one sensible plan,
	// which PostgreSQL keeps for the prepared statement whatever the
	// account's size.
	pageArgs := append(args, limit, offset)
	rows, err := q.Query(ctx, `WITH p AS MATERIALIZED (SELECT account_id, user_id, rank, sort_name, sort_email FROM memberships
			WHERE `+cond+` ORDER BY `+strings.Join(order, dir+", ")+dir+fmt.Sprintf(` LIMIT $%d OFFSET $%d`, len(pageArgs)-1, len(pageArgs))+`)
		SELECT `+user.Columns+`, m.role, m.status, m.status_changed_at, m.created_at, (`+countSQL+`)
		FROM p JOIN memberships m ON m.account_id = p.account_id AND m.user_id = p.user_id
		JOIN users u ON u.id = p.user_id
		ORDER BY p.rank`+dir+`, p.sort_name`+dir+`, p.sort_email`+dir, queryArgs(search, pageArgs)...)
	if err != nil {
		return nil, 0, err
	}
	matching := 0
	members, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Member, error) {
		var m Member
		u, err := user.Scan(r, &m.Role, &m.Status, &m.StatusChangedAt, &m.CreatedAt, &matching)
		m.User, m.AccountID, m.UserID = u, accountID, u.ID
		return m, err
	})
	if err != nil {
		return nil, 0, err
	}
	if reverse {
		slices.Reverse(members)
	}
	switch {
	case total >= 0:
	case len(members) > 0:
		total = matching
	case page == 1:
		total = 0
	default:
		// Past the last page the count is lost with the rows: count alone.
		err = q.QueryRow(ctx, countSQL, queryArgs(search, args)...).Scan(&total)
	}
	return members, total, err
}

// queryArgs plans a search for its pattern every time (see db.PlanEachTime);
// the filters' index ranges plan the same whatever their values.
func queryArgs(search bool, args []any) []any {
	if search {
		return db.PlanEachTime(args...)
	}
	return args
}

// deepPage is the offset past which Page reads the total first, to read
// pages in the second half of the list from its end: skipping 10,000 index
// entries costs about what the extra round trip does.
const deepPage = 10_000

// CompactCounts folds the delta rows that the triggers of migration 0004 add
// to membership_counts into one row per account, role, status and global status, for the
// accounts that have new deltas, so reading a total stays a handful of rows.
// Writers only insert deltas and never wait on it; deltas of transactions
// still open are left for the next run. It returns the delta rows folded.
func CompactCounts(ctx context.Context, q db.DBTX) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, `WITH dirty AS (SELECT DISTINCT account_id FROM membership_counts WHERE NOT folded LIMIT 10000),
		d AS (DELETE FROM membership_counts c USING dirty WHERE c.account_id = dirty.account_id RETURNING c.*),
		i AS (INSERT INTO membership_counts (account_id, role, status, user_status, n, folded)
			SELECT account_id, role, status, user_status, sum(n), true FROM d GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0)
		SELECT count(*) FROM d WHERE NOT folded`).Scan(&n)
	return n, err
}
