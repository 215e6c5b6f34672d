package graph_test

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

const (
	deactivateMembers = `mutation($a: ID!, $u: [ID!]!) { deactivateMembers(accountId: $a, userIds: $u) {
		results { userId removed member { status role } error { code message } } warnings { kind users { email } } } }`
	activateMembers = `mutation($a: ID!, $u: [ID!]!) { activateMembers(accountId: $a, userIds: $u) {
		results { userId member { status role } error { code } } } }`
	deleteMembers = `mutation($a: ID!, $u: [ID!]!) { deleteMembers(accountId: $a, userIds: $u) {
		results { userId removed error { code message } } warnings { kind } } }`
	detachUser = `mutation($a: ID!, $u: ID!) { detachUser(accountId: $a, userId: $u) { results { userId removed error { code } } } }`
)

// team is an account with an Owner, two administrators, a finance manager,
// a USER-role member and seven more members: a page of 12.
type team struct {
	env                                  *apptest.Env
	acct                                 account.Account
	owner, admin, admin2, finance, plain user.User
	others                               []user.User
}

func newTeam(t *testing.T, opts ...apptest.Option) team {
	env := apptest.New(t, opts...)
	tm := team{env: env, acct: env.Account("Acme"),
		owner: env.User("owner@acme.test", false), admin: env.User("admin@acme.test", false),
		admin2: env.User("admin2@acme.test", false), finance: env.User("finance@acme.test", false),
		plain: env.User("plain@acme.test", false)}
	env.Member(tm.acct, tm.owner, member.RoleOwner, member.StatusActive)
	env.Member(tm.acct, tm.admin, member.RoleAdministrator, member.StatusActive)
	env.Member(tm.acct, tm.admin2, member.RoleAdministrator, member.StatusActive)
	env.Member(tm.acct, tm.finance, member.RoleFinanceManager, member.StatusActive)
	env.Member(tm.acct, tm.plain, member.RoleUser, member.StatusActive)
	for i := 0; i < 7; i++ {
		u := env.User(fmt.Sprintf("m%d@acme.test", i), false)
		env.Member(tm.acct, u, member.RoleAdministrator, member.StatusActive)
		tm.others = append(tm.others, u)
	}
	env.User("op@roster.test", true)
	return tm
}

func ids(users ...user.User) []string {
	out := make([]string, len(users))
	for i, u := range users {
		out[i] = u.ID.String()
	}
	return out
}

func resultsByUser(r *apptest.Response, field string) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, it := range r.Get(field + ".results").([]any) {
		m := it.(map[string]any)
		out[m["userId"].(string)] = m
	}
	return out
}

func errCode(res map[string]any) string {
	if e, ok := res["error"].(map[string]any); ok {
		return e["code"].(string)
	}
	return ""
}

// TestLifecycle_BulkDeletePage is the help centre's flow: an administrator
// selects a whole page, themselves and the Owner included.
func TestLifecycle_BulkDeletePage(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	admin := env.SignIn("admin@acme.test")
	m0 := env.SignIn("m0@acme.test")
	page := admin.Do(membersQuery, apptest.Vars{"id": tm.acct.ID, "size": 10}).Must()
	var selected []string
	for _, it := range page.Get("account.members.items").([]any) {
		selected = append(selected, it.(map[string]any)["user"].(map[string]any)["id"].(string))
	}
	require.Len(t, selected, 10)
	r := admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": selected}).Must()
	results := resultsByUser(r, "deleteMembers")
	require.Len(t, results, 10)
	require.Equal(t, "OWNER_PROTECTED", errCode(results[tm.owner.ID.String()]))
	require.Equal(t, "SELF_ACTION", errCode(results[tm.admin.ID.String()]))
	removed := 0
	for _, res := range results {
		if res["removed"] == true {
			removed++
		}
	}
	require.Equal(t, 8, removed, "the rest proceed")
	require.Equal(t, 4, apptest.Scalar[int](env, `SELECT count(*) FROM memberships WHERE account_id = $1`, tm.acct.ID))
	require.Equal(t, 8, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'member.deleted'`))

	// A deleted member with no other membership: the session is gone and sign-in refused.
	require.Nil(t, m0.Do(`{ viewer { id } }`, nil).Must().Data["viewer"])
	env.Anon().Do(signInMutation, apptest.Vars{"e": "m0@acme.test", "p": apptest.Password}).RequireCode("FORBIDDEN")

	// Bad calls change nothing.
	admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": []string{}}).RequireCode("INVALID_INPUT")
	many := make([]string, 101)
	for i := range many {
		many[i] = uuid.NewString()
	}
	admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": many}).RequireCode("LIMIT_EXCEEDED")
	ghost := uuid.NewString()
	r = admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": []string{ghost, ghost}}).Must()
	require.Len(t, r.Get("deleteMembers.results"), 2, "one result per id given, repeats included")
	require.Equal(t, "NOT_FOUND", errCode(r.Get("deleteMembers.results.0").(map[string]any)))
}

func TestLifecycle_DeactivateAndActivate(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	admin := env.SignIn("admin@acme.test")
	victim := env.SignIn("admin2@acme.test")
	q := `query($id: ID!) { account(id: $id) { name } }`
	victim.Do(q, apptest.Vars{"id": tm.acct.ID}).Must()

	r := admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.admin2, tm.owner, tm.admin)}).Must()
	res := resultsByUser(r, "deactivateMembers")
	require.Equal(t, "INACTIVE", res[tm.admin2.ID.String()]["member"].(map[string]any)["status"])
	require.Equal(t, "OWNER_PROTECTED", errCode(res[tm.owner.ID.String()]))
	require.Equal(t, "SELF_ACTION", errCode(res[tm.admin.ID.String()]))
	// Access ends at once, whatever the token (admin2 has no other account, so
	// the session is worth nothing now); the member stays listed.
	victim.Do(q, apptest.Vars{"id": tm.acct.ID}).RequireCode("UNAUTHENTICATED")
	inactive := admin.Do(membersQuery, apptest.Vars{"id": tm.acct.ID, "filter": map[string]any{"status": "INACTIVE"}}).Must()
	require.Equal(t, "admin2@acme.test", inactive.Get("account.members.items.0.user.email"))
	// Deactivating again is a conflict; activation restores the role.
	r = admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.admin2)}).Must()
	require.Equal(t, "CONFLICT", errCode(r.Get("deactivateMembers.results.0").(map[string]any)))
	r = admin.Do(activateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.admin2)}).Must()
	require.Equal(t, map[string]any{"status": "ACTIVE", "role": "ADMINISTRATOR"}, r.Get("activateMembers.results.0.member"))
	// The deactivation revoked the old session (no panel access was left): a new sign-in works.
	victim.Do(q, apptest.Vars{"id": tm.acct.ID}).RequireCode("UNAUTHENTICATED")
	env.SignIn("admin2@acme.test").Do(q, apptest.Vars{"id": tm.acct.ID}).Must()

	// Globally inactive users: neither deactivation nor activation in the account.
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, tm.others[0].ID)
	for _, m := range []string{deactivateMembers, activateMembers} {
		r = admin.Do(m, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.others[0])}).Must()
		require.Equal(t, "USER_INACTIVE", errCode(r.Get(map[bool]string{true: "deactivateMembers", false: "activateMembers"}[m == deactivateMembers]+".results.0").(map[string]any)))
	}
	// An externally managed account refuses both.
	env.Exec(`UPDATE accounts SET user_directory = 'EXTERNAL' WHERE id = $1`, tm.acct.ID)
	r = admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain)}).Must()
	require.Equal(t, "EXTERNALLY_MANAGED", errCode(r.Get("deactivateMembers.results.0").(map[string]any)))
	require.Equal(t, "ACTIVE", apptest.Scalar[string](env, `SELECT status FROM memberships WHERE user_id = $1`, tm.plain.ID))
	// A finance manager may not.
	env.SignIn("finance@acme.test").Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain)}).RequireCode("FORBIDDEN")
}

func TestLifecycle_RequireDeactivationBeforeDelete(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	env.Exec(`UPDATE accounts SET require_deactivation_before_delete = true WHERE id = $1`, tm.acct.ID)
	admin := env.SignIn("admin@acme.test")
	r := admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain)}).Must()
	require.Equal(t, "MEMBER_ACTIVE", errCode(r.Get("deleteMembers.results.0").(map[string]any)))
	admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain)}).Must()
	r = admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain)}).Must()
	require.Equal(t, true, r.Get("deleteMembers.results.0.removed"))
}

func TestLifecycle_DetachPurgesCredentials(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	op, admin := env.SignIn("op@roster.test"), env.SignIn("admin@acme.test")
	add := `mutation($a: ID!, $u: ID!, $k: String!, $n: String!) { addServiceCredential(accountId: $a, userId: $u, kind: $k, name: $n) { serviceCredential { id kind name user { email } } } }`
	op.Do(add, apptest.Vars{"a": tm.acct.ID, "u": tm.plain.ID, "k": "mailbox", "n": "plain@acme.example"}).Must()
	op.Do(add, apptest.Vars{"a": tm.acct.ID, "u": tm.plain.ID, "k": "api-key", "n": "ci"}).Must()
	op.Do(add, apptest.Vars{"a": tm.acct.ID, "u": tm.finance.ID, "k": "mailbox", "n": "finance@acme.example"}).Must()
	op.Do(add, apptest.Vars{"a": tm.acct.ID, "u": uuid.NewString(), "k": "mailbox", "n": "x"}).RequireCode("NOT_FOUND")
	list := `query($a: ID!) { account(id: $a) { serviceCredentials { kind user { email } } } }`
	require.Len(t, admin.Do(list, apptest.Vars{"a": tm.acct.ID}).Must().Get("account.serviceCredentials"), 3)

	r := admin.Do(detachUser, apptest.Vars{"a": tm.acct.ID, "u": tm.plain.ID}).Must()
	require.Equal(t, true, r.Get("detachUser.results.0.removed"))
	env.Eventually(func() bool {
		return apptest.Scalar[int](env, `SELECT count(*) FROM service_credentials WHERE user_id = $1`, tm.plain.ID) == 0
	}, "PurgeUserServices deletes the detached user's credentials")
	require.Len(t, admin.Do(list, apptest.Vars{"a": tm.acct.ID}).Must().Get("account.serviceCredentials"), 1, "other members keep theirs")
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'credential.purged'`))
	r = admin.Do(detachUser, apptest.Vars{"a": tm.acct.ID, "u": tm.owner.ID}).Must()
	require.Equal(t, "OWNER_PROTECTED", errCode(r.Get("detachUser.results.0").(map[string]any)))
}

func TestLifecycle_RolesAndOwnership(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	owner, admin := env.SignIn("owner@acme.test"), env.SignIn("admin@acme.test")
	change := `mutation($a: ID!, $u: ID!, $r: Role!) { changeMemberRole(accountId: $a, userId: $u, role: $r) { member { role } } }`
	transfer := `mutation($a: ID!, $u: ID!) { transferOwnership(accountId: $a, toUserId: $u) { previousOwner { role user { email } } owner { role user { email } } } }`

	admin.Do(change, apptest.Vars{"a": tm.acct.ID, "u": tm.plain.ID, "r": "OWNER"}).RequireCode("INVALID_INPUT")
	admin.Do(change, apptest.Vars{"a": tm.acct.ID, "u": tm.owner.ID, "r": "USER"}).RequireCode("OWNER_PROTECTED")
	admin.Do(change, apptest.Vars{"a": tm.acct.ID, "u": tm.admin.ID, "r": "USER"}).RequireCode("SELF_ACTION")
	require.Equal(t, "FINANCE_MANAGER", admin.Do(change, apptest.Vars{"a": tm.acct.ID, "u": tm.admin2.ID, "r": "FINANCE_MANAGER"}).Must().Get("changeMemberRole.member.role"))

	admin.Do(transfer, apptest.Vars{"a": tm.acct.ID, "u": tm.admin.ID}).RequireCode("FORBIDDEN")
	admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.others[0])}).Must()
	owner.Do(transfer, apptest.Vars{"a": tm.acct.ID, "u": tm.others[0].ID}).RequireCode("INVALID_INPUT")
	owner.Do(transfer, apptest.Vars{"a": tm.acct.ID, "u": tm.owner.ID}).RequireCode("CONFLICT")
	r := owner.Do(transfer, apptest.Vars{"a": tm.acct.ID, "u": tm.admin.ID}).Must()
	require.Equal(t, map[string]any{"role": "ADMINISTRATOR", "user": map[string]any{"email": "owner@acme.test"}}, r.Get("transferOwnership.previousOwner"))
	require.Equal(t, "OWNER", r.Get("transferOwnership.owner.role"))
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM memberships WHERE account_id = $1 AND role = 'OWNER'`, tm.acct.ID))
	// The former Owner lost the right at once.
	owner.Do(transfer, apptest.Vars{"a": tm.acct.ID, "u": tm.owner.ID}).RequireCode("FORBIDDEN")
}

// TestLifecycle_ViewerCanAgrees proves viewerCan and the mutations give the
// same answer: for each action, every member's flag is compared with what
// the mutation does to that member in a fresh copy of the same team.
func TestLifecycle_ViewerCanAgrees(t *testing.T) {
	t.Parallel()
	shape := func(t *testing.T) team {
		tm := newTeam(t)
		tm.env.Exec(`UPDATE memberships SET status = 'INACTIVE' WHERE user_id = $1`, tm.others[1].ID)
		tm.env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, tm.others[2].ID)
		tm.env.Exec(`UPDATE accounts SET require_deactivation_before_delete = true WHERE id = $1`, tm.acct.ID)
		return tm
	}
	for _, action := range []struct{ flag, mutation, field string }{
		{"deactivate", deactivateMembers, "deactivateMembers"},
		{"activate", activateMembers, "activateMembers"},
		{"delete", deleteMembers, "deleteMembers"},
		{"detach", detachUser, "detachUser"},
		{"changeRole", `mutation($a: ID!, $u: ID!) { changeMemberRole(accountId: $a, userId: $u, role: USER) { member { role } } }`, "changeMemberRole"},
	} {
		t.Run(action.flag, func(t *testing.T) {
			t.Parallel()
			tm := shape(t)
			admin := tm.env.SignIn("admin@acme.test")
			page := admin.Do(membersQuery, apptest.Vars{"id": tm.acct.ID, "size": 100}).Must()
			for _, it := range page.Get("account.members.items").([]any) {
				m := it.(map[string]any)
				id := m["user"].(map[string]any)["id"].(string)
				allowed := m["viewerCan"].(map[string]any)[action.flag].(bool)
				var ok bool
				switch action.flag {
				case "detach", "changeRole":
					r := admin.Do(action.mutation, apptest.Vars{"a": tm.acct.ID, "u": id})
					ok = len(r.Errors) == 0 && (action.flag == "changeRole" || errCode(r.Get("detachUser.results.0").(map[string]any)) == "")
				default:
					r := admin.Do(action.mutation, apptest.Vars{"a": tm.acct.ID, "u": []string{id}}).Must()
					ok = errCode(r.Get(action.field+".results.0").(map[string]any)) == ""
				}
				require.Equal(t, allowed, ok, "%s of %s: viewerCan says %v", action.flag, m["user"].(map[string]any)["email"], allowed)
			}
		})
	}
}
