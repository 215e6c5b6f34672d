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
	Status    *Status
	AccountID *uuid.UUID
	Role      *string
	Search    string
}

func (f Filter) where(args *[]any) string {
	var conds []string
	add := func(cond string, v any) {
		*args = append(*args, v)
		conds = append(conds, fmt.Sprintf(cond, len(*args)))
	}
	if f.Status != nil {
		add("u.status = $%d", string(*f.Status))
	}
	if f.AccountID != nil || f.Role != nil {
		sub := "EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id"
		if f.AccountID != nil {
			*args = append(*args, *f.AccountID)
			sub += fmt.Sprintf(" AND m.account_id = $%d", len(*args))
		}
		if f.Role != nil {
			*args = append(*args, *f.Role)
			sub += fmt.Sprintf(" AND m.role = $%d", len(*args))
		}
		conds = append(conds, sub+")")
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		*args = append(*args, "%"+db.EscapeLike(strings.ToLower(s))+"%")
		n := len(*args)
		conds = append(conds, fmt.Sprintf("(u.email LIKE $%d OR lower(u.name) LIKE $%d)", n, n))
	}
	if len(conds) == 0 {
		return "TRUE"
	}
	return strings.Join(conds, " AND ")
}

// List returns up to first users matching f, ordered by email, after the
// cursor after, and whether more follow. It returns an INVALID_INPUT error for
// a malformed cursor.
func List(ctx context.Context, q db.DBTX, f Filter, first int, after string) ([]User, bool, error) {
	var args []any
	where := f.where(&args)
	if after != "" {
		email, err := DecodeCursor(after)
		if err != nil {
			return nil, false, err
		}
		args = append(args, email)
		where += fmt.Sprintf(" AND u.email > $%d", len(args))
	}
	args = append(args, first+1)
	rows, err := q.Query(ctx, `SELECT `+Columns+` FROM users u WHERE `+where+
		fmt.Sprintf(` ORDER BY u.email LIMIT $%d`, len(args)), args...)
	if err != nil {
		return nil, false, err
	}
	users, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (User, error) { return Scan(r) })
	if err != nil || len(users) <= first {
		return users, false, err
	}
	return users[:first], true, nil
}

// Count returns how many users match f.
func Count(ctx context.Context, q db.DBTX, f Filter) (int, error) {
	var args []any
	var n int
	err := q.QueryRow(ctx, `SELECT count(*) FROM users u WHERE `+f.where(&args), args...).Scan(&n)
	return n, err
}

// Cursor returns the opaque cursor of u in the explorer's order.
func (u User) Cursor() string { return base64.RawURLEncoding.EncodeToString([]byte("u:" + u.Email)) }

// DecodeCursor returns the email inside a cursor made by Cursor. It returns an
// INVALID_INPUT error for anything else.
func DecodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "u:") {
		return "", db.ErrBadCursor
	}
	return string(b[2:]), nil
}
