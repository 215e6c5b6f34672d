package auth

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/db"
)

// TokenSent reports whether the one-time token of the email job jobID was
// already mailed. It returns any database error as is.
func TokenSent(ctx context.Context, q db.DBTX, jobID int64) (bool, error) {
	var sent bool
	err := q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM user_tokens WHERE job_id = $1 AND sent_at IS NOT NULL)`, jobID).Scan(&sent)
	return sent, err
}

// IssueToken stores tokenHash as the one-time token of the email job jobID
// for the user, valid for ttl from now, and returns when it expires. A job
// run again replaces its own token. A newer link replaces the older open
// ones of the same kind: they are used up in the same tx. It returns any
// database error as is.
func IssueToken(ctx context.Context, tx pgx.Tx, userID uuid.UUID, purpose TokenPurpose, tokenHash []byte, jobID int64, ttl time.Duration) (time.Time, error) {
	var expires time.Time
	if err := tx.QueryRow(ctx, `INSERT INTO user_tokens (user_id, purpose, token_hash, job_id, expires_at)
		VALUES ($1, $2, $3, $4, now() + $5::interval)
		ON CONFLICT (job_id) DO UPDATE SET token_hash = excluded.token_hash, expires_at = excluded.expires_at
		RETURNING expires_at`, userID, purpose, tokenHash, jobID, ttl.String()).Scan(&expires); err != nil {
		return time.Time{}, err
	}
	if _, err := tx.Exec(ctx, `UPDATE user_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2
		AND used_at IS NULL AND job_id <> $3`, userID, purpose, jobID); err != nil {
		return time.Time{}, err
	}
	return expires, nil
}

// MarkTokenSent records that the token of the email job jobID was mailed.
// It returns any database error as is.
func MarkTokenSent(ctx context.Context, q db.DBTX, jobID int64) error {
	_, err := q.Exec(ctx, `UPDATE user_tokens SET sent_at = now() WHERE job_id = $1`, jobID)
	return err
}

// UseUpUnsentTokens uses up the user's open tokens of purpose that were never
// mailed; the email jobs call it when a link's email failed for good. It
// returns any database error as is.
func UseUpUnsentTokens(ctx context.Context, q db.DBTX, userID uuid.UUID, purpose TokenPurpose) error {
	_, err := q.Exec(ctx, `UPDATE user_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND sent_at IS NULL`, userID, purpose)
	return err
}
