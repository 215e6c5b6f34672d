package pgcluster

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// clusterDir returns a fresh Dir for a cluster; t.TempDir's parent is 0700,
// which the postgres OS user could not traverse when we are root.
func clusterDir(t *testing.T) string {
	dir := t.TempDir()
	require.NoError(t, os.Chmod(filepath.Dir(dir), 0o755))
	return filepath.Join(dir, "pg")
}

func start(t *testing.T, dir string) *Cluster {
	t0 := time.Now()
	c, err := Start(t.Context(), Options{Dir: dir, Logger: slog.New(slog.NewTextHandler(t.Output(), nil))})
	require.NoError(t, err)
	t.Logf("Start took %v", time.Since(t0).Round(time.Millisecond))
	t.Cleanup(func() { require.NoError(t, c.Stop(context.Background())) })
	return c
}

func psql(t *testing.T, c *Cluster, sql string) string {
	bin, err := FindBinaries()
	require.NoError(t, err)
	out, err := exec.CommandContext(t.Context(), filepath.Join(bin, "psql"), "-X", c.URL("postgres"), "-Atc", sql).CombinedOutput()
	require.NoError(t, err, string(out))
	return strings.TrimSpace(string(out))
}

func TestCluster_StartStop(t *testing.T) {
	t.Parallel()
	dir := clusterDir(t)

	c := start(t, dir)
	require.Positive(t, c.Port())
	require.True(t, strings.HasPrefix(c.URL("app"), "postgres://roster:"))
	require.True(t, strings.HasSuffix(c.URL("app"), fmt.Sprintf("@127.0.0.1:%d/app?sslmode=disable", c.Port())))
	require.Equal(t, "1", psql(t, c, "select 1"))
	require.Equal(t, "200", psql(t, c, "show max_connections"))
	require.Equal(t, "off", psql(t, c, "show fsync"))
	psql(t, c, "create table kept (x int); insert into kept values (42)")

	st, err := os.Stat(filepath.Join(dir, "password"))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	port, err := os.ReadFile(filepath.Join(dir, "port"))
	require.NoError(t, err)
	require.Equal(t, strconv.Itoa(c.Port()), strings.TrimSpace(string(port)))
	_, err = os.Stat(filepath.Join(dir, "run", fmt.Sprintf(".s.PGSQL.%d", c.Port())))
	require.NoError(t, err, "socket in Dir/run")

	// A second Start while the server runs adopts it.
	again := start(t, dir)
	require.Equal(t, c.Port(), again.Port())
	require.Equal(t, c.URL("x"), again.URL("x"))
	require.Equal(t, "42", psql(t, again, "select x from kept"))

	require.NoError(t, c.Stop(t.Context()))
	require.NoError(t, c.Stop(t.Context()))
	require.NoError(t, again.Stop(t.Context()), "stopping an already stopped server is fine")

	// Starting afresh reuses the data and the port.
	c = start(t, dir)
	require.Equal(t, again.Port(), c.Port())
	require.Equal(t, "42", psql(t, c, "select x from kept"))
	require.NoError(t, c.Stop(t.Context()))
}

func TestCluster_LongDir(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(clusterDir(t), strings.Repeat("d", 60), strings.Repeat("e", 60))

	c := start(t, dir)
	require.Equal(t, "1", psql(t, c, "select 1"))
	require.NotEmpty(t, c.tmpSockDir)
	_, err := os.Stat(filepath.Join(c.tmpSockDir, fmt.Sprintf(".s.PGSQL.%d", c.Port())))
	require.NoError(t, err, "socket in the short temp dir")
	sock := c.tmpSockDir
	require.NoError(t, c.Stop(t.Context()))
	require.NoDirExists(t, sock)
}

func TestStart_UntraversableParent(t *testing.T) {
	t.Parallel()
	closed := filepath.Join(filepath.Dir(clusterDir(t)), "closed")
	require.NoError(t, os.Mkdir(closed, 0o700))
	dir := filepath.Join(closed, "pg")

	c, err := Start(t.Context(), Options{Dir: dir})
	if os.Geteuid() == 0 {
		require.ErrorContains(t, err, "directory "+closed+" is not traversable by the postgres OS user")
		return
	}
	// Not root: the server runs as us, so the folder is fine.
	require.NoError(t, err)
	require.NoError(t, c.Stop(t.Context()))
}

func TestFindBinaries(t *testing.T) {
	bin, err := FindBinaries()
	require.NoError(t, err)
	require.True(t, filepath.IsAbs(bin), bin)
	for _, name := range []string{"initdb", "pg_ctl", "postgres", "psql"} {
		require.FileExists(t, filepath.Join(bin, name))
	}
	again, err := FindBinaries()
	require.NoError(t, err)
	require.Equal(t, bin, again)
}

func TestCompareVersions(t *testing.T) {
	require.Positive(t, compareVersions("15", "9.6"))
	require.Negative(t, compareVersions("9.6", "10"))
	require.Zero(t, compareVersions("16", "16"))
}

// TestStart_Exclusive: while one holder has the folder, a second exclusive
// Start fails with ErrInUse and leaves the server alone; after Stop the
// folder is free again.
func TestStart_Exclusive(t *testing.T) {
	t.Parallel()
	dir := clusterDir(t)
	opts := Options{Dir: dir, Exclusive: true}
	c, err := Start(t.Context(), opts)
	require.NoError(t, err)
	_, err = Start(t.Context(), opts)
	require.ErrorIs(t, err, ErrInUse)
	require.ErrorContains(t, err, fmt.Sprintf("process %d", os.Getpid()))
	require.Equal(t, "1", psql(t, c, "SELECT 1"), "the first holder's server still runs")
	require.NoError(t, c.Stop(context.Background()))
	c, err = Start(t.Context(), opts)
	require.NoError(t, err)
	require.NoError(t, c.Stop(context.Background()))
}
