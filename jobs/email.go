package jobs

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/mail"
	"github.com/rosterhq/roster/internal/user"
)

// Mailer sends one email.
type Mailer interface {
	Send(ctx context.Context, m mail.Message) error
}

// emailAttempts is how often an email job is tried before it fails for good;
// River's backoff (attempt⁴ seconds) spreads them over about an hour.
const emailAttempts = 8

// resetTTL is how long a password reset link works.
const resetTTL = time.Hour

// SendInvitationEmailArgs mails an invitation's link.
type SendInvitationEmailArgs struct {
	InvitationID uuid.UUID `json:"invitation_id"`
}

// Kind is the job kind stored by River.
func (SendInvitationEmailArgs) Kind() string { return "SendInvitationEmail" }

// InsertOpts bounds the retries.
func (SendInvitationEmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: emailAttempts}
}

// SendInvitationEmailWorker mails an invitation. It makes the link's token
// itself, so the token exists only in the email. It sends nothing when a
// newer job replaced it, when it already sent, when the invitation is no
// longer pending, or when the recipient is deactivated platform-wide (checked
// now, not when the job was queued).
type SendInvitationEmailWorker struct {
	river.WorkerDefaults[SendInvitationEmailArgs]
	Pool      *pgxpool.Pool
	Mailer    Mailer
	PublicURL string
	// Changes hears of each recorded delivery; may be nil.
	Changes Changes
}

// recordDelivery stores the delivery and announces it once committed.
func (w *SendInvitationEmailWorker) recordDelivery(ctx context.Context, id uuid.UUID, jobID int64, d invite.Delivery) error {
	if err := invite.RecordDelivery(ctx, w.Pool, id, jobID, d); err != nil {
		return err
	}
	if w.Changes != nil {
		w.Changes.InvitationChanged(id)
	}
	return nil
}

// Work sends the email and records its delivery on the invitation.
func (w *SendInvitationEmailWorker) Work(ctx context.Context, job *river.Job[SendInvitationEmailArgs]) error {
	id := job.Args.InvitationID
	token, hash := auth.NewToken()
	// One statement checks that this job is still the invitation's newest,
	// unsent, the invitation pending and its recipient not deactivated
	// platform-wide, and stores the new link's hash.
	l, err := invite.MintLink(ctx, w.Pool, id, job.ID, hash)
	if errors.Is(err, invite.ErrNotFound) {
		return w.notSent(ctx, job)
	}
	if err != nil {
		return err
	}
	inviter := l.InviterName
	if inviter == "" {
		inviter = "Your provider"
	}
	msg, err := mail.RenderInvitation(l.Email, mail.Invitation{AccountName: l.AccountName, InviterName: inviter, InviterEmail: l.InviterEmail,
		Role: string(l.Role), AcceptURL: link(w.PublicURL, "/app/accept-invitation", token), ExpiresAt: l.ExpiresAt})
	if err != nil {
		return err
	}
	msg.Headers["X-Roster-Job"] = fmt.Sprint(job.ID)
	sendErr := w.Mailer.Send(ctx, msg)
	d := outcome(job.JobRow.Attempt, job.JobRow.MaxAttempts, sendErr)
	if err := w.recordDelivery(context.WithoutCancel(ctx), id, job.ID, d); err != nil {
		return errors.Join(sendErr, err)
	}
	return retryOrCancel(sendErr)
}

// notSent records why a job sends nothing: a job replaced by a newer one,
// an email already sent, or a vanished invitation leave no trace; an
// invitation no longer pending or a recipient deactivated platform-wide
// mark the delivery SUPPRESSED.
func (w *SendInvitationEmailWorker) notSent(ctx context.Context, job *river.Job[SendInvitationEmailArgs]) error {
	inv, err := invite.Get(ctx, w.Pool, uuid.Nil, job.Args.InvitationID)
	if errors.Is(err, invite.ErrNotFound) || (err == nil && (inv.JobID == nil || *inv.JobID != job.ID || inv.Delivery.State == invite.DeliverySent)) {
		return nil
	}
	if err != nil {
		return err
	}
	why := invite.ReasonRecipientInactive
	if inv.Status != invite.StatusPending || inv.Expired() {
		why = "the invitation is no longer pending"
	}
	countEmail(ctx, EmailSuppressed)
	return w.recordDelivery(ctx, inv.ID, job.ID, invite.Delivery{State: invite.DeliverySuppressed, Attempts: job.Attempt, LastError: &why})
}

// outcome is the delivery state after one attempt.
func outcome(attempt, maxAttempts int, err error) invite.Delivery {
	if err == nil {
		now := time.Now()
		return invite.Delivery{State: invite.DeliverySent, Attempts: attempt, DeliveredAt: &now}
	}
	msg := err.Error()
	if mail.IsPermanent(err) || attempt >= maxAttempts {
		return invite.Delivery{State: invite.DeliveryFailed, Attempts: attempt, LastError: &msg}
	}
	return invite.Delivery{State: invite.DeliveryRetrying, Attempts: attempt, LastError: &msg}
}

// retryOrCancel returns err for River to retry a temporary failure, and
// cancels the job for a permanent one.
func retryOrCancel(err error) error {
	if err != nil && mail.IsPermanent(err) {
		return river.JobCancel(err)
	}
	return err
}

// link builds an absolute link to a page of the panel carrying a token.
// link is an email's link into the admin app (served under /app/, see
// internal/webapp) carrying its token.
func link(publicURL, path, token string) string {
	return publicURL + path + "?token=" + url.QueryEscape(token)
}

// SendWelcomeEmailArgs mails a user who never signed in a link to set a password.
type SendWelcomeEmailArgs struct {
	UserID uuid.UUID `json:"user_id"`
}

// Kind is the job kind stored by River.
func (SendWelcomeEmailArgs) Kind() string { return "SendWelcomeEmail" }

// InsertOpts bounds retries and folds repeated requests within a minute.
func (SendWelcomeEmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: emailAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true, ByPeriod: time.Minute}}
}

// SendPasswordResetEmailArgs mails a user a password reset link. A request
// from the sign-in page names the address (Email), which the job looks up;
// an operator's names the user (UserID).
type SendPasswordResetEmailArgs struct {
	UserID uuid.UUID `json:"user_id,omitzero"`
	Email  string    `json:"email,omitempty"`
}

// Kind is the job kind stored by River.
func (SendPasswordResetEmailArgs) Kind() string { return "SendPasswordResetEmail" }

// InsertOpts bounds retries and folds repeated requests within a minute.
func (SendPasswordResetEmailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: emailAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true, ByPeriod: time.Minute}}
}

// tokenMailer makes a one-time token for a user and mails its link; the
// welcome and password-reset workers share it.
type tokenMailer struct {
	Pool       *pgxpool.Pool
	Mailer     Mailer
	PublicURL  string
	WelcomeTTL time.Duration
}

func (t *tokenMailer) work(ctx context.Context, jobID int64, userID uuid.UUID, purpose auth.TokenPurpose) error {
	var msg *mail.Message
	err := pgx.BeginFunc(ctx, t.Pool, func(tx pgx.Tx) error {
		u, err := user.GetForUpdate(ctx, tx, userID)
		if errors.Is(err, user.ErrNotFound) || (err == nil && u.Status != user.StatusActive) {
			countEmail(ctx, EmailSuppressed)
			return nil // deleted, or deactivated platform-wide: no email of any kind
		}
		if err != nil {
			return err
		}
		if sent, err := auth.TokenSent(ctx, tx, jobID); err != nil || sent {
			return err
		}
		ttl, path := resetTTL, "/app/reset-password"
		if purpose == auth.PurposeWelcome {
			ttl, path = t.WelcomeTTL, "/app/set-password"
		}
		token, hash := auth.NewToken()
		// A newer link replaces the older open ones of the same kind.
		expires, err := auth.IssueToken(ctx, tx, userID, purpose, hash, jobID, ttl)
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Event{TargetUserID: &userID, Action: "user.access_link_issued",
			After: map[string]any{"purpose": purpose, "expiresAt": expires}}); err != nil {
			return err
		}
		var m mail.Message
		if purpose == auth.PurposeWelcome {
			m, err = mail.RenderWelcome(u.Email, mail.Welcome{Name: u.Name, SetPasswordURL: link(t.PublicURL, path, token), ExpiresAt: expires})
		} else {
			m, err = mail.RenderPasswordReset(u.Email, mail.PasswordReset{Name: u.Name, ResetURL: link(t.PublicURL, path, token), ExpiresAt: expires})
		}
		msg = &m
		return err
	})
	if err != nil || msg == nil {
		return err
	}
	msg.Headers["X-Roster-Job"] = fmt.Sprint(jobID)
	if err := t.Mailer.Send(ctx, *msg); err != nil {
		if mail.IsPermanent(err) {
			// Recorded and visible in the audit trail: the job is cancelled.
			_ = recordAccessEmailFailure(context.WithoutCancel(ctx), t.Pool, userID, purpose, err)
		}
		return retryOrCancel(err)
	}
	return auth.MarkTokenSent(context.WithoutCancel(ctx), t.Pool, jobID)
}

// SendWelcomeEmailWorker works SendWelcomeEmailArgs.
type SendWelcomeEmailWorker struct {
	river.WorkerDefaults[SendWelcomeEmailArgs]
	tokens *tokenMailer
}

// Work mails the welcome link, unless the user is inactive or it was sent.
func (w *SendWelcomeEmailWorker) Work(ctx context.Context, job *river.Job[SendWelcomeEmailArgs]) error {
	return w.tokens.work(ctx, job.ID, job.Args.UserID, auth.PurposeWelcome)
}

// NewSendPasswordResetEmailWorker returns the password-reset worker.
func NewSendPasswordResetEmailWorker(d Deps) *SendPasswordResetEmailWorker {
	return &SendPasswordResetEmailWorker{tokens: newTokenMailer(d)}
}

// NewSendWelcomeEmailWorker returns the welcome worker.
func NewSendWelcomeEmailWorker(d Deps) *SendWelcomeEmailWorker {
	return &SendWelcomeEmailWorker{tokens: newTokenMailer(d)}
}

func newTokenMailer(d Deps) *tokenMailer {
	return &tokenMailer{Pool: d.Pool, Mailer: d.Mailer, PublicURL: d.PublicURL, WelcomeTTL: d.WelcomeTTL}
}

// SendPasswordResetEmailWorker works SendPasswordResetEmailArgs.
type SendPasswordResetEmailWorker struct {
	river.WorkerDefaults[SendPasswordResetEmailArgs]
	tokens *tokenMailer
}

// Work mails the reset link, unless there is no such user, the user is
// inactive, or it was sent.
func (w *SendPasswordResetEmailWorker) Work(ctx context.Context, job *river.Job[SendPasswordResetEmailArgs]) error {
	userID := job.Args.UserID
	if job.Args.Email != "" {
		u, _, err := user.ByEmail(ctx, w.tokens.Pool, job.Args.Email)
		if errors.Is(err, user.ErrNotFound) {
			return nil // nobody has this address: nothing to send, nothing to say
		}
		if err != nil {
			return err
		}
		userID = u.ID
	}
	return w.tokens.work(ctx, job.ID, userID, auth.PurposePasswordReset)
}

// Enqueuer inserts Roster's jobs in the caller's transaction; the domain
// packages see it through their own small interfaces.
type Enqueuer struct {
	Client *river.Client[pgx.Tx]
}

// InvitationEmails inserts one SendInvitationEmail job per invitation, in
// one statement, and returns the job ids in order.
func (e Enqueuer) InvitationEmails(ctx context.Context, tx pgx.Tx, ids []uuid.UUID) ([]int64, error) {
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: SendInvitationEmailArgs{InvitationID: id}}
	}
	res, err := e.Client.InsertManyTx(ctx, tx, params)
	if err != nil {
		return nil, err
	}
	jobIDs := make([]int64, len(res))
	for i, r := range res {
		jobIDs[i] = r.Job.ID
	}
	return jobIDs, nil
}

// ResetEmailTo inserts the password-reset job of an address.
func (e Enqueuer) ResetEmailTo(ctx context.Context, tx pgx.Tx, email string) error {
	_, err := e.Client.InsertTx(ctx, tx, SendPasswordResetEmailArgs{Email: email}, nil)
	return err
}

// TokenEmail inserts the welcome or password-reset job of a user.
func (e Enqueuer) TokenEmail(ctx context.Context, tx pgx.Tx, userID uuid.UUID, purpose auth.TokenPurpose) error {
	var args river.JobArgs = SendPasswordResetEmailArgs{UserID: userID}
	if purpose == auth.PurposeWelcome {
		args = SendWelcomeEmailArgs{UserID: userID}
	}
	_, err := e.Client.InsertTx(ctx, tx, args, nil)
	return err
}

func recordAccessEmailFailure(ctx context.Context, pool *pgxpool.Pool, userID uuid.UUID, purpose auth.TokenPurpose, sendErr error) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if err := auth.UseUpUnsentTokens(ctx, tx, userID, purpose); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{TargetUserID: &userID, Action: "user.access_email_failed",
			After: map[string]any{"purpose": purpose, "error": sendErr.Error()}})
	})
}
