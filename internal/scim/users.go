package scim

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	filter "github.com/scim2/filter-parser/v2"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/notify"
	"github.com/rosterhq/roster/internal/user"
)

// Patch operations (RFC 7644 §3.5.2), compared case-insensitively: Entra ID
// sends "Replace" and "Add".
const (
	opAdd     = "add"
	opReplace = "replace"
	opRemove  = "remove"
)

// maxOperations bounds the operations of one PATCH request.
const maxOperations = 100

// ignoredUserAttributes are attributes of the core User schema that Roster
// does not keep: accepted and dropped, so that a directory's default
// mappings (title, phoneNumbers, addresses, …) do not fail provisioning.
// Passwords are never taken over SCIM.
var ignoredUserAttributes = []string{"nickname", "profileurl", "title", "usertype", "preferredlanguage", "locale", "timezone",
	"password", "phonenumbers", "ims", "photos", "addresses", "entitlements", "roles", "x509certificates"}

// ignoredSchema reports whether uri is a schema whose attributes Roster
// accepts and drops: the enterprise user extension and any other extension.
func ignoredSchema(uri string) bool {
	return strings.HasPrefix(strings.ToLower(uri), "urn:ietf:params:scim:schemas:extension:")
}

func invalidPath(format string, args ...any) *Error {
	return errf(http.StatusBadRequest, "invalidPath", format, args...)
}

func invalidValue(format string, args ...any) *Error {
	return errf(http.StatusBadRequest, "invalidValue", format, args...)
}

func mutability(format string, args ...any) *Error {
	return errf(http.StatusBadRequest, "mutability", format, args...)
}

// applyObject applies a value object: a POST or PUT body, or the value of a
// PATCH operation without a path, each member an attribute path.
func (st *userState) applyObject(op string, obj map[string]any) error {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	// "name" before "name.givenName": the finer path wins.
	sort.Slice(keys, func(i, j int) bool { return strings.ToLower(keys[i]) < strings.ToLower(keys[j]) })
	for _, k := range keys {
		v, lk := obj[k], strings.ToLower(k)
		switch {
		case lk == "schemas" || lk == "meta" || lk == "id" || lk == "groups":
			// Read-only, or the resource's own (Okta sends its id back).
			continue
		case lk == strings.ToLower(UserURN):
			inner, ok := v.(map[string]any)
			if !ok {
				return invalidValue("%s holds an object of User attributes.", UserURN)
			}
			if err := st.applyObject(op, inner); err != nil {
				return err
			}
			continue
		case ignoredSchema(lk):
			continue
		}
		p, err := filter.ParsePath([]byte(k))
		if err != nil {
			return invalidPath("%q is not an attribute path.", shorten(k))
		}
		if err := st.applyPath(op, p, v); err != nil {
			return err
		}
	}
	return nil
}

// applyPath applies one operation on an attribute path.
func (st *userState) applyPath(op string, p filter.Path, value any) error {
	if uri := p.AttributePath.URI(); uri != "" {
		switch {
		case ignoredSchema(uri):
			return nil
		case !strings.EqualFold(uri, UserURN):
			return invalidPath("Users have no attributes of schema %q.", uri)
		}
	}
	attr := strings.ToLower(p.AttributePath.AttributeName)
	sub := strings.ToLower(p.AttributePath.SubAttributeName())
	simple := sub == "" && p.ValueExpression == nil && p.SubAttribute == nil
	switch attr {
	case "username":
		if !simple {
			return invalidPath("userName has no sub-attributes.")
		}
		if op == opRemove {
			return mutability("userName is required; replace it instead of removing it.")
		}
		s, ok := value.(string)
		if !ok || strings.TrimSpace(s) == "" {
			return invalidValue("userName is a non-empty string.")
		}
		st.UserName = strings.TrimSpace(s)
	case "externalid", "displayname":
		if !simple {
			return invalidPath("%s has no sub-attributes.", p.AttributePath.AttributeName)
		}
		s, err := optionalString(attr, op, value)
		if err != nil {
			return err
		}
		if attr == "externalid" {
			st.ExternalID = s
		} else {
			st.DisplayName = s
		}
	case "name":
		if p.ValueExpression != nil || p.SubAttribute != nil {
			return invalidPath("name is a single complex attribute.")
		}
		if sub != "" {
			return st.setName(sub, op, value)
		}
		if op == opRemove {
			st.GivenName, st.FamilyName, st.Formatted = nil, nil, nil
			return nil
		}
		if value == nil {
			return nil
		}
		obj, ok := value.(map[string]any)
		if !ok {
			return invalidValue("name is an object (givenName, familyName, formatted).")
		}
		for k, v := range obj {
			if err := st.setName(strings.ToLower(k), op, v); err != nil {
				return err
			}
		}
	case "active":
		if !simple {
			return invalidPath("active has no sub-attributes.")
		}
		if op == opRemove {
			return mutability("active cannot be removed; replace it with true or false.")
		}
		b, err := boolValue(value)
		if err != nil {
			return err
		}
		st.Active = b
	case "emails":
		return st.setEmails(op, p, value)
	case "id", "meta", "groups":
		return mutability("%s is read-only here (group membership changes through /Groups).", p.AttributePath.AttributeName)
	default:
		if slices.Contains(ignoredUserAttributes, attr) {
			return nil
		}
		return invalidPath("Users have no attribute %q.", p.AttributePath.AttributeName)
	}
	return nil
}

func (st *userState) setName(sub, op string, value any) error {
	var target **string
	switch sub {
	case "givenname":
		target = &st.GivenName
	case "familyname":
		target = &st.FamilyName
	case "formatted":
		target = &st.Formatted
	case "middlename", "honorificprefix", "honorificsuffix":
		return nil // not kept
	default:
		return invalidPath("name has no sub-attribute %q.", sub)
	}
	s, err := optionalString("name."+sub, op, value)
	if err != nil {
		return err
	}
	*target = s
	return nil
}

// optionalString reads the value of a string attribute that may be absent:
// null, an empty string and a removal clear it.
func optionalString(name, op string, value any) (*string, error) {
	if op == opRemove || value == nil {
		return nil, nil
	}
	s, ok := value.(string)
	if !ok {
		return nil, invalidValue("%s is a string.", name)
	}
	if s = strings.TrimSpace(s); s == "" {
		return nil, nil
	}
	return &s, nil
}

// boolValue reads a boolean, also given as the string "True" or "False" in
// any case (Entra ID sends active that way).
func boolValue(v any) (bool, error) {
	switch v := v.(type) {
	case bool:
		return v, nil
	case string:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	}
	return false, invalidValue("active is true or false.")
}

// setEmails applies an operation on emails. A member has one email, of type
// "work" and primary: the address their platform user was matched by, as
// the directory last gave it.
func (st *userState) setEmails(op string, p filter.Path, value any) error {
	sub := strings.ToLower(p.AttributePath.SubAttributeName())
	if p.ValueExpression != nil {
		ok, err := matchesEmail(p.ValueExpression, st.Email)
		if err != nil {
			return err
		}
		if !ok {
			if op == opAdd {
				return nil // another address: not kept
			}
			return errf(http.StatusBadRequest, "noTarget", "No email matches %s.", p.String())
		}
		sub = strings.ToLower(p.SubAttributeName())
	}
	if op == opRemove {
		return mutability("A member's email cannot be removed: it identifies their user. Replace it, or delete the user.")
	}
	switch sub {
	case "value":
		return st.setEmail(value)
	case "type", "primary", "display":
		return nil
	case "":
	default:
		return invalidPath("emails have no sub-attribute %q.", sub)
	}
	if p.ValueExpression != nil {
		// emails[type eq "work"] with an email object as value.
		obj, ok := value.(map[string]any)
		if !ok {
			return invalidValue("The value of %s is an email object.", p.String())
		}
		return st.setEmail(lowerKeys(obj)["value"])
	}
	var list []any
	switch v := value.(type) {
	case []any:
		list = v
	case map[string]any:
		list = []any{v}
	default:
		return invalidValue("emails is a list of email objects.")
	}
	if len(list) == 0 {
		if op == opAdd {
			return nil
		}
		return mutability("A member keeps one email; give it rather than an empty list.")
	}
	return st.setEmail(pickEmail(list))
}

// pickEmail returns the value of the primary email of a list, else of the
// work one, else of the first.
func pickEmail(list []any) any {
	var work, first any
	for i, e := range list {
		obj, ok := e.(map[string]any)
		if !ok {
			continue
		}
		obj = lowerKeys(obj)
		if i == 0 || first == nil {
			first = obj["value"]
		}
		if b, _ := boolValue(obj["primary"]); b {
			return obj["value"]
		}
		if t, _ := obj["type"].(string); strings.EqualFold(t, "work") && work == nil {
			work = obj["value"]
		}
	}
	if work != nil {
		return work
	}
	return first
}

func (st *userState) setEmail(v any) error {
	s, ok := v.(string)
	if !ok {
		return invalidValue("An email's value is an address.")
	}
	e, err := user.NormalizeEmail(s)
	if err != nil {
		return invalidValue("%s", apperr.As(err).Message)
	}
	st.Email = e
	return nil
}

// matchesEmail evaluates a value filter (type, primary, value) on the one
// email a member has.
func matchesEmail(e filter.Expression, email string) (bool, error) {
	switch e := e.(type) {
	case *filter.LogicalExpression:
		l, err := matchesEmail(e.Left, email)
		if err != nil {
			return false, err
		}
		r, err := matchesEmail(e.Right, email)
		if strings.EqualFold(string(e.Operator), "or") {
			return l || r, err
		}
		return l && r, err
	case *filter.NotExpression:
		ok, err := matchesEmail(e.Expression, email)
		return !ok, err
	case *filter.AttributeExpression:
		var have any
		switch strings.ToLower(e.AttributePath.AttributeName) {
		case "type":
			have = "work"
		case "primary":
			have = true
		case "value":
			have = email
		default:
			return false, invalidPath("An email filter compares type, primary or value.")
		}
		op := strings.ToLower(string(e.Operator))
		if op == "pr" {
			return true, nil
		}
		if op != "eq" && op != "ne" {
			return false, invalidPath("An email filter compares with eq, ne or pr.")
		}
		want := e.CompareValue
		if s, ok := want.(string); ok {
			if hs, ok := have.(string); ok {
				want, have = strings.ToLower(s), strings.ToLower(hs)
			}
		}
		return (want == have) == (op == "eq"), nil
	}
	return false, invalidPath("Unsupported email filter.")
}

func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

// validate checks the state a request leads to.
func (st *userState) validate() error {
	if n := utf8.RuneCountInString(st.UserName); n == 0 || n > 256 || user.HasInvisible(st.UserName) {
		return invalidValue("userName has 1 to 256 characters, without control characters.")
	}
	if st.Email == "" {
		return invalidValue("A user needs an email address: give emails, or a userName that is one.")
	}
	if st.ExternalID != nil && (utf8.RuneCountInString(*st.ExternalID) > 256 || user.HasInvisible(*st.ExternalID)) {
		return invalidValue("externalId has at most 256 characters, without control characters.")
	}
	for name, v := range map[string]*string{"displayName": st.DisplayName, "name.givenName": st.GivenName,
		"name.familyName": st.FamilyName, "name.formatted": st.Formatted} {
		if v != nil && (utf8.RuneCountInString(*v) > 200 || user.HasInvisible(*v)) {
			return invalidValue("%s has at most 200 characters, without control characters.", name)
		}
	}
	return nil
}

// platformName is the name the directory gives the person: displayName,
// else name.formatted, else given and family name; empty when none.
func (st *userState) platformName() string {
	switch {
	case st.DisplayName != nil:
		return *st.DisplayName
	case st.Formatted != nil:
		return *st.Formatted
	}
	var parts []string
	for _, p := range []*string{st.GivenName, st.FamilyName} {
		if p != nil {
			parts = append(parts, *p)
		}
	}
	return strings.Join(parts, " ")
}

// decodeObject reads a JSON object body, numbers as json.Number.
func decodeObject(r *http.Request) (map[string]any, error) {
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	var body map[string]any
	if err := dec.Decode(&body); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, errf(http.StatusRequestEntityTooLarge, "", "The request body is larger than %d bytes.", tooBig.Limit)
		}
		return nil, errf(http.StatusBadRequest, "invalidSyntax", "The body is not a JSON object.")
	}
	if body == nil {
		return nil, errf(http.StatusBadRequest, "invalidSyntax", "The body is not a JSON object.")
	}
	return body, nil
}

// requireSchema checks that a body's schemas name urn.
func requireSchema(body map[string]any, urn string) error {
	for k, v := range body {
		if !strings.EqualFold(k, "schemas") {
			continue
		}
		list, _ := v.([]any)
		for _, s := range list {
			if s, ok := s.(string); ok && strings.EqualFold(s, urn) {
				return nil
			}
		}
	}
	return errf(http.StatusBadRequest, "invalidSyntax", "The body's schemas must include %s.", urn)
}

// createUser provisions a member: the platform user of the request's email
// (created, without a password, when there is none) joins the account with
// its SCIM default role, and the directory's record of them is kept. The
// answer is the same whether or not the address had a user already.
func (s *Service) createUser(ctx context.Context, tok *Token, body map[string]any) (userState, error) {
	if err := requireSchema(body, UserURN); err != nil {
		return userState{}, err
	}
	st := userState{Active: true}
	if err := st.applyObject(opReplace, body); err != nil {
		return userState{}, err
	}
	if st.Email == "" && st.UserName != "" {
		if e, err := user.NormalizeEmail(st.UserName); err == nil {
			st.Email = e
		}
	}
	if err := st.validate(); err != nil {
		return userState{}, err
	}
	var out userState
	err := s.Members.InDirectory(ctx, member.DirectoryActor(tok.AccountID, tok.ID), func(d *member.DirectoryTx) error {
		tx, acct := d.Tx(), d.Account()
		if err := checkUnique(ctx, tx, acct.ID, uuid.Nil, st); err != nil {
			return err
		}
		u, _, err := user.ByEmail(ctx, tx, st.Email)
		if errors.Is(err, user.ErrNotFound) {
			name := ""
			if n, err := user.NormalizeName(st.platformName()); err == nil {
				name = n
			}
			u, err = user.Create(ctx, tx, st.Email, name, "", false)
		}
		if err != nil {
			return err
		}
		details := map[string]any{"userName": st.UserName}
		if st.ExternalID != nil {
			details["externalId"] = *st.ExternalID
		}
		status := member.StatusActive
		if !st.Active {
			status = member.StatusInactive
		}
		if _, err := d.Join(ctx, u.ID, member.Role(acct.ScimDefaultRole), status, details); err != nil {
			return err
		}
		st.ID = u.ID
		if err := saveIdentity(ctx, tx, acct.ID, st); err != nil {
			return err
		}
		out, err = getUser(ctx, tx, acct.ID, u.ID)
		return err
	})
	return out, err
}

// checkUnique returns a uniqueness error when another member of the account
// than self has st's userName (theirs, or their email when the directory
// has no record of them) or externalId.
func checkUnique(ctx context.Context, tx pgx.Tx, accountID, self uuid.UUID, st userState) error {
	q := &sqlFilter{args: []any{accountID}}
	cond := userColumns["username"].lookup(q, "=", strings.ToLower(st.UserName))
	var taken bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = $1 AND m.user_id <> `+q.arg(self)+` AND `+cond+`)`,
		q.args...).Scan(&taken); err != nil {
		return err
	}
	if taken {
		return errf(http.StatusConflict, "uniqueness", "Another member of this account has userName %q.", st.UserName)
	}
	if st.ExternalID == nil {
		return nil
	}
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM scim_identities WHERE account_id = $1 AND external_id = $2 AND user_id <> $3)`,
		accountID, *st.ExternalID, self).Scan(&taken); err != nil {
		return err
	}
	if taken {
		return errf(http.StatusConflict, "uniqueness", "Another member of this account has externalId %q.", *st.ExternalID)
	}
	return nil
}

func saveIdentity(ctx context.Context, tx pgx.Tx, accountID uuid.UUID, st userState) error {
	_, err := tx.Exec(ctx, `INSERT INTO scim_identities AS si (account_id, user_id, user_name, external_id, email,
			given_name, family_name, formatted_name, display_name)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (account_id, user_id) DO UPDATE SET user_name = EXCLUDED.user_name, external_id = EXCLUDED.external_id,
			email = EXCLUDED.email, given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
			formatted_name = EXCLUDED.formatted_name, display_name = EXCLUDED.display_name, updated_at = now()`,
		accountID, st.ID, st.UserName, st.ExternalID, st.Email, st.GivenName, st.FamilyName, st.Formatted, st.DisplayName)
	return err
}

// recordDiff returns the directory's attributes that differ between a and
// b, as before and after maps.
func recordDiff(a, b userState) (before, after map[string]any) {
	before, after = map[string]any{}, map[string]any{}
	str := func(p *string) any {
		if p == nil {
			return nil
		}
		return *p
	}
	for _, f := range []struct {
		name string
		a, b any
	}{
		{"userName", a.UserName, b.UserName},
		{"externalId", str(a.ExternalID), str(b.ExternalID)},
		{"email", a.Email, b.Email},
		{"givenName", str(a.GivenName), str(b.GivenName)},
		{"familyName", str(a.FamilyName), str(b.FamilyName)},
		{"formatted", str(a.Formatted), str(b.Formatted)},
		{"displayName", str(a.DisplayName), str(b.DisplayName)},
	} {
		if f.a != f.b {
			before[f.name], after[f.name] = f.a, f.b
		}
	}
	return before, after
}

// update changes a member from cur to next in d: the directory's record
// (audited as member.directory_updated), the platform user's name where the
// account is their only one, then the status through the panel's own rules.
func (s *Service) update(ctx context.Context, d *member.DirectoryTx, cur, next userState) (userState, []notify.Warning, error) {
	if err := next.validate(); err != nil {
		return userState{}, nil, err
	}
	tx, acct := d.Tx(), d.Account()
	tokenID := d.Actor().Directory.TokenID
	if before, after := recordDiff(cur, next); len(after) > 0 {
		if err := checkUnique(ctx, tx, acct.ID, cur.ID, next); err != nil {
			return userState{}, nil, err
		}
		if err := saveIdentity(ctx, tx, acct.ID, next); err != nil {
			return userState{}, nil, err
		}
		if err := audit.Record(ctx, tx, audit.Event{ActorScimTokenID: &tokenID, AccountID: &acct.ID, TargetUserID: &cur.ID,
			Action: "member.directory_updated", Before: before, After: after}); err != nil {
			return userState{}, nil, err
		}
		if err := syncName(ctx, tx, tokenID, acct.ID, next); err != nil {
			return userState{}, nil, err
		}
	}
	var warnings []notify.Warning
	if next.Active != cur.Active {
		status := member.StatusInactive
		if next.Active {
			status = member.StatusActive
		}
		var err error
		if _, warnings, err = d.SetStatus(ctx, cur.ID, status); err != nil {
			return userState{}, nil, err
		}
	}
	out, err := getUser(ctx, tx, acct.ID, cur.ID)
	return out, warnings, err
}

// syncName renames the platform user after the directory's name for them,
// but only when this account is their only membership and they are no
// operator: one tenant's directory never renames a person that other
// tenants (or the provider's staff) also see.
func syncName(ctx context.Context, tx pgx.Tx, tokenID, accountID uuid.UUID, st userState) error {
	name, err := user.NormalizeName(st.platformName())
	if err != nil {
		return nil // no name given (or none usable): keep the platform's
	}
	u, err := user.GetForUpdate(ctx, tx, st.ID)
	if err != nil || u.Name == name || u.IsOperator {
		return err
	}
	var others bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM memberships WHERE user_id = $1 AND account_id <> $2)`,
		st.ID, accountID).Scan(&others); err != nil || others {
		return err
	}
	if _, err := user.SetName(ctx, tx, st.ID, name); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Event{ActorScimTokenID: &tokenID, AccountID: &accountID, TargetUserID: &st.ID, Action: "user.renamed",
		Before: map[string]any{"name": u.Name}, After: map[string]any{"name": name}})
}

// replaceUser applies a PUT: the body replaces what the directory recorded
// (attributes left out are cleared, except the email and active, which stay).
func (s *Service) replaceUser(ctx context.Context, tok *Token, id uuid.UUID, body map[string]any) (userState, error) {
	if err := requireSchema(body, UserURN); err != nil {
		return userState{}, err
	}
	var out userState
	var warnings []notify.Warning
	err := s.Members.InDirectory(ctx, member.DirectoryActor(tok.AccountID, tok.ID), func(d *member.DirectoryTx) error {
		cur, err := s.lockUser(ctx, d, id)
		if err != nil {
			return err
		}
		next := cur
		next.UserName, next.ExternalID, next.GivenName, next.FamilyName, next.Formatted, next.DisplayName = "", nil, nil, nil, nil, nil
		if err := next.applyObject(opReplace, body); err != nil {
			return err
		}
		out, warnings, err = s.update(ctx, d, cur, next)
		return err
	})
	s.warn(ctx, tok.AccountID, warnings, err)
	return out, err
}

// patchOp is one operation of a PATCH request.
type patchOp struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	Value any    `json:"value"`
}

// decodePatch reads the operations of a PATCH body.
func decodePatch(body map[string]any) ([]patchOp, error) {
	if err := requireSchema(body, PatchOpURN); err != nil {
		return nil, err
	}
	var raw any
	for k, v := range body {
		if strings.EqualFold(k, "Operations") {
			raw = v
		}
	}
	list, ok := raw.([]any)
	if !ok || len(list) == 0 {
		return nil, errf(http.StatusBadRequest, "invalidSyntax", "A PATCH request holds a non-empty list of Operations.")
	}
	if len(list) > maxOperations {
		return nil, errf(http.StatusBadRequest, "invalidValue", "A PATCH request holds at most %d operations.", maxOperations)
	}
	ops := make([]patchOp, len(list))
	for i, item := range list {
		obj, ok := item.(map[string]any)
		if !ok {
			return nil, errf(http.StatusBadRequest, "invalidSyntax", "Each operation is an object with op, path and value.")
		}
		obj = lowerKeys(obj)
		op, _ := obj["op"].(string)
		ops[i].Op = strings.ToLower(op)
		ops[i].Path, _ = obj["path"].(string)
		ops[i].Value = obj["value"]
		switch ops[i].Op {
		case opAdd, opReplace:
			if _, has := obj["value"]; !has {
				return nil, errf(http.StatusBadRequest, "invalidValue", "Operation %d (%s) needs a value.", i+1, op)
			}
		case opRemove:
			if ops[i].Path == "" {
				return nil, errf(http.StatusBadRequest, "noTarget", "Operation %d (remove) needs a path.", i+1)
			}
		default:
			return nil, errf(http.StatusBadRequest, "invalidSyntax", "Operation %d: op is add, replace or remove, not %q.", i+1, shorten(op))
		}
	}
	return ops, nil
}

// patchUser applies a PATCH to a member, all operations or none.
func (s *Service) patchUser(ctx context.Context, tok *Token, id uuid.UUID, body map[string]any) (userState, error) {
	ops, err := decodePatch(body)
	if err != nil {
		return userState{}, err
	}
	var out userState
	var warnings []notify.Warning
	err = s.Members.InDirectory(ctx, member.DirectoryActor(tok.AccountID, tok.ID), func(d *member.DirectoryTx) error {
		cur, err := s.lockUser(ctx, d, id)
		if err != nil {
			return err
		}
		next := cur
		for _, op := range ops {
			if op.Path == "" {
				obj, ok := op.Value.(map[string]any)
				if !ok {
					return invalidValue("An operation without a path has an object of attributes as its value.")
				}
				if err := next.applyObject(op.Op, obj); err != nil {
					return err
				}
				continue
			}
			p, err := filter.ParsePath([]byte(op.Path))
			if err != nil {
				return invalidPath("%q is not an attribute path.", shorten(op.Path))
			}
			if err := next.applyPath(op.Op, p, op.Value); err != nil {
				return err
			}
		}
		out, warnings, err = s.update(ctx, d, cur, next)
		return err
	})
	s.warn(ctx, tok.AccountID, warnings, err)
	return out, err
}

// lockUser locks the membership and returns the member as a userState:
// 404 for an id that is not a member of the account.
func (s *Service) lockUser(ctx context.Context, d *member.DirectoryTx, id uuid.UUID) (userState, error) {
	if _, err := d.Member(ctx, id); err != nil {
		if e := apperr.As(err); e != nil && e.Code == apperr.NotFound {
			return userState{}, errNoUser
		}
		return userState{}, err
	}
	return getUser(ctx, d.Tx(), d.Account().ID, id)
}

// deleteUser removes a member as deleteMembers does.
func (s *Service) deleteUser(ctx context.Context, tok *Token, id uuid.UUID) error {
	var warnings []notify.Warning
	err := s.Members.InDirectory(ctx, member.DirectoryActor(tok.AccountID, tok.ID), func(d *member.DirectoryTx) error {
		if _, err := s.lockUser(ctx, d, id); err != nil {
			return err
		}
		var err error
		warnings, err = d.Remove(ctx, id)
		return err
	})
	s.warn(ctx, tok.AccountID, warnings, err)
	return err
}
