// Package apptest runs a whole Roster for end-to-end tests: a fresh migrated
// database, the real HTTP server on a loopback port, and a GraphQL client.
package apptest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/app"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/dbtest"
	"github.com/rosterhq/roster/internal/mailcapture"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// Password is the password of every user the kit creates.
const Password = "correct horse battery"

// Main runs a package's tests with a database server; call it from TestMain.
func Main(m *testing.M) { dbtest.Main(m) }

// Env is one running Roster with its own database.
type Env struct {
	T      testing.TB
	App    *app.App
	Pool   *pgxpool.Pool
	Server *httptest.Server
	// Statements counts the SQL statements the app's pool has run.
	Statements *atomic.Int64
	// Mail is the SMTP server the app sends to.
	Mail *mailcapture.Server
}

// Option adjusts the configuration of an Env before it starts.
type Option func(*config.Config)

// New starts a Roster for the test, stopped when the test ends.
func New(t testing.TB, opts ...Option) *Env {
	t.Helper()
	counter := &atomic.Int64{}
	pool := dbtest.NewWithConfig(t, func(c *pgxpool.Config) { c.ConnConfig.Tracer = countingTracer{counter} })
	capture, err := mailcapture.Start("127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = capture.Close() })
	cfg, err := config.FromLookup(func(string) (string, bool) { return "", false })
	require.NoError(t, err)
	cfg.Workers = false
	cfg.SMTPURL, cfg.SMTPTLS = capture.URL(), "none"
	cfg.PublicURL = "https://panel.roster.test"
	for _, o := range opts {
		o(&cfg)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		logger = slog.New(slog.NewTextHandler(&testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	a, err := app.New(cfg, pool, logger, app.Options{})
	require.NoError(t, err)
	srv := httptest.NewServer(a.Handler)
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	require.NoError(t, a.Start(ctx))
	t.Cleanup(func() { _ = a.Stop(context.Background()) })
	return &Env{T: t, App: a, Pool: pool, Server: srv, Statements: counter, Mail: capture}
}

// WithWorkers runs the job workers in the app, so emails are really sent.
func WithWorkers(c *config.Config) { c.Workers = true }

// patience bounds every wait of the kit: generous, since only a failing test
// waits that long (a slow CI machine must not fail a correct one).
const patience = 90 * time.Second

// WaitMail waits until n emails have arrived and returns them, newest first.
func (e *Env) WaitMail(n int) []mailcapture.Message {
	e.T.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	msgs, err := e.Mail.Wait(ctx, n)
	require.NoError(e.T, err)
	return msgs
}

// Token returns the token of the first link in m that carries one.
func Token(t testing.TB, m mailcapture.Message) string {
	t.Helper()
	for _, l := range m.Links {
		if u, err := url.Parse(l); err == nil && u.Query().Get("token") != "" {
			return u.Query().Get("token")
		}
	}
	t.Fatalf("no link with a token in the email to %v: %v", m.To, m.Links)
	return ""
}

// Eventually polls cond every 20 ms until it holds.
func (e *Env) Eventually(cond func() bool, msg string) {
	e.T.Helper()
	require.Eventually(e.T, cond, patience, 20*time.Millisecond, msg)
}

type testWriter struct{ t testing.TB }

func (w *testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

type countingTracer struct{ n *atomic.Int64 }

func (c countingTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.n.Add(1)
	return ctx
}

func (countingTracer) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// User creates an ACTIVE user with the kit's Password.
func (e *Env) User(email string, operator bool) user.User {
	e.T.Helper()
	hash, err := auth.HashPassword(Password)
	require.NoError(e.T, err)
	var u user.User
	require.NoError(e.T, pgx.BeginFunc(context.Background(), e.Pool, func(tx pgx.Tx) error {
		u, err = user.Create(context.Background(), tx, email, strings.Split(email, "@")[0], hash, operator)
		return err
	}))
	return u
}

// Account creates an account.
func (e *Env) Account(name string) account.Account {
	e.T.Helper()
	var a account.Account
	require.NoError(e.T, pgx.BeginFunc(context.Background(), e.Pool, func(tx pgx.Tx) error {
		var err error
		a, err = account.Create(context.Background(), tx, name, account.DirectoryLocal)
		return err
	}))
	return a
}

// Member adds a user to an account with a role and status.
func (e *Env) Member(a account.Account, u user.User, role member.Role, status member.Status) {
	e.T.Helper()
	_, err := e.Pool.Exec(context.Background(), `INSERT INTO memberships (account_id, user_id, role, status) VALUES ($1, $2, $3, $4)`,
		a.ID, u.ID, role, status)
	require.NoError(e.T, err)
}

// Exec runs SQL on the test database.
func (e *Env) Exec(sql string, args ...any) {
	e.T.Helper()
	_, err := e.Pool.Exec(context.Background(), sql, args...)
	require.NoError(e.T, err)
}

// Scalar runs a query returning one value.
func Scalar[T any](e *Env, sql string, args ...any) T {
	e.T.Helper()
	var v T
	require.NoError(e.T, e.Pool.QueryRow(context.Background(), sql, args...).Scan(&v))
	return v
}

// Client sends GraphQL requests over HTTP, with a session token when signed in.
type Client struct {
	env   *Env
	Token string
}

// Anon returns a client without a session.
func (e *Env) Anon() *Client { return &Client{env: e} }

// SignIn signs in with the kit's Password and fails the test when refused.
func (e *Env) SignIn(email string) *Client {
	e.T.Helper()
	return e.SignInWith(email, Password)
}

// SignInWith signs in with a password and fails the test when refused.
func (e *Env) SignInWith(email, password string) *Client {
	e.T.Helper()
	r := e.Anon().Do(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`, Vars{"e": email, "p": password})
	require.Empty(e.T, r.Errors, "sign in %s", email)
	return e.WithToken(r.Get("signIn.token").(string))
}

// WithToken returns a client that sends a session token.
func (e *Env) WithToken(token string) *Client { return &Client{env: e, Token: token} }

// Vars are GraphQL variables.
type Vars map[string]any

// GQLError is one GraphQL error.
type GQLError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Response is a decoded GraphQL response.
type Response struct {
	t          testing.TB
	StatusCode int
	Data       map[string]any `json:"data"`
	Errors     []GQLError     `json:"errors"`
}

// Do posts a query and decodes the response.
func (c *Client) Do(query string, vars Vars) *Response {
	c.env.T.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.env.Server.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(c.env.T, err)
	defer resp.Body.Close()
	r := &Response{t: c.env.T, StatusCode: resp.StatusCode}
	raw, _ := io.ReadAll(resp.Body)
	require.NoError(c.env.T, json.Unmarshal(raw, r), "response: %s", raw)
	return r
}

// Must fails the test when the response has errors, and returns it.
func (r *Response) Must() *Response {
	r.t.Helper()
	require.Empty(r.t, r.Errors, "unexpected GraphQL errors")
	return r
}

// Code returns the extensions.code of the first error, empty when none.
func (r *Response) Code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// RequireCode fails the test unless the first error has the code.
func (r *Response) RequireCode(code string) *Response {
	r.t.Helper()
	require.NotEmpty(r.t, r.Errors, "expected error %s, got data %v", code, r.Data)
	require.Equal(r.t, code, r.Code(), "error: %s", r.Errors[0].Message)
	return r
}

// Get walks a dotted path (numbers index lists) into the data.
func (r *Response) Get(path string) any {
	r.t.Helper()
	var cur any = r.Data
	for _, p := range strings.Split(path, ".") {
		switch v := cur.(type) {
		case map[string]any:
			cur = v[p]
		case []any:
			i := 0
			for _, ch := range p {
				i = i*10 + int(ch-'0')
			}
			require.Less(r.t, i, len(v), "index %s of %s", p, path)
			cur = v[i]
		default:
			r.t.Fatalf("path %s: %T at %s", path, cur, p)
		}
	}
	return cur
}

// ID formats a uuid for variables.
func ID(id uuid.UUID) string { return id.String() }
