package jobs_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertest"
	"github.com/riverqueue/river/rivertype"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/dbtest"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/mail"
	"github.com/rosterhq/roster/internal/mailcapture"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/jobs"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

type testBundle struct {
	pool    *pgxpool.Pool
	client  *river.Client[pgx.Tx]
	capture *mailcapture.Server
	sender  *mail.Sender
	invites *invite.Service
	auth    *auth.Service
	account uuid.UUID
	admin   invite.Actor
}

func setup(t testing.TB) testBundle {
	t.Helper()
	ctx := context.Background()
	pool := dbtest.New(t)
	capture, err := mailcapture.Start("127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = capture.Close() })
	sender, err := mail.NewSender(mail.Config{URL: capture.URL(), TLS: "none", From: "Roster <roster@roster.test>", MaxConns: 2})
	require.NoError(t, err)
	t.Cleanup(func() { _ = sender.Close() })
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	require.NoError(t, err)
	b := testBundle{pool: pool, client: client, capture: capture, sender: sender}
	enq := jobs.Enqueuer{Client: client}
	b.invites = &invite.Service{Pool: pool, Jobs: enq, TTL: time.Hour, DailyQuota: 500, BatchLimit: 500, SessionTTL: time.Hour}
	b.auth = &auth.Service{Pool: pool, SessionTTL: time.Hour, Throttle: auth.DefaultThrottle, Mailer: enq}
	require.NoError(t, pool.QueryRow(ctx, `INSERT INTO accounts (name) VALUES ('Acme') RETURNING id`).Scan(&b.account))
	require.NoError(t, pool.QueryRow(ctx, `INSERT INTO users (email, name) VALUES ('admin@acme.test', 'Ada Admin') RETURNING id`).Scan(&b.admin.ID))
	b.admin.Name = "Ada Admin"
	_, err = pool.Exec(ctx, `INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, 'OWNER')`, b.account, b.admin.ID)
	require.NoError(t, err)
	return b
}

func (b testBundle) invitationWorker(t *testing.T) *rivertest.Worker[jobs.SendInvitationEmailArgs, pgx.Tx] {
	return rivertest.NewWorker(t, riverpgxv5.New(b.pool), &river.Config{},
		river.Worker[jobs.SendInvitationEmailArgs](&jobs.SendInvitationEmailWorker{Pool: b.pool, Mailer: b.sender, PublicURL: "https://panel.test"}))
}

// work runs one job row through a worker, as River would, in its own transaction.
func work[T river.JobArgs](t *testing.T, b testBundle, w *rivertest.Worker[T, pgx.Tx], jobID int64) (*rivertest.WorkResult, error) {
	t.Helper()
	ctx := context.Background()
	job, err := b.client.JobGet(ctx, jobID)
	require.NoError(t, err)
	tx, err := b.pool.Begin(ctx)
	require.NoError(t, err)
	defer tx.Commit(ctx) //nolint:errcheck
	return w.WorkJob(ctx, t, tx, job)
}

func delivery(t *testing.T, b testBundle, email string) invite.Delivery {
	t.Helper()
	var d invite.Delivery
	require.NoError(t, b.pool.QueryRow(context.Background(), `SELECT delivery_state, delivery_attempts, delivery_error
		FROM invitations WHERE email = $1 ORDER BY created_at DESC LIMIT 1`, email).Scan(&d.State, &d.Attempts, &d.LastError))
	return d
}

func TestInvite_JobCommitsWithTheWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := setup(t)
	res, err := b.invites.Invite(ctx, b.admin, b.account, "one@x.test two@x.test", member.RoleUser)
	require.NoError(t, err)
	require.Len(t, res.Created, 2)
	jobs := rivertest.RequireManyInserted(ctx, t, riverpgxv5.New(b.pool), []rivertest.ExpectedJob{
		{Args: &jobs.SendInvitationEmailArgs{}}, {Args: &jobs.SendInvitationEmailArgs{}},
	})
	require.Len(t, jobs, 2)
	require.Equal(t, *res.Created[0].JobID, jobs[0].ID, "each invitation records its job")
}

// failingEnqueuer inserts the jobs and then fails, as if a later statement of
// the same transaction had failed.
type failingEnqueuer struct{ jobs.Enqueuer }

func (f failingEnqueuer) InvitationEmails(ctx context.Context, tx pgx.Tx, ids []uuid.UUID) ([]int64, error) {
	if _, err := f.Enqueuer.InvitationEmails(ctx, tx, ids); err != nil {
		return nil, err
	}
	return nil, errors.New("boom")
}

func TestInvite_JobRollsBackWithTheWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := setup(t)
	b.invites.Jobs = failingEnqueuer{jobs.Enqueuer{Client: b.client}}
	_, err := b.invites.Invite(ctx, b.admin, b.account, "one@x.test", member.RoleUser)
	require.ErrorContains(t, err, "boom")
	rivertest.RequireNotInserted(ctx, t, riverpgxv5.New(b.pool), &jobs.SendInvitationEmailArgs{}, nil)
	var n int
	require.NoError(t, b.pool.QueryRow(ctx, `SELECT count(*) FROM invitations`).Scan(&n))
	require.Zero(t, n, "no invitation without its email, no email without its invitation")

	// A refusal (quota) also leaves nothing behind.
	b.invites.Jobs, b.invites.DailyQuota = jobs.Enqueuer{Client: b.client}, 1
	_, err = b.invites.Invite(ctx, b.admin, b.account, "one@x.test two@x.test", member.RoleUser)
	require.Error(t, err)
	rivertest.RequireNotInserted(ctx, t, riverpgxv5.New(b.pool), &jobs.SendInvitationEmailArgs{}, nil)
}

func TestSendInvitationEmail_Idempotent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := setup(t)
	res, err := b.invites.Invite(ctx, b.admin, b.account, "one@x.test", member.RoleUser)
	require.NoError(t, err)
	w := b.invitationWorker(t)
	jobID := *res.Created[0].JobID
	for i := 0; i < 2; i++ {
		r, err := work(t, b, w, jobID)
		require.NoError(t, err)
		require.Equal(t, rivertype.JobStateCompleted, r.Job.State)
		// As if the process died before River recorded the completion.
		_, err = b.pool.Exec(ctx, `UPDATE river_job SET state = 'available', finalized_at = NULL WHERE id = $1`, jobID)
		require.NoError(t, err)
	}
	require.Len(t, b.capture.Messages(), 1, "a job run twice sends once")
	require.Equal(t, invite.DeliverySent, delivery(t, b, "one@x.test").State)

	// A job replaced by a resend sends nothing when it runs late.
	old := *res.Created[0].JobID
	_, err = b.invites.Resend(ctx, b.admin, b.account, res.Created[0].ID)
	require.NoError(t, err)
	b.capture.Reset()
	_, err = work(t, b, w, old)
	require.NoError(t, err)
	require.Empty(t, b.capture.Messages(), "a replaced job sends nothing")
}

func TestSendInvitationEmail_TemporaryFailureRetried(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := setup(t)
	res, err := b.invites.Invite(ctx, b.admin, b.account, "one@x.test", member.RoleUser)
	require.NoError(t, err)
	w := b.invitationWorker(t)
	b.capture.FailNext(1, 451, "mailbox busy, try later")
	_, err = work(t, b, w, *res.Created[0].JobID)
	require.Error(t, err, "River retries a temporary failure")
	require.False(t, mail.IsPermanent(err))
	d := delivery(t, b, "one@x.test")
	require.Equal(t, invite.DeliveryRetrying, d.State)
	require.Equal(t, 1, d.Attempts)
	require.Contains(t, *d.LastError, "451")

	_, err = work(t, b, w, *res.Created[0].JobID)
	require.NoError(t, err)
	require.Equal(t, invite.DeliverySent, delivery(t, b, "one@x.test").State)
	require.Len(t, b.capture.To("one@x.test"), 1)
}

// TestSendInvitationEmail_LastTemporaryFailureFails: a temporary refusal on
// the last attempt leaves the delivery FAILED (the e2e tests see RETRYING
// only: reaching the eighth attempt takes River's backoff about an hour).
func TestSendInvitationEmail_LastTemporaryFailureFails(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := setup(t)
	b.capture.FailRecipient("later@defer.test", 451)
	res, err := b.invites.Invite(ctx, b.admin, b.account, "later@defer.test", member.RoleUser)
	require.NoError(t, err)
	job, err := b.client.JobGet(ctx, *res.Created[0].JobID)
	require.NoError(t, err)
	job.Attempt = job.MaxAttempts - 1 // WorkJob makes it the last
	tx, err := b.pool.Begin(ctx)
	require.NoError(t, err)
	_, err = b.invitationWorker(t).WorkJob(ctx, t, tx, job)
	require.NoError(t, tx.Commit(ctx))
	require.Error(t, err)
	require.False(t, mail.IsPermanent(err))
	d := delivery(t, b, "later@defer.test")
	require.Equal(t, invite.DeliveryFailed, d.State)
	require.Equal(t, job.MaxAttempts, d.Attempts)
	require.Contains(t, *d.LastError, "451")
}

func TestSendInvitationEmail_PermanentFailureRecorded(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := setup(t)
	b.capture.FailRecipient("bounce@x.test", 550)
	res, err := b.invites.Invite(ctx, b.admin, b.account, "bounce@x.test", member.RoleUser)
	require.NoError(t, err)
	r, err := work(t, b, b.invitationWorker(t), *res.Created[0].JobID)
	require.NoError(t, err)
	require.Equal(t, rivertype.JobStateCancelled, r.Job.State, "a permanent failure is not retried")
	require.Contains(t, r.Job.Errors[0].Error, "550")
	d := delivery(t, b, "bounce@x.test")
	require.Equal(t, invite.DeliveryFailed, d.State)
	require.Contains(t, *d.LastError, "550")
}

// TestEmail_NoneToInactiveUser queues emails while the user is active, then
// deactivates them platform-wide before the jobs run: nothing is sent.
func TestEmail_NoneToInactiveUser(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := setup(t)
	var other, userID uuid.UUID
	require.NoError(t, b.pool.QueryRow(ctx, `INSERT INTO accounts (name) VALUES ('Other') RETURNING id`).Scan(&other))
	require.NoError(t, b.pool.QueryRow(ctx, `INSERT INTO users (email, name, last_sign_in_at) VALUES ('later@x.test', 'Lee', now()) RETURNING id`).Scan(&userID))
	_, err := b.pool.Exec(ctx, `INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, 'ADMINISTRATOR')`, other, userID)
	require.NoError(t, err)

	res, err := b.invites.Invite(ctx, b.admin, b.account, "later@x.test", member.RoleUser)
	require.NoError(t, err)
	require.NoError(t, b.auth.RequestPasswordReset(ctx, "later@x.test"))
	reset := rivertest.RequireInserted(ctx, t, riverpgxv5.New(b.pool), &jobs.SendPasswordResetEmailArgs{}, nil)

	_, err = b.pool.Exec(ctx, `UPDATE users SET status = 'INACTIVE' WHERE id = $1`, userID)
	require.NoError(t, err)

	_, err = work(t, b, b.invitationWorker(t), *res.Created[0].JobID)
	require.NoError(t, err)
	resetWorker := rivertest.NewWorker(t, riverpgxv5.New(b.pool), &river.Config{},
		river.Worker[jobs.SendPasswordResetEmailArgs](jobs.NewSendPasswordResetEmailWorker(jobs.Deps{Pool: b.pool, Mailer: b.sender, PublicURL: "https://panel.test"})))
	_, err = work(t, b, resetWorker, reset.ID)
	require.NoError(t, err)
	require.Empty(t, b.capture.Messages())
	require.Equal(t, invite.DeliverySuppressed, delivery(t, b, "later@x.test").State)
}
