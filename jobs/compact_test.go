package jobs_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/jobs"
)

// TestCompactCounts_FoldsAndRunsTwice works the CompactCounts job twice over
// fresh deltas of every counted table: the contract's "each job may run
// twice without harm". The totals stay the rows' true counts and every delta
// is folded.
func TestCompactCounts_FoldsAndRunsTwice(t *testing.T) {
	b := setup(t)
	ctx := context.Background()
	exec := func(sql string, args ...any) {
		t.Helper()
		_, err := b.pool.Exec(ctx, sql, args...)
		require.NoError(t, err)
	}
	exec(`INSERT INTO users (email, name) SELECT 'u' || i || '@acme.test', 'U ' || i FROM generate_series(1, 5) i`)
	exec(`INSERT INTO memberships (account_id, user_id, role) SELECT $1, id, 'USER' FROM users WHERE email LIKE 'u%'`, b.account)
	exec(`UPDATE memberships SET status = 'INACTIVE' WHERE user_id = (SELECT id FROM users WHERE email = 'u1@acme.test')`)
	exec(`DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE email = 'u2@acme.test')`)
	exec(`UPDATE users SET status = 'INACTIVE' WHERE email = 'u3@acme.test'`)
	exec(`INSERT INTO accounts (name) VALUES ('Other')`)

	check := func(msg string) {
		t.Helper()
		total, err := member.Total(ctx, b.pool, b.account)
		require.NoError(t, err)
		require.Equal(t, 5, total, msg) // the owner and u1, u3, u4, u5
		var countsOK bool
		require.NoError(t, b.pool.QueryRow(ctx, `SELECT
			(SELECT coalesce(sum(n), 0) FROM user_counts) = (SELECT count(*) FROM users)
			AND (SELECT coalesce(sum(n), 0) FROM user_counts WHERE status = 'INACTIVE') = (SELECT count(*) FROM users WHERE status = 'INACTIVE')
			AND (SELECT coalesce(sum(n), 0) FROM account_counts) = (SELECT count(*) FROM accounts)
			AND (SELECT coalesce(sum(n), 0) FROM membership_counts WHERE status = 'INACTIVE') = 1`).Scan(&countsOK))
		require.True(t, countsOK, msg)
	}
	check("before compaction")
	w := &jobs.CompactCountsWorker{Pool: b.pool}
	require.NoError(t, w.Work(ctx, nil))
	check("after compaction")
	var unfolded int
	require.NoError(t, b.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM membership_counts WHERE NOT folded)
		+ (SELECT count(*) FROM user_counts WHERE NOT folded) + (SELECT count(*) FROM account_counts WHERE NOT folded)`).Scan(&unfolded))
	require.Zero(t, unfolded, "every delta folded")
	require.NoError(t, w.Work(ctx, nil), "running it again")
	check("after a second run")
}
