package auth

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/request"
	"github.com/rosterhq/roster/internal/user"
)

// Service signs users in and out and changes their credentials.
type Service struct {
	Pool       *pgxpool.Pool
	SessionTTL time.Duration
	Throttle   Throttle
	Mailer     TokenMailer
}

// MaxEmailBytes is the longest email address (RFC 5321: 254 octets in a
// path); MaxPasswordBytes the longest password worth checking.
const (
	MaxEmailBytes    = 254
	MaxPasswordBytes = 1024
)

// errBadCredentials is the one answer for an unknown email and a wrong
// password, so that nothing reveals whether an email exists.
var errBadCredentials = apperr.New(apperr.Unauthenticated, "The email or password is incorrect.")

// SignIn checks the credentials and opens a session. It returns
// INVALID_INPUT for an over-long email or password, UNAUTHENTICATED for an
// unknown email or a wrong password alike, LIMIT_EXCEEDED after too many
// failures (see Throttle), USER_INACTIVE for a globally deactivated user and
// FORBIDDEN for a user no account gives panel access.
func (s *Service) SignIn(ctx context.Context, email, password string) (string, user.User, error) {
	if len(email) > MaxEmailBytes || len(password) > MaxPasswordBytes {
		return "", user.User{}, apperr.New(apperr.InvalidInput, "An email has at most %d characters and a password at most %d bytes.", MaxEmailBytes, MaxPasswordBytes)
	}
	addr := request.From(ctx).ClientAddr
	normalized, err := user.NormalizeEmail(email)
	if err != nil {
		normalized = email // still throttled and still answered the same way
	}
	u, hash, err := user.ByEmail(ctx, s.Pool, normalized)
	if err != nil && apperr.CodeOf(err) != apperr.NotFound {
		return "", user.User{}, err
	}
	ok, err := s.Throttle.Verify(ctx, s.Pool, normalized, addr, password, hash)
	if err != nil {
		return "", user.User{}, err
	}
	if !ok {
		return "", user.User{}, errBadCredentials
	}
	if u.Status != user.StatusActive {
		return "", user.User{}, apperr.New(apperr.UserInactive, "Your user has been deactivated; contact your provider's support to restore it.")
	}
	var token string
	err = db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		// Read the user again under a lock: a deactivation or removal that
		// lands while the password was being checked either happens before
		// this (and is seen) or waits for it (and revokes this session).
		locked, err := user.GetForShare(ctx, tx, u.ID)
		if err != nil {
			return err
		}
		if locked.Status != user.StatusActive {
			return apperr.New(apperr.UserInactive, "Your user has been deactivated; contact your provider's support to restore it.")
		}
		ok, err := HasPanelAccess(ctx, tx, locked)
		if err != nil {
			return err
		}
		if !ok {
			return apperr.New(apperr.Forbidden, "None of your accounts gives you access to the panel; ask an account administrator.")
		}
		var sessionID uuid.UUID
		if token, sessionID, err = CreateSession(ctx, tx, u.ID, s.SessionTTL); err != nil {
			return err
		}
		if err := user.TouchSignIn(ctx, tx, u.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &u.ID, TargetUserID: &u.ID, Action: "user.signed_in",
			After: map[string]any{"sessionId": sessionID}})
	})
	if err != nil {
		return "", user.User{}, err
	}
	now := time.Now()
	u.LastSignInAt = &now
	return token, u, nil
}

// HasPanelAccess reports whether u may hold a session: an operator, or a
// user with an ACTIVE membership whose role gives panel access. Sign-in and
// invitation acceptance both decide by it (LoadViewer applies the same rule
// to the memberships it loads).
func HasPanelAccess(ctx context.Context, q db.DBTX, u user.User) (bool, error) {
	if u.IsOperator {
		return true, nil
	}
	var ok bool
	err := q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM memberships
		WHERE user_id = $1 AND status = 'ACTIVE' AND role = ANY($2))`, u.ID, member.PanelRoles).Scan(&ok)
	return ok, err
}

// SignOut ends the viewer's session.
func (s *Service) SignOut(ctx context.Context, v *Viewer) error {
	return db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		if err := RevokeSession(ctx, tx, v.SessionID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &v.User.ID, TargetUserID: &v.User.ID, Action: "user.signed_out"})
	})
}

// ChangePassword sets a new password after checking the current one, and ends
// the viewer's other sessions. It returns INVALID_INPUT for an unacceptable
// new password (before checking the current one), UNAUTHENTICATED for a
// wrong current password and LIMIT_EXCEEDED after too many failures.
func (s *Service) ChangePassword(ctx context.Context, v *Viewer, current, next string) error {
	if err := ValidatePassword(next); err != nil {
		return err
	}
	hash, err := user.PasswordHash(ctx, s.Pool, v.User.ID)
	if err != nil {
		return err
	}
	ok, err := s.Throttle.Verify(ctx, s.Pool, v.User.Email, request.From(ctx).ClientAddr, current, hash)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.New(apperr.Unauthenticated, "The current password is incorrect.")
	}
	newHash, err := HashPassword(next)
	if err != nil {
		return err
	}
	return db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		return SetPassword(ctx, tx, v.User.ID, newHash, v.SessionID, &v.User.ID, "user.password_changed")
	})
}

// SetPassword stores a password hash, ends the user's sessions except keep,
// uses up their open reset and welcome links, and records the audit event
// action, all in tx.
func SetPassword(ctx context.Context, tx pgx.Tx, userID uuid.UUID, hash string, keep uuid.UUID, actor *uuid.UUID, action string) error {
	if err := user.SetPassword(ctx, tx, userID, hash); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE user_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, userID); err != nil {
		return err
	}
	n, err := RevokeUserSessions(ctx, tx, userID, keep)
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Event{ActorID: actor, TargetUserID: &userID, Action: action,
		After: map[string]any{"sessionsRevoked": n}})
}

// Rename changes a user's display name and records who did it. It returns
// INVALID_INPUT for a bad name and NOT_FOUND for an unknown user.
func Rename(ctx context.Context, pool *pgxpool.Pool, actor uuid.UUID, target uuid.UUID, name string) (user.User, error) {
	name, err := user.NormalizeName(name)
	if err != nil {
		return user.User{}, err
	}
	var u user.User
	err = db.InTx(ctx, pool, func(tx pgx.Tx) error {
		before, err := user.GetForUpdate(ctx, tx, target)
		if err != nil {
			return err
		}
		if u, err = user.SetName(ctx, tx, target, name); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actor, TargetUserID: &target, Action: "user.renamed",
			Before: map[string]any{"name": before.Name}, After: map[string]any{"name": name}})
	})
	return u, err
}
