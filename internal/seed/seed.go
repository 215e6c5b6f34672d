// Package seed fills a database: the demo account newcomers sign in to, and
// synthetic accounts, users and memberships in bulk for demos and benchmarks.
package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// DemoPassword is the password of every demo user.
const DemoPassword = "roster-demo-2026"

// DemoUser is one of the demo credentials printed by `roster dev`.
type DemoUser struct {
	Email string
	Role  string
}

// DemoUsers are the demo account's people and the operator, in print order.
var DemoUsers = []DemoUser{
	{"operator@roster.test", "platform operator"},
	{"owner@acme.test", "OWNER of Acme Hosting"},
	{"admin@acme.test", "ADMINISTRATOR of Acme Hosting"},
	{"finance@acme.test", "FINANCE_MANAGER of Acme Hosting"},
	{"user@acme.test", "USER of Acme Hosting (no panel access)"},
}

// Demo creates the demo account and users unless the operator already
// exists; running it again changes nothing.
func Demo(ctx context.Context, pool *pgxpool.Pool) error {
	if _, _, err := user.ByEmail(ctx, pool, DemoUsers[0].Email); err == nil {
		return nil
	}
	hash, err := auth.HashPassword(DemoPassword)
	if err != nil {
		return err
	}
	return db.InTx(ctx, pool, func(tx pgx.Tx) error {
		acct, err := account.Create(ctx, tx, "Acme Hosting", account.DirectoryLocal)
		if err != nil {
			return err
		}
		names := []string{"Olivia Operator", "Owen Owner", "Ada Admin", "Fiona Finance", "Uma User"}
		roles := []member.Role{"", member.RoleOwner, member.RoleAdministrator, member.RoleFinanceManager, member.RoleUser}
		for i, d := range DemoUsers {
			u, err := user.Create(ctx, tx, d.Email, names[i], hash, i == 0)
			if err != nil {
				return err
			}
			if roles[i] != "" {
				if _, err := tx.Exec(ctx, `INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, $3)`, acct.ID, u.ID, roles[i]); err != nil {
					return err
				}
			}
		}
		return audit.Record(ctx, tx, audit.Event{AccountID: &acct.ID, Action: "seed.demo"})
	})
}

// Bulk describes a synthetic data set.
type Bulk struct {
	Accounts int // accounts to create
	Members  int // memberships per account (the first is the Owner)
	Users    int // users to create; members are drawn from them
	Password string
}

// BulkResult says what Run created.
type BulkResult struct {
	Accounts, Users, Memberships int64
	EmailDomain                  string
	Duration                     time.Duration
}

// Run creates the data set with COPY. Users get emails user<N>@<run>.seed.test
// (a fresh run id each time, so runs add up) and share one password. It
// returns INVALID_INPUT when members would exceed users.
func Run(ctx context.Context, pool *pgxpool.Pool, b Bulk) (BulkResult, error) {
	start := time.Now()
	if b.Users < 0 || b.Accounts < 0 || b.Members < 0 || (b.Accounts > 0 && b.Members > b.Users) {
		return BulkResult{}, apperr.New(apperr.InvalidInput, "--members (%d) cannot exceed --users (%d); all must be positive.", b.Members, b.Users)
	}
	hash, err := auth.HashPassword(b.Password)
	if err != nil {
		return BulkResult{}, err
	}
	domain := fmt.Sprintf("r%s.seed.test", uuid.NewString()[:8])
	res := BulkResult{EmailDomain: domain}
	userIDs := make([]uuid.UUID, b.Users)
	for i := range userIDs {
		userIDs[i] = uuid.New()
	}
	accountIDs := make([]uuid.UUID, b.Accounts)
	for i := range accountIDs {
		accountIDs[i] = uuid.New()
	}
	rng := rand.New(rand.NewPCG(uint64(start.UnixNano()), 7))
	err = db.InTx(ctx, pool, func(tx pgx.Tx) error {
		n, err := tx.CopyFrom(ctx, pgx.Identifier{"users"}, []string{"id", "email", "name", "password_hash"},
			rowsOf(b.Users, func(i int) []any {
				return []any{userIDs[i], fmt.Sprintf("user%d@%s", i, domain), fmt.Sprintf("Seed User %d", i), hash}
			}))
		if err != nil {
			return fmt.Errorf("copy users: %w", err)
		}
		res.Users = n
		if res.Accounts, err = tx.CopyFrom(ctx, pgx.Identifier{"accounts"}, []string{"id", "name"},
			rowsOf(b.Accounts, func(i int) []any { return []any{accountIDs[i], fmt.Sprintf("Seed Account %d", i)} })); err != nil {
			return fmt.Errorf("copy accounts: %w", err)
		}
		roles := []member.Role{member.RoleAdministrator, member.RoleFinanceManager, member.RoleUser, member.RoleUser}
		picked := make([]int, b.Members)
		res.Memberships, err = tx.CopyFrom(ctx, pgx.Identifier{"memberships"}, []string{"account_id", "user_id", "role", "status", "sort_name", "sort_email"},
			rowsOf(b.Accounts*b.Members, func(i int) []any {
				a, k := i/b.Members, i%b.Members
				if k == 0 {
					pickDistinct(rng, b.Users, picked)
				}
				role, status := roles[rng.IntN(len(roles))], member.StatusActive
				if k == 0 {
					role = member.RoleOwner
				} else if rng.IntN(10) == 0 {
					status = member.StatusInactive
				}
				// The members page's sort keys, which a trigger would otherwise look up.
				u := picked[k]
				return []any{accountIDs[a], userIDs[u], string(role), string(status),
					strings.ToLower(fmt.Sprintf("Seed User %d", u)), fmt.Sprintf("user%d@%s", u, domain)}
			}))
		if err != nil {
			return fmt.Errorf("copy memberships: %w", err)
		}
		return audit.Record(ctx, tx, audit.Event{Action: "seed.bulk", After: map[string]any{
			"accounts": res.Accounts, "users": res.Users, "memberships": res.Memberships, "domain": domain}})
	})
	if err == nil {
		// VACUUM sets the visibility map, so pages are read from the indexes alone.
		_, err = pool.Exec(ctx, `VACUUM (ANALYZE) users, accounts, memberships, membership_counts, user_counts, account_counts`)
	}
	res.Duration = time.Since(start)
	return res, err
}

// pickDistinct fills out with distinct numbers below n.
func pickDistinct(rng *rand.Rand, n int, out []int) {
	seen := make(map[int]bool, len(out))
	for i := range out {
		for {
			v := rng.IntN(n)
			if !seen[v] {
				seen[v], out[i] = true, v
				break
			}
		}
	}
}

// rowsOf streams n generated rows to COPY without holding them in memory.
func rowsOf(n int, row func(i int) []any) pgx.CopyFromSource {
	i := -1
	return pgx.CopyFromFunc(func() ([]any, error) {
		i++
		if i >= n {
			return nil, nil
		}
		return row(i), nil
	})
}
