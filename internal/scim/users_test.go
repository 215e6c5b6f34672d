package scim_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

// TestScim_CreateUser_Okta: Okta's create request provisions a new platform
// user (no password) into the account with the default role, answers 201
// with Location and the resource, and is audited with the token as actor.
func TestScim_CreateUser_Okta(t *testing.T) {
	t.Parallel()
	b := setup(t)
	r := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "Lovelace")).ok(http.StatusCreated)
	id := r.Body["id"].(string)
	require.Equal(t, []any{"urn:ietf:params:scim:schemas:core:2.0:User"}, r.Body["schemas"])
	require.Equal(t, "ada@acme.test", r.Body["userName"])
	require.Equal(t, "00uada", r.Body["externalId"])
	require.Equal(t, true, r.Body["active"])
	require.Equal(t, "Ada", r.get("name.givenName"))
	require.Equal(t, "Lovelace", r.get("name.familyName"))
	require.Equal(t, "Ada Lovelace", r.Body["displayName"])
	require.Equal(t, map[string]any{"value": "ada@acme.test", "type": "work", "primary": true}, r.get("emails.0"))
	require.Equal(t, "USER", r.get("groups.0.value"))
	require.Equal(t, "User", r.get("meta.resourceType"))
	require.Equal(t, b.env.Server.URL+"/scim/v2/Users/"+id, r.Header.Get("Location"))
	require.Equal(t, r.Header.Get("Location"), r.get("meta.location"))
	_, err := time.Parse(time.RFC3339, r.get("meta.created").(string))
	require.NoError(t, err)
	require.NotContains(t, r.Body, "password")

	role, status := b.membership(t, id)
	require.Equal(t, "USER", role)
	require.Equal(t, "ACTIVE", status)
	require.Equal(t, "Ada Lovelace", apptest.Scalar[string](b.env, `SELECT name FROM users WHERE id = $1`, id))
	require.True(t, apptest.Scalar[bool](b.env, `SELECT password_hash IS NULL FROM users WHERE id = $1`, id), "SCIM never sets a password")
	ev := b.auditOf(t, "MEMBER_PROVISIONED")
	require.Nil(t, ev["actorId"])
	require.Equal(t, b.tokenID, ev["actorScimTokenId"])
	require.Equal(t, id, ev["targetUserId"])
	require.Equal(t, map[string]any{"role": "USER", "status": "ACTIVE", "userName": "ada@acme.test", "externalId": "00uada"}, ev["after"])

	// The same again: the membership exists.
	b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "Lovelace")).scimError(http.StatusConflict, "uniqueness")
	// The same userName with another email, the same externalId: taken.
	dup := oktaUser("other@acme.test", "O", "T")
	dup["userName"] = "ADA@acme.test"
	b.do(t, http.MethodPost, "/Users", dup).scimError(http.StatusConflict, "uniqueness")
	dup = oktaUser("other@acme.test", "O", "T")
	dup["externalId"] = "00uada"
	b.do(t, http.MethodPost, "/Users", dup).scimError(http.StatusConflict, "uniqueness")
	// The Owner (a member the directory never provisioned) has their email as userName.
	b.do(t, http.MethodPost, "/Users", oktaUser("owner@acme.test", "O", "W")).scimError(http.StatusConflict, "uniqueness")
}

// TestScim_CreateUser_Entra: Entra ID's request — userName a UPN, a
// different work email, the enterprise extension and attributes Roster does
// not keep — provisions the user of the email; the UPN is the userName.
func TestScim_CreateUser_Entra(t *testing.T) {
	t.Parallel()
	b := setup(t)
	r := b.do(t, http.MethodPost, "/Users", entraUser("ada@acme.onmicrosoft.com", "Ada.Lovelace@Acme.test", "e5d6f7")).ok(http.StatusCreated)
	require.Equal(t, "ada@acme.onmicrosoft.com", r.Body["userName"])
	require.Equal(t, "ada.lovelace@acme.test", r.get("emails.0.value"))
	require.Equal(t, "Ada Lovelace", r.get("name.formatted"))
	require.NotContains(t, r.Body, "title")
	require.NotContains(t, r.Body, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
	require.Equal(t, "ada.lovelace@acme.test", apptest.Scalar[string](b.env, `SELECT email FROM users WHERE id = $1`, r.Body["id"]))

	// Entra's follow-up query finds it by userName, and by externalId.
	for _, f := range []string{`userName eq "ada@acme.onmicrosoft.com"`, `externalId eq "e5d6f7"`} {
		l := b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(f), nil).ok(http.StatusOK)
		require.Equal(t, []string{r.Body["id"].(string)}, l.ids(), f)
	}
}

// TestScim_CreateUser_ExistingUser: a user who already exists elsewhere on
// the platform joins the account; the answer is shaped exactly as for a new
// user (what the directory sent, not the platform's data), so it tells
// nothing about the address; their platform name stays.
func TestScim_CreateUser_ExistingUser(t *testing.T) {
	t.Parallel()
	b := setup(t)
	other := b.env.Account("Other")
	u := b.env.User("grace@elsewhere.test", false)
	b.env.Member(other, u, member.RoleAdministrator, member.StatusActive)
	b.env.Exec(`UPDATE users SET name = 'Rear Admiral Hopper', status = 'INACTIVE' WHERE id = $1`, u.ID)

	existing := b.do(t, http.MethodPost, "/Users", oktaUser("Grace@Elsewhere.test", "Grace", "Hopper")).ok(http.StatusCreated)
	fresh := b.do(t, http.MethodPost, "/Users", oktaUser("alan@new.test", "Alan", "Turing")).ok(http.StatusCreated)
	require.Equal(t, u.ID.String(), existing.Body["id"])
	require.Equal(t, "Grace Hopper", existing.Body["displayName"])
	require.Equal(t, true, existing.Body["active"], "a platform-wide deactivation is not told to another tenant")
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		return out
	}
	require.ElementsMatch(t, keys(fresh.Body), keys(existing.Body))
	require.ElementsMatch(t, keys(fresh.Body["meta"].(map[string]any)), keys(existing.Body["meta"].(map[string]any)))
	require.Equal(t, "Rear Admiral Hopper", apptest.Scalar[string](b.env, `SELECT name FROM users WHERE id = $1`, u.ID),
		"one tenant's directory does not rename a person other tenants see")
	role, _ := b.membership(t, u.ID.String())
	require.Equal(t, "USER", role)

	// Provisioned INACTIVE: no rule about platform-wide deactivation shows through.
	v := b.env.User("vera@elsewhere.test", false)
	b.env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, v.ID)
	body := oktaUser("vera@elsewhere.test", "Vera", "Rubin")
	body["active"] = false
	r := b.do(t, http.MethodPost, "/Users", body).ok(http.StatusCreated)
	require.Equal(t, false, r.Body["active"])
	_, status := b.membership(t, v.ID.String())
	require.Equal(t, "INACTIVE", status)
}

// TestScim_CreateUser_DefaultRoleAndInactive: scimDefaultRole decides the
// role; active false provisions an INACTIVE member.
func TestScim_CreateUser_DefaultRoleAndInactive(t *testing.T) {
	t.Parallel()
	b := setup(t)
	setRole := `mutation($a: ID!, $r: Role) { updateAccount(accountId: $a, scimDefaultRole: $r) { account { scimDefaultRole } } }`
	owner := b.env.SignIn("owner@acme.test")
	r := owner.Do(setRole, apptest.Vars{"a": b.acct.ID.String(), "r": "FINANCE_MANAGER"}).Must()
	require.Equal(t, "FINANCE_MANAGER", r.Get("updateAccount.account.scimDefaultRole"))
	owner.Do(setRole, apptest.Vars{"a": b.acct.ID.String(), "r": "OWNER"}).RequireCode("INVALID_INPUT")
	require.Equal(t, map[string]any{"scimDefaultRole": "USER"}, b.auditOf(t, "ACCOUNT_SCIM_DEFAULT_ROLE_CHANGED")["before"])

	body := oktaUser("fin@acme.test", "Fin", "Ance")
	body["active"] = "False" // as Entra sends it
	c := b.do(t, http.MethodPost, "/Users", body).ok(http.StatusCreated)
	require.Equal(t, false, c.Body["active"])
	require.Equal(t, "FINANCE_MANAGER", c.get("groups.0.value"))
	role, status := b.membership(t, c.Body["id"].(string))
	require.Equal(t, "FINANCE_MANAGER", role)
	require.Equal(t, "INACTIVE", status)
}

// TestScim_CreateUser_Invalid: malformed requests answer 400 with the
// scimType that says why, and change nothing.
func TestScim_CreateUser_Invalid(t *testing.T) {
	t.Parallel()
	b := setup(t)
	noSchemas := oktaUser("a@acme.test", "A", "B")
	delete(noSchemas, "schemas")
	noEmail := oktaUser("a@acme.test", "A", "B")
	delete(noEmail, "emails")
	noEmail["userName"] = "jdoe"
	badEmail := oktaUser("a@acme.test", "A", "B")
	badEmail["emails"] = []any{map[string]any{"value": "not an address", "primary": true}}
	noUserName := oktaUser("a@acme.test", "A", "B")
	delete(noUserName, "userName")
	longName := oktaUser("a@acme.test", strings.Repeat("x", 201), "B")
	for _, tc := range []struct {
		name     string
		body     any
		scimType string
	}{
		{"not JSON", `{"userName":`, "invalidSyntax"},
		{"an array", `[]`, "invalidSyntax"},
		{"no schemas", noSchemas, "invalidSyntax"},
		{"no email", noEmail, "invalidValue"},
		{"bad email", badEmail, "invalidValue"},
		{"no userName", noUserName, "invalidValue"},
		{"long name", longName, "invalidValue"},
		{"active not boolean", map[string]any{"schemas": []string{"urn:ietf:params:scim:schemas:core:2.0:User"}, "userName": "a@acme.test", "active": "maybe"}, "invalidValue"},
		{"unknown attribute", map[string]any{"schemas": []string{"urn:ietf:params:scim:schemas:core:2.0:User"}, "userName": "a@acme.test", "shoeSize": 42}, "invalidPath"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b.do(t, http.MethodPost, "/Users", tc.body).scimError(http.StatusBadRequest, tc.scimType)
		})
	}
	require.Equal(t, 1, apptest.Scalar[int](b.env, `SELECT count(*) FROM memberships WHERE account_id = $1`, b.acct.ID))
	// A body past MAX_BODY_BYTES.
	huge := oktaUser("a@acme.test", "A", "B")
	huge["title"] = strings.Repeat("x", 2<<20)
	b.do(t, http.MethodPost, "/Users", huge).scimError(http.StatusRequestEntityTooLarge, "")
}

// TestScim_GetUser: a member by id, with attributes and
// excludedAttributes; any id that is not a member of the token's account
// (another tenant's member, no user at all, not a UUID) is 404 alike.
func TestScim_GetUser(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "Lovelace")).ok(http.StatusCreated).Body["id"].(string)
	r := b.do(t, http.MethodGet, "/Users/"+id, nil).ok(http.StatusOK)
	require.Equal(t, "ada@acme.test", r.Body["userName"])

	r = b.do(t, http.MethodGet, "/Users/"+id+"?attributes=userName,name.givenName", nil).ok(http.StatusOK)
	require.Equal(t, map[string]any{"schemas": []any{"urn:ietf:params:scim:schemas:core:2.0:User"}, "id": id,
		"userName": "ada@acme.test", "name": map[string]any{"givenName": "Ada"}}, r.Body)
	r = b.do(t, http.MethodGet, "/Users/"+id+"?excludedAttributes=emails,meta,name.familyName,groups", nil).ok(http.StatusOK)
	require.NotContains(t, r.Body, "emails")
	require.NotContains(t, r.Body, "meta")
	require.NotContains(t, r.Body, "groups")
	require.Equal(t, map[string]any{"givenName": "Ada"}, r.Body["name"])
	require.Equal(t, id, r.Body["id"], "id is always returned")

	other, otherSecret := b.externalAccount(t, "Other")
	theirs := b.doWith(t, otherSecret, http.MethodPost, "/Users", oktaUser("bob@other.test", "Bob", "B")).ok(http.StatusCreated).Body["id"].(string)
	_ = other
	for _, bad := range []string{theirs, "00000000-0000-0000-0000-000000000000", "not-a-uuid", "1"} {
		d1 := b.do(t, http.MethodGet, "/Users/"+bad, nil).scimError(http.StatusNotFound, "")
		require.Equal(t, "No such user in this account.", d1)
		b.do(t, http.MethodPatch, "/Users/"+bad, patch(op("replace", "active", false))).scimError(http.StatusNotFound, "")
		b.do(t, http.MethodPut, "/Users/"+bad, oktaUser("x@acme.test", "X", "Y")).scimError(http.StatusNotFound, "")
		b.do(t, http.MethodDelete, "/Users/"+bad, nil).scimError(http.StatusNotFound, "")
	}
	role, status := "", ""
	_ = b.env.Pool.QueryRow(t.Context(), `SELECT role, status FROM memberships WHERE user_id = $1`, theirs).Scan(&role, &status)
	require.Equal(t, "ACTIVE", status, "another tenant's member is untouched")
}

// TestScim_ListUsers_Filters: each supported filter shape becomes SQL over
// the account's members only.
func TestScim_ListUsers_Filters(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ids := map[string]string{}
	for _, u := range []struct{ userName, given, family string }{
		{"ada@acme.test", "Ada", "Lovelace"}, {"alan@acme.test", "Alan", "Turing"}, {"grace@navy.test", "Grace", "Hopper"},
	} {
		ids[u.given] = b.do(t, http.MethodPost, "/Users", oktaUser(u.userName, u.given, u.family)).ok(http.StatusCreated).Body["id"].(string)
	}
	ent := entraUser("edsger@acme.onmicrosoft.com", "edsger@acme.test", "x'; DROP TABLE users; --")
	ids["Edsger"] = b.do(t, http.MethodPost, "/Users", ent).ok(http.StatusCreated).Body["id"].(string)
	b.do(t, http.MethodPatch, "/Users/"+ids["Alan"], patch(op("replace", "active", false))).ok(http.StatusOK)
	ids["Owner"] = b.owner.ID.String()
	// Another tenant's member with the same addresses is never listed.
	_, otherSecret := b.externalAccount(t, "Other")
	b.doWith(t, otherSecret, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "Lovelace")).ok(http.StatusCreated)

	for _, tc := range []struct {
		filter string
		want   []string
	}{
		{`userName eq "ada@acme.test"`, []string{"Ada"}},
		{`userName eq "ADA@ACME.TEST"`, []string{"Ada"}},
		{`UserName Eq "ada@acme.test"`, []string{"Ada"}},
		{`urn:ietf:params:scim:schemas:core:2.0:User:userName eq "ada@acme.test"`, []string{"Ada"}},
		{`userName eq "owner@acme.test"`, []string{"Owner"}},
		{`userName eq "edsger@acme.onmicrosoft.com"`, []string{"Edsger"}},
		{`userName eq "edsger@acme.test"`, nil},
		{`userName eq "nobody@acme.test"`, nil},
		{`externalId eq "00uada"`, []string{"Ada"}},
		{`externalId eq "00UADA"`, nil},
		{`externalId eq "x'; DROP TABLE users; --"`, []string{"Edsger"}},
		{`emails.value eq "edsger@acme.test"`, []string{"Edsger"}},
		{`emails eq "grace@navy.test"`, []string{"Grace"}},
		{`emails[type eq "work"].value eq "grace@navy.test"`, []string{"Grace"}},
		{`emails[type eq "home"].value eq "grace@navy.test"`, nil},
		{`emails[type eq "work" and value eq "Grace@Navy.test"]`, []string{"Grace"}},
		{`emails[primary eq true]`, []string{"Ada", "Alan", "Grace", "Edsger", "Owner"}},
		{`userName sw "a"`, []string{"Ada", "Alan"}},
		{`userName co "navy"`, []string{"Grace"}},
		{`userName ew ".onmicrosoft.com"`, []string{"Edsger"}},
		{`userName co "%"`, nil},
		{`userName co "_"`, nil},
		{`userName eq "ada@acme.test" or userName eq "grace@navy.test"`, []string{"Ada", "Grace"}},
		{`userName sw "a" and active eq true`, []string{"Ada"}},
		{`(userName sw "a" or userName sw "g") and not (active eq false)`, []string{"Ada", "Grace"}},
		{`active eq false`, []string{"Alan"}},
		{`name.familyName eq "hopper"`, []string{"Grace"}},
		{`name.givenName sw "A"`, []string{"Ada", "Alan", "Edsger"}},
		{`displayName eq "Ada Lovelace"`, []string{"Ada", "Edsger"}},
		{`externalId pr`, []string{"Ada", "Alan", "Grace", "Edsger"}},
		{`not (externalId pr)`, []string{"Owner"}},
		{`externalId ne "00uada"`, []string{"Alan", "Grace", "Edsger", "Owner"}},
		{`id eq "` + ids["Grace"] + `"`, []string{"Grace"}},
		{`id eq "not-a-uuid"`, nil},
		{`groups.value eq "USER"`, []string{"Ada", "Alan", "Grace", "Edsger"}},
		{`groups[value eq "ADMINISTRATOR"]`, nil},
		{`meta.created gt "2000-01-01T00:00:00Z"`, []string{"Ada", "Alan", "Grace", "Edsger", "Owner"}},
		{`meta.lastModified lt "2000-01-01T00:00:00Z"`, nil},
		{`userName eq "a\"b"`, nil},
	} {
		t.Run(tc.filter, func(t *testing.T) {
			r := b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(tc.filter), nil).ok(http.StatusOK)
			want := []string{}
			for _, w := range tc.want {
				want = append(want, ids[w])
			}
			require.ElementsMatch(t, want, r.ids())
			require.EqualValues(t, len(want), r.Body["totalResults"])
			require.Equal(t, []any{"urn:ietf:params:scim:api:messages:2.0:ListResponse"}, r.Body["schemas"])
		})
	}
	require.Equal(t, 1, apptest.Scalar[int](b.env, `SELECT count(*) FROM users WHERE email = 'edsger@acme.test'`))

	for _, bad := range []string{`userName eq`, `userName xx "a"`, `shoeSize eq 42`, `active eq "yes"`, `active gt true`,
		`meta.created gt "yesterday"`, `urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq "x"`, `userName eq 5`,
		`emails[type eq "work"][value eq "x"]`, strings.Repeat(`userName eq "a" or `, 50) + `userName eq "a"`} {
		t.Run("invalid "+bad[:min(len(bad), 40)], func(t *testing.T) {
			b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(bad), nil).scimError(http.StatusBadRequest, "invalidFilter")
		})
	}
	// POST /Users/.search takes the same filter.
	r := b.do(t, http.MethodPost, "/Users/.search", map[string]any{"schemas": []string{"urn:ietf:params:scim:api:messages:2.0:SearchRequest"},
		"filter": `userName sw "a"`, "attributes": []string{"userName"}, "startIndex": 1, "count": 10}).ok(http.StatusOK)
	require.ElementsMatch(t, []string{ids["Ada"], ids["Alan"]}, r.ids())
	require.NotContains(t, r.get("Resources.0"), "emails")
}

// TestScim_ListUsers_Paging: startIndex and count page the account's
// members by id; count is capped at 200; count=0 returns the total only.
func TestScim_ListUsers_Paging(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.env.Exec(`WITH u AS (INSERT INTO users (email, name) SELECT 'p' || i || '@acme.test', 'P ' || i FROM generate_series(1, 249) i RETURNING id)
		INSERT INTO memberships (account_id, user_id, role) SELECT $1, id, 'USER' FROM u`, b.acct.ID)
	all := map[string]bool{}
	for start := 1; start <= 250; start += 100 {
		r := b.do(t, http.MethodGet, fmt.Sprintf("/Users?startIndex=%d&count=100", start), nil).ok(http.StatusOK)
		require.EqualValues(t, 250, r.Body["totalResults"])
		require.EqualValues(t, start, r.Body["startIndex"])
		require.EqualValues(t, min(100, 250-start+1), r.Body["itemsPerPage"])
		for _, id := range r.ids() {
			require.False(t, all[id], "no member on two pages")
			all[id] = true
		}
	}
	require.Len(t, all, 250)
	for _, tc := range []struct {
		query      string
		items      int
		startIndex int
	}{
		{"", 100, 1},
		{"count=1000", 200, 1},
		{"count=0", 0, 1},
		{"count=-5", 0, 1},
		{"startIndex=0&count=5", 5, 1},
		{"startIndex=249&count=5", 2, 249},
		{"startIndex=400", 0, 400},
		{"count=5&filter=" + url.QueryEscape(`userName sw "p1"`), 5, 1},
	} {
		r := b.do(t, http.MethodGet, "/Users?"+tc.query, nil).ok(http.StatusOK)
		require.EqualValues(t, tc.items, r.Body["itemsPerPage"], tc.query)
		require.Len(t, r.Body["Resources"], tc.items, tc.query)
		require.EqualValues(t, tc.startIndex, r.Body["startIndex"], tc.query)
	}
	r := b.do(t, http.MethodGet, "/Users?count=5&filter="+url.QueryEscape(`userName sw "p1"`), nil)
	require.EqualValues(t, 111, r.Body["totalResults"], "p1, p10–p19, p100–p199")
	b.do(t, http.MethodGet, "/Users?count=many", nil).scimError(http.StatusBadRequest, "invalidValue")
}
