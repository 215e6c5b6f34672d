package graph_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/mailcapture"
	"github.com/rosterhq/roster/internal/member"
)

const (
	createAccount = `mutation($n: String!, $e: String!) { createAccount(name: $n, ownerEmail: $e) {
		account { id name } invitation { id email role status delivery { state } } } }`
	inviteUsers = `mutation($a: ID!, $e: String!, $r: Role!) { inviteUsers(accountId: $a, emails: $e, role: $r) {
		created { id email role status } resent { id email } rejected { address code message } } }`
	acceptInvitation = `mutation($t: String!, $n: String, $p: String) { acceptInvitation(token: $t, name: $n, password: $p) {
		user { email name } account { name } role token } }`
	previewInvitation = `query($t: String!) { invitation(token: $t) { accountName inviterName email role status expired existingUser } }`
	resendInvitation  = `mutation($a: ID!, $i: ID!) { resendInvitation(accountId: $a, invitationId: $i) { invitation { id status expiresAt } } }`
	revokeInvitation  = `mutation($a: ID!, $i: ID!) { revokeInvitation(accountId: $a, invitationId: $i) { invitation { id status } } }`
)

type apptestConfig = config.Config

// seedAccount makes Acme with owner@ (OWNER), admin@ (ADMINISTRATOR) and
// idle@ (deactivated ADMINISTRATOR), plus gone@elsewhere.test, a user
// deactivated platform-wide, and returns Acme's id.
func seedAccount(env *apptest.Env) string {
	acct := env.Account("Acme")
	env.Member(acct, env.User("owner@acme.test", false), member.RoleOwner, member.StatusActive)
	env.Member(acct, env.User("admin@acme.test", false), member.RoleAdministrator, member.StatusActive)
	env.Member(acct, env.User("idle@acme.test", false), member.RoleAdministrator, member.StatusInactive)
	gone := env.User("gone@elsewhere.test", false)
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, gone.ID)
	return acct.ID.String()
}

func recipients(msgs []mailcapture.Message) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, m.To...)
	}
	sort.Strings(out)
	return out
}

// TestInvite_EndToEnd walks the whole path over HTTP with real workers and a
// real SMTP server: an account is created, its Owner registers, invites a
// list, a member registers from the email's link, and links die as they should.
func TestInvite_EndToEnd(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, apptest.WithWorkers)
	env.User("op@roster.test", true)
	env.Exec(`UPDATE users SET name = 'Olivia Operator' WHERE email = 'op@roster.test'`)
	op := env.SignIn("op@roster.test")

	// 1. The operator creates an account; its Owner's invitation arrives.
	r := op.Do(createAccount, apptest.Vars{"n": "Example Ltd", "e": "Boss@Example.test"}).Must()
	acctID := r.Get("createAccount.account.id").(string)
	require.Equal(t, "OWNER", r.Get("createAccount.invitation.role"))
	msg := env.WaitMail(1)[0]
	require.Equal(t, []string{"boss@example.test"}, msg.To)
	require.Contains(t, msg.Subject, "Olivia Operator")
	require.Contains(t, msg.Subject, "Example Ltd")
	require.Contains(t, msg.Text, "https://panel.roster.test/app/accept-invitation?token=")
	require.Contains(t, msg.HTML, "Accept invitation")
	ownerToken := apptest.Token(t, msg)

	// The public preview shows what the registration page needs.
	p := env.Anon().Do(previewInvitation, apptest.Vars{"t": ownerToken}).Must()
	require.Equal(t, map[string]any{"accountName": "Example Ltd", "inviterName": "Olivia Operator", "email": "boss@example.test",
		"role": "OWNER", "status": "PENDING", "expired": false, "existingUser": false}, p.Get("invitation"))

	// 2. The Owner registers and is signed in by the acceptance.
	a := env.Anon().Do(acceptInvitation, apptest.Vars{"t": ownerToken, "n": "Bea Boss", "p": "boss password 1"}).Must()
	require.Equal(t, "OWNER", a.Get("acceptInvitation.role"))
	byLink := env.WithToken(a.Get("acceptInvitation.token").(string))
	require.Equal(t, "boss@example.test", byLink.Do(`{ viewer { email } }`, nil).Must().Get("viewer.email"))
	owner := env.SignInWith("boss@example.test", "boss password 1")
	require.Equal(t, "OWNER", owner.Do(`{ viewer { memberships { role } } }`, nil).Must().Get("viewer.memberships.0.role"))

	// 3. The Owner invites a messy list: three emails, "bad" rejected.
	env.Mail.Reset()
	r = owner.Do(inviteUsers, apptest.Vars{"a": acctID, "e": "a@x.test, b@x.test;c@x.test  a@x.test bad", "r": "FINANCE_MANAGER"}).Must()
	require.Len(t, r.Get("inviteUsers.created"), 3)
	require.Equal(t, []any{map[string]any{"address": "bad", "code": "INVALID_INPUT", "message": `"bad" is not a valid email address.`}},
		r.Get("inviteUsers.rejected"))
	msgs := env.WaitMail(3)
	require.Equal(t, []string{"a@x.test", "b@x.test", "c@x.test"}, recipients(msgs))
	for _, m := range msgs {
		require.Contains(t, m.Subject, "Bea Boss", "the subject names the inviting person")
		require.Contains(t, m.Text, "Finance manager", "the body names the role")
		require.Contains(t, m.HTML, "Accept invitation")
	}
	byRecipient := map[string]mailcapture.Message{}
	for _, m := range msgs {
		byRecipient[m.To[0]] = m
	}

	// 4. A link's token registers a user, who signs in with the role given.
	tokenA := apptest.Token(t, byRecipient["a@x.test"])
	env.Anon().Do(acceptInvitation, apptest.Vars{"t": tokenA, "n": "Al A", "p": "short"}).RequireCode("INVALID_INPUT")
	env.Anon().Do(acceptInvitation, apptest.Vars{"t": tokenA, "n": "Al A", "p": "al password 1"}).Must()
	al := env.SignInWith("a@x.test", "al password 1")
	require.Equal(t, "FINANCE_MANAGER", al.Do(`{ viewer { memberships { role account { name } } } }`, nil).Must().Get("viewer.memberships.0.role"))

	// 5. The same token fails.
	env.Anon().Do(acceptInvitation, apptest.Vars{"t": tokenA, "n": "Al A", "p": "al password 1"}).RequireCode("INVITATION_USED")

	// 6. A resend kills the old link; the new one works.
	invB := apptest.Scalar[string](env, `SELECT id::text FROM invitations WHERE email = 'b@x.test'`)
	oldB := apptest.Token(t, byRecipient["b@x.test"])
	env.Mail.Reset()
	owner.Do(resendInvitation, apptest.Vars{"a": acctID, "i": invB}).Must()
	env.Anon().Do(previewInvitation, apptest.Vars{"t": oldB}).RequireCode("NOT_FOUND")
	newB := apptest.Token(t, env.WaitMail(1)[0])
	require.NotEqual(t, oldB, newB)
	env.Anon().Do(acceptInvitation, apptest.Vars{"t": oldB, "n": "Bo", "p": "bo password 1"}).RequireCode("NOT_FOUND")
	env.Anon().Do(acceptInvitation, apptest.Vars{"t": newB, "n": "Bo", "p": "bo password 1"}).Must()

	// The invitations list shows delivery and status.
	want := map[string]string{"boss@example.test": "ACCEPTED/SENT", "a@x.test": "ACCEPTED/SENT", "b@x.test": "ACCEPTED/SENT", "c@x.test": "PENDING/SENT"}
	states := map[string]string{}
	env.Eventually(func() bool { // the worker records SENT just after the server took the mail
		list := owner.Do(`query($a: ID!) { account(id: $a) { invitations { totalCount edges { node { email status delivery { state attempts } } } } } }`,
			apptest.Vars{"a": acctID}).Must()
		require.EqualValues(t, 4, list.Get("account.invitations.totalCount"))
		for _, e := range list.Get("account.invitations.edges").([]any) {
			n := e.(map[string]any)["node"].(map[string]any)
			states[n["email"].(string)] = n["status"].(string) + "/" + n["delivery"].(map[string]any)["state"].(string)
		}
		return len(states) == 4 && states["c@x.test"] == want["c@x.test"] && states["b@x.test"] == want["b@x.test"]
	}, "delivery states")
	require.Equal(t, want, states)

	// Every change left an audit event.
	for _, action := range []string{"account.created", "invitation.created", "invitation.accepted", "invitation.resent"} {
		require.Positive(t, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = $1`, action), action)
	}
}

func TestInvite_Rules(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, func(c *apptestConfig) { c.InvitationDailyQuota = 6; c.InvitationBatchLimit = 5 })
	f := seedAccount(env)
	admin := env.SignIn("admin@acme.test")
	vars := func(emails, role string) apptest.Vars { return apptest.Vars{"a": f, "e": emails, "r": role} }

	admin.Do(inviteUsers, vars("x@y.test", "OWNER")).RequireCode("INVALID_INPUT")
	admin.Do(inviteUsers, vars(" ,; \n", "USER")).RequireCode("INVALID_INPUT")
	admin.Do(inviteUsers, vars("1@y.test 2@y.test 3@y.test 4@y.test 5@y.test 6@y.test", "USER")).RequireCode("LIMIT_EXCEEDED")

	r := admin.Do(inviteUsers, vars("owner@acme.test\nidle@acme.test;gone@elsewhere.test,new@y.test", "USER")).Must()
	codes := map[string]string{}
	for _, rj := range r.Get("inviteUsers.rejected").([]any) {
		codes[rj.(map[string]any)["address"].(string)] = rj.(map[string]any)["code"].(string)
	}
	require.Equal(t, map[string]string{"owner@acme.test": "ALREADY_MEMBER", "idle@acme.test": "ALREADY_MEMBER"}, codes,
		"a user of another tenant, deactivated or not, is invited like any address: nothing about them shows")
	require.Len(t, r.Get("inviteUsers.created"), 2)

	// Inviting again re-sends instead of duplicating, with the new role.
	r = admin.Do(inviteUsers, vars("NEW@y.test", "ADMINISTRATOR")).Must()
	require.Empty(t, r.Get("inviteUsers.created"))
	require.Len(t, r.Get("inviteUsers.resent"), 1)
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM invitations WHERE email = 'new@y.test'`))
	require.Equal(t, "ADMINISTRATOR", apptest.Scalar[string](env, `SELECT role FROM invitations WHERE email = 'new@y.test'`))

	// A revoked or expired invitation never blocks a new one.
	id := apptest.Scalar[string](env, `SELECT id::text FROM invitations WHERE email = 'new@y.test'`)
	require.Equal(t, "REVOKED", admin.Do(revokeInvitation, apptest.Vars{"a": f, "i": id}).Must().Get("revokeInvitation.invitation.status"))
	admin.Do(revokeInvitation, apptest.Vars{"a": f, "i": id}).RequireCode("CONFLICT")
	admin.Do(resendInvitation, apptest.Vars{"a": f, "i": id}).RequireCode("INVITATION_USED")
	require.Len(t, admin.Do(inviteUsers, vars("new@y.test", "USER")).Must().Get("inviteUsers.created"), 1)
	env.Exec(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'new@y.test' AND status = 'PENDING'`)
	require.Len(t, admin.Do(inviteUsers, vars("new@y.test", "USER")).Must().Get("inviteUsers.created"), 1)
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM invitations WHERE email = 'new@y.test' AND status = 'EXPIRED'`))
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'invitation.expired'`), "expiry is audited")

	// The daily quota counts every email, resends too: 5 so far, 6 allowed.
	require.Len(t, admin.Do(inviteUsers, vars("q1@y.test", "USER")).Must().Get("inviteUsers.created"), 1)
	q := admin.Do(inviteUsers, vars("q2@y.test q3@y.test", "USER")).RequireCode("LIMIT_EXCEEDED")
	require.NotEmpty(t, q.Errors[0].Extensions["resetsAt"])
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM invitations WHERE email IN ('q2@y.test', 'q3@y.test')`), "nothing half-done")
	require.Equal(t, 6, apptest.Scalar[int](env, `SELECT count(*) FROM river_job WHERE kind = 'SendInvitationEmail'`))

	// Another account's invitation is not found through this account.
	other := env.Account("Other")
	env.Exec(`INSERT INTO invitations (account_id, email, role, expires_at) VALUES ($1, 'z@z.test', 'USER', now() + interval '1 day')`, other.ID)
	otherID := apptest.Scalar[string](env, `SELECT id::text FROM invitations WHERE email = 'z@z.test'`)
	admin.Do(revokeInvitation, apptest.Vars{"a": f, "i": otherID}).RequireCode("NOT_FOUND")
	admin.Do(resendInvitation, apptest.Vars{"a": f, "i": otherID}).RequireCode("NOT_FOUND")
}

func TestInvite_AcceptExistingUser(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, apptest.WithWorkers)
	f := seedAccount(env)
	other := env.Account("Other")
	env.Member(other, env.User("admin@other.test", false), "OWNER", "ACTIVE")
	admin := env.SignIn("admin@acme.test")
	// admin@other.test already has a user: the link asks only for the password.
	admin.Do(inviteUsers, apptest.Vars{"a": f, "e": "admin@other.test", "r": "ADMINISTRATOR"}).Must()
	token := apptest.Token(t, env.WaitMail(1)[0])
	require.Equal(t, true, env.Anon().Do(previewInvitation, apptest.Vars{"t": token}).Must().Get("invitation.existingUser"))
	env.Anon().Do(acceptInvitation, apptest.Vars{"t": token, "p": "wrong password"}).RequireCode("UNAUTHENTICATED")
	// Signed in as someone else: refused.
	admin.Do(acceptInvitation, apptest.Vars{"t": token}).RequireCode("FORBIDDEN")
	// Signed in as the invited user: no password needed, and no new session.
	r := env.SignIn("admin@other.test").Do(acceptInvitation, apptest.Vars{"t": token}).Must()
	require.Nil(t, r.Get("acceptInvitation.token"))
	require.Equal(t, "ADMINISTRATOR", r.Get("acceptInvitation.role"))
	require.Equal(t, 2, apptest.Scalar[int](env, `SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'admin@other.test'`))

	// Not signed in: the password proves it, and the answer signs them in.
	env.Member(other, env.User("fin@other.test", false), "FINANCE_MANAGER", "ACTIVE")
	admin.Do(inviteUsers, apptest.Vars{"a": f, "e": "fin@other.test", "r": "USER"}).Must()
	var finToken string
	env.Eventually(func() bool {
		for _, m := range env.Mail.To("fin@other.test") {
			finToken = apptest.Token(t, m)
		}
		return finToken != ""
	}, "invitation mail to fin@other.test")
	r = env.Anon().Do(acceptInvitation, apptest.Vars{"t": finToken, "p": apptest.Password}).Must()
	require.NotNil(t, r.Get("acceptInvitation.token"), "FINANCE_MANAGER elsewhere gives panel access: a session")

	// An expired link says so.
	admin.Do(inviteUsers, apptest.Vars{"a": f, "e": "late@y.test", "r": "USER"}).Must()
	late := ""
	env.Eventually(func() bool {
		for _, m := range env.Mail.To("late@y.test") {
			late = apptest.Token(t, m)
		}
		return late != ""
	}, "invitation mail to late@y.test")
	env.Exec(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE email = 'late@y.test'`)
	require.Equal(t, true, env.Anon().Do(previewInvitation, apptest.Vars{"t": late}).Must().Get("invitation.expired"))
	env.Anon().Do(acceptInvitation, apptest.Vars{"t": late, "n": "Late", "p": "late password"}).RequireCode("INVITATION_EXPIRED")
	env.Anon().Do(previewInvitation, apptest.Vars{"t": strings.Repeat("x", 43)}).RequireCode("NOT_FOUND")
}

// TestInvite_OwnerInvitationProtected keeps an account from losing its only
// way to an Owner.
func TestInvite_OwnerInvitationProtected(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.User("op@roster.test", true)
	op := env.SignIn("op@roster.test")
	r := op.Do(createAccount, apptest.Vars{"n": "New Co", "e": "boss@new.test"}).Must()
	acct := r.Get("createAccount.account.id").(string)
	inv := r.Get("createAccount.invitation.id").(string)
	// An administrator added meanwhile may not revoke it nor turn it into another role.
	admin := env.User("admin@new.test", false)
	env.Exec(`INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, 'ADMINISTRATOR')`, acct, admin.ID)
	a := env.SignIn("admin@new.test")
	a.Do(revokeInvitation, apptest.Vars{"a": acct, "i": inv}).RequireCode("FORBIDDEN")
	a.Do(inviteUsers, apptest.Vars{"a": acct, "e": "boss@new.test", "r": "USER"}).Must()
	require.Equal(t, "OWNER", apptest.Scalar[string](env, `SELECT role FROM invitations WHERE id = $1`, inv), "a re-send keeps the Owner role")
	a.Do(inviteUsers, apptest.Vars{"a": acct, "e": "x@new.test", "r": "OWNER"}).RequireCode("INVALID_INPUT")
	// An operator may revoke it and invite another Owner, once.
	op.Do(inviteUsers, apptest.Vars{"a": acct, "e": "x@new.test", "r": "OWNER"}).RequireCode("CONFLICT")
	op.Do(revokeInvitation, apptest.Vars{"a": acct, "i": inv}).Must()
	op.Do(inviteUsers, apptest.Vars{"a": acct, "e": "a@new.test b@new.test", "r": "OWNER"}).RequireCode("INVALID_INPUT")
	op.Do(inviteUsers, apptest.Vars{"a": acct, "e": "real.boss@new.test", "r": "OWNER"}).Must()
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM invitations WHERE account_id = $1 AND role = 'OWNER' AND status = 'PENDING'`, acct))
}
