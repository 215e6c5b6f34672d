package server_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/app"
	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/dbtest"
)

// TestRequestLog_ClientGoneIsNotAnError: a client that hangs up while its
// request waits on the database cancels the request's statements. That is
// no fault of the server: nothing is logged at ERROR (which pages
// operators), and the request log says the client went away.
func TestRequestLog_ClientGoneIsNotAnError(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	cfg, err := config.FromLookup(func(string) (string, bool) { return "", false })
	require.NoError(t, err)
	cfg.Workers = false
	var logs syncBuffer
	a, err := app.New(cfg, pool, slog.New(slog.NewJSONHandler(&logs, nil)), app.Options{})
	require.NoError(t, err)
	srv := httptest.NewServer(a.Handler)
	t.Cleanup(srv.Close)

	ctx := t.Context()
	var acct, member string
	require.NoError(t, pool.QueryRow(ctx, `WITH o AS (INSERT INTO users (email, name, password_hash, is_operator) VALUES ('op@example.test', 'Op', $1, true)),
		m AS (INSERT INTO users (email, name, password_hash) VALUES ('m@example.test', 'M', $1) RETURNING id),
		a AS (INSERT INTO accounts (name) VALUES ('Acme') RETURNING id),
		ms AS (INSERT INTO memberships (account_id, user_id, role) SELECT a.id, m.id, 'USER' FROM a, m)
		SELECT a.id::text, m.id::text FROM a, m`, must(auth.HashPassword(apptest.Password))).Scan(&acct, &member))
	post := func(ctx context.Context, token, body string) (*http.Response, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		return http.DefaultClient.Do(req)
	}
	resp, err := post(ctx, "", `{"query":"mutation { signIn(email: \"op@example.test\", password: \"`+apptest.Password+`\") { token } }"}`)
	require.NoError(t, err)
	var out struct {
		Data struct{ SignIn struct{ Token string } }
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	resp.Body.Close()

	// Hold the account's row: deactivateMembers waits for it.
	tx, err := pool.Begin(ctx)
	require.NoError(t, err)
	defer tx.Rollback(ctx) //nolint:errcheck
	_, err = tx.Exec(ctx, `SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE`, acct)
	require.NoError(t, err)
	short, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	_, err = post(short, out.Data.SignIn.Token, `{"query":"mutation Gone { deactivateMembers(accountId: \"`+acct+`\", userIds: [\"`+member+`\"]) { results { userId } } }"}`)
	require.Error(t, err, "the client gave up")

	var entry map[string]any
	require.Eventually(t, func() bool {
		for line := range strings.SplitSeq(strings.TrimSpace(logs.String()), "\n") {
			var e map[string]any
			if json.Unmarshal([]byte(line), &e) == nil && e["msg"] == "request" && e["operation"] == "Gone" {
				entry = e
				return true
			}
		}
		return false
	}, 10*time.Second, 50*time.Millisecond, "the request is logged once it ends")
	require.Equal(t, "CANCELED", entry["outcome"], "the request log names the outcome")
	for line := range strings.SplitSeq(strings.TrimSpace(logs.String()), "\n") {
		require.NotContains(t, line, `"level":"ERROR"`)
	}
}
