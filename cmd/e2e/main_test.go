package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEnvironWithout_DropsOnlyTheNamedVariables(t *testing.T) {
	t.Setenv("E2E_TEST_DROP", "x")
	t.Setenv("E2E_TEST_DROP_NOT", "y")
	env := environWithout("E2E_TEST_DROP")
	require.NotContains(t, env, "E2E_TEST_DROP=x")
	require.Contains(t, env, "E2E_TEST_DROP_NOT=y")
}

func TestTail_KeepsTheLastLines(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "log")
	require.NoError(t, os.WriteFile(path, []byte("one\ntwo\nthree\nfour\n"), 0o600))
	tests := []struct {
		n    int
		want string
	}{
		{2, "  three\n  four\n"},
		{10, "  one\n  two\n  three\n  four\n"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, tail(path, tt.n))
	}
	require.True(t, strings.Contains(tail(filepath.Join(t.TempDir(), "missing"), 3), "no such file"))
}

func TestFreePort_ReturnsALoopbackPort(t *testing.T) {
	t.Parallel()
	port, err := freePort()
	require.NoError(t, err)
	require.Positive(t, port)
}

func TestNode_NeedsAScript(t *testing.T) {
	t.Parallel()
	code, err := node(t.Context(), t.TempDir(), "http://127.0.0.1:1", nil)
	require.Equal(t, 2, code)
	require.ErrorContains(t, err, "-node needs the script")
}
