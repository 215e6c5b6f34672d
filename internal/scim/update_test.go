package scim_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
)

// TestScim_PatchUser_Shapes: the PATCH requests Okta and Entra ID send,
// each applied to a freshly provisioned member.
func TestScim_PatchUser_Shapes(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for i, tc := range []struct {
		name  string
		ops   []map[string]any
		check func(t *testing.T, r *resp, id string)
	}{
		{"okta deactivate: replace without path", []map[string]any{op("replace", "", map[string]any{"id": "ignored", "active": false})},
			func(t *testing.T, r *resp, id string) {
				require.Equal(t, false, r.Body["active"])
				_, status := b.membership(t, id)
				require.Equal(t, "INACTIVE", status)
			}},
		{"entra disable: Replace active \"False\"", []map[string]any{op("Replace", "active", "False")},
			func(t *testing.T, r *resp, id string) {
				require.Equal(t, false, r.Body["active"])
				r = b.do(t, http.MethodPatch, "/Users/"+id, patch(op("Replace", "active", "True"))).ok(http.StatusOK)
				require.Equal(t, true, r.Body["active"])
				_, status := b.membership(t, id)
				require.Equal(t, "ACTIVE", status)
			}},
		{"entra: path-less Replace with attribute paths as keys", []map[string]any{op("Replace", "", map[string]any{
			"name.givenName": "Augusta", "name.familyName": "King", "emails[type eq \"work\"].value": "augusta@acme.test", "active": "false"})},
			func(t *testing.T, r *resp, id string) {
				require.Equal(t, "Augusta", r.get("name.givenName"))
				require.Equal(t, "King", r.get("name.familyName"))
				require.Equal(t, "augusta@acme.test", r.get("emails.0.value"))
				require.Equal(t, false, r.Body["active"])
			}},
		{"entra: Add emails[type eq \"work\"].value", []map[string]any{op("Add", `emails[type eq "work"].value`, "New.Mail@acme.test")},
			func(t *testing.T, r *resp, id string) {
				require.Equal(t, "new.mail@acme.test", r.get("emails.0.value"))
				require.NotEqual(t, "new.mail@acme.test", apptest.Scalar[string](b.env, `SELECT email FROM users WHERE id = $1`, id),
					"the platform user's sign-in address is not the directory's to change")
				l := b.do(t, http.MethodGet, `/Users?filter=emails.value%20eq%20%22new.mail%40acme.test%22`, nil).ok(http.StatusOK)
				require.Equal(t, []string{id}, l.ids())
			}},
		{"replace name sub-attributes by path", []map[string]any{op("replace", "name.familyName", "Byron"), op("replace", "name.givenName", "Ada")},
			func(t *testing.T, r *resp, id string) {
				require.Equal(t, map[string]any{"givenName": "Ada", "familyName": "Byron"}, r.Body["name"])
			}},
		{"replace name as an object keeps the other sub-attributes", []map[string]any{op("replace", "name", map[string]any{"familyName": "Byron"})},
			func(t *testing.T, r *resp, id string) {
				require.Equal(t, "Byron", r.get("name.familyName"))
				require.NotNil(t, r.get("name.givenName"))
			}},
		{"replace userName and displayName", []map[string]any{op("replace", "userName", "augusta.ada"), op("replace", "displayName", "Countess of Lovelace")},
			func(t *testing.T, r *resp, id string) {
				require.Equal(t, "augusta.ada", r.Body["userName"])
				require.Equal(t, "Countess of Lovelace", r.Body["displayName"])
				require.Equal(t, "Countess of Lovelace", apptest.Scalar[string](b.env, `SELECT name FROM users WHERE id = $1`, id),
					"this account is the user's only one: the platform name follows")
				ev := b.auditOf(t, "MEMBER_DIRECTORY_UPDATED")
				require.Equal(t, b.tokenID, ev["actorScimTokenId"])
				require.Equal(t, "augusta.ada", ev["after"].(map[string]any)["userName"])
				require.Equal(t, b.tokenID, b.auditOf(t, "USER_RENAMED")["actorScimTokenId"])
			}},
		{"remove externalId", []map[string]any{op("remove", "externalId", nil)},
			func(t *testing.T, r *resp, id string) { require.NotContains(t, r.Body, "externalId") }},
		{"add with the core schema URN in the path", []map[string]any{op("add", "urn:ietf:params:scim:schemas:core:2.0:User:displayName", "Ada L.")},
			func(t *testing.T, r *resp, id string) { require.Equal(t, "Ada L.", r.Body["displayName"]) }},
		{"attributes not kept and the enterprise extension are accepted", []map[string]any{op("Replace", "title", "Engineer"),
			op("Add", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "R&D"),
			op("replace", "phoneNumbers[type eq \"work\"].value", "+31 20 555 0100")},
			func(t *testing.T, r *resp, id string) { require.NotContains(t, r.Body, "title") }},
		{"add emails of another type is not kept", []map[string]any{op("add", "emails", []any{map[string]any{"type": "home", "value": "home@acme.test"}})},
			func(t *testing.T, r *resp, id string) {
				require.Len(t, r.Body["emails"], 1)
				require.Equal(t, "home@acme.test", r.get("emails.0.value"), "a list without a primary or work address gives its first")
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := b.do(t, http.MethodPost, "/Users", oktaUser("p"+string(rune('a'+i))+"@acme.test", "Ada", "Lovelace")).ok(http.StatusCreated).Body["id"].(string)
			r := b.do(t, http.MethodPatch, "/Users/"+id, patch(tc.ops...)).ok(http.StatusOK)
			require.Equal(t, id, r.Body["id"])
			tc.check(t, r, id)
			// What PATCH answered is what GET reads.
			g := b.do(t, http.MethodGet, "/Users/"+id, nil).ok(http.StatusOK)
			require.Equal(t, r.get("meta.location"), g.get("meta.location"))
		})
	}
}

// TestScim_PatchUser_Invalid: bad operations answer 400 with the right
// scimType and change nothing (a request applies whole or not at all).
func TestScim_PatchUser_Invalid(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "Lovelace")).ok(http.StatusCreated).Body["id"].(string)
	before := b.do(t, http.MethodGet, "/Users/"+id, nil).Raw
	for _, tc := range []struct {
		name     string
		body     map[string]any
		scimType string
	}{
		{"no PatchOp schema", map[string]any{"Operations": []any{op("replace", "active", false)}}, "invalidSyntax"},
		{"no operations", patch(), "invalidSyntax"},
		{"unknown op", patch(op("move", "active", false)), "invalidSyntax"},
		{"replace without value", patch(op("replace", "displayName", nil)), "invalidValue"},
		{"remove without path", patch(op("remove", "", nil)), "noTarget"},
		{"malformed path", patch(op("replace", "name..givenName", "x")), "invalidPath"},
		{"unknown attribute", patch(op("replace", "shoeSize", "42")), "invalidPath"},
		{"unknown name part", patch(op("replace", "name.nickName", "x")), "invalidPath"},
		{"other schema", patch(op("replace", "urn:example:params:scim:schemas:Device:serial", "x")), "invalidPath"},
		{"remove userName", patch(op("remove", "userName", nil)), "mutability"},
		{"remove emails", patch(op("remove", "emails", nil)), "mutability"},
		{"replace id", patch(op("replace", "id", "x")), "mutability"},
		{"replace groups", patch(op("replace", "groups", []any{})), "mutability"},
		{"home email to replace", patch(op("replace", `emails[type eq "home"].value`, "x@acme.test")), "noTarget"},
		{"active not boolean", patch(op("replace", "active", "perhaps")), "invalidValue"},
		{"bad email", patch(op("replace", `emails[type eq "work"].value`, "nope")), "invalidValue"},
		{"valid then invalid", patch(op("replace", "displayName", "Changed"), op("replace", "shoeSize", "42")), "invalidPath"},
		{"valid then taken userName", patch(op("replace", "displayName", "Changed"), op("replace", "userName", "owner@acme.test")), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := b.do(t, http.MethodPatch, "/Users/"+id, tc.body)
			if tc.scimType == "" {
				r.scimError(http.StatusConflict, "uniqueness")
			} else {
				r.scimError(http.StatusBadRequest, tc.scimType)
			}
			require.JSONEq(t, before, b.do(t, http.MethodGet, "/Users/"+id, nil).Raw)
		})
	}
}

// TestScim_PutUser: Okta's PUT replaces what the directory recorded;
// attributes left out are cleared, the email and active stay unless given.
func TestScim_PutUser(t *testing.T) {
	t.Parallel()
	b := setup(t)
	c := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "Lovelace")).ok(http.StatusCreated)
	id := c.Body["id"].(string)
	put := c.Body
	put["name"] = map[string]any{"givenName": "Ada", "familyName": "King"}
	delete(put, "externalId")
	delete(put, "displayName")
	put["active"] = false
	r := b.do(t, http.MethodPut, "/Users/"+id, put).ok(http.StatusOK)
	require.Equal(t, map[string]any{"givenName": "Ada", "familyName": "King"}, r.Body["name"])
	require.NotContains(t, r.Body, "externalId")
	require.NotContains(t, r.Body, "displayName")
	require.Equal(t, false, r.Body["active"])
	_, status := b.membership(t, id)
	require.Equal(t, "INACTIVE", status)
	delete(put, "schemas")
	b.do(t, http.MethodPut, "/Users/"+id, put).scimError(http.StatusBadRequest, "invalidSyntax")
}

// TestScim_Deactivate_Effects: active false from the directory has every
// effect deactivateMembers has: the member's sessions end when that was
// their last panel access, their next request is refused, the change is
// audited (with the token as actor), and they get no notification; active
// true restores the role they had. The Owner is protected.
func TestScim_Deactivate_Effects(t *testing.T) {
	t.Parallel()
	b := setup(t)
	env := b.env
	admin := env.User("admin@acme.test", false)
	env.Member(b.acct, admin, member.RoleAdministrator, member.StatusActive)
	session := env.SignIn("admin@acme.test")
	b.op.Do(`mutation($a: ID!, $u: [ID!]!) { setNotificationRecipients(accountId: $a, kind: TECHNICAL, userIds: $u) { recipients { user { id } } } }`,
		apptest.Vars{"a": b.acct.ID.String(), "u": []string{admin.ID.String()}}).Must()

	b.do(t, http.MethodPatch, "/Users/"+admin.ID.String(), patch(op("replace", "active", false))).ok(http.StatusOK)
	require.Equal(t, 0, apptest.Scalar[int](env, `SELECT count(*) FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`, admin.ID))
	r := session.Do(`query { viewer { id } }`, nil)
	require.Nil(t, r.Data["viewer"], "the deactivated member's session is gone")
	ev := b.auditOf(t, "MEMBER_DEACTIVATED")
	require.Nil(t, ev["actorId"])
	require.Equal(t, b.tokenID, ev["actorScimTokenId"])
	require.Equal(t, admin.ID.String(), ev["targetUserId"])
	// Still listed as a contact (notifications skip an INACTIVE member).
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM notification_recipients WHERE user_id = $1`, admin.ID))
	// Deactivating again changes nothing and is no error.
	b.do(t, http.MethodPatch, "/Users/"+admin.ID.String(), patch(op("replace", "active", false))).ok(http.StatusOK)

	b.do(t, http.MethodPatch, "/Users/"+admin.ID.String(), patch(op("replace", "active", true))).ok(http.StatusOK)
	role, status := b.membership(t, admin.ID.String())
	require.Equal(t, "ADMINISTRATOR", role, "reactivation restores the role")
	require.Equal(t, "ACTIVE", status)
	require.Equal(t, b.tokenID, b.auditOf(t, "MEMBER_ACTIVATED")["actorScimTokenId"])

	// The Owner: 403, and nothing changes.
	b.do(t, http.MethodPatch, "/Users/"+b.owner.ID.String(), patch(op("replace", "active", false))).scimError(http.StatusForbidden, "")
	_, status = b.membership(t, b.owner.ID.String())
	require.Equal(t, "ACTIVE", status)
	// A user deactivated platform-wide: the directory still sets the
	// account-level status underneath (the panel shows them INACTIVE either
	// way), which an operator's activateUser then reveals.
	env.Exec(`UPDATE users SET status = 'INACTIVE' WHERE id = $1`, admin.ID)
	b.do(t, http.MethodPatch, "/Users/"+admin.ID.String(), patch(op("replace", "active", false))).ok(http.StatusOK)
	_, status = b.membership(t, admin.ID.String())
	require.Equal(t, "INACTIVE", status)
	require.Equal(t, true, b.do(t, http.MethodPatch, "/Users/"+admin.ID.String(), patch(op("replace", "active", true))).ok(http.StatusOK).Body["active"])
	_, status = b.membership(t, admin.ID.String())
	require.Equal(t, "ACTIVE", status)
	env.Exec(`UPDATE users SET status = 'ACTIVE' WHERE id = $1`, admin.ID)

	// The panel itself still refuses, in this EXTERNAL account.
	owner := env.SignIn("owner@acme.test")
	plain := env.User("plain@acme.test", false)
	env.Member(b.acct, plain, member.RoleUser, member.StatusActive)
	for _, m := range []string{"deactivateMembers", "activateMembers", "deleteMembers"} {
		r := owner.Do(`mutation($a: ID!, $u: [ID!]!) { `+m+`(accountId: $a, userIds: $u) { results { error { code } } } }`,
			apptest.Vars{"a": b.acct.ID.String(), "u": []string{plain.ID.String()}}).Must()
		require.Equal(t, "EXTERNALLY_MANAGED", r.Get(m+".results.0.error.code"), m)
	}
}

// TestScim_DeleteUser: DELETE removes the membership as deleteMembers
// does — the Owner takes the member's places on the notification lists (the
// ReplaceNotificationRecipient job, enqueued with the change), the
// directory's record goes too — and honours requireDeactivationBeforeDelete
// and the Owner's protection.
func TestScim_DeleteUser(t *testing.T) {
	t.Parallel()
	b := setup(t)
	env := b.env
	id := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "Lovelace")).ok(http.StatusCreated).Body["id"].(string)
	b.op.Do(`mutation($a: ID!, $u: [ID!]!) { setNotificationRecipients(accountId: $a, kind: BILLING, userIds: $u) { recipients { user { id } } } }`,
		apptest.Vars{"a": b.acct.ID.String(), "u": []string{id}}).Must()

	b.op.Do(`mutation($a: ID!) { updateAccount(accountId: $a, requireDeactivationBeforeDelete: true) { account { id } } }`, apptest.Vars{"a": b.acct.ID.String()}).Must()
	b.do(t, http.MethodDelete, "/Users/"+id, nil).scimError(http.StatusBadRequest, "mutability")
	b.do(t, http.MethodPatch, "/Users/"+id, patch(op("replace", "active", false))).ok(http.StatusOK)

	r := b.do(t, http.MethodDelete, "/Users/"+id, nil).ok(http.StatusNoContent)
	require.Empty(t, r.Raw)
	role, _ := b.membership(t, id)
	require.Empty(t, role)
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM scim_identities WHERE user_id = $1`, id))
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM river_job WHERE kind = 'ReplaceNotificationRecipient' AND args->>'user_id' = $1`, id))
	ev := b.auditOf(t, "MEMBER_DELETED")
	require.Equal(t, b.tokenID, ev["actorScimTokenId"])
	require.Equal(t, []any{"BILLING"}, ev["before"].(map[string]any)["recipientOf"])
	b.do(t, http.MethodGet, "/Users/"+id, nil).scimError(http.StatusNotFound, "")
	b.do(t, http.MethodDelete, "/Users/"+id, nil).scimError(http.StatusNotFound, "")
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM users WHERE id = $1`, id), "the platform user stays")

	// Provisioned again: a new membership.
	b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "Lovelace")).ok(http.StatusCreated)
	b.do(t, http.MethodDelete, "/Users/"+b.owner.ID.String(), nil).scimError(http.StatusForbidden, "")
}

// TestScim_Webhooks: the directory's changes send the same webhook events as
// the panel's, written in the same transaction as the change.
func TestScim_Webhooks(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.op.Do(`mutation { createWebhookEndpoint(url: "http://127.0.0.1:9/hook", eventTypes: [MEMBER_DEACTIVATED, MEMBER_ACTIVATED, MEMBER_DELETED]) { secret } }`, nil).Must()
	id := b.do(t, http.MethodPost, "/Users", oktaUser("wes@acme.test", "Wes", "Hook")).ok(http.StatusCreated).Body["id"].(string)
	b.do(t, http.MethodPatch, "/Users/"+id, patch(op("replace", "active", false))).ok(http.StatusOK)
	b.do(t, http.MethodPatch, "/Users/"+id, patch(op("replace", "active", true))).ok(http.StatusOK)
	b.do(t, http.MethodDelete, "/Users/"+id, nil).ok(http.StatusNoContent)

	rows, err := b.env.Pool.Query(t.Context(), `SELECT type, body::jsonb->'data'->>'accountId' FROM webhook_events
		WHERE body::jsonb->'data'->>'userId' = $1 ORDER BY occurred_at, type`, id)
	require.NoError(t, err)
	var got []string
	for rows.Next() {
		var typ, acct string
		require.NoError(t, rows.Scan(&typ, &acct))
		require.Equal(t, b.acct.ID.String(), acct)
		got = append(got, typ)
	}
	require.NoError(t, rows.Err())
	require.Equal(t, []string{"member.deactivated", "member.activated", "member.deleted"}, got)
}
