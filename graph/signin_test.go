package graph_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

const signInMutation = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token expiresAt user { email lastSignInAt memberships { role account { name } } } } }`

func TestSignIn_Refusals(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	acct, other := env.Account("Acme"), env.Account("Other")
	admin := env.User("admin@acme.test", false)
	env.Member(acct, admin, member.RoleAdministrator, member.StatusActive)
	inactive := env.User("gone@acme.test", false)
	env.Member(acct, inactive, member.RoleAdministrator, member.StatusActive)
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, inactive.ID)
	onlyUser := env.User("user@acme.test", false)
	env.Member(acct, onlyUser, member.RoleUser, member.StatusActive)
	deactivated := env.User("deact@acme.test", false)
	env.Member(acct, deactivated, member.RoleAdministrator, member.StatusInactive)
	env.Member(other, deactivated, member.RoleUser, member.StatusActive)
	env.User("nomember@acme.test", false)
	env.User("op@roster.test", true)

	for _, tc := range []struct {
		name, email, password, code, message string
	}{
		{"unknown email", "nobody@acme.test", apptest.Password, "UNAUTHENTICATED", "The email or password is incorrect."},
		{"wrong password", "admin@acme.test", "not the password", "UNAUTHENTICATED", "The email or password is incorrect."},
		{"malformed email", "not an email", apptest.Password, "UNAUTHENTICATED", "The email or password is incorrect."},
		{"globally inactive", "gone@acme.test", apptest.Password, "USER_INACTIVE", ""},
		{"only role USER", "user@acme.test", apptest.Password, "FORBIDDEN", ""},
		{"only inactive panel membership", "deact@acme.test", apptest.Password, "FORBIDDEN", ""},
		{"no membership at all", "nomember@acme.test", apptest.Password, "FORBIDDEN", ""},
		{"wrong password of an inactive user reveals nothing", "gone@acme.test", "nope nope", "UNAUTHENTICATED", "The email or password is incorrect."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := env.Anon().Do(signInMutation, apptest.Vars{"e": tc.email, "p": tc.password}).RequireCode(tc.code)
			if tc.message != "" {
				require.Equal(t, tc.message, r.Errors[0].Message)
			}
			require.Nil(t, r.Data["signIn"])
		})
	}

	t.Run("admin, any case of the email", func(t *testing.T) {
		r := env.Anon().Do(signInMutation, apptest.Vars{"e": "ADMIN@Acme.Test", "p": apptest.Password}).Must()
		require.Len(t, r.Get("signIn.token"), 43)
		require.NotNil(t, r.Get("signIn.user.lastSignInAt"))
		require.Equal(t, "ADMINISTRATOR", r.Get("signIn.user.memberships.0.role"), "the payload shows the user's own memberships")
	})
	t.Run("operator without memberships", func(t *testing.T) {
		env.Anon().Do(signInMutation, apptest.Vars{"e": "op@roster.test", "p": apptest.Password}).Must()
	})
	t.Run("the token is stored only as its hash", func(t *testing.T) {
		c := env.SignIn("admin@acme.test")
		n := apptest.Scalar[int](env, `SELECT count(*) FROM sessions WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, c.Token)
		require.Equal(t, 1, n)
		n = apptest.Scalar[int](env, `SELECT count(*) FROM sessions WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'`, c.Token)
		require.Zero(t, n)
	})
}

func TestSignIn_Throttle(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	acct := env.Account("Acme")
	env.Member(acct, env.User("admin@acme.test", false), member.RoleAdministrator, member.StatusActive)
	for i := 0; i < 10; i++ {
		env.Anon().Do(signInMutation, apptest.Vars{"e": "admin@acme.test", "p": "wrong password"}).RequireCode("UNAUTHENTICATED")
	}
	// The right password is refused too while the window lasts.
	r := env.Anon().Do(signInMutation, apptest.Vars{"e": "admin@acme.test", "p": apptest.Password}).RequireCode("LIMIT_EXCEEDED")
	require.NotEmpty(t, r.Errors[0].Extensions["resetsAt"])
	// Unknown emails are throttled the same way, so the limit reveals nothing.
	for i := 0; i < 10; i++ {
		env.Anon().Do(signInMutation, apptest.Vars{"e": "ghost@acme.test", "p": "x"}).RequireCode("UNAUTHENTICATED")
	}
	env.Anon().Do(signInMutation, apptest.Vars{"e": "ghost@acme.test", "p": "x"}).RequireCode("LIMIT_EXCEEDED")
}

func TestSession_SignOutAndPasswordChange(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	acct := env.Account("Acme")
	env.Member(acct, env.User("admin@acme.test", false), member.RoleAdministrator, member.StatusActive)
	const viewer = `{ viewer { email isOperator memberships { role status account { name } } } }`

	a, b, c := env.SignIn("admin@acme.test"), env.SignIn("admin@acme.test"), env.SignIn("admin@acme.test")
	r := a.Do(viewer, nil).Must()
	require.Equal(t, "admin@acme.test", r.Get("viewer.email"))
	require.Equal(t, "ADMINISTRATOR", r.Get("viewer.memberships.0.role"))
	require.Equal(t, "Acme", r.Get("viewer.memberships.0.account.name"))
	require.Nil(t, env.Anon().Do(viewer, nil).Must().Data["viewer"])

	a.Do(`mutation { signOut { ok } }`, nil).Must()
	require.Nil(t, a.Do(viewer, nil).Must().Data["viewer"], "a signed-out token is anonymous")
	a.Do(`mutation { signOut { ok } }`, nil).RequireCode("UNAUTHENTICATED")

	const change = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { ok } }`
	b.Do(change, apptest.Vars{"c": "wrong", "n": "a new password"}).RequireCode("UNAUTHENTICATED")
	b.Do(change, apptest.Vars{"c": apptest.Password, "n": "short"}).RequireCode("INVALID_INPUT")
	b.Do(change, apptest.Vars{"c": apptest.Password, "n": "a new password"}).Must()
	require.NotNil(t, b.Do(viewer, nil).Must().Data["viewer"], "the changing session stays")
	require.Nil(t, c.Do(viewer, nil).Must().Data["viewer"], "other sessions end")
	env.Anon().Do(signInMutation, apptest.Vars{"e": "admin@acme.test", "p": apptest.Password}).RequireCode("UNAUTHENTICATED")
	env.Anon().Do(signInMutation, apptest.Vars{"e": "admin@acme.test", "p": "a new password"}).Must()
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'user.password_changed'`))
}

func TestProfile_Update(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	acct := env.Account("Acme")
	admin := env.User("admin@acme.test", false)
	env.Member(acct, admin, member.RoleAdministrator, member.StatusActive)
	env.User("op@roster.test", true)
	c, op := env.SignIn("admin@acme.test"), env.SignIn("op@roster.test")

	require.Equal(t, "Ada Lovelace", c.Do(`mutation { updateProfile(name: "  Ada Lovelace ") { user { name } } }`, nil).Must().Get("updateProfile.user.name"))
	c.Do(`mutation { updateProfile(name: "   ") { user { name } } }`, nil).RequireCode("INVALID_INPUT")

	const update = `mutation($id: ID!, $n: String!) { updateUser(userId: $id, name: $n) { user { name } } }`
	c.Do(update, apptest.Vars{"id": admin.ID, "n": "Nope"}).RequireCode("FORBIDDEN")
	require.Equal(t, "Countess", op.Do(update, apptest.Vars{"id": admin.ID, "n": "Countess"}).Must().Get("updateUser.user.name"))
	op.Do(update, apptest.Vars{"id": "00000000-0000-0000-0000-000000000000", "n": "X"}).RequireCode("NOT_FOUND")
	require.Equal(t, "Countess", apptest.Scalar[string](env, `SELECT name FROM users WHERE id = $1`, admin.ID))
	require.Equal(t, 2, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'user.renamed' AND target_user_id = $1`, admin.ID))
}

// TestSignIn_ThrottleParallel fires 30 wrong passwords at once: the attempt is
// counted before the password is checked, so no more than 10 get through.
func TestSignIn_ThrottleParallel(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	acct := env.Account("Acme")
	env.Member(acct, env.User("admin@acme.test", false), member.RoleAdministrator, member.StatusActive)
	codes := make(chan string, 30)
	var wg sync.WaitGroup
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- env.Anon().Do(signInMutation, apptest.Vars{"e": "admin@acme.test", "p": "guess"}).Code()
		}()
	}
	wg.Wait()
	close(codes)
	checked := 0
	for c := range codes {
		if c == "UNAUTHENTICATED" {
			checked++
		} else {
			require.Equal(t, "LIMIT_EXCEEDED", c)
		}
	}
	require.LessOrEqual(t, checked, 10)

	// changePassword's current-password check is throttled too.
	other := env.User("other@acme.test", false)
	env.Member(acct, other, member.RoleAdministrator, member.StatusActive)
	c := env.SignIn("other@acme.test")
	const change = `mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "whatever new one") { ok } }`
	for i := 0; i < 10; i++ {
		c.Do(change, apptest.Vars{"c": "wrong"}).RequireCode("UNAUTHENTICATED")
	}
	c.Do(change, apptest.Vars{"c": "wrong"}).RequireCode("LIMIT_EXCEEDED")
}
