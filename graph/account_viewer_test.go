package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

// TestAccountViewerCan_AgreesWithMutations asks Account.viewerCan as each
// role, then tries each mutation behind a flag and requires it to succeed
// exactly when the flag says so (refused: FORBIDDEN or EXTERNALLY_MANAGED).
func TestAccountViewerCan_AgreesWithMutations(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"LOCAL", "EXTERNAL"} {
		for _, who := range []string{"op@roster.test", "owner@acme.test", "admin@acme.test", "finance@acme.test"} {
			t.Run(dir+" "+who, func(t *testing.T) {
				t.Parallel()
				tm := newTeam(t)
				env, a := tm.env, tm.acct.ID
				env.Exec(`UPDATE accounts SET user_directory = $2 WHERE id = $1`, a, dir)
				c := env.SignIn(who)
				can := c.Do(`query($a: ID!) { account(id: $a) { viewerCan { invite manageMembers manageRecipients
					transferOwnership readAuditLog updateSettings changeUserDirectory } } }`, apptest.Vars{"a": a}).Must().
					Get("account.viewerCan").(map[string]any)
				other := map[string]string{"LOCAL": "EXTERNAL", "EXTERNAL": "LOCAL"}[dir]
				// Order matters: the ownership transfer and the directory switch come last.
				for _, tc := range []struct {
					flag, query string
					vars        apptest.Vars
				}{
					{"readAuditLog", `query($a: ID!) { account(id: $a) { auditLog(first: 1) { edges { cursor } } } }`, apptest.Vars{"a": a}},
					{"invite", inviteUsers, apptest.Vars{"a": a, "e": "new@acme.test", "r": "USER"}},
					{"manageMembers", `mutation($a: ID!, $u: ID!) { changeMemberRole(accountId: $a, userId: $u, role: FINANCE_MANAGER) { member { role } } }`,
						apptest.Vars{"a": a, "u": tm.others[0].ID}},
					{"manageRecipients", setRecipients, apptest.Vars{"a": a, "k": "BILLING", "u": ids(tm.plain)}},
					{"updateSettings", updateAccount, apptest.Vars{"a": a, "n": "Renamed", "r": true}},
					{"changeUserDirectory", updateAccount, apptest.Vars{"a": a, "d": other}},
					{"transferOwnership", `mutation($a: ID!, $u: ID!) { transferOwnership(accountId: $a, toUserId: $u) { owner { role } } }`,
						apptest.Vars{"a": a, "u": tm.others[1].ID}},
				} {
					r := c.Do(tc.query, tc.vars)
					if can[tc.flag] == true {
						r.Must()
						continue
					}
					require.NotEmpty(t, r.Errors, "%s: viewerCan says no but the mutation went ahead", tc.flag)
					require.Contains(t, []string{"FORBIDDEN", "EXTERNALLY_MANAGED"}, r.Code(), "%s: %s", tc.flag, r.Errors[0].Message)
				}
			})
		}
	}
}

// TestAccountViewerCan_PerRole pins the flags themselves, including a member
// who cannot open the account but sees it through viewer.memberships.
func TestAccountViewerCan_PerRole(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	env.Exec(`UPDATE memberships SET status = 'INACTIVE' WHERE user_id = $1`, tm.admin2.ID)
	q := `{ viewer { memberships { account { viewerCan { invite manageMembers manageRecipients transferOwnership
		readAuditLog updateSettings changeUserDirectory } } } } }`
	flags := func(v ...bool) map[string]any {
		names := []string{"invite", "manageMembers", "manageRecipients", "transferOwnership", "readAuditLog", "updateSettings", "changeUserDirectory"}
		out := map[string]any{}
		for i, n := range names {
			out[n] = v[i]
		}
		return out
	}
	for _, tc := range []struct {
		who  string
		want map[string]any
	}{
		{"owner@acme.test", flags(true, true, true, true, true, true, false)},
		{"admin@acme.test", flags(true, true, true, false, true, false, false)},
		{"finance@acme.test", flags(false, false, false, false, true, false, false)},
	} {
		r := env.SignIn(tc.who).Do(q, nil).Must()
		require.Equal(t, tc.want, r.Get("viewer.memberships.0.account.viewerCan"), tc.who)
	}
	// An inactive member is not signed in at all unless access remains elsewhere;
	// give admin2 a second account to see the first one through memberships.
	beta := env.Account("Beta")
	env.Member(beta, tm.admin2, member.RoleAdministrator, member.StatusActive)
	r := env.SignIn("admin2@acme.test").Do(`{ viewer { memberships { account { name viewerCan { readAuditLog manageMembers } } } } }`, nil).Must()
	for _, m := range r.Get("viewer.memberships").([]any) {
		acct := m.(map[string]any)["account"].(map[string]any)
		want := acct["name"] == "Beta"
		require.Equal(t, map[string]any{"readAuditLog": want, "manageMembers": want}, acct["viewerCan"], acct["name"])
	}
}

func TestAccountMember_OneMemberWithViewerCan(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	beta := env.Account("Beta")
	outsider := env.User("outsider@beta.test", false)
	env.Member(beta, outsider, member.RoleOwner, member.StatusActive)
	q := `query($a: ID!, $u: ID!) { account(id: $a) { member(userId: $u) { role status user { email }
		viewerCan { deactivate activate delete detach changeRole } } } }`
	admin := env.SignIn("admin@acme.test")
	for _, tc := range []struct {
		name string
		user any
		want map[string]any // nil: null
	}{
		{"a member", tm.plain.ID, map[string]any{"role": "USER", "status": "ACTIVE", "user": map[string]any{"email": "plain@acme.test"},
			"viewerCan": map[string]any{"deactivate": true, "activate": false, "delete": true, "detach": true, "changeRole": true}}},
		{"the Owner", tm.owner.ID, map[string]any{"role": "OWNER", "status": "ACTIVE", "user": map[string]any{"email": "owner@acme.test"},
			"viewerCan": map[string]any{"deactivate": false, "activate": false, "delete": false, "detach": false, "changeRole": false}}},
		{"oneself", tm.admin.ID, map[string]any{"role": "ADMINISTRATOR", "status": "ACTIVE", "user": map[string]any{"email": "admin@acme.test"},
			"viewerCan": map[string]any{"deactivate": false, "activate": false, "delete": false, "detach": false, "changeRole": false}}},
		{"another account's member", outsider.ID, nil},
		{"nobody", "00000000-0000-0000-0000-000000000000", nil},
	} {
		r := admin.Do(q, apptest.Vars{"a": tm.acct.ID, "u": tc.user}).Must()
		if tc.want == nil {
			require.Nil(t, r.Get("account.member"), tc.name)
			continue
		}
		require.Equal(t, tc.want, r.Get("account.member"), tc.name)
	}
	// The list and the single member agree on viewerCan.
	list := admin.Do(`query($a: ID!) { account(id: $a) { members(pageSize: 20) { items { user { id } viewerCan { deactivate activate delete detach changeRole } } } } }`,
		apptest.Vars{"a": tm.acct.ID}).Must()
	for _, it := range list.Get("account.members.items").([]any) {
		item := it.(map[string]any)
		one := admin.Do(q, apptest.Vars{"a": tm.acct.ID, "u": item["user"].(map[string]any)["id"]}).Must()
		require.Equal(t, item["viewerCan"], one.Get("account.member.viewerCan"))
	}
	// Other tenants and readers without the right are refused as for the list.
	env.SignIn("outsider@beta.test").Do(q, apptest.Vars{"a": tm.acct.ID, "u": tm.plain.ID}).RequireCode("FORBIDDEN")
	env.Anon().Do(q, apptest.Vars{"a": tm.acct.ID, "u": tm.plain.ID}).RequireCode("UNAUTHENTICATED")
	r := env.SignIn("finance@acme.test").Do(q, apptest.Vars{"a": tm.acct.ID, "u": tm.plain.ID}).Must()
	require.Equal(t, false, r.Get("account.member.viewerCan.deactivate"), "a finance manager reads but may not act")
}

// TestOperator_DeactivateUserConfirmsActiveMemberships: a user ACTIVE in an
// account needs confirm even when no notification list depends on them, and
// the payload names the accounts; a user with no ACTIVE membership does not.
func TestOperator_DeactivateUserConfirmsActiveMemberships(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	beta := env.Account("Beta")
	env.Member(beta, tm.plain, member.RoleAdministrator, member.StatusActive)
	gamma := env.Account("Gamma")
	env.Member(gamma, tm.plain, member.RoleUser, member.StatusInactive)
	op := env.SignIn("op@roster.test")
	q := `mutation($u: ID!, $c: Boolean) { deactivateUser(userId: $u, confirm: $c) { deactivated user { status }
		activeIn { name } warnings { kind } } }`
	r := op.Do(q, apptest.Vars{"u": tm.plain.ID}).RequireCode("CONFIRMATION_REQUIRED")
	require.Equal(t, false, r.Get("deactivateUser.deactivated"))
	require.Equal(t, []any{map[string]any{"name": "Acme"}, map[string]any{"name": "Beta"}}, r.Get("deactivateUser.activeIn"))
	require.Empty(t, r.Get("deactivateUser.warnings"), "no list depends on them: the memberships alone ask for confirmation")
	require.Equal(t, "ACTIVE", apptest.Scalar[string](env, `SELECT status FROM users WHERE id = $1`, tm.plain.ID))

	r = op.Do(q, apptest.Vars{"u": tm.plain.ID, "c": true}).Must()
	require.Equal(t, true, r.Get("deactivateUser.deactivated"))
	require.Len(t, r.Get("deactivateUser.activeIn"), 2)

	// Only INACTIVE memberships (or none): no confirmation needed.
	env.Exec(`UPDATE memberships SET status = 'INACTIVE' WHERE user_id = $1`, tm.others[2].ID)
	r = op.Do(q, apptest.Vars{"u": tm.others[2].ID}).Must()
	require.Equal(t, true, r.Get("deactivateUser.deactivated"))
	require.Empty(t, r.Get("deactivateUser.activeIn"))
}

// TestMemberViewerCan_TransferOwnership: the Owner and operators may hand the
// ownership to an ACTIVE member only; the Owner's own row, an inactive
// member, a user deactivated platform-wide and every row for an
// Administrator say false, and transferOwnership refuses each of them.
func TestMemberViewerCan_TransferOwnership(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	env.Exec(`UPDATE memberships SET status = 'INACTIVE' WHERE user_id = $1`, tm.others[0].ID)
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, tm.others[1].ID)
	q := `query($a: ID!, $u: ID!) { account(id: $a) { member(userId: $u) { viewerCan { transferOwnership } } } }`
	transfer := `mutation($a: ID!, $u: ID!) { transferOwnership(accountId: $a, toUserId: $u) { owner { role } } }`
	for _, tc := range []struct {
		name   string
		who    string
		target any
		want   bool
		code   string // the mutation's refusal when want is false
	}{
		{"an active member", "owner@acme.test", tm.plain.ID, true, ""},
		{"the Owner themself", "owner@acme.test", tm.owner.ID, false, "CONFLICT"},
		{"an inactive member", "owner@acme.test", tm.others[0].ID, false, "INVALID_INPUT"},
		{"a user deactivated platform-wide", "owner@acme.test", tm.others[1].ID, false, "USER_INACTIVE"},
		{"as an Administrator", "admin@acme.test", tm.plain.ID, false, "FORBIDDEN"},
		{"as an operator", "op@roster.test", tm.admin.ID, true, ""},
	} {
		s := env.SignIn(tc.who)
		vars := apptest.Vars{"a": tm.acct.ID, "u": tc.target}
		r := s.Do(q, vars).Must()
		require.Equal(t, tc.want, r.Get("account.member.viewerCan.transferOwnership"), tc.name)
		if !tc.want {
			s.Do(transfer, vars).RequireCode(tc.code)
		}
	}
	// The members list agrees with the single member.
	r := env.SignIn("owner@acme.test").Do(`query($a: ID!) { account(id: $a) { members(pageSize: 20) { items { user { id } viewerCan { transferOwnership } } } } }`,
		apptest.Vars{"a": tm.acct.ID}).Must()
	allowed := 0
	for _, it := range r.Get("account.members.items").([]any) {
		if it.(map[string]any)["viewerCan"].(map[string]any)["transferOwnership"] == true {
			allowed++
		}
	}
	require.Equal(t, 9, allowed, "every ACTIVE member but the Owner, others[0] and others[1]")
}
