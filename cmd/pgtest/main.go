// Command pgtest runs a command (usually `go test ./...`) with
// TEST_DATABASE_URL set: to the caller's value when it has one, otherwise to
// a throwaway PostgreSQL cluster started for the run and removed after it.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"

	"github.com/rosterhq/roster/internal/dbtest"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pgtest <command> [args…]")
		os.Exit(2)
	}
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if os.Getenv("TEST_DATABASE_URL") == "" {
		c, cleanup, err := dbtest.StartCluster(ctx)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
			return 1
		}
		defer cleanup()
		os.Setenv("TEST_DATABASE_URL", c.URL("postgres"))
		fmt.Fprintf(os.Stderr, "pgtest: throwaway PostgreSQL on port %d\n", c.Port())
	}
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintln(os.Stderr, "pgtest:", err)
		return 1
	}
	return 0
}
