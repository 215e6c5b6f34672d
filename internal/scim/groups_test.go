package scim_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
)

func members(ids ...string) []any {
	out := []any{}
	for _, id := range ids {
		out = append(out, map[string]any{"value": id})
	}
	return out
}

// memberIDs returns the ids of a group's members.
func (r *resp) memberIDs() []string {
	out := []string{}
	list, _ := r.Body["members"].([]any)
	for _, m := range list {
		out = append(out, m.(map[string]any)["value"].(string))
	}
	return out
}

// TestScim_Groups_Read: one group per assignable role, listed, filtered by
// displayName (as Entra ID looks a group up) and by member, read with or
// without its members.
func TestScim_Groups_Read(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ada := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "L")).ok(http.StatusCreated).Body["id"].(string)

	l := b.do(t, http.MethodGet, "/Groups", nil).ok(http.StatusOK)
	require.Equal(t, []string{"ADMINISTRATOR", "FINANCE_MANAGER", "USER"}, l.ids())
	require.EqualValues(t, 3, l.Body["totalResults"])
	for _, tc := range []struct {
		filter string
		want   []string
	}{
		{`displayName eq "ADMINISTRATOR"`, []string{"ADMINISTRATOR"}},
		{`displayName eq "finance_manager"`, []string{"FINANCE_MANAGER"}},
		{`displayName eq "OWNER"`, []string{}},
		{`displayName eq "Engineering"`, []string{}},
		{`displayName sw "f" or id eq "USER"`, []string{"FINANCE_MANAGER", "USER"}},
		{`members[value eq "` + ada + `"]`, []string{"USER"}},
		{`id eq "USER" and members[value eq "` + ada + `"]`, []string{"USER"}},
		{`members.value eq "` + b.owner.ID.String() + `"`, []string{}},
		{`members pr`, []string{"USER"}},
	} {
		r := b.do(t, http.MethodGet, "/Groups?excludedAttributes=members&filter="+url.QueryEscape(tc.filter), nil).ok(http.StatusOK)
		require.Equal(t, tc.want, r.ids(), tc.filter)
		for _, g := range r.Body["Resources"].([]any) {
			require.NotContains(t, g, "members", "excludedAttributes=members")
		}
	}
	b.do(t, http.MethodGet, "/Groups?filter="+url.QueryEscape(`title eq "x"`), nil).scimError(http.StatusBadRequest, "invalidFilter")

	g := b.do(t, http.MethodGet, "/Groups/USER", nil).ok(http.StatusOK)
	require.Equal(t, []any{"urn:ietf:params:scim:schemas:core:2.0:Group"}, g.Body["schemas"])
	require.Equal(t, "USER", g.Body["displayName"])
	require.Equal(t, []string{ada}, g.memberIDs())
	require.Equal(t, "ada@acme.test", g.get("members.0.display"))
	require.Equal(t, "Group", g.get("meta.resourceType"))
	g = b.do(t, http.MethodGet, "/Groups/ADMINISTRATOR?attributes=displayName", nil).ok(http.StatusOK)
	require.Equal(t, map[string]any{"schemas": []any{"urn:ietf:params:scim:schemas:core:2.0:Group"}, "id": "ADMINISTRATOR", "displayName": "ADMINISTRATOR"}, g.Body)
	for _, id := range []string{"OWNER", "user", "Engineering"} {
		b.do(t, http.MethodGet, "/Groups/"+id, nil).scimError(http.StatusNotFound, "")
	}
}

// TestScim_Groups_Membership: adding members to a group gives them its
// role, removing them gives the account's SCIM default role; Okta's and
// Entra ID's PATCH shapes and PUT; the Owner stays protected; another
// tenant's users are no members here.
func TestScim_Groups_Membership(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ada := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "L")).ok(http.StatusCreated).Body["id"].(string)
	alan := b.do(t, http.MethodPost, "/Users", oktaUser("alan@acme.test", "Alan", "T")).ok(http.StatusCreated).Body["id"].(string)
	role := func(id string) string { r, _ := b.membership(t, id); return r }

	// Okta: add members.
	r := b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("add", "members", members(ada, alan)))).ok(http.StatusOK)
	require.ElementsMatch(t, []string{ada, alan}, r.memberIDs())
	require.Equal(t, "ADMINISTRATOR", role(ada))
	ev := b.auditOf(t, "MEMBER_ROLE_CHANGED")
	require.Equal(t, b.tokenID, ev["actorScimTokenId"])
	u := b.do(t, http.MethodGet, "/Users/"+ada, nil).ok(http.StatusOK)
	require.Equal(t, "ADMINISTRATOR", u.get("groups.0.value"))

	// Okta: remove one member by a value filter path.
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("remove", `members[value eq "`+alan+`"]`, nil))).ok(http.StatusOK)
	require.Equal(t, "USER", role(alan), "removal gives the default role")
	// Entra ID: Remove with a list of members as value; Add as "Add".
	b.do(t, http.MethodPatch, "/Groups/FINANCE_MANAGER", patch(op("Add", "members", members(alan)))).ok(http.StatusOK)
	require.Equal(t, "FINANCE_MANAGER", role(alan))
	b.do(t, http.MethodPatch, "/Groups/FINANCE_MANAGER", patch(op("Remove", "members", members(alan)))).ok(http.StatusOK)
	require.Equal(t, "USER", role(alan))
	// Removing someone who is not in the group changes nothing.
	b.do(t, http.MethodPatch, "/Groups/FINANCE_MANAGER", patch(op("remove", "members", members(ada)))).ok(http.StatusOK)
	require.Equal(t, "ADMINISTRATOR", role(ada))
	// Entra ID's displayName replace with the same name is a no-op; another name is refused.
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("Replace", "displayName", "ADMINISTRATOR"))).ok(http.StatusOK)
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("Replace", "displayName", "Admins"))).scimError(http.StatusBadRequest, "mutability")

	// Replace: exactly these members (the others fall back to the default role).
	r = b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("replace", "members", members(alan)))).ok(http.StatusOK)
	require.Equal(t, []string{alan}, r.memberIDs())
	require.Equal(t, "USER", role(ada))
	// PUT (Okta's older group push).
	r = b.do(t, http.MethodPut, "/Groups/ADMINISTRATOR", map[string]any{"schemas": []string{"urn:ietf:params:scim:schemas:core:2.0:Group"},
		"id": "ADMINISTRATOR", "displayName": "ADMINISTRATOR", "members": members(ada)}).ok(http.StatusOK)
	require.Equal(t, []string{ada}, r.memberIDs())
	require.Equal(t, "USER", role(alan))
	require.Equal(t, "ADMINISTRATOR", role(ada))
	b.do(t, http.MethodPut, "/Groups/ADMINISTRATOR", map[string]any{"schemas": []string{"urn:ietf:params:scim:schemas:core:2.0:Group"},
		"displayName": "Admins", "members": members(ada)}).scimError(http.StatusBadRequest, "mutability")
	// Remove every member.
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("remove", "members", nil))).ok(http.StatusOK)
	require.Equal(t, "USER", role(ada))

	// With FINANCE_MANAGER as the default role, removal gives that.
	b.op.Do(`mutation($a: ID!) { updateAccount(accountId: $a, scimDefaultRole: FINANCE_MANAGER) { account { id } } }`, apptest.Vars{"a": b.acct.ID.String()}).Must()
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("add", "members", members(ada)))).ok(http.StatusOK)
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("remove", "members", members(ada)))).ok(http.StatusOK)
	require.Equal(t, "FINANCE_MANAGER", role(ada))

	// The Owner: in no group, and no group takes them; the request changes nothing.
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("add", "members", members(alan, b.owner.ID.String())))).scimError(http.StatusForbidden, "")
	require.Equal(t, "OWNER", role(b.owner.ID.String()))
	require.Equal(t, "USER", role(alan), "all or nothing")
	// Another tenant's user, or no user: not a member here.
	_, otherSecret := b.externalAccount(t, "Other")
	theirs := b.doWith(t, otherSecret, http.MethodPost, "/Users", oktaUser("bob@other.test", "Bob", "B")).ok(http.StatusCreated).Body["id"].(string)
	for _, id := range []string{theirs, "00000000-0000-0000-0000-000000000000", "bob"} {
		b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("add", "members", members(id)))).scimError(http.StatusBadRequest, "invalidValue")
	}
	require.Equal(t, 0, apptest.Scalar[int](b.env, `SELECT count(*) FROM memberships WHERE user_id = $1 AND account_id = $2`, theirs, b.acct.ID))

	for _, tc := range []struct {
		body     map[string]any
		scimType string
	}{
		{patch(op("add", "owners", members(ada))), "invalidPath"},
		{patch(op("add", `members[value eq "`+ada+`"]`, members(ada))), "invalidPath"},
		{patch(op("add", "members", "ada")), "invalidValue"},
	} {
		b.do(t, http.MethodPatch, "/Groups/USER", tc.body).scimError(http.StatusBadRequest, tc.scimType)
	}
}

// TestScim_Groups_CreateDelete: groups are the roles, so creating one
// answers 409 uniqueness for a role's name (the client links to it) and 501
// otherwise; deleting one answers 501.
func TestScim_Groups_CreateDelete(t *testing.T) {
	t.Parallel()
	b := setup(t)
	body := func(name string) map[string]any {
		return map[string]any{"schemas": []string{"urn:ietf:params:scim:schemas:core:2.0:Group"}, "displayName": name, "members": []any{}}
	}
	b.do(t, http.MethodPost, "/Groups", body("ADMINISTRATOR")).scimError(http.StatusConflict, "uniqueness")
	b.do(t, http.MethodPost, "/Groups", body("Engineering")).scimError(http.StatusNotImplemented, "")
	b.do(t, http.MethodDelete, "/Groups/USER", nil).scimError(http.StatusNotImplemented, "")
	require.Len(t, b.do(t, http.MethodGet, "/Groups", nil).ids(), 3)
}

// TestScim_Groups_ReplaceLargeGroup: a PUT or replace that sends a group's
// whole membership counts only what it changes against the 1,000 changes
// of a request, so a directory pushing a group of 1,500 unchanged members
// plus one succeeds.
func TestScim_Groups_ReplaceLargeGroup(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.env.Exec(`WITH u AS (INSERT INTO users (email, name) SELECT 'g' || i || '@acme.test', 'G ' || i FROM generate_series(1, 1500) i RETURNING id)
		INSERT INTO memberships (account_id, user_id, role) SELECT $1, id, 'ADMINISTRATOR' FROM u`, b.acct.ID)
	ada := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "L")).ok(http.StatusCreated).Body["id"].(string)
	rows, err := b.env.Pool.Query(t.Context(), `SELECT user_id::text FROM memberships WHERE account_id = $1 AND role = 'ADMINISTRATOR' ORDER BY user_id`, b.acct.ID)
	require.NoError(t, err)
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	require.Len(t, ids, 1500)

	r := b.do(t, http.MethodPut, "/Groups/ADMINISTRATOR", map[string]any{"schemas": []string{"urn:ietf:params:scim:schemas:core:2.0:Group"},
		"displayName": "ADMINISTRATOR", "members": members(append([]string{ada}, ids...)...)}).ok(http.StatusOK)
	require.Len(t, r.memberIDs(), 1501)
	role, _ := b.membership(t, ada)
	require.Equal(t, "ADMINISTRATOR", role)

	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("replace", "members", members(ids[1:]...)))).ok(http.StatusOK)
	role, _ = b.membership(t, ada)
	require.Equal(t, "USER", role)
	role, _ = b.membership(t, ids[0])
	require.Equal(t, "USER", role)
	require.Equal(t, 1499, apptest.Scalar[int](b.env, `SELECT count(*) FROM memberships WHERE account_id = $1 AND role = 'ADMINISTRATOR'`, b.acct.ID))
}
