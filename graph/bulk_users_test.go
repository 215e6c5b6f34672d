package graph_test

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
)

const (
	deactivateUsers = `mutation($u: [ID!]!, $c: Boolean) { deactivateUsers(userIds: $u, confirm: $c) {
		results { userId done user { status } activeIn { name } error { code message } }
		warnings { kind account { name } users { email } } } }`
	activateUsers = `mutation($u: [ID!]!) { activateUsers(userIds: $u) { results { userId done user { status } activeIn { name } error { code } } } }`
	deleteUsers   = `mutation($u: [ID!]!) { deleteUsers(userIds: $u) { results { userId done user { id } error { code message } } } }`
)

// outcomes returns, per requested position, "done" or the error code.
func outcomes(r *apptest.Response, field string) []string {
	var out []string
	for _, it := range r.Get(field + ".results").([]any) {
		m := it.(map[string]any)
		switch {
		case errCode(m) != "":
			out = append(out, errCode(m))
		case m["done"] == true:
			out = append(out, "done")
		default:
			out = append(out, "pending")
		}
	}
	return out
}

// TestOperator_BulkUserActions runs the user explorer's bulk deactivate,
// activate and delete: one result per requested id in order (repeats
// answered at each place, acted on once), the single mutations' rules per
// user, and confirmation asked for the call as a whole.
func TestOperator_BulkUserActions(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	op := env.SignIn("op@roster.test")
	opID := apptest.Scalar[string](env, `SELECT id::text FROM users WHERE email = 'op@roster.test'`)
	loner1, loner2, loner3 := env.User("l1@solo.test", false), env.User("l2@solo.test", false), env.User("l3@solo.test", false)
	unknown := uuid.NewString()
	status := func(id any) string { return apptest.Scalar[string](env, `SELECT status FROM users WHERE id = $1`, id) }

	// Users ACTIVE nowhere need no confirmation; the others fail on their own.
	r := op.Do(deactivateUsers, apptest.Vars{"u": []any{loner1.ID, loner2.ID, unknown, opID, loner1.ID}}).Must()
	require.Equal(t, []string{"done", "done", "NOT_FOUND", "SELF_ACTION", "done"}, outcomes(r, "deactivateUsers"))
	require.Equal(t, "INACTIVE", r.Get("deactivateUsers.results.4.user.status"))
	require.Equal(t, "INACTIVE", status(loner1.ID))
	require.Equal(t, 2, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'user.deactivated'`), "a repeated id is acted on once")
	r = op.Do(deactivateUsers, apptest.Vars{"u": []any{loner1.ID}}).Must()
	require.Equal(t, []string{"CONFLICT"}, outcomes(r, "deactivateUsers"))

	// One user ACTIVE in an account: the whole call waits for confirmation,
	// and nobody changes, not even the user who needed none.
	r = op.Do(deactivateUsers, apptest.Vars{"u": []any{tm.others[0].ID, loner3.ID}}).RequireCode("CONFIRMATION_REQUIRED")
	require.Equal(t, []string{"CONFIRMATION_REQUIRED", "pending"}, outcomes(r, "deactivateUsers"))
	require.Equal(t, []any{map[string]any{"name": "Acme"}}, r.Get("deactivateUsers.results.0.activeIn"))
	require.Empty(t, r.Get("deactivateUsers.results.1.activeIn"))
	require.Equal(t, "ACTIVE", status(loner3.ID))
	require.Equal(t, "ACTIVE", status(tm.others[0].ID))

	// Two technical contacts deactivated together silence the list, though
	// neither alone would: the warning names both.
	admin := env.SignIn("admin@acme.test")
	admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "TECHNICAL", "u": ids(tm.others[1], tm.others[2])}).Must()
	pair := []any{tm.others[1].ID, tm.others[2].ID}
	r = op.Do(deactivateUsers, apptest.Vars{"u": pair}).RequireCode("CONFIRMATION_REQUIRED")
	require.Equal(t, []any{map[string]any{"kind": "TECHNICAL", "account": map[string]any{"name": "Acme"},
		"users": []any{map[string]any{"email": tm.others[1].Email}, map[string]any{"email": tm.others[2].Email}}}}, sortedUsers(r.Get("deactivateUsers.warnings")))
	op.Do(impact, apptest.Vars{"u": tm.others[1].ID}).Must()
	require.Empty(t, op.Do(impact, apptest.Vars{"u": tm.others[1].ID}).Must().Get("deactivationImpact"), "alone, neither silences it")
	r = op.Do(deactivateUsers, apptest.Vars{"u": pair, "c": true}).Must()
	require.Equal(t, []string{"done", "done"}, outcomes(r, "deactivateUsers"))
	require.Len(t, r.Get("deactivateUsers.warnings"), 1)
	require.Equal(t, "INACTIVE", status(tm.others[2].ID))

	// Activation: the single rules per user, nothing sent.
	r = op.Do(activateUsers, apptest.Vars{"u": []any{loner1.ID, loner3.ID, unknown, tm.others[1].ID, loner1.ID}}).Must()
	require.Equal(t, []string{"done", "CONFLICT", "NOT_FOUND", "done", "done"}, outcomes(r, "activateUsers"))
	require.Equal(t, "ACTIVE", r.Get("activateUsers.results.0.user.status"))
	require.Equal(t, 2, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'user.activated'`))
	require.Equal(t, "ACTIVE", op.Do(`query($a: ID!, $u: ID!) { account(id: $a) { member(userId: $u) { status } } }`,
		apptest.Vars{"a": tm.acct.ID, "u": tm.others[1].ID}).Must().Get("account.member.status"), "the membership's status came back")

	// Deletion: only users deactivated platform-wide, owning no account, not oneself.
	op.Do(deactivateUser, apptest.Vars{"u": tm.owner.ID, "c": true}).Must()
	env.Exec(`INSERT INTO audit_events (action, before) VALUES ('account.created', jsonb_build_object('ownerEmail', $1::text))`, loner2.Email)
	r = op.Do(deleteUsers, apptest.Vars{"u": []any{loner2.ID, tm.owner.ID, opID, unknown, loner1.ID, tm.others[2].ID, loner2.ID}}).Must()
	require.Equal(t, []string{"done", "OWNER_PROTECTED", "SELF_ACTION", "NOT_FOUND", "CONFLICT", "done", "done"}, outcomes(r, "deleteUsers"))
	require.Nil(t, r.Get("deleteUsers.results.0.user"))
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM users WHERE id = ANY($1)`, []uuid.UUID{loner2.ID, tm.others[2].ID}))
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE before::text LIKE '%l2@solo.test%' OR after::text LIKE '%l2@solo.test%'`),
		"the trail keeps what happened, not who it was")
	require.Equal(t, 2, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'user.deleted'`))
	// The deleted technical contact's place goes to the Owner, as deleteUser does.
	env.Eventually(func() bool {
		return apptest.Scalar[int](env, `SELECT count(*) FROM notification_recipients WHERE account_id = $1 AND user_id = $2`, tm.acct.ID, tm.owner.ID) == 1
	}, "the Owner replaces the deleted contact")
	require.Zero(t, apptest.Scalar[int](env, countersDrift))
}

// TestOperator_BulkUserActionsRefused sends what a stranger might: no ids,
// too many, a malformed id, and a caller who is no operator.
func TestOperator_BulkUserActionsRefused(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	op, admin := tm.env.SignIn("op@roster.test"), tm.env.SignIn("admin@acme.test")
	many := make([]any, 101)
	for i := range many {
		many[i] = uuid.NewString()
	}
	for _, q := range []struct{ name, query string }{{"deactivateUsers", deactivateUsers}, {"activateUsers", activateUsers}, {"deleteUsers", deleteUsers}} {
		t.Run(q.name, func(t *testing.T) {
			op.Do(q.query, apptest.Vars{"u": []any{}}).RequireCode("INVALID_INPUT")
			op.Do(q.query, apptest.Vars{"u": many}).RequireCode("LIMIT_EXCEEDED")
			op.Do(q.query, apptest.Vars{"u": []any{"not-a-uuid"}}).RequireCode("INVALID_INPUT")
			admin.Do(q.query, apptest.Vars{"u": []any{tm.plain.ID}}).RequireCode("FORBIDDEN")
			tm.env.Anon().Do(q.query, apptest.Vars{"u": []any{tm.plain.ID}}).RequireCode("UNAUTHENTICATED")
		})
	}
	require.Equal(t, "ACTIVE", apptest.Scalar[string](tm.env, `SELECT status FROM users WHERE id = $1`, tm.plain.ID))
	require.Zero(t, apptest.Scalar[int](tm.env, `SELECT count(*) FROM audit_events WHERE action LIKE 'user.%' AND action <> 'user.signed_in'`))
}

// sortedUsers orders each warning's users by email, for comparison.
func sortedUsers(v any) any {
	for _, w := range v.([]any) {
		users := w.(map[string]any)["users"].([]any)
		for i := range users {
			for j := i + 1; j < len(users); j++ {
				if fmt.Sprint(users[j]) < fmt.Sprint(users[i]) {
					users[i], users[j] = users[j], users[i]
				}
			}
		}
	}
	return v
}
