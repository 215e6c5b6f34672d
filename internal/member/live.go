package member

import (
	"context"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/user"
)

// Total returns how many members the account has, of any role and status:
// the members list's total with no filter, read from the maintained
// counters. Its errors are the database's.
func Total(ctx context.Context, q db.DBTX, accountID uuid.UUID) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT coalesce(sum(n), 0)::bigint FROM membership_counts WHERE account_id = $1`, accountID).Scan(&n)
	return n, err
}

// ByUserIDs returns the account's members among userIDs as they are now,
// each with their user, in no particular order; ids that are not a member of
// the account are left out. Its errors are the database's.
func ByUserIDs(ctx context.Context, q db.DBTX, accountID uuid.UUID, userIDs []uuid.UUID) ([]Member, error) {
	rows, err := q.Query(ctx, `SELECT `+user.Columns+`, m.role, m.status, m.status_changed_at, m.created_at
		FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.account_id = $1 AND m.user_id = ANY($2)`, accountID, userIDs)
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
