// Command roster runs Roster: `roster dev` for newcomers, `roster serve`,
// `roster worker` and `roster migrate` in production, `roster seed` and
// `roster create-operator` for data. Configuration comes from the environment
// (see the README).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/app"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/seed"
	"github.com/rosterhq/roster/internal/server"
	"github.com/rosterhq/roster/internal/user"
)

const usage = `usage: roster <command> [flags]

commands:
  dev                        everything in one process for a newcomer: private PostgreSQL
                             under ./.roster/ (unless DATABASE_URL is set), migrations, demo
                             data, mail capture at /dev/mail, GraphiQL at /, the
                             admin app at /app/, workers
  serve                      the API (and the workers when WORKERS=true)
  worker                     the workers only
  migrate                    apply the database migrations (idempotent)
  seed --accounts N --members M --users U
                             add synthetic accounts, users and memberships (COPY)
  create-operator --email E  create a platform operator, or grant the flag to an
                             existing user; the password is read from standard input

roster <command> --help describes a command; roster --version prints the build.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "roster:", err)
		os.Exit(1)
	}
}

// commandUsage is the usage of each command, shown by `roster <command> --help`.
var commandUsage = map[string]string{
	"dev": `usage: roster dev

Everything in one process for a newcomer: a private PostgreSQL under
./.roster/pg (unless DATABASE_URL is set), migrations, demo data, mail capture
at /dev/mail (in memory), GraphiQL at /, the admin app at /app/, and the
workers.
`,
	"serve": `usage: roster serve

The GraphQL API on LISTEN_ADDR (/graphql, GraphiQL at /, the admin app at
/app/, /healthz, /readyz, /metrics), and
the job workers too when WORKERS=true (then SMTP_URL is required). Refuses to
start on a database that ` + "`roster migrate`" + ` has not brought up to date.
`,
	"worker": `usage: roster worker

The job workers only (emails, fan-outs, purges, cleanup); run any number of
them. Serves /healthz, /readyz and /metrics on WORKER_LISTEN_ADDR. Requires
SMTP_URL and a migrated database.
`,
	"migrate": `usage: roster migrate

Applies Roster's and River's migrations; idempotent and safe to run
concurrently (an advisory lock serialises them).
`,
	"seed": `usage: roster seed [flags]

Adds synthetic accounts, users and memberships by COPY, for demos and
benchmarks.
`,
	"create-operator": `usage: roster create-operator --email E [--name N]

Creates a platform operator with the password read from standard input, or
grants the flag to an existing user (whose password stays as it is).
`,
}

// envHelp lists the environment variables with their defaults.
func envHelp() string {
	var b strings.Builder
	b.WriteString("\nenvironment (default in brackets):\n")
	for _, v := range config.Variables {
		def := v.Default
		if def == "" {
			def = "none"
		}
		fmt.Fprintf(&b, "  %-27s %s [%s]\n", v.Name, v.Meaning, def)
	}
	return b.String()
}

// version describes the binary from its build information.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "roster (no build information)\n"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	out := "roster " + v
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		out += " commit " + rev
		if settings["vcs.modified"] == "true" {
			out += " (modified)"
		}
	}
	if t := settings["vcs.time"]; t != "" {
		out += " " + t
	}
	return out + " " + bi.GoVersion + "\n"
}

func isHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "-help", "--help":
			return true
		case "--":
			return false
		}
	}
	return false
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage, envHelp())
		return errors.New("no command given")
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage, envHelp())
		return nil
	case "version", "-version", "--version":
		fmt.Fprint(stdout, version())
		return nil
	}
	if u, ok := commandUsage[args[0]]; ok && isHelp(args[1:]) {
		fmt.Fprint(stdout, u)
		switch args[0] {
		case "seed":
			fs, _ := seedFlags()
			fs.SetOutput(stdout)
			fmt.Fprintln(stdout, "\nflags:")
			fs.PrintDefaults()
		case "create-operator":
			fs, _, _ := operatorFlags()
			fs.SetOutput(stdout)
			fmt.Fprintln(stdout, "\nflags:")
			fs.PrintDefaults()
		}
		fmt.Fprint(stdout, envHelp())
		return nil
	}
	cfg, err := config.Load()
	if err != nil {
		return fmt.Errorf("configuration:\n%w", err)
	}
	logger := newLogger(cfg.LogLevel)
	switch cmd, rest := args[0], args[1:]; cmd {
	case "dev":
		return runDev(ctx, cfg, logger, stdout)
	case "serve":
		return withPool(ctx, cfg, logger, func(pool *pgxpool.Pool) error {
			if err := db.CheckSchema(ctx, pool); err != nil {
				return err
			}
			return serve(ctx, cfg, pool, logger, app.Options{})
		})
	case "worker":
		return withPool(ctx, cfg, logger, func(pool *pgxpool.Pool) error {
			if err := db.CheckSchema(ctx, pool); err != nil {
				return err
			}
			return work(ctx, cfg, pool, logger)
		})
	case "migrate":
		return withPool(ctx, cfg, logger, func(pool *pgxpool.Pool) error { return db.Migrate(ctx, pool, logger) })
	case "seed":
		return runSeed(ctx, cfg, logger, rest, stdout)
	case "create-operator":
		return createOperator(ctx, cfg, logger, rest, stdin, stdout)
	default:
		fmt.Fprint(stdout, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
}

func newLogger(level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: l}))
}

func withPool(ctx context.Context, cfg config.Config, logger *slog.Logger, fn func(*pgxpool.Pool) error) error {
	if cfg.DatabaseURL == "" {
		return errors.New("DATABASE_URL is not set (postgres://user:pass@host:5432/db); `roster dev` starts a private database instead")
	}
	pool, err := db.Open(ctx, cfg.DatabaseURL, nil)
	if err != nil {
		return err
	}
	defer pool.Close()
	return fn(pool)
}

// serve runs the HTTP API (and the workers when configured) until ctx ends,
// then shuts down gracefully: in-flight requests and running jobs finish.
func serve(ctx context.Context, cfg config.Config, pool *pgxpool.Pool, logger *slog.Logger, opts app.Options) error {
	a, err := app.New(cfg, pool, logger, opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.ListenAddr)
	if err != nil {
		return fmt.Errorf("LISTEN_ADDR: %w", err)
	}
	if err := a.Start(ctx); err != nil {
		return err
	}
	srv := &http.Server{Handler: a.Handler, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	logger.Info("serving", "addr", ln.Addr().String(), "workers", cfg.Workers)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	// Subscriptions first: their streams would keep Shutdown waiting.
	a.CloseSubscriptions()
	err = srv.Shutdown(shutdownCtx)
	return errors.Join(err, a.Stop(shutdownCtx))
}

// work runs the workers only until ctx ends, letting running jobs finish, and
// serves /healthz, /readyz and /metrics on WORKER_LISTEN_ADDR meanwhile. It
// returns an error when that address cannot be bound.
func work(ctx context.Context, cfg config.Config, pool *pgxpool.Pool, logger *slog.Logger) error {
	on := true
	a, err := app.New(cfg, pool, logger, app.Options{Workers: &on})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.WorkerListenAddr)
	if err != nil {
		return fmt.Errorf("WORKER_LISTEN_ADDR: %w", err)
	}
	if err := a.Start(ctx); err != nil {
		_ = ln.Close()
		return err
	}
	srv := &http.Server{Handler: server.NewOps(pool, a.Registry), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	logger.Info("working", "concurrency", cfg.WorkerConcurrency, "addr", ln.Addr().String())
	var serveErr error
	select {
	case serveErr = <-errc:
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	err = a.Stop(shutdownCtx)
	if serveErr == nil {
		serveErr = srv.Shutdown(shutdownCtx)
	}
	return errors.Join(err, serveErr)
}

// seedOptions are the flags of `roster seed`.
type seedOptions struct {
	accounts, members, users *int
	password                 *string
}

func seedFlags() (*flag.FlagSet, seedOptions) {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	return fs, seedOptions{
		accounts: fs.Int("accounts", 10, "accounts to create"),
		members:  fs.Int("members", 10, "members per account (the first is the Owner)"),
		users:    fs.Int("users", 100, "users to create"),
		password: fs.String("password", seed.DemoPassword, "password of every seeded user"),
	}
}

func operatorFlags() (fs *flag.FlagSet, email, name *string) {
	fs = flag.NewFlagSet("create-operator", flag.ContinueOnError)
	email = fs.String("email", "", "the operator's email")
	name = fs.String("name", "", "the operator's name (default: the part before @)")
	return fs, email, name
}

func runSeed(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string, stdout io.Writer) error {
	fs, o := seedFlags()
	fs.SetOutput(stdout)
	if err := fs.Parse(args); err != nil {
		return err
	}
	accounts, members, users, password := o.accounts, o.members, o.users, o.password
	return withPool(ctx, cfg, logger, func(pool *pgxpool.Pool) error {
		res, err := seed.Run(ctx, pool, seed.Bulk{Accounts: *accounts, Members: *members, Users: *users, Password: *password})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "seeded %d accounts, %d users, %d memberships in %s\nusers: user0@%s … user%d@%s, password %q\n",
			res.Accounts, res.Users, res.Memberships, res.Duration.Round(time.Millisecond), res.EmailDomain, res.Users-1, res.EmailDomain, *password)
		return nil
	})
}

func createOperator(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string, stdin io.Reader, stdout io.Writer) error {
	fs, email, name := operatorFlags()
	fs.SetOutput(stdout)
	if err := fs.Parse(args); err != nil {
		return err
	}
	addr, err := user.NormalizeEmail(*email)
	if err != nil {
		return fmt.Errorf("--email: %w", err)
	}
	return withPool(ctx, cfg, logger, func(pool *pgxpool.Pool) error {
		created, err := CreateOperator(ctx, pool, addr, *name, stdin)
		if err != nil {
			return err
		}
		if created {
			fmt.Fprintf(stdout, "created platform operator %s\n", addr)
		} else {
			fmt.Fprintf(stdout, "%s already exists; granted the platform-operator flag\n", addr)
		}
		return nil
	})
}

// CreateOperator creates an operator with the password read from stdin, or
// grants the flag to an existing user (their password is left as it is). It
// reports whether a user was created.
func CreateOperator(ctx context.Context, pool *pgxpool.Pool, email, name string, stdin io.Reader) (bool, error) {
	created := false
	existing, _, err := user.ByEmail(ctx, pool, email)
	if err != nil && !errors.Is(err, user.ErrNotFound) {
		return false, err
	}
	var hash string
	if err != nil {
		b, _ := io.ReadAll(io.LimitReader(stdin, 1024))
		if hash, err = auth.HashPassword(strings.TrimRight(string(b), "\r\n")); err != nil {
			return false, fmt.Errorf("password on standard input: %w", err)
		}
		if name == "" {
			name = email[:strings.IndexByte(email, '@')]
		}
	}
	err = db.InTx(ctx, pool, func(tx pgx.Tx) error {
		id := existing.ID
		if hash != "" {
			u, err := user.Create(ctx, tx, email, name, hash, true)
			if err != nil {
				return err
			}
			id, created = u.ID, true
		} else if err := user.SetOperator(ctx, tx, id, true); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{TargetUserID: &id, Action: "user.operator_granted"})
	})
	return created, err
}
