package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/app"
	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/pgcluster"
	"github.com/rosterhq/roster/internal/user"
)

// TestDatabase_RestartUnderRequests stops PostgreSQL under a stream of
// signed-in requests and starts it again: while it is down every answer is
// a GraphQL error (JSON, code INTERNAL with a request id) and /readyz says
// 503; once it is back the API answers again by itself.
func TestDatabase_RestartUnderRequests(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	require.NoError(t, os.Chmod(filepath.Dir(dir), 0o755)) // the postgres OS user must enter it when we are root
	dir = filepath.Join(dir, "pg")
	cluster, err := pgcluster.Start(ctx, pgcluster.Options{Dir: dir})
	require.NoError(t, err)
	t.Cleanup(func() { _ = cluster.Stop(context.Background()) })
	pool, err := db.Open(ctx, cluster.URL("postgres"), nil)
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	require.NoError(t, db.Migrate(ctx, pool, nil))

	cfg, err := config.FromLookup(func(string) (string, bool) { return "", false })
	require.NoError(t, err)
	cfg.Workers = false
	a, err := app.New(cfg, pool, slog.New(slog.DiscardHandler), app.Options{})
	require.NoError(t, err)
	runCtx, cancel := context.WithCancel(ctx)
	t.Cleanup(cancel)
	require.NoError(t, a.Start(runCtx))
	srv := httptest.NewServer(a.Handler)
	t.Cleanup(srv.Close)

	hash, err := auth.HashPassword(apptest.Password)
	require.NoError(t, err)
	require.NoError(t, pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		u, err := user.Create(ctx, tx, "admin@acme.test", "Admin", hash, false)
		if err != nil {
			return err
		}
		acct, err := account.Create(ctx, tx, "Acme", account.DirectoryLocal)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, $3)`, acct.ID, u.ID, member.RoleOwner)
		return err
	}))

	type answer struct {
		status      int
		contentType string
		body        apptest.Response
		raw         string
	}
	tryPost := func(token, query string) (answer, error) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", strings.NewReader(`{"query":`+jsonString(query)+`}`))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return answer{}, err
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var r apptest.Response
		if err := json.Unmarshal(raw, &r); err != nil {
			return answer{}, fmt.Errorf("not GraphQL-shaped JSON: %d %s", resp.StatusCode, raw)
		}
		return answer{resp.StatusCode, resp.Header.Get("Content-Type"), r, string(raw)}, nil
	}
	post := func(token, query string) answer {
		a, err := tryPost(token, query)
		require.NoError(t, err)
		return a
	}
	ready := func() int {
		resp, err := http.Get(srv.URL + "/readyz")
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	signIn := post("", `mutation { signIn(email: "admin@acme.test", password: "`+apptest.Password+`") { token } }`)
	require.Empty(t, signIn.body.Errors)
	token := signIn.body.Data["signIn"].(map[string]any)["token"].(string)
	const viewer = `{ viewer { email memberships { role account { name } } } }`
	require.Empty(t, post(token, viewer).body.Errors)
	require.Equal(t, http.StatusOK, ready())

	// Requests keep coming while the database goes away and comes back.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var served, failed atomic.Int64
	malformed := make(chan error, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				case <-time.After(5 * time.Millisecond):
				}
				a, err := tryPost(token, viewer)
				switch {
				case err != nil:
					malformed <- err
					return
				case len(a.body.Errors) == 0:
					served.Add(1)
				default:
					failed.Add(1)
				}
			}
		}()
	}

	require.NoError(t, cluster.Stop(ctx))
	down := post(token, viewer)
	require.Equal(t, http.StatusServiceUnavailable, down.status, down.raw)
	require.Contains(t, down.contentType, "application/json")
	require.Len(t, down.body.Errors, 1)
	require.Equal(t, "INTERNAL", down.body.Errors[0].Extensions["code"])
	require.NotEmpty(t, down.body.Errors[0].Extensions["requestId"])
	anon := post("", `{ invitation(token: "x") { email } }`)
	require.Equal(t, "INTERNAL", anon.body.Errors[0].Extensions["code"], anon.raw)
	require.Equal(t, http.StatusServiceUnavailable, ready())
	time.Sleep(500 * time.Millisecond)

	cluster, err = pgcluster.Start(ctx, pgcluster.Options{Dir: dir})
	require.NoError(t, err)
	require.Eventually(t, func() bool { return len(post(token, viewer).body.Errors) == 0 }, 60*time.Second, 100*time.Millisecond,
		"the API recovers without a restart")
	require.Equal(t, http.StatusOK, ready())
	before := served.Load()
	require.Eventually(t, func() bool { return served.Load() > before+20 }, 30*time.Second, 50*time.Millisecond)
	close(stop)
	wg.Wait()
	close(malformed)
	for err := range malformed {
		require.NoError(t, err)
	}
	require.Positive(t, failed.Load(), "some requests did meet the outage")
	t.Logf("served %d, refused %d", served.Load(), failed.Load())
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
