package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/db"
)

// Throttle limits password attempts per email and per client address in a
// fixed window. It is kept in PostgreSQL so that every API process shares it.
// A side effect to know: anyone can use up an email's attempts and so lock
// its owner out of password sign-in for one window. The per-address limit
// alone never refuses a correct password (many people may share an address
// behind a proxy or NAT): past it, wrong passwords get LIMIT_EXCEEDED.
type Throttle struct {
	Window     time.Duration
	PerEmail   int
	PerAddress int
}

// DefaultThrottle allows 10 failures per email and 100 per client address in 15 minutes.
var DefaultThrottle = Throttle{Window: 15 * time.Minute, PerEmail: 10, PerAddress: 100}

// throttleHits counts refused attempts by key kind, process-wide.
var throttleHits = prometheus.NewCounterVec(prometheus.CounterOpts{
	Name: "roster_sign_in_throttled_total",
	Help: "Password attempts refused with LIMIT_EXCEEDED by the sign-in throttle, by key: email (the address's attempts are used up) or addr (the client address's are).",
}, []string{"key"})

// ThrottleMetrics returns the collector of the sign-in throttle's refusals
// (roster_sign_in_throttled_total{key}). It is shared by every Throttle of
// the process, so register it once per registry.
func ThrottleMetrics() prometheus.Collector { return throttleHits }

// throttleKey is the stored key of an email or address: a SHA-256, so that
// a key of any length fits the index and none is stored in clear.
func throttleKey(kind, value string) string {
	h := sha256.Sum256([]byte(kind + ":" + value))
	return kind + ":" + hex.EncodeToString(h[:])
}

// Verify checks password against hash under the throttle: the attempt is
// counted for the email and the address before the password is checked,
// atomically, so parallel guesses cannot slip past the limit. It returns
// LIMIT_EXCEEDED (with resetsAt) without checking when the email has used up
// its attempts, and for a wrong password when the address has; otherwise it
// reports whether the password matches, and a match gives the attempts back.
func (t Throttle) Verify(ctx context.Context, q db.DBTX, email, addr, password, hash string) (bool, error) {
	if err := t.count(ctx, q, throttleKey("email", email), t.PerEmail); err != nil {
		return false, err
	}
	var addrErr error
	if addr != "" {
		addrErr = t.count(ctx, q, throttleKey("addr", addr), t.PerAddress)
		if addrErr != nil && apperr.As(addrErr) == nil {
			return false, addrErr
		}
	}
	if !VerifyPassword(password, hash) {
		return false, addrErr
	}
	return true, t.succeed(ctx, q, email, addr)
}

// count counts one attempt for key and returns LIMIT_EXCEEDED, with the time
// the window resets, once key has used up limit attempts.
func (t Throttle) count(ctx context.Context, q db.DBTX, key string, limit int) error {
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
		kind, _, _ := strings.Cut(key, ":")
		throttleHits.WithLabelValues(kind).Inc()
		resets := started.Add(t.Window).UTC().Truncate(time.Second)
		return apperr.New(apperr.LimitExceeded, "Too many failed attempts; try again after %s.", resets.Format(time.RFC3339)).
			With("resetsAt", resets.Format(time.RFC3339))
	}
	return nil
}

// succeed forgets the email's attempts and gives the address (when Verify
// counted one) its attempt back.
func (t Throttle) succeed(ctx context.Context, q db.DBTX, email, addr string) error {
	if _, err := q.Exec(ctx, `DELETE FROM sign_in_failures WHERE key = $1`, throttleKey("email", email)); err != nil {
		return err
	}
	if addr == "" {
		return nil
	}
	_, err := q.Exec(ctx, `UPDATE sign_in_failures SET failures = greatest(failures - 1, 0) WHERE key = $1`, throttleKey("addr", addr))
	return err
}
