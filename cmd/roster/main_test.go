package main

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func TestCreateOperator_Idempotent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := dbtest.New(t)
	created, err := CreateOperator(ctx, pool, "root@roster.test", "", strings.NewReader("a long password\n"))
	require.NoError(t, err)
	require.True(t, created)
	created, err = CreateOperator(ctx, pool, "root@roster.test", "", strings.NewReader(""))
	require.NoError(t, err)
	require.False(t, created, "an existing user is granted the flag, not created again")
	_, err = CreateOperator(ctx, pool, "new@roster.test", "", strings.NewReader("short\n"))
	require.ErrorContains(t, err, "password")

	_, err = pool.Exec(ctx, `INSERT INTO users (email) VALUES ('plain@roster.test')`)
	require.NoError(t, err)
	_, err = CreateOperator(ctx, pool, "plain@roster.test", "", nil)
	require.NoError(t, err)
	var op bool
	require.NoError(t, pool.QueryRow(ctx, `SELECT is_operator FROM users WHERE email = 'plain@roster.test'`).Scan(&op))
	require.True(t, op)
}

func TestRun_Errors(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	t.Setenv("INVITATION_TTL", "soon")
	err := run(context.Background(), []string{"serve"}, nil, &strings.Builder{})
	require.ErrorContains(t, err, "INVITATION_TTL")
	t.Setenv("INVITATION_TTL", "")
	require.ErrorContains(t, run(context.Background(), []string{"serve"}, nil, &strings.Builder{}), "DATABASE_URL")
	require.ErrorContains(t, run(context.Background(), []string{"frobnicate"}, nil, &strings.Builder{}), "unknown command")
}
