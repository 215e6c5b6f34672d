package invite

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/request"
	"github.com/rosterhq/roster/internal/user"
)

// Enqueuer inserts the invitation email jobs in the caller's transaction and
// returns their job ids, in order.
type Enqueuer interface {
	InvitationEmails(ctx context.Context, tx pgx.Tx, invitationIDs []uuid.UUID) ([]int64, error)
}

// Service invites people and accepts their invitations.
type Service struct {
	Pool       *pgxpool.Pool
	Jobs       Enqueuer
	TTL        time.Duration
	DailyQuota int
	BatchLimit int
	SessionTTL time.Duration
	Throttle   auth.Throttle
}

// Actor is who invites: a user id, the name shown in the email, and whether
// they are a platform operator.
type Actor struct {
	ID         uuid.UUID
	Name       string
	IsOperator bool
}

// Result is what inviteUsers did with each address.
type Result struct {
	Created  []Invitation
	Resent   []Invitation
	Rejected []Rejection
}

// Invite invites every address of the list to the account with the role, in
// one transaction with one email job per invitation. An address with a
// pending invitation gets it re-sent. It returns INVALID_INPUT for an empty
// list or the role OWNER, NOT_FOUND for an unknown account, and
// LIMIT_EXCEEDED for more addresses than the batch limit or past the daily
// quota, FORBIDDEN, and EXTERNALLY_MANAGED for an account whose users come
// from an external directory.
func (s *Service) Invite(ctx context.Context, by Actor, accountID uuid.UUID, emails string, role member.Role) (Result, error) {
	if !role.IsValid() || (role == member.RoleOwner && !by.IsOperator) {
		return Result{}, apperr.New(apperr.InvalidInput, "Invite as ADMINISTRATOR, FINANCE_MANAGER or USER; the Owner changes only by an ownership transfer.")
	}
	addresses, rejected := ParseAddresses(emails)
	if role == member.RoleOwner && (len(addresses) != 1 || len(rejected) > 0) {
		return Result{}, apperr.New(apperr.InvalidInput, "An account has one Owner: invite exactly one valid address as OWNER.")
	}
	if n := len(addresses) + len(rejected); n == 0 {
		return Result{}, apperr.New(apperr.InvalidInput, "Enter at least one email address.")
	} else if n > s.BatchLimit {
		return Result{}, apperr.New(apperr.LimitExceeded, "At most %d addresses per call (got %d); split the list.", s.BatchLimit, n)
	}
	res := Result{Rejected: rejected}
	err := db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		res = Result{Rejected: rejected}
		if err := mayInvite(ctx, tx, by, accountID); err != nil {
			return err
		}
		if err := expireDue(ctx, tx, accountID); err != nil {
			return err
		}
		if role == member.RoleOwner {
			// Only for an account left without one (its Owner's invitation revoked).
			var taken bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM memberships WHERE account_id = $1 AND role = 'OWNER')
				OR EXISTS (SELECT 1 FROM invitations WHERE account_id = $1 AND role = 'OWNER' AND status = 'PENDING')`, accountID).Scan(&taken); err != nil {
				return err
			}
			if taken {
				return apperr.New(apperr.Conflict, "This account has an Owner or a pending Owner invitation; use transferOwnership or resend that invitation.")
			}
		}
		fresh, err := s.screen(ctx, tx, accountID, addresses, &res)
		if err != nil {
			return err
		}
		if err := s.checkQuota(ctx, tx, accountID, len(fresh)+len(res.Resent)); err != nil {
			return err
		}
		if res.Created, err = collect(tx.Query(ctx, `INSERT INTO invitations AS i (account_id, email, role, expires_at, invited_by, inviter_name)
			SELECT $1, e, $3, now() + $4::interval, $5, $6 FROM unnest($2::text[]) WITH ORDINALITY AS t(e, n) ORDER BY n
			RETURNING `+columns, accountID, fresh, role, s.TTL.String(), by.ID, by.Name)); err != nil {
			return err
		}
		resentIDs := make([]uuid.UUID, len(res.Resent))
		for i, inv := range res.Resent {
			resentIDs[i] = inv.ID
		}
		if res.Resent, err = collect(tx.Query(ctx, `UPDATE invitations i SET role = CASE WHEN i.role = 'OWNER' THEN 'OWNER' ELSE $2 END, token_hash = NULL,
			expires_at = now() + $3::interval, invited_by = $4, inviter_name = $5
			WHERE i.id = ANY($1) RETURNING `+columns, resentIDs, role, s.TTL.String(), by.ID, by.Name)); err != nil {
			return err
		}
		all := append(append([]Invitation{}, res.Created...), res.Resent...)
		if err := s.enqueue(ctx, tx, accountID, all); err != nil {
			return err
		}
		res.Created, res.Resent = all[:len(res.Created)], all[len(res.Created):]
		return recordMany(ctx, tx, by.ID, accountID, "invitation.created", res.Created, "invitation.resent", res.Resent)
	})
	return res, err
}

// mayInvite locks the account and applies member.CheckAccount's invite rule
// to by, read afresh in tx. It returns NOT_FOUND for an unknown account,
// FORBIDDEN, and EXTERNALLY_MANAGED for an account with an external directory.
func mayInvite(ctx context.Context, tx pgx.Tx, by Actor, accountID uuid.UUID) error {
	acct, err := account.GetForUpdate(ctx, tx, accountID)
	if err != nil {
		return err
	}
	actor, err := member.ActorIn(ctx, tx, accountID, by.ID, by.IsOperator)
	if err != nil {
		return err
	}
	if err := member.CheckAccount(member.AccountInvite, actor, acct); err != nil {
		return err
	}
	return nil
}

// screen sorts addresses into fresh ones, pending ones to re-send (into
// res.Resent) and rejected ones: members of this account already. Nothing
// about users outside the account shows: an address whose user is
// deactivated platform-wide is invited like any other, and its email is
// suppressed by the job.
func (s *Service) screen(ctx context.Context, tx pgx.Tx, accountID uuid.UUID, addresses []string, res *Result) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT u.email, u.status, m.status FROM users u
		LEFT JOIN memberships m ON m.user_id = u.id AND m.account_id = $1
		WHERE u.email = ANY($2)`, accountID, addresses)
	if err != nil {
		return nil, err
	}
	type known struct {
		status     user.Status
		membership *member.Status
	}
	users := map[string]known{}
	for rows.Next() {
		var email string
		var k known
		if err := rows.Scan(&email, &k.status, &k.membership); err != nil {
			return nil, err
		}
		users[email] = k
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	pending, err := collect(tx.Query(ctx, `SELECT `+columns+` FROM invitations i
		WHERE i.account_id = $1 AND i.email = ANY($2) AND i.status = 'PENDING' FOR UPDATE`, accountID, addresses))
	if err != nil {
		return nil, err
	}
	pendingByEmail := map[string]Invitation{}
	for _, p := range pending {
		pendingByEmail[p.Email] = p
	}
	var fresh []string
	for _, a := range addresses {
		k, isUser := users[a]
		switch {
		case isUser && k.membership != nil && *k.membership == member.StatusActive:
			res.Rejected = append(res.Rejected, Rejection{a, apperr.AlreadyMember, a + " is already an active member of this account."})
		case isUser && k.membership != nil:
			res.Rejected = append(res.Rejected, Rejection{a, apperr.AlreadyMember, a + " is a deactivated member of this account; activate them instead."})
		default:
			if p, ok := pendingByEmail[a]; ok {
				res.Resent = append(res.Resent, p)
			} else {
				fresh = append(fresh, a)
			}
		}
	}
	return fresh, nil
}

// checkQuota returns LIMIT_EXCEEDED, with the time the oldest send leaves
// the 24-hour window, when n more emails would pass the account's quota.
func (s *Service) checkQuota(ctx context.Context, tx pgx.Tx, accountID uuid.UUID, n int) error {
	if n == 0 {
		return nil
	}
	var used int
	var oldest *time.Time
	if err := tx.QueryRow(ctx, `SELECT count(*), min(sent_at) FROM invitation_sends
		WHERE account_id = $1 AND sent_at > now() - interval '24 hours'`, accountID).Scan(&used, &oldest); err != nil {
		return err
	}
	if used+n <= s.DailyQuota {
		return nil
	}
	resets := time.Now().Add(24 * time.Hour)
	if oldest != nil {
		resets = oldest.Add(24 * time.Hour)
	}
	resets = resets.UTC().Truncate(time.Second)
	return apperr.New(apperr.LimitExceeded, "This account may send %d invitations per 24 hours and has %d left; try again after %s.",
		s.DailyQuota, max(0, s.DailyQuota-used), resets.Format(time.RFC3339)).With("resetsAt", resets.Format(time.RFC3339))
}

// enqueue inserts one email job per invitation, records each job on its
// invitation, and counts the sends against the quota.
func (s *Service) enqueue(ctx context.Context, tx pgx.Tx, accountID uuid.UUID, invs []Invitation) error {
	if len(invs) == 0 {
		return nil
	}
	ids := make([]uuid.UUID, len(invs))
	for i, inv := range invs {
		ids[i] = inv.ID
	}
	jobIDs, err := s.Jobs.InvitationEmails(ctx, tx, ids)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE invitations i SET job_id = t.job, delivery_state = 'QUEUED', delivery_attempts = 0,
		delivery_error = NULL, delivered_at = NULL
		FROM unnest($1::uuid[], $2::bigint[]) AS t(id, job) WHERE i.id = t.id`, ids, jobIDs); err != nil {
		return err
	}
	for i := range invs {
		invs[i].JobID = &jobIDs[i]
		invs[i].Delivery = Delivery{State: DeliveryQueued}
	}
	_, err = tx.Exec(ctx, `INSERT INTO invitation_sends (account_id) SELECT $1 FROM generate_series(1, $2)`, accountID, len(invs))
	return err
}

// recordMany writes one audit event per invitation, in one statement.
func recordMany(ctx context.Context, tx pgx.Tx, actor, accountID uuid.UUID, createdAction string, created []Invitation, resentAction string, resent []Invitation) error {
	var actions, emails, roles []string
	var ids []uuid.UUID
	for _, group := range []struct {
		action string
		invs   []Invitation
	}{{createdAction, created}, {resentAction, resent}} {
		for _, inv := range group.invs {
			actions, emails, roles, ids = append(actions, group.action), append(emails, inv.Email), append(roles, string(inv.Role)), append(ids, inv.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	actorPtr := &actor
	if actor == uuid.Nil {
		actorPtr = nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO audit_events (actor_id, account_id, action, after, request_id)
		SELECT $1, $2, a, jsonb_build_object('invitationId', id, 'email', e, 'role', r), $7
		FROM unnest($3::text[], $4::uuid[], $5::text[], $6::text[]) AS t(a, id, e, r)`,
		actorPtr, accountID, actions, ids, emails, roles, requestID(ctx))
	return err
}

// ExpireStatement expires the pending invitations past their time (of one
// account when $1 is not NULL) and writes each one's audit event.
const ExpireStatement = `WITH expired AS (
		UPDATE invitations SET status = 'EXPIRED', status_changed_at = now()
		WHERE ($1::uuid IS NULL OR account_id = $1) AND status = 'PENDING' AND expires_at < now()
		RETURNING id, account_id, email)
	INSERT INTO audit_events (account_id, action, after)
	SELECT account_id, 'invitation.expired', jsonb_build_object('invitationId', id, 'email', email) FROM expired`

func expireDue(ctx context.Context, tx pgx.Tx, accountID uuid.UUID) error {
	_, err := tx.Exec(ctx, ExpireStatement, accountID)
	return err
}

// Resend gives a pending (or expired) invitation a fresh link and expiry and
// mails it again; the old link stops working at once. It returns ErrNotFound
// (NOT_FOUND) for an invitation of no or another account, INVITATION_USED for
// an accepted or revoked one, CONFLICT when the address has a newer pending
// invitation, LIMIT_EXCEEDED past the quota, FORBIDDEN, EXTERNALLY_MANAGED in
// an account with an external directory, and any database error as is.
func (s *Service) Resend(ctx context.Context, by Actor, accountID, id uuid.UUID) (Invitation, error) {
	var inv Invitation
	err := db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		if err := mayInvite(ctx, tx, by, accountID); err != nil {
			return err
		}
		if err := expireDue(ctx, tx, accountID); err != nil {
			return err
		}
		before, err := getForUpdate(ctx, tx, accountID, id)
		if err != nil {
			return err
		}
		if before.Status == StatusAccepted || before.Status == StatusRevoked {
			return apperr.New(apperr.InvitationUsed, "This invitation was already %s; invite the address again instead.", stateWord(before.Status))
		}
		if err := s.checkQuota(ctx, tx, accountID, 1); err != nil {
			return err
		}
		inv, err = scan(tx.QueryRow(ctx, `UPDATE invitations i SET status = 'PENDING', status_changed_at = now(), token_hash = NULL,
			expires_at = now() + $2::interval, invited_by = $3, inviter_name = $4 WHERE i.id = $1 RETURNING `+columns,
			id, s.TTL.String(), by.ID, by.Name))
		if db.IsUniqueViolation(err, "invitations_one_pending") {
			return apperr.New(apperr.Conflict, "%s has a newer pending invitation; resend that one.", before.Email)
		}
		if err != nil {
			return err
		}
		invs := []Invitation{inv}
		if err := s.enqueue(ctx, tx, accountID, invs); err != nil {
			return err
		}
		inv = invs[0]
		return recordMany(ctx, tx, by.ID, accountID, "", nil, "invitation.resent", invs)
	})
	return inv, err
}

// Revoke ends a pending invitation; its link stops working. It returns
// ErrNotFound (NOT_FOUND) for an invitation of no or another account,
// CONFLICT for one that is no longer pending, FORBIDDEN for an Owner's
// invitation revoked by a non-operator, and any database error as is.
func (s *Service) Revoke(ctx context.Context, by Actor, accountID, id uuid.UUID) (Invitation, error) {
	var inv Invitation
	err := db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		before, err := getForUpdate(ctx, tx, accountID, id)
		if err != nil {
			return err
		}
		if before.Status != StatusPending {
			return apperr.New(apperr.Conflict, "Only a pending invitation can be revoked; this one is %s.", stateWord(before.Status))
		}
		if before.Role == member.RoleOwner && !by.IsOperator {
			return apperr.New(apperr.Forbidden, "Only a platform operator can revoke the invitation of an account's Owner.")
		}
		if inv, err = scan(tx.QueryRow(ctx, `UPDATE invitations i SET status = 'REVOKED', status_changed_at = now()
			WHERE i.id = $1 RETURNING `+columns, id)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &by.ID, AccountID: &accountID, Action: "invitation.revoked",
			After: map[string]any{"invitationId": id, "email": inv.Email}})
	})
	return inv, err
}

func stateWord(s Status) string {
	return map[Status]string{StatusAccepted: "accepted", StatusRevoked: "revoked", StatusExpired: "expired", StatusPending: "pending"}[s]
}

// CreateAccount creates an account with the name, user directory and
// requireDeactivationBeforeDelete of settings, and invites its Owner (also
// into an EXTERNAL account: the Owner is the panel's, not the directory's).
// It returns INVALID_INPUT for a bad address or directory, and for a name that is empty, longer than
// 200 characters or holds control or format characters (the name goes into
// emails' subjects and plain text, like a person's: user.NormalizeName).
func (s *Service) CreateAccount(ctx context.Context, by Actor, settings account.Account, ownerEmail string) (account.Account, Invitation, error) {
	email, err := user.NormalizeEmail(ownerEmail)
	if err != nil {
		return account.Account{}, Invitation{}, err
	}
	var acct account.Account
	var inv Invitation
	err = db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		// CreateWith checks the name (user.NormalizeName) and the directory.
		if acct, err = account.CreateWith(ctx, tx, settings); err != nil {
			return err
		}
		if inv, err = scan(tx.QueryRow(ctx, `INSERT INTO invitations AS i (account_id, email, role, expires_at, invited_by, inviter_name)
			VALUES ($1, $2, 'OWNER', now() + $3::interval, $4, $5) RETURNING `+columns, acct.ID, email, s.TTL.String(), by.ID, by.Name)); err != nil {
			return err
		}
		invs := []Invitation{inv}
		if err := s.enqueue(ctx, tx, acct.ID, invs); err != nil {
			return err
		}
		inv = invs[0]
		if err := audit.Record(ctx, tx, audit.Event{ActorID: &by.ID, AccountID: &acct.ID, Action: "account.created",
			After: map[string]any{"name": acct.Name, "ownerEmail": email,
				"userDirectory": acct.UserDirectory, "requireDeactivationBeforeDelete": acct.RequireDeactivationBeforeDelete}}); err != nil {
			return err
		}
		return recordMany(ctx, tx, by.ID, acct.ID, "invitation.created", invs, "", nil)
	})
	return acct, inv, err
}

// Preview is what the registration page shows for a link.
type Preview struct {
	Invitation   Invitation
	AccountName  string
	ExistingUser bool
}

// Inspect returns the preview of the invitation behind token. It returns
// NOT_FOUND for a token that matches nothing (never issued, or replaced by a
// resend), and any database error as is.
func (s *Service) Inspect(ctx context.Context, token string) (Preview, error) {
	inv, err := ByToken(ctx, s.Pool, auth.HashToken(token))
	if errors.Is(err, ErrNotFound) {
		return Preview{}, errLinkInvalid
	}
	if err != nil {
		return Preview{}, err
	}
	p := Preview{Invitation: inv}
	err = s.Pool.QueryRow(ctx, `SELECT a.name, EXISTS (SELECT 1 FROM users WHERE email = $2) FROM accounts a WHERE a.id = $1`,
		inv.AccountID, inv.Email).Scan(&p.AccountName, &p.ExistingUser)
	return p, err
}

var errLinkInvalid = apperr.New(apperr.NotFound, "This invitation link is not valid: it may have been replaced by a newer email. Use the newest invitation email, or ask for a new one.")

// Accepted is the outcome of accepting an invitation.
type Accepted struct {
	User       user.User
	Membership member.Membership
	// SessionToken signs the user in when they were not signed in and some
	// membership (this one or another) gives them panel access; empty otherwise.
	SessionToken string
}

// Accept accepts the invitation behind token. A new address registers a
// user with name and password; an address that already has a user joins
// after proving it is theirs (signed in as them, or their password). It
// returns NOT_FOUND for an unknown link, INVITATION_USED, INVITATION_EXPIRED,
// UNAUTHENTICATED for a wrong password, LIMIT_EXCEEDED when the sign-in
// throttle refuses another password attempt, FORBIDDEN when signed in as
// someone else, USER_INACTIVE, ALREADY_MEMBER, INVALID_INPUT, and any
// database error as is. A session it opens counts as a sign-in (lastSignInAt).
func (s *Service) Accept(ctx context.Context, viewer *auth.Viewer, token, name, password string) (Accepted, error) {
	var out Accepted
	hash := auth.HashToken(token)
	// Hash a new password outside the transaction: it is slow on purpose.
	var newHash string
	if pre, err := ByToken(ctx, s.Pool, hash); err == nil {
		if _, _, err := user.ByEmail(ctx, s.Pool, pre.Email); errors.Is(err, user.ErrNotFound) {
			if newHash, err = auth.HashPassword(password); err != nil {
				return out, err
			}
			if name, err = user.NormalizeName(name); err != nil {
				return out, err
			}
		}
	}
	err := db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		inv, err := scan(tx.QueryRow(ctx, `SELECT `+columns+` FROM invitations i WHERE i.token_hash = $1 FOR UPDATE`, hash))
		if errors.Is(err, ErrNotFound) {
			return errLinkInvalid
		}
		if err != nil {
			return err
		}
		switch {
		case inv.Status == StatusAccepted || inv.Status == StatusRevoked:
			return apperr.New(apperr.InvitationUsed, "This invitation was already %s; ask for a new one if you still need access.", stateWord(inv.Status))
		case inv.Expired():
			return apperr.New(apperr.InvitationExpired, "This invitation expired on %s; ask the account's administrator to send it again.", inv.ExpiresAt.UTC().Format(time.RFC1123))
		}
		u, existingHash, err := user.ByEmail(ctx, tx, inv.Email)
		switch {
		case errors.Is(err, user.ErrNotFound):
			if newHash == "" {
				return apperr.New(apperr.Conflict, "The invitation changed while you accepted it; try again.")
			}
			if u, err = user.Create(ctx, tx, inv.Email, name, newHash, false); err != nil {
				return err
			}
		case err != nil:
			return err
		case viewer != nil && viewer.User.ID != u.ID:
			return apperr.New(apperr.Forbidden, "This invitation is for %s; sign out and open the link again.", inv.Email)
		case viewer == nil:
			if err := s.checkPassword(ctx, inv.Email, password, existingHash); err != nil {
				return err
			}
		}
		// Held until commit: a platform-wide deactivation waits for this
		// membership, or this acceptance sees it.
		if u, err = user.GetForShare(ctx, tx, u.ID); err != nil {
			return err
		}
		if u.Status != user.StatusActive {
			return apperr.New(apperr.UserInactive, "Your user is deactivated platform-wide; contact your provider's support.")
		}
		m := member.Membership{AccountID: inv.AccountID, UserID: u.ID, Role: inv.Role, Status: member.StatusActive}
		err = tx.QueryRow(ctx, `INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, $3)
			RETURNING status_changed_at, created_at`, m.AccountID, m.UserID, m.Role).Scan(&m.StatusChangedAt, &m.CreatedAt)
		if db.IsUniqueViolation(err, "memberships_pkey") {
			return apperr.New(apperr.AlreadyMember, "You are already a member of this account; sign in.")
		}
		if db.IsUniqueViolation(err, "memberships_one_owner") {
			return apperr.New(apperr.Conflict, "This account already has an Owner.")
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE invitations SET status = 'ACCEPTED', status_changed_at = now(), accepted_by = $2 WHERE id = $1`, inv.ID, u.ID); err != nil {
			return err
		}
		if viewer == nil {
			// Sign them in when some membership (this one or another) gives panel access.
			ok, err := auth.HasPanelAccess(ctx, tx, u)
			if err != nil {
				return err
			}
			if ok {
				if out.SessionToken, _, err = auth.CreateSession(ctx, tx, u.ID, s.SessionTTL); err != nil {
					return err
				}
				// A session opened by the link is a sign-in like any other.
				if err := user.TouchSignIn(ctx, tx, u.ID); err != nil {
					return err
				}
				if u, err = user.Get(ctx, tx, u.ID); err != nil {
					return err
				}
			}
		}
		out.User, out.Membership = u, m
		return audit.Record(ctx, tx, audit.Event{ActorID: &u.ID, AccountID: &inv.AccountID, TargetUserID: &u.ID, Action: "invitation.accepted",
			After: map[string]any{"invitationId": inv.ID, "role": inv.Role}})
	})
	return out, err
}

func requestID(ctx context.Context) string { return request.From(ctx).ID }

// checkPassword checks an existing user's password under the sign-in
// throttle (counted outside the transaction, so a refusal still counts). It
// returns UNAUTHENTICATED for a wrong password, the throttle's
// LIMIT_EXCEEDED (with resetsAt) when it refuses another attempt, and any
// database error as is.
func (s *Service) checkPassword(ctx context.Context, email, password, hash string) error {
	ok, err := s.Throttle.Verify(ctx, s.Pool, email, request.From(ctx).ClientAddr, password, hash)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.New(apperr.Unauthenticated, "%s already has a user: enter its password to accept.", email)
	}
	return nil
}
