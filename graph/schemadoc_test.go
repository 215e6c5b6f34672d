package graph_test

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/graph"
	"github.com/rosterhq/roster/internal/apptest"
)

// introspection asks for every description a client's explorer shows.
const introspection = `{
  __schema {
    queryType { name }
    mutationType { name }
    types {
      name kind description specifiedByURL
      fields(includeDeprecated: true) { name description args { name description } }
      inputFields { name description }
      enumValues(includeDeprecated: true) { name description }
    }
  }
}`

type introspected struct {
	Schema struct {
		QueryType    struct{ Name string } `json:"queryType"`
		MutationType struct{ Name string } `json:"mutationType"`
		Types        []struct {
			Name, Kind, Description string
			SpecifiedByURL          *string `json:"specifiedByURL"`
			Fields                  []struct {
				Name, Description string
				Args              []struct{ Name, Description string }
			}
			InputFields []struct{ Name, Description string } `json:"inputFields"`
			EnumValues  []struct{ Name, Description string } `json:"enumValues"`
		}
	} `json:"__schema"`
}

// builtIn are the types the GraphQL specification defines.
var builtIn = map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}

func introspect(t *testing.T) introspected {
	t.Helper()
	env := apptest.New(t)
	r := env.Anon().Do(introspection, nil).Must()
	raw, err := json.Marshal(r.Data)
	require.NoError(t, err)
	var out introspected
	require.NoError(t, json.Unmarshal(raw, &out))
	require.NotEmpty(t, out.Schema.Types)
	return out
}

// TestSchema_EveryElementDescribed fails on any type, field, argument, input
// field or enum value that the served schema leaves undescribed, on any
// custom scalar without a specifiedByURL, and on any root field whose
// description does not say who may use it.
func TestSchema_EveryElementDescribed(t *testing.T) {
	t.Parallel()
	s := introspect(t)
	var missing []string
	blank := func(d string) bool { return strings.TrimSpace(d) == "" }
	for _, typ := range s.Schema.Types {
		if strings.HasPrefix(typ.Name, "__") || builtIn[typ.Name] {
			continue
		}
		if blank(typ.Description) {
			missing = append(missing, typ.Name)
		}
		if typ.Kind == "SCALAR" && (typ.SpecifiedByURL == nil || blank(*typ.SpecifiedByURL)) {
			missing = append(missing, typ.Name+" (specifiedByURL)")
		}
		root := typ.Name == s.Schema.QueryType.Name || typ.Name == s.Schema.MutationType.Name
		for _, f := range typ.Fields {
			if blank(f.Description) {
				missing = append(missing, typ.Name+"."+f.Name)
			}
			if root && !strings.Contains(f.Description, graph.AccessPrefix) {
				missing = append(missing, typ.Name+"."+f.Name+" (access sentence)")
			}
			for _, a := range f.Args {
				if blank(a.Description) {
					missing = append(missing, typ.Name+"."+f.Name+"("+a.Name+")")
				}
			}
		}
		for _, f := range typ.InputFields {
			if blank(f.Description) {
				missing = append(missing, typ.Name+"."+f.Name)
			}
		}
		for _, v := range typ.EnumValues {
			if blank(v.Description) {
				missing = append(missing, typ.Name+"."+v.Name)
			}
		}
	}
	sort.Strings(missing)
	require.Empty(t, missing, "undescribed schema elements (%d)", len(missing))
}

func TestSchema_AccessSentences(t *testing.T) {
	t.Parallel()
	s := introspect(t)
	descriptions := map[string]string{}
	for _, typ := range s.Schema.Types {
		for _, f := range typ.Fields {
			descriptions[typ.Name+"."+f.Name] = f.Description
		}
	}
	for _, tc := range []struct{ field, want string }{
		{"Query.users", "Access: platform operators only."},
		{"Query.viewer", "Access: anyone, signed in or not."},
		{"Query.accounts", "Access: any signed-in user"},
		{"Mutation.transferOwnership", "Access: ACTIVE members of the account given by accountId whose role holds TRANSFER_OWNERSHIP (OWNER), and platform operators."},
		{"Query.account", "Access: ACTIVE members of the account given by id whose role holds READ_ACCOUNT (OWNER, ADMINISTRATOR, FINANCE_MANAGER), and platform operators."},
		{"Account.members", "Access: ACTIVE members of this account whose role holds READ_ACCOUNT"},
	} {
		require.Contains(t, descriptions[tc.field], tc.want, tc.field)
		require.Equal(t, 1, strings.Count(descriptions[tc.field], graph.AccessPrefix), "%s: one access sentence", tc.field)
	}
}
