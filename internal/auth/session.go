package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/request"
	"github.com/rosterhq/roster/internal/user"
)

// NewToken returns a random token (32 bytes, URL-safe base64) and the
// SHA-256 hash that is the only form of it ever stored.
func NewToken() (string, []byte) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken returns the SHA-256 of a token.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// CreateSession stores a new session for the user in tx and returns its bearer token.
func CreateSession(ctx context.Context, tx pgx.Tx, userID uuid.UUID, ttl time.Duration) (string, uuid.UUID, error) {
	token, hash := NewToken()
	info := request.From(ctx)
	var id uuid.UUID
	err := tx.QueryRow(ctx, `INSERT INTO sessions (user_id, token_hash, expires_at, client_addr, user_agent)
		VALUES ($1, $2, now() + $3::interval, $4, $5) RETURNING id`,
		userID, hash, ttl.String(), info.ClientAddr, truncate(info.UserAgent, 300)).Scan(&id)
	return token, id, err
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// RevokeSession ends one session.
func RevokeSession(ctx context.Context, q db.DBTX, sessionID uuid.UUID) error {
	_, err := q.Exec(ctx, `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, sessionID)
	return err
}

// RevokeUserSessions ends every live session of a user except keep (uuid.Nil
// keeps none) and returns how many it ended.
func RevokeUserSessions(ctx context.Context, q db.DBTX, userID, keep uuid.UUID) (int64, error) {
	tag, err := q.Exec(ctx, `UPDATE sessions SET revoked_at = now()
		WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`, userID, keep)
	return tag.RowsAffected(), err
}

// LoadViewer returns the viewer of a bearer token — the user and all their
// memberships, read in one statement on every request — or nil when the token
// is unknown, revoked, expired, or belongs to a user who is globally INACTIVE
// or has no panel access any more (not an operator, no ACTIVE membership with
// a panel role): a session is worth only what its user may do now.
func LoadViewer(ctx context.Context, q db.DBTX, token string) (*Viewer, error) {
	token = strings.TrimSpace(token)
	if token == "" || len(token) > 100 {
		return nil, nil
	}
	v := &Viewer{Memberships: map[uuid.UUID]member.Membership{}}
	var accounts []uuid.UUID
	var roles, statuses []string
	var changed, created []time.Time
	u, err := user.Scan(q.QueryRow(ctx, `SELECT `+user.Columns+`, s.id,
			coalesce(array_agg(m.account_id) FILTER (WHERE m.account_id IS NOT NULL), '{}'),
			coalesce(array_agg(m.role) FILTER (WHERE m.account_id IS NOT NULL), '{}'),
			coalesce(array_agg(m.status) FILTER (WHERE m.account_id IS NOT NULL), '{}'),
			coalesce(array_agg(m.status_changed_at) FILTER (WHERE m.account_id IS NOT NULL), '{}'),
			coalesce(array_agg(m.created_at) FILTER (WHERE m.account_id IS NOT NULL), '{}')
		FROM sessions s
		JOIN users u ON u.id = s.user_id
		LEFT JOIN memberships m ON m.user_id = u.id
		WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'ACTIVE'
		GROUP BY u.id, s.id`, HashToken(token)), &v.SessionID, &accounts, &roles, &statuses, &changed, &created)
	if errors.Is(err, user.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	v.User = u
	for i, id := range accounts {
		v.Memberships[id] = member.Membership{AccountID: id, UserID: u.ID, Role: member.Role(roles[i]),
			Status: member.Status(statuses[i]), StatusChangedAt: changed[i], CreatedAt: created[i]}
	}
	if !v.HasPanelAccess() {
		return nil, nil
	}
	return v, nil
}
