package jobs

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/rosterhq/roster/internal/mail"
)

// Job states of the metrics and logs: the state a job is left in by one
// attempt.
const (
	StateCompleted = "completed"
	StateRetryable = "retryable"
	StateDiscarded = "discarded"
	StateCancelled = "cancelled"
	StateSnoozed   = "snoozed"
)

// Email outcomes of roster_emails_total.
const (
	EmailSent       = "sent"
	EmailFailed     = "failed"
	EmailSuppressed = "suppressed"
)

// Metrics counts and times the jobs this process works, and the emails they
// send. Its Middleware installs it in a River client.
type Metrics struct {
	jobs     *prometheus.CounterVec
	duration *prometheus.HistogramVec
	emails   *prometheus.CounterVec
	logger   *slog.Logger
}

// NewMetrics returns job and email metrics registered in reg
// (roster_jobs_total{kind,state}, roster_job_duration_seconds{kind,state},
// roster_emails_total{kind,outcome}); failures are logged to logger. It
// panics when reg already holds metrics of these names.
func NewMetrics(reg prometheus.Registerer, logger *slog.Logger) *Metrics {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	m := &Metrics{
		jobs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "roster_jobs_total",
			Help: "Job attempts worked by this process, by kind and the state the attempt left the job in (completed, retryable, discarded, cancelled, snoozed).",
		}, []string{"kind", "state"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "roster_job_duration_seconds",
			Help:    "Job attempt duration by kind and resulting state.",
			Buckets: []float64{.001, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"kind", "state"}),
		emails: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "roster_emails_total",
			Help: "Emails by job kind and outcome: sent, failed (one failed SMTP attempt, temporary or permanent), suppressed (not sent because the recipient or the invitation no longer qualifies).",
		}, []string{"kind", "outcome"}),
		logger: logger,
	}
	reg.MustRegister(m.jobs, m.duration, m.emails)
	return m
}

// Middleware returns River worker middleware that records every attempt in
// m, logs failures (WARN when the job will be retried, ERROR when it is
// discarded or panicked) and lets the job's emails be counted.
func (m *Metrics) Middleware() rivertype.WorkerMiddleware { return &workerMiddleware{m: m} }

type workerMiddleware struct {
	river.MiddlewareDefaults
	m *Metrics
}

type jobInfoKey struct{}

type jobInfo struct {
	kind string
	m    *Metrics
}

// Work runs the job and records its outcome.
func (w *workerMiddleware) Work(ctx context.Context, job *rivertype.JobRow, doInner func(context.Context) error) (err error) {
	start := time.Now()
	ctx = context.WithValue(ctx, jobInfoKey{}, &jobInfo{kind: job.Kind, m: w.m})
	defer func() {
		if p := recover(); p != nil {
			w.record(ctx, job, start, StateRetryable, nil, p)
			panic(p)
		}
	}()
	err = doInner(ctx)
	w.record(ctx, job, start, stateAfter(job, err), err, nil)
	return err
}

func (w *workerMiddleware) record(ctx context.Context, job *rivertype.JobRow, start time.Time, state string, err error, panicked any) {
	if panicked != nil && job.Attempt >= job.MaxAttempts {
		state = StateDiscarded
	}
	elapsed := time.Since(start)
	w.m.jobs.WithLabelValues(job.Kind, state).Inc()
	w.m.duration.WithLabelValues(job.Kind, state).Observe(elapsed.Seconds())
	attrs := []slog.Attr{slog.Int64("job_id", job.ID), slog.String("job_kind", job.Kind), slog.Int("attempt", job.Attempt),
		slog.Int("max_attempts", job.MaxAttempts), slog.String("state", state), slog.Float64("duration_ms", Millis(elapsed))}
	switch {
	case panicked != nil:
		w.m.logger.LogAttrs(ctx, slog.LevelError, "job panicked", append(attrs, slog.Any("panic", panicked))...)
	case err == nil || state == StateSnoozed:
	case state == StateRetryable:
		w.m.logger.LogAttrs(ctx, slog.LevelWarn, "job failed; will retry", append(attrs, slog.String("error", err.Error()))...)
	case state == StateCancelled:
		w.m.logger.LogAttrs(ctx, slog.LevelWarn, "job cancelled", append(attrs, slog.String("error", err.Error()))...)
	default:
		w.m.logger.LogAttrs(ctx, slog.LevelError, "job failed for good", append(attrs, slog.String("error", err.Error()))...)
	}
}

// stateAfter is the state an attempt that returned err leaves job in.
func stateAfter(job *rivertype.JobRow, err error) string {
	var cancel *rivertype.JobCancelError
	var snooze *rivertype.JobSnoozeError
	switch {
	case err == nil:
		return StateCompleted
	case errors.As(err, &cancel):
		return StateCancelled
	case errors.As(err, &snooze):
		return StateSnoozed
	case job.Attempt >= job.MaxAttempts:
		return StateDiscarded
	default:
		return StateRetryable
	}
}

// Millis returns d in milliseconds, to the microsecond: logs print durations
// as float milliseconds (duration_ms), never as integer nanoseconds.
func Millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// countEmail records an email outcome of the job running in ctx; nothing
// outside a job worked through the middleware.
func countEmail(ctx context.Context, outcome string) {
	if info, ok := ctx.Value(jobInfoKey{}).(*jobInfo); ok {
		info.m.emails.WithLabelValues(info.kind, outcome).Inc()
	}
}

// countingMailer counts each email it sends as sent or failed.
type countingMailer struct{ Mailer }

// Send sends m and counts the outcome.
func (c countingMailer) Send(ctx context.Context, m mail.Message) error {
	err := c.Mailer.Send(ctx, m)
	if err != nil {
		countEmail(ctx, EmailFailed)
	} else {
		countEmail(ctx, EmailSent)
	}
	return err
}
