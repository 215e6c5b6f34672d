package graph_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

// TestMembers_PlatformDeactivationShowsInactive is seed 004's promise: a
// user deactivated platform-wide shows as Inactive in the account's Users
// tab too, the INACTIVE filter finds them with the right total, the
// account-level status stays underneath, viewerCan agrees with the
// mutations, and activating the user brings back exactly what was there.
func TestMembers_PlatformDeactivationShowsInactive(t *testing.T) {
	t.Parallel()
	env, admin, id := membersEnv(t)
	env.User("op@roster.test", true)
	op := env.SignIn("op@roster.test")
	// m01 is ACTIVE in the account; m00 is INACTIVE in it already.
	m01 := apptest.Scalar[string](env, `SELECT id::text FROM users WHERE email = 'm01@acme.test'`)
	m00 := apptest.Scalar[string](env, `SELECT id::text FROM users WHERE email = 'm00@acme.test'`)
	const one = `query($a: ID!, $u: ID!) { account(id: $a) { member(userId: $u) { status accountStatus inactiveReason user { status }
		viewerCan { deactivate activate delete } } } }`
	const filtered = `query($a: ID!, $f: MemberFilter) { account(id: $a) { members(pageSize: 100, filter: $f) {
		totalCount items { status accountStatus inactiveReason user { email } } } } }`
	emailsOf := func(r *apptest.Response) []string {
		var out []string
		for _, it := range r.Get("account.members.items").([]any) {
			out = append(out, it.(map[string]any)["user"].(map[string]any)["email"].(string))
		}
		return out
	}
	before := admin.Do(one, apptest.Vars{"a": id, "u": m01}).Must()
	require.Equal(t, map[string]any{"status": "ACTIVE", "accountStatus": "ACTIVE", "inactiveReason": nil, "user": map[string]any{"status": "ACTIVE"},
		"viewerCan": map[string]any{"deactivate": true, "activate": false, "delete": true}}, before.Get("account.member"))

	op.Do(deactivateUser, apptest.Vars{"u": m01, "c": true}).Must()
	op.Do(deactivateUser, apptest.Vars{"u": m00, "c": true}).Must()

	r := admin.Do(one, apptest.Vars{"a": id, "u": m01}).Must()
	require.Equal(t, map[string]any{"status": "INACTIVE", "accountStatus": "ACTIVE", "inactiveReason": "PLATFORM", "user": map[string]any{"status": "INACTIVE"},
		// Neither account-level change applies to a user deactivated
		// platform-wide (USER_INACTIVE): the operator activates the user.
		"viewerCan": map[string]any{"deactivate": false, "activate": false, "delete": true}}, r.Get("account.member"))
	require.Equal(t, "ACCOUNT_AND_PLATFORM", admin.Do(one, apptest.Vars{"a": id, "u": m00}).Must().Get("account.member.inactiveReason"))
	res := resultsByUser(admin.Do(activateMembers, apptest.Vars{"a": id, "u": []string{m01}}), "activateMembers")
	require.Equal(t, "USER_INACTIVE", errCode(res[m01]), "viewerCan said no, and so does the mutation")

	// The INACTIVE filter finds them: the 5 deactivated in the account (m00
	// among them) and m01; the ACTIVE one no longer lists m01. Totals come from
	// the counters and agree with the pages, before and after folding them.
	for _, fold := range []bool{false, true} {
		if fold {
			_, err := member.CompactCounts(context.Background(), env.Pool)
			require.NoError(t, err)
		}
		inactive := admin.Do(filtered, apptest.Vars{"a": id, "f": map[string]any{"status": "INACTIVE"}}).Must()
		require.EqualValues(t, 6, inactive.Get("account.members.totalCount"))
		require.Len(t, emailsOf(inactive), 6)
		require.Contains(t, emailsOf(inactive), "m01@acme.test")
		active := admin.Do(filtered, apptest.Vars{"a": id, "f": map[string]any{"status": "ACTIVE"}}).Must()
		require.EqualValues(t, 19, active.Get("account.members.totalCount"))
		require.NotContains(t, emailsOf(active), "m01@acme.test")
		// m01 is a USER, m00 (i=0) a FINANCE_MANAGER: role and status together.
		fm := admin.Do(filtered, apptest.Vars{"a": id, "f": map[string]any{"status": "INACTIVE", "role": "FINANCE_MANAGER"}}).Must()
		require.EqualValues(t, 2, fm.Get("account.members.totalCount"))
		users := admin.Do(filtered, apptest.Vars{"a": id, "f": map[string]any{"status": "INACTIVE", "role": "USER"}}).Must()
		require.EqualValues(t, len(emailsOf(users)), users.Get("account.members.totalCount"))
		require.Contains(t, emailsOf(users), "m01@acme.test")
		search := admin.Do(filtered, apptest.Vars{"a": id, "f": map[string]any{"status": "INACTIVE", "search": "m01"}}).Must()
		require.Equal(t, []string{"m01@acme.test"}, emailsOf(search))
		require.EqualValues(t, 1, search.Get("account.members.totalCount"))
		require.EqualValues(t, 25, admin.Do(filtered, apptest.Vars{"a": id}).Must().Get("account.members.totalCount"))
	}
	require.Zero(t, apptest.Scalar[int](env, userStatusDrift))
	require.Zero(t, apptest.Scalar[int](env, countersDrift))

	// Activation restores the account-level statuses underneath: m01 is
	// ACTIVE again, m00 stays INACTIVE in the account.
	op.Do(`mutation($u: ID!) { activateUser(userId: $u) { user { status } } }`, apptest.Vars{"u": m01}).Must()
	op.Do(`mutation($u: ID!) { activateUser(userId: $u) { user { status } } }`, apptest.Vars{"u": m00}).Must()
	require.Equal(t, before.Get("account.member"), admin.Do(one, apptest.Vars{"a": id, "u": m01}).Must().Get("account.member"))
	r = admin.Do(one, apptest.Vars{"a": id, "u": m00}).Must()
	require.Equal(t, "INACTIVE", r.Get("account.member.status"))
	require.Equal(t, "ACCOUNT", r.Get("account.member.inactiveReason"))
	require.EqualValues(t, 5, admin.Do(filtered, apptest.Vars{"a": id, "f": map[string]any{"status": "INACTIVE"}}).Must().Get("account.members.totalCount"))
	require.Zero(t, apptest.Scalar[int](env, userStatusDrift))
}

// TestMembers_NewMembershipCopiesGlobalStatus adds a membership for a user
// already deactivated platform-wide (as a loader or an external directory
// may): it shows as INACTIVE at once.
func TestMembers_NewMembershipCopiesGlobalStatus(t *testing.T) {
	t.Parallel()
	env, admin, id := membersEnv(t)
	u := env.User("late@acme.test", false)
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, u.ID)
	env.Exec(`INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, 'USER')`, id, u.ID)
	r := admin.Do(`query($a: ID!, $u: ID!) { account(id: $a) { member(userId: $u) { status accountStatus inactiveReason } } }`,
		apptest.Vars{"a": id, "u": u.ID}).Must()
	require.Equal(t, map[string]any{"status": "INACTIVE", "accountStatus": "ACTIVE", "inactiveReason": "PLATFORM"}, r.Get("account.member"))
	require.Zero(t, apptest.Scalar[int](env, userStatusDrift))
}
