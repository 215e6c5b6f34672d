package seed_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/dbtest"
	"github.com/rosterhq/roster/internal/seed"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func TestSeed_Demo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := dbtest.New(t)
	require.NoError(t, seed.Demo(ctx, pool))
	require.NoError(t, seed.Demo(ctx, pool), "running it again changes nothing")
	var users, owners, operators int
	require.NoError(t, pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM memberships WHERE role = 'OWNER'),
		(SELECT count(*) FROM users WHERE is_operator)`).Scan(&users, &owners, &operators))
	require.Equal(t, len(seed.DemoUsers), users)
	require.Equal(t, 1, owners)
	require.Equal(t, 1, operators)
}

func TestSeed_Bulk(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := dbtest.New(t)
	res, err := seed.Run(ctx, pool, seed.Bulk{Accounts: 20, Members: 15, Users: 100, Password: "bulk password"})
	require.NoError(t, err)
	require.EqualValues(t, 100, res.Users)
	require.EqualValues(t, 20, res.Accounts)
	require.EqualValues(t, 300, res.Memberships)
	var owners, accountsWithoutOwner int
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM memberships WHERE role = 'OWNER'`).Scan(&owners))
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM accounts a WHERE NOT EXISTS
		(SELECT 1 FROM memberships m WHERE m.account_id = a.id AND m.role = 'OWNER')`).Scan(&accountsWithoutOwner))
	require.Equal(t, 20, owners)
	require.Zero(t, accountsWithoutOwner)

	_, err = seed.Run(ctx, pool, seed.Bulk{Accounts: 1, Members: 5, Users: 2, Password: "bulk password"})
	require.Error(t, err, "members cannot exceed users")
}

// BenchmarkSeed_Users measures COPY of users: report ns/op per 100k users.
func BenchmarkSeed_Users(b *testing.B) {
	ctx := context.Background()
	pool := dbtest.New(b)
	for b.Loop() {
		_, err := seed.Run(ctx, pool, seed.Bulk{Users: 100_000, Password: "bulk password"})
		require.NoError(b, err)
	}
}
