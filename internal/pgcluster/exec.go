package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// runner runs PostgreSQL programs from bin. initdb, pg_ctl and postgres refuse
// to run as root, so when we are root they run as the postgres OS user via
// runuser, and the files they must write are chowned to that user.
type runner struct {
	bin      string
	workDir  string // a directory the programs can enter
	asRoot   bool
	uid, gid int // of the postgres user, when asRoot
}

func newRunner(bin, workDir string) (runner, error) {
	r := runner{bin: bin, workDir: workDir, asRoot: os.Geteuid() == 0}
	if !r.asRoot {
		return r, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return r, fmt.Errorf("pgcluster: running as root needs the postgres OS user (the distribution's postgresql package creates it): %w", err)
	}
	r.uid, _ = strconv.Atoi(u.Uid)
	r.gid, _ = strconv.Atoi(u.Gid)
	return r, nil
}

// command builds a command for a program, run as postgres when we are root.
func (r runner) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	var cmd *exec.Cmd
	if r.asRoot {
		cmd = exec.CommandContext(ctx, "runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, name, args...)
	}
	cmd.Dir = r.workDir
	// SIGTERM rather than SIGKILL so that runuser passes it on.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

// pg runs a program from the bin dir and returns an error holding its output.
func (r runner) pg(ctx context.Context, prog string, args ...string) error {
	out, err := r.command(ctx, filepath.Join(r.bin, prog), args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", prog, strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return nil
}

// chown gives path to the postgres user when we are root.
func (r runner) chown(path string) error {
	if !r.asRoot {
		return nil
	}
	return os.Chown(path, r.uid, r.gid)
}

// checkTraversable fails, naming the directory, unless the postgres user can
// enter dir and every directory above it.
func (r runner) checkTraversable(ctx context.Context, dir string) error {
	if !r.asRoot {
		return nil
	}
	var dirs []string
	for d := dir; ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if d == filepath.Dir(d) {
			break
		}
	}
	slices.Reverse(dirs) // report the topmost offender
	const script = `for d do [ -x "$d" ] || { printf '%s' "$d"; exit 3; }; done`
	out, err := r.command(ctx, "sh", append([]string{"-c", script, "sh"}, dirs...)...).CombinedOutput()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &exitErr) && exitErr.ExitCode() == 3:
		bad := string(out)
		return fmt.Errorf("pgcluster: directory %s is not traversable by the postgres OS user, which runs the server for %s; make it so (e.g. chmod o+x %s) or choose another Dir", bad, dir, bad)
	default:
		return fmt.Errorf("pgcluster: checking that postgres can reach %s: %w: %s", dir, err, strings.TrimSpace(string(out)))
	}
}

// shellQuote quotes s for /bin/sh; pg_ctl hands -o options to a shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// tail returns the last n lines of the file at path, or "" if unreadable.
func tail(path string, n int) string {
	b, _ := os.ReadFile(path)
	return tailString(string(b), n)
}

// tailString returns the last n lines of s.
func tailString(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
