package scim_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestScim_OktaTestPlan runs, in order, the requests of Okta's SCIM 2.0
// spec test (its Runscope plan): list with count and startIndex, a filter on
// a user that does not exist, create, read back by id and by userName
// filter, a wrong id, deactivate.
func TestScim_OktaTestPlan(t *testing.T) {
	t.Parallel()
	b := setup(t)
	// "Required Test: Test Users endpoint"
	r := b.do(t, http.MethodGet, "/Users?count=1&startIndex=1", nil).ok(http.StatusOK)
	require.Equal(t, []any{"urn:ietf:params:scim:api:messages:2.0:ListResponse"}, r.Body["schemas"])
	require.IsType(t, float64(0), r.Body["totalResults"])
	require.EqualValues(t, 1, r.Body["itemsPerPage"])
	require.EqualValues(t, 1, r.Body["startIndex"])
	require.Len(t, r.Body["Resources"], 1)
	require.NotEmpty(t, r.get("Resources.0.id"))
	require.NotEmpty(t, r.get("Resources.0.userName"))
	// "Required Test: Get Users/{{id}}"
	first := r.get("Resources.0.id").(string)
	b.do(t, http.MethodGet, "/Users/"+first, nil).ok(http.StatusOK)
	// "Required Test: Test invalid User by username"
	r = b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(`userName eq "random-8a1b@atko.com"`), nil).ok(http.StatusOK)
	require.EqualValues(t, 0, r.Body["totalResults"])
	// "Required Test: Test invalid User by ID"
	b.do(t, http.MethodGet, "/Users/010101001010101", nil).scimError(http.StatusNotFound, "")
	// "Required Test: Make sure random user doesn't exist", then create it.
	body := oktaUser("jane.doe@atko.test", "Jane", "Doe")
	r = b.do(t, http.MethodPost, "/Users", body).ok(http.StatusCreated)
	id := r.Body["id"].(string)
	require.Equal(t, true, r.Body["active"])
	require.Equal(t, "Jane", r.get("name.givenName"))
	require.Equal(t, "Doe", r.get("name.familyName"))
	require.Equal(t, "jane.doe@atko.test", r.get("emails.0.value"))
	// "Required Test: Verify that user was created"
	r = b.do(t, http.MethodGet, "/Users/"+id, nil).ok(http.StatusOK)
	require.Equal(t, "jane.doe@atko.test", r.Body["userName"])
	// "Required Test: Expect failure when recreating user with same values"
	b.do(t, http.MethodPost, "/Users", body).scimError(http.StatusConflict, "uniqueness")
	// "Required Test: Username Case Sensitivity Check"
	r = b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(`userName eq "JANE.DOE@ATKO.TEST"`), nil).ok(http.StatusOK)
	require.EqualValues(t, 1, r.Body["totalResults"])
	require.Equal(t, id, r.get("Resources.0.id"))
	// Profile update (PUT) and deactivation (PATCH), as Okta pushes them.
	put := r.get("Resources.0").(map[string]any)
	put["name"] = map[string]any{"givenName": "Jane", "familyName": "Smith"}
	r = b.do(t, http.MethodPut, "/Users/"+id, put).ok(http.StatusOK)
	require.Equal(t, "Smith", r.get("name.familyName"))
	r = b.do(t, http.MethodPatch, "/Users/"+id, patch(op("replace", "", map[string]any{"active": false}))).ok(http.StatusOK)
	require.Equal(t, false, r.Body["active"])
	// Okta's group push: link to the existing group, then add the member.
	r = b.do(t, http.MethodGet, "/Groups?filter="+url.QueryEscape(`displayName eq "ADMINISTRATOR"`), nil).ok(http.StatusOK)
	require.Equal(t, []string{"ADMINISTRATOR"}, r.ids())
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("add", "members", []any{map[string]any{"value": id, "display": "jane.doe@atko.test"}}))).ok(http.StatusOK)
	role, status := b.membership(t, id)
	require.Equal(t, "ADMINISTRATOR", role)
	require.Equal(t, "INACTIVE", status)
}

// TestScim_EntraValidator runs, in order, the requests Microsoft Entra ID's
// SCIM validator and provisioning service send: create (UPN userName,
// enterprise extension), the matching queries, a multi-operation PATCH with
// capitalised ops and string booleans, disable, group lookup and
// membership, delete.
func TestScim_EntraValidator(t *testing.T) {
	t.Parallel()
	b := setup(t)
	// Matching: the user does not exist yet.
	r := b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(`userName eq "tom.w@contoso.onmicrosoft.com"`), nil).ok(http.StatusOK)
	require.EqualValues(t, 0, r.Body["totalResults"])
	r = b.do(t, http.MethodPost, "/Users", entraUser("tom.w@contoso.onmicrosoft.com", "tom.w@contoso.test", "8aa1a0c0-c4c3-4bc0-88cf-8c6e7bd80a3e")).ok(http.StatusCreated)
	id := r.Body["id"].(string)
	// "Filter Existing User" and "Filter Existing User with different case"
	for _, f := range []string{`userName eq "tom.w@contoso.onmicrosoft.com"`, `userName eq "TOM.W@CONTOSO.ONMICROSOFT.COM"`,
		`externalId eq "8aa1a0c0-c4c3-4bc0-88cf-8c6e7bd80a3e"`} {
		r = b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(f), nil).ok(http.StatusOK)
		require.Equal(t, []string{id}, r.ids(), f)
	}
	// "Filter non-existing User"
	r = b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(`userName eq "nobody@contoso.test"`), nil).ok(http.StatusOK)
	require.EqualValues(t, 0, r.Body["totalResults"])
	// "Patch User - Multiple Ops on different attributes"
	r = b.do(t, http.MethodPatch, "/Users/"+id, patch(
		op("Replace", "displayName", "Tom Walker"),
		op("Replace", "name.givenName", "Tom"),
		op("Replace", "name.familyName", "Walker"),
		op("Add", `emails[type eq "work"].value`, "tom.walker@contoso.test"),
		op("Replace", "externalId", "b0d5a7de-7f1b-4c1e-9d6a-3b1f0c0a1e2d"),
		op("Replace", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "Sales"),
		op("Replace", "title", "Rep"),
	)).ok(http.StatusOK)
	require.Equal(t, "Tom Walker", r.Body["displayName"])
	require.Equal(t, "tom.walker@contoso.test", r.get("emails.0.value"))
	require.Equal(t, "b0d5a7de-7f1b-4c1e-9d6a-3b1f0c0a1e2d", r.Body["externalId"])
	// "Patch User - Replace Attributes" with userName.
	r = b.do(t, http.MethodPatch, "/Users/"+id, patch(op("Replace", "userName", "tom.walker@contoso.onmicrosoft.com"))).ok(http.StatusOK)
	require.Equal(t, "tom.walker@contoso.onmicrosoft.com", r.Body["userName"])
	// "Patch User - Disable User": and GET and filter show active false.
	b.do(t, http.MethodPatch, "/Users/"+id, patch(op("Replace", "active", "False"))).ok(http.StatusOK)
	require.Equal(t, false, b.do(t, http.MethodGet, "/Users/"+id, nil).Body["active"])
	r = b.do(t, http.MethodGet, "/Users?filter="+url.QueryEscape(`userName eq "tom.walker@contoso.onmicrosoft.com"`), nil).ok(http.StatusOK)
	require.Equal(t, false, r.get("Resources.0.active"))
	b.do(t, http.MethodPatch, "/Users/"+id, patch(op("Replace", "active", "True"))).ok(http.StatusOK)
	// Groups: the lookup by displayName with members excluded, then membership by id.
	r = b.do(t, http.MethodGet, "/Groups?excludedAttributes=members&filter="+url.QueryEscape(`displayName eq "FINANCE_MANAGER"`), nil).ok(http.StatusOK)
	require.Equal(t, []string{"FINANCE_MANAGER"}, r.ids())
	b.do(t, http.MethodPatch, "/Groups/FINANCE_MANAGER", patch(op("Add", "members", []any{map[string]any{"value": id}}))).ok(http.StatusOK)
	r = b.do(t, http.MethodGet, "/Groups?excludedAttributes=members&filter="+url.QueryEscape(`id eq "FINANCE_MANAGER" and members[value eq "`+id+`"]`), nil).ok(http.StatusOK)
	require.Equal(t, []string{"FINANCE_MANAGER"}, r.ids())
	b.do(t, http.MethodPatch, "/Groups/FINANCE_MANAGER", patch(op("Remove", "members", []any{map[string]any{"value": id}}))).ok(http.StatusOK)
	role, _ := b.membership(t, id)
	require.Equal(t, "USER", role)
	// "Delete User", then the deleted user is gone.
	b.do(t, http.MethodDelete, "/Users/"+id, nil).ok(http.StatusNoContent)
	b.do(t, http.MethodGet, "/Users/"+id, nil).scimError(http.StatusNotFound, "")
}
