package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"

	"github.com/rosterhq/roster/internal/app"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/mailcapture"
	"github.com/rosterhq/roster/internal/pgcluster"
	"github.com/rosterhq/roster/internal/seed"
)

// devClusterDir is where `roster dev` keeps its private PostgreSQL.
var devClusterDir = filepath.Join(".roster", "pg")

// devRefusedDomain and devDeferredDomain are the domains whose mail the dev
// mail capture refuses: permanently (550) and temporarily (451), so an
// invitation's Failed and Retrying delivery can be seen (and tested) without
// a real mail server. Only `roster dev` sets them up.
const (
	devRefusedDomain  = "refuse.test"
	devDeferredDomain = "defer.test"
)

// errAnotherDev says what to do when another `roster dev` holds the port or the cluster.
const errAnotherDev = "another `roster dev` seems to be running: use that one, or stop it (Ctrl-C in its terminal) first"

// runDev runs everything a newcomer needs in one process. It binds the
// listen address before anything else and holds its private cluster's
// folder exclusively, so a second `roster dev` stops at once with a message,
// before it prints a banner or touches the first one's PostgreSQL; it stops
// only a PostgreSQL that it holds.
func runDev(ctx context.Context, cfg config.Config, logger *slog.Logger, stdout io.Writer) error {
	// Held until just before serve binds it again, once everything is ready.
	ln, err := net.Listen("tcp", cfg.ListenAddr)
	if err != nil {
		return fmt.Errorf("LISTEN_ADDR %s is not free (%w);\n%s, or set LISTEN_ADDR to a free address", cfg.ListenAddr, err, errAnotherDev)
	}
	defer ln.Close()
	if cfg.DatabaseURL == "" {
		dir, err := filepath.Abs(devClusterDir)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "starting a private PostgreSQL in %s …\n", dir)
		cluster, err := pgcluster.Start(ctx, pgcluster.Options{Dir: dir, Durable: true, Logger: logger, Exclusive: true})
		if errors.Is(err, pgcluster.ErrInUse) {
			return fmt.Errorf("%w;\n%s", err, errAnotherDev)
		}
		if err != nil {
			return err
		}
		defer func() {
			fmt.Fprintln(stdout, "stopping PostgreSQL …")
			_ = cluster.Stop(context.WithoutCancel(ctx))
		}()
		if err := ensureDatabase(ctx, cluster.URL("postgres"), "roster"); err != nil {
			return err
		}
		cfg.DatabaseURL = cluster.URL("roster")
	}
	pool, err := db.Open(ctx, cfg.DatabaseURL, nil)
	if err != nil {
		return err
	}
	defer pool.Close()
	if err := db.Migrate(ctx, pool, logger); err != nil {
		return err
	}
	if err := seed.Demo(ctx, pool); err != nil {
		return err
	}
	extra := map[string]http.Handler{}
	if cfg.SMTPURL == "" {
		capture, err := mailcapture.Start("127.0.0.1:0")
		if err != nil {
			return err
		}
		defer capture.Close()
		// Dev-only addresses that exercise failed deliveries: refuse.test
		// refuses every message for good, defer.test asks to try later.
		capture.FailDomain(devRefusedDomain, 550)
		capture.FailDomain(devDeferredDomain, 451)
		cfg.SMTPURL, cfg.SMTPTLS = capture.URL(), "none"
		extra["GET /dev/mail"] = capture.Handler()
		extra["GET /dev/mail.json"] = capture.JSONHandler()
		fmt.Fprintf(stdout, "outgoing mail is captured: %s/dev/mail (addresses @%s are refused, @%s deferred)\n", cfg.PublicURL, devRefusedDomain, devDeferredDomain)
	}
	fmt.Fprintf(stdout, "\nRoster is running: GraphiQL at %s/  (API: %s/graphql)\n", cfg.PublicURL, cfg.PublicURL)
	fmt.Fprintf(stdout, "admin app: %s/app/  sign in as one of the demo users, password %q:\n", cfg.PublicURL, seed.DemoPassword)
	for _, u := range seed.DemoUsers {
		fmt.Fprintf(stdout, "  %-22s %s\n", u.Email, u.Role)
	}
	fmt.Fprintln(stdout, "Ctrl-C stops everything.")
	on := true
	if err := ln.Close(); err != nil {
		return err
	}
	return serve(ctx, cfg, pool, logger, app.Options{Workers: &on, Extra: extra})
}

// ensureDatabase creates the database name on the server at adminURL when missing.
func ensureDatabase(ctx context.Context, adminURL, name string) error {
	pool, err := db.Open(ctx, adminURL, nil)
	if err != nil {
		return err
	}
	defer pool.Close()
	var exists bool
	if err := pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil || exists {
		return err
	}
	_, err = pool.Exec(ctx, "CREATE DATABASE "+name)
	return err
}
