package scim_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

// TestScim_Attack_CrossTenant: a token of account A used on account B's
// user ids answers 404 for every method, and changes nothing in B.
func TestScim_Attack_CrossTenant(t *testing.T) {
	t.Parallel()
	b := setup(t)
	other, otherSecret := b.externalAccount(t, "Globex")
	r := b.doWith(t, otherSecret, http.MethodPost, "/Users", oktaUser("bob@globex.test", "Bob", "B")).ok(http.StatusCreated)
	bob := r.Body["id"].(string)
	for _, tc := range []struct {
		method string
		body   any
	}{
		{http.MethodGet, nil},
		{http.MethodPut, oktaUser("bob@globex.test", "X", "Y")},
		{http.MethodPatch, patch(op("replace", "active", false))},
		{http.MethodDelete, nil},
	} {
		b.do(t, tc.method, "/Users/"+bob, tc.body).scimError(http.StatusNotFound, "")
	}
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("add", "members", []any{map[string]any{"value": bob}}))).scimError(http.StatusBadRequest, "invalidValue")
	r = b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(`id eq "`+bob+`"`), nil).ok(http.StatusOK)
	require.EqualValues(t, 0, r.Body["totalResults"])
	r = b.do(t, http.MethodGet, "/Groups/USER", nil).ok(http.StatusOK)
	require.NotContains(t, r.Raw, bob)
	var role, status string
	require.NoError(t, b.env.Pool.QueryRow(t.Context(), `SELECT role, status FROM memberships WHERE account_id = $1 AND user_id = $2`, other.ID, bob).Scan(&role, &status))
	require.Equal(t, "USER", role)
	require.Equal(t, "ACTIVE", status)
}

// TestScim_Attack_Headers: malformed Authorization headers answer 401 with a
// SCIM error body.
func TestScim_Attack_Headers(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, h := range []string{"Bearer", "Bearer ", "Bearer  " + "x", "bearer " + b.secret + "x", "Bearer " + b.secret + " extra",
		"Token " + b.secret, b.secret, "Bearer " + strings.Repeat("é", 200)} {
		req, _ := http.NewRequest(http.MethodGet, b.env.Server.URL+"/scim/v2/Users", nil)
		req.Header["Authorization"] = []string{h}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		res.Body.Close()
		require.Equal(t, http.StatusUnauthorized, res.StatusCode, h)
		require.Equal(t, "application/scim+json; charset=utf-8", res.Header.Get("Content-Type"))
	}
	// The scheme is case-insensitive (RFC 7235).
	req, _ := http.NewRequest(http.MethodGet, b.env.Server.URL+"/scim/v2/Users", nil)
	req.Header.Set("Authorization", "bearer "+b.secret)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
}

// TestScim_Attack_Filters: huge, deep, injected and unicode filters are
// answered 400 invalidFilter or a correct (empty) list, never 500.
func TestScim_Attack_Filters(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "L")).ok(http.StatusCreated)
	orChain := strings.TrimSuffix(strings.Repeat(`userName eq "a" or `, 10000), " or ")
	deep := strings.Repeat("(", 950) + `userName eq "a"` + strings.Repeat(")", 950)
	notDeep := strings.Repeat("not (", 300) + `userName eq "a"` + strings.Repeat(")", 300)
	for _, tc := range []struct {
		filter string
		status int
		total  int
	}{
		{orChain, 400, 0},
		{strings.TrimSuffix(strings.Repeat(`userName eq "a" or `, 41), " or "), 400, 0},
		{deep, 200, 0},
		{notDeep, 200, 0},
		{`userName eq "` + strings.Repeat("x", 1980) + `"`, 200, 0},
		{`userName eq "` + strings.Repeat("x", 5000) + `"`, 400, 0},
		{`userName eq "x\") or 1=1"`, 200, 0},
		{`userName eq "x' OR '1'='1"`, 200, 0},
		{`userName eq "ada@acme.test" or 1 eq 1`, 400, 0},
		{`userName sw "%"`, 200, 0},
		{`userName sw "_"`, 200, 0},
		{`userName co "\\"`, 200, 0},
		{`userName eq "\u0000"`, 400, 0},
		{`groups.value eq "\u0000"`, 400, 0},
		{`userName eq "日本語"`, 200, 0},
		{`userName eq "` + "\u202e" + `"`, 200, 0},
		{`userName eq "ADA@ACME.TEST"`, 200, 1},
		{`USERNAME EQ "ada@acme.test"`, 200, 1},
		{`urn:ietf:params:scim:schemas:core:2.0:User:userName eq "ada@acme.test"`, 200, 1},
		{`userName gt 5`, 400, 0},
		{`meta.created gt "yesterday"`, 400, 0},
		{`active eq "true"`, 400, 0},
		{`emails[value eq "ada@acme.test"]`, 200, 1},
		{`emails[value eq "ada@acme.test" and emails[type eq "work"]]`, 400, 0},
		{`userName eq`, 400, 0},
		{`"`, 400, 0},
		{`userName eq "\x"`, 400, 0},
		{`userName eq "` + "\xff\xfe" + `"`, 200, 0},
		{`groups eq "OWNER"`, 200, 0},
		{`password eq "x"`, 400, 0},
	} {
		r := b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(tc.filter), nil)
		if tc.status != 200 {
			require.Equal(t, tc.status, r.Status, "%s: %s", shortName(tc.filter), r.Raw)
			r.scimError(tc.status, "invalidFilter")
			continue
		}
		require.Equal(t, 200, r.Status, "%s: %s", shortName(tc.filter), r.Raw)
		require.EqualValues(t, tc.total, r.Body["totalResults"], shortName(tc.filter))
	}
}

func shortName(s string) string {
	if len(s) > 60 {
		return s[:60]
	}
	return s
}

// TestScim_Attack_Paging: startIndex and count out of range.
func TestScim_Attack_Paging(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, tc := range []struct {
		query  string
		status int
	}{
		{"count=-1", 200},
		{"count=1000000", 200},
		{"startIndex=0", 200},
		{"startIndex=-5", 200},
		{"startIndex=9223372036854775807", 200},
		{"startIndex=-9223372036854775808", 200},
		{"startIndex=99999999999999999999", 400},
		{"count=9223372036854775807", 200},
		{"startIndex=1e3", 400},
		{"attributes=" + url.QueryEscape("junk,,\x00,"+strings.Repeat("a.", 500)), 200},
		{"excludedAttributes=" + url.QueryEscape("id,schemas,urn:x:y"), 200},
	} {
		r := b.do(t, http.MethodGet, "/Users?"+tc.query, nil)
		if tc.status == 200 {
			r.ok(200)
			require.Contains(t, r.Body, "totalResults")
			for _, res := range r.Body["Resources"].([]any) {
				require.Contains(t, res, "id", tc.query)
				require.Contains(t, res, "schemas", tc.query)
			}
		} else {
			r.scimError(tc.status, "invalidValue")
		}
	}
	b.do(t, http.MethodGet, "/Groups?startIndex=9223372036854775807&count=9223372036854775807", nil).ok(200)
	b.do(t, http.MethodGet, "/Groups?startIndex=2&count=-1", nil).ok(200)
}

// TestScim_Attack_Bodies: huge bodies and PATCH requests of 10,000 operations.
func TestScim_Attack_Bodies(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "L")).ok(http.StatusCreated).Body["id"].(string)
	huge := `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"` + strings.Repeat("x", 2<<20) + `"}`
	b.do(t, http.MethodPost, "/Users", huge).scimError(http.StatusRequestEntityTooLarge, "")
	ops := make([]map[string]any, 10000)
	for i := range ops {
		ops[i] = op("replace", "displayName", "x")
	}
	b.do(t, http.MethodPatch, "/Users/"+id, patch(ops...)).scimError(http.StatusBadRequest, "invalidValue")
	deep := strings.Repeat(`{"a":`, 5000) + "1" + strings.Repeat("}", 5000)
	b.do(t, http.MethodPatch, "/Users/"+id, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","value":`+deep+`}]}`).
		scimError(http.StatusBadRequest, "invalidPath")
	b.do(t, http.MethodPost, "/Users", `[]`).scimError(http.StatusBadRequest, "invalidSyntax")
	b.do(t, http.MethodPost, "/Users", `null`).scimError(http.StatusBadRequest, "invalidSyntax")
	b.do(t, http.MethodPost, "/Users", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a@b.test"} trailing`).ok(http.StatusCreated)
	members := make([]any, 5000)
	for i := range members {
		members[i] = map[string]any{"value": fmt.Sprintf("00000000-0000-0000-0000-%012d", i)}
	}
	b.do(t, http.MethodPatch, "/Groups/USER", patch(op("add", "members", members))).scimError(http.StatusBadRequest, "invalidValue")
	b.do(t, http.MethodPut, "/Groups/USER", map[string]any{"schemas": []string{"urn:ietf:params:scim:schemas:core:2.0:Group"},
		"displayName": "USER", "members": members}).scimError(http.StatusBadRequest, "invalidValue")
}

// TestScim_Attack_Owner: the directory cannot deactivate, delete or move the
// Owner into a group; what it records about them does not touch their
// sign-in address.
func TestScim_Attack_Owner(t *testing.T) {
	t.Parallel()
	b := setup(t)
	owner := b.owner.ID.String()
	b.do(t, http.MethodPatch, "/Users/"+owner, patch(op("replace", "", map[string]any{"active": false}))).scimError(http.StatusForbidden, "")
	b.do(t, http.MethodDelete, "/Users/"+owner, nil).scimError(http.StatusForbidden, "")
	b.do(t, http.MethodPatch, "/Groups/USER", patch(op("add", "members", []any{map[string]any{"value": owner}}))).scimError(http.StatusForbidden, "")
	b.do(t, http.MethodPatch, "/Users/"+owner, patch(op("replace", "emails[type eq \"work\"].value", "evil@else.test"))).ok(200)
	require.Equal(t, "owner@acme.test", apptest.Scalar[string](b.env, `SELECT email FROM users WHERE id = $1`, owner))
	role, status := b.membership(t, owner)
	require.Equal(t, "OWNER", role)
	require.Equal(t, "ACTIVE", status)
}

// TestScim_Attack_PutDropsEmail: a PUT without emails keeps the member's email.
func TestScim_Attack_PutDropsEmail(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "L")).ok(http.StatusCreated).Body["id"].(string)
	r := b.do(t, http.MethodPut, "/Users/"+id, map[string]any{"schemas": []string{"urn:ietf:params:scim:schemas:core:2.0:User"},
		"userName": "ada2", "id": "00000000-0000-0000-0000-000000000000"}).ok(200)
	require.Equal(t, id, r.Body["id"], "id is immutable")
	require.Equal(t, "ada@acme.test", r.get("emails.0.value"))
	require.Equal(t, true, r.Body["active"])
	require.Equal(t, "ada2", r.Body["userName"])
}

// TestScim_Attack_ConcurrentCreate: concurrent POSTs of one userName make
// one member; the others answer 409 uniqueness, never 500.
func TestScim_Attack_ConcurrentCreate(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var wg sync.WaitGroup
	statuses := make([]int, 8)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u := oktaUser("same@acme.test", "S", "S")
			if i%2 == 1 {
				u = oktaUser(fmt.Sprintf("other%d@acme.test", i), "S", "S")
				u["userName"] = "SAME@acme.test"
			}
			statuses[i] = b.do(t, http.MethodPost, "/Users", u).Status
		}()
	}
	wg.Wait()
	created := 0
	for _, s := range statuses {
		require.Contains(t, []int{201, 409}, s)
		if s == 201 {
			created++
		}
	}
	require.Equal(t, 1, created, "%v", statuses)
}

// TestScim_Attack_UnicodeUserName: userNames differing only in case, in
// scripts beyond ASCII, are one userName: the second is 409, not 500, and
// eq finds the first whatever the case.
func TestScim_Attack_UnicodeUserName(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for i, name := range []string{"ÄNNE", "ǅemal", "ΣΟΦΙΑ", "İpek", "ẞtraße", "Ꭰrokee", "ᲐᲑᲒ", "ＡＢＣ"} {
		u := oktaUser(fmt.Sprintf("u%d@acme.test", i), "U", "U")
		u["userName"] = name
		b.do(t, http.MethodPost, "/Users", u).ok(http.StatusCreated)
		u = oktaUser(fmt.Sprintf("v%d@acme.test", i), "U", "U")
		u["userName"] = strings.ToLower(name)
		r := b.do(t, http.MethodPost, "/Users", u)
		require.NotEqual(t, 500, r.Status, name)
		r = b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(`userName eq "`+strings.ToLower(name)+`"`), nil).ok(200)
		require.EqualValues(t, 1, r.Body["totalResults"], name)
	}
}

// TestScim_Attack_PlatformInactive: a user deactivated platform-wide can be
// provisioned (nothing leaks), and active changes answer without 500.
func TestScim_Attack_PlatformInactive(t *testing.T) {
	t.Parallel()
	b := setup(t)
	other, _ := b.externalAccount(t, "Globex")
	u := b.env.User("gone@else.test", false)
	b.env.Member(other, u, member.RoleUser, member.StatusActive)
	b.env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, u.ID)
	r := b.do(t, http.MethodPost, "/Users", oktaUser("gone@else.test", "G", "G")).ok(http.StatusCreated)
	require.Equal(t, true, r.Body["active"])
	id := r.Body["id"].(string)
	// The directory keeps the account-level status underneath.
	b.do(t, http.MethodPatch, "/Users/"+id, patch(op("replace", "active", false))).ok(http.StatusOK)
	_, status := b.membership(t, id)
	require.Equal(t, "INACTIVE", status)
	// The directory's name does not rename a user another tenant also sees.
	b.do(t, http.MethodPatch, "/Users/"+id, patch(op("replace", "displayName", "Evil Name"))).ok(200)
	require.Equal(t, u.Name, apptest.Scalar[string](b.env, `SELECT name FROM users WHERE id = $1`, id))
}

// TestScim_Attack_ContentType: every answer is application/scim+json,
// including the 404 of an unknown path and a 405.
func TestScim_Attack_ContentType(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, tc := range []struct{ method, path string }{
		{http.MethodGet, "/Nope"}, {http.MethodPut, "/Users"}, {http.MethodGet, "/Users/not-a-uuid"}, {http.MethodGet, "/Groups/OWNER"},
		{http.MethodGet, "/Groups/user"}, {http.MethodPost, "/Bulk"}, {http.MethodGet, "/ServiceProviderConfig/x"}, {http.MethodGet, "/Schemas/nope"},
		{http.MethodDelete, "/ServiceProviderConfig"}, {http.MethodGet, "/Users/.search"},
	} {
		r := b.do(t, tc.method, tc.path, nil)
		require.GreaterOrEqual(t, r.Status, 400, tc.path)
		r.scimError(r.Status, "")
	}
}

// TestScim_Attack_BadListParamsBeforeWrite: a response parameter the
// service refuses is refused before the change, which is then not made.
func TestScim_Attack_BadListParamsBeforeWrite(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.do(t, http.MethodPost, "/Users", oktaUser("params@acme.test", "P", "Q")).ok(http.StatusCreated).Body["id"].(string)
	b.do(t, http.MethodPatch, "/Users/"+id+"?count=x", patch(op("replace", "active", false))).scimError(http.StatusBadRequest, "invalidValue")
	_, status := b.membership(t, id)
	require.Equal(t, "ACTIVE", status, "the refused request changed nothing")
	b.do(t, http.MethodDelete, "/Users/"+id+"?startIndex=x", nil).scimError(http.StatusBadRequest, "invalidValue")
	role, _ := b.membership(t, id)
	require.Equal(t, "USER", role, "still a member")
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR?count=x", patch(op("add", "members", []any{map[string]any{"value": id}}))).
		scimError(http.StatusBadRequest, "invalidValue")
	role, _ = b.membership(t, id)
	require.Equal(t, "USER", role, "no group change")
}
