// Command e2e runs the admin app's end-to-end tests (web/e2e, Playwright) the
// way `make e2e` and `make test` do: it starts `roster dev` from a binary of
// this tree in a fresh temporary folder (so a private PostgreSQL, the demo
// data, the workers and the in-memory mail capture at /dev/mail.json), waits
// until it is ready, runs Playwright with ROSTER_URL pointing at it, and
// stops it. Playwright drives the system's chromium (/usr/bin/chromium,
// installed with apt-get when missing and run as root), since Playwright's
// own browser download is not reachable everywhere.
//
//	go run ./cmd/e2e [-roster bin/roster] [-- playwright test arguments…]
//
// With -node DIR it runs `node ARGS…` in the Node.js package DIR instead of
// Playwright (after npm ci there when node_modules is older than its
// package-lock.json), with ROSTER_URL set the same way; no browser is
// needed. `make scim-check` runs the SCIM conformance check so:
//
//	go run ./cmd/e2e -roster bin/roster -node internal/scim/conformance -- check.mjs
//
// roster's log is copied to DIR/test-results/roster.log (web/e2e for
// Playwright); on failure its last lines are printed too.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// e2eDir is the Playwright package, relative to the repository root.
const e2eDir = "web/e2e"

// defaultChromium is the browser the tests drive unless CHROMIUM_PATH names
// another (playwright.config.ts reads CHROMIUM_PATH, set from here).
const defaultChromium = "/usr/bin/chromium"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code, err := run(ctx, os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// run returns Playwright's exit code, or an error when the harness itself
// failed.
func run(ctx context.Context, args []string) (int, error) {
	fs := flag.NewFlagSet("e2e", flag.ContinueOnError)
	rosterBin := fs.String("roster", "bin/roster", "roster binary to start (built from this tree by make)")
	nodeDir := fs.String("node", "", "run `node ARGS…` in this Node.js package instead of Playwright")
	if err := fs.Parse(args); err != nil {
		return 2, err
	}
	dir := e2eDir
	if *nodeDir != "" {
		dir = *nodeDir
	}
	bin, err := filepath.Abs(*rosterBin)
	if err != nil {
		return 1, err
	}
	if _, err := os.Stat(bin); err != nil {
		return 1, fmt.Errorf("%w: build it first (make build, or go build -o %s ./cmd/roster)", err, *rosterBin)
	}
	var chromium string
	if *nodeDir == "" {
		if chromium, err = ensureChromium(ctx); err != nil {
			return 1, err
		}
	}
	if err := ensureNodeModules(ctx, dir); err != nil {
		return 1, err
	}
	if *nodeDir == "" {
		if err := typecheck(ctx); err != nil {
			return 1, err
		}
	}

	tmp, err := os.MkdirTemp("", "roster-e2e-")
	if err != nil {
		return 1, err
	}
	defer os.RemoveAll(tmp)
	// As root, PostgreSQL runs as the postgres user, who must reach the cluster.
	if err := os.Chmod(tmp, 0o711); err != nil {
		return 1, err
	}
	var r *roster
	for attempt := 1; ; attempt++ {
		r, err = startRoster(ctx, bin, tmp)
		// Another process may take the free port before roster binds it.
		if err != nil && errors.Is(err, errPortTaken) && attempt < 3 {
			continue
		}
		if err != nil {
			return 1, err
		}
		break
	}
	fmt.Fprintf(os.Stderr, "e2e: roster dev at %s (its log goes to %s)\n", r.url, filepath.Join(dir, "test-results", "roster.log"))
	var code int
	if *nodeDir == "" {
		code, err = playwright(ctx, r.url, chromium, fs.Args())
	} else {
		code, err = node(ctx, dir, r.url, fs.Args())
	}
	stopErr := r.stop()
	keepLog(dir, r.logPath, code != 0 || err != nil || stopErr != nil)
	if err != nil {
		return 1, err
	}
	if stopErr != nil && code == 0 {
		return 1, stopErr
	}
	return code, nil
}

// ensureChromium returns the chromium executable, installing Debian's
// package when it is missing and we are root.
func ensureChromium(ctx context.Context) (string, error) {
	path := os.Getenv("CHROMIUM_PATH")
	if path == "" {
		path = defaultChromium
	}
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if path != defaultChromium || os.Geteuid() != 0 {
		return "", fmt.Errorf("chromium not found at %s: install it (sudo apt-get install chromium) or set CHROMIUM_PATH", path)
	}
	fmt.Fprintln(os.Stderr, "e2e: installing chromium with apt-get …")
	install := func(args ...string) error {
		cmd := exec.CommandContext(ctx, "apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("apt-get %s: %w\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	if err := install("install", "-y", "--no-install-recommends", "chromium"); err != nil {
		// A fresh machine may have no package lists yet.
		if err := install("update"); err != nil {
			return "", err
		}
		if err := install("install", "-y", "--no-install-recommends", "chromium"); err != nil {
			return "", err
		}
	}
	return path, nil
}

// ensureNodeModules runs npm ci in dir when node_modules is missing or
// older than package-lock.json.
func ensureNodeModules(ctx context.Context, dir string) error {
	lock, err := os.Stat(filepath.Join(dir, "package-lock.json"))
	if err != nil {
		return fmt.Errorf("%w (run from the repository root)", err)
	}
	stamp := filepath.Join(dir, "node_modules", ".package-lock.json")
	if st, err := os.Stat(stamp); err == nil && !lock.ModTime().After(st.ModTime()) {
		return nil
	}
	cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci in %s: %w", dir, err)
	}
	now := time.Now()
	return os.Chtimes(stamp, now, now)
}

// typecheck runs tsc over the tests (strict), which Playwright itself does
// not: it only strips the types.
func typecheck(ctx context.Context) error {
	cmd := exec.CommandContext(ctx, filepath.Join("node_modules", ".bin", "tsc"), "-p", ".")
	cmd.Dir = e2eDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("tsc in %s: %w\n%s", e2eDir, err, out)
	}
	return nil
}

// errPortTaken says that roster could not bind the port freePort returned.
var errPortTaken = errors.New("the port was taken before roster bound it")

// roster is a running `roster dev`.
type roster struct {
	cmd     *exec.Cmd
	url     string
	logPath string
	exited  chan error
}

// startRoster starts `roster dev` in dir on a free loopback port and waits
// until /readyz answers 200. Its private PostgreSQL lives in dir/.roster/pg.
func startRoster(ctx context.Context, bin, dir string) (*roster, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	r := &roster{url: "http://" + addr, logPath: filepath.Join(dir, "roster.log"), exited: make(chan error, 1)}
	logFile, err := os.Create(r.logPath)
	if err != nil {
		return nil, err
	}
	r.cmd = exec.Command(bin, "dev")
	r.cmd.Dir, r.cmd.Stdout, r.cmd.Stderr = dir, logFile, logFile
	r.cmd.Env = append(environWithout("DATABASE_URL", "SMTP_URL", "LISTEN_ADDR", "PUBLIC_URL", "WORKER_LISTEN_ADDR"),
		"LISTEN_ADDR="+addr, "PUBLIC_URL="+r.url, "LOG_LEVEL=warn")
	// roster stops its PostgreSQL on SIGTERM; should this process die first,
	// the kernel sends it one.
	r.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
	if err := r.cmd.Start(); err != nil {
		logFile.Close()
		return nil, err
	}
	go func() {
		r.exited <- r.cmd.Wait()
		close(r.exited)
		logFile.Close()
	}()
	deadline := time.After(2 * time.Minute)
	client := &http.Client{Timeout: 2 * time.Second}
	for {
		select {
		case err := <-r.exited:
			log := tail(r.logPath, 40)
			if strings.Contains(log, "LISTEN_ADDR "+addr+" is not free") {
				return nil, fmt.Errorf("%w: %s", errPortTaken, addr)
			}
			return nil, fmt.Errorf("roster dev exited before it was ready (%v):\n%s", err, log)
		case <-deadline:
			_ = r.stop()
			return nil, fmt.Errorf("roster dev not ready after 2 minutes:\n%s", tail(r.logPath, 40))
		case <-ctx.Done():
			_ = r.stop()
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		resp, err := client.Get(r.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return r, nil
			}
		}
	}
}

// stop sends SIGTERM and waits for roster (and so its PostgreSQL) to stop;
// after 30 seconds it kills it.
func (r *roster) stop() error {
	if r.cmd.Process == nil {
		return nil
	}
	_ = r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err, ok := <-r.exited:
		if !ok || err == nil {
			return nil
		}
		return fmt.Errorf("roster dev stopped with %w", err)
	case <-time.After(30 * time.Second):
		_ = r.cmd.Process.Kill()
		return errors.New("roster dev did not stop within 30 s of SIGTERM; killed")
	}
}

// playwright runs `playwright test args…` in web/e2e and returns its exit code.
func playwright(ctx context.Context, url, chromium string, args []string) (int, error) {
	cmd := exec.CommandContext(ctx, filepath.Join("node_modules", ".bin", "playwright"), append([]string{"test"}, args...)...)
	cmd.Dir, cmd.Stdin, cmd.Stdout, cmd.Stderr = e2eDir, os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(environWithout("ROSTER_URL", "CHROMIUM_PATH"), "ROSTER_URL="+url, "CHROMIUM_PATH="+chromium)
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 20 * time.Second
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	if err != nil {
		return 1, fmt.Errorf("playwright: %w", err)
	}
	return 0, nil
}

// node runs `node args…` in dir with ROSTER_URL and returns its exit code.
func node(ctx context.Context, dir, url string, args []string) (int, error) {
	if len(args) == 0 {
		return 2, errors.New("-node needs the script to run after -- (for example -- check.mjs)")
	}
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir, cmd.Stdin, cmd.Stdout, cmd.Stderr = dir, os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(environWithout("ROSTER_URL"), "ROSTER_URL="+url)
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 20 * time.Second
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	if err != nil {
		return 1, fmt.Errorf("node: %w", err)
	}
	return 0, nil
}

// keepLog copies roster's log to dir/test-results and, when the run failed,
// prints its end.
func keepLog(dir, path string, failed bool) {
	dst := filepath.Join(dir, "test-results", "roster.log")
	if b, err := os.ReadFile(path); err == nil && os.MkdirAll(filepath.Dir(dst), 0o755) == nil {
		_ = os.WriteFile(dst, b, 0o644)
	}
	if failed {
		fmt.Fprintf(os.Stderr, "e2e: end of roster's log (all of it in %s):\n%s", dst, tail(path, 30))
	}
}

// tail returns the last n lines of the file at path.
func tail(path string, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return err.Error()
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) > n {
			lines = lines[1:]
		}
	}
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}

// freePort returns a loopback TCP port that was free a moment ago.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// environWithout returns the environment without the named variables.
func environWithout(names ...string) []string {
	var env []string
next:
	for _, kv := range os.Environ() {
		for _, n := range names {
			if strings.HasPrefix(kv, n+"=") {
				continue next
			}
		}
		env = append(env, kv)
	}
	return env
}
