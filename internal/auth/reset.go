package auth

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/user"
)

// TokenPurpose says what a one-time user token is for.
type TokenPurpose string

const (
	// PurposePasswordReset is the purpose of a link that resets a forgotten password.
	PurposePasswordReset TokenPurpose = "PASSWORD_RESET"
	// PurposeWelcome is the purpose of a link that lets a user who never signed in set a password.
	PurposeWelcome TokenPurpose = "WELCOME"
)

// TokenMailer inserts, in the caller's transaction, the job that makes a
// one-time token for a user and mails its link.
type TokenMailer interface {
	TokenEmail(ctx context.Context, tx pgx.Tx, userID uuid.UUID, purpose TokenPurpose) error
	// ResetEmailTo queues a reset link for whoever owns email, if anyone:
	// the job looks the address up, so the request costs the same either way.
	ResetEmailTo(ctx context.Context, tx pgx.Tx, email string) error
}

// RequestPasswordReset queues a reset link for the address. The job mails it
// only when the address belongs to an ACTIVE user; the request does the same
// work and gives the same answer for every address, so nothing reveals
// whether an email exists.
func (s *Service) RequestPasswordReset(ctx context.Context, email string) error {
	if len(email) > MaxEmailBytes {
		return nil // not an address: no user can have it
	}
	normalized, err := user.NormalizeEmail(email)
	if err != nil {
		return nil // not an address: no user can have it
	}
	return db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		return s.Mailer.ResetEmailTo(ctx, tx, normalized)
	})
}

// SendAccessEmail mails a user a welcome (set-password) link or a password
// reset link on behalf of actor. A welcome link is only for a user who never
// signed in and a reset link only for one who has; the wrong one is refused
// with CONFLICT naming the right one. It returns NOT_FOUND and USER_INACTIVE.
func (s *Service) SendAccessEmail(ctx context.Context, actor, userID uuid.UUID, purpose TokenPurpose) error {
	return db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		u, err := user.GetForUpdate(ctx, tx, userID)
		if err != nil {
			return err
		}
		switch {
		case u.Status != user.StatusActive:
			return apperr.New(apperr.UserInactive, "This user is deactivated platform-wide and gets no email; activate them first.")
		case purpose == PurposeWelcome && u.LastSignInAt != nil:
			return apperr.New(apperr.Conflict, "This user has signed in before: use sendPasswordResetEmail instead.")
		case purpose == PurposePasswordReset && u.LastSignInAt == nil:
			return apperr.New(apperr.Conflict, "This user has never signed in: use sendWelcomeEmail instead.")
		}
		if err := s.Mailer.TokenEmail(ctx, tx, u.ID, purpose); err != nil {
			return err
		}
		action := map[TokenPurpose]string{PurposeWelcome: "user.welcome_email_sent", PurposePasswordReset: "user.password_reset_email_sent"}[purpose]
		return audit.Record(ctx, tx, audit.Event{ActorID: &actor, TargetUserID: &u.ID, Action: action})
	})
}

var errTokenInvalid = apperr.New(apperr.NotFound, "This link is not valid or was already used; request a new one.")

// ResetPassword sets a new password with a reset or welcome link's token,
// uses the token up, and ends every session of the user. The token is
// looked up before the password is hashed, so a bogus token costs no
// argon2id. It returns NOT_FOUND for an unknown or used token,
// INVITATION_EXPIRED for an expired one, USER_INACTIVE and INVALID_INPUT for
// an unacceptable password.
func (s *Service) ResetPassword(ctx context.Context, token, password string) error {
	if err := ValidatePassword(password); err != nil {
		return err
	}
	tokenHash := HashToken(token)
	if _, err := checkToken(ctx, s.Pool, tokenHash, ""); err != nil {
		return err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		// Again under a lock: the token may have been used meanwhile.
		userID, err := checkToken(ctx, tx, tokenHash, "FOR UPDATE")
		if err != nil {
			return err
		}
		u, err := user.GetForUpdate(ctx, tx, userID)
		if err != nil {
			return err
		}
		if u.Status != user.StatusActive {
			return apperr.New(apperr.UserInactive, "Your user is deactivated platform-wide; contact your provider's support.")
		}
		// SetPassword uses up this token and every other open one of the user.
		return SetPassword(ctx, tx, userID, hash, uuid.Nil, &userID, "user.password_reset")
	})
}

// checkToken returns the user of an unused, unexpired one-time token (lock:
// "" or "FOR UPDATE"). It returns NOT_FOUND for an unknown or used token and
// INVITATION_EXPIRED for an expired one.
func checkToken(ctx context.Context, q db.DBTX, tokenHash []byte, lock string) (uuid.UUID, error) {
	var userID uuid.UUID
	var expired, used bool
	err := q.QueryRow(ctx, `SELECT user_id, expires_at < now(), used_at IS NOT NULL FROM user_tokens
		WHERE token_hash = $1 `+lock, tokenHash).Scan(&userID, &expired, &used)
	switch {
	case errors.Is(err, pgx.ErrNoRows) || (err == nil && used):
		return uuid.Nil, errTokenInvalid
	case err != nil:
		return uuid.Nil, err
	case expired:
		return uuid.Nil, apperr.New(apperr.InvitationExpired, "This link has expired; request a new one.")
	}
	return userID, nil
}
