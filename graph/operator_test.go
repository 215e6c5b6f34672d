package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

const (
	setRecipients = `mutation($a: ID!, $k: NotificationKind!, $u: [ID!]!) { setNotificationRecipients(accountId: $a, kind: $k, userIds: $u) {
		recipients { user { email } membershipStatus userStatus receivesMail } } }`
	deactivateUser = `mutation($u: ID!, $c: Boolean) { deactivateUser(userId: $u, confirm: $c) { deactivated user { status }
		warnings { kind account { name } users { email } } } }`
	impact = `query($u: ID!) { deactivationImpact(userId: $u) { kind account { name } } }`
)

// TestOperator_GlobalDeactivation is the help centre's flow: the operator
// sees the impact warning, confirms, and the user's session dies on its next
// request; activation restores everything and sends nothing.
func TestOperator_GlobalDeactivation(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	other := env.Account("Other")
	env.Member(other, tm.finance, member.RoleAdministrator, member.StatusActive)
	op, admin := env.SignIn("op@roster.test"), env.SignIn("admin@acme.test")
	// finance@ is the only billing recipient of Acme; technical has two.
	admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "BILLING", "u": ids(tm.finance)}).Must()
	admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "TECHNICAL", "u": ids(tm.finance, tm.admin2)}).Must()
	victim := env.SignIn("finance@acme.test")
	victim.Do(`{ viewer { email } }`, nil).Must()

	require.Equal(t, []any{map[string]any{"kind": "BILLING", "account": map[string]any{"name": "Acme"}}},
		op.Do(impact, apptest.Vars{"u": tm.finance.ID}).Must().Get("deactivationImpact"))

	r := op.Do(deactivateUser, apptest.Vars{"u": tm.finance.ID}).RequireCode("CONFIRMATION_REQUIRED")
	require.Equal(t, false, r.Get("deactivateUser.deactivated"))
	require.Equal(t, "BILLING", r.Get("deactivateUser.warnings.0.kind"))
	require.Equal(t, "finance@acme.test", r.Get("deactivateUser.warnings.0.users.0.email"))
	require.Equal(t, "ACTIVE", apptest.Scalar[string](env, `SELECT status FROM users WHERE id = $1`, tm.finance.ID), "nothing changed")
	victim.Do(`{ viewer { email } }`, nil).Must()

	r = op.Do(deactivateUser, apptest.Vars{"u": tm.finance.ID, "c": true}).Must()
	require.Equal(t, true, r.Get("deactivateUser.deactivated"))
	require.Nil(t, victim.Do(`{ viewer { email } }`, nil).Must().Data["viewer"], "the existing session dies on its next request")
	env.Anon().Do(signInMutation, apptest.Vars{"e": "finance@acme.test", "p": apptest.Password}).RequireCode("USER_INACTIVE")
	require.Equal(t, 2, apptest.Scalar[int](env, `SELECT count(*) FROM memberships WHERE user_id = $1 AND status = 'ACTIVE'`, tm.finance.ID),
		"account-level statuses are kept")
	// Still listed as a recipient, but receives nothing.
	contacts := admin.Do(`query($a: ID!) { account(id: $a) { billingContacts { user { email } userStatus receivesMail } } }`, apptest.Vars{"a": tm.acct.ID}).Must()
	require.Equal(t, []any{map[string]any{"user": map[string]any{"email": "finance@acme.test"}, "userStatus": "INACTIVE", "receivesMail": false}},
		contacts.Get("account.billingContacts"))
	op.Do(deactivateUser, apptest.Vars{"u": tm.finance.ID, "c": true}).RequireCode("CONFLICT")
	op.Do(deactivateUser, apptest.Vars{"u": apptest.Scalar[string](env, `SELECT id::text FROM users WHERE email = 'op@roster.test'`)}).RequireCode("SELF_ACTION")

	// A password reset requested now sends nothing (checked when the job runs);
	// activation sends nothing either.
	jobsDone := func() bool {
		return apptest.Scalar[int](env, `SELECT count(*) FROM river_job WHERE kind <> 'Cleanup' AND state NOT IN ('completed', 'cancelled', 'discarded')`) == 0
	}
	env.Anon().Do(requestReset, apptest.Vars{"e": "finance@acme.test"}).Must()
	env.Eventually(jobsDone, "the reset job ran")
	require.Equal(t, "ACTIVE", op.Do(`mutation($u: ID!) { activateUser(userId: $u) { user { status } } }`, apptest.Vars{"u": tm.finance.ID}).Must().Get("activateUser.user.status"))
	env.SignIn("finance@acme.test")
	env.Eventually(jobsDone, "jobs done")
	require.Empty(t, env.Mail.Messages())
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'user.deactivated'`))
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'user.activated'`))
}

// TestOperator_DeleteUser deletes an inactive user for good.
func TestOperator_DeleteUser(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	op, admin := env.SignIn("op@roster.test"), env.SignIn("admin@acme.test")
	admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "TECHNICAL", "u": ids(tm.plain)}).Must()
	admin.Do(inviteUsers, apptest.Vars{"a": tm.acct.ID, "e": "someone@y.test", "r": "USER"}).Must()
	del := `mutation($u: ID!) { deleteUser(userId: $u) { deletedUserId } }`

	op.Do(del, apptest.Vars{"u": tm.plain.ID}).RequireCode("CONFLICT")
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id IN ($1, $2)`, tm.plain.ID, tm.owner.ID)
	op.Do(del, apptest.Vars{"u": tm.owner.ID}).RequireCode("OWNER_PROTECTED")
	admin.Do(del, apptest.Vars{"u": tm.plain.ID}).RequireCode("FORBIDDEN")
	op.Do(del, apptest.Vars{"u": tm.plain.ID}).Must()

	op.Do(`query($u: ID!) { user(id: $u) { id } }`, apptest.Vars{"u": tm.plain.ID}).RequireCode("NOT_FOUND")
	r := op.Do(`{ users(filter: { search: "plain" }) { totalCount } }`, nil).Must()
	require.EqualValues(t, 0, r.Get("users.totalCount"))
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM memberships WHERE user_id = $1`, tm.plain.ID))
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE before::text LIKE '%plain@acme.test%' OR after::text LIKE '%plain@acme.test%'`),
		"the audit trail keeps the id and a hash of the email only")
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'user.deleted' AND target_user_id = $1 AND before ? 'emailHash'`, tm.plain.ID))
	// The Owner takes the deleted user's place as technical contact.
	env.Eventually(func() bool {
		return apptest.Scalar[int](env, `SELECT count(*) FROM notification_recipients WHERE account_id = $1 AND kind = 'TECHNICAL' AND user_id = $2`, tm.acct.ID, tm.owner.ID) == 1
	}, "the Owner replaces the deleted recipient")
	// The address can be invited again.
	admin.Do(inviteUsers, apptest.Vars{"a": tm.acct.ID, "e": "plain@acme.test", "r": "USER"}).Must()
}

func TestOperator_SetMembershipStatusesAcrossAccounts(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	other := env.Account("Other")
	env.Member(other, tm.plain, member.RoleOwner, member.StatusActive)
	env.Member(other, tm.admin, member.RoleAdministrator, member.StatusActive)
	ext := env.Account("External")
	env.Exec(`UPDATE accounts SET user_directory = 'EXTERNAL' WHERE id = $1`, ext.ID)
	env.Member(ext, tm.admin, member.RoleOwner, member.StatusActive)
	env.Member(ext, tm.admin2, member.RoleUser, member.StatusActive)
	op := env.SignIn("op@roster.test")
	set := `mutation($i: [MembershipRef!]!, $s: MembershipStatus!) { setMembershipStatuses(items: $i, status: $s) {
		results { accountId userId membership { status role } error { code } } } }`
	r := op.Do(set, apptest.Vars{"s": "INACTIVE", "i": []map[string]any{
		{"accountId": tm.acct.ID, "userId": tm.plain.ID},
		{"accountId": other.ID, "userId": tm.admin.ID},
		{"accountId": other.ID, "userId": tm.plain.ID},
		{"accountId": ext.ID, "userId": tm.admin2.ID},
		{"accountId": other.ID, "userId": tm.finance.ID},
	}}).Must()
	var codes []string
	for _, it := range r.Get("setMembershipStatuses.results").([]any) {
		codes = append(codes, errCode(it.(map[string]any)))
	}
	require.Equal(t, []string{"", "", "OWNER_PROTECTED", "EXTERNALLY_MANAGED", "NOT_FOUND"}, codes)
	require.Equal(t, 2, apptest.Scalar[int](env, `SELECT count(*) FROM memberships WHERE status = 'INACTIVE'`))
	env.SignIn("admin@acme.test").Do(set, apptest.Vars{"s": "ACTIVE", "i": []map[string]any{{"accountId": tm.acct.ID, "userId": tm.plain.ID}}}).RequireCode("FORBIDDEN")
}

func TestOperator_ExplorerAndAuditLog(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	other := env.Account("Other")
	env.Member(other, tm.plain, member.RoleOwner, member.StatusActive)
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, tm.others[3].ID)
	op, admin := env.SignIn("op@roster.test"), env.SignIn("admin@acme.test")
	count := func(filter map[string]any) any {
		return op.Do(`query($f: UserFilter) { users(filter: $f) { totalCount } }`, apptest.Vars{"f": filter}).Must().Get("users.totalCount")
	}
	require.EqualValues(t, 13, count(nil))
	require.EqualValues(t, 1, count(map[string]any{"status": "INACTIVE"}))
	require.EqualValues(t, 1, count(map[string]any{"accountId": other.ID}))
	require.EqualValues(t, 2, count(map[string]any{"role": "OWNER"}))
	require.EqualValues(t, 1, count(map[string]any{"accountId": tm.acct.ID, "role": "FINANCE_MANAGER"}))
	// Paging walks everyone once.
	seen := map[string]bool{}
	after := ""
	for {
		r := op.Do(`query($a: String) { users(first: 5, after: $a) { edges { node { email } } pageInfo { hasNextPage endCursor } } }`,
			apptest.Vars{"a": map[bool]any{true: nil, false: after}[after == ""]}).Must()
		for _, e := range r.Get("users.edges").([]any) {
			seen[e.(map[string]any)["node"].(map[string]any)["email"].(string)] = true
		}
		if r.Get("users.pageInfo.hasNextPage") != true {
			break
		}
		after = r.Get("users.pageInfo.endCursor").(string)
	}
	require.Len(t, seen, 13)

	admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.others[0])}).Must()
	log := admin.Do(`query($a: ID!) { account(id: $a) { auditLog(first: 5) { edges { node { action actorId targetUserId before after requestId } } } } }`,
		apptest.Vars{"a": tm.acct.ID}).Must()
	ev := log.Get("account.auditLog.edges.0.node").(map[string]any)
	require.Equal(t, "MEMBER_DEACTIVATED", ev["action"])
	require.Equal(t, tm.admin.ID.String(), ev["actorId"])
	require.Equal(t, map[string]any{"status": "ACTIVE"}, ev["before"])
	require.NotEmpty(t, ev["requestId"])
	// A finance manager "sees everything" (read-only), the audit trail included.
	env.SignIn("finance@acme.test").Do(`query($a: ID!) { account(id: $a) { auditLog { edges { cursor } } } }`, apptest.Vars{"a": tm.acct.ID}).Must()
	r := op.Do(`query($u: ID!) { auditLog(filter: { targetUserId: $u }) { edges { node { action } } } }`, apptest.Vars{"u": tm.others[0].ID}).Must()
	require.Equal(t, "MEMBER_DEACTIVATED", r.Get("auditLog.edges.0.node.action"))
}
