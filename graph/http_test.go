package graph_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/httpcompat"
)

// TestHTTP_GraphQLOverHTTPAudit runs the graphql-http audit against the real server.
func TestHTTP_GraphQLOverHTTPAudit(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	out, err := httpcompat.RunAudit(context.Background(), env.Server.URL+"/graphql")
	require.NoError(t, err, out)
	require.Contains(t, out, " 0 warn, 0 error")
}

func TestHTTP_Surface(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	get := func(path string) (int, string, http.Header) {
		resp, err := http.Get(env.Server.URL + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header
	}
	code, body, _ := get("/healthz")
	require.Equal(t, 200, code)
	code, _, _ = get("/readyz")
	require.Equal(t, 200, code)
	code, body, _ = get("/graphql?query=" + url.QueryEscape("{ viewer { id } }"))
	require.Equal(t, 200, code)
	require.JSONEq(t, `{"data":{"viewer":null}}`, body)
	code, body, _ = get("/metrics")
	require.Equal(t, 200, code)
	require.Contains(t, body, "roster_http_requests_total")
	// GraphiQL is at / (the contract), and at /graphiql only by redirect.
	code, body, hdr := get("/")
	require.Equal(t, 200, code)
	require.Contains(t, body, "/graphql")
	require.Contains(t, body, "graphiql")
	require.NotEmpty(t, hdr.Get("X-Request-Id"))
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for p, to := range map[string]string{"/graphiql": "/", "/app": "/app/",
		// Links of emails sent before the app moved under /app/.
		"/accept-invitation?token=a%2Bb": "/app/accept-invitation?token=a%2Bb", "/reset-password?token=x": "/app/reset-password?token=x",
		"/set-password?token=y": "/app/set-password?token=y", "/set-password": "/app/set-password"} {
		resp, err := noRedirect.Get(env.Server.URL + p)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusMovedPermanently, resp.StatusCode, p)
		require.Equal(t, to, resp.Header.Get("Location"), p)
	}
	// The admin app owns /app/ and its client routes, the email links included.
	for _, p := range []string{"/app/", "/app/accounts/1/users", "/app/accept-invitation?token=x", "/app/reset-password?token=x", "/app/set-password?token=x"} {
		code, body, hdr = get(p)
		require.Equal(t, 200, code, p)
		require.Contains(t, body, `<div id="root">`, p)
		require.Contains(t, body, `src="/app/assets/`, p)
		require.Equal(t, "no-cache", hdr.Get("Cache-Control"), p)
		require.Equal(t, "no-referrer", hdr.Get("Referrer-Policy"), p)
	}
	// Outside /app/ nothing falls back to the app.
	for _, p := range []string{"/accounts/1/users", "/accept-invitation/x", "/assets/x.js", "/nothing"} {
		code, _, _ = get(p)
		require.Equal(t, http.StatusNotFound, code, p)
	}

	// Mutations are refused over GET.
	code, _, _ = get("/graphql?query=" + url.QueryEscape(`mutation { signOut { ok } }`))
	require.Equal(t, http.StatusNotAcceptable, code)

	// The body size is limited.
	resp, err := http.Post(env.Server.URL+"/graphql", "application/json", strings.NewReader(`{"query":"`+strings.Repeat(" ", 2<<20)+`{ viewer { id } }"}`))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
}

func TestHTTP_ComplexityAndIntrospection(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, func(c *config.Config) { c.GraphQLIntrospection = false; c.ComplexityLimit = 50 })
	r := env.Anon().Do(`{ __schema { types { name } } }`, nil)
	require.NotEmpty(t, r.Errors, "introspection is off")
	deep := `{ viewer { memberships { account { members(pageSize: 100) { items { user { memberships { account { members { items { user { id } } } } } } } } } } } }`
	r = env.Anon().Do(deep, nil)
	require.NotEmpty(t, r.Errors)
	require.Contains(t, r.Errors[0].Message, "complexity")

	on := apptest.New(t)
	on.Anon().Do(`{ __schema { queryType { name } } }`, nil).Must()
}

func TestHTTP_RiverUIForOperatorsOnly(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	seedAccount(env)
	env.User("op@roster.test", true)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path, token string) *http.Response {
		req, _ := http.NewRequest(http.MethodGet, env.Server.URL+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := noRedirect.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp
	}
	require.Equal(t, http.StatusSeeOther, get("/riverui/", "").StatusCode, "anonymous: to the sign-in form")
	require.Equal(t, http.StatusUnauthorized, get("/riverui/api/jobs", "").StatusCode)
	require.Equal(t, http.StatusForbidden, get("/riverui/", env.SignIn("admin@acme.test").Token).StatusCode)
	require.Equal(t, http.StatusOK, get("/riverui/", env.SignIn("op@roster.test").Token).StatusCode)

	// The browser path: the form sets an HttpOnly, SameSite=Strict cookie.
	resp, err := noRedirect.PostForm(env.Server.URL+"/riverui/login", url.Values{"email": {"admin@acme.test"}, "password": {apptest.Password}})
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "an administrator is not an operator")
	resp, err = noRedirect.PostForm(env.Server.URL+"/riverui/login", url.Values{"email": {"op@roster.test"}, "password": {apptest.Password}})
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	cookie := resp.Cookies()[0]
	require.True(t, cookie.HttpOnly)
	require.Equal(t, http.SameSiteStrictMode, cookie.SameSite)
	req, _ := http.NewRequest(http.MethodGet, env.Server.URL+"/riverui/api/jobs?state=available", nil)
	req.AddCookie(cookie)
	resp, err = noRedirect.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestHTTP_DevMailNotMountedOutsideDev(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	resp, err := http.Get(env.Server.URL + "/dev/mail")
	require.NoError(t, err)
	resp.Body.Close()
	require.NotEqual(t, http.StatusOK, resp.StatusCode)
}
