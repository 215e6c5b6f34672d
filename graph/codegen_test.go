package graph_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/ast"
)

// The example codegen configuration shipped for client developers
// (docs/codegen.ts) must read the schema files gqlgen reads and map exactly
// the schema's custom scalars.
var (
	codegenSchema  = regexp.MustCompile(`(?m)^\s*schema:\s*'([^']+)'`)
	codegenScalars = regexp.MustCompile(`(?s)scalars:\s*\{(.*?)\}`)
	codegenScalar  = regexp.MustCompile(`(?m)^\s*(\w+):\s*'([^']+)'`)
	gqlgenSchema   = regexp.MustCompile(`(?m)^schema:\n((?:\s+- .+\n)+)`)
	gqlgenGlob     = regexp.MustCompile(`- (.+)`)
)

func TestSchema_CodegenExampleMatchesSchema(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../docs/codegen.ts")
	require.NoError(t, err)

	m := codegenSchema.FindSubmatch(src)
	require.NotNil(t, m, "docs/codegen.ts names a schema")
	files, err := filepath.Glob(filepath.Join("..", string(m[1])))
	require.NoError(t, err)
	require.NotEmpty(t, files, "the schema path %s exists (relative to the repository root)", m[1])

	raw, err := os.ReadFile("../gqlgen.yml")
	require.NoError(t, err)
	list := gqlgenSchema.FindSubmatch(raw)
	require.NotNil(t, list, "gqlgen.yml lists its schema files")
	var want []string
	for _, g := range gqlgenGlob.FindAllSubmatch(list[1], -1) {
		f, err := filepath.Glob(filepath.Join("..", string(g[1])))
		require.NoError(t, err)
		want = append(want, f...)
	}
	require.ElementsMatch(t, want, files, "codegen reads the files gqlgen reads")

	block := codegenScalars.FindSubmatch(src)
	require.NotNil(t, block, "docs/codegen.ts maps scalars")
	mapped := map[string]string{}
	for _, s := range codegenScalar.FindAllSubmatch(block[1], -1) {
		mapped[string(s[1])] = string(s[2])
	}
	custom := map[string]string{}
	for name, def := range schema(t).Types {
		if def.Kind == ast.Scalar && !def.BuiltIn && !builtIn[name] {
			custom[name] = mapped[name]
			require.NotNil(t, def.Directives.ForName("specifiedBy"), "scalar %s links its specification", name)
			require.NotEmpty(t, def.Description, "scalar %s documents its format", name)
		}
	}
	require.Equal(t, map[string]string{"Time": "string", "Map": "Record<string, unknown>"}, custom)
	require.Equal(t, custom, mapped, "codegen maps exactly the custom scalars")
}
