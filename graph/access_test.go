package graph_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rosterhq/roster/graph/generated"
	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// accessDirectives are the directives of which every root field carries one.
var accessDirectives = []string{"public", "signedIn", "operator", "account"}

// publicFields are the root fields anyone may call. Adding one is a decision:
// it must be added here too.
var publicFields = map[string]bool{
	"Query.viewer": true, "Mutation.signIn": true,
	// Token-holders: the token is the credential.
	"Query.invitation": true, "Mutation.acceptInvitation": true, "Mutation.requestPasswordReset": true, "Mutation.resetPassword": true,
}

// signedInIsolation says, for each @signedIn root field, how a signed-in
// member of another tenant is kept away from tenant A's data. A new
// @signedIn field without an entry fails TestAccess_TenantIsolation.
var signedInIsolation = map[string]func(t *testing.T, f fixture, r *apptest.Response){
	// Checked with a fuller query in TestAccess_TenantIsolation: only Beta.
	"Query.accounts": func(t *testing.T, f fixture, r *apptest.Response) { r.Must() },
	"Query.user":     func(t *testing.T, f fixture, r *apptest.Response) { r.RequireCode("NOT_FOUND") },
	// The rest act on the caller only.
	"Mutation.signOut":        func(t *testing.T, f fixture, r *apptest.Response) { r.Must() },
	"Mutation.updateProfile":  func(t *testing.T, f fixture, r *apptest.Response) { r.Must() },
	"Mutation.changePassword": func(t *testing.T, f fixture, r *apptest.Response) { r.RequireCode("UNAUTHENTICATED") },
	// Alpha's members are invisible to Beta's admin.
	"Mutation.sendWelcomeEmail":       func(t *testing.T, f fixture, r *apptest.Response) { r.RequireCode("NOT_FOUND") },
	"Mutation.sendPasswordResetEmail": func(t *testing.T, f fixture, r *apptest.Response) { r.RequireCode("NOT_FOUND") },
}

type fixture struct {
	env                                *apptest.Env
	alpha, beta                        uuid.UUID
	owner, admin, finance, plain, idle user.User
	otherAdmin                         user.User
}

func newFixture(t *testing.T) fixture {
	env := apptest.New(t)
	alpha, beta, gamma := env.Account("Alpha"), env.Account("Beta"), env.Account("Gamma")
	f := fixture{env: env, alpha: alpha.ID, beta: beta.ID,
		owner: env.User("owner@alpha.test", false), admin: env.User("admin@alpha.test", false),
		finance: env.User("finance@alpha.test", false), plain: env.User("user@alpha.test", false),
		idle: env.User("idle@alpha.test", false), otherAdmin: env.User("admin@beta.test", false)}
	env.Member(alpha, f.owner, member.RoleOwner, member.StatusActive)
	env.Member(alpha, f.admin, member.RoleAdministrator, member.StatusActive)
	env.Member(alpha, f.finance, member.RoleFinanceManager, member.StatusActive)
	env.Member(alpha, f.plain, member.RoleUser, member.StatusActive)
	env.Member(alpha, f.idle, member.RoleAdministrator, member.StatusInactive)
	// The USER-role and the deactivated member can sign in through Gamma.
	env.Member(gamma, f.plain, member.RoleAdministrator, member.StatusActive)
	env.Member(gamma, f.idle, member.RoleAdministrator, member.StatusActive)
	env.Member(beta, f.otherAdmin, member.RoleOwner, member.StatusActive)
	env.User("op@roster.test", true)
	return f
}

type rootField struct {
	key, op    string
	def        *ast.FieldDefinition
	directive  *ast.Directive
	permission string
	query      string
}

func rootFields(t *testing.T, f fixture) []rootField {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	var out []rootField
	for _, op := range []*ast.Definition{schema.Query, schema.Mutation} {
		for _, def := range op.Fields {
			if strings.HasPrefix(def.Name, "__") {
				continue
			}
			key := op.Name + "." + def.Name
			var found []*ast.Directive
			for _, name := range accessDirectives {
				if d := def.Directives.ForName(name); d != nil {
					found = append(found, d)
				}
			}
			require.Len(t, found, 1, "%s must carry exactly one of @%s", key, strings.Join(accessDirectives, ", @"))
			rf := rootField{key: key, op: strings.ToLower(op.Name), def: def, directive: found[0]}
			accountArg := ""
			if rf.directive.Name == "account" {
				rf.permission = rf.directive.Arguments.ForName("permission").Value.Raw
				accountArg = "accountId"
				if a := rf.directive.Arguments.ForName("arg"); a != nil {
					accountArg = a.Value.Raw
				}
			}
			rf.query = buildQuery(schema, rf.op, def, accountArg, f)
			out = append(out, rf)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

// buildQuery calls the field with every required argument filled in so that
// it points at tenant Alpha.
func buildQuery(schema *ast.Schema, op string, def *ast.FieldDefinition, accountArg string, f fixture) string {
	var args []string
	for _, a := range def.Arguments {
		if a.Type.NonNull && a.DefaultValue == nil {
			args = append(args, a.Name+": "+literal(schema, a.Type, a.Name, accountArg, f))
		}
	}
	call := def.Name
	if len(args) > 0 {
		call += "(" + strings.Join(args, ", ") + ")"
	}
	if t := schema.Types[def.Type.Name()]; t.Kind == ast.Object || t.Kind == ast.Interface || t.Kind == ast.Union {
		call += " { __typename }"
	}
	return op + " { " + call + " }"
}

func literal(schema *ast.Schema, typ *ast.Type, name, accountArg string, f fixture) string {
	if typ.Elem != nil {
		return "[" + literal(schema, typ.Elem, name, accountArg, f) + "]"
	}
	switch def := schema.Types[typ.NamedType]; {
	case typ.NamedType == "ID":
		if name == accountArg || strings.Contains(strings.ToLower(name), "account") {
			return fmt.Sprintf("%q", f.alpha)
		}
		return fmt.Sprintf("%q", f.finance.ID)
	case typ.NamedType == "String":
		return `"someone@alpha.test"`
	case typ.NamedType == "Int":
		return "1"
	case typ.NamedType == "Boolean":
		return "true"
	case def.Kind == ast.Enum:
		return def.EnumValues[0].Name
	case def.Kind == ast.InputObject:
		var fields []string
		for _, fd := range def.Fields {
			if fd.Type.NonNull && fd.DefaultValue == nil {
				fields = append(fields, fd.Name+": "+literal(schema, fd.Type, fd.Name, accountArg, f))
			}
		}
		return "{" + strings.Join(fields, ", ") + "}"
	}
	panic("no literal for " + typ.String())
}

func TestAccess_EveryFieldHasOneDirective(t *testing.T) {
	t.Parallel()
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	for _, op := range []*ast.Definition{schema.Query, schema.Mutation} {
		for _, def := range op.Fields {
			if strings.HasPrefix(def.Name, "__") {
				continue
			}
			if def.Directives.ForName("public") != nil {
				require.True(t, publicFields[op.Name+"."+def.Name], "%s.%s is @public but not in publicFields", op.Name, def.Name)
			}
		}
	}
	// Fields of Account that expose its data are guarded themselves, so that
	// reaching an Account through another path (viewer.memberships) leaks nothing.
	// viewerCan, like viewerMembership, tells the viewer only about themselves.
	open := map[string]bool{"id": true, "name": true, "userDirectory": true, "requireDeactivationBeforeDelete": true, "createdAt": true,
		"viewerMembership": true, "viewerCan": true}
	for _, def := range schema.Types["Account"].Fields {
		if !open[def.Name] && !strings.HasPrefix(def.Name, "__") {
			d := def.Directives.ForName("account")
			require.NotNil(t, d, "Account.%s exposes account data: give it @account(permission: …, arg: \"parent\")", def.Name)
			require.Equal(t, "parent", d.Arguments.ForName("arg").Value.Raw, "Account.%s", def.Name)
		}
	}
}

func TestAccess_TenantIsolation(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	anon := f.env.Anon()
	for _, rf := range rootFields(t, f) {
		t.Run(rf.key, func(t *testing.T) {
			if rf.directive.Name == "public" {
				return
			}
			anon.Do(rf.query, nil).RequireCode("UNAUTHENTICATED")
			other := f.env.SignIn("admin@beta.test") // fresh: a field may end the session
			r := other.Do(rf.query, nil)
			switch rf.directive.Name {
			case "operator", "account":
				r.RequireCode("FORBIDDEN")
			case "signedIn":
				check, ok := signedInIsolation[rf.key]
				require.True(t, ok, "%s is @signedIn: add to signedInIsolation how another tenant is kept out", rf.key)
				if rf.key == "Query.accounts" {
					r = other.Do(`{ accounts { edges { node { name } } } }`, nil)
					require.Equal(t, []any{map[string]any{"node": map[string]any{"name": "Beta"}}}, r.Must().Get("accounts.edges"))
					return
				}
				check(t, f, r)
			}
		})
	}
}

// TestAccess_RoleMatrix calls every account-scoped field as members whose
// role or status does not grant its permission in Alpha.
func TestAccess_RoleMatrix(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	for _, tc := range []struct {
		who     string
		allowed map[string]bool // permissions held in Alpha
	}{
		{"finance@alpha.test", map[string]bool{"READ_ACCOUNT": true}},
		{"user@alpha.test", nil}, // role USER: no panel access to Alpha
		{"idle@alpha.test", nil}, // deactivated in Alpha
		{"admin@beta.test", nil}, // another tenant
	} {
		t.Run(tc.who, func(t *testing.T) {
			c := f.env.SignIn(tc.who)
			for _, rf := range rootFields(t, f) {
				if rf.directive.Name != "account" {
					continue
				}
				r := c.Do(rf.query, nil)
				if tc.allowed[rf.permission] {
					require.NotContains(t, []string{"FORBIDDEN", "UNAUTHENTICATED"}, r.Code(), "%s as %s", rf.key, tc.who)
				} else {
					r.RequireCode("FORBIDDEN")
				}
			}
		})
	}
}

// TestAccess_DeactivationEndsAccessAtOnce proves the membership is read on
// every request: the same token loses the account on its next request.
func TestAccess_DeactivationEndsAccessAtOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.env.SignIn("admin@alpha.test")
	q := `query($id: ID!) { account(id: $id) { members { totalCount } } }`
	c.Do(q, apptest.Vars{"id": f.alpha}).Must()
	// A member with panel access elsewhere keeps the session but not the account.
	gamma := apptest.Scalar[string](f.env, `SELECT id::text FROM accounts WHERE name = 'Gamma'`)
	f.env.Exec(`INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, 'ADMINISTRATOR')`, gamma, f.admin.ID)
	f.env.Exec(`UPDATE memberships SET status = 'INACTIVE' WHERE user_id = $1 AND account_id = $2`, f.admin.ID, f.alpha)
	c.Do(q, apptest.Vars{"id": f.alpha}).RequireCode("FORBIDDEN")
	// Without panel access anywhere, the session itself is worth nothing.
	f.env.Exec(`UPDATE memberships SET status = 'INACTIVE' WHERE user_id = $1 AND account_id = $2`, f.admin.ID, gamma)
	c.Do(q, apptest.Vars{"id": f.alpha}).RequireCode("UNAUTHENTICATED")
	require.Nil(t, c.Do(`{ viewer { id } }`, nil).Must().Data["viewer"])
	// Reactivation restores both.
	f.env.Exec(`UPDATE memberships SET status = 'ACTIVE' WHERE user_id = $1`, f.admin.ID)
	c.Do(q, apptest.Vars{"id": f.alpha}).Must()
	f.env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, f.admin.ID)
	c.Do(q, apptest.Vars{"id": f.alpha}).RequireCode("UNAUTHENTICATED")
}

// TestAccess_NestedPaths checks that data reached through nested fields is
// narrowed to what the viewer may read.
func TestAccess_NestedPaths(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	// plain is USER in Alpha and ADMINISTRATOR in Gamma: through their own
	// memberships they reach Alpha, but not its members.
	c := f.env.SignIn("user@alpha.test")
	r := c.Do(`{ viewer { memberships { role account { name members { totalCount } } } } }`, nil)
	require.NotEmpty(t, r.Errors)
	for _, e := range r.Errors {
		require.Equal(t, "FORBIDDEN", e.Extensions["code"])
	}
	// A Beta admin who is also in Alpha as FINANCE sees only the memberships of
	// Alpha's members in accounts they can read.
	fin := f.env.SignIn("finance@alpha.test")
	r = fin.Do(`query($id: ID!) { account(id: $id) { members(pageSize: 100) { items { user { email memberships { account { name } } } } } } }`,
		apptest.Vars{"id": f.alpha}).Must()
	for _, item := range r.Get("account.members.items").([]any) {
		for _, m := range item.(map[string]any)["user"].(map[string]any)["memberships"].([]any) {
			require.Equal(t, "Alpha", m.(map[string]any)["account"].(map[string]any)["name"], "Gamma must not show")
		}
	}
	// The user field: members of readable accounts yes, others no.
	fin.Do(`query($id: ID!) { user(id: $id) { email } }`, apptest.Vars{"id": f.owner.ID}).Must()
	fin.Do(`query($id: ID!) { user(id: $id) { email } }`, apptest.Vars{"id": f.otherAdmin.ID}).RequireCode("NOT_FOUND")
}
