package graph

import (
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rosterhq/roster/graph/generated"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/member"
)

// AccessPrefix starts the sentence that every field with an access directive
// ends its description with.
const AccessPrefix = "Access: "

// The schema the handler serves is gqlgen's parsed schema, one per process:
// its descriptions are completed once, before any request can read them.
func init() {
	documentAccess(generated.NewExecutableSchema(generated.Config{}).Schema())
}

// documentAccess appends to the description of every field that carries an
// access directive (@public, @signedIn, @operator, @account) a sentence
// saying who may use it, derived from the directive and the permission
// matrix, so that the explorer shows the rule the server enforces. It is
// idempotent.
func documentAccess(s *ast.Schema) {
	for _, t := range s.Types {
		for _, f := range t.Fields {
			sentence := accessSentence(f)
			if sentence == "" || strings.Contains(f.Description, AccessPrefix) {
				continue
			}
			f.Description = strings.TrimSpace(strings.TrimSpace(f.Description) + "\n\n" + sentence)
		}
	}
}

// accessSentence says who may use the field, or returns "" when it carries
// no access directive.
func accessSentence(f *ast.FieldDefinition) string {
	switch {
	case f.Directives.ForName("public") != nil:
		return AccessPrefix + "anyone, signed in or not."
	case f.Directives.ForName("signedIn") != nil:
		return AccessPrefix + "any signed-in user; what they see or may change is narrowed to what their accounts allow."
	case f.Directives.ForName("operator") != nil:
		return AccessPrefix + "platform operators only."
	}
	d := f.Directives.ForName("account")
	if d == nil {
		return ""
	}
	perm, arg := "", "accountId"
	if a := d.Arguments.ForName("permission"); a != nil {
		perm = a.Value.Raw
	}
	if a := d.Arguments.ForName("arg"); a != nil {
		arg = a.Value.Raw
	}
	var roles []string
	for _, r := range []member.Role{member.RoleOwner, member.RoleAdministrator, member.RoleFinanceManager, member.RoleUser} {
		if auth.RoleHas(r, auth.Permission(perm)) {
			roles = append(roles, string(r))
		}
	}
	which := fmt.Sprintf("the account given by %s", arg)
	if arg == "parent" {
		which = "this account"
	}
	return fmt.Sprintf("%sACTIVE members of %s whose role holds %s (%s), and platform operators.",
		AccessPrefix, which, perm, strings.Join(roles, ", "))
}
