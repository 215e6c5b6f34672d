package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/dbtest"
	"github.com/rosterhq/roster/internal/live/livetest"
	"github.com/rosterhq/roster/internal/mailcapture"
	"github.com/rosterhq/roster/internal/user"
)

const liveQuery = `subscription($a: ID!) { accountChanged(accountId: $a) {
	kind userIds memberCount members { userId removed status } recipients { userId billing } } }`

// localAddr returns a local address nothing listens on (for LISTEN_ADDR).
func localAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

// startChild is startRoster for tests and benchmarks alike.
func startChild(tb testing.TB, env []string, args ...string) *exec.Cmd {
	tb.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), childEnv+"=1", "LOG_LEVEL=warn"), env...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(tb, cmd.Start())
	tb.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
		if tb.Failed() {
			tb.Logf("roster %s output:\n%s", strings.Join(args, " "), out.String())
		}
	})
	return cmd
}

// startServe starts `roster serve` without workers on a free address and
// waits until it is ready; it returns the process and its base URL.
func startServe(t testing.TB, url string, env ...string) (*exec.Cmd, string) {
	t.Helper()
	addr := localAddr(t)
	cmd := startChild(t, append([]string{"DATABASE_URL=" + url, "WORKERS=false", "LISTEN_ADDR=" + addr, "WORKER_LISTEN_ADDR=127.0.0.1:0"}, env...), "serve")
	base := "http://" + addr
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return cmd, base
			}
		}
		require.True(t, time.Now().Before(deadline), "roster serve on %s never became ready", addr)
		time.Sleep(20 * time.Millisecond)
	}
}

// liveWorld is an account with an Owner, an Administrator and two users, in
// a fresh database.
type liveWorld struct {
	url                    string
	pool                   *pgxpool.Pool
	acct                   account.Account
	owner, admin, ann, bob user.User
	ownerToken, adminToken string
}

func newLiveWorld(t testing.TB) liveWorld {
	t.Helper()
	ctx := context.Background()
	w := liveWorld{url: dbtest.URL(dbtest.CreateDatabase(t))}
	var err error
	w.pool, err = db.Open(ctx, w.url, nil)
	require.NoError(t, err)
	t.Cleanup(w.pool.Close)
	require.NoError(t, pgx.BeginFunc(ctx, w.pool, func(tx pgx.Tx) error {
		if w.acct, err = account.Create(ctx, tx, "Live", account.DirectoryLocal); err != nil {
			return err
		}
		for _, u := range []struct {
			to    *user.User
			email string
			role  string
		}{{&w.owner, "owner@live.test", "OWNER"}, {&w.admin, "admin@live.test", "ADMINISTRATOR"},
			{&w.ann, "ann@live.test", "USER"}, {&w.bob, "bob@live.test", "USER"}} {
			if *u.to, err = user.Create(ctx, tx, u.email, strings.Split(u.email, "@")[0], "", false); err != nil {
				return err
			}
			if _, err = tx.Exec(ctx, `INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, $3)`, w.acct.ID, u.to.ID, u.role); err != nil {
				return err
			}
		}
		return nil
	}))
	w.ownerToken = session(t, w.pool, w.owner)
	w.adminToken = session(t, w.pool, w.admin)
	return w
}

// session makes a session for u and returns its token.
func session(t testing.TB, pool *pgxpool.Pool, u user.User) string {
	t.Helper()
	var token string
	require.NoError(t, pgx.BeginFunc(context.Background(), pool, func(tx pgx.Tx) error {
		var err error
		token, _, err = auth.CreateSession(context.Background(), tx, u.ID, time.Hour)
		return err
	}))
	return token
}

// subscribed waits until ws's subscription to w's account delivers: it
// touches a membership until an event arrives, then lets the echoes pass.
func (w liveWorld) subscribed(t testing.TB, ws *livetest.WS) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		for ctx.Err() == nil {
			_, _ = w.pool.Exec(ctx, `UPDATE memberships SET status_changed_at = now() WHERE account_id = $1 AND user_id = $2`, w.acct.ID, w.owner.ID)
			time.Sleep(100 * time.Millisecond)
		}
	}()
	require.Equal(t, "next", ws.Next(30*time.Second).Type)
	cancel()
	ws.Drain(300 * time.Millisecond)
}

// post sends a GraphQL mutation to base with token and fails on errors.
func post(t testing.TB, base, token, query string, vars map[string]any) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
	require.NotContains(t, string(b), `"errors"`, "%s", b)
}

// TestSubscription_CrossProcess runs two `roster serve` processes and a
// `roster worker` on one PostgreSQL: a subscriber on the first learns, in
// order and within a second, of changes made through the second and of the
// worker's replacement of a removed recipient; SIGTERM then ends the
// subscription and the first process exits cleanly.
func TestSubscription_CrossProcess(t *testing.T) {
	t.Parallel()
	w := newLiveWorld(t)
	capture, err := mailcapture.StartSink("127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = capture.Close() })
	first, a := startServe(t, w.url)
	_, b := startServe(t, w.url)
	startChild(t, []string{"DATABASE_URL=" + w.url, "SMTP_URL=" + capture.URL(), "SMTP_TLS=none", "WORKER_LISTEN_ADDR=127.0.0.1:0"}, "worker")

	ws := livetest.Dial(t, a, w.adminToken)
	ws.Subscribe("1", liveQuery, map[string]any{"a": w.acct.ID.String()})
	w.subscribed(t, ws)

	acct := w.acct.ID.String()
	type step struct {
		name  string
		do    func()
		check func(c map[string]any) bool
	}
	steps := []step{
		{"deactivate ann on the other process", func() {
			post(t, b, w.ownerToken, `mutation($a: ID!, $u: [ID!]!) { deactivateMembers(accountId: $a, userIds: $u) { totalCount } }`,
				map[string]any{"a": acct, "u": []string{w.ann.ID.String()}})
		}, func(c map[string]any) bool {
			return c["kind"] == "MEMBERS_CHANGED" && c["members"].([]any)[0].(map[string]any)["status"] == "INACTIVE"
		}},
		{"bob becomes the billing contact", func() {
			post(t, b, w.ownerToken, `mutation($a: ID!, $u: [ID!]!) { setNotificationRecipients(accountId: $a, kind: BILLING, userIds: $u) { recipients { user { id } } } }`,
				map[string]any{"a": acct, "u": []string{w.bob.ID.String()}})
		}, func(c map[string]any) bool { return c["kind"] == "RECIPIENTS_CHANGED" }},
		{"bob removed on the other process", func() {
			post(t, b, w.ownerToken, `mutation($a: ID!, $u: [ID!]!) { deleteMembers(accountId: $a, userIds: $u) { totalCount } }`,
				map[string]any{"a": acct, "u": []string{w.bob.ID.String()}})
		}, func(c map[string]any) bool {
			return c["kind"] == "MEMBERS_CHANGED" && c["members"].([]any)[0].(map[string]any)["removed"] == true && c["memberCount"] == float64(3)
		}},
		{"the worker hands bob's place to the Owner", func() {}, func(c map[string]any) bool {
			if c["kind"] != "RECIPIENTS_CHANGED" {
				return false
			}
			for _, r := range c["recipients"].([]any) {
				if r := r.(map[string]any); r["userId"] == w.owner.ID.String() && r["billing"] == true {
					return true
				}
			}
			return false
		}},
	}
	var kinds []string
	for _, s := range steps {
		start := time.Now()
		s.do()
		for {
			m := ws.Next(time.Second)
			require.Equal(t, "next", m.Type, "%s: %s", s.name, m.Payload)
			c := m.Result(t).Data["accountChanged"].(map[string]any)
			kinds = append(kinds, c["kind"].(string))
			if s.check(c) {
				t.Logf("%s: %s after %s", s.name, c["kind"], time.Since(start).Round(time.Millisecond))
				break
			}
		}
		require.Less(t, time.Since(start), time.Second, "%s arrived late", s.name)
	}
	t.Logf("events in order: %v", kinds)

	start := time.Now()
	require.NoError(t, first.Process.Signal(os.Interrupt))
	ws.Closed(5 * time.Second)
	require.NoError(t, first.Wait(), "the process stops cleanly")
	require.Less(t, time.Since(start), 5*time.Second, "subscriptions do not hold the shutdown")
}

// BenchmarkSubscription_IdleMemory opens 1,000 WebSocket connections to a
// real `roster serve`, each with one accountChanged subscription, and
// reports how much the server's resident memory grew, per subscription.
// Run: go run ./cmd/pgtest go test -run '^$' -bench IdleMemory -benchtime 1x ./cmd/roster/
func BenchmarkSubscription_IdleMemory(b *testing.B) {
	const n = 1000
	w := newLiveWorld(b)
	serve, base := startServe(b, w.url, "SUBSCRIPTIONS_MAX=20000")
	for b.Loop() {
		// Warm up: one connection and subscription, so the listener and
		// the first allocations are not counted.
		warm := livetest.Dial(b, base, w.adminToken)
		warm.Subscribe("warm", liveQuery, map[string]any{"a": w.acct.ID.String()})
		time.Sleep(500 * time.Millisecond)
		runtime.GC()
		before := rss(b, serve.Process.Pid)
		for i := range n {
			ws := livetest.Dial(b, base, w.adminToken)
			ws.Subscribe(strconv.Itoa(i), liveQuery, map[string]any{"a": w.acct.ID.String()})
		}
		time.Sleep(2 * time.Second)
		after := rss(b, serve.Process.Pid)
		b.ReportMetric(float64(after-before)/n, "B/subscription")
		b.ReportMetric(float64(after-before)/(1<<20), "MiB/1000")
		b.ReportMetric(float64(after)/(1<<20), "MiB-rss")
	}
}

// rss reads a process's resident set size in bytes from /proc.
func rss(tb testing.TB, pid int) int64 {
	tb.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	require.NoError(tb, err)
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			require.NoError(tb, err)
			return kb << 10
		}
	}
	tb.Fatal("no VmRSS")
	return 0
}
