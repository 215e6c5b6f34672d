// Package jobs holds Roster's River jobs: their arguments, their workers, and
// the registration of both with a River client.
package jobs

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
	"github.com/rosterhq/roster/internal/webhook"
)

// Deps are what the workers need.
type Deps struct {
	Pool      *pgxpool.Pool
	Mailer    Mailer
	PublicURL string
	// WelcomeTTL is how long a welcome (set-password) link works.
	WelcomeTTL time.Duration
	// Changes announces, after their commit, changes too frequent for the
	// database triggers (an invitation's delivery state); nil announces none.
	Changes Changes
	// Webhooks makes webhook delivery attempts.
	Webhooks *webhook.Sender
}

// Changes is told of committed changes that subscribers should hear of.
type Changes interface {
	InvitationChanged(id uuid.UUID)
}

// Register adds every worker to workers.
// The emails of jobs worked through Metrics.Middleware are counted.
func Register(workers *river.Workers, d Deps) {
	if d.Mailer != nil {
		d.Mailer = countingMailer{d.Mailer}
	}
	river.AddWorker(workers, &CleanupWorker{Pool: d.Pool})
	river.AddWorker(workers, &CompactCountsWorker{Pool: d.Pool})
	river.AddWorker(workers, &SendInvitationEmailWorker{Pool: d.Pool, Mailer: d.Mailer, PublicURL: d.PublicURL, Changes: d.Changes})
	river.AddWorker(workers, NewSendWelcomeEmailWorker(d))
	river.AddWorker(workers, NewSendPasswordResetEmailWorker(d))
	river.AddWorker(workers, &PurgeUserServicesWorker{Pool: d.Pool})
	river.AddWorker(workers, &ReplaceNotificationRecipientWorker{Pool: d.Pool})
	river.AddWorker(workers, &DeliverNotificationWorker{Pool: d.Pool, Mailer: d.Mailer})
	river.AddWorker(workers, &DeliverWebhookWorker{Sender: d.Webhooks})
}

// PeriodicJobs returns the jobs River runs on a schedule.
func PeriodicJobs() []*river.PeriodicJob {
	return []*river.PeriodicJob{
		river.NewPeriodicJob(river.PeriodicInterval(10*time.Minute),
			func() (river.JobArgs, *river.InsertOpts) { return CleanupArgs{}, nil },
			&river.PeriodicJobOpts{RunOnStart: true}),
		river.NewPeriodicJob(river.PeriodicInterval(time.Minute),
			func() (river.JobArgs, *river.InsertOpts) { return CompactCountsArgs{}, nil },
			&river.PeriodicJobOpts{RunOnStart: true}),
	}
}

// CompactCountsArgs is the periodic job that folds the delta rows of the
// maintained member, user and account counters.
type CompactCountsArgs struct{}

// Kind is the job kind stored by River.
func (CompactCountsArgs) Kind() string { return "CompactCounts" }

// InsertOpts makes at most one compaction wait at a time.
func (CompactCountsArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByPeriod: time.Minute}}
}

// CompactCountsWorker works CompactCountsArgs. It is idempotent: folding
// folded rows changes nothing.
type CompactCountsWorker struct {
	river.WorkerDefaults[CompactCountsArgs]
	Pool *pgxpool.Pool
}

// Work folds the counters' delta rows.
func (w *CompactCountsWorker) Work(ctx context.Context, _ *river.Job[CompactCountsArgs]) error {
	if _, err := member.CompactCounts(ctx, w.Pool); err != nil {
		return err
	}
	if _, err := account.CompactCounts(ctx, w.Pool); err != nil {
		return err
	}
	_, err := user.CompactCounts(ctx, w.Pool)
	return err
}

// CleanupArgs is the periodic job that expires invitations and deletes old
// sessions, tokens and sign-in failure counters.
type CleanupArgs struct{}

// Kind is the job kind stored by River.
func (CleanupArgs) Kind() string { return "Cleanup" }

// InsertOpts makes at most one cleanup wait at a time.
func (CleanupArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByPeriod: time.Minute}}
}

// CleanupWorker works CleanupArgs. It is idempotent: each statement only
// touches rows already past their time.
type CleanupWorker struct {
	river.WorkerDefaults[CleanupArgs]
	Pool *pgxpool.Pool
}

// Work expires invitations (with their audit events) and deletes what is
// past its time: the invitation quota's old records, finished webhook
// deliveries past their retention, then old one-time tokens, sessions and
// sign-in failure counters.
func (w *CleanupWorker) Work(ctx context.Context, _ *river.Job[CleanupArgs]) error {
	if err := invite.Expire(ctx, w.Pool); err != nil {
		return err
	}
	if err := invite.Cleanup(ctx, w.Pool); err != nil {
		return err
	}
	if err := webhook.Cleanup(ctx, w.Pool); err != nil {
		return err
	}
	return auth.Cleanup(ctx, w.Pool)
}
