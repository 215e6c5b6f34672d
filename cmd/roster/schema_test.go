package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/dbtest"
	"github.com/rosterhq/roster/internal/request"
)

// TestServeAndWorker_RefuseUnmigratedDatabase starts both commands on an
// empty database: they stop at once, saying to run roster migrate, instead
// of answering INTERNAL or dying on a missing River table.
func TestServeAndWorker_RefuseUnmigratedDatabase(t *testing.T) {
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, dbtest.URL("postgres"))
	require.NoError(t, err)
	defer admin.Close(ctx)
	name := "roster_empty_" + strings.ToLower(request.NewID())
	_, err = admin.Exec(ctx, fmt.Sprintf(`CREATE DATABASE %s`, name))
	require.NoError(t, err)
	t.Cleanup(func() {
		_, _ = admin.Exec(context.Background(), fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
	})

	t.Setenv("DATABASE_URL", dbtest.URL(name))
	t.Setenv("LISTEN_ADDR", "127.0.0.1:0")
	t.Setenv("SMTP_URL", "smtp://127.0.0.1:1")
	t.Setenv("WORKERS", "false")
	for _, cmd := range []string{"serve", "worker"} {
		// Bounded: before the check, serve would serve until stopped.
		runCtx, cancel := context.WithTimeout(ctx, 20*time.Second)
		err := run(runCtx, []string{cmd}, nil, &strings.Builder{})
		cancel()
		require.ErrorContains(t, err, "run roster migrate", cmd)
	}
}
