// Package account holds the customer accounts (tenants) and their settings.
package account

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/user"
)

// UserDirectory says where an account's users come from.
type UserDirectory string

const (
	// DirectoryLocal is the directory of accounts whose users Roster manages.
	DirectoryLocal UserDirectory = "LOCAL"
	// DirectoryExternal is the directory of accounts whose users come from the
	// customer's own identity system; member (de)activation is refused there.
	DirectoryExternal UserDirectory = "EXTERNAL"
)

// Account is a customer of the platform.
type Account struct {
	ID                              uuid.UUID
	Name                            string
	UserDirectory                   UserDirectory
	RequireDeactivationBeforeDelete bool
	CreatedAt                       time.Time
}

// ErrNotFound is returned when no account matches.
var ErrNotFound = apperr.New(apperr.NotFound, "No such account.")

const columns = `a.id, a.name, a.user_directory, a.require_deactivation_before_delete, a.created_at`

func scan(row pgx.Row) (Account, error) {
	var a Account
	err := row.Scan(&a.ID, &a.Name, &a.UserDirectory, &a.RequireDeactivationBeforeDelete, &a.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, ErrNotFound
	}
	return a, err
}

// Get returns the account with id, or ErrNotFound.
func Get(ctx context.Context, q db.DBTX, id uuid.UUID) (Account, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM accounts a WHERE a.id = $1`, id))
}

// GetForUpdate returns the account and locks its row until the end of tx, so
// that changes to one account's memberships are serialised. The lock is FOR
// NO KEY UPDATE: it does not block the foreign-key checks of rows inserted
// for the account elsewhere. It returns ErrNotFound.
func GetForUpdate(ctx context.Context, tx pgx.Tx, id uuid.UUID) (Account, error) {
	return scan(tx.QueryRow(ctx, `SELECT `+columns+` FROM accounts a WHERE a.id = $1 FOR NO KEY UPDATE`, id))
}

// ByIDs returns the accounts with the given ids; missing ids are left out.
func ByIDs(ctx context.Context, q db.DBTX, ids []uuid.UUID) ([]Account, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM accounts a WHERE a.id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Account, error) { return scan(r) })
}

// ActiveMembershipsOf returns the accounts in which the user has an ACTIVE
// membership, by name. It returns database errors as is.
func ActiveMembershipsOf(ctx context.Context, q db.DBTX, userID uuid.UUID) ([]Account, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM accounts a JOIN memberships m ON m.account_id = a.id
		WHERE m.user_id = $1 AND m.status = 'ACTIVE' ORDER BY lower(a.name), a.id`, userID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Account, error) { return scan(r) })
}

// Create inserts a LOCAL or EXTERNAL account with the deletion rule off. It
// returns an INVALID_INPUT error for a bad name.
func Create(ctx context.Context, tx pgx.Tx, name string, dir UserDirectory) (Account, error) {
	return CreateWith(ctx, tx, Account{Name: name, UserDirectory: dir})
}

// CreateWith inserts an account with a's name, user directory (LOCAL when
// empty) and requireDeactivationBeforeDelete. It returns an INVALID_INPUT
// error for a bad name (empty, over 200 characters, or holding control or
// format characters: user.NormalizeName) or an unknown directory.
func CreateWith(ctx context.Context, tx pgx.Tx, a Account) (Account, error) {
	name, err := user.NormalizeName(a.Name) // like a person's: it goes into emails' subjects and plain text
	if err != nil {
		return Account{}, err
	}
	if a.UserDirectory == "" {
		a.UserDirectory = DirectoryLocal
	}
	if !a.UserDirectory.IsValid() {
		return Account{}, errBadDirectory
	}
	return scan(tx.QueryRow(ctx, `INSERT INTO accounts AS a (name, user_directory, require_deactivation_before_delete)
		VALUES ($1, $2, $3) RETURNING `+columns, name, a.UserDirectory, a.RequireDeactivationBeforeDelete))
}

// IsValid reports whether d is LOCAL or EXTERNAL.
func (d UserDirectory) IsValid() bool { return d == DirectoryLocal || d == DirectoryExternal }

var errBadDirectory = apperr.New(apperr.InvalidInput, "The user directory is LOCAL or EXTERNAL.")

// Changes are the settings an update asks for; nil fields stay as they are.
type Changes struct {
	Name                            *string
	UserDirectory                   *UserDirectory
	RequireDeactivationBeforeDelete *bool
}

// Diff returns the changes of c that differ from before, with the name
// normalized: what an update would actually change. It returns INVALID_INPUT
// for a bad name or an unknown directory.
func (c Changes) Diff(before Account) (Changes, error) {
	var out Changes
	if c.Name != nil {
		name, err := user.NormalizeName(*c.Name)
		if err != nil {
			return Changes{}, err
		}
		if name != before.Name {
			out.Name = &name
		}
	}
	if c.UserDirectory != nil {
		if !c.UserDirectory.IsValid() {
			return Changes{}, errBadDirectory
		}
		if *c.UserDirectory != before.UserDirectory {
			out.UserDirectory = c.UserDirectory
		}
	}
	if c.RequireDeactivationBeforeDelete != nil && *c.RequireDeactivationBeforeDelete != before.RequireDeactivationBeforeDelete {
		out.RequireDeactivationBeforeDelete = c.RequireDeactivationBeforeDelete
	}
	return out, nil
}

// Update applies changes (as returned by Diff) to the account before, locked
// by GetForUpdate in tx, and records one audit event by actorID per setting
// changed: account.renamed, account.user_directory_changed,
// account.deactivation_rule_changed. It returns the account as it now stands,
// or any database error as is.
func Update(ctx context.Context, tx pgx.Tx, actorID uuid.UUID, before Account, c Changes) (Account, error) {
	after, err := scan(tx.QueryRow(ctx, `UPDATE accounts AS a SET name = coalesce($2, a.name),
		user_directory = coalesce($3, a.user_directory),
		require_deactivation_before_delete = coalesce($4, a.require_deactivation_before_delete)
		WHERE a.id = $1 RETURNING `+columns, before.ID, c.Name, c.UserDirectory, c.RequireDeactivationBeforeDelete))
	if err != nil {
		return Account{}, err
	}
	for _, e := range []struct {
		changed       bool
		action, field string
		before, after any
	}{
		{c.Name != nil, "account.renamed", "name", before.Name, after.Name},
		{c.UserDirectory != nil, "account.user_directory_changed", "userDirectory", before.UserDirectory, after.UserDirectory},
		{c.RequireDeactivationBeforeDelete != nil, "account.deactivation_rule_changed", "requireDeactivationBeforeDelete",
			before.RequireDeactivationBeforeDelete, after.RequireDeactivationBeforeDelete},
	} {
		if !e.changed {
			continue
		}
		if err := audit.Record(ctx, tx, audit.Event{ActorID: &actorID, AccountID: &before.ID, Action: e.action,
			Before: map[string]any{e.field: e.before}, After: map[string]any{e.field: e.after}}); err != nil {
			return Account{}, err
		}
	}
	return after, nil
}

// Filter narrows the account list.
type Filter struct {
	// MemberID restricts the list to accounts where this user has an ACTIVE
	// membership with one of Roles.
	MemberID *uuid.UUID
	Roles    []string
	Search   string
}

func (f Filter) where(args *[]any) string {
	conds := []string{"TRUE"}
	if f.MemberID != nil {
		*args = append(*args, *f.MemberID, f.Roles)
		conds = append(conds, fmt.Sprintf(`EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = a.id
			AND m.user_id = $%d AND m.status = 'ACTIVE' AND m.role = ANY($%d))`, len(*args)-1, len(*args)))
	}
	if pattern, _ := db.SearchPattern(f.Search); pattern != "" { // List and Count checked it
		*args = append(*args, pattern)
		conds = append(conds, fmt.Sprintf("lower(a.name) LIKE $%d", len(*args)))
	}
	return strings.Join(conds, " AND ")
}

// List returns up to first accounts matching f, ordered by name, after the
// cursor after, and whether more follow. It returns an INVALID_INPUT error for
// a malformed cursor or an overlong search.
func List(ctx context.Context, q db.DBTX, f Filter, first int, after string) ([]Account, bool, error) {
	if _, err := db.SearchPattern(f.Search); err != nil {
		return nil, false, err
	}
	var args []any
	where := f.where(&args)
	if after != "" {
		name, id, err := decodeCursor(after)
		if err != nil {
			return nil, false, err
		}
		args = append(args, name, id)
		where += fmt.Sprintf(" AND (lower(a.name), a.id) > ($%d, $%d)", len(args)-1, len(args))
	}
	args = append(args, first+1)
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM accounts a WHERE `+where+
		fmt.Sprintf(` ORDER BY lower(a.name), a.id LIMIT $%d`, len(args)), db.PlanEachTime(args...)...)
	if err != nil {
		return nil, false, err
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Account, error) { return scan(r) })
	if err != nil || len(list) <= first {
		return list, false, err
	}
	return list[:first], true, nil
}

// Count returns how many accounts match f: exactly from the maintained
// counter when f filters nothing, otherwise exactly up to db.CountBound and
// beyond it that bound, flagged as a lower bound.
func Count(ctx context.Context, q db.DBTX, f Filter) (db.Count, error) {
	if _, err := db.SearchPattern(f.Search); err != nil {
		return db.Count{}, err
	}
	if f.MemberID == nil && strings.TrimSpace(f.Search) == "" {
		var n int
		err := q.QueryRow(ctx, `SELECT coalesce(sum(n), 0)::bigint FROM account_counts`).Scan(&n)
		return db.Count{N: n, Exact: true}, err
	}
	var args []any
	return db.CountUpTo(ctx, q, "accounts a", f.where(&args), args...)
}

// CompactCounts folds the delta rows that the triggers of migration 0004 add
// to account_counts into one. It returns the delta rows folded.
func CompactCounts(ctx context.Context, q db.DBTX) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, `WITH d AS (DELETE FROM account_counts WHERE EXISTS (SELECT 1 FROM account_counts WHERE NOT folded) RETURNING *),
		i AS (INSERT INTO account_counts (n, folded) SELECT sum(n), true FROM d HAVING count(*) > 0)
		SELECT count(*) FROM d WHERE NOT folded`).Scan(&n)
	return n, err
}

// Cursor returns the opaque cursor of a in the list's order.
func (a Account) Cursor() string {
	return base64.RawURLEncoding.EncodeToString([]byte("a:" + a.ID.String() + ":" + strings.ToLower(a.Name)))
}

func decodeCursor(c string) (string, uuid.UUID, error) {
	bad := db.ErrBadCursor
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "a:") || len(b) < 39 || b[38] != ':' ||
		strings.ToValidUTF8(string(b), "") != string(b) || strings.ContainsRune(string(b), 0) {
		return "", uuid.Nil, bad // invalid UTF-8 and NUL too: PostgreSQL would refuse them as text
	}
	id, err := uuid.Parse(string(b[2:38]))
	if err != nil {
		return "", uuid.Nil, bad
	}
	return string(b[39:]), id, nil
}
