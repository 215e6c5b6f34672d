// Package credential keeps the records of what the customer's services
// created for a member (mailboxes, API keys, …), so that detaching the
// member can purge them.
package credential

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/user"
)

// Credential is one service credential of a member.
type Credential struct {
	ID        uuid.UUID
	AccountID uuid.UUID
	UserID    uuid.UUID
	Kind      string
	Name      string
	CreatedAt time.Time
}

const columns = `id, account_id, user_id, kind, name, created_at`

func scan(r pgx.CollectableRow) (Credential, error) {
	var c Credential
	return c, r.Scan(&c.ID, &c.AccountID, &c.UserID, &c.Kind, &c.Name, &c.CreatedAt)
}

// Add records a credential for a member of the account. It returns
// INVALID_INPUT for an empty or overlong kind or name, or one holding control
// or format characters (user.HasInvisible), and NOT_FOUND when the user is
// not a member.
func Add(ctx context.Context, pool *pgxpool.Pool, actor, accountID, userID uuid.UUID, kind, name string) (Credential, error) {
	kind, name = strings.TrimSpace(kind), strings.TrimSpace(name)
	if kind == "" || name == "" || len(kind) > 50 || len(name) > 200 || user.HasInvisible(kind) || user.HasInvisible(name) {
		return Credential{}, apperr.New(apperr.InvalidInput, "A credential needs a kind (at most 50 characters) and a name (at most 200), each on one line without control characters.")
	}
	var c Credential
	err := db.InTx(ctx, pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `INSERT INTO service_credentials (account_id, user_id, kind, name)
			SELECT account_id, user_id, $3, $4 FROM memberships WHERE account_id = $1 AND user_id = $2
			RETURNING `+columns, accountID, userID, kind, name)
		if err != nil {
			return err
		}
		list, err := pgx.CollectRows(rows, scan)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return apperr.New(apperr.NotFound, "This user is not a member of the account.")
		}
		c = list[0]
		return audit.Record(ctx, tx, audit.Event{ActorID: &actor, AccountID: &accountID, TargetUserID: &userID, Action: "credential.added",
			After: map[string]any{"credentialId": c.ID, "kind": kind, "name": name}})
	})
	return c, err
}

// List returns an account's credentials, of one user when userID is not nil.
func List(ctx context.Context, q db.DBTX, accountID uuid.UUID, userID *uuid.UUID) ([]Credential, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM service_credentials
		WHERE account_id = $1 AND ($2::uuid IS NULL OR user_id = $2) ORDER BY created_at, id`, accountID, userID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scan)
}

// Purge permanently deletes the user's credentials in the account created up
// to until, and records how many went. Running it again deletes nothing more.
func Purge(ctx context.Context, pool *pgxpool.Pool, accountID, userID uuid.UUID, until time.Time) (int64, error) {
	var n int64
	err := db.InTx(ctx, pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM service_credentials WHERE account_id = $1 AND user_id = $2 AND created_at <= $3`, accountID, userID, until)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		n = tag.RowsAffected()
		return audit.Record(ctx, tx, audit.Event{AccountID: &accountID, TargetUserID: &userID, Action: "credential.purged",
			After: map[string]any{"count": n}})
	})
	return n, err
}
