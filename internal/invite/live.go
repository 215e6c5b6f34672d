package invite

import (
	"context"

	"github.com/google/uuid"

	"github.com/rosterhq/roster/internal/db"
)

// ByIDs returns the account's invitations among ids as they are now, in no
// particular order; ids naming no invitation of the account are left out.
// Its errors are the database's.
func ByIDs(ctx context.Context, q db.DBTX, accountID uuid.UUID, ids []uuid.UUID) ([]Invitation, error) {
	return collect(q.Query(ctx, `SELECT `+columns+` FROM invitations i WHERE i.account_id = $1 AND i.id = ANY($2)`, accountID, ids))
}
