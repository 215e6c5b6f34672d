package auth

import (
	"context"
	"time"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/db"
)

// Throttle limits password attempts per email and per client address in a
// fixed window. It is kept in PostgreSQL so that every API process shares it.
// A side effect to know: anyone can use up an email's attempts and so lock
// its owner out of password sign-in for one window.
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

// Attempt counts one attempt for the email and the address before the
// password is checked, atomically, so parallel guesses cannot slip past the
// limit. It returns LIMIT_EXCEEDED, with the time the window resets, once
// either has used up its attempts. Succeed gives a successful attempt back.
func (t Throttle) Attempt(ctx context.Context, q db.DBTX, email, addr string) error {
	for key, limit := range t.keys(email, addr) {
		var failures int
		var started time.Time
		if err := q.QueryRow(ctx, `INSERT INTO sign_in_failures AS f (key, failures, window_started_at) VALUES ($1, 1, now())
			ON CONFLICT (key) DO UPDATE SET
				failures = CASE WHEN f.window_started_at > now() - $2::interval THEN f.failures + 1 ELSE 1 END,
				window_started_at = CASE WHEN f.window_started_at > now() - $2::interval THEN f.window_started_at ELSE now() END
			RETURNING failures, window_started_at`, key, t.Window.String()).Scan(&failures, &started); err != nil {
			return err
		}
		if failures > limit {
			resets := started.Add(t.Window).UTC().Truncate(time.Second)
			return apperr.New(apperr.LimitExceeded, "Too many failed attempts; try again after %s.", resets.Format(time.RFC3339)).
				With("resetsAt", resets.Format(time.RFC3339))
		}
	}
	return nil
}

// Succeed forgets the email's attempts and gives the address its attempt back.
func (t Throttle) Succeed(ctx context.Context, q db.DBTX, email, addr string) error {
	if _, err := q.Exec(ctx, `DELETE FROM sign_in_failures WHERE key = $1`, "email:"+email); err != nil {
		return err
	}
	_, err := q.Exec(ctx, `UPDATE sign_in_failures SET failures = greatest(failures - 1, 0) WHERE key = $1`, "addr:"+addr)
	return err
}
