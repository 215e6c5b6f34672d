package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/pgcluster"
)

// bench is one run's surroundings: the PostgreSQL server, the roster binary
// and a folder for the processes' logs.
type bench struct {
	serverURL string // a database URL on the server; databases are made beside it
	roster    string
	dir       string
	cluster   *pgcluster.Cluster
	procs     []*exec.Cmd
}

func newBench(ctx context.Context, rosterBin string) (*bench, error) {
	dir, err := os.MkdirTemp("", "rosterbench-")
	if err != nil {
		return nil, err
	}
	b := &bench{dir: dir, serverURL: os.Getenv("DATABASE_URL")}
	if b.serverURL == "" {
		// Exclusive: a second run must not share, then stop, the first's server.
		c, err := pgcluster.Start(ctx, pgcluster.Options{Dir: filepath.Join(".roster", "bench"), Durable: true, Exclusive: true})
		if errors.Is(err, pgcluster.ErrInUse) {
			return nil, fmt.Errorf("%w: another rosterbench is running on .roster/bench; wait for it, or set DATABASE_URL", err)
		}
		if err != nil {
			return nil, err
		}
		b.cluster, b.serverURL = c, c.URL("postgres")
	}
	if rosterBin == "" {
		rosterBin = filepath.Join(dir, "roster")
		build := exec.CommandContext(ctx, "go", "build", "-o", rosterBin, "./cmd/roster")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return nil, fmt.Errorf("go build ./cmd/roster (run from the repository root, or pass -roster): %w", err)
		}
	}
	b.roster = rosterBin
	fmt.Fprintf(os.Stderr, "rosterbench: logs in %s\n", dir)
	return b, nil
}

// Close stops every process the bench started, then its cluster.
func (b *bench) Close() {
	for _, p := range b.procs {
		stopProc(p)
	}
	if b.cluster != nil {
		_ = b.cluster.Stop(context.Background())
	}
}

// newDatabase creates an empty database and returns its URL.
func (b *bench) newDatabase(ctx context.Context, name string) (string, error) {
	conn, err := pgxpool.New(ctx, b.serverURL)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	name = fmt.Sprintf("%s_%d", name, time.Now().UnixNano())
	if _, err := conn.Exec(ctx, `CREATE DATABASE `+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	u, err := url.Parse(b.serverURL)
	if err != nil {
		return "", fmt.Errorf("DATABASE_URL: %w", err)
	}
	u.Path = "/" + name
	return u.String(), nil
}

// roster runs one roster command to its end, with env added to the environment.
func (b *bench) rosterRun(ctx context.Context, env []string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, b.roster, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("roster %s: %w\n%s", strings.Join(args, " "), err, tailLines(errb.String(), 10))
	}
	return out.String(), nil
}

// start starts a long-running process whose output goes to a log file.
func (b *bench) start(name string, env []string, prog string, args ...string) (*exec.Cmd, error) {
	log, err := os.Create(filepath.Join(b.dir, name+".log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(prog, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	b.procs = append(b.procs, cmd)
	return cmd, nil
}

func stopProc(p *exec.Cmd) {
	if p.Process == nil || p.ProcessState != nil {
		return
	}
	_ = syscall.Kill(-p.Process.Pid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = p.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-p.Process.Pid, syscall.SIGKILL)
		<-done
	}
}

// serve starts `roster serve` on a free port and waits until it is ready.
func (b *bench) serve(ctx context.Context, name, dbURL string, env ...string) (string, *exec.Cmd, error) {
	port, err := freePort()
	if err != nil {
		return "", nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	cmd, err := b.start(name, append([]string{"DATABASE_URL=" + dbURL, "LISTEN_ADDR=" + addr, "LOG_LEVEL=warn"}, env...), b.roster, "serve")
	if err != nil {
		return "", nil, err
	}
	base := "http://" + addr
	if err := waitHTTP(ctx, base+"/readyz", 60*time.Second); err != nil {
		return "", nil, fmt.Errorf("%s did not become ready (log: %s): %w", name, filepath.Join(b.dir, name+".log"), err)
	}
	return base, cmd, nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func waitHTTP(ctx context.Context, url string, patience time.Duration) error {
	deadline := time.Now().Add(patience)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return errors.Join(err, ctx.Err())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// gql posts one GraphQL request and decodes its data into out (may be nil).
func gql(ctx context.Context, base, token, query string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/graphql", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return fmt.Errorf("status %d: %w", resp.StatusCode, err)
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("graphql: %s", r.Errors[0].Message)
	}
	if out != nil {
		return json.Unmarshal(r.Data, out)
	}
	return nil
}

func signIn(ctx context.Context, base, email, password string) (string, error) {
	var out struct {
		SignIn struct{ Token string } `json:"signIn"`
	}
	err := gql(ctx, base, "", `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`,
		map[string]any{"e": email, "p": password}, &out)
	return out.SignIn.Token, err
}

// peakRSS returns a process's peak resident set size (VmHWM) in MiB.
func peakRSS(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

func tailLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func dialTCP(addr string) (net.Conn, error) { return net.DialTimeout("tcp", addr, time.Second) }

// stderr carries progress; stdout only results.
var stderr = os.Stderr

// ensureTool finds prog on PATH or in /usr/sbin, and when it is missing and
// we are root installs the Debian package that ships it, as the PostgreSQL
// tools do. It returns an error saying how to install it otherwise.
func ensureTool(prog, pkg string) (string, error) {
	find := func() (string, error) {
		if p, err := exec.LookPath(prog); err == nil {
			return p, nil
		}
		p := filepath.Join("/usr/sbin", prog)
		_, err := os.Stat(p)
		return p, err
	}
	if p, err := find(); err == nil {
		return p, nil
	}
	if _, err := exec.LookPath("apt-get"); err == nil && os.Geteuid() == 0 {
		fmt.Fprintf(stderr, "rosterbench: installing %s (apt-get install %s)\n", prog, pkg)
		cmd := exec.Command("apt-get", "install", "-y", "-q", pkg)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Run(); err == nil {
			if p, err := find(); err == nil {
				return p, nil
			}
		}
	}
	return "", fmt.Errorf("%s not found: install Debian's %s package (apt-get install %s)", prog, pkg, pkg)
}
