package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
)

// TestComplexity_SearchesAndCountsWeighed sends hundreds of aliases of a
// one-item page that each run a search or a count: every alias is a
// statement (a search, an exact count over the whole account), so they
// weigh more than the one value they return, and the request is refused
// under the default limit. One search with its count still passes.
func TestComplexity_SearchesAndCountsWeighed(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	acct := seedAccount(env)
	env.User("op@roster.test", true)
	admin := env.SignIn("admin@acme.test")
	op := env.SignIn("op@roster.test")

	aliases := func(n int, field string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, " a%d: %s", i, strings.ReplaceAll(field, "%d", fmt.Sprint(i)))
		}
		return b.String()
	}
	for _, tc := range []struct {
		name   string
		client *apptest.Client
		query  string
	}{
		{"member searches", admin, `query($a: ID!) { account(id: $a) {` +
			aliases(300, `members(pageSize: 1, filter: {search: "x%d"}) { totalCount }`) + `} }`},
		{"member pages", admin, `query($a: ID!) { account(id: $a) {` +
			aliases(1000, `members(pageSize: 1) { totalCount }`) + `} }`},
		{"user searches", op, `query {` + aliases(300, `users(first: 1, filter: {search: "x%d"}) { totalCount }`) + `}`},
		{"account searches", op, `query {` + aliases(300, `accounts(first: 1, search: "x%d") { totalCount }`) + `}`},
		{"invitation counts", admin, `query($a: ID!) { account(id: $a) {` +
			aliases(1000, `invitations(first: 1) { totalCount }`) + `} }`},
	} {
		r := tc.client.Do(tc.query, apptest.Vars{"a": acct}).RequireCode("LIMIT_EXCEEDED")
		require.Contains(t, r.Errors[0].Message, "complexity", tc.name)
	}

	// The admin app's search with its count, and a page of the explorer.
	admin.Do(`query($a: ID!) { account(id: $a) { members(pageSize: 100, filter: {search: "acme"}) { totalCount pageCount
		items { role status user { id email name } } } } }`, apptest.Vars{"a": acct}).Must()
	op.Do(`{ users(first: 100, filter: {search: "acme"}) { totalCount totalCountExact edges { node { id email name } } }
		accounts(first: 100, search: "ac") { totalCount totalCountExact edges { node { id name } } } }`, nil).Must()
}

// TestComplexity_BulkArgumentsWeighed sends aliased copies of bulk
// mutations, each with 100 ids and selecting next to nothing: every id is
// work (a lock, the rules, a write, an audit event, a webhook), so an
// account administrator cannot toggle thousands of members in one request,
// nor an operator delete thousands of users. One full bulk call still passes.
func TestComplexity_BulkArgumentsWeighed(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	admin, op := env.SignIn("admin@acme.test"), env.SignIn("op@roster.test")
	hundred := make([]string, 100)
	for i := range hundred {
		hundred[i] = uuid.NewString()
	}
	var toggles, deletes strings.Builder
	toggles.WriteString(`mutation($a: ID!, $u: [ID!]!) {`)
	deletes.WriteString(`mutation($u: [ID!]!) {`)
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&toggles, ` d%d: deactivateMembers(accountId: $a, userIds: $u) { __typename } a%d: activateMembers(accountId: $a, userIds: $u) { __typename }`, i, i)
		fmt.Fprintf(&deletes, ` d%d: deleteUsers(userIds: $u) { __typename }`, i)
	}
	toggles.WriteString("}")
	deletes.WriteString("}")
	for name, tc := range map[string]struct {
		c     *apptest.Client
		query string
	}{"member toggles": {admin, toggles.String()}, "user deletions": {op, deletes.String()}} {
		r := tc.c.Do(tc.query, apptest.Vars{"a": tm.acct.ID, "u": hundred}).RequireCode("LIMIT_EXCEEDED")
		require.Contains(t, r.Errors[0].Message, "complexity", name)
	}
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action LIKE 'member.%'`))

	// One bulk call of 100 with its whole payload still passes.
	op.Do(deactivateUsers, apptest.Vars{"u": hundred, "c": true}).Must()
	admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": hundred}).Must()
}
