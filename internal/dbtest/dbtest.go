// Package dbtest gives each test its own migrated PostgreSQL database, cloned
// from a template that is migrated once per schema version.
//
// TEST_DATABASE_URL names a PostgreSQL server (a superuser connection to any
// database). When it is unset, Main starts a throwaway cluster for the test
// binary from the machine's PostgreSQL binaries; `make test` instead starts
// one cluster for the whole run (cmd/pgtest) and sets the variable.
package dbtest

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/pgcluster"
	"github.com/rosterhq/roster/internal/request"
)

// adminURL is the server every test database is created on.
var adminURL string

// Main runs a package's tests with a database server: TEST_DATABASE_URL, or
// a throwaway cluster started here and stopped afterwards. Call it from TestMain.
func Main(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	adminURL = os.Getenv("TEST_DATABASE_URL")
	if adminURL == "" {
		c, stop, err := StartCluster(context.Background())
		if err != nil {
			log.Printf("dbtest: no TEST_DATABASE_URL and no private cluster: %v", err)
			return 1
		}
		defer stop()
		adminURL = c.URL("postgres")
	}
	return m.Run()
}

// StartCluster starts a throwaway PostgreSQL cluster in a temporary folder and
// returns it with a function that stops it and removes the folder.
func StartCluster(ctx context.Context) (*pgcluster.Cluster, func(), error) {
	dir, err := os.MkdirTemp("", "roster-test-pg-")
	if err != nil {
		return nil, nil, err
	}
	c, err := pgcluster.Start(ctx, pgcluster.Options{Dir: dir})
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return c, func() {
		_ = c.Stop(context.Background())
		os.RemoveAll(dir)
	}, nil
}

// templateLock serialises template builds across test binaries.
const templateLock = 727_002

// New returns a pool on a fresh, migrated database of its own, dropped when
// the test ends.
func New(tb testing.TB) *pgxpool.Pool {
	tb.Helper()
	return NewWithConfig(tb, nil)
}

// NewWithConfig is New with a hook to adjust the pool configuration (for
// example to install a query tracer).
func NewWithConfig(tb testing.TB, adjust func(*pgxpool.Config)) *pgxpool.Pool {
	tb.Helper()
	ctx := context.Background()
	name := CreateDatabase(tb)
	cfg, err := pgxpool.ParseConfig(urlFor(name))
	if err != nil {
		tb.Fatal(err)
	}
	if adjust != nil {
		adjust(cfg)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(pool.Close)
	return pool
}

// URL returns the connection URL of a database created by CreateDatabase.
func URL(name string) string { return urlFor(name) }

// CreateDatabase clones the migrated template into a new database, dropped
// when the test ends, and returns its name.
func CreateDatabase(tb testing.TB) string {
	tb.Helper()
	if adminURL == "" {
		tb.Fatal("dbtest: no database server; call dbtest.Main(m) from TestMain, or set TEST_DATABASE_URL")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		tb.Fatalf("dbtest: cannot reach TEST_DATABASE_URL: %v", err)
	}
	defer admin.Close(ctx)
	tpl, err := ensureTemplate(ctx, admin)
	if err != nil {
		tb.Fatalf("dbtest: template: %v", err)
	}
	name := "roster_test_" + strings.ToLower(request.NewID())
	for attempt := 0; ; attempt++ {
		_, err = admin.Exec(ctx, fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s`, name, tpl))
		var pgErr *pgconn.PgError
		if err == nil || attempt == 50 || !errors.As(err, &pgErr) || pgErr.Code != "55006" {
			break
		}
		time.Sleep(20 * time.Millisecond) // the template is briefly in use by another clone
	}
	if err != nil {
		tb.Fatalf("dbtest: create database: %v", err)
	}
	tb.Cleanup(func() {
		c, err := pgx.Connect(ctx, adminURL)
		if err == nil {
			_, _ = c.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
			c.Close(ctx)
		}
	})
	return name
}

// ensureTemplate returns the name of the migrated template of the current
// schema version, building it once under an advisory lock.
func ensureTemplate(ctx context.Context, admin *pgx.Conn) (string, error) {
	tpl := "roster_template_" + db.SchemaVersion()
	if _, err := admin.Exec(ctx, `SELECT pg_advisory_lock($1)`, templateLock); err != nil {
		return "", err
	}
	defer admin.Exec(ctx, `SELECT pg_advisory_unlock($1)`, templateLock) //nolint:errcheck
	var exists bool
	if err := admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, tpl).Scan(&exists); err != nil || exists {
		return tpl, err
	}
	building := tpl + "_building"
	if _, err := admin.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, building)); err != nil {
		return "", err
	}
	if _, err := admin.Exec(ctx, fmt.Sprintf(`CREATE DATABASE %s`, building)); err != nil {
		return "", err
	}
	pool, err := db.Open(ctx, urlFor(building), nil)
	if err != nil {
		return "", err
	}
	err = db.Migrate(ctx, pool, nil)
	pool.Close()
	if err != nil {
		return "", err
	}
	_, err = admin.Exec(ctx, fmt.Sprintf(`ALTER DATABASE %s RENAME TO %s`, building, tpl))
	return tpl, err
}

func urlFor(name string) string {
	u, err := url.Parse(adminURL)
	if err != nil {
		return adminURL
	}
	u.Path = "/" + name
	return u.String()
}
