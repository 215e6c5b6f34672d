package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"log/slog"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/app"
	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/dbtest"
)

func TestCORS_Preflight(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, func(c *config.Config) { c.CORSAllowedOrigins = []string{"https://panel.example.com"} })
	for _, tc := range []struct {
		name, origin string
		allowed      bool
	}{
		{"allowed origin", "https://panel.example.com", true},
		{"allowed origin in another case", "https://Panel.Example.com", true},
		{"other origin", "https://evil.example.com", false},
		{"same host, other scheme", "http://panel.example.com", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodOptions, env.Server.URL+"/graphql", nil)
			req.Header.Set("Origin", tc.origin)
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			require.Equal(t, http.StatusNoContent, resp.StatusCode)
			require.Contains(t, resp.Header.Values("Vary"), "Origin")
			if !tc.allowed {
				require.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"))
				require.Empty(t, resp.Header.Get("Access-Control-Allow-Methods"))
				return
			}
			require.Equal(t, tc.origin, resp.Header.Get("Access-Control-Allow-Origin"))
			require.Contains(t, resp.Header.Get("Access-Control-Allow-Methods"), "POST")
			require.Contains(t, resp.Header.Get("Access-Control-Allow-Headers"), "Authorization")
			require.Contains(t, resp.Header.Get("Access-Control-Allow-Headers"), "Content-Type")

			// The actual request is answered with the origin too.
			post, _ := http.NewRequest(http.MethodPost, env.Server.URL+"/graphql", strings.NewReader(`{"query":"{ viewer { id } }"}`))
			post.Header.Set("Origin", tc.origin)
			post.Header.Set("Content-Type", "application/json")
			resp, err = http.DefaultClient.Do(post)
			require.NoError(t, err)
			resp.Body.Close()
			require.Equal(t, http.StatusOK, resp.StatusCode)
			require.Equal(t, tc.origin, resp.Header.Get("Access-Control-Allow-Origin"))
			require.Contains(t, resp.Header.Get("Access-Control-Expose-Headers"), "X-Request-Id")
		})
	}
}

func TestCORS_NoneByDefault(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	req, _ := http.NewRequest(http.MethodOptions, env.Server.URL+"/graphql", nil)
	req.Header.Set("Origin", "https://panel.example.com")
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"))
}

func TestViewer_InvalidToken(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.User("ann@example.test", true)
	signedIn := env.SignIn("ann@example.test")
	env.Exec(`UPDATE sessions SET revoked_at = now()`)
	who := `query Who($id: ID!) { user(id: $id) { id } }`
	for _, tc := range []struct {
		name, token, message, reason string
	}{
		{"no token", "", "Sign in first", ""},
		{"malformed token", "not-a-token", auth.InvalidTokenMessage, "INVALID_TOKEN"},
		{"revoked session", signedIn.Token, auth.InvalidTokenMessage, "INVALID_TOKEN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := env.WithToken(tc.token).Do(who, apptest.Vars{"id": uuid.NewString()})
			require.Equal(t, "UNAUTHENTICATED", r.Code())
			require.Contains(t, r.Errors[0].Message, tc.message)
			if tc.reason != "" {
				require.Equal(t, tc.reason, r.Errors[0].Extensions["reason"])
			}

			// `viewer` answers null without an error; the header says why.
			req, _ := http.NewRequest(http.MethodPost, env.Server.URL+"/graphql", strings.NewReader(`{"query":"{ viewer { id } }"}`))
			req.Header.Set("Content-Type", "application/json")
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			var body struct{ Data struct{ Viewer any } }
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
			require.Nil(t, body.Data.Viewer)
			if tc.reason == "" {
				require.Empty(t, resp.Header.Get("WWW-Authenticate"))
			} else {
				require.Contains(t, resp.Header.Get("WWW-Authenticate"), `error="invalid_token"`)
			}
		})
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRequestLog_OperationAndViewer(t *testing.T) {
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

	_, err = pool.Exec(t.Context(), `INSERT INTO users (email, name, password_hash, is_operator) VALUES ('op@example.test', 'Op', $1, true)`,
		must(auth.HashPassword(apptest.Password)))
	require.NoError(t, err)
	var post func(token, body string)
	post = func(token, body string) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var out struct {
			Data struct{ SignIn struct{ Token string } }
		}
		_ = json.NewDecoder(resp.Body).Decode(&out)
		if out.Data.SignIn.Token != "" {
			post(out.Data.SignIn.Token, `{"query":"query Me { viewer { id } }"}`)
		}
	}
	post("", `{"query":"mutation SignIn { signIn(email: \"op@example.test\", password: \"`+apptest.Password+`\") { token } }"}`)

	var entries []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(logs.String()), "\n") {
		var e map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &e), line)
		if e["msg"] == "request" {
			entries = append(entries, e)
		}
	}
	require.Len(t, entries, 2)
	require.Equal(t, "SignIn", entries[0]["operation"])
	require.Equal(t, "OK", entries[0]["outcome"])
	require.Nil(t, entries[0]["viewer_id"])
	require.Equal(t, "Me", entries[1]["operation"])
	require.NotEmpty(t, entries[1]["viewer_id"])
	_, isFloat := entries[1]["duration_ms"].(float64)
	require.True(t, isFloat, "duration_ms is a number of milliseconds")
	require.Nil(t, entries[1]["duration"], "no integer nanoseconds")
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
