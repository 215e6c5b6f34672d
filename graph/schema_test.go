package graph_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	gqlast "github.com/vektah/gqlparser/v2/ast"

	"github.com/rosterhq/roster/graph/generated"
	"github.com/rosterhq/roster/graph/model"
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

func TestSchema_MutationsReturnPayloads(t *testing.T) {
	t.Parallel()
	s := schema(t)
	for _, f := range s.Mutation.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		require.True(t, f.Type.NonNull && f.Type.Elem == nil, "%s returns a non-null object", f.Name)
		require.True(t, strings.HasSuffix(f.Type.Name(), "Payload"), "%s returns a …Payload type, not %s", f.Name, f.Type)
		require.Equal(t, gqlast.Object, s.Types[f.Type.Name()].Kind, f.Name)
	}
}

// auditLiteral matches the string literals that name an audit action.
var auditLiteral = regexp.MustCompile(`^(account|credential|invitation|member|notification|recipients|seed|user|webhook)\.[a-z_]+$`)

// recordedActions returns every audit action literal in the non-test Go
// sources of the directories.
func recordedActions(t *testing.T, dirs ...string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil && auditLiteral.MatchString(s) {
						out[s] = true
					}
				}
				return true
			})
			return nil
		})
		require.NoError(t, err)
	}
	return out
}

func TestSchema_AuditActionEnum(t *testing.T) {
	t.Parallel()
	known := map[string]bool{}
	var names []string
	for _, a := range model.AuditActions {
		known[string(a)] = true
		names = append(names, a.EnumName())
	}
	var values []string
	for _, v := range schema(t).Types["AuditAction"].EnumValues {
		values = append(values, v.Name)
	}
	require.ElementsMatch(t, names, values, "AuditAction has exactly model.AuditActions")
	recorded := recordedActions(t, "../internal", "../jobs")
	require.NotEmpty(t, recorded)
	for a := range recorded {
		require.True(t, known[a], "the code records %q: add it to model.AuditActions and the AuditAction enum", a)
	}

	for _, tc := range []struct {
		stored model.AuditAction
		enum   string
	}{{"member.role_changed", "MEMBER_ROLE_CHANGED"}, {"user.password_reset_email_sent", "USER_PASSWORD_RESET_EMAIL_SENT"}} {
		var b strings.Builder
		tc.stored.MarshalGQL(&b)
		require.Equal(t, strconv.Quote(tc.enum), b.String())
		var back model.AuditAction
		require.NoError(t, back.UnmarshalGQL(tc.enum))
		require.Equal(t, tc.stored, back)
	}
	var bad model.AuditAction
	require.Error(t, bad.UnmarshalGQL("NO_SUCH_ACTION"))
}
