package db_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func TestMigrate_Twice(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := dbtest.New(t) // already migrated from the template
	var before int
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM roster_migrations`).Scan(&before))
	require.NoError(t, db.Migrate(ctx, pool, nil))
	require.NoError(t, db.Migrate(ctx, pool, nil))
	var after, river int
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM roster_migrations`).Scan(&after))
	require.Equal(t, before, after)
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM river_migration`).Scan(&river))
	require.Positive(t, river, "River's tables are migrated too")
}

func TestSchema_Constraints(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := dbtest.New(t)
	exec := func(sql string, args ...any) error { _, err := pool.Exec(ctx, sql, args...); return err }
	require.NoError(t, exec(`INSERT INTO accounts (id, name) VALUES ('00000000-0000-0000-0000-00000000000a', 'A')`))
	require.NoError(t, exec(`INSERT INTO users (id, email) VALUES ('00000000-0000-0000-0000-000000000001', 'one@x.test'),
		('00000000-0000-0000-0000-000000000002', 'two@x.test')`))
	require.NoError(t, exec(`INSERT INTO memberships (account_id, user_id, role) VALUES
		('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-000000000001', 'OWNER')`))

	for _, tc := range []struct {
		name, sql, constraint string
	}{
		{"a second Owner", `INSERT INTO memberships (account_id, user_id, role) VALUES
			('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-000000000002', 'OWNER')`, "memberships_one_owner"},
		{"promoting a second Owner", `INSERT INTO memberships (account_id, user_id, role) VALUES
			('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-000000000002', 'USER');
			UPDATE memberships SET role = 'OWNER' WHERE user_id = '00000000-0000-0000-0000-000000000002'`, "memberships_one_owner"},
		{"an inactive Owner", `UPDATE memberships SET status = 'INACTIVE' WHERE role = 'OWNER'`, "memberships_check"},
		{"an unknown role", `UPDATE memberships SET role = 'GOD'`, "memberships_role_check"},
		{"an unknown user status", `UPDATE users SET status = 'SLEEPING'`, "users_status_check"},
		{"an unknown directory", `UPDATE accounts SET user_directory = 'LDAP'`, "accounts_user_directory_check"},
		{"a mixed-case email", `INSERT INTO users (email) VALUES ('Three@x.test')`, "users_email_check"},
		{"a duplicate email", `INSERT INTO users (email) VALUES ('one@x.test')`, "users_email_key"},
		{"a membership of no user", `INSERT INTO memberships (account_id, user_id, role) VALUES
			('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-0000000000ff', 'USER')`, "memberships_user_id_fkey"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tx, err := pool.Begin(ctx)
			require.NoError(t, err)
			defer tx.Rollback(ctx) //nolint:errcheck
			_, err = tx.Exec(ctx, tc.sql)
			require.ErrorContains(t, err, tc.constraint)
		})
	}
}
