package invite

import (
	"context"

	"github.com/rosterhq/roster/internal/db"
)

// Expire expires the pending invitations of every account past their time
// and writes each one's audit event, in one statement. It is safe to repeat
// and returns any database error as is.
func Expire(ctx context.Context, q db.DBTX) error {
	_, err := q.Exec(ctx, ExpireStatement, nil)
	return err
}

// Cleanup deletes the quota's records of invitation emails sent more than
// two days ago. It is safe to repeat and returns any database error as is.
func Cleanup(ctx context.Context, q db.DBTX) error {
	_, err := q.Exec(ctx, `DELETE FROM invitation_sends WHERE sent_at < now() - interval '2 days'`)
	return err
}
