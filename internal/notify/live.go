package notify

import (
	"context"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/db"
)

// KindsOfUsers returns, for each of userIDs on one of the account's lists,
// the kinds of the lists that name them; users on none are left out. Its
// errors are the database's.
func KindsOfUsers(ctx context.Context, q db.DBTX, accountID uuid.UUID, userIDs []uuid.UUID) (map[uuid.UUID][]Kind, error) {
	rows, err := q.Query(ctx, `SELECT user_id, kind FROM notification_recipients WHERE account_id = $1 AND user_id = ANY($2)`, accountID, userIDs)
	if err != nil {
		return nil, err
	}
	out := map[uuid.UUID][]Kind{}
	var id uuid.UUID
	var kind Kind
	_, err = pgx.ForEachRow(rows, []any{&id, &kind}, func() error {
		out[id] = append(out[id], kind)
		return nil
	})
	return out, err
}
