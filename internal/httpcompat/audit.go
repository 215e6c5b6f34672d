package httpcompat

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
)

// npmMu keeps two audits in one process from running npm ci at once.
var npmMu sync.Mutex

// AuditDir returns the directory holding audit.mjs and its package-lock.json,
// located next to this source file (so it needs a build without -trimpath,
// as `go test` does by default).
func AuditDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "audit")
}

// RunAudit runs the graphql-http GraphQL-over-HTTP server audit against the
// GraphQL endpoint url (for example http://127.0.0.1:8080/graphql) from
// AuditDir. It returns the combined output of npm and node, and an error when
// the audit reports any warning or error or cannot run. Node and npm must be
// on PATH; npm ci runs first when node_modules is missing.
func RunAudit(ctx context.Context, url string) (string, error) {
	return RunAuditIn(ctx, AuditDir(), url)
}

// RunAuditIn is RunAudit with the audit directory dir given explicitly.
func RunAuditIn(ctx context.Context, dir, url string) (string, error) {
	var out bytes.Buffer
	npmMu.Lock()
	_, err := os.Stat(filepath.Join(dir, "node_modules", "graphql-http", "package.json"))
	if err != nil {
		err = run(ctx, dir, &out, "npm", "ci", "--no-audit", "--no-fund")
	}
	npmMu.Unlock()
	if err != nil {
		return out.String(), fmt.Errorf("npm ci in %s: %w", dir, err)
	}
	if err := run(ctx, dir, &out, "node", "audit.mjs", url); err != nil {
		return out.String(), fmt.Errorf("graphql-http audit of %s: %w", url, err)
	}
	return out.String(), nil
}

// run runs a command in dir, appending its stdout and stderr to out.
func run(ctx context.Context, dir string, out *bytes.Buffer, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = out, out
	return cmd.Run()
}
