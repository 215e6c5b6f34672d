package scim

import (
	"context"
	"errors"
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

// Token is one SCIM bearer token of an account, as listed (never the secret).
type Token struct {
	ID          uuid.UUID
	AccountID   uuid.UUID
	Description string
	CreatedAt   time.Time
	CreatedBy   *uuid.UUID
	LastUsedAt  *time.Time
	RevokedAt   *time.Time
	RevokedBy   *uuid.UUID
}

// Revoked reports whether the token was revoked.
func (t Token) Revoked() bool { return t.RevokedAt != nil }

// MaxLiveTokens is the most unrevoked tokens an account holds at once: enough
// to rotate (create the new one, switch the directory over, revoke the old).
const MaxLiveTokens = 5

// MaxListedTokens is the most tokens Tokens lists, newest first.
const MaxListedTokens = 100

// tokenPrefix starts every SCIM token, so that secret scanners and people
// reading a log recognise one.
const tokenPrefix = "roster_scim_"

// lastUseStep is how stale lastUsedAt may be: a token's use is written at
// most once per step, not on every request.
const lastUseStep = time.Minute

const tokenColumns = `id, account_id, description, created_at, created_by, last_used_at, revoked_at, revoked_by`

func scanToken(row pgx.Row) (Token, error) {
	var t Token
	err := row.Scan(&t.ID, &t.AccountID, &t.Description, &t.CreatedAt, &t.CreatedBy, &t.LastUsedAt, &t.RevokedAt, &t.RevokedBy)
	if errors.Is(err, pgx.ErrNoRows) {
		return t, errNoToken
	}
	return t, err
}

var errNoToken = apperr.New(apperr.NotFound, "No such SCIM token in this account.")

// Tokens manages the accounts' SCIM tokens for the panel.
type Tokens struct {
	Pool *pgxpool.Pool
}

// inAccount runs fn with the account locked and the actor read again under
// the lock, once CheckAccount allows AccountManageScimTokens.
func (s *Tokens) inAccount(ctx context.Context, by member.Actor, accountID uuid.UUID, fn func(tx pgx.Tx, acct account.Account, actor member.Actor) error) error {
	return db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		acct, err := account.GetForUpdate(ctx, tx, accountID)
		if err != nil {
			return err
		}
		actor, err := member.ActorIn(ctx, tx, accountID, by.UserID, by.IsOperator)
		if err != nil {
			return err
		}
		if e := member.CheckAccount(member.AccountManageScimTokens, actor, acct); e != nil {
			return e
		}
		return fn(tx, acct, actor)
	})
}

// Create makes a SCIM token for an EXTERNAL account and returns it with its
// secret, which exists only in this answer (the database keeps its SHA-256).
// It records account.scim_token_created. It returns NOT_FOUND for an
// unknown account, FORBIDDEN unless by is an operator or the account's
// ACTIVE Owner, INVALID_INPUT for a description that is empty, longer than
// 100 characters or holds control characters, CONFLICT for a LOCAL account
// (its users are managed in the panel) and LIMIT_EXCEEDED past MaxLiveTokens.
func (s *Tokens) Create(ctx context.Context, by member.Actor, accountID uuid.UUID, description string) (Token, string, error) {
	description = strings.TrimSpace(description)
	if description == "" || len([]rune(description)) > 100 || user.HasInvisible(description) {
		return Token{}, "", apperr.New(apperr.InvalidInput, "Describe the token (which directory uses it) in 1 to 100 characters on one line.")
	}
	var out Token
	var secret string
	err := s.inAccount(ctx, by, accountID, func(tx pgx.Tx, acct account.Account, actor member.Actor) error {
		if acct.UserDirectory != account.DirectoryExternal {
			return apperr.New(apperr.Conflict, "SCIM provisions EXTERNAL accounts only; have a platform operator switch this account's user directory to EXTERNAL first.")
		}
		var live int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM scim_tokens WHERE account_id = $1 AND revoked_at IS NULL`, accountID).Scan(&live); err != nil {
			return err
		}
		if live >= MaxLiveTokens {
			return apperr.New(apperr.LimitExceeded, "An account holds at most %d SCIM tokens that are not revoked; revoke one first.", MaxLiveTokens)
		}
		raw, _ := auth.NewToken()
		secret = tokenPrefix + raw
		var err error
		out, err = scanToken(tx.QueryRow(ctx, `INSERT INTO scim_tokens (account_id, description, token_hash, created_by)
			VALUES ($1, $2, $3, $4) RETURNING `+tokenColumns, accountID, description, auth.HashToken(secret), actor.UserID))
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actor.UserID, AccountID: &accountID, Action: "account.scim_token_created",
			After: map[string]any{"tokenId": out.ID, "description": description}})
	})
	if err != nil {
		return Token{}, "", err
	}
	return out, secret, nil
}

// Revoke ends a token at once: its next request is refused. It records
// account.scim_token_revoked. It returns NOT_FOUND for an unknown account
// or a token of another account, FORBIDDEN as Create does, and CONFLICT for
// a token already revoked.
func (s *Tokens) Revoke(ctx context.Context, by member.Actor, accountID, tokenID uuid.UUID) (Token, error) {
	var out Token
	err := s.inAccount(ctx, by, accountID, func(tx pgx.Tx, _ account.Account, actor member.Actor) error {
		t, err := scanToken(tx.QueryRow(ctx, `SELECT `+tokenColumns+` FROM scim_tokens WHERE id = $1 AND account_id = $2 FOR UPDATE`, tokenID, accountID))
		if err != nil {
			return err
		}
		if t.Revoked() {
			return apperr.New(apperr.Conflict, "This SCIM token is already revoked.")
		}
		if out, err = scanToken(tx.QueryRow(ctx, `UPDATE scim_tokens SET revoked_at = now(), revoked_by = $2 WHERE id = $1 RETURNING `+tokenColumns,
			tokenID, actor.UserID)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actor.UserID, AccountID: &accountID, Action: "account.scim_token_revoked",
			Before: map[string]any{"tokenId": tokenID, "description": t.Description}})
	})
	return out, err
}

// List returns the account's tokens, newest first, at most MaxListedTokens,
// revoked ones included. Its errors are the database's.
func List(ctx context.Context, q db.DBTX, accountID uuid.UUID) ([]Token, error) {
	rows, err := q.Query(ctx, `SELECT `+tokenColumns+` FROM scim_tokens WHERE account_id = $1
		ORDER BY created_at DESC, id LIMIT $2`, accountID, MaxListedTokens)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Token, error) { return scanToken(r) })
}

// Authenticate returns the unrevoked token whose secret is given, and its
// account, recording its use (at most once per lastUseStep). It returns
// nil, without error, for an unknown or revoked secret; its errors are the
// database's.
func Authenticate(ctx context.Context, pool *pgxpool.Pool, secret string) (*Token, error) {
	if !strings.HasPrefix(secret, tokenPrefix) || len(secret) > 100 {
		return nil, nil
	}
	t, err := scanToken(pool.QueryRow(ctx, `SELECT `+tokenColumns+` FROM scim_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
		auth.HashToken(secret)))
	if errors.Is(err, errNoToken) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if t.LastUsedAt == nil || time.Since(*t.LastUsedAt) > lastUseStep {
		if _, err := pool.Exec(ctx, `UPDATE scim_tokens SET last_used_at = now() WHERE id = $1
			AND (last_used_at IS NULL OR last_used_at < now() - $2::interval)`, t.ID, lastUseStep.String()); err != nil {
			return nil, err
		}
	}
	return &t, nil
}
