package graph_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rosterhq/roster/graph"
	"github.com/rosterhq/roster/graph/generated"
	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/server"
)

// TestComplexity_EveryListWeighed walks the schema: every list field, and
// every field taking a page size, has a complexity weight, so a list added
// later cannot be forgotten (NewHandler also refuses to start without one).
func TestComplexity_EveryListWeighed(t *testing.T) {
	t.Parallel()
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	weights, err := graph.Weights(schema)
	require.NoError(t, err)
	lists := 0
	for _, def := range schema.Types {
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") {
			continue
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			key := def.Name + "." + f.Name
			if f.Type.Elem != nil {
				lists++
				require.Contains(t, weights, key, "%s is a list without a complexity weight", key)
			}
			if f.Arguments.ForName("first") != nil || f.Arguments.ForName("pageSize") != nil {
				require.NotEmpty(t, weights[key].SizeArg, "%s takes a page size but does not weigh by it", key)
			}
		}
	}
	require.Greater(t, lists, 20)
	for key := range graph.ListBounds {
		typ, field, _ := strings.Cut(key, ".")
		require.NotNil(t, schema.Types[typ], "ListBounds names %s, which is not in the schema", key)
		require.NotNil(t, schema.Types[typ].Fields.ForName(field), "ListBounds names %s, which is not in the schema", key)
	}

	// A new list without a weight is refused, by name.
	extended, gqlErr := gqlparser.LoadSchema(&ast.Source{Input: `type Query { a: A } type A { friends: [A!]! }`})
	require.Nil(t, gqlErr)
	_, err = graph.Weights(extended)
	require.ErrorContains(t, err, "A.friends")
}

// TestComplexity_AttacksRefused replays the attacks as a finance
// manager: nested lists under aliases, and hundreds of aliased pages.
func TestComplexity_AttacksRefused(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	acct := seedAccount(env)
	fin := env.User("fin@acme.test", false)
	env.Exec(`INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, $3)`, acct, fin.ID, member.RoleFinanceManager)
	c := env.SignIn("fin@acme.test")

	var nested, pages strings.Builder
	nested.WriteString("query($a: ID!) {")
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&nested, ` a%d: account(id: $a) { notifications(first: 100) { edges { node { deliveries { user {
			memberships { account { auditLog(first: 100) { edges { node { id action before after } } } } } } } } } } }`, i)
	}
	nested.WriteString("}")
	pages.WriteString("query($a: ID!) { account(id: $a) {")
	for i := 0; i < 240; i++ {
		fmt.Fprintf(&pages, ` l%d: auditLog(first: 100) { edges { node { id action before after } } }`, i)
	}
	pages.WriteString("} }")
	for name, q := range map[string]string{"nested lists": nested.String(), "240 aliased pages": pages.String()} {
		t.Run(name, func(t *testing.T) {
			r := c.Do(q, apptest.Vars{"a": acct}).RequireCode("LIMIT_EXCEEDED")
			require.Contains(t, r.Errors[0].Message, "complexity")
			require.Nil(t, r.Data)
		})
	}

	// What the admin app asks stays allowed: a page of 100 members, the
	// notifications with their deliveries.
	for _, q := range []string{
		`members(pageSize: 100) { totalCount pageCount items { role status since user { id email name lastSignInAt }
			viewerCan { deactivate activate delete detach changeRole } onlyActiveRecipientFor } }`,
		`members(pageSize: 100) { items { user { email memberships { role account { name } } } } }`,
		`notifications { edges { node { subject deliveries { email outcome user { name } } } } }`,
		`auditLog(first: 100) { edges { node { action occurredAt before after } } }`,
	} {
		c.Do(`query($a: ID!) { account(id: $a) { `+q+` } }`, apptest.Vars{"a": acct}).Must()
	}
}

// TestResponse_ValueBudget proves that a response is bounded by what it
// really holds, not only by the complexity estimate: a user in more accounts
// than a list's weight assumes makes a cheap query large.
func TestResponse_ValueBudget(t *testing.T) {
	t.Parallel()
	// Complexity limit 10: the budget is 100 values.
	env := apptest.New(t, func(c *config.Config) { c.ComplexityLimit = 10 })
	op := env.User("op@roster.test", true)
	env.Exec(`WITH a AS (INSERT INTO accounts (name, user_directory) SELECT 'Account ' || i, 'LOCAL' FROM generate_series(1, 150) i RETURNING id)
		INSERT INTO memberships (account_id, user_id, role) SELECT id, $1, 'OWNER' FROM a`, op.ID)
	c := env.SignIn("op@roster.test")
	r := c.Do(`{ viewer { memberships { role } } }`, nil).RequireCode("LIMIT_EXCEEDED")
	require.Len(t, r.Errors, 1, "one error, not one per field")
	require.Nil(t, r.Data)
	c.Do(`{ viewer { email } }`, nil).Must()
}

// do posts a GraphQL request with extra headers and returns the status,
// the Content-Type and the decoded body.
func do(t *testing.T, env *apptest.Env, token string, headers map[string]string, query string, vars apptest.Vars) (int, string, apptest.Response) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, env.Server.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r apptest.Response
	require.NoError(t, json.Unmarshal(raw, &r), "response: %s", raw)
	return resp.StatusCode, resp.Header.Get("Content-Type"), r
}

func code(r apptest.Response) string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// addrKey is the throttle's stored key of a client address (see
// auth.Throttle): its SHA-256, never the address itself.
func addrKey(addr string) string {
	h := sha256.Sum256([]byte("addr:" + addr))
	return "addr:" + hex.EncodeToString(h[:])
}

// TestSignIn_ThrottleBehindProxy: behind a trusted proxy the address limit
// applies to the client named in X-Forwarded-For (the rightmost untrusted
// entry), a correct password passes an exhausted address limit, and
// without TRUSTED_PROXIES the header is ignored.
func TestSignIn_ThrottleBehindProxy(t *testing.T) {
	t.Parallel()
	const signIn = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`
	env := apptest.New(t, func(c *config.Config) { c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")} })
	acct := seedAccount(env)
	// 203.0.113.7 has used up its 100 attempts in this window.
	env.Exec(`INSERT INTO sign_in_failures (key, failures, window_started_at) VALUES ($1, 100, now())`, addrKey("203.0.113.7"))
	via := func(xff string) map[string]string { return map[string]string{"X-Forwarded-For": xff} }

	_, _, r := do(t, env, "", via("203.0.113.7"), signIn, apptest.Vars{"e": "admin@acme.test", "p": "wrong"})
	require.Equal(t, "LIMIT_EXCEEDED", code(r), "the address limit refuses wrong passwords")
	require.NotEmpty(t, r.Errors[0].Extensions["resetsAt"])
	_, _, r = do(t, env, "", via("198.51.100.1, 203.0.113.7, 127.0.0.9"), signIn, apptest.Vars{"e": "admin@acme.test", "p": "wrong"})
	require.Equal(t, "LIMIT_EXCEEDED", code(r), "a forged leftmost entry does not escape the limit")
	_, _, r = do(t, env, "", via("198.51.100.1"), signIn, apptest.Vars{"e": "admin@acme.test", "p": "wrong"})
	require.Equal(t, "UNAUTHENTICATED", code(r), "another client behind the same proxy is not limited")
	_, _, r = do(t, env, "", via("203.0.113.7"), signIn, apptest.Vars{"e": "owner@acme.test", "p": apptest.Password})
	require.Empty(t, r.Errors, "a correct password is not refused for the address limit alone")
	require.Equal(t, 0, apptest.Scalar[int](env, `SELECT count(*) FROM sign_in_failures WHERE key LIKE '%acme.test%' OR key LIKE '%203.0.113%'`),
		"keys are hashed")

	// Accepting an invitation with an existing user's password follows the same rule.
	other := env.Account("Other")
	env.Member(other, env.User("ext@other.test", false), member.RoleOwner, member.StatusActive)
	env.SignIn("admin@acme.test").Do(inviteUsers, apptest.Vars{"a": acct, "e": "ext@other.test", "r": "USER"}).Must()
	token := mintInvitationToken(env, "ext@other.test")
	_, _, r = do(t, env, "", via("203.0.113.7"), acceptInvitation, apptest.Vars{"t": token, "p": "wrong"})
	require.Equal(t, "LIMIT_EXCEEDED", code(r))
	_, _, r = do(t, env, "", via("203.0.113.7"), acceptInvitation, apptest.Vars{"t": token, "p": apptest.Password})
	require.Empty(t, r.Errors)

	// Without TRUSTED_PROXIES, X-Forwarded-For is anyone's to write.
	plain := apptest.New(t)
	seedAccount(plain)
	plain.Exec(`INSERT INTO sign_in_failures (key, failures, window_started_at) VALUES ($1, 100, now())`, addrKey("203.0.113.7"))
	_, _, r = do(t, plain, "", via("203.0.113.7"), signIn, apptest.Vars{"e": "admin@acme.test", "p": "wrong"})
	require.Equal(t, "UNAUTHENTICATED", code(r))
}

// TestMutations_OnePasswordMutationPerRequest: aliases or fragments cannot
// pack many argon2id hashes into one request.
func TestMutations_OnePasswordMutationPerRequest(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	seedAccount(env)
	for name, q := range map[string]string{
		"aliases":   `mutation { a: resetPassword(token: "x", password: "long enough 1") { ok } b: resetPassword(token: "y", password: "long enough 2") { ok } }`,
		"fragments": `mutation { ...F ...G } fragment F on Mutation { signIn(email: "a@b.c", password: "p") { token } } fragment G on Mutation { a: acceptInvitation(token: "t") { token } }`,
		"mixed":     `mutation { signIn(email: "a@b.c", password: "p") { token } changePassword(currentPassword: "a", newPassword: "bbbbbbbbbb") { ok } }`,
	} {
		t.Run(name, func(t *testing.T) {
			r := env.Anon().Do(q, nil).RequireCode("LIMIT_EXCEEDED")
			require.Nil(t, r.Data, "nothing ran")
		})
	}
	env.Anon().Do(`mutation { resetPassword(token: "x", password: "long enough 1") { ok } }`, nil).RequireCode("NOT_FOUND")
	env.Anon().Do(`mutation { signIn(email: "admin@acme.test", password: "wrong") { token } requestPasswordReset(email: "admin@acme.test") { ok } }`, nil).
		RequireCode("UNAUTHENTICATED")
}

// TestResetPassword_BogusTokenCostsNoHash: an unknown token is refused
// before the password is hashed, so it costs a fraction of one argon2id hash.
func TestResetPassword_BogusTokenCostsNoHash(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	start := time.Now()
	for i := 0; i < 3; i++ {
		_, err := auth.HashPassword("a long enough password")
		require.NoError(t, err)
	}
	hash := time.Since(start) / 3
	var took []time.Duration
	for i := 0; i < 9; i++ {
		start := time.Now()
		env.Anon().Do(`mutation($t: String!) { resetPassword(token: $t, password: "a long enough password") { ok } }`,
			apptest.Vars{"t": fmt.Sprintf("bogus-%d", i)}).RequireCode("NOT_FOUND")
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	t.Logf("one argon2id hash %v; bogus resets %v", hash, took)
	require.Less(t, took[len(took)/2], hash/2, "median of a bogus reset vs one argon2id hash (%v)", hash)
}

// TestInput_UnstorableStrings: NUL bytes, invalid UTF-8 and a 1 MB email
// are refused as INVALID_INPUT before any SQL, never INTERNAL.
func TestInput_UnstorableStrings(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	acct := seedAccount(env)
	admin := env.SignIn("admin@acme.test")
	for _, tc := range []struct {
		name, query string
		vars        apptest.Vars
	}{
		{"NUL in a variable", `mutation($e: String!) { signIn(email: $e, password: "x") { token } }`, apptest.Vars{"e": "admin@acme.test\x00"}},
		{"NUL in a literal", `mutation { signIn(email: "admin\u0000@acme.test", password: "x") { token } }`, nil},
		{"NUL in a name", `mutation($n: String!) { updateProfile(name: $n) { user { name } } }`, apptest.Vars{"n": "Ada\x00"}},
		{"NUL in an input object", `query($a: ID!, $s: String) { account(id: $a) { members(filter: { search: $s }) { totalCount } } }`, apptest.Vars{"a": acct, "s": "\x00"}},
		{"NUL in an address list", `mutation($a: ID!, $e: String!) { inviteUsers(accountId: $a, emails: $e, role: USER) { created { id } } }`, apptest.Vars{"a": acct, "e": "x@acme.test\x00"}},
		{"a 1 MB email", `mutation($e: String!) { signIn(email: $e, password: "x") { token } }`, apptest.Vars{"e": strings.Repeat("a", 1_000_000) + "@acme.test"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			admin.Do(tc.query, tc.vars).RequireCode("INVALID_INPUT")
		})
	}
	// Invalid UTF-8 can only come in a GET query string.
	resp, err := http.Get(env.Server.URL + "/graphql?query=" + url.QueryEscape(`{ invitation(token: "`+"\xff\xfe"+`") { email } }`))
	require.NoError(t, err)
	defer resp.Body.Close()
	var r apptest.Response
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&r))
	require.Equal(t, "INVALID_INPUT", code(r))
	// A reset request for a 1 MB "address" answers as for any non-address.
	env.Anon().Do(`mutation($e: String!) { requestPasswordReset(email: $e) { ok } }`, apptest.Vars{"e": strings.Repeat("a", 1_000_000)}).Must()
}

// TestIntrospection_Disabled: __schema and __type answer FORBIDDEN (not
// INTERNAL), and validation errors suggest no field names.
func TestIntrospection_Disabled(t *testing.T) {
	t.Parallel()
	off := apptest.New(t, func(c *config.Config) { c.GraphQLIntrospection = false })
	for _, q := range []string{
		`{ __schema { types { name } } }`,
		`{ __type(name: "User") { fields { name } } }`,
		`query { ...F } fragment F on Query { s: __schema { queryType { name } } }`,
	} {
		r := off.Anon().Do(q, nil).RequireCode("FORBIDDEN")
		require.Contains(t, r.Errors[0].Message, "Introspection is disabled")
	}
	require.Equal(t, "Query", off.Anon().Do(`{ __typename }`, nil).Must().Get("__typename"))
	r := off.Anon().Do(`{ viewer { emial } }`, nil).RequireCode("INVALID_INPUT")
	require.NotContains(t, r.Errors[0].Message, "email", "no suggestion: %s", r.Errors[0].Message)

	on := apptest.New(t)
	r = on.Anon().Do(`{ viewer { emial } }`, nil).RequireCode("INVALID_INPUT")
	require.Contains(t, r.Errors[0].Message, "Did you mean", "explorers keep their suggestions")
	r = on.Anon().Do(fullIntrospection, nil).Must()
	require.NotEmpty(t, r.Get("__schema.types"), "an explorer's whole introspection fits the limits")
}

// fullIntrospection is what GraphiQL asks when it opens.
const fullIntrospection = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`

// TestRiverUI_SameOriginAndNoFraming: a cross-site POST is refused even
// with the operator's cookie, and no River UI page can be framed.
func TestRiverUI_SameOriginAndNoFraming(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.User("op@roster.test", true)
	token := env.SignIn("op@roster.test").Token
	send := func(method, path string, headers map[string]string) *http.Response {
		req, _ := http.NewRequest(method, env.Server.URL+path, strings.NewReader(`{}`))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(&http.Cookie{Name: server.OperatorCookie, Value: token})
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp
	}
	for name, h := range map[string]map[string]string{
		"Sec-Fetch-Site": {"Sec-Fetch-Site": "cross-site"},
		"Origin":         {"Origin": "https://evil.example"},
	} {
		t.Run(name, func(t *testing.T) {
			require.Equal(t, http.StatusForbidden, send(http.MethodPost, "/riverui/api/jobs/cancel", h).StatusCode)
			require.Equal(t, http.StatusForbidden, send(http.MethodPost, "/riverui/login", h).StatusCode, "no login CSRF either")
		})
	}
	same := send(http.MethodPost, "/riverui/api/jobs/cancel", map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": env.Server.URL})
	require.NotEqual(t, http.StatusForbidden, same.StatusCode)
	page := send(http.MethodGet, "/riverui/", map[string]string{"Sec-Fetch-Site": "cross-site"})
	require.Equal(t, http.StatusOK, page.StatusCode, "a GET from a link works")
	require.Equal(t, "frame-ancestors 'none'", page.Header.Get("Content-Security-Policy"))
	require.Equal(t, "DENY", page.Header.Get("X-Frame-Options"))
	require.Equal(t, "DENY", send(http.MethodGet, "/riverui/login", nil).Header.Get("X-Frame-Options"))
}

// TestReadyz_SchemaOutdated: a database missing a migration is not ready,
// and says what to do.
func TestReadyz_SchemaOutdated(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.Exec(`DELETE FROM roster_migrations WHERE name = (SELECT max(name) FROM roster_migrations)`)
	resp, err := http.Get(env.Server.URL + "/readyz")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	require.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	require.Contains(t, string(body), "run roster migrate")
}
