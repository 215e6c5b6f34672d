package auth

import (
	"context"

	"github.com/rosterhq/roster/internal/db"
)

// cleanupStatements run in order; each is safe to repeat.
var cleanupStatements = []string{
	`DELETE FROM user_tokens WHERE expires_at < now() - interval '7 days'`,
	`DELETE FROM sessions WHERE expires_at < now() - interval '7 days' OR revoked_at < now() - interval '7 days'`,
	`DELETE FROM sign_in_failures WHERE window_started_at < now() - interval '1 day'`,
}

// Cleanup deletes the one-time tokens and sessions expired or ended more
// than 7 days ago and the sign-in failure counters whose window started more
// than a day ago, one statement each, each only touching rows already past
// their time, so it is safe to repeat. It returns the first database error
// as is.
func Cleanup(ctx context.Context, q db.DBTX) error {
	for _, stmt := range cleanupStatements {
		if _, err := q.Exec(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}
