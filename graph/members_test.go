package graph_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

// membersEnv has an account with an Owner, the signed-in admin and 23 more
// members: 25 in all, of which every fifth is INACTIVE and every third FINANCE_MANAGER.
func membersEnv(t *testing.T) (*apptest.Env, *apptest.Client, string) {
	env := apptest.New(t)
	acct := env.Account("Acme")
	env.Member(acct, env.User("owner@acme.test", false), member.RoleOwner, member.StatusActive)
	env.Member(acct, env.User("admin@acme.test", false), member.RoleAdministrator, member.StatusActive)
	for i := 0; i < 23; i++ {
		role, status := member.RoleUser, member.StatusActive
		if i%3 == 0 {
			role = member.RoleFinanceManager
		}
		if i%5 == 0 {
			status = member.StatusInactive
		}
		env.Member(acct, env.User(fmt.Sprintf("m%02d@acme.test", i), false), role, status)
	}
	env.Exec(`UPDATE users SET name = 'Zed Searchable' WHERE email = 'm07@acme.test'`)
	return env, env.SignIn("admin@acme.test"), acct.ID.String()
}

const membersQuery = `query($id: ID!, $page: Int, $size: Int, $filter: MemberFilter) {
  account(id: $id) { members(page: $page, pageSize: $size, filter: $filter) {
    totalCount page pageCount
    items { role status since user { id email name status lastSignInAt }
      viewerCan { deactivate activate delete detach changeRole } } } } }`

func TestMembers_PagingAndFilters(t *testing.T) {
	t.Parallel()
	_, c, id := membersEnv(t)
	for _, tc := range []struct {
		name                      string
		vars                      apptest.Vars
		total, page, pages, items int
		first                     string
	}{
		{"default page of 10, Owner first", apptest.Vars{}, 25, 1, 3, 10, "owner@acme.test"},
		{"last page", apptest.Vars{"page": 3}, 25, 3, 3, 5, ""},
		{"past the end keeps the count", apptest.Vars{"page": 9}, 25, 9, 3, 0, ""},
		{"page size 100", apptest.Vars{"size": 100}, 25, 1, 1, 25, "owner@acme.test"},
		{"inactive", apptest.Vars{"filter": map[string]any{"status": "INACTIVE"}}, 5, 1, 1, 5, ""},
		{"finance managers", apptest.Vars{"filter": map[string]any{"role": "FINANCE_MANAGER"}}, 8, 1, 1, 8, ""},
		{"active finance managers", apptest.Vars{"filter": map[string]any{"role": "FINANCE_MANAGER", "status": "ACTIVE"}}, 6, 1, 1, 6, ""},
		{"search by name, any case", apptest.Vars{"filter": map[string]any{"search": "zed SEARCH"}}, 1, 1, 1, 1, "m07@acme.test"},
		{"search by email", apptest.Vars{"filter": map[string]any{"search": "M1"}}, 10, 1, 1, 10, ""},
		{"search wildcards are literal", apptest.Vars{"filter": map[string]any{"search": "%"}}, 0, 1, 0, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.vars["id"] = id
			r := c.Do(membersQuery, tc.vars).Must()
			require.EqualValues(t, tc.total, r.Get("account.members.totalCount"))
			require.EqualValues(t, tc.page, r.Get("account.members.page"))
			require.EqualValues(t, tc.pages, r.Get("account.members.pageCount"))
			items := r.Get("account.members.items").([]any)
			require.Len(t, items, tc.items)
			if tc.first != "" {
				require.Equal(t, tc.first, r.Get("account.members.items.0.user.email"))
			}
		})
	}
	for _, bad := range []apptest.Vars{{"size": 101}, {"size": 0}, {"page": 0}} {
		bad["id"] = id
		c.Do(membersQuery, bad).RequireCode("INVALID_INPUT")
	}
}

func TestMembers_ViewerCan(t *testing.T) {
	t.Parallel()
	_, c, id := membersEnv(t)
	r := c.Do(membersQuery, apptest.Vars{"id": id, "size": 100}).Must()
	can := map[string]map[string]any{}
	for _, it := range r.Get("account.members.items").([]any) {
		m := it.(map[string]any)
		can[m["user"].(map[string]any)["email"].(string)] = m["viewerCan"].(map[string]any)
	}
	none := map[string]any{"deactivate": false, "activate": false, "delete": false, "detach": false, "changeRole": false}
	require.Equal(t, none, can["owner@acme.test"], "the Owner's checkbox is greyed out")
	require.Equal(t, none, can["admin@acme.test"], "so is the viewer's own")
	require.Equal(t, map[string]any{"deactivate": false, "activate": true, "delete": true, "detach": true, "changeRole": true}, can["m00@acme.test"])
	require.Equal(t, map[string]any{"deactivate": true, "activate": false, "delete": true, "detach": true, "changeRole": true}, can["m01@acme.test"])
}

// TestMembers_StatementCount proves a members page costs a fixed number of
// SQL statements — the session, the account, the page — whatever its size
// and whichever fields are asked.
func TestMembers_StatementCount(t *testing.T) {
	t.Parallel()
	env, c, id := membersEnv(t)
	count := func(query string, vars apptest.Vars) int64 {
		before := env.Statements.Load()
		c.Do(query, vars).Must()
		return env.Statements.Load() - before
	}
	for _, size := range []int{5, 25} {
		require.LessOrEqual(t, count(membersQuery, apptest.Vars{"id": id, "size": size}), int64(3), "page size %d", size)
	}
	// Each member's memberships and their accounts: one more query each, not one per row.
	deep := `query($id: ID!, $size: Int) { account(id: $id) { name members(pageSize: $size) { items {
		user { email memberships { role status account { name } } } } } } }`
	small, large := count(deep, apptest.Vars{"id": id, "size": 2}), count(deep, apptest.Vars{"id": id, "size": 25})
	require.LessOrEqual(t, large, int64(5))
	require.Equal(t, small, large, "cost must not grow with the page size")
}
