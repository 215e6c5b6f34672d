// Package user holds the people who use the panel: their identity, global
// status and the operator flag, and the queries of the user explorer.
package user

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
	"github.com/rosterhq/roster/internal/db"
)

// Status is a user's global status.
type Status string

const (
	// StatusActive is the status of a user who may sign in and receive email.
	StatusActive Status = "ACTIVE"
	// StatusInactive is the status of a user deactivated platform-wide: no
	// sign-in anywhere and no email of any kind.
	StatusInactive Status = "INACTIVE"
)

// IsValid reports whether s is a known status.
func (s Status) IsValid() bool { return s == StatusActive || s == StatusInactive }

// User is one person, identified by a unique email address.
type User struct {
	ID              uuid.UUID
	Email           string
	Name            string
	Status          Status
	StatusChangedAt time.Time
	IsOperator      bool
	LastSignInAt    *time.Time
	CreatedAt       time.Time
}

// ErrNotFound is returned when no user matches.
var ErrNotFound = apperr.New(apperr.NotFound, "No such user.")

// Columns lists the user columns (table alias u) that Scan reads, in order.
const Columns = `u.id, u.email, u.name, u.status, u.status_changed_at, u.is_operator, u.last_sign_in_at, u.created_at`

// Scan reads the Columns of one row, then extra, into a User. It returns ErrNotFound for no row.
func Scan(row pgx.Row, extra ...any) (User, error) {
	var u User
	err := row.Scan(append([]any{&u.ID, &u.Email, &u.Name, &u.Status, &u.StatusChangedAt, &u.IsOperator, &u.LastSignInAt, &u.CreatedAt}, extra...)...)
	if errors.Is(err, pgx.ErrNoRows) {
		return u, ErrNotFound
	}
	return u, err
}

// Get returns the user with id, or ErrNotFound.
func Get(ctx context.Context, q db.DBTX, id uuid.UUID) (User, error) {
	return Scan(q.QueryRow(ctx, `SELECT `+Columns+` FROM users u WHERE u.id = $1`, id))
}

// GetForUpdate returns the user with id and locks its row until the end of tx.
func GetForUpdate(ctx context.Context, tx pgx.Tx, id uuid.UUID) (User, error) {
	return Scan(tx.QueryRow(ctx, `SELECT `+Columns+` FROM users u WHERE u.id = $1 FOR UPDATE`, id))
}

// LockForUpdate returns the users with the given ids, locked until the end
// of tx, locking them in id order so that overlapping calls cannot deadlock;
// ids without a user are left out. It returns database errors as is.
func LockForUpdate(ctx context.Context, tx pgx.Tx, ids []uuid.UUID) ([]User, error) {
	rows, err := tx.Query(ctx, `SELECT `+Columns+` FROM users u WHERE u.id = ANY($1) ORDER BY u.id FOR UPDATE`, ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (User, error) { return Scan(r) })
}

// LockForShare shares the rows of the users with the given ids until the
// end of tx, in id order (as LockForUpdate locks them), so that no status
// change can commit meanwhile and overlapping calls cannot deadlock; ids
// without a user are skipped. It returns database errors as is.
func LockForShare(ctx context.Context, tx pgx.Tx, ids []uuid.UUID) error {
	_, err := tx.Exec(ctx, `SELECT 1 FROM users WHERE id = ANY($1) ORDER BY id FOR SHARE`, ids)
	return err
}

// GetForShare returns the user with id and holds a share lock on the row
// until the end of tx, so no status change can commit meanwhile.
func GetForShare(ctx context.Context, tx pgx.Tx, id uuid.UUID) (User, error) {
	return Scan(tx.QueryRow(ctx, `SELECT `+Columns+` FROM users u WHERE u.id = $1 FOR SHARE`, id))
}

// ByIDs returns the users with the given ids, in no particular order; ids
// without a user are left out.
func ByIDs(ctx context.Context, q db.DBTX, ids []uuid.UUID) ([]User, error) {
	rows, err := q.Query(ctx, `SELECT `+Columns+` FROM users u WHERE u.id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (User, error) { return Scan(r) })
}

// ByEmail returns the user with the (normalised) email and their password
// hash, empty when no password was ever set. It returns ErrNotFound.
func ByEmail(ctx context.Context, q db.DBTX, email string) (User, string, error) {
	var hash *string
	u, err := Scan(q.QueryRow(ctx, `SELECT `+Columns+`, u.password_hash FROM users u WHERE u.email = $1`, email), &hash)
	if hash == nil {
		return u, "", err
	}
	return u, *hash, err
}

// PasswordHash returns the stored password hash of a user, empty when none is set.
func PasswordHash(ctx context.Context, q db.DBTX, id uuid.UUID) (string, error) {
	var hash *string
	err := q.QueryRow(ctx, `SELECT password_hash FROM users WHERE id = $1`, id).Scan(&hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", ErrNotFound
	}
	if hash == nil {
		return "", err
	}
	return *hash, err
}

// Create inserts a user. It returns a CONFLICT error when the email is taken.
func Create(ctx context.Context, tx pgx.Tx, email, name, passwordHash string, operator bool) (User, error) {
	var hash *string
	if passwordHash != "" {
		hash = &passwordHash
	}
	u, err := Scan(tx.QueryRow(ctx, `INSERT INTO users AS u (email, name, password_hash, is_operator)
		VALUES ($1, $2, $3, $4) RETURNING `+Columns, email, name, hash, operator))
	if db.IsUniqueViolation(err, "users_email_key") {
		return u, apperr.New(apperr.Conflict, "A user with this email already exists.")
	}
	return u, err
}

// SetName renames a user. It returns ErrNotFound.
func SetName(ctx context.Context, tx pgx.Tx, id uuid.UUID, name string) (User, error) {
	return Scan(tx.QueryRow(ctx, `UPDATE users u SET name = $2 WHERE u.id = $1 RETURNING `+Columns, id, name))
}

// SetPassword stores a new password hash. It returns ErrNotFound.
func SetPassword(ctx context.Context, tx pgx.Tx, id uuid.UUID, hash string) error {
	tag, err := tx.Exec(ctx, `UPDATE users SET password_hash = $2 WHERE id = $1`, id, hash)
	if err == nil && tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return err
}

// SetOperator grants or withdraws the platform-operator flag.
func SetOperator(ctx context.Context, tx pgx.Tx, id uuid.UUID, operator bool) error {
	_, err := tx.Exec(ctx, `UPDATE users SET is_operator = $2 WHERE id = $1`, id, operator)
	return err
}

// TouchSignIn records a successful sign-in.
func TouchSignIn(ctx context.Context, tx pgx.Tx, id uuid.UUID) error {
	_, err := tx.Exec(ctx, `UPDATE users SET last_sign_in_at = now() WHERE id = $1`, id)
	return err
}

// Filter narrows the user explorer.
type Filter struct {
	Status *Status
	// AccountID and Role keep the users with a membership in that account,
	// with that role, or both.
	AccountID *uuid.UUID
	Role      *string
	Search    string
}

// query returns the FROM and WHERE of the users matching f, and whether the
// rows come from memberships (one per user and account) rather than users.
//
// Without an account or role the explorer reads users in email order. With
// one it reads memberships in email order (their sort_email copy of the
// user's email, migration 0004) — unless f asks for INACTIVE users, who are
// few on any platform: then it reads those users in email order and probes
// their memberships. Either way a page is an index range, and a search uses
// a trigram index.
func (f Filter) query(args *[]any) (from, where string, viaMemberships bool) {
	var conds []string
	add := func(cond string, v any) {
		*args = append(*args, v)
		conds = append(conds, strings.ReplaceAll(cond, "$?", fmt.Sprintf("$%d", len(*args))))
	}
	viaMemberships = (f.AccountID != nil || f.Role != nil) && (f.Status == nil || *f.Status != StatusInactive)
	from, emailCol, nameCol := "users u", "u.email", "lower(u.name)"
	switch {
	case viaMemberships:
		from, emailCol, nameCol = "memberships m", "m.sort_email", "m.sort_name"
		if f.Status != nil {
			from = "memberships m JOIN users u ON u.id = m.user_id"
		}
		if f.AccountID != nil {
			add("m.account_id = $?", *f.AccountID)
		}
		if f.Role != nil {
			add("m.role = $?", *f.Role)
		}
	case f.AccountID != nil || f.Role != nil:
		probe := "EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id"
		if f.AccountID != nil {
			*args = append(*args, *f.AccountID)
			probe += fmt.Sprintf(" AND m.account_id = $%d", len(*args))
		}
		if f.Role != nil {
			*args = append(*args, *f.Role)
			probe += fmt.Sprintf(" AND m.role = $%d", len(*args))
		}
		conds = append(conds, probe+")")
	}
	if f.Status != nil {
		add("u.status = $?", string(*f.Status))
	}
	if pattern, _ := db.SearchPattern(f.Search); pattern != "" { // List and Count checked it
		add("("+emailCol+" LIKE $? OR "+nameCol+" LIKE $?)", pattern)
	}
	if len(conds) == 0 {
		return from, "TRUE", viaMemberships
	}
	return from, strings.Join(conds, " AND "), viaMemberships
}

// List returns up to first users matching f, ordered by email, after the
// cursor after, and whether more follow. It returns an INVALID_INPUT error for
// a malformed cursor or an overlong search.
func List(ctx context.Context, q db.DBTX, f Filter, first int, after string) ([]User, bool, error) {
	if _, err := db.SearchPattern(f.Search); err != nil {
		return nil, false, err
	}
	var args []any
	from, where, viaMemberships := f.query(&args)
	emailCol, distinct, selectFrom := "u.email", "", from
	if viaMemberships {
		emailCol = "m.sort_email"
		if f.AccountID == nil {
			distinct = "DISTINCT ON (m.sort_email) " // a user may hold the role in several accounts
		}
		if f.Status == nil {
			selectFrom = from + " JOIN users u ON u.id = m.user_id"
		}
	}
	if after != "" {
		email, err := DecodeCursor(after)
		if err != nil {
			return nil, false, err
		}
		args = append(args, email)
		where += fmt.Sprintf(" AND %s > $%d", emailCol, len(args))
	}
	args = append(args, first+1)
	rows, err := q.Query(ctx, `SELECT `+distinct+Columns+` FROM `+selectFrom+` WHERE `+where+
		fmt.Sprintf(` ORDER BY %s LIMIT $%d`, emailCol, len(args)), db.PlanEachTime(args...)...)
	if err != nil {
		return nil, false, err
	}
	users, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (User, error) { return Scan(r) })
	if err != nil || len(users) <= first {
		return users, false, err
	}
	return users[:first], true, nil
}

// Count returns how many users match f: exactly from the maintained counters
// when f has no search and names an account or no role; otherwise exactly up
// to db.CountBound and beyond it that bound, flagged as a lower bound.
func Count(ctx context.Context, q db.DBTX, f Filter) (db.Count, error) {
	pattern, err := db.SearchPattern(f.Search)
	if err != nil {
		return db.Count{}, err
	}
	search := pattern != ""
	switch {
	case !search && f.AccountID == nil && f.Role == nil:
		args, cond := []any{}, "TRUE"
		if f.Status != nil {
			args, cond = append(args, string(*f.Status)), "status = $1"
		}
		return sumCounter(ctx, q, `SELECT coalesce(sum(n), 0)::bigint FROM user_counts WHERE `+cond, args...)
	case !search && f.AccountID != nil:
		args, cond := []any{*f.AccountID}, "account_id = $1"
		if f.Role != nil {
			args, cond = append(args, *f.Role), cond+fmt.Sprintf(" AND role = $%d", len(args)+1)
		}
		if f.Status != nil {
			args, cond = append(args, string(*f.Status)), cond+fmt.Sprintf(" AND user_status = $%d", len(args)+1)
		}
		return sumCounter(ctx, q, `SELECT coalesce(sum(n), 0)::bigint FROM membership_counts WHERE `+cond, args...)
	}
	var args []any
	from, where, viaMemberships := f.query(&args)
	if viaMemberships && f.AccountID == nil {
		// A user may hold the role in several accounts: count emails once.
		return db.CountUpTo(ctx, q, "(SELECT DISTINCT m.sort_email FROM "+from+" WHERE "+where+") d", "TRUE", args...)
	}
	return db.CountUpTo(ctx, q, from, where, args...)
}

func sumCounter(ctx context.Context, q db.DBTX, sql string, args ...any) (db.Count, error) {
	var n int
	err := q.QueryRow(ctx, sql, args...).Scan(&n)
	return db.Count{N: n, Exact: true}, err
}

// Cursor returns the opaque cursor of u in the explorer's order.
func (u User) Cursor() string { return base64.RawURLEncoding.EncodeToString([]byte("u:" + u.Email)) }

// DecodeCursor returns the email inside a cursor made by Cursor. It returns an
// INVALID_INPUT error for anything else, invalid UTF-8 and NUL included
// (PostgreSQL would refuse them as text).
func DecodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "u:") || strings.ToValidUTF8(string(b), "") != string(b) || strings.ContainsRune(string(b), 0) {
		return "", db.ErrBadCursor
	}
	return string(b[2:]), nil
}

// CompactCounts folds the delta rows that the triggers of migration 0004 add
// to user_counts into one row per status, so reading a total stays a handful
// of rows. Deltas of transactions still open are left for the next run. It
// returns the delta rows folded.
func CompactCounts(ctx context.Context, q db.DBTX) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, `WITH d AS (DELETE FROM user_counts WHERE EXISTS (SELECT 1 FROM user_counts WHERE NOT folded) RETURNING *),
		i AS (INSERT INTO user_counts (status, n, folded) SELECT status, sum(n), true FROM d GROUP BY 1 HAVING sum(n) <> 0)
		SELECT count(*) FROM d WHERE NOT folded`).Scan(&n)
	return n, err
}
