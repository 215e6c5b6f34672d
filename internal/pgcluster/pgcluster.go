// Package pgcluster starts a private PostgreSQL cluster from the machine's
// PostgreSQL binaries: a persistent one for `roster dev` and throwaway ones
// for tests.
package pgcluster

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// superuser is the cluster's superuser role.
const superuser = "roster"

// maxSocketPath is the longest unix socket path the kernel accepts
// (sizeof(sun_path) minus the terminating NUL).
const maxSocketPath = 107

// Options configure a cluster.
type Options struct {
	Dir     string       // cluster folder; created if missing. Data in Dir/data, socket dir Dir/run (or a short temp dir if the socket path would exceed the 107-byte unix limit), superuser password in Dir/password (0600), port in Dir/port.
	Port    int          // 0: reuse the port saved in Dir/port, else pick a free loopback port and save it.
	Durable bool         // false (tests): fsync=off, synchronous_commit=off, full_page_writes=off for speed.
	Logger  *slog.Logger // may be nil.
	// Exclusive holds an advisory lock on Dir (Dir/lock) from Start to Stop:
	// Start fails with ErrInUse while another process holds it, before it
	// touches the server. With the lock held, a server found running on the
	// data dir is one left behind by a holder that died, so Stop stops it.
	Exclusive bool
}

// Cluster is a running PostgreSQL cluster started by Start.
type Cluster struct {
	dir, data, logFile string
	port               int
	password           string
	run                runner
	log                *slog.Logger

	mu         sync.Mutex
	stopped    bool
	tmpSockDir string   // removed by Stop
	lock       *dirLock // of Options.Exclusive; released by Stop
}

var (
	findMu   sync.Mutex
	foundBin string
)

const installHint = "install the distribution's `postgresql` package (e.g. `sudo apt-get install postgresql`) or put its bin dir on PATH"

// FindBinaries returns the PostgreSQL bin dir holding initdb, pg_ctl and
// postgres. It looks for pg_ctl on PATH (with initdb beside it, following
// symlinks), then asks `pg_config --bindir`, then takes the highest-versioned
// /usr/lib/postgresql/*/bin. When none is found and we are root, it installs
// the distribution's postgresql package with apt-get and looks again. It
// returns an error telling how to install PostgreSQL when none is found, and
// one holding apt-get's output when that install fails.
func FindBinaries() (string, error) {
	findMu.Lock()
	defer findMu.Unlock()
	if foundBin != "" {
		return foundBin, nil
	}
	if dir := searchBinaries(); dir != "" {
		foundBin = dir
		return dir, nil
	}
	if os.Geteuid() == 0 {
		if err := aptInstallPostgres(); err != nil {
			return "", fmt.Errorf("pgcluster: PostgreSQL binaries not found and installing them failed: %w\n%s", err, installHint)
		}
		if dir := searchBinaries(); dir != "" {
			foundBin = dir
			return dir, nil
		}
	}
	return "", errors.New("pgcluster: PostgreSQL binaries (initdb, pg_ctl, postgres) not found: " + installHint)
}

func searchBinaries() string {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil && hasBinaries(filepath.Dir(real)) {
			return filepath.Dir(real)
		}
		if hasBinaries(filepath.Dir(p)) {
			return filepath.Dir(p)
		}
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); hasBinaries(dir) {
			return dir
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { // highest version first
		return compareVersions(filepath.Base(filepath.Dir(b)), filepath.Base(filepath.Dir(a)))
	})
	for _, dir := range dirs {
		if hasBinaries(dir) {
			return dir
		}
	}
	return ""
}

// compareVersions compares dotted versions such as "9.6" and "15" numerically.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x - y
		}
	}
	return 0
}

func hasBinaries(dir string) bool {
	for _, name := range []string{"initdb", "pg_ctl", "postgres"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil || !st.Mode().IsRegular() || st.Mode().Perm()&0o111 == 0 {
			return false
		}
	}
	return true
}

func aptInstallPostgres() error {
	for _, args := range [][]string{
		{"update"},
		{"install", "-y", "--no-install-recommends", "postgresql"},
	} {
		cmd := exec.Command("apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("apt-get %s: %w\n%s", strings.Join(args, " "), err, tailString(string(out), 20))
		}
	}
	return nil
}

// Start starts the cluster in opts.Dir, creating it with initdb first when
// Dir/data holds no PG_VERSION, and reusing the server when one from a
// previous run is still running on that data dir. It returns an error when no
// PostgreSQL binaries are found (see FindBinaries), when Dir cannot be set up
// (including, as root, when a directory above it is not traversable by the
// postgres OS user), when the data dir exists but Dir/password is missing,
// and when initdb or pg_ctl fails, in which case the error holds the last
// lines of Dir/postgres.log. With Options.Exclusive it returns an error
// wrapping ErrInUse, before touching anything, while another process holds Dir.
func Start(ctx context.Context, opts Options) (c *Cluster, err error) {
	if opts.Dir == "" {
		return nil, errors.New("pgcluster: Options.Dir is empty")
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("pgcluster: %w", err)
	}
	bin, err := FindBinaries()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("pgcluster: %w", err)
	}
	var lock *dirLock
	if opts.Exclusive {
		if lock, err = lockDir(dir); err != nil {
			return nil, err
		}
		defer func() {
			if err != nil {
				lock.release()
			}
		}()
	}
	r, err := newRunner(bin, dir)
	if err != nil {
		return nil, err
	}
	if r.asRoot {
		// MkdirTemp makes 0700 folders; postgres must at least enter Dir.
		if st, err := os.Stat(dir); err == nil && st.Mode().Perm()&0o001 == 0 {
			if err := os.Chmod(dir, 0o755); err != nil {
				return nil, fmt.Errorf("pgcluster: %w", err)
			}
		}
		if err := r.checkTraversable(ctx, dir); err != nil {
			return nil, err
		}
	}
	c = &Cluster{
		dir:     dir,
		data:    filepath.Join(dir, "data"),
		logFile: filepath.Join(dir, "postgres.log"),
		run:     r,
		log:     log.With("dir", dir),
		lock:    lock,
	}

	if _, err := os.Stat(filepath.Join(c.data, "PG_VERSION")); err == nil {
		running, err := c.status(ctx)
		if err != nil {
			return nil, err
		}
		if running {
			if err := c.reuse(); err != nil {
				return nil, err
			}
			return c, nil
		}
	} else if err := c.initdb(ctx, opts.Durable); err != nil {
		return nil, err
	}
	if c.password, err = c.readPassword(); err != nil {
		return nil, err
	}
	if c.port, err = c.choosePort(opts.Port); err != nil {
		return nil, err
	}
	if err := c.start(ctx, opts.Durable); err != nil {
		c.removeTmpSockDir()
		return nil, err
	}
	return c, nil
}

// reuse adopts the server already running on c.data.
func (c *Cluster) reuse() error {
	var err error
	if c.password, err = c.readPassword(); err != nil {
		return err
	}
	if c.port, err = runningPort(c.data); err != nil {
		return err
	}
	c.log.Info("reusing running postgres", "port", c.port)
	return c.savePort()
}

func (c *Cluster) initdb(ctx context.Context, durable bool) error {
	t0 := time.Now()
	if err := os.Mkdir(c.data, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("pgcluster: %w", err)
	}
	if err := c.run.chown(c.data); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	pw := rand.Text()
	if err := os.WriteFile(filepath.Join(c.dir, "password"), []byte(pw+"\n"), 0o600); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	// initdb reads the password from a file, which postgres must be able to read.
	pwfile := filepath.Join(c.dir, "initdb-pwfile")
	if err := os.WriteFile(pwfile, []byte(pw+"\n"), 0o600); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	defer os.Remove(pwfile)
	if err := c.run.chown(pwfile); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	args := []string{
		"-D", c.data, "-U", superuser, "--pwfile=" + pwfile,
		"--auth-local=trust", "--auth-host=scram-sha-256",
		"-E", "UTF8", "--locale=C.UTF-8",
	}
	if !durable {
		args = append(args, "--no-sync")
	}
	if err := c.run.pg(ctx, "initdb", args...); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	c.log.Info("initdb done", "took", time.Since(t0).Round(time.Millisecond))
	return nil
}

func (c *Cluster) start(ctx context.Context, durable bool) error {
	t0 := time.Now()
	sockDir, err := c.socketDir()
	if err != nil {
		return err
	}
	// pg_ctl's shell, running as postgres, appends to the log.
	f, err := os.OpenFile(c.logFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	f.Close()
	if err := c.run.chown(c.logFile); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	o := []string{
		"-p", strconv.Itoa(c.port),
		"-c", "listen_addresses=127.0.0.1",
		"-c", shellQuote("unix_socket_directories=" + sockDir),
		"-c", "max_connections=200",
	}
	if !durable {
		o = append(o, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	err = c.run.pg(ctx, "pg_ctl", "start", "-w", "-t", "60", "-D", c.data, "-l", c.logFile, "-o", strings.Join(o, " "))
	if err != nil {
		return fmt.Errorf("pgcluster: %w\nlast lines of %s:\n%s", err, c.logFile, tail(c.logFile, 20))
	}
	c.log.Info("postgres started", "port", c.port, "took", time.Since(t0).Round(time.Millisecond))
	return nil
}

// socketDir returns Dir/run, or a short temp dir if the socket path in Dir/run
// would be too long, made writable by the server.
func (c *Cluster) socketDir() (string, error) {
	dir := filepath.Join(c.dir, "run")
	if len(filepath.Join(dir, ".s.PGSQL."+strconv.Itoa(c.port))) > maxSocketPath {
		tmp, err := os.MkdirTemp("/tmp", "roster-pg-")
		if err != nil {
			return "", fmt.Errorf("pgcluster: %w", err)
		}
		c.tmpSockDir, dir = tmp, tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("pgcluster: %w", err)
	}
	if err := c.run.chown(dir); err != nil {
		return "", fmt.Errorf("pgcluster: %w", err)
	}
	return dir, nil
}

func (c *Cluster) removeTmpSockDir() {
	if c.tmpSockDir != "" {
		os.RemoveAll(c.tmpSockDir)
		c.tmpSockDir = ""
	}
}

// status reports whether a server is running on the data dir.
func (c *Cluster) status(ctx context.Context) (bool, error) {
	out, err := c.run.command(ctx, filepath.Join(c.run.bin, "pg_ctl"), "status", "-D", c.data).CombinedOutput()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return true, nil
	case errors.As(err, &exitErr) && exitErr.ExitCode() == 3: // not running
		return false, nil
	default:
		return false, fmt.Errorf("pgcluster: pg_ctl status: %w\n%s", err, strings.TrimSpace(string(out)))
	}
}

// runningPort reads the port from a running server's postmaster.pid.
func runningPort(data string) (int, error) {
	f, err := os.Open(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return 0, fmt.Errorf("pgcluster: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for i := 1; sc.Scan(); i++ {
		if i == 4 { // line 4 holds the port
			port, err := strconv.Atoi(strings.TrimSpace(sc.Text()))
			if err != nil {
				return 0, fmt.Errorf("pgcluster: bad port in %s: %w", f.Name(), err)
			}
			return port, nil
		}
	}
	return 0, fmt.Errorf("pgcluster: no port in %s", f.Name())
}

func (c *Cluster) readPassword() (string, error) {
	b, err := os.ReadFile(filepath.Join(c.dir, "password"))
	if err != nil {
		return "", fmt.Errorf("pgcluster: reading the superuser password (delete %s to start afresh): %w", c.data, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// choosePort returns want, else the port saved in Dir/port, else a free
// loopback port, and saves it.
func (c *Cluster) choosePort(want int) (int, error) {
	c.port = want
	if c.port == 0 {
		if b, err := os.ReadFile(filepath.Join(c.dir, "port")); err == nil {
			if p, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && p > 0 && p < 65536 {
				c.port = p
			}
		}
	}
	if c.port == 0 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return 0, fmt.Errorf("pgcluster: picking a free port: %w", err)
		}
		c.port = l.Addr().(*net.TCPAddr).Port
		l.Close()
	}
	return c.port, c.savePort()
}

func (c *Cluster) savePort() error {
	if err := os.WriteFile(filepath.Join(c.dir, "port"), []byte(strconv.Itoa(c.port)+"\n"), 0o644); err != nil {
		return fmt.Errorf("pgcluster: %w", err)
	}
	return nil
}

// URL returns the superuser's connection URL for database, of the form
// postgres://roster:<password>@127.0.0.1:<port>/<database>?sslmode=disable.
func (c *Cluster) URL(database string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword(superuser, c.password),
		Host:     net.JoinHostPort("127.0.0.1", strconv.Itoa(c.port)),
		Path:     "/" + database,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// Port returns the TCP port the server listens on at 127.0.0.1.
func (c *Cluster) Port() int { return c.port }

// Stop stops the server with `pg_ctl stop -m fast -w`, then gives up the
// lock of Options.Exclusive. It is idempotent, and returns nil when the
// server is already stopped; it returns an error, with the last lines of
// Dir/postgres.log and the lock still held, when pg_ctl fails to stop a
// running server.
func (c *Cluster) Stop(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return nil
	}
	err := c.run.pg(ctx, "pg_ctl", "stop", "-D", c.data, "-m", "fast", "-w")
	if err != nil {
		if running, serr := c.status(ctx); serr != nil || running {
			// Still running: the lock stays held, so no other process
			// takes this server for one a dead holder left behind.
			return fmt.Errorf("pgcluster: %w\nlast lines of %s:\n%s", err, c.logFile, tail(c.logFile, 20))
		}
	}
	c.lock.release()
	c.stopped = true
	c.removeTmpSockDir()
	c.log.Info("postgres stopped")
	return nil
}
