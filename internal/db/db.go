// Package db opens the PostgreSQL pool, runs the migrations (Roster's and
// River's) and runs transactions.
package db

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/rosterhq/roster/internal/apperr"
)

// DBTX is what queries run on: a pool or a transaction. Store functions take
// it explicitly so that every query shows which transaction it belongs to.
type DBTX interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	CopyFrom(ctx context.Context, table pgx.Identifier, columns []string, src pgx.CopyFromSource) (int64, error)
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DefaultMaxConns is the pool size of a Roster process whose DATABASE_URL
// sets no pool_max_conns.
const DefaultMaxConns = 20

// Open connects a pool to url and checks that the database answers. It returns
// an error naming DATABASE_URL when the URL is malformed or the server is unreachable.
func Open(ctx context.Context, url string, tracer pgx.QueryTracer) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("DATABASE_URL: %w", err)
	}
	if tracer != nil {
		cfg.ConnConfig.Tracer = tracer
	}
	// pgx's default pool (4 connections on 2 cores) starves a worker process
	// of 100 jobs at once: DefaultMaxConns unless the URL sets pool_max_conns.
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = DefaultMaxConns
	}
	// Roster's statements read index ranges; JIT compilation only ever adds
	// hundreds of milliseconds to the few that the planner costs high.
	if _, set := cfg.ConnConfig.RuntimeParams["jit"]; !set {
		cfg.ConnConfig.RuntimeParams["jit"] = "off"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("DATABASE_URL: %w", err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("DATABASE_URL: cannot reach PostgreSQL: %w", err)
	}
	return pool, nil
}

// migrationLock is the advisory lock key that serialises concurrent migrators.
const migrationLock = 727_001

// Migrate applies River's migrations and then Roster's own, each once; running
// it again is a no-op. Concurrent callers wait for each other.
func Migrate(ctx context.Context, pool *pgxpool.Pool, logger *slog.Logger) error {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrationLock); err != nil {
		return err
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrationLock) //nolint:errcheck

	// River logs each migration itself; logged once below, with ours.
	migrator, err := rivermigrate.New(riverpgxv5.New(pool), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	res, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	for _, v := range res.Versions {
		logger.Info("applied river migration", "version", v.Version)
	}

	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS roster_migrations (
		name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return err
	}
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, path := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(path, "migrations/"), ".sql")
		sql, err := migrationFiles.ReadFile(path)
		if err != nil {
			return err
		}
		applied, err := applyMigration(ctx, conn.Conn(), name, string(sql))
		if err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if applied {
			logger.Info("applied migration", "name", name)
		}
	}
	return nil
}

func applyMigration(ctx context.Context, conn *pgx.Conn, name, sql string) (bool, error) {
	applied := false
	err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO roster_migrations (name) VALUES ($1) ON CONFLICT DO NOTHING`, name)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		applied = true
		_, err = tx.Exec(ctx, sql)
		return err
	})
	return applied, err
}

// InTx runs fn in a transaction and commits when fn returns nil. A
// serialization failure or deadlock is retried up to five times, so fn must
// be safe to run again.
func InTx(ctx context.Context, pool *pgxpool.Pool, fn func(tx pgx.Tx) error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		err = pgx.BeginFunc(ctx, pool, fn)
		if !retryable(err) {
			return err
		}
		time.Sleep(time.Duration(attempt+1) * 5 * time.Millisecond)
	}
	return err
}

func retryable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "40001" || pgErr.Code == "40P01")
}

// ErrBadCursor is returned for a pagination cursor this API did not make.
var ErrBadCursor = apperr.New(apperr.InvalidInput, "The cursor is not valid; pass an endCursor returned by this field.")

// EscapeLike escapes the LIKE wildcards of s, for substring searches.
func EscapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// IsUniqueViolation reports whether err is a unique-constraint violation of
// the named constraint (any constraint when name is empty).
func IsUniqueViolation(err error, name string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505" && (name == "" || pgErr.ConstraintName == name)
}

// SchemaVersion returns a short hash of every migration (Roster's files and
// River's versions), so that a template database built from them can be reused
// exactly while they are unchanged.
func SchemaVersion() string {
	h := sha256.New()
	names, _ := fs.Glob(migrationFiles, "migrations/*.sql")
	sort.Strings(names)
	for _, n := range names {
		b, _ := migrationFiles.ReadFile(n)
		h.Write([]byte(n))
		h.Write(b)
	}
	if m, err := rivermigrate.New[pgx.Tx](riverpgxv5.New(nil), nil); err == nil {
		for _, v := range m.AllVersions() {
			fmt.Fprintf(h, "river:%d:%s", v.Version, v.SQLUp)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// ErrSchemaOutdated is returned by CheckSchema for a database that lacks
// migrations this binary needs.
var ErrSchemaOutdated = errors.New("the database schema is not up to date: run roster migrate")

// CheckSchema returns an error wrapping ErrSchemaOutdated, naming what is
// missing, when River's or Roster's migrations are not all applied (a
// database migrated by a newer binary passes), and the database's error
// when it cannot be asked.
func CheckSchema(ctx context.Context, pool *pgxpool.Pool) error {
	var exists bool
	if err := pool.QueryRow(ctx, `SELECT to_regclass('roster_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		return fmt.Errorf("%w (no migration was ever applied)", ErrSchemaOutdated)
	}
	rows, err := pool.Query(ctx, `SELECT name FROM roster_migrations`)
	if err != nil {
		return err
	}
	applied, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return err
	}
	var missing []string
	for _, path := range names {
		if name := strings.TrimSuffix(strings.TrimPrefix(path, "migrations/"), ".sql"); !slices.Contains(applied, name) {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("%w (missing %s)", ErrSchemaOutdated, strings.Join(missing, ", "))
	}
	migrator, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return err
	}
	res, err := migrator.Validate(ctx, nil)
	if err != nil {
		return err
	}
	if !res.OK {
		return fmt.Errorf("%w (River: %s)", ErrSchemaOutdated, strings.Join(res.Messages, "; "))
	}
	return nil
}
