package graph_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	gqlast "github.com/vektah/gqlparser/v2/ast"

	"github.com/rosterhq/roster/graph/generated"
	"github.com/rosterhq/roster/internal/apperr"
)

// schema returns the executable schema's AST, as the handler serves it.
func schema(t *testing.T) *gqlast.Schema {
	t.Helper()
	return generated.NewExecutableSchema(generated.Config{}).Schema()
}

// declaredCodes returns the values of every constant of type Code that
// internal/apperr declares, read from its source so that a new constant
// cannot be missed by forgetting it in apperr.Codes.
func declaredCodes(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../internal/apperr/apperr.go", nil, 0)
	require.NoError(t, err)
	var out []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "Code" {
				continue
			}
			for _, val := range v.Values {
				lit, ok := val.(*ast.BasicLit)
				require.True(t, ok, "apperr codes are string literals")
				s, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				out = append(out, s)
			}
		}
	}
	return out
}

func TestSchema_ErrorCodeEnumMatchesApperr(t *testing.T) {
	t.Parallel()
	enum := schema(t).Types["ErrorCode"]
	require.NotNil(t, enum, "the schema has an ErrorCode enum")
	var values []string
	for _, v := range enum.EnumValues {
		values = append(values, v.Name)
		require.NotEmpty(t, strings.TrimSpace(v.Description), "ErrorCode.%s is documented", v.Name)
	}
	var listed []string
	for _, c := range apperr.Codes() {
		listed = append(listed, string(c))
	}
	require.ElementsMatch(t, declaredCodes(t), listed, "apperr.Codes lists every Code constant")
	require.ElementsMatch(t, listed, values, "ErrorCode has exactly apperr's codes")

	for _, f := range []struct{ typ, field string }{{"ItemError", "code"}, {"RejectedAddress", "code"}} {
		def := schema(t).Types[f.typ].Fields.ForName(f.field)
		require.NotNil(t, def)
		require.Equal(t, "ErrorCode!", def.Type.String(), "%s.%s", f.typ, f.field)
	}
}

// errorCodesSentence finds the codes a description lists after "Error codes:"
// and "Per item (…):".
var errorCodesSentence = regexp.MustCompile(`(?:Error codes|Per item \([^)]*\)): ([A-Z_, ]+)\.`)

func TestSchema_MutationsListTheirErrorCodes(t *testing.T) {
	t.Parallel()
	s := schema(t)
	known := map[string]bool{}
	for _, v := range s.Types["ErrorCode"].EnumValues {
		known[v.Name] = true
	}
	for _, f := range s.Mutation.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			t.Parallel()
			require.Contains(t, f.Description, "Error codes: ", "the description lists the codes")
			for _, m := range errorCodesSentence.FindAllStringSubmatch(f.Description, -1) {
				for _, code := range strings.Split(m[1], ", ") {
					require.True(t, known[code], "%q is an ErrorCode value", code)
				}
			}
		})
	}
}
