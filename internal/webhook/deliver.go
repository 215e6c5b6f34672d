package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/db"
)

// retrySchedule is how long a delivery waits after each failed attempt
// (Standard Webhooks' suggested schedule): 5 s, 5 min, 30 min, 2 h, 5 h,
// 10 h, 10 h — about 28 hours from the first attempt to the last.
var retrySchedule = []time.Duration{5 * time.Second, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 5 * time.Hour, 10 * time.Hour, 10 * time.Hour}

// MaxAttempts is how often a delivery is tried before it fails for good.
var MaxAttempts = len(retrySchedule) + 1

// RetryDelay returns how long to wait after failed attempt number attempt
// (from 1) before the next.
func RetryDelay(attempt int) time.Duration {
	return retrySchedule[min(max(attempt, 1), len(retrySchedule))-1]
}

// responseExcerpt is how much of a failed response's body the delivery
// keeps as its last error; drainLimit is how much is read at most.
const (
	responseExcerpt = 256
	drainLimit      = 64 << 10
)

// userAgent identifies Roster's deliveries.
const userAgent = "Roster-Webhooks/1"

// NewClient returns the HTTP client of deliveries: the whole attempt is
// bounded by timeout, redirects are not followed (a 3xx counts as a failed
// attempt: a receiver that moved must be reconfigured, and a redirect must
// not carry a signed event elsewhere), no proxy is taken from the
// environment, and connections to Forbidden addresses are refused after
// name resolution.
func NewClient(timeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: timeout, ControlContext: dialControl}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:                 nil,
			DialContext:           dialer.DialContext,
			TLSHandshakeTimeout:   timeout,
			ResponseHeaderTimeout: timeout,
			MaxIdleConnsPerHost:   4,
			IdleConnTimeout:       90 * time.Second,
			ForceAttemptHTTP2:     true,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Sender makes delivery attempts.
type Sender struct {
	Pool   *pgxpool.Pool
	Sealer Sealer
	Client *http.Client
}

// ErrAttemptFailed wraps why an attempt failed; the attempt is recorded
// and, unless it was the last, the delivery is retried.
var ErrAttemptFailed = errors.New("webhook delivery attempt failed")

// Attempt makes attempt number attempt (from 1) of a delivery and records
// its outcome. It does nothing for a delivery that no longer exists (its
// endpoint was deleted) or is already finished, so a repeated job sends
// nothing twice once one attempt succeeded; it cancels, sending nothing, a
// delivery whose endpoint is disabled. A failed attempt — a network error, a
// timeout, or a status other than 2xx — is recorded (RETRYING, or FAILED
// after MaxAttempts) and returned wrapped in ErrAttemptFailed; other errors
// are the database's.
func (s *Sender) Attempt(ctx context.Context, deliveryID uuid.UUID, attempt int) error {
	var (
		status                 DeliveryStatus
		eventID                uuid.UUID
		body, url, secret      string
		previous               *string
		endpointID             uuid.UUID
		enabled, previousValid bool
	)
	err := s.Pool.QueryRow(ctx, `SELECT d.status, e.id, e.body, ep.id, ep.url, ep.enabled, ep.secret, ep.previous_secret,
			coalesce(ep.previous_secret_expires_at > now(), false)
		FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id JOIN webhook_endpoints ep ON ep.id = d.endpoint_id
		WHERE d.id = $1`, deliveryID).Scan(&status, &eventID, &body, &endpointID, &url, &enabled, &secret, &previous, &previousValid)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	switch {
	case status == DeliverySucceeded || status == DeliveryFailed || status == DeliveryCancelled:
		return nil
	case !enabled:
		_, err := s.Pool.Exec(ctx, `UPDATE webhook_deliveries SET status = 'CANCELLED', next_attempt_at = NULL,
			last_error = $2 WHERE id = $1 AND status IN ('PENDING', 'RETRYING')`, deliveryID, notSentDisabled)
		return err
	}
	code, failure := s.post(ctx, endpointID, eventID, url, secret, previous, previousValid, []byte(body))
	// The outcome is recorded even when ctx ended the attempt (River's
	// JOB_TIMEOUT, a worker shutting down): else the delivery would stay
	// PENDING without a trace of it, and for ever after its last attempt.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	return s.record(rctx, deliveryID, attempt, code, failure)
}

// recordTimeout bounds the recording of an attempt's outcome, which outlives
// the attempt's own context.
const recordTimeout = 10 * time.Second

// post sends the body once and returns the response's status code (0 when
// none came) and, for a failed attempt, why.
func (s *Sender) post(ctx context.Context, endpointID, eventID uuid.UUID, url, secret string, previous *string, previousValid bool, body []byte) (int, string) {
	secrets := []string{}
	for _, stored := range []*string{&secret, previous} {
		if stored == nil || (stored == previous && !previousValid) {
			continue
		}
		plain, err := s.Sealer.Open(endpointID, *stored)
		if err != nil {
			return 0, "Not sent: " + err.Error() + "."
		}
		secrets = append(secrets, plain)
	}
	now := time.Now()
	sig, err := Sign(secrets, eventID.String(), now, body)
	if err != nil {
		return 0, "Not sent: " + err.Error() + "."
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, "Not sent: the endpoint URL does not make a request."
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("webhook-id", eventID.String())
	req.Header.Set("webhook-timestamp", strconv.FormatInt(now.Unix(), 10))
	req.Header.Set("webhook-signature", sig)
	resp, err := s.Client.Do(req)
	if err != nil {
		return 0, describe(err)
	}
	defer resp.Body.Close()
	excerpt, _ := io.ReadAll(io.LimitReader(resp.Body, responseExcerpt))
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return resp.StatusCode, ""
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		return resp.StatusCode, fmt.Sprintf("HTTP %d: redirects are not followed (Location: %s); point the endpoint at the final URL.",
			resp.StatusCode, clean(resp.Header.Get("Location"), 200))
	}
	msg := fmt.Sprintf("HTTP %d", resp.StatusCode)
	if e := clean(string(excerpt), responseExcerpt); e != "" {
		msg += ": " + e
	}
	return resp.StatusCode, msg
}

// record stores the attempt's outcome and returns ErrAttemptFailed, wrapped,
// for a failed one.
func (s *Sender) record(ctx context.Context, deliveryID uuid.UUID, attempt, code int, failure string) error {
	var codeArg *int
	if code != 0 {
		codeArg = &code
	}
	if failure == "" {
		_, err := s.Pool.Exec(ctx, `UPDATE webhook_deliveries SET status = 'SUCCEEDED', attempts = $2, last_attempt_at = now(),
			last_status_code = $3, last_error = NULL, next_attempt_at = NULL, delivered_at = now()
			WHERE id = $1 AND status IN ('PENDING', 'RETRYING')`, deliveryID, attempt, codeArg)
		return err
	}
	status, next := DeliveryRetrying, any(time.Now().Add(RetryDelay(attempt)))
	if attempt >= MaxAttempts {
		status, next = DeliveryFailed, nil
	}
	if _, err := s.Pool.Exec(ctx, `UPDATE webhook_deliveries SET status = $2, attempts = $3, last_attempt_at = now(),
		last_status_code = $4, last_error = $5, next_attempt_at = $6
		WHERE id = $1 AND status IN ('PENDING', 'RETRYING')`, deliveryID, status, attempt, codeArg, failure, next); err != nil {
		return err
	}
	return fmt.Errorf("%w: %s", ErrAttemptFailed, failure)
}

// describe turns a transport error into a short reason.
func describe(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, errForbiddenAddress):
		return "Not sent: " + errForbiddenAddress.Error() + "."
	case errors.As(err, &ne) && ne.Timeout():
		return "Timed out: the endpoint did not answer in time."
	}
	return clean(err.Error(), responseExcerpt)
}

// clean makes text safe to store and show: valid UTF-8, no control
// characters, at most n bytes.
func clean(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	for len(s) > n {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}

// notSentDisabled is the lastError of a delivery cancelled because its
// endpoint was disabled.
const notSentDisabled = "Not sent: the endpoint was disabled."

// Retention is how long finished deliveries (and their events) are kept.
const Retention = 30 * 24 * time.Hour

// Abandoned is how long past its due time an unfinished delivery may wait
// before Cleanup marks it FAILED: the longest wait between two attempts is
// 10 hours, so only a delivery whose job is gone (cancelled or discarded in
// River UI) or whose workers were all down that long gets there.
const Abandoned = 3 * 24 * time.Hour

// Cleanup marks FAILED the deliveries Abandoned past their due time, deletes
// deliveries finished more than Retention ago and the events left without a
// delivery. A late job of an abandoned delivery then finds it finished and
// sends nothing. Its errors are the database's.
func Cleanup(ctx context.Context, q db.DBTX) error {
	if _, err := q.Exec(ctx, `UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL,
		last_error = 'Abandoned: no attempt was made within 3 days of its due time (its job was cancelled or lost).'
		WHERE status IN ('PENDING', 'RETRYING') AND coalesce(next_attempt_at, created_at) < now() - $1 * interval '1 second'`,
		int64(Abandoned.Seconds())); err != nil {
		return err
	}
	if _, err := q.Exec(ctx, `DELETE FROM webhook_deliveries WHERE status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')
		AND created_at < now() - $1 * interval '1 second'`, int64(Retention.Seconds())); err != nil {
		return err
	}
	_, err := q.Exec(ctx, `DELETE FROM webhook_events e WHERE e.occurred_at < now() - $1 * interval '1 second'
		AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)`, int64(Retention.Seconds()))
	return err
}
