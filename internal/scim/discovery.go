package scim

// The discovery documents of RFC 7644 §4 and RFC 7643 §5–7: what this
// service provider supports, declared as it is (no bulk, no sorting, no
// ETags, no password changes).

// MaxCount is the largest page a list returns (count above it is lowered).
const MaxCount = 200

// DefaultCount is the page size of a list without count.
const DefaultCount = 100

func serviceProviderConfig(base string) map[string]any {
	return map[string]any{
		"schemas":        []string{ServiceProviderConfigURN},
		"patch":          map[string]any{"supported": true},
		"bulk":           map[string]any{"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
		"filter":         map[string]any{"supported": true, "maxResults": MaxCount},
		"changePassword": map[string]any{"supported": false},
		"sort":           map[string]any{"supported": false},
		"etag":           map[string]any{"supported": false},
		"authenticationSchemes": []map[string]any{{
			"type":        "oauthbearertoken",
			"name":        "OAuth Bearer Token",
			"description": "A per-account SCIM token, created by the account's Owner or a platform operator (createScimToken), sent as Authorization: Bearer.",
			"specUri":     "https://www.rfc-editor.org/rfc/rfc6750",
			"primary":     true,
		}},
		"meta": map[string]any{"resourceType": "ServiceProviderConfig", "location": base + "/ServiceProviderConfig"},
	}
}

func resourceTypes(base string) []map[string]any {
	return []map[string]any{
		{
			"schemas": []string{ResourceTypeURN}, "id": "User", "name": "User", "endpoint": "/Users",
			"description": "A member of the account: the platform user the directory provisioned, with what the directory records about them.",
			"schema":      UserURN, "schemaExtensions": []any{},
			"meta": map[string]any{"resourceType": "ResourceType", "location": base + "/ResourceTypes/User"},
		},
		{
			"schemas": []string{ResourceTypeURN}, "id": "Group", "name": "Group", "endpoint": "/Groups",
			"description": "A role of the account (ADMINISTRATOR, FINANCE_MANAGER, USER); its members have that role.",
			"schema":      GroupURN, "schemaExtensions": []any{},
			"meta": map[string]any{"resourceType": "ResourceType", "location": base + "/ResourceTypes/Group"},
		},
	}
}

// attribute is one attribute definition of a schema (RFC 7643 §7).
func attribute(name, typ, description string, opts ...func(map[string]any)) map[string]any {
	a := map[string]any{
		"name": name, "type": typ, "multiValued": false, "description": description, "required": false,
		"mutability": "readWrite", "returned": "default", "uniqueness": "none",
	}
	if typ == "string" || typ == "reference" {
		a["caseExact"] = false
	}
	for _, o := range opts {
		o(a)
	}
	return a
}

func set(key string, v any) func(map[string]any) { return func(a map[string]any) { a[key] = v } }

func sub(attrs ...map[string]any) func(map[string]any) { return set("subAttributes", attrs) }

func schemas(base string) []map[string]any {
	user := map[string]any{
		"schemas": []string{SchemaURN}, "id": UserURN, "name": "User", "description": "A member of the account.",
		"attributes": []map[string]any{
			attribute("userName", "string", "The directory's unique name for the member, unique in the account; their platform email when the directory never set one.",
				set("required", true), set("uniqueness", "server")),
			attribute("name", "complex", "The member's name as the directory gives it.", sub(
				attribute("formatted", "string", "The full name."),
				attribute("familyName", "string", "The family name."),
				attribute("givenName", "string", "The given name."),
			)),
			attribute("displayName", "string", "The name to display; it also renames the platform user while this account is their only one."),
			attribute("active", "boolean", "Whether the membership is ACTIVE: false deactivates the member in the account, true activates them."),
			attribute("emails", "complex", "The member's one email address (type work, primary). The platform user is matched by it on creation; a later change is recorded but does not move the membership to another user.",
				set("multiValued", true), sub(
					attribute("value", "string", "The address."),
					attribute("type", "string", "Always work.", set("canonicalValues", []string{"work"})),
					attribute("primary", "boolean", "Always true."),
				)),
			attribute("groups", "complex", "The group of the member's role (none for the Owner); change it through /Groups.",
				set("multiValued", true), set("mutability", "readOnly"), sub(
					attribute("value", "string", "The group's id: the role.", set("mutability", "readOnly")),
					attribute("$ref", "reference", "The group's URI.", set("mutability", "readOnly"), set("referenceTypes", []string{"Group"})),
					attribute("display", "string", "The group's name.", set("mutability", "readOnly")),
					attribute("type", "string", "Always direct.", set("mutability", "readOnly"), set("canonicalValues", []string{"direct"})),
				)),
		},
		"meta": map[string]any{"resourceType": "Schema", "location": base + "/Schemas/" + UserURN},
	}
	group := map[string]any{
		"schemas": []string{SchemaURN}, "id": GroupURN, "name": "Group", "description": "A role of the account.",
		"attributes": []map[string]any{
			attribute("displayName", "string", "The role's name: ADMINISTRATOR, FINANCE_MANAGER or USER.",
				set("required", true), set("mutability", "readOnly"), set("uniqueness", "server")),
			attribute("members", "complex", "The members with this role; adding gives them the role, removing gives them the account's SCIM default role.",
				set("multiValued", true), sub(
					// Not caseExact (RFC 7643 §8.7.1): an id is a UUID, matched in any case.
					attribute("value", "string", "The member's user id.", set("mutability", "immutable")),
					attribute("$ref", "reference", "The member's URI.", set("mutability", "immutable"), set("referenceTypes", []string{"User"})),
					attribute("display", "string", "The member's userName.", set("mutability", "readOnly")),
					attribute("type", "string", "Always User.", set("mutability", "immutable"), set("canonicalValues", []string{"User"})),
				)),
		},
		"meta": map[string]any{"resourceType": "Schema", "location": base + "/Schemas/" + GroupURN},
	}
	return []map[string]any{user, group}
}

// listResponse wraps resources in a ListResponse (RFC 7644 §3.4.2).
func listResponse(resources []map[string]any, total, startIndex int) map[string]any {
	if resources == nil {
		resources = []map[string]any{}
	}
	return map[string]any{
		"schemas":      []string{ListResponseURN},
		"totalResults": total,
		"startIndex":   startIndex,
		"itemsPerPage": len(resources),
		"Resources":    resources,
	}
}
