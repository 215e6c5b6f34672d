package auth

import (
	"context"
	"time"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/db"
)

// Throttle limits failed sign-ins per email and per client address in a fixed
// window. It is kept in PostgreSQL so that every API process shares it.
type Throttle struct {
	Window     time.Duration
	PerEmail   int
	PerAddress int
}

// DefaultThrottle allows 10 failures per email and 100 per client address in 15 minutes.
var DefaultThrottle = Throttle{Window: 15 * time.Minute, PerEmail: 10, PerAddress: 100}

func (t Throttle) keys(email, addr string) map[string]int {
	k := map[string]int{"email:" + email: t.PerEmail}
	if addr != "" {
		k["addr:"+addr] = t.PerAddress
	}
	return k
}

// Check returns LIMIT_EXCEEDED, with the time the window resets, when the
// email or the address has used up its failures.
func (t Throttle) Check(ctx context.Context, q db.DBTX, email, addr string) error {
	for key, limit := range t.keys(email, addr) {
		var failures int
		var started time.Time
		err := q.QueryRow(ctx, `SELECT failures, window_started_at FROM sign_in_failures
			WHERE key = $1 AND window_started_at > now() - $2::interval`, key, t.Window.String()).Scan(&failures, &started)
		if err == nil && failures >= limit {
			resets := started.Add(t.Window).UTC()
			return apperr.New(apperr.LimitExceeded, "Too many failed sign-in attempts; try again after %s.", resets.Format(time.RFC3339)).
				With("resetsAt", resets.Format(time.RFC3339))
		}
	}
	return nil
}

// Fail counts one failed sign-in for the email and the address.
func (t Throttle) Fail(ctx context.Context, q db.DBTX, email, addr string) error {
	for key := range t.keys(email, addr) {
		_, err := q.Exec(ctx, `INSERT INTO sign_in_failures AS f (key, failures, window_started_at) VALUES ($1, 1, now())
			ON CONFLICT (key) DO UPDATE SET
				failures = CASE WHEN f.window_started_at > now() - $2::interval THEN f.failures + 1 ELSE 1 END,
				window_started_at = CASE WHEN f.window_started_at > now() - $2::interval THEN f.window_started_at ELSE now() END`,
			key, t.Window.String())
		if err != nil {
			return err
		}
	}
	return nil
}

// Succeed forgets the failures of an email after a successful sign-in.
func (t Throttle) Succeed(ctx context.Context, q db.DBTX, email string) error {
	_, err := q.Exec(ctx, `DELETE FROM sign_in_failures WHERE key = $1`, "email:"+email)
	return err
}
