package graph_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/notify"
)

const sendNotification = `mutation($a: ID!, $k: NotificationKind!, $s: String!, $b: String!) {
	sendNotification(accountId: $a, kind: $k, subject: $s, body: $b) { notification { id } } }`

func TestRecipients_SetAndWarnings(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	admin := env.SignIn("admin@acme.test")
	outsider := env.User("outsider@y.test", false)
	admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "TECHNICAL", "u": ids(tm.plain, outsider)}).RequireCode("NOT_FOUND")
	admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "TECHNICAL", "u": []string{}}).RequireCode("INVALID_INPUT")
	env.SignIn("finance@acme.test").Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "TECHNICAL", "u": ids(tm.plain)}).RequireCode("FORBIDDEN")
	// Role USER may be a recipient: that is what the role is for.
	r := admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "TECHNICAL", "u": ids(tm.plain, tm.plain)}).Must()
	require.Equal(t, []any{map[string]any{"user": map[string]any{"email": "plain@acme.test"}, "membershipStatus": "ACTIVE", "userStatus": "ACTIVE", "receivesMail": true}},
		r.Get("setNotificationRecipients.recipients"))
	admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "BILLING", "u": ids(tm.finance, tm.plain)}).Must()

	// The members list says whom to warn about before the click.
	page := admin.Do(`query($a: ID!) { account(id: $a) { members(pageSize: 100) { items { user { email } onlyActiveRecipientFor } } } }`, apptest.Vars{"a": tm.acct.ID}).Must()
	sole := map[string]any{}
	for _, it := range page.Get("account.members.items").([]any) {
		m := it.(map[string]any)
		sole[m["user"].(map[string]any)["email"].(string)] = m["onlyActiveRecipientFor"]
	}
	require.Equal(t, []any{"TECHNICAL"}, sole["plain@acme.test"])
	require.Equal(t, []any{}, sole["finance@acme.test"])

	// Deactivating the only technical contact warns; the contact stays listed.
	r = admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain)}).Must()
	require.Equal(t, []any{map[string]any{"kind": "TECHNICAL", "users": []any{map[string]any{"email": "plain@acme.test"}}}}, r.Get("deactivateMembers.warnings"))
	contacts := admin.Do(`query($a: ID!) { account(id: $a) { technicalContacts { user { email } membershipStatus receivesMail } } }`, apptest.Vars{"a": tm.acct.ID}).Must()
	require.Equal(t, []any{map[string]any{"user": map[string]any{"email": "plain@acme.test"}, "membershipStatus": "INACTIVE", "receivesMail": false}},
		contacts.Get("account.technicalContacts"))
	// Deleting the only active billing contact warns too.
	r = admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.finance)}).Must()
	require.Equal(t, []any{map[string]any{"kind": "BILLING"}}, r.Get("deleteMembers.warnings"))
}

// TestRecipients_DeletedContactReplacedByOwner runs the real workers.
func TestRecipients_DeletedContactReplacedByOwner(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	admin := env.SignIn("admin@acme.test")
	admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "TECHNICAL", "u": ids(tm.plain, tm.admin2)}).Must()
	admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "BILLING", "u": ids(tm.plain, tm.owner)}).Must()
	admin.Do(deleteMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.plain)}).Must()
	list := func(kind string) []string {
		var out []string
		rows, err := env.Pool.Query(context.Background(), `SELECT u.email FROM notification_recipients r JOIN users u ON u.id = r.user_id
			WHERE r.account_id = $1 AND r.kind = $2 ORDER BY u.email`, tm.acct.ID, kind)
		require.NoError(t, err)
		defer rows.Close()
		for rows.Next() {
			var e string
			require.NoError(t, rows.Scan(&e))
			out = append(out, e)
		}
		return out
	}
	env.Eventually(func() bool {
		return len(list("TECHNICAL")) == 2 && list("TECHNICAL")[1] == "owner@acme.test"
	}, "the Owner takes the deleted technical contact's place")
	require.Equal(t, []string{"admin2@acme.test", "owner@acme.test"}, list("TECHNICAL"))
	require.Equal(t, []string{"owner@acme.test"}, list("BILLING"), "no duplicate when the Owner is already there")
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'recipients.replaced_by_owner'`))
}

// TestRecipients_ReplacementIdempotent runs the replacement twice, and once
// after the Owner changed.
func TestRecipients_ReplacementIdempotent(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	ctx := context.Background()
	env.Exec(`INSERT INTO notification_recipients (account_id, kind, user_id) VALUES ($1, 'TECHNICAL', $2)`, tm.acct.ID, tm.plain.ID)
	env.Exec(`DELETE FROM memberships WHERE user_id = $1`, tm.plain.ID)
	kinds := []notify.Kind{notify.KindTechnical}
	changed, err := notify.ReplaceWithOwner(ctx, env.Pool, tm.acct.ID, tm.plain.ID, kinds)
	require.NoError(t, err)
	require.True(t, changed)
	changed, err = notify.ReplaceWithOwner(ctx, env.Pool, tm.acct.ID, tm.plain.ID, kinds)
	require.NoError(t, err)
	require.False(t, changed, "the second run changes nothing")
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM notification_recipients`))
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'recipients.replaced_by_owner'`))
	// The Owner changed between the removal and the job: the current Owner is used.
	env.Exec(`INSERT INTO notification_recipients (account_id, kind, user_id) VALUES ($1, 'BILLING', $2)`, tm.acct.ID, tm.others[0].ID)
	env.Exec(`DELETE FROM memberships WHERE user_id = $1`, tm.others[0].ID)
	env.Exec(`UPDATE memberships SET role = 'ADMINISTRATOR' WHERE user_id = $1`, tm.owner.ID)
	env.Exec(`UPDATE memberships SET role = 'OWNER' WHERE user_id = $1`, tm.admin.ID)
	_, err = notify.ReplaceWithOwner(ctx, env.Pool, tm.acct.ID, tm.others[0].ID, []notify.Kind{notify.KindBilling})
	require.NoError(t, err)
	require.Equal(t, tm.admin.ID.String(), apptest.Scalar[string](env, `SELECT user_id::text FROM notification_recipients WHERE kind = 'BILLING'`))
}

// TestNotification_FanOut sends to 1,000 recipients who get mail and 40 who
// do not (deactivated in the account or platform-wide): 1,000 emails, 40 skips.
func TestNotification_FanOut(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	env.Exec(`INSERT INTO users (email, name) SELECT 'r' || i || '@fan.test', 'R ' || i FROM generate_series(0, 1039) AS i`)
	env.Exec(`INSERT INTO memberships (account_id, user_id, role, status)
		SELECT $1, id, 'USER', CASE WHEN email LIKE 'r10__@fan.test' AND email < 'r1020@fan.test' THEN 'INACTIVE' ELSE 'ACTIVE' END
		FROM users WHERE email LIKE '%@fan.test'`, tm.acct.ID)
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE email LIKE 'r10__@fan.test' AND email >= 'r1020@fan.test'`)
	env.Exec(`INSERT INTO notification_recipients (account_id, kind, user_id) SELECT $1, 'BILLING', id FROM users WHERE email LIKE '%@fan.test'`, tm.acct.ID)
	op := env.SignIn("op@roster.test")
	id := op.Do(sendNotification, apptest.Vars{"a": tm.acct.ID, "k": "BILLING", "s": "Invoice ready", "b": "Your <invoice> is ready."}).Must().Get("sendNotification.notification.id").(string)
	msgs := env.WaitMail(1000)
	require.Len(t, msgs, 1000)
	require.Contains(t, msgs[0].Subject, "Invoice ready")
	require.Contains(t, msgs[0].Subject, "Acme")
	require.Contains(t, msgs[0].HTML, "&lt;invoice&gt;")
	env.Eventually(func() bool {
		return apptest.Scalar[int](env, `SELECT count(*) FROM notification_deliveries WHERE notification_id = $1 AND outcome = 'SENT'`, id) == 1000
	}, "every email recorded as sent")
	r := op.Do(`query($a: ID!) { account(id: $a) { notifications { edges { node { subject fannedOut deliveries { email outcome reason } } } } } }`, apptest.Vars{"a": tm.acct.ID}).Must()
	reasons := map[string]int{}
	for _, d := range r.Get("account.notifications.edges.0.node.deliveries").([]any) {
		m := d.(map[string]any)
		if m["outcome"] == "SKIPPED" {
			reasons[m["reason"].(string)]++
		}
	}
	require.Equal(t, map[string]int{"deactivated in the account": 20, "deactivated platform-wide": 20}, reasons)
	for _, m := range msgs {
		require.NotContains(t, []string{"r1000@fan.test", "r1039@fan.test"}, m.To[0])
	}
	op.Do(sendNotification, apptest.Vars{"a": tm.acct.ID, "k": "BILLING", "s": "", "b": "x"}).RequireCode("INVALID_INPUT")
	env.SignIn("admin@acme.test").Do(sendNotification, apptest.Vars{"a": tm.acct.ID, "k": "BILLING", "s": "x", "b": "x"}).RequireCode("FORBIDDEN")
}

func TestNotification_DeactivatedContactGetsNothing(t *testing.T) {
	t.Parallel()
	tm := newTeam(t, apptest.WithWorkers)
	env := tm.env
	admin, op := env.SignIn("admin@acme.test"), env.SignIn("op@roster.test")
	admin.Do(setRecipients, apptest.Vars{"a": tm.acct.ID, "k": "BILLING", "u": ids(tm.finance, tm.plain)}).Must()
	admin.Do(deactivateMembers, apptest.Vars{"a": tm.acct.ID, "u": ids(tm.finance)}).Must()
	op.Do(sendNotification, apptest.Vars{"a": tm.acct.ID, "k": "BILLING", "s": "Hello", "b": "Billing news"}).Must()
	msgs := env.WaitMail(1)
	require.Equal(t, []string{"plain@acme.test"}, msgs[0].To)
	env.Eventually(func() bool {
		return apptest.Scalar[int](env, `SELECT count(*) FROM notification_deliveries WHERE outcome = 'SKIPPED' AND reason = 'deactivated in the account'`) == 1
	}, "the skip is recorded")
	require.Len(t, env.Mail.Messages(), 1)
}
