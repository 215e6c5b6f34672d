package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

// TestCounts_SurviveTruncateAndCascades empties and moves the counted
// tables the ways an operator's SQL can — a membership moved to another
// account and user, an account deleted with its memberships, TRUNCATE of
// memberships, then of accounts and users (CASCADE) — and reads the totals
// over HTTP: each equals the rows, never a count of rows long gone.
func TestCounts_SurviveTruncateAndCascades(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	acct := seedAccount(env)
	other := env.Account("Other")
	env.Member(other, env.User("x@other.test", false), member.RoleOwner, member.StatusActive)
	env.User("op@roster.test", true)
	op := env.SignIn("op@roster.test")
	total := func(q string, vars apptest.Vars) float64 {
		t.Helper()
		r := op.Do(q, vars).Must()
		for _, v := range r.Data {
			for v != nil {
				m, ok := v.(map[string]any)
				if !ok {
					break
				}
				if n, ok := m["totalCount"].(float64); ok {
					return n
				}
				for _, inner := range m {
					v = inner
				}
			}
		}
		t.Fatalf("no totalCount in %v", r.Data)
		return 0
	}
	members := func(a string) float64 {
		return total(`query($a: ID!) { account(id: $a) { members { totalCount } } }`, apptest.Vars{"a": a})
	}
	users := func() float64 { return total(`{ users(first: 1) { totalCount } }`, nil) }
	accounts := func() float64 { return total(`{ accounts(first: 1) { totalCount } }`, nil) }

	before := members(acct)
	require.Positive(t, before)
	// A membership moved to another account and another user.
	env.Exec(`UPDATE memberships SET account_id = $1, user_id = (SELECT id FROM users WHERE email = 'op@roster.test')
		WHERE account_id = $2 AND role <> 'OWNER' AND user_id = (SELECT user_id FROM memberships WHERE account_id = $2 AND role <> 'OWNER' LIMIT 1)`, other.ID, acct)
	require.Equal(t, before-1, members(acct))
	require.EqualValues(t, 2, members(other.ID.String()))
	// An account deleted with its memberships.
	env.Exec(`DELETE FROM accounts WHERE id = $1`, other.ID)
	require.EqualValues(t, 1, accounts())

	env.Exec(`TRUNCATE memberships CASCADE`)
	require.Zero(t, members(acct), "members after TRUNCATE memberships")
	env.Exec(`TRUNCATE accounts, users CASCADE`)
	env.User("op2@roster.test", true)
	op = env.SignIn("op2@roster.test")
	require.EqualValues(t, 1, users(), "users after TRUNCATE users")
	require.Zero(t, accounts(), "accounts after TRUNCATE accounts")
	require.Zero(t, apptest.Scalar[int](env, countersDrift))
}
