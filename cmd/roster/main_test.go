package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/dbtest"
	"github.com/rosterhq/roster/internal/mailcapture"
	"github.com/rosterhq/roster/internal/request"
	"github.com/rosterhq/roster/jobs"
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

func TestRun_Help(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--help"}, []string{"usage: roster <command>", "DATABASE_URL", "LISTEN_ADDR", "127.0.0.1:8080", "WORKER_LISTEN_ADDR", "CORS_ALLOWED_ORIGINS"}},
		{[]string{"help"}, []string{"usage: roster <command>", "SMTP_CONNECTIONS", "[8]"}},
		{[]string{"serve", "--help"}, []string{"usage: roster serve", "WORKERS", "[true]"}},
		{[]string{"worker", "-h"}, []string{"usage: roster worker", "WORKER_LISTEN_ADDR", "[127.0.0.1:9090]"}},
		{[]string{"migrate", "--help"}, []string{"usage: roster migrate", "DATABASE_URL"}},
		{[]string{"seed", "--help"}, []string{"usage: roster seed", "-accounts", "-members", "-users"}},
		{[]string{"create-operator", "-help"}, []string{"usage: roster create-operator", "-email"}},
		{[]string{"dev", "--help"}, []string{"usage: roster dev", "/dev/mail"}},
		{[]string{"--version"}, []string{"roster ", "go1."}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var out strings.Builder
			require.NoError(t, run(context.Background(), tc.args, nil, &out), "help never needs DATABASE_URL")
			for _, w := range tc.want {
				require.Contains(t, out.String(), w)
			}
			require.NotContains(t, out.String(), "DATABASE_URL is not set")
		})
	}
}

// TestDev_EndToEnd runs the real `roster dev` (on a test database instead of
// ./.roster): demo data, the API, captured mail, and a clean stop.
func TestDev_EndToEnd(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	t.Setenv("DATABASE_URL", dbtest.URL(dbtest.CreateDatabase(t)))
	t.Setenv("LISTEN_ADDR", addr)
	t.Setenv("SMTP_URL", "")
	t.Setenv("LOG_LEVEL", "error")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var out strings.Builder
	go func() { done <- run(ctx, []string{"dev"}, nil, &out) }()
	base := "http://" + addr
	require.Eventually(t, func() bool {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil && resp.StatusCode == 200
	}, 30*time.Second, 50*time.Millisecond)

	post := func(query string) map[string]any {
		resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(query))
		require.NoError(t, err)
		defer resp.Body.Close()
		var body map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
		return body
	}
	body := post(`{"query":"mutation { signIn(email: \"admin@acme.test\", password: \"roster-demo-2026\") { token } }"}`)
	require.Nil(t, body["errors"], "the demo administrator signs in")
	post(`{"query":"mutation { requestPasswordReset(email: \"admin@acme.test\") { ok } }"}`)
	var msgs []map[string]any
	require.Eventually(t, func() bool {
		resp, err := http.Get(base + "/dev/mail.json")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		msgs = nil
		_ = json.NewDecoder(resp.Body).Decode(&msgs)
		return len(msgs) == 1
	}, 20*time.Second, 50*time.Millisecond, "the reset email is captured")
	require.Contains(t, msgs[0]["text"], base+"/app/reset-password?token=")
	resp, err := http.Get(base + "/dev/mail")
	require.NoError(t, err)
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Contains(t, string(page), `<a href="`+base+`/app/reset-password?token=`)

	// The link in the email opens the admin app, whose bundle has the page.
	resp, err = http.Get(msgs[0]["links"].([]any)[0].(string))
	require.NoError(t, err)
	page, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	script := regexp.MustCompile(`src="(/app/assets/[^"]+\.js)"`).FindStringSubmatch(string(page))
	require.Len(t, script, 2, "the app's index.html names its bundle")
	resp, err = http.Get(base + script[1])
	require.NoError(t, err)
	page, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Contains(t, string(page), "resetPassword(token: $token, password: $password)")

	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(30 * time.Second):
		t.Fatal("roster dev did not stop")
	}
	require.Contains(t, out.String(), "admin@acme.test")
	require.Contains(t, out.String(), "admin app: "+base+"/app/")
	require.Contains(t, out.String(), "GraphiQL at "+base+"/ ")
}

// TestMigrateAndWorker_Commands runs `roster migrate` twice on an empty
// database, then `roster worker`, which sends a queued email and stops cleanly.
func TestMigrateAndWorker_Commands(t *testing.T) {
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, dbtest.URL("postgres"))
	require.NoError(t, err)
	name := "roster_cmd_" + strings.ToLower(request.NewID())
	_, err = admin.Exec(ctx, "CREATE DATABASE "+name)
	require.NoError(t, err)
	t.Cleanup(func() { _, _ = admin.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); admin.Close(ctx) })
	capture, err := mailcapture.Start("127.0.0.1:0")
	require.NoError(t, err)
	defer capture.Close()
	t.Setenv("DATABASE_URL", dbtest.URL(name))
	t.Setenv("SMTP_URL", capture.URL())
	t.Setenv("SMTP_TLS", "none")
	t.Setenv("LOG_LEVEL", "error")
	require.NoError(t, run(ctx, []string{"migrate"}, nil, io.Discard))
	require.NoError(t, run(ctx, []string{"migrate"}, nil, io.Discard), "a second run is a no-op")

	pool, err := db.Open(ctx, dbtest.URL(name), nil)
	require.NoError(t, err)
	defer pool.Close()
	_, err = pool.Exec(ctx, `INSERT INTO users (email, name, password_hash) VALUES ('w@roster.test', 'W', 'x')`)
	require.NoError(t, err)
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	require.NoError(t, err)
	_, err = client.Insert(ctx, jobs.SendPasswordResetEmailArgs{Email: "w@roster.test"}, nil)
	require.NoError(t, err)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ops := ln.Addr().String()
	ln.Close()
	t.Setenv("WORKER_LISTEN_ADDR", ops)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- run(wctx, []string{"worker"}, nil, io.Discard) }()
	waitCtx, stop := context.WithTimeout(ctx, 60*time.Second)
	defer stop()
	msgs, err := capture.Wait(waitCtx, 1)
	require.NoError(t, err)
	require.Equal(t, []string{"w@roster.test"}, msgs[0].To)

	// The worker's own address: health, readiness and its metrics.
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + ops + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		code, body := get(path)
		require.Equal(t, http.StatusOK, code, "%s: %s", path, body)
	}
	require.Eventually(t, func() bool {
		_, body := get("/metrics")
		return strings.Contains(body, `roster_jobs_total{kind="SendPasswordResetEmail",state="completed"} 1`) &&
			strings.Contains(body, `roster_emails_total{kind="SendPasswordResetEmail",outcome="sent"} 1`) &&
			strings.Contains(body, "roster_db_pool_connections{") && strings.Contains(body, "roster_smtp_connections{")
	}, 30*time.Second, 50*time.Millisecond, "the worker's /metrics count its job and email")
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(40 * time.Second):
		t.Fatal("roster worker did not stop")
	}
}
