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
	// The account goes beside each id, not as "account_id = $1": the cached
	// generic plan of the latter assumes an account of average size and
	// reads the whole of a large one (as Page's lookup does, see there).
	rows, err := q.Query(ctx, `SELECT `+user.Columns+`, m.role, m.status, m.status_changed_at, m.created_at
		FROM unnest(array_fill($1::uuid, ARRAY[cardinality($2::uuid[])]), $2::uuid[]) AS p(account_id, user_id)
		JOIN memberships m ON m.account_id = p.account_id AND m.user_id = p.user_id
		JOIN users u ON u.id = p.user_id`, accountID, userIDs)
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
