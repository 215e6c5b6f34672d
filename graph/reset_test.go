package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/member"
)

const (
	requestReset = `mutation($e: String!) { requestPasswordReset(email: $e) { ok } }`
	resetPwd     = `mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) { ok } }`
)

// TestPasswordReset_SameAnswerForEveryone proves the answer reveals nothing:
// byte-identical for an active user, an inactive one and an unknown address,
// while only the active user gets mail.
func TestPasswordReset_SameAnswerForEveryone(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, apptest.WithWorkers)
	seedAccount(env)
	var bodies []map[string]any
	for _, email := range []string{"admin@acme.test", "gone@elsewhere.test", "nobody@acme.test", "not an email"} {
		r := env.Anon().Do(requestReset, apptest.Vars{"e": email}).Must()
		bodies = append(bodies, r.Data)
	}
	for _, b := range bodies[1:] {
		require.Equal(t, bodies[0], b)
	}
	msg := env.WaitMail(1)[0]
	require.Equal(t, []string{"admin@acme.test"}, msg.To)
	require.Contains(t, msg.Text, "https://panel.roster.test/app/reset-password?token=")
	env.Eventually(func() bool {
		return apptest.Scalar[int](env, `SELECT count(*) FROM river_job WHERE kind = 'SendPasswordResetEmail' AND state = 'completed'`) == 3
	}, "the three reset jobs (one per valid address) complete")
	require.Len(t, env.Mail.Messages(), 1)
}

func TestPasswordReset_Flow(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, apptest.WithWorkers)
	seedAccount(env)
	other := env.SignIn("admin@acme.test")
	env.Anon().Do(requestReset, apptest.Vars{"e": "ADMIN@acme.test"}).Must()
	token := apptest.Token(t, env.WaitMail(1)[0])

	env.Anon().Do(resetPwd, apptest.Vars{"t": token, "p": "short"}).RequireCode("INVALID_INPUT")
	env.Anon().Do(resetPwd, apptest.Vars{"t": token, "p": "brand new password"}).Must()
	env.Anon().Do(resetPwd, apptest.Vars{"t": token, "p": "another new password"}).RequireCode("NOT_FOUND") // single-use
	require.Nil(t, other.Do(`{ viewer { id } }`, nil).Must().Data["viewer"], "every session ends")
	env.Anon().Do(signInMutation, apptest.Vars{"e": "admin@acme.test", "p": apptest.Password}).RequireCode("UNAUTHENTICATED")
	env.SignInWith("admin@acme.test", "brand new password")

	// An expired link says so.
	env.Mail.Reset()
	env.Exec(`DELETE FROM river_job`) // the per-minute fold would merge a second request
	env.Anon().Do(requestReset, apptest.Vars{"e": "admin@acme.test"}).Must()
	token = apptest.Token(t, env.WaitMail(1)[0])
	env.Exec(`UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`)
	env.Anon().Do(resetPwd, apptest.Vars{"t": token, "p": "yet another password"}).RequireCode("INVITATION_EXPIRED")
}

func TestAccessEmails_WelcomeOrReset(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, apptest.WithWorkers)
	acct := seedAccount(env)
	env.User("op@roster.test", true)
	op, admin := env.SignIn("op@roster.test"), env.SignIn("admin@acme.test")
	fresh := env.User("fresh@acme.test", false)
	env.Exec(`INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, 'USER')`, acct, fresh.ID)
	env.Exec(`UPDATE users SET password_hash = NULL WHERE id = $1`, fresh.ID)
	owner := apptest.Scalar[string](env, `SELECT id::text FROM users WHERE email = 'owner@acme.test'`)
	env.SignIn("owner@acme.test") // the Owner has signed in before

	welcome := `mutation($u: ID!) { sendWelcomeEmail(userId: $u) { ok } }`
	reset := `mutation($u: ID!) { sendPasswordResetEmail(userId: $u) { ok } }`
	r := op.Do(welcome, apptest.Vars{"u": owner}).RequireCode("CONFLICT")
	require.Contains(t, r.Errors[0].Message, "sendPasswordResetEmail")
	r = op.Do(reset, apptest.Vars{"u": fresh.ID}).RequireCode("CONFLICT")
	require.Contains(t, r.Errors[0].Message, "sendWelcomeEmail")
	gone := apptest.Scalar[string](env, `SELECT id::text FROM users WHERE email = 'gone@elsewhere.test'`)
	op.Do(welcome, apptest.Vars{"u": gone}).RequireCode("USER_INACTIVE")

	// An administrator of the user's account may send it too; a finance manager may not.
	admin.Do(welcome, apptest.Vars{"u": fresh.ID}).Must()
	msg := env.WaitMail(1)[0]
	require.Equal(t, []string{"fresh@acme.test"}, msg.To)
	require.Contains(t, msg.Text, "https://panel.roster.test/app/set-password?token=")
	env.Anon().Do(resetPwd, apptest.Vars{"t": apptest.Token(t, msg), "p": "my first password"}).Must()
	env.Exec(`UPDATE memberships SET role = 'ADMINISTRATOR' WHERE user_id = $1`, fresh.ID)
	env.SignInWith("fresh@acme.test", "my first password")

	fin := env.User("fin@acme.test", false)
	env.Exec(`INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, $3)`, acct, fin.ID, member.RoleFinanceManager)
	env.SignIn("fin@acme.test").Do(reset, apptest.Vars{"u": owner}).RequireCode("FORBIDDEN")
	op.Do(reset, apptest.Vars{"u": owner}).Must()
}

// TestInvite_DeliveryStateVisible shows a temporary failure, River's retry
// and the final delivery through the API; and a permanent failure as FAILED.
func TestInvite_DeliveryStateVisible(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, apptest.WithWorkers)
	acct := seedAccount(env)
	admin := env.SignIn("admin@acme.test")
	q := `query($a: ID!) { account(id: $a) { invitations { edges { node { email delivery { state attempts lastError } } } } } }`
	state := func(email string) map[string]any {
		for _, e := range admin.Do(q, apptest.Vars{"a": acct}).Must().Get("account.invitations.edges").([]any) {
			n := e.(map[string]any)["node"].(map[string]any)
			if n["email"] == email {
				return n["delivery"].(map[string]any)
			}
		}
		return nil
	}
	env.Mail.FailNext(1, 451, "greylisted, try again later")
	env.Mail.FailRecipient("bounce@y.test", 550)
	admin.Do(inviteUsers, apptest.Vars{"a": acct, "e": "later@y.test", "r": "USER"}).Must()
	env.Eventually(func() bool { return state("later@y.test")["state"] == "RETRYING" }, "a temporary failure shows as RETRYING")
	d := state("later@y.test")
	require.EqualValues(t, 1, d["attempts"])
	require.Equal(t, invite.TenantReasonRetrying, d["lastError"], "the account gets a generic reason, not the SMTP server's words")
	env.Eventually(func() bool { return state("later@y.test")["state"] == "SENT" }, "River retries and delivers")
	require.Len(t, env.Mail.To("later@y.test"), 1)

	admin.Do(inviteUsers, apptest.Vars{"a": acct, "e": "bounce@y.test", "r": "USER"}).Must()
	env.Eventually(func() bool { return state("bounce@y.test")["state"] == "FAILED" }, "a permanent failure shows as FAILED")
	require.Equal(t, invite.TenantReasonFailed, state("bounce@y.test")["lastError"])
	require.Contains(t, apptest.Scalar[string](env, `SELECT delivery_error FROM invitations WHERE email = 'bounce@y.test'`), "550", "kept for operators")

	// A user deactivated platform-wide gets nothing; the account is not told
	// why (that would reveal another tenant's user), an operator is.
	env.User("op@roster.test", true)
	admin.Do(inviteUsers, apptest.Vars{"a": acct, "e": "gone@elsewhere.test", "r": "USER"}).Must()
	env.Eventually(func() bool {
		return apptest.Scalar[string](env, `SELECT delivery_state FROM invitations WHERE email = 'gone@elsewhere.test'`) == "SUPPRESSED"
	}, "the job suppresses the email")
	require.Equal(t, map[string]any{"state": "SENT", "attempts": float64(1), "lastError": nil}, state("gone@elsewhere.test"))
	opView := env.SignIn("op@roster.test").Do(q, apptest.Vars{"a": acct}).Must()
	for _, e := range opView.Get("account.invitations.edges").([]any) {
		if n := e.(map[string]any)["node"].(map[string]any); n["email"] == "gone@elsewhere.test" {
			require.Equal(t, "SUPPRESSED", n["delivery"].(map[string]any)["state"])
		}
	}
	require.Empty(t, env.Mail.To("gone@elsewhere.test"))
}
