package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rosterhq/roster/graph"
	"github.com/rosterhq/roster/graph/generated"
	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/member"
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
