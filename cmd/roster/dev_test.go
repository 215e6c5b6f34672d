package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	return ln.Addr().String()
}

// TestDev_SecondInstanceLeavesTheFirstAlone runs `roster dev` with its
// private PostgreSQL, then starts it twice more: on the same address and, on
// another address, with the same cluster. Both stop at once saying another
// `roster dev` runs, print no banner, and the first keeps working.
func TestDev_SecondInstanceLeavesTheFirstAlone(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Chmod(filepath.Dir(dir), 0o755)) // the postgres OS user must enter it when we are root
	devClusterDir = filepath.Join(dir, "pg")
	t.Cleanup(func() { devClusterDir = filepath.Join(".roster", "pg") })
	addr := freeAddr(t)
	t.Setenv("DATABASE_URL", "")
	t.Setenv("LISTEN_ADDR", addr)
	t.Setenv("SMTP_URL", "")
	t.Setenv("LOG_LEVEL", "error")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	var first strings.Builder
	go func() { done <- run(ctx, []string{"dev"}, nil, &first) }()
	base := "http://" + addr
	signIn := func() bool {
		resp, err := http.Post(base+"/graphql", "application/json",
			strings.NewReader(`{"query":"mutation { signIn(email: \"admin@acme.test\", password: \"roster-demo-2026\") { token } }"}`))
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode == 200 && strings.Contains(string(body), `"token"`) && !strings.Contains(string(body), `"errors"`)
	}
	require.Eventually(t, signIn, 120*time.Second, 100*time.Millisecond, "the first roster dev serves")

	// Same address: refused before anything else.
	var second strings.Builder
	err := run(context.Background(), []string{"dev"}, nil, &second)
	require.ErrorContains(t, err, "another `roster dev`")
	require.ErrorContains(t, err, "LISTEN_ADDR")
	require.NotContains(t, second.String(), "Roster is running")
	require.NotContains(t, second.String(), "PostgreSQL")

	// Another address, the same cluster: refused without touching it.
	t.Setenv("LISTEN_ADDR", freeAddr(t))
	var third strings.Builder
	err = run(context.Background(), []string{"dev"}, nil, &third)
	require.ErrorContains(t, err, "another `roster dev`")
	require.NotContains(t, third.String(), "Roster is running")
	require.NotContains(t, third.String(), "stopping PostgreSQL")

	require.True(t, signIn(), "the first roster dev and its PostgreSQL still work")
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(60 * time.Second):
		t.Fatal("roster dev did not stop")
	}
	require.Contains(t, first.String(), "stopping PostgreSQL")
}
