package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

const (
	createAccountWith = `mutation($n: String!, $e: String!, $d: UserDirectory, $r: Boolean) {
		createAccount(name: $n, ownerEmail: $e, userDirectory: $d, requireDeactivationBeforeDelete: $r) {
		account { id name userDirectory requireDeactivationBeforeDelete } invitation { email role } } }`
	updateAccount = `mutation($a: ID!, $n: String, $d: UserDirectory, $r: Boolean) {
		updateAccount(accountId: $a, name: $n, userDirectory: $d, requireDeactivationBeforeDelete: $r) {
		account { id name userDirectory requireDeactivationBeforeDelete } } }`
	accountAudit = `query($a: ID!) { account(id: $a) { auditLog(first: 50) { edges { node { action actorId before after } } } } }`
)

// auditNodes returns the account's audit events, newest first, as an operator sees them.
func auditNodes(t *testing.T, op *apptest.Client, accountID any) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, e := range op.Do(accountAudit, apptest.Vars{"a": accountID}).Must().Get("account.auditLog.edges").([]any) {
		out = append(out, e.(map[string]any)["node"].(map[string]any))
	}
	return out
}

func TestAccountSettings_CreateWithEachSetting(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.User("op@roster.test", true)
	op := env.SignIn("op@roster.test")
	for _, tc := range []struct {
		name    string
		vars    apptest.Vars
		dir     string
		require bool
	}{
		{"defaults", apptest.Vars{}, "LOCAL", false},
		{"external", apptest.Vars{"d": "EXTERNAL"}, "EXTERNAL", false},
		{"deactivate before delete", apptest.Vars{"r": true}, "LOCAL", true},
		{"both", apptest.Vars{"d": "EXTERNAL", "r": true}, "EXTERNAL", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.vars["n"], tc.vars["e"] = "Acct "+tc.name, "owner-"+tc.dir+"@new.test"
			r := op.Do(createAccountWith, tc.vars).Must()
			require.Equal(t, tc.dir, r.Get("createAccount.account.userDirectory"))
			require.Equal(t, tc.require, r.Get("createAccount.account.requireDeactivationBeforeDelete"))
			require.Equal(t, "OWNER", r.Get("createAccount.invitation.role"), "an EXTERNAL account gets its Owner invited too")
			id := r.Get("createAccount.account.id")
			events := auditNodes(t, op, id)
			created := events[len(events)-1]
			require.Equal(t, "ACCOUNT_CREATED", created["action"])
			require.Equal(t, tc.dir, created["after"].(map[string]any)["userDirectory"])
			require.Equal(t, tc.require, created["after"].(map[string]any)["requireDeactivationBeforeDelete"])
		})
	}
	op.Do(createAccountWith, apptest.Vars{"n": "Bad", "e": "x@new.test", "d": "LDAP"}).RequireCode("INVALID_INPUT")
}

func TestAccountSettings_UpdateEachSettingAudited(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	op := tm.env.SignIn("op@roster.test")
	a := tm.acct.ID
	for _, tc := range []struct {
		name          string
		vars          apptest.Vars
		action, field string
		before, after any
	}{
		{"rename", apptest.Vars{"n": "  Acme Hosting "}, "ACCOUNT_RENAMED", "name", "Acme", "Acme Hosting"},
		{"external", apptest.Vars{"d": "EXTERNAL"}, "ACCOUNT_USER_DIRECTORY_CHANGED", "userDirectory", "LOCAL", "EXTERNAL"},
		{"rule on", apptest.Vars{"r": true}, "ACCOUNT_DEACTIVATION_RULE_CHANGED", "requireDeactivationBeforeDelete", false, true},
		{"local again", apptest.Vars{"d": "LOCAL"}, "ACCOUNT_USER_DIRECTORY_CHANGED", "userDirectory", "EXTERNAL", "LOCAL"},
		{"rule off", apptest.Vars{"r": false}, "ACCOUNT_DEACTIVATION_RULE_CHANGED", "requireDeactivationBeforeDelete", true, false},
	} {
		// Sequential: each step starts from the previous one's settings.
		tc.vars["a"] = a
		r := op.Do(updateAccount, tc.vars).Must()
		require.Equal(t, tc.after, r.Get("updateAccount.account."+tc.field), tc.name)
		ev := auditNodes(t, op, a)[0]
		require.Equal(t, tc.action, ev["action"], tc.name)
		require.Equal(t, map[string]any{tc.field: tc.before}, ev["before"], tc.name)
		require.Equal(t, map[string]any{tc.field: tc.after}, ev["after"], tc.name)
	}
	n := len(auditNodes(t, op, a))
	// Three settings at once: three events; the same values again: none.
	all := apptest.Vars{"a": a, "n": "Acme 2", "d": "EXTERNAL", "r": true}
	op.Do(updateAccount, all).Must()
	require.Len(t, auditNodes(t, op, a), n+3)
	op.Do(updateAccount, all).Must()
	require.Len(t, auditNodes(t, op, a), n+3)
	require.Equal(t, "Acme 2", apptest.Scalar[string](tm.env, `SELECT name FROM accounts WHERE id = $1`, a))

	op.Do(updateAccount, apptest.Vars{"a": a}).RequireCode("INVALID_INPUT")
	op.Do(updateAccount, apptest.Vars{"a": a, "n": " "}).RequireCode("INVALID_INPUT")
	op.Do(updateAccount, apptest.Vars{"a": a, "n": "Line\nbreak"}).RequireCode("INVALID_INPUT")
	op.Do(updateAccount, apptest.Vars{"a": "00000000-0000-0000-0000-000000000000", "n": "X"}).RequireCode("NOT_FOUND")
}

// TestAccountSettings_WhoMayChangeWhat: the Owner renames and toggles the
// deletion rule but does not switch the directory; Administrators, Finance
// managers and other tenants change nothing; operators everything.
func TestAccountSettings_WhoMayChangeWhat(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	beta := env.Account("Beta")
	env.Member(beta, env.User("owner@beta.test", false), member.RoleOwner, member.StatusActive)
	a := tm.acct.ID
	for _, tc := range []struct {
		who  string
		vars apptest.Vars
		code string
	}{
		{"owner@acme.test", apptest.Vars{"n": "Owner's name"}, ""},
		{"owner@acme.test", apptest.Vars{"r": true}, ""},
		{"owner@acme.test", apptest.Vars{"d": "LOCAL", "r": false}, ""}, // the current directory is no change
		{"owner@acme.test", apptest.Vars{"d": "EXTERNAL"}, "FORBIDDEN"},
		{"admin@acme.test", apptest.Vars{"n": "Admin's name"}, "FORBIDDEN"},
		{"admin@acme.test", apptest.Vars{"r": true}, "FORBIDDEN"},
		{"finance@acme.test", apptest.Vars{"n": "Finance's name"}, "FORBIDDEN"},
		{"owner@beta.test", apptest.Vars{"n": "Beta's name"}, "FORBIDDEN"},
		{"op@roster.test", apptest.Vars{"d": "EXTERNAL", "n": "Operator's name"}, ""},
	} {
		tc.vars["a"] = a
		before := apptest.Scalar[string](env, `SELECT name || user_directory || require_deactivation_before_delete FROM accounts WHERE id = $1`, a)
		r := env.SignIn(tc.who).Do(updateAccount, tc.vars)
		if tc.code == "" {
			r.Must()
			continue
		}
		r.RequireCode(tc.code)
		after := apptest.Scalar[string](env, `SELECT name || user_directory || require_deactivation_before_delete FROM accounts WHERE id = $1`, a)
		require.Equal(t, before, after, "%s %v changed nothing", tc.who, tc.vars)
	}
	require.Equal(t, "Operator's name", apptest.Scalar[string](env, `SELECT name FROM accounts WHERE id = $1`, a))
	// The Owner of an EXTERNAL account may switch it off no more than on.
	env.SignIn("owner@acme.test").Do(updateAccount, apptest.Vars{"a": a, "d": "LOCAL"}).RequireCode("FORBIDDEN")
	env.SignIn("owner@acme.test").Do(updateAccount, apptest.Vars{"a": a, "r": false}).Must()
	env.Anon().Do(updateAccount, apptest.Vars{"a": a, "n": "Anon"}).RequireCode("UNAUTHENTICATED")
}

func TestAccountSettings_DeactivationRuleRefusesActiveDelete(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	admin := env.SignIn("admin@acme.test") // signed in before the change: it counts from the next request
	env.SignIn("owner@acme.test").Do(updateAccount, apptest.Vars{"a": tm.acct.ID, "r": true}).Must()
	q := `query($a: ID!, $u: ID!) { account(id: $a) { member(userId: $u) { viewerCan { delete detach deactivate } } } }`
	can := admin.Do(q, apptest.Vars{"a": tm.acct.ID, "u": tm.plain.ID}).Must()
	require.Equal(t, map[string]any{"delete": false, "detach": false, "deactivate": true}, can.Get("account.member.viewerCan"))
	r := admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain)}).Must()
	require.Equal(t, "MEMBER_ACTIVE", errCode(r.Get("deleteMembers.results.0").(map[string]any)))
	r = admin.Do(detachUser, apptest.Vars{"a": tm.acct.ID, "u": tm.plain.ID}).Must()
	require.Equal(t, "MEMBER_ACTIVE", errCode(r.Get("detachUser.results.0").(map[string]any)))
	admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain)}).Must()
	can = admin.Do(q, apptest.Vars{"a": tm.acct.ID, "u": tm.plain.ID}).Must()
	require.Equal(t, true, can.Get("account.member.viewerCan.delete"))
	r = admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain)}).Must()
	require.Equal(t, true, r.Get("deleteMembers.results.0.removed"))
}

// TestAccountSettings_ExternalRefusesPanelChanges: after an operator switches
// the account to EXTERNAL, the panel's invite, resend, deactivate, activate,
// delete and detach refuse with EXTERNALLY_MANAGED, viewerCan agrees, and
// switching back to LOCAL restores them.
func TestAccountSettings_ExternalRefusesPanelChanges(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	a := tm.acct.ID
	admin := env.SignIn("admin@acme.test")
	inv := admin.Do(inviteUsers, apptest.Vars{"a": a, "e": "before@acme.test", "r": "USER"}).Must().Get("inviteUsers.created.0.id")
	admin.Do(deactivateMembers, apptest.Vars{"a": a, "u": ids(tm.others[1])}).Must()
	op := env.SignIn("op@roster.test")
	op.Do(updateAccount, apptest.Vars{"a": a, "d": "EXTERNAL"}).Must()

	memberCan := `query($a: ID!, $u: ID!) { account(id: $a) { viewerCan { invite manageMembers }
		member(userId: $u) { viewerCan { deactivate activate delete detach changeRole } } } }`
	for _, tc := range []struct {
		name, query string
		vars        apptest.Vars
		result      string // a bulk result's path; empty for a top-level error
	}{
		{"inviteUsers", inviteUsers, apptest.Vars{"a": a, "e": "new@acme.test", "r": "USER"}, ""},
		{"resendInvitation", resendInvitation, apptest.Vars{"a": a, "i": inv}, ""},
		{"deactivateMembers", deactivateMembers, apptest.Vars{"a": a, "u": ids(tm.plain)}, "deactivateMembers.results.0"},
		{"activateMembers", activateMembers, apptest.Vars{"a": a, "u": ids(tm.others[1])}, "activateMembers.results.0"},
		{"deleteMembers", deleteMembers, apptest.Vars{"a": a, "u": ids(tm.plain)}, "deleteMembers.results.0"},
		{"detachUser", detachUser, apptest.Vars{"a": a, "u": tm.others[1].ID}, "detachUser.results.0"},
	} {
		for _, who := range []string{"admin@acme.test", "owner@acme.test", "op@roster.test"} {
			c := env.SignIn(who)
			if tc.result == "" {
				c.Do(tc.query, tc.vars).RequireCode("EXTERNALLY_MANAGED")
				continue
			}
			r := c.Do(tc.query, tc.vars).Must()
			require.Equal(t, "EXTERNALLY_MANAGED", errCode(r.Get(tc.result).(map[string]any)), "%s by %s", tc.name, who)
		}
	}
	require.Equal(t, 12, apptest.Scalar[int](env, `SELECT count(*)::int FROM memberships WHERE account_id = $1`, a))
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*)::int FROM invitations WHERE account_id = $1`, a))
	for _, target := range []struct {
		u    any
		want map[string]any
	}{
		{tm.plain.ID, map[string]any{"deactivate": false, "activate": false, "delete": false, "detach": false, "changeRole": true}},
		{tm.others[1].ID, map[string]any{"deactivate": false, "activate": false, "delete": false, "detach": false, "changeRole": true}},
	} {
		r := admin.Do(memberCan, apptest.Vars{"a": a, "u": target.u}).Must()
		require.Equal(t, target.want, r.Get("account.member.viewerCan"))
		require.Equal(t, map[string]any{"invite": false, "manageMembers": true}, r.Get("account.viewerCan"))
	}
	// Back to LOCAL: the panel manages its people again.
	op.Do(updateAccount, apptest.Vars{"a": a, "d": "LOCAL"}).Must()
	r := admin.Do(memberCan, apptest.Vars{"a": a, "u": tm.plain.ID}).Must()
	require.Equal(t, true, r.Get("account.viewerCan.invite"))
	require.Equal(t, true, r.Get("account.member.viewerCan.deactivate"))
	r = admin.Do(deactivateMembers, apptest.Vars{"a": a, "u": ids(tm.plain)}).Must()
	require.Equal(t, "", errCode(r.Get("deactivateMembers.results.0").(map[string]any)))
	admin.Do(inviteUsers, apptest.Vars{"a": a, "e": "new@acme.test", "r": "USER"}).Must()
}
