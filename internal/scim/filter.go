package scim

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"
	filter "github.com/scim2/filter-parser/v2"

	"github.com/rosterhq/roster/internal/user"
)

// MaxFilterLength bounds the filter parameter, in bytes.
const MaxFilterLength = 2000

// maxFilterTerms bounds the comparisons of one filter.
const maxFilterTerms = 40

// kind is the type of an attribute as the filter compares it.
type kind int

const (
	// kindText is a string compared case-insensitively (caseExact false).
	kindText kind = iota
	// kindExact is a string compared case-sensitively (caseExact true).
	kindExact
	// kindBool is a boolean (eq and ne only).
	kindBool
	// kindTime is a dateTime (RFC 3339).
	kindTime
	// kindID is a user id, a UUID (eq and ne only).
	kindID
)

// column is one filterable attribute: its SQL expression over the
// resource's query, or a renderer of its own.
type column struct {
	kind kind
	expr string
	// lookup, when set, renders "eq" (sqlOp "=") and, for kindText, co, sw
	// and ew (sqlOp "LIKE") as an index lookup of the matching user ids;
	// param is the value as stored (lower-cased, or a LIKE pattern).
	lookup func(q *sqlFilter, sqlOp, param string) string
	// render, when set, renders every operator.
	render func(q *sqlFilter, op filter.CompareOperator, value any) (string, error)
	// own is set when expr reads the membership m alone (not users u or
	// scim_identities si), as lookup and render always do.
	own bool
}

// sqlFilter turns a parsed SCIM filter into a parameterised SQL condition.
// args[0] ($1) is always the account's id.
type sqlFilter struct {
	columns map[string]column
	// core is the resource's core schema URN, accepted as an attribute prefix.
	core  string
	args  []any
	terms int
	// joined is set when the condition reads users u or scim_identities si:
	// without it, the condition applies to memberships m alone.
	joined bool
}

func (q *sqlFilter) arg(v any) string {
	q.args = append(q.args, v)
	return fmt.Sprintf("$%d", len(q.args))
}

// valuePathSuffix matches a value path followed by a sub-attribute and a
// comparison (emails[type eq "work"].value eq "x"), which RFC 7644's
// grammar leaves out of filters but directories send; it is read as
// (emails[type eq "work"] and emails[value eq "x"]), the same on these
// resources, whose members hold one value of each multi-valued attribute
// (emails, groups).
var valuePathSuffix = regexp.MustCompile(`([A-Za-z][\w$-]*)\[([^\[\]]*)\]\.([A-Za-z][\w$-]*)(\s+(?i:eq|ne|co|sw|ew|gt|lt|ge|le)\s+(?:"(?:[^"\\]|\\.)*"|true|false|null|[-+0-9.eE]+)|\s+(?i:pr))`)

// translate parses a filter and returns its SQL condition and arguments
// (the account's id first). It returns an invalidFilter error for a filter
// that does not parse, is too long or too complex, names an attribute the
// resource does not filter on, or compares it in a way its type does not allow.
func translate(columns map[string]column, core, raw string, accountID uuid.UUID) (string, []any, error) {
	q, sql, err := parseFilter(columns, core, raw, accountID)
	if err != nil {
		return "", nil, err
	}
	return sql, q.args, nil
}

// parseFilter is translate, also returning the sqlFilter (its args, and
// whether the condition reads beyond the membership).
func parseFilter(columns map[string]column, core, raw string, accountID uuid.UUID) (*sqlFilter, string, error) {
	if len(raw) > MaxFilterLength {
		return nil, "", errf(400, "invalidFilter", "The filter is longer than %d bytes.", MaxFilterLength)
	}
	raw = valuePathSuffix.ReplaceAllString(raw, "($1[$2] and $1[$3$4])")
	expr, err := filter.ParseFilter([]byte(raw))
	if err != nil {
		return nil, "", errf(400, "invalidFilter", "The filter is not valid RFC 7644 filter syntax (%s).", shorten(err.Error()))
	}
	q := &sqlFilter{columns: columns, core: strings.ToLower(core), args: []any{accountID}}
	sql, err := q.expr(expr, "")
	if err != nil {
		return nil, "", err
	}
	return q, sql, nil
}

func shorten(s string) string {
	if len(s) > 120 {
		return strings.ToValidUTF8(s[:120], "") + "…"
	}
	return strings.ToValidUTF8(s, "")
}

func (q *sqlFilter) expr(e filter.Expression, prefix string) (string, error) {
	switch e := e.(type) {
	case *filter.LogicalExpression:
		l, err := q.expr(e.Left, prefix)
		if err != nil {
			return "", err
		}
		r, err := q.expr(e.Right, prefix)
		if err != nil {
			return "", err
		}
		op := "AND"
		if strings.EqualFold(string(e.Operator), "or") {
			op = "OR"
		}
		return "(" + l + " " + op + " " + r + ")", nil
	case *filter.NotExpression:
		inner, err := q.expr(e.Expression, prefix)
		if err != nil {
			return "", err
		}
		return "(NOT " + inner + ")", nil
	case *filter.ValuePath:
		if prefix != "" {
			return "", errf(400, "invalidFilter", "A value filter cannot hold another one.")
		}
		name, err := q.name(e.AttributePath.URI(), e.AttributePath.AttributeName, e.AttributePath.SubAttributeName())
		if err != nil {
			return "", err
		}
		// Every multi-valued attribute of these resources holds at most one
		// value per row, or is rendered per value (members): the value
		// filter is the conjunction of its parts on that value.
		return q.expr(e.ValueFilter, name+".")
	case *filter.AttributeExpression:
		q.terms++
		if q.terms > maxFilterTerms {
			return "", errf(400, "invalidFilter", "The filter has more than %d comparisons.", maxFilterTerms)
		}
		name, err := q.name(e.AttributePath.URI(), e.AttributePath.AttributeName, e.AttributePath.SubAttributeName())
		if err != nil {
			return "", err
		}
		return q.compare(prefix+name, e.Operator, e.CompareValue)
	}
	return "", errf(400, "invalidFilter", "Unsupported filter expression.")
}

// name returns the lower-case dotted name of an attribute path, accepting
// the resource's core schema URN as a prefix.
func (q *sqlFilter) name(uri, attr, sub string) (string, error) {
	if uri != "" && strings.ToLower(uri) != q.core {
		return "", errf(400, "invalidFilter", "The filter names an attribute of schema %q, which this resource does not filter on.", uri)
	}
	name := strings.ToLower(attr)
	if sub != "" {
		name += "." + strings.ToLower(sub)
	}
	return name, nil
}

func (q *sqlFilter) compare(name string, op filter.CompareOperator, value any) (string, error) {
	col, ok := q.columns[name]
	if !ok {
		// A multi-valued attribute alone means its "value" sub-attribute.
		col, ok = q.columns[name+".value"]
	}
	if !ok {
		return "", errf(400, "invalidFilter", "This resource cannot be filtered on %q.", name)
	}
	op = filter.CompareOperator(strings.ToLower(string(op)))
	if s, isString := value.(string); isString {
		// The parser leaves string escapes as written: read them as JSON does.
		var unquoted string
		if err := json.Unmarshal([]byte(`"`+s+`"`), &unquoted); err != nil {
			return "", errf(400, "invalidFilter", "The string %q has a malformed escape.", shorten(s))
		}
		if strings.ContainsRune(unquoted, 0) {
			// PostgreSQL text cannot hold NUL, so no stored value has one.
			return "", errf(400, "invalidFilter", "The string %q holds a NUL character (\\u0000).", shorten(s))
		}
		value = unquoted
	}
	if col.render != nil {
		return col.render(q, op, value)
	}
	usesLookup := col.lookup != nil && (op == filter.EQ || (col.kind == kindText && (op == filter.SW || op == filter.CO || op == filter.EW)))
	if !col.own && !usesLookup {
		q.joined = true
	}
	if op == filter.PR {
		if col.kind == kindText || col.kind == kindExact {
			return fmt.Sprintf("coalesce(%s <> '', false)", col.expr), nil
		}
		return fmt.Sprintf("(%s IS NOT NULL)", col.expr), nil
	}
	bad := func(want string) error {
		return errf(400, "invalidFilter", "%s %s needs %s.", name, op, want)
	}
	switch col.kind {
	case kindBool:
		b, ok := value.(bool)
		if !ok || (op != filter.EQ && op != filter.NE) {
			return "", bad("eq or ne with true or false")
		}
		return fmt.Sprintf("coalesce(%s %s %s, false)", col.expr, sqlOp(op), q.arg(b)), nil
	case kindID:
		s, ok := value.(string)
		if !ok || (op != filter.EQ && op != filter.NE) {
			return "", bad("eq or ne with an id")
		}
		id, err := uuid.Parse(s)
		if err != nil { // no resource has such an id
			return map[filter.CompareOperator]string{filter.EQ: "FALSE", filter.NE: "TRUE"}[op], nil
		}
		return fmt.Sprintf("(%s %s %s)", col.expr, sqlOp(op), q.arg(id)), nil
	case kindTime:
		s, ok := value.(string)
		t, err := time.Parse(time.RFC3339Nano, s)
		if !ok || err != nil || op == filter.CO || op == filter.SW || op == filter.EW {
			return "", bad("a comparison with an RFC 3339 date and time")
		}
		return fmt.Sprintf("coalesce(%s %s %s, false)", col.expr, sqlOp(op), q.arg(t)), nil
	}
	s, ok := value.(string)
	if !ok {
		return "", bad("a string")
	}
	expr, param := col.expr, s
	if col.kind == kindText {
		expr, param = "lower("+col.expr+")", strings.ToLower(s)
	}
	if col.lookup != nil {
		switch {
		case op == filter.EQ:
			return col.lookup(q, "=", param), nil
		case col.kind == kindText && op == filter.SW:
			return col.lookup(q, "LIKE", escapeLike(param)+"%"), nil
		case col.kind == kindText && op == filter.CO:
			return col.lookup(q, "LIKE", "%"+escapeLike(param)+"%"), nil
		case col.kind == kindText && op == filter.EW:
			return col.lookup(q, "LIKE", "%"+escapeLike(param)), nil
		}
	}
	switch op {
	case filter.CO:
		return fmt.Sprintf("coalesce(%s LIKE %s, false)", expr, q.arg("%"+escapeLike(param)+"%")), nil
	case filter.SW:
		return fmt.Sprintf("coalesce(%s LIKE %s, false)", expr, q.arg(escapeLike(param)+"%")), nil
	case filter.EW:
		return fmt.Sprintf("coalesce(%s LIKE %s, false)", expr, q.arg("%"+escapeLike(param))), nil
	case filter.NE:
		// An absent value is not equal to any value.
		return fmt.Sprintf("coalesce(%s <> %s, true)", expr, q.arg(param)), nil
	}
	return fmt.Sprintf("coalesce(%s %s %s, false)", expr, sqlOp(op), q.arg(param)), nil
}

func sqlOp(op filter.CompareOperator) string {
	return map[filter.CompareOperator]string{filter.EQ: "=", filter.NE: "<>", filter.GT: ">", filter.GE: ">=", filter.LT: "<", filter.LE: "<="}[op]
}

// escapeLike escapes LIKE's wildcards (the default escape character is \).
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// normalizeEmailArg returns an address as stored: normalised when it is
// one, else lower-cased (then it matches nothing stored, as it should).
func normalizeEmailArg(s string) string {
	if e, err := user.NormalizeEmail(s); err == nil {
		return e
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// identityOrEmail looks up an attribute that is the directory's own value
// (the identity column col: user_name or email) for the members it
// provisioned, and the platform email for the others, as two index lookups
// (B-tree for "=", trigram for LIKE).
func identityOrEmail(col string) func(q *sqlFilter, sqlOp, param string) string {
	return func(q *sqlFilter, sqlOp, param string) string {
		if col == "email" && sqlOp == "=" {
			param = normalizeEmailArg(param)
		}
		p := q.arg(param)
		sel := "lower(s.user_name) " + sqlOp + " " + p
		if col == "email" {
			sel = "s.email " + sqlOp + " " + p
		}
		return `m.user_id IN (SELECT s.user_id FROM scim_identities s WHERE s.account_id = $1 AND ` + sel + `
			UNION ALL SELECT m2.user_id FROM memberships m2 WHERE m2.account_id = $1 AND m2.sort_email ` + sqlOp + ` ` + p + `
			AND NOT EXISTS (SELECT 1 FROM scim_identities s2 WHERE s2.account_id = $1 AND s2.user_id = m2.user_id))`
	}
}

// externalIDEq looks up externalId eq in its unique index.
func externalIDEq(q *sqlFilter, sqlOp, param string) string {
	return `m.user_id IN (SELECT s.user_id FROM scim_identities s WHERE s.account_id = $1 AND s.external_id = ` + q.arg(param) + `)`
}

// userColumns are the User attributes a filter may name (lower-case dotted
// names), over memberships m, users u and scim_identities si.
var userColumns = map[string]column{
	"id":                {kind: kindID, expr: "m.user_id", own: true},
	"username":          {kind: kindText, expr: "coalesce(si.user_name, u.email)", lookup: identityOrEmail("user_name")},
	"externalid":        {kind: kindExact, expr: "si.external_id", lookup: externalIDEq},
	"displayname":       {kind: kindText, expr: "CASE WHEN si.user_id IS NULL THEN nullif(u.name, '') ELSE si.display_name END"},
	"name.formatted":    {kind: kindText, expr: "CASE WHEN si.user_id IS NULL THEN nullif(u.name, '') ELSE si.formatted_name END"},
	"name.givenname":    {kind: kindText, expr: "si.given_name"},
	"name.familyname":   {kind: kindText, expr: "si.family_name"},
	"emails.value":      {kind: kindText, expr: "coalesce(si.email, u.email)", lookup: identityOrEmail("email")},
	"emails.type":       {kind: kindText, expr: "'work'", own: true},
	"emails.primary":    {kind: kindBool, expr: "TRUE", own: true},
	"active":            {kind: kindBool, expr: "(m.status = 'ACTIVE')", own: true},
	"meta.created":      {kind: kindTime, expr: "m.created_at", own: true},
	"meta.lastmodified": {kind: kindTime, expr: lastModifiedSQL},
	"groups.value":      {render: roleFilter("m.role")},
	"groups.display":    {render: roleFilter("m.role")},
}

// lastModifiedSQL is a member's meta.lastModified.
const lastModifiedSQL = "greatest(m.created_at, m.status_changed_at, si.updated_at)"

// roleFilter renders comparisons of a group's id or name, which is the
// role's name, with expr.
func roleFilter(expr string) func(q *sqlFilter, op filter.CompareOperator, value any) (string, error) {
	return func(q *sqlFilter, op filter.CompareOperator, value any) (string, error) {
		if op == filter.PR {
			return fmt.Sprintf("(%s <> 'OWNER')", expr), nil
		}
		s, ok := value.(string)
		if !ok {
			return "", errf(400, "invalidFilter", "A group is compared with a string.")
		}
		s = strings.ToUpper(s)
		switch op {
		case filter.EQ:
			return fmt.Sprintf("(%s = %s AND %s <> 'OWNER')", expr, q.arg(s), expr), nil
		case filter.NE:
			return fmt.Sprintf("(%s <> %s AND %s <> 'OWNER')", expr, q.arg(s), expr), nil
		case filter.SW:
			return fmt.Sprintf("(%s LIKE %s AND %s <> 'OWNER')", expr, q.arg(escapeLike(s)+"%"), expr), nil
		case filter.CO:
			return fmt.Sprintf("(%s LIKE %s AND %s <> 'OWNER')", expr, q.arg("%"+escapeLike(s)+"%"), expr), nil
		case filter.EW:
			return fmt.Sprintf("(%s LIKE %s AND %s <> 'OWNER')", expr, q.arg("%"+escapeLike(s)), expr), nil
		}
		return "", errf(400, "invalidFilter", "A group is compared with eq, ne, co, sw, ew or pr.")
	}
}

// groupColumns are the Group attributes a filter may name, over the
// groups g(role).
var groupColumns = map[string]column{
	"id":          {render: roleFilter("g.role")},
	"displayname": {render: roleFilter("g.role")},
	"members.value": {render: func(q *sqlFilter, op filter.CompareOperator, value any) (string, error) {
		if op == filter.PR {
			return "EXISTS (SELECT 1 FROM memberships mm WHERE mm.account_id = $1 AND mm.role = g.role)", nil
		}
		s, ok := value.(string)
		if !ok || (op != filter.EQ && op != filter.NE) {
			return "", errf(400, "invalidFilter", "members.value is compared with eq or ne and a user id.")
		}
		id, err := uuid.Parse(s)
		if err != nil {
			return map[filter.CompareOperator]string{filter.EQ: "FALSE", filter.NE: "TRUE"}[op], nil
		}
		in := "EXISTS (SELECT 1 FROM memberships mm WHERE mm.account_id = $1 AND mm.role = g.role AND mm.user_id = " + q.arg(id) + ")"
		if op == filter.NE {
			return "(NOT " + in + ")", nil
		}
		return in, nil
	}},
}
