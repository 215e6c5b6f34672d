package db_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/dbtest"
	"github.com/rosterhq/roster/internal/request"
)

func TestMigrate_LogsEachMigrationOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, dbtest.URL("postgres"))
	require.NoError(t, err)
	name := "roster_log_" + strings.ToLower(request.NewID())
	_, err = admin.Exec(ctx, "CREATE DATABASE "+name)
	require.NoError(t, err)
	t.Cleanup(func() { _, _ = admin.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); admin.Close(ctx) })
	pool, err := db.Open(ctx, dbtest.URL(name), nil)
	require.NoError(t, err)
	defer pool.Close()

	var logs bytes.Buffer
	require.NoError(t, db.Migrate(ctx, pool, slog.New(slog.NewJSONHandler(&logs, nil))))
	seen := map[string]int{}
	for line := range strings.SplitSeq(strings.TrimSpace(logs.String()), "\n") {
		var e map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &e), line)
		seen[strings.TrimSpace(strings.Join([]string{toString(e["msg"]), toString(e["version"]), toString(e["name"])}, " "))]++
	}
	var river int
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM river_migration`).Scan(&river))
	riverLines := 0
	for k, n := range seen {
		require.Equal(t, 1, n, "logged once: %s", k)
		if strings.HasPrefix(k, "applied river migration") {
			riverLines++
		}
	}
	require.Equal(t, river, riverLines, "one line per River migration, not River's own as well: %s", logs.String())
}

func toString(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}
