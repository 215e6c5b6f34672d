package scim_test

import (
	"crypto/sha256"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

const (
	listTokens = `query($a: ID!) { account(id: $a) { viewerCan { manageScimTokens } scimTokens { id description createdAt lastUsedAt revoked revokedAt createdBy { email } } } }`
	revoke     = `mutation($a: ID!, $t: ID!) { revokeScimToken(accountId: $a, tokenId: $t) { token { id revoked revokedAt } } }`
)

// TestScim_TokenWhoMayManage: operators and the account's Owner create,
// list and revoke tokens; Administrators and other tenants' Owners do not.
func TestScim_TokenWhoMayManage(t *testing.T) {
	t.Parallel()
	b := setup(t)
	env := b.env
	admin := env.User("admin@acme.test", false)
	env.Member(b.acct, admin, member.RoleAdministrator, member.StatusActive)
	beta := env.Account("Beta")
	env.Member(beta, env.User("owner@beta.test", false), member.RoleOwner, member.StatusActive)
	a := b.acct.ID.String()
	for _, tc := range []struct {
		who  string
		code string
		can  bool
	}{
		{"op@roster.test", "", true},
		{"owner@acme.test", "", true},
		{"admin@acme.test", "FORBIDDEN", false},
		{"owner@beta.test", "FORBIDDEN", false},
	} {
		t.Run(tc.who, func(t *testing.T) {
			c := env.SignIn(tc.who)
			r := c.Do(createToken, apptest.Vars{"a": a, "d": "Entra " + tc.who})
			if tc.code != "" {
				r.RequireCode(tc.code)
				c.Do(listTokens, apptest.Vars{"a": a}).RequireCode(tc.code)
				c.Do(revoke, apptest.Vars{"a": a, "t": b.tokenID}).RequireCode(tc.code)
				return
			}
			r.Must()
			require.True(t, strings.HasPrefix(r.Get("createScimToken.secret").(string), "roster_scim_"))
			l := c.Do(listTokens, apptest.Vars{"a": a}).Must()
			require.Equal(t, tc.can, l.Get("account.viewerCan.manageScimTokens"))
		})
	}
	// An Administrator's viewerCan says no before the click.
	r := env.SignIn("admin@acme.test").Do(`query($a: ID!) { account(id: $a) { viewerCan { manageScimTokens } } }`, apptest.Vars{"a": a}).Must()
	require.Equal(t, false, r.Get("account.viewerCan.manageScimTokens"))
}

// TestScim_TokenLifecycle: shown once, stored hashed, listed with its last
// use, revoked at once, audited; bad input, LOCAL accounts and the live
// token limit refused.
func TestScim_TokenLifecycle(t *testing.T) {
	t.Parallel()
	b := setup(t)
	env := b.env
	a := b.acct.ID.String()

	// Stored as its SHA-256 only.
	sum := sha256.Sum256([]byte(b.secret))
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM scim_tokens WHERE token_hash = $1`, sum[:]))
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM scim_tokens t WHERE position($1 IN t::text) > 0`, b.secret))

	l := b.op.Do(listTokens, apptest.Vars{"a": a}).Must()
	require.Equal(t, "Okta", l.Get("account.scimTokens.0.description"))
	require.Nil(t, l.Get("account.scimTokens.0.lastUsedAt"))
	require.Equal(t, "op@roster.test", l.Get("account.scimTokens.0.createdBy.email"))
	require.Equal(t, false, l.Get("account.scimTokens.0.revoked"))

	b.do(t, http.MethodGet, "/Users", nil).ok(http.StatusOK)
	l = b.op.Do(listTokens, apptest.Vars{"a": a}).Must()
	used, err := time.Parse(time.RFC3339Nano, l.Get("account.scimTokens.0.lastUsedAt").(string))
	require.NoError(t, err)
	require.WithinDuration(t, time.Now(), used, time.Minute)

	created := b.auditOf(t, "ACCOUNT_SCIM_TOKEN_CREATED")
	require.Equal(t, b.tokenID, created["after"].(map[string]any)["tokenId"])
	require.NotContains(t, created["after"], "secret")

	r := b.op.Do(revoke, apptest.Vars{"a": a, "t": b.tokenID}).Must()
	require.Equal(t, true, r.Get("revokeScimToken.token.revoked"))
	require.NotNil(t, r.Get("revokeScimToken.token.revokedAt"))
	b.do(t, http.MethodGet, "/Users", nil).scimError(http.StatusUnauthorized, "")
	b.op.Do(revoke, apptest.Vars{"a": a, "t": b.tokenID}).RequireCode("CONFLICT")
	require.Equal(t, b.tokenID, b.auditOf(t, "ACCOUNT_SCIM_TOKEN_REVOKED")["before"].(map[string]any)["tokenId"])

	// Another account's token is not found through this account.
	other, _ := b.externalAccount(t, "Other")
	otherID := b.op.Do(listTokens, apptest.Vars{"a": other.ID.String()}).Must().Get("account.scimTokens.0.id")
	b.op.Do(revoke, apptest.Vars{"a": a, "t": otherID}).RequireCode("NOT_FOUND")

	for _, tc := range []struct {
		name, description string
	}{{"empty", "  "}, {"too long", strings.Repeat("x", 101)}, {"control character", "Okta\nprod"}} {
		b.op.Do(createToken, apptest.Vars{"a": a, "d": tc.description}).RequireCode("INVALID_INPUT")
	}
	// At most 5 live tokens (the revoked one does not count).
	for i := 0; i < 5; i++ {
		b.newToken(t, b.op, a)
	}
	b.op.Do(createToken, apptest.Vars{"a": a, "d": "sixth"}).RequireCode("LIMIT_EXCEEDED")

	local := env.Account("Local")
	b.op.Do(createToken, apptest.Vars{"a": local.ID.String(), "d": "Okta"}).RequireCode("CONFLICT")
	b.op.Do(createToken, apptest.Vars{"a": "00000000-0000-0000-0000-000000000000", "d": "Okta"}).RequireCode("NOT_FOUND")
}

// TestScim_Authentication: no token, a malformed, unknown or revoked one
// answer 401 with a SCIM error; a token of an account switched back to
// LOCAL answers 403 until it is EXTERNAL again.
func TestScim_Authentication(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, tc := range []struct {
		name, header string
	}{
		{"none", ""},
		{"basic", "Basic b3A6cHc="},
		{"unknown", "Bearer roster_scim_" + strings.Repeat("A", 43)},
		{"not ours", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"},
		{"too long", "Bearer roster_scim_" + strings.Repeat("A", 500)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, b.env.Server.URL+"/scim/v2/Users", nil)
			if tc.header != "" {
				req.Header.Set("Authorization", tc.header)
			}
			res, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			res.Body.Close()
			require.Equal(t, http.StatusUnauthorized, res.StatusCode)
			require.Contains(t, res.Header.Get("WWW-Authenticate"), "Bearer")
		})
	}
	b.doWith(t, "roster_scim_nope", http.MethodGet, "/Users", nil).scimError(http.StatusUnauthorized, "")
	b.doWith(t, "", http.MethodPost, "/Users", oktaUser("x@acme.test", "X", "Y")).scimError(http.StatusUnauthorized, "")

	// Switched to LOCAL: the token stops working, and works again once EXTERNAL.
	b.op.Do(`mutation($a: ID!) { updateAccount(accountId: $a, userDirectory: LOCAL) { account { id } } }`, apptest.Vars{"a": b.acct.ID.String()}).Must()
	detail := b.do(t, http.MethodGet, "/Users", nil).scimError(http.StatusForbidden, "")
	require.Contains(t, detail, "EXTERNAL")
	b.do(t, http.MethodPost, "/Users", oktaUser("x@acme.test", "X", "Y")).scimError(http.StatusForbidden, "")
	b.op.Do(`mutation($a: ID!) { updateAccount(accountId: $a, userDirectory: EXTERNAL) { account { id } } }`, apptest.Vars{"a": b.acct.ID.String()}).Must()
	b.do(t, http.MethodGet, "/Users", nil).ok(http.StatusOK)
}

// TestScim_RateLimit: past the burst a token gets 429 with Retry-After;
// another token of the same account has its own bucket.
func TestScim_RateLimit(t *testing.T) {
	t.Parallel()
	b := setup(t, func(c *configT) { c.SCIMRateLimit, c.SCIMRateBurst = 1, 3 })
	for i := 0; i < 3; i++ {
		b.do(t, http.MethodGet, "/Users?count=1", nil).ok(http.StatusOK)
	}
	r := b.do(t, http.MethodGet, "/Users?count=1", nil)
	r.scimError(http.StatusTooManyRequests, "")
	require.Equal(t, "1", r.Header.Get("Retry-After"))
	_, other := b.newToken(t, b.op, b.acct.ID.String())
	b.doWith(t, other, http.MethodGet, "/Users?count=1", nil).ok(http.StatusOK)
	// Guessing tokens is throttled by address too.
	for i := 0; i < 3; i++ {
		b.doWith(t, "roster_scim_guess", http.MethodGet, "/Users", nil).scimError(http.StatusUnauthorized, "")
	}
	b.doWith(t, "roster_scim_guess", http.MethodGet, "/Users", nil).scimError(http.StatusTooManyRequests, "")
}
