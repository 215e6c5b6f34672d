package graph_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/notify"
)

// TestVisibility_FormerMemberProfileHidden: an account that a user has left
// keeps its records about them (deliveries, contacts, credentials,
// warnings), but no longer sees their current profile.
func TestVisibility_FormerMemberProfileHidden(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	admin, op := env.SignIn("admin@acme.test"), env.SignIn("op@roster.test")
	a := apptest.ID(tm.acct.ID)
	// plain@ is the only technical contact, has a credential and a delivery,
	// and belongs to another account too.
	elsewhere := env.Account("Elsewhere")
	env.Member(elsewhere, tm.plain, member.RoleUser, member.StatusActive)
	admin.Do(setRecipients, apptest.Vars{"a": a, "k": "TECHNICAL", "u": ids(tm.plain)}).Must()
	op.Do(`mutation($a: ID!, $u: ID!) { addServiceCredential(accountId: $a, userId: $u, kind: "mailbox", name: "plain@acme") { serviceCredential { id } } }`,
		apptest.Vars{"a": a, "u": apptest.ID(tm.plain.ID)}).Must()
	n := op.Do(sendNotification, apptest.Vars{"a": a, "k": "TECHNICAL", "s": "Maintenance", "b": "Tonight."}).Must()
	nid := uuid.MustParse(n.Get("sendNotification.notification.id").(string))
	require.NoError(t, pgx.BeginFunc(context.Background(), env.Pool, func(tx pgx.Tx) error {
		_, _, err := notify.PlanFanOut(context.Background(), tx, nid)
		return err
	}))
	env.Exec(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, tm.plain.ID)

	// Deleted from Acme: the payload's warning names them, as Acme knew them.
	del := admin.Do(`mutation($a: ID!, $u: [ID!]!) { deleteMembers(accountId: $a, userIds: $u) {
		results { removed } warnings { kind users { email name lastSignInAt } } } }`, apptest.Vars{"a": a, "u": ids(tm.plain)}).Must()
	require.Equal(t, []any{map[string]any{"kind": "TECHNICAL", "users": []any{
		map[string]any{"email": "plain@acme.test", "name": "", "lastSignInAt": nil}}}}, del.Get("deleteMembers.warnings"))

	// Their profile changes afterwards, elsewhere.
	env.Exec(`UPDATE users SET name = 'Plain New Name', status = 'INACTIVE' WHERE id = $1`, tm.plain.ID)

	const records = `query($a: ID!) { account(id: $a) {
		technicalContacts { user { email name status lastSignInAt memberships { role } } userStatus membershipStatus receivesMail }
		serviceCredentials { user { email name status lastSignInAt } }
		notifications { edges { node { deliveries { email user { name status } } } } } } }`
	r := admin.Do(records, apptest.Vars{"a": a}).Must()
	require.Equal(t, []any{map[string]any{
		"user":       map[string]any{"email": "plain@acme.test", "name": "", "status": "ACTIVE", "lastSignInAt": nil, "memberships": []any{}},
		"userStatus": "ACTIVE", "membershipStatus": nil, "receivesMail": false,
	}}, r.Get("account.technicalContacts"))
	require.Equal(t, []any{map[string]any{"user": map[string]any{"email": "plain@acme.test", "name": "", "status": "ACTIVE", "lastSignInAt": nil}}},
		r.Get("account.serviceCredentials"))
	require.Equal(t, []any{map[string]any{"email": "plain@acme.test", "user": nil}},
		r.Get("account.notifications.edges.0.node.deliveries"))
	// user(id) agrees: not found.
	admin.Do(`query($u: ID!) { user(id: $u) { name } }`, apptest.Vars{"u": apptest.ID(tm.plain.ID)}).RequireCode("NOT_FOUND")

	// An operator sees the real profile; a current member still shows in full.
	o := op.Do(records, apptest.Vars{"a": a}).Must()
	require.Equal(t, "Plain New Name", o.Get("account.technicalContacts.0.user.name"))
	require.Equal(t, "INACTIVE", o.Get("account.technicalContacts.0.userStatus"))
	require.Equal(t, "Plain New Name", o.Get("account.notifications.edges.0.node.deliveries.0.user.name"))
	op.Do(`mutation($a: ID!, $u: ID!) { addServiceCredential(accountId: $a, userId: $u, kind: "key", name: "k") { serviceCredential { id } } }`,
		apptest.Vars{"a": a, "u": apptest.ID(tm.finance.ID)}).Must()
	creds := admin.Do(`query($a: ID!, $u: ID) { account(id: $a) { serviceCredentials(userId: $u) { user { name } } } }`,
		apptest.Vars{"a": a, "u": apptest.ID(tm.finance.ID)}).Must()
	require.Equal(t, "finance", creds.Get("account.serviceCredentials.0.user.name"))
}

const invitationDeliveries = `query($a: ID!) { account(id: $a) { invitations { edges { node { email delivery { state attempts lastError deliveredAt } } } } } }`

func deliveriesByEmail(r *apptest.Response) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, e := range r.Get("account.invitations.edges").([]any) {
		n := e.(map[string]any)["node"].(map[string]any)
		out[n["email"].(string)] = n["delivery"].(map[string]any)
	}
	return out
}

// TestInvite_MaskedDeliveryLooksSent: inviting the address of a user
// deactivated platform-wide (in another tenant) sends nothing, and the
// inviting account sees it exactly like a real send.
func TestInvite_MaskedDeliveryLooksSent(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, apptest.WithWorkers)
	f := seedAccount(env)
	env.User("op@roster.test", true)
	admin, op := env.SignIn("admin@acme.test"), env.SignIn("op@roster.test")
	admin.Do(inviteUsers, apptest.Vars{"a": f, "e": "real@y.test gone@elsewhere.test", "r": "USER"}).Must()
	env.WaitMail(1)
	var seen map[string]map[string]any
	env.Eventually(func() bool {
		seen = deliveriesByEmail(admin.Do(invitationDeliveries, apptest.Vars{"a": f}).Must())
		return seen["real@y.test"]["state"] == "SENT" && seen["gone@elsewhere.test"]["state"] != "QUEUED"
	}, "both deliveries recorded")
	real, masked := seen["real@y.test"], seen["gone@elsewhere.test"]
	require.NotNil(t, real["deliveredAt"])
	require.NotNil(t, masked["deliveredAt"], "a masked delivery has a time, like a real one")
	delete(real, "deliveredAt")
	delete(masked, "deliveredAt")
	require.Equal(t, real, masked)
	require.Equal(t, map[string]any{"state": "SENT", "attempts": float64(1), "lastError": nil}, masked)
	// Operators see what happened.
	require.Equal(t, "SUPPRESSED", deliveriesByEmail(op.Do(invitationDeliveries, apptest.Vars{"a": f}).Must())["gone@elsewhere.test"]["state"])
	require.Len(t, env.Mail.To("gone@elsewhere.test"), 0)
}

// TestInvite_TenantSeesGenericDeliveryError: the SMTP server's words (host
// names, resolver addresses) reach operators only, for invitations and
// notifications alike.
func TestInvite_TenantSeesGenericDeliveryError(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	admin, op := env.SignIn("admin@acme.test"), env.SignIn("op@roster.test")
	a := apptest.ID(tm.acct.ID)
	admin.Do(inviteUsers, apptest.Vars{"a": a, "e": "soon@y.test never@y.test", "r": "USER"}).Must()
	const raw = "451 4.4.1 relay-7.internal.provider.net: lookup mx.y.test on 10.20.0.53:53: i/o timeout"
	env.Exec(`UPDATE invitations SET delivery_state = 'RETRYING', delivery_attempts = 2, delivery_error = $1 WHERE email = 'soon@y.test'`, raw)
	env.Exec(`UPDATE invitations SET delivery_state = 'FAILED', delivery_attempts = 1, delivery_error = $1 WHERE email = 'never@y.test'`, "550 5.1.1 relay-7.internal.provider.net: no such user")

	seen := deliveriesByEmail(admin.Do(invitationDeliveries, apptest.Vars{"a": a}).Must())
	require.Equal(t, map[string]any{"state": "RETRYING", "attempts": float64(2), "lastError": invite.TenantReasonRetrying, "deliveredAt": nil}, seen["soon@y.test"])
	require.Equal(t, invite.TenantReasonFailed, seen["never@y.test"]["lastError"])
	require.Equal(t, raw, deliveriesByEmail(op.Do(invitationDeliveries, apptest.Vars{"a": a}).Must())["soon@y.test"]["lastError"])

	// Notification deliveries: the same rule for their reason.
	admin.Do(setRecipients, apptest.Vars{"a": a, "k": "BILLING", "u": ids(tm.finance)}).Must()
	n := op.Do(sendNotification, apptest.Vars{"a": a, "k": "BILLING", "s": "Invoice", "b": "Due."}).Must()
	nid := uuid.MustParse(n.Get("sendNotification.notification.id").(string))
	require.NoError(t, pgx.BeginFunc(context.Background(), env.Pool, func(tx pgx.Tx) error {
		_, _, err := notify.PlanFanOut(context.Background(), tx, nid)
		return err
	}))
	env.Exec(`UPDATE notification_deliveries SET outcome = 'FAILED', reason = $1 WHERE notification_id = $2`, raw, nid)
	const reasons = `query($a: ID!) { account(id: $a) { notifications { edges { node { deliveries { outcome reason } } } } } }`
	require.Equal(t, []any{map[string]any{"outcome": "FAILED", "reason": notify.TenantReasonFailed}},
		admin.Do(reasons, apptest.Vars{"a": a}).Must().Get("account.notifications.edges.0.node.deliveries"))
	require.Equal(t, raw, op.Do(reasons, apptest.Vars{"a": a}).Must().Get("account.notifications.edges.0.node.deliveries.0.reason"))
}

// TestNames_ControlCharactersRefused: a name cannot forge lines in emails.
func TestNames_ControlCharactersRefused(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	f := seedAccount(env)
	env.User("op@roster.test", true)
	admin := env.SignIn("admin@acme.test")
	const rename = `mutation($n: String!) { updateProfile(name: $n) { user { name } } }`
	for _, name := range []string{"Ann\r\nBcc: victim@y.test", "Ann\tLee", "Ann\u0085Lee", "An\u200bn", "Ann \u202egnp.exe", "Ann\u2028Lee"} {
		admin.Do(rename, apptest.Vars{"n": name}).RequireCode("INVALID_INPUT")
	}
	require.Equal(t, "Zoë Łukasz", admin.Do(rename, apptest.Vars{"n": " Zoë Łukasz "}).Must().Get("updateProfile.user.name"))
	env.SignIn("op@roster.test").Do(`mutation($u: ID!, $n: String!) { updateUser(userId: $u, name: $n) { user { name } } }`,
		apptest.Vars{"u": apptest.Scalar[string](env, `SELECT id::text FROM users WHERE email = 'owner@acme.test'`), "n": "Bob\nX"}).RequireCode("INVALID_INPUT")

	// So do account names, which go into emails too, and credential labels.
	op := env.SignIn("op@roster.test")
	op.Do(createAccount, apptest.Vars{"n": "Evil\r\nCo", "e": "boss@evil.test"}).RequireCode("INVALID_INPUT")
	op.Do(`mutation($a: ID!, $u: ID!) { addServiceCredential(accountId: $a, userId: $u, kind: "mailbox", name: "a\u202eb") { serviceCredential { id } } }`,
		apptest.Vars{"a": f, "u": apptest.Scalar[string](env, `SELECT id::text FROM users WHERE email = 'owner@acme.test'`)}).RequireCode("INVALID_INPUT")

	// Registering from an invitation checks the name the same way.
	admin.Do(inviteUsers, apptest.Vars{"a": f, "e": "new@y.test", "r": "USER"}).Must()
	token := mintInvitationToken(env, "new@y.test")
	env.Anon().Do(acceptInvitation, apptest.Vars{"t": token, "n": "New\r\nUser", "p": "new password 1"}).RequireCode("INVALID_INPUT")
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM users WHERE email = 'new@y.test'`))
}

// mintInvitationToken gives the pending invitation to email a link token
// without running the email job, and returns the token.
func mintInvitationToken(env *apptest.Env, email string) string {
	token := strings.ReplaceAll(uuid.NewString()+uuid.NewString(), "-", "")
	env.Exec(`UPDATE invitations SET token_hash = sha256(convert_to($1, 'UTF8')) WHERE email = $2 AND status = 'PENDING'`, token, email)
	return token
}

// TestInvite_AddressesHardened: IDN twins fold into one A-label address;
// invisible characters, address literals, mixed scripts and RFC 5321
// overlengths are refused, each with its own rejection.
func TestInvite_AddressesHardened(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	f := seedAccount(env)
	admin := env.SignIn("admin@acme.test")
	long := strings.Repeat("a", 65) + "@y.test"
	list := strings.Join([]string{"ann@Bücher.test", "ann@xn--bcher-kva.test", "a@[127.0.0.1]", "a@127.0.0.1", "an\u200bn@y.test",
		"ann@pаypal.test", "аnn@y.test", long}, ", ")
	r := admin.Do(inviteUsers, apptest.Vars{"a": f, "e": list, "r": "USER"}).Must()
	require.Equal(t, []any{map[string]any{"email": "ann@xn--bcher-kva.test", "role": "USER", "status": "PENDING",
		"id": r.Get("inviteUsers.created.0.id")}}, r.Get("inviteUsers.created"))
	var rejected []string
	for _, rj := range r.Get("inviteUsers.rejected").([]any) {
		require.Equal(t, "INVALID_INPUT", rj.(map[string]any)["code"])
		rejected = append(rejected, rj.(map[string]any)["address"].(string))
	}
	require.Equal(t, []string{"a@[127.0.0.1]", "a@127.0.0.1", "an\u200bn@y.test", "ann@pаypal.test", "аnn@y.test", long}, rejected)
	// The Unicode spelling finds the same invitation again: re-sent, not duplicated.
	r = admin.Do(inviteUsers, apptest.Vars{"a": f, "e": "ANN@bücher.test", "r": "USER"}).Must()
	require.Len(t, r.Get("inviteUsers.resent"), 1)
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM invitations WHERE email LIKE 'ann@%'`))
}

// TestLifecycle_DeactivationRevokesSessions: a member deactivated out of
// their last panel access loses their sessions, so reactivation does not
// revive an old token; one with panel access elsewhere keeps theirs.
func TestLifecycle_DeactivationRevokesSessions(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	a := apptest.ID(tm.acct.ID)
	other := env.Account("Other")
	env.Member(other, tm.admin2, member.RoleFinanceManager, member.StatusActive)
	admin := env.SignIn("admin@acme.test")
	fin, multi := env.SignIn("finance@acme.test"), env.SignIn("admin2@acme.test")
	const viewer = `{ viewer { email } }`

	admin.Do(deactivateMembers, apptest.Vars{"a": a, "u": ids(tm.finance, tm.admin2)}).Must()
	require.Nil(t, fin.Do(viewer, nil).Must().Get("viewer"))
	require.Equal(t, "admin2@acme.test", multi.Do(viewer, nil).Must().Get("viewer.email"), "panel access elsewhere: the session stays")
	multi.Do(`query($a: ID!) { account(id: $a) { name } }`, apptest.Vars{"a": a}).RequireCode("FORBIDDEN")
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM sessions WHERE user_id = $1 AND revoked_at IS NOT NULL`, tm.finance.ID))

	admin.Do(activateMembers, apptest.Vars{"a": a, "u": ids(tm.finance, tm.admin2)}).Must()
	require.Nil(t, fin.Do(viewer, nil).Must().Get("viewer"), "the old token stays dead after reactivation")
	require.Equal(t, "finance@acme.test", env.SignIn("finance@acme.test").Do(viewer, nil).Must().Get("viewer.email"), "a new sign-in works")

	// The operators' cross-account path does the same.
	fin = env.SignIn("finance@acme.test")
	env.SignIn("op@roster.test").Do(`mutation($i: [MembershipRef!]!) { setMembershipStatuses(items: $i, status: INACTIVE) { results { error { code } } } }`,
		apptest.Vars{"i": []any{map[string]any{"accountId": a, "userId": apptest.ID(tm.finance.ID)}}}).Must()
	admin.Do(activateMembers, apptest.Vars{"a": a, "u": ids(tm.finance)}).Must()
	require.Nil(t, fin.Do(viewer, nil).Must().Get("viewer"))
}

// TestTransferOwnership_PendingOwnerInvitation: an account whose Owner has
// not accepted yet has nobody to transfer from: CONFLICT, not INTERNAL.
func TestTransferOwnership_PendingOwnerInvitation(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.User("op@roster.test", true)
	op := env.SignIn("op@roster.test")
	acct := op.Do(createAccount, apptest.Vars{"n": "New Co", "e": "boss@new.test"}).Must().Get("createAccount.account.id").(string)
	admin := env.User("admin@new.test", false)
	env.Exec(`INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, 'ADMINISTRATOR')`, acct, admin.ID)
	r := op.Do(`mutation($a: ID!, $u: ID!) { transferOwnership(accountId: $a, toUserId: $u) { owner { role } } }`,
		apptest.Vars{"a": acct, "u": apptest.ID(admin.ID)}).RequireCode("CONFLICT")
	require.Contains(t, r.Errors[0].Message, "invitation")
}

// TestBulk_SizeCheckedBeforeDedupe: a bulk call counts the ids it was sent,
// repeats included, before doing anything with them.
func TestBulk_SizeCheckedBeforeDedupe(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	admin := env.SignIn("admin@acme.test")
	a := apptest.ID(tm.acct.ID)
	many := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = apptest.ID(tm.plain.ID)
		}
		return out
	}
	admin.Do(deleteMembers, apptest.Vars{"a": a, "u": many(member.MaxBulk + 1)}).RequireCode("LIMIT_EXCEEDED")
	admin.Do(setRecipients, apptest.Vars{"a": a, "k": "TECHNICAL", "u": many(notify.MaxRecipients + 1)}).RequireCode("LIMIT_EXCEEDED")
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM memberships WHERE user_id = $1`, tm.plain.ID))
	// Repeats within the limit still get one result each.
	r := admin.Do(deactivateMembers, apptest.Vars{"a": a, "u": many(3)}).Must()
	require.Len(t, r.Get("deactivateMembers.results"), 3)
	// Twenty thousand distinct ids are refused at once.
	huge := make([]string, 20000)
	for i := range huge {
		huge[i] = uuid.NewString()
	}
	start := time.Now()
	admin.Do(deleteMembers, apptest.Vars{"a": a, "u": huge}).RequireCode("LIMIT_EXCEEDED")
	require.Less(t, time.Since(start), 5*time.Second)
}

// TestInvite_AcceptRecordsSignIn: the session an invitation link opens is
// a sign-in: lastSignInAt is set.
func TestInvite_AcceptRecordsSignIn(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	f := seedAccount(env)
	admin := env.SignIn("admin@acme.test")
	admin.Do(inviteUsers, apptest.Vars{"a": f, "e": "fresh@y.test", "r": "ADMINISTRATOR"}).Must()
	token := mintInvitationToken(env, "fresh@y.test")
	r := env.Anon().Do(`mutation($t: String!) { acceptInvitation(token: $t, name: "Fresh", password: "fresh password 1") { token user { lastSignInAt } } }`,
		apptest.Vars{"t": token}).Must()
	require.NotNil(t, r.Get("acceptInvitation.token"))
	require.NotNil(t, r.Get("acceptInvitation.user.lastSignInAt"))
	require.True(t, apptest.Scalar[bool](env, `SELECT last_sign_in_at IS NOT NULL FROM users WHERE email = 'fresh@y.test'`))
	// Administrators are now told to send a reset, not a welcome email.
	id := apptest.Scalar[string](env, `SELECT id::text FROM users WHERE email = 'fresh@y.test'`)
	admin.Do(`mutation($u: ID!) { sendWelcomeEmail(userId: $u) { ok } }`, apptest.Vars{"u": id}).RequireCode("CONFLICT")
}

// TestInvite_ThrottleAndStoreErrorsKeepTheirCode: a throttled password
// attempt says LIMIT_EXCEEDED, and a database failure (here a lock timeout)
// is an internal error, not a NOT_FOUND that would hide it.
func TestInvite_ThrottleAndStoreErrorsKeepTheirCode(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	f := seedAccount(env)
	other := env.Account("Other")
	env.Member(other, env.User("exist@other.test", false), member.RoleOwner, member.StatusActive)
	admin, exist := env.SignIn("admin@acme.test"), env.SignIn("exist@other.test")
	inv := admin.Do(inviteUsers, apptest.Vars{"a": f, "e": "exist@other.test", "r": "USER"}).Must().Get("inviteUsers.created.0.id").(string)
	token := mintInvitationToken(env, "exist@other.test")
	var last *apptest.Response
	for i := 0; i < 12 && (last == nil || last.Code() == "UNAUTHENTICATED"); i++ {
		last = env.Anon().Do(acceptInvitation, apptest.Vars{"t": token, "p": "wrong password"})
	}
	last.RequireCode("LIMIT_EXCEEDED")
	require.NotEmpty(t, last.Errors[0].Extensions["resetsAt"])

	// Hold the invitation's row lock while the API waits at most 200 ms for it.
	env.Exec(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '200ms'); END $$`)
	env.Pool.Reset()
	ctx := context.Background()
	conn, err := env.Pool.Acquire(ctx)
	require.NoError(t, err)
	defer conn.Release()
	tx, err := conn.Begin(ctx)
	require.NoError(t, err)
	defer func() { _ = tx.Rollback(ctx) }()
	_, err = tx.Exec(ctx, `SELECT 1 FROM invitations WHERE id = $1 FOR UPDATE`, inv)
	require.NoError(t, err)
	admin.Do(revokeInvitation, apptest.Vars{"a": f, "i": inv}).RequireCode("INTERNAL")
	admin.Do(resendInvitation, apptest.Vars{"a": f, "i": inv}).RequireCode("INTERNAL")
	exist.Do(acceptInvitation, apptest.Vars{"t": token}).RequireCode("INTERNAL")
	require.NoError(t, tx.Rollback(ctx))
	require.Equal(t, "REVOKED", admin.Do(revokeInvitation, apptest.Vars{"a": f, "i": inv}).Must().Get("revokeInvitation.invitation.status"))
}

// TestCursors_ForgedTextRefused: a cursor carrying invalid UTF-8 or NUL is
// INVALID_INPUT, not an internal error from PostgreSQL.
func TestCursors_ForgedTextRefused(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.User("op@roster.test", true)
	op := env.SignIn("op@roster.test")
	for _, c := range []string{"dTr_", "dToA"} { // "u:\xff", "u:\x00"
		op.Do(`query($c: String) { users(after: $c) { edges { cursor } } }`, apptest.Vars{"c": c}).RequireCode("INVALID_INPUT")
	}
	for _, c := range []string{"YTozZjJhMWIwYy05ZDhlLTRmN2EtOGI2Yy01ZDRlM2YyYTFiMGM6_w", "YTozZjJhMWIwYy05ZDhlLTRmN2EtOGI2Yy01ZDRlM2YyYTFiMGM6AA"} {
		op.Do(`query($c: String) { accounts(after: $c) { edges { cursor } } }`, apptest.Vars{"c": c}).RequireCode("INVALID_INPUT")
	}
}
