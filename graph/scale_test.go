package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// scaleEnv is an account of 1,250 members — more than the depth past which
// pages are read from the end — with every role and status, shared names,
// globally INACTIVE users, a renamed user and a removed member, plus 300
// users in no account and a second account.
func scaleEnv(t *testing.T) (*apptest.Env, *apptest.Client, string, string) {
	t.Helper()
	env := apptest.New(t)
	env.User("op@roster.test", true)
	big, small := env.Account("Big"), env.Account("Small")
	env.Exec(`INSERT INTO users (email, name)
		SELECT format('m%s@big.test', lpad(i::text, 4, '0')), CASE WHEN i % 7 = 0 THEN 'Same Name' ELSE format('Member %s', 1250 - i) END
		FROM generate_series(1, 1250) i`)
	env.Exec(`INSERT INTO users (email, name) SELECT format('loner%s@solo.test', i), format('Loner %s', i) FROM generate_series(1, 300) i`)
	env.Exec(`INSERT INTO memberships (account_id, user_id, role, status)
		SELECT $1, id, CASE WHEN email = 'm0001@big.test' THEN 'OWNER' ELSE (ARRAY['ADMINISTRATOR','FINANCE_MANAGER','USER','USER'])[1 + abs(hashtext(email)) % 4] END,
			CASE WHEN email <> 'm0001@big.test' AND abs(hashtext(email || 's')) % 9 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END
		FROM users WHERE email LIKE '%@big.test'`, big.ID)
	env.Exec(`INSERT INTO memberships (account_id, user_id, role)
		SELECT $1, id, CASE WHEN email = 'm0002@big.test' THEN 'OWNER' ELSE 'USER' END FROM users WHERE email ~ '^m00[0-4]'`, small.ID)
	// Changes after the rows exist: the sort keys and counters must follow.
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE email ~ '^m0[0-9]*5@'`)
	env.Exec(`UPDATE users SET name = 'Aaron Renamed' WHERE email = 'm0777@big.test'`)
	env.Exec(`DELETE FROM memberships WHERE account_id = $1 AND user_id = (SELECT id FROM users WHERE email = 'm0778@big.test')`, big.ID)
	env.Exec(`UPDATE memberships SET status = 'INACTIVE' WHERE account_id = $1 AND user_id = (SELECT id FROM users WHERE email = 'm0779@big.test')`, big.ID)
	return env, env.SignIn("op@roster.test"), big.ID.String(), small.ID.String()
}

func emails(t *testing.T, env *apptest.Env, sql string, args ...any) []any {
	t.Helper()
	rows, err := env.Pool.Query(context.Background(), sql, args...)
	require.NoError(t, err)
	list, err := pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	out := make([]any, len(list))
	for i, e := range list {
		out[i] = e
	}
	return out
}

// TestMembers_PagesMatchReference compares every filter's pages — first,
// middle, deep (read from the end), last and past the end — and totals with
// a plain join-and-sort over the same rows.
func TestMembers_PagesMatchReference(t *testing.T) {
	t.Parallel()
	env, op, big, _ := scaleEnv(t)
	const q = `query($a: ID!, $p: Int, $s: Int, $f: MemberFilter) { account(id: $a) { members(page: $p, pageSize: $s, filter: $f) {
		totalCount pageCount page items { user { email } } } } }`
	filters := []struct {
		name string
		f    map[string]any
		cond string
	}{
		{"none", nil, "TRUE"},
		{"active", map[string]any{"status": "ACTIVE"}, "m.status = 'ACTIVE' AND u.status = 'ACTIVE'"},
		{"inactive (in the account or platform-wide)", map[string]any{"status": "INACTIVE"}, "(m.status = 'INACTIVE' OR u.status = 'INACTIVE')"},
		{"owner", map[string]any{"role": "OWNER"}, "m.role = 'OWNER'"},
		{"user", map[string]any{"role": "USER"}, "m.role = 'USER'"},
		{"admin inactive", map[string]any{"role": "ADMINISTRATOR", "status": "INACTIVE"}, "m.role = 'ADMINISTRATOR' AND (m.status = 'INACTIVE' OR u.status = 'INACTIVE')"},
		{"search name", map[string]any{"search": " member 12"}, "(lower(u.name) LIKE '%member 12%' OR u.email LIKE '%member 12%')"},
		{"search email", map[string]any{"search": "M01"}, "(lower(u.name) LIKE '%m01%' OR u.email LIKE '%m01%')"},
		{"search renamed", map[string]any{"search": "aaron", "status": "ACTIVE"}, "lower(u.name) LIKE '%aaron%' AND m.status = 'ACTIVE' AND u.status = 'ACTIVE'"},
		{"search wildcard", map[string]any{"search": "%"}, "FALSE"},
		{"search underscore", map[string]any{"search": "_"}, "FALSE"},
	}
	for _, fc := range filters {
		want := emails(t, env, `SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
			WHERE m.account_id = $1 AND `+fc.cond+` ORDER BY m.role = 'OWNER' DESC, lower(u.name), u.email`, big)
		for _, size := range []int{10, 100} {
			last := max(1, (len(want)+size-1)/size)
			for _, p := range []int{1, 2, last / 2, last - 10, last - 1, last, last + 1} {
				if p < 1 {
					continue
				}
				r := op.Do(q, apptest.Vars{"a": big, "p": p, "s": size, "f": fc.f}).Must()
				from, to := min(len(want), (p-1)*size), min(len(want), p*size)
				got := []any{}
				for _, it := range r.Get("account.members.items").([]any) {
					got = append(got, it.(map[string]any)["user"].(map[string]any)["email"])
				}
				require.Equal(t, want[from:to], got, "%s: page %d of %d", fc.name, p, size)
				require.EqualValues(t, len(want), r.Get("account.members.totalCount"), "%s: total", fc.name)
				require.EqualValues(t, (len(want)+size-1)/size, r.Get("account.members.pageCount"), "%s", fc.name)
			}
		}
	}
	// Folding the counters' deltas changes no total.
	_, err := member.CompactCounts(context.Background(), env.Pool)
	require.NoError(t, err)
	require.Equal(t, 2, apptest.Scalar[int](env, `SELECT count(*) FROM membership_counts WHERE account_id = $1 AND role = 'USER' AND status = 'ACTIVE'`, big),
		"one folded row per global status")
	r := op.Do(q, apptest.Vars{"a": big, "p": 1, "s": 10, "f": map[string]any{"role": "USER", "status": "ACTIVE"}}).Must()
	require.EqualValues(t, apptest.Scalar[int](env, `SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.account_id = $1 AND m.role = 'USER' AND m.status = 'ACTIVE' AND u.status = 'ACTIVE'`, big),
		r.Get("account.members.totalCount"))
}

// TestUsers_ExplorerMatchesReference walks every page of the explorer, for
// each filter, and compares it and its total with a plain query.
func TestUsers_ExplorerMatchesReference(t *testing.T) {
	t.Parallel()
	env, op, big, small := scaleEnv(t)
	const q = `query($f: UserFilter, $after: String) { users(filter: $f, first: 100, after: $after) {
		totalCount totalCountExact edges { node { email } } pageInfo { hasNextPage endCursor } } }`
	in := func(cond string) string {
		return "EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND " + cond + ")"
	}
	filters := []struct {
		name string
		f    map[string]any
		cond string
	}{
		{"none", nil, "TRUE"},
		{"inactive", map[string]any{"status": "INACTIVE"}, "u.status = 'INACTIVE'"},
		{"active", map[string]any{"status": "ACTIVE"}, "u.status = 'ACTIVE'"},
		{"account", map[string]any{"accountId": big}, in("m.account_id = '" + big + "'")},
		{"account role", map[string]any{"accountId": big, "role": "FINANCE_MANAGER"}, in("m.account_id = '" + big + "' AND m.role = 'FINANCE_MANAGER'")},
		{"account active", map[string]any{"accountId": big, "status": "ACTIVE"}, "u.status = 'ACTIVE' AND " + in("m.account_id = '"+big+"'")},
		{"account inactive", map[string]any{"accountId": small, "status": "INACTIVE"}, "u.status = 'INACTIVE' AND " + in("m.account_id = '"+small+"'")},
		{"role in two accounts", map[string]any{"role": "USER"}, in("m.role = 'USER'")},
		{"role owner", map[string]any{"role": "OWNER"}, in("m.role = 'OWNER'")},
		{"role inactive", map[string]any{"role": "USER", "status": "INACTIVE"}, "u.status = 'INACTIVE' AND " + in("m.role = 'USER'")},
		{"search", map[string]any{"search": "Loner 1"}, "(lower(u.name) LIKE '%loner 1%' OR u.email LIKE '%loner 1%')"},
		{"search account", map[string]any{"search": "same", "accountId": small}, "lower(u.name) LIKE '%same%' AND " + in("m.account_id = '"+small+"'")},
		{"search role active", map[string]any{"search": "m01", "role": "ADMINISTRATOR", "status": "ACTIVE"},
			"u.email LIKE '%m01%' AND u.status = 'ACTIVE' AND " + in("m.role = 'ADMINISTRATOR'")},
	}
	for _, fc := range filters {
		t.Run(fc.name, func(t *testing.T) {
			want := emails(t, env, `SELECT u.email FROM users u WHERE `+fc.cond+` ORDER BY u.email`)
			var got []any
			vars := apptest.Vars{"f": fc.f}
			for pages := 0; ; pages++ {
				require.Less(t, pages, 30)
				r := op.Do(q, vars).Must()
				for _, e := range r.Get("users.edges").([]any) {
					got = append(got, e.(map[string]any)["node"].(map[string]any)["email"])
				}
				require.EqualValues(t, len(want), r.Get("users.totalCount"))
				require.Equal(t, true, r.Get("users.totalCountExact"))
				if r.Get("users.pageInfo.hasNextPage") != true {
					break
				}
				vars["after"] = r.Get("users.pageInfo.endCursor")
			}
			require.Equal(t, want, got)
		})
	}
	_, err := user.CompactCounts(context.Background(), env.Pool)
	require.NoError(t, err)
	require.EqualValues(t, apptest.Scalar[int](env, `SELECT count(*) FROM users WHERE status = 'INACTIVE'`),
		op.Do(q, apptest.Vars{"f": map[string]any{"status": "INACTIVE"}}).Must().Get("users.totalCount"))
}

// TestUsers_CountBound shows a search past db.CountBound matches as a
// flagged lower bound, and accounts likewise.
func TestUsers_CountBound(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.User("op@roster.test", true)
	env.Exec(`INSERT INTO users (email, name) SELECT format('many%s@bound.test', i), 'Many' FROM generate_series(1, $1::int) i`, db.CountBound+1)
	env.Exec(`INSERT INTO accounts (name) SELECT format('Many %s', i) FROM generate_series(1, $1::int) i`, db.CountBound+1)
	op := env.SignIn("op@roster.test")
	cases := []struct {
		query, path string
		exact       bool
		n           int
	}{
		{`{ users(filter: {search: "bound"}, first: 1) { totalCount totalCountExact } }`, "users", false, db.CountBound},
		{`{ users(first: 1) { totalCount totalCountExact } }`, "users", true, db.CountBound + 2},
		{`{ users(filter: {search: "many999@"}, first: 1) { totalCount totalCountExact } }`, "users", true, 1},
		{`{ accounts(first: 1) { totalCount totalCountExact } }`, "accounts", true, db.CountBound + 1},
		{`{ accounts(search: "many", first: 1) { totalCount totalCountExact } }`, "accounts", false, db.CountBound},
		{`{ accounts(search: "many 100", first: 1) { totalCount totalCountExact } }`, "accounts", true, 3}, // 100, 1000, 1001
	}
	for _, c := range cases {
		r := op.Do(c.query, nil).Must()
		require.EqualValues(t, c.n, r.Get(c.path+".totalCount"), c.query)
		require.Equal(t, c.exact, r.Get(c.path+".totalCountExact"), c.query)
	}
}

// TestCounts_FollowEveryChange makes every kind of change the counters must
// follow — users deactivated and reactivated, a user deleted with their
// memberships, roles and statuses changed, memberships removed — then checks
// the counters against the rows, before and after folding.
func TestCounts_FollowEveryChange(t *testing.T) {
	t.Parallel()
	env, _, big, small := scaleEnv(t)
	env.Exec(`UPDATE users SET status = 'ACTIVE' WHERE email ~ '^m00[0-9]5@'`)
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE email IN ('m0003@big.test', 'm0004@big.test')`)
	env.Exec(`DELETE FROM users WHERE email IN ('m0003@big.test', 'm0010@big.test')`)
	env.Exec(`UPDATE memberships SET role = 'FINANCE_MANAGER' WHERE account_id = $1 AND role = 'USER' AND sort_email LIKE 'm02%'`, big)
	env.Exec(`UPDATE memberships SET status = 'INACTIVE' WHERE account_id = $1 AND role = 'USER'`, small)
	env.Exec(`DELETE FROM memberships WHERE account_id = $1 AND sort_email LIKE 'm09%'`, big)
	drift := countersDrift
	const userDrift = `SELECT count(*) FROM (SELECT status, count(*) AS n FROM users GROUP BY 1) real
		FULL JOIN (SELECT status, sum(n) AS n FROM user_counts GROUP BY 1 HAVING sum(n) <> 0) kept USING (status)
		WHERE real.n IS DISTINCT FROM kept.n`
	require.Zero(t, apptest.Scalar[int](env, drift))
	require.Zero(t, apptest.Scalar[int](env, userDrift))
	require.Zero(t, apptest.Scalar[int](env, userStatusDrift))
	_, err := member.CompactCounts(context.Background(), env.Pool)
	require.NoError(t, err)
	_, err = user.CompactCounts(context.Background(), env.Pool)
	require.NoError(t, err)
	require.Zero(t, apptest.Scalar[int](env, drift))
	require.Zero(t, apptest.Scalar[int](env, userDrift))
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM membership_counts WHERE NOT folded`))
	require.Equal(t, 2, apptest.Scalar[int](env, `SELECT count(*) FROM user_counts`), "one folded row per status")
	_, err = account.CompactCounts(context.Background(), env.Pool)
	require.NoError(t, err)
	require.Equal(t, apptest.Scalar[int](env, `SELECT count(*) FROM accounts`), apptest.Scalar[int](env, `SELECT sum(n)::int FROM account_counts`))
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM account_counts`), "one folded row")
}

// countersDrift counts the (account, role, status, global status) groups
// whose maintained count differs from the rows.
const countersDrift = `SELECT count(*) FROM (
		SELECT m.account_id, m.role, m.status, u.status AS user_status, count(*) AS n
		FROM memberships m JOIN users u ON u.id = m.user_id GROUP BY 1, 2, 3, 4) real
	FULL JOIN (
		SELECT account_id, role, status, user_status, sum(n) AS n FROM membership_counts GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0) kept
	USING (account_id, role, status, user_status)
	WHERE real.n IS DISTINCT FROM kept.n`

// userStatusDrift counts the memberships whose copy of their user's global
// status (memberships.user_status, migration 0008) is stale.
const userStatusDrift = `SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_status <> u.status`

// TestLists_BadSizesAndSearches sends what a stranger might: page numbers
// past any account, overlong search terms and LIKE wildcards; each gets
// INVALID_INPUT or an honest empty answer, never INTERNAL.
func TestLists_BadSizesAndSearches(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.User("op@roster.test", true)
	acct := env.Account("Acme")
	op := env.SignIn("op@roster.test")
	long := strings.Repeat("ab", db.MaxSearchLength)
	cases := []struct {
		name, query string
		vars        apptest.Vars
		code        string
	}{
		{"page past the end", `query($a: ID!) { account(id: $a) { members(page: 999999) { totalCount items { role } } } }`, apptest.Vars{"a": acct.ID}, ""},
		{"page too large", `query($a: ID!) { account(id: $a) { members(page: 2147483647, pageSize: 100) { totalCount } } }`, apptest.Vars{"a": acct.ID}, "INVALID_INPUT"},
		{"members search too long", `query($a: ID!, $s: String) { account(id: $a) { members(filter: {search: $s}) { totalCount } } }`, apptest.Vars{"a": acct.ID, "s": long}, "INVALID_INPUT"},
		{"users search too long", `query($s: String) { users(filter: {search: $s}) { totalCount } }`, apptest.Vars{"s": long}, "INVALID_INPUT"},
		{"users search too long, edges only", `query($s: String) { users(filter: {search: $s}) { edges { cursor } } }`, apptest.Vars{"s": long}, "INVALID_INPUT"},
		{"accounts search too long", `query($s: String) { accounts(search: $s) { totalCount } }`, apptest.Vars{"s": long}, "INVALID_INPUT"},
		{"wildcards are literal", `{ users(filter: {search: "%_\\"}) { totalCount totalCountExact edges { cursor } } }`, nil, ""},
	}
	for _, c := range cases {
		r := op.Do(c.query, c.vars)
		if c.code == "" {
			r.Must()
			continue
		}
		r.RequireCode(c.code)
	}
}
