package jobs_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/jobs"
)

// TestCleanup_ExpiresAndDeletesWhatIsPastItsTime runs the cleanup job once
// over one row past its time and one not of every table it touches.
func TestCleanup_ExpiresAndDeletesWhatIsPastItsTime(t *testing.T) {
	b := setup(t)
	ctx := context.Background()
	exec := func(sql string, args ...any) {
		t.Helper()
		_, err := b.pool.Exec(ctx, sql, args...)
		require.NoError(t, err)
	}
	exec(`INSERT INTO invitations (account_id, email, role, expires_at) VALUES
		($1, 'old@acme.test', 'USER', now() - interval '1 minute'), ($1, 'new@acme.test', 'USER', now() + interval '1 hour')`, b.account)
	exec(`INSERT INTO invitation_sends (account_id, sent_at) VALUES ($1, now() - interval '3 days'), ($1, now())`, b.account)
	exec(`INSERT INTO user_tokens (user_id, purpose, token_hash, job_id, expires_at) VALUES
		($1, 'WELCOME', sha256('a'), 1, now() - interval '8 days'), ($1, 'WELCOME', sha256('b'), 2, now())`, b.admin.ID)
	exec(`INSERT INTO sessions (user_id, token_hash, expires_at, revoked_at) VALUES
		($1, sha256('a'), now() - interval '8 days', NULL), ($1, sha256('b'), now() + interval '1 day', now() - interval '8 days'),
		($1, sha256('c'), now() + interval '1 day', now())`, b.admin.ID)
	exec(`INSERT INTO sign_in_failures (key, failures, window_started_at) VALUES ('a', 1, now() - interval '2 days'), ('b', 1, now())`)

	require.NoError(t, (&jobs.CleanupWorker{Pool: b.pool}).Work(ctx, nil))

	var statuses []string
	require.NoError(t, b.pool.QueryRow(ctx, `SELECT array_agg(status ORDER BY email) FROM invitations`).Scan(&statuses))
	require.Equal(t, []string{"PENDING", "EXPIRED"}, statuses) // new@ before old@
	var expiredEvents int
	require.NoError(t, b.pool.QueryRow(ctx, `SELECT count(*) FROM audit_events WHERE action = 'invitation.expired'`).Scan(&expiredEvents))
	require.Equal(t, 1, expiredEvents)
	for table, want := range map[string]int{"invitation_sends": 1, "user_tokens": 1, "sessions": 1, "sign_in_failures": 1} {
		var n int
		require.NoError(t, b.pool.QueryRow(ctx, `SELECT count(*) FROM `+table).Scan(&n))
		require.Equal(t, want, n, table)
	}

	require.NoError(t, (&jobs.CleanupWorker{Pool: b.pool}).Work(ctx, nil), "running it again changes nothing")
}
