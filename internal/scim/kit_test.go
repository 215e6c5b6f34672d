package scim_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

func TestMain(m *testing.M) { apptest.Main(m) }

type configT = config.Config

// bundle is one running Roster with an EXTERNAL account, its Owner, a
// platform operator and a SCIM token of the account.
type bundle struct {
	env     *apptest.Env
	acct    account.Account
	owner   user.User
	op      *apptest.Client
	tokenID string
	secret  string
}

func setup(t testing.TB, opts ...apptest.Option) *bundle {
	t.Helper()
	env := apptest.New(t, opts...)
	b := &bundle{env: env, acct: env.Account("Acme"), owner: env.User("owner@acme.test", false)}
	env.Member(b.acct, b.owner, member.RoleOwner, member.StatusActive)
	env.Exec(`UPDATE accounts SET user_directory = 'EXTERNAL' WHERE id = $1`, b.acct.ID)
	env.User("op@roster.test", true)
	b.op = env.SignIn("op@roster.test")
	b.tokenID, b.secret = b.newToken(t, b.op, b.acct.ID.String())
	return b
}

const createToken = `mutation($a: ID!, $d: String!) { createScimToken(accountId: $a, description: $d) { secret token { id description revoked } } }`

func (b *bundle) newToken(t testing.TB, c *apptest.Client, accountID string) (string, string) {
	t.Helper()
	r := c.Do(createToken, apptest.Vars{"a": accountID, "d": "Okta"}).Must()
	return r.Get("createScimToken.token.id").(string), r.Get("createScimToken.secret").(string)
}

// externalAccount makes another EXTERNAL account with an Owner and a token.
func (b *bundle) externalAccount(t testing.TB, name string) (account.Account, string) {
	t.Helper()
	a := b.env.Account(name)
	b.env.Member(a, b.env.User("owner@"+strings.ToLower(name)+".test", false), member.RoleOwner, member.StatusActive)
	b.env.Exec(`UPDATE accounts SET user_directory = 'EXTERNAL' WHERE id = $1`, a.ID)
	_, secret := b.newToken(t, b.op, a.ID.String())
	return a, secret
}

// resp is one SCIM response.
type resp struct {
	t      testing.TB
	Status int
	Header http.Header
	Body   map[string]any
	Raw    string
}

// do sends a SCIM request with the bundle's token.
func (b *bundle) do(t testing.TB, method, path string, body any) *resp {
	t.Helper()
	return b.doWith(t, b.secret, method, path, body)
}

func (b *bundle) doWith(t testing.TB, token, method, path string, body any) *resp {
	t.Helper()
	var rd io.Reader
	switch v := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(v)
	default:
		raw, err := json.Marshal(v)
		require.NoError(t, err)
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, b.env.Server.URL+"/scim/v2"+path, rd)
	require.NoError(t, err)
	if rd != nil {
		req.Header.Set("Content-Type", "application/scim+json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := &resp{t: t, Status: res.StatusCode, Header: res.Header, Raw: string(raw)}
	if len(raw) > 0 {
		require.NoError(t, json.Unmarshal(raw, &out.Body), "body: %s", raw)
		require.Equal(t, "application/scim+json; charset=utf-8", res.Header.Get("Content-Type"))
	}
	return out
}

// ok fails unless the status is want, and returns the response.
func (r *resp) ok(want int) *resp {
	r.t.Helper()
	require.Equal(r.t, want, r.Status, "body: %s", r.Raw)
	return r
}

// scimError fails unless the response is a SCIM error with the status and
// scimType (empty: none), and returns its detail.
func (r *resp) scimError(status int, scimType string) string {
	r.t.Helper()
	require.Equal(r.t, status, r.Status, "body: %s", r.Raw)
	require.Equal(r.t, []any{"urn:ietf:params:scim:api:messages:2.0:Error"}, r.Body["schemas"], r.Raw)
	require.Equal(r.t, strconv.Itoa(status), r.Body["status"], "status is a string")
	if scimType == "" {
		require.NotContains(r.t, r.Body, "scimType", r.Raw)
	} else {
		require.Equal(r.t, scimType, r.Body["scimType"], r.Raw)
	}
	require.NotEmpty(r.t, r.Body["detail"])
	return r.Body["detail"].(string)
}

// get walks a dotted path (numbers index lists) into the body.
func (r *resp) get(path string) any {
	r.t.Helper()
	var cur any = r.Body
	for _, p := range strings.Split(path, ".") {
		switch v := cur.(type) {
		case map[string]any:
			cur = v[p]
		case []any:
			i := 0
			for _, ch := range p {
				i = i*10 + int(ch-'0')
			}
			require.Less(r.t, i, len(v), "index %s of %s in %s", p, path, r.Raw)
			cur = v[i]
		default:
			r.t.Fatalf("path %s: %T at %s in %s", path, cur, p, r.Raw)
		}
	}
	return cur
}

// ids returns the ids of a list response's resources.
func (r *resp) ids() []string {
	r.t.Helper()
	out := []string{}
	for _, res := range r.Body["Resources"].([]any) {
		out = append(out, res.(map[string]any)["id"].(string))
	}
	return out
}

// oktaUser is the body Okta's SCIM 2.0 integration sends to create a user.
func oktaUser(userName, given, family string) map[string]any {
	return map[string]any{
		"schemas":     []string{"urn:ietf:params:scim:schemas:core:2.0:User"},
		"userName":    userName,
		"name":        map[string]any{"givenName": given, "familyName": family},
		"emails":      []map[string]any{{"primary": true, "value": userName, "type": "work"}},
		"displayName": given + " " + family,
		"locale":      "en-US",
		"externalId":  "00u" + strings.Split(userName, "@")[0],
		"groups":      []any{},
		"password":    "1mz050nq",
		"active":      true,
	}
}

// entraUser is the body Microsoft Entra ID's provisioning sends to create a
// user: userName is the UPN, the work email may differ, and the enterprise
// extension comes along.
func entraUser(upn, mail, externalID string) map[string]any {
	return map[string]any{
		"schemas":     []string{"urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"},
		"externalId":  externalID,
		"userName":    upn,
		"active":      true,
		"addresses":   []map[string]any{{"primary": true, "type": "work", "country": "NL"}},
		"displayName": "Ada Lovelace",
		"emails":      []map[string]any{{"primary": true, "type": "work", "value": mail}},
		"meta":        map[string]any{"resourceType": "User"},
		"name":        map[string]any{"formatted": "Ada Lovelace", "familyName": "Lovelace", "givenName": "Ada"},
		"title":       "Engineer",
		"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": map[string]any{"department": "R&D", "employeeNumber": "42"},
	}
}

func patch(ops ...map[string]any) map[string]any {
	return map[string]any{"schemas": []string{"urn:ietf:params:scim:api:messages:2.0:PatchOp"}, "Operations": ops}
}

func op(kind, path string, value any) map[string]any {
	o := map[string]any{"op": kind}
	if path != "" {
		o["path"] = path
	}
	if value != nil {
		o["value"] = value
	}
	return o
}

// membership returns a user's role and status in the account, empty when not a member.
func (b *bundle) membership(t testing.TB, userID string) (string, string) {
	t.Helper()
	var role, status string
	_ = b.env.Pool.QueryRow(t.Context(), `SELECT role, status FROM memberships WHERE account_id = $1 AND user_id = $2`,
		b.acct.ID, userID).Scan(&role, &status)
	return role, status
}

// auditOf returns the newest audit event of the account with the action.
func (b *bundle) auditOf(t testing.TB, action string) map[string]any {
	t.Helper()
	r := b.op.Do(`query($a: ID!) { account(id: $a) { auditLog(first: 100) { edges { node { action actorId actorScimTokenId targetUserId before after } } } } }`,
		apptest.Vars{"a": b.acct.ID.String()}).Must()
	for _, e := range r.Get("account.auditLog.edges").([]any) {
		n := e.(map[string]any)["node"].(map[string]any)
		if n["action"] == action {
			return n
		}
	}
	t.Fatalf("no %s event", action)
	return nil
}
