package scim_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestScim_ServiceProviderConfig declares what is supported, as RFC 7643
// §5 shapes it: PATCH and filters yes; bulk, sorting, ETags and password
// changes no; bearer tokens.
func TestScim_ServiceProviderConfig(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, token := range []string{"", b.secret} { // no authentication needed
		r := b.doWith(t, token, http.MethodGet, "/ServiceProviderConfig", nil).ok(http.StatusOK)
		require.Equal(t, []any{"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"}, r.Body["schemas"])
		require.Equal(t, true, r.get("patch.supported"))
		require.Equal(t, false, r.get("bulk.supported"))
		require.EqualValues(t, 0, r.get("bulk.maxOperations"))
		require.Equal(t, true, r.get("filter.supported"))
		require.EqualValues(t, 200, r.get("filter.maxResults"))
		require.Equal(t, false, r.get("changePassword.supported"))
		require.Equal(t, false, r.get("sort.supported"))
		require.Equal(t, false, r.get("etag.supported"))
		require.Equal(t, "oauthbearertoken", r.get("authenticationSchemes.0.type"))
		require.NotEmpty(t, r.get("authenticationSchemes.0.name"))
		require.NotEmpty(t, r.get("authenticationSchemes.0.description"))
		require.Equal(t, "ServiceProviderConfig", r.get("meta.resourceType"))
	}
	b.do(t, http.MethodGet, "/ServiceProviderConfig?filter=x", nil).scimError(http.StatusForbidden, "")
	b.do(t, http.MethodPost, "/ServiceProviderConfig", map[string]any{}).scimError(http.StatusMethodNotAllowed, "")
}

// TestScim_ResourceTypes lists User and Group (RFC 7643 §6) and serves each.
func TestScim_ResourceTypes(t *testing.T) {
	t.Parallel()
	b := setup(t)
	r := b.do(t, http.MethodGet, "/ResourceTypes", nil).ok(http.StatusOK)
	require.Equal(t, []any{"urn:ietf:params:scim:api:messages:2.0:ListResponse"}, r.Body["schemas"])
	require.EqualValues(t, 2, r.Body["totalResults"])
	for i, tc := range []struct{ id, endpoint, schema string }{
		{"User", "/Users", "urn:ietf:params:scim:schemas:core:2.0:User"},
		{"Group", "/Groups", "urn:ietf:params:scim:schemas:core:2.0:Group"},
	} {
		item := r.get("Resources." + string(rune('0'+i))).(map[string]any)
		require.Equal(t, []any{"urn:ietf:params:scim:schemas:core:2.0:ResourceType"}, item["schemas"])
		require.Equal(t, tc.id, item["id"])
		require.Equal(t, tc.id, item["name"])
		require.Equal(t, tc.endpoint, item["endpoint"])
		require.Equal(t, tc.schema, item["schema"])
		one := b.do(t, http.MethodGet, "/ResourceTypes/"+tc.id, nil).ok(http.StatusOK)
		require.Equal(t, tc.endpoint, one.Body["endpoint"])
		require.Equal(t, "ResourceType", one.get("meta.resourceType"))
	}
	b.do(t, http.MethodGet, "/ResourceTypes/Device", nil).scimError(http.StatusNotFound, "")
}

// TestScim_Schemas serves the User and Group schemas (RFC 7643 §7) with
// every attribute's characteristics.
func TestScim_Schemas(t *testing.T) {
	t.Parallel()
	b := setup(t)
	r := b.do(t, http.MethodGet, "/Schemas", nil).ok(http.StatusOK)
	require.EqualValues(t, 2, r.Body["totalResults"])
	for _, urn := range []string{"urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group"} {
		s := b.do(t, http.MethodGet, "/Schemas/"+urn, nil).ok(http.StatusOK)
		require.Equal(t, urn, s.Body["id"])
		require.Equal(t, []any{"urn:ietf:params:scim:schemas:core:2.0:Schema"}, s.Body["schemas"])
		var check func(attrs []any)
		check = func(attrs []any) {
			for _, a := range attrs {
				a := a.(map[string]any)
				for _, key := range []string{"name", "type", "multiValued", "description", "required", "mutability", "returned", "uniqueness"} {
					require.Contains(t, a, key, "%s of %s", key, a["name"])
				}
				if a["type"] == "string" {
					require.Contains(t, a, "caseExact", a["name"])
				}
				if subs, ok := a["subAttributes"].([]any); ok {
					require.Equal(t, "complex", a["type"])
					check(subs)
				}
			}
		}
		check(s.Body["attributes"].([]any))
	}
	user := b.do(t, http.MethodGet, "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", nil)
	userName := user.get("attributes.0").(map[string]any)
	require.Equal(t, "userName", userName["name"])
	require.Equal(t, true, userName["required"])
	require.Equal(t, "server", userName["uniqueness"])
	b.do(t, http.MethodGet, "/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", nil).scimError(http.StatusNotFound, "")
}

// TestScim_Endpoints: unsupported endpoints and methods answer SCIM errors.
func TestScim_Endpoints(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{http.MethodPost, "/Bulk", http.StatusNotImplemented},
		{http.MethodGet, "/Me", http.StatusNotImplemented},
		{http.MethodGet, "/Devices", http.StatusNotFound},
		{http.MethodDelete, "/Users", http.StatusMethodNotAllowed},
		{http.MethodGet, "/Users/.search", http.StatusMethodNotAllowed},
		{http.MethodPost, "/Users/00000000-0000-0000-0000-000000000000", http.StatusMethodNotAllowed},
	} {
		b.do(t, tc.method, tc.path, nil).scimError(tc.status, "")
	}
}

// TestScim_Schemas_GroupMemberValueNotCaseExact: /Schemas declares
// members.value as RFC 7643 §8.7.1 does (caseExact false), as the service
// matches it: a member's id in upper case finds and changes the member.
func TestScim_Schemas_GroupMemberValueNotCaseExact(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ada := b.do(t, http.MethodPost, "/Users", oktaUser("ada@acme.test", "Ada", "L")).ok(http.StatusCreated).Body["id"].(string)
	s := b.do(t, http.MethodGet, "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group", nil).ok(http.StatusOK)
	require.Equal(t, "members", s.get("attributes.1.name"))
	require.Equal(t, "value", s.get("attributes.1.subAttributes.0.name"))
	require.Equal(t, false, s.get("attributes.1.subAttributes.0.caseExact"))
	upper := strings.ToUpper(ada)
	r := b.do(t, http.MethodGet, "/Groups?excludedAttributes=members&filter="+url.QueryEscape(`members[value eq "`+upper+`"]`), nil).ok(http.StatusOK)
	require.Equal(t, []string{"USER"}, r.ids())
	b.do(t, http.MethodPatch, "/Groups/ADMINISTRATOR", patch(op("add", "members", members(upper)))).ok(http.StatusOK)
	role, _ := b.membership(t, ada)
	require.Equal(t, "ADMINISTRATOR", role)
}
