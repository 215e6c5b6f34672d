// Package scim is Roster's SCIM 2.0 service provider (RFC 7643, RFC 7644)
// for EXTERNAL accounts, served under /scim/v2: an account's own identity
// system (Okta, Microsoft Entra ID, …) provisions its members as Users and
// their roles as Groups, authenticated by the account's SCIM tokens, which
// this package also keeps.
//
// Every change to a member goes through internal/member (DirectoryTx), with
// the panel's rules and effects and the token as the audit actor; what the
// directory records about a member (userName, externalId, name, email) is
// kept per account in scim_identities. Filters are parsed by
// github.com/scim2/filter-parser and become parameterised SQL.
package scim

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/notify"
	"github.com/rosterhq/roster/internal/request"
)

// Prefix is where the SCIM API is served.
const Prefix = "/scim/v2"

// MediaType is the media type of SCIM bodies (RFC 7644 §8.1).
const MediaType = "application/scim+json"

// Service serves the SCIM API.
type Service struct {
	Pool    *pgxpool.Pool
	Members *member.Service
	Logger  *slog.Logger
	// Limiter bounds the requests of each token (and of each client address
	// presenting no valid token); nil limits nothing.
	Limiter *Limiter
	// MaxBodyBytes bounds a request body; 0 leaves it unbounded.
	MaxBodyBytes int64
}

// ServeHTTP answers one SCIM request: discovery without authentication,
// everything else with a valid token of an EXTERNAL account.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", MediaType+"; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if s.MaxBodyBytes > 0 {
		if r.ContentLength > s.MaxBodyBytes {
			s.fail(w, r, errf(http.StatusRequestEntityTooLarge, "", "The request body is larger than %d bytes.", s.MaxBodyBytes))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.MaxBodyBytes)
	}
	path := strings.Trim(strings.TrimPrefix(r.URL.Path, Prefix), "/")
	parts := strings.Split(path, "/")
	resource := strings.ToLower(parts[0])
	switch resource {
	case "serviceproviderconfig", "resourcetypes", "schemas":
		if !s.allow(w, r, AddrKey(request.From(r.Context()).ClientAddr)) {
			return
		}
		s.discovery(w, r, resource, parts[1:])
		return
	}
	tok, ok := s.authenticate(w, r)
	if !ok {
		return
	}
	acct, err := account.Get(r.Context(), s.Pool, tok.AccountID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if acct.UserDirectory != account.DirectoryExternal {
		s.fail(w, r, errf(http.StatusForbidden, "", "This account's users are managed in the panel (user directory LOCAL); its SCIM tokens work only while its user directory is EXTERNAL."))
		return
	}
	switch {
	case resource == "users" && len(parts) == 1:
		s.users(w, r, tok)
	case resource == "users" && len(parts) == 2 && parts[1] == ".search":
		s.search(w, r, tok)
	case resource == "users" && len(parts) == 2:
		s.user(w, r, tok, parts[1])
	case resource == "groups" && len(parts) == 1:
		s.groups(w, r, tok)
	case resource == "groups" && len(parts) == 2:
		s.group(w, r, tok, parts[1])
	case resource == "bulk" || resource == "me" || resource == ".search":
		s.fail(w, r, errf(http.StatusNotImplemented, "", "/%s is not supported (see /ServiceProviderConfig).", parts[0]))
	default:
		s.fail(w, r, errf(http.StatusNotFound, "", "No such endpoint: the resources are /Users and /Groups."))
	}
}

// authenticate returns the token of the request's bearer, or answers 401
// (unknown, revoked or missing token) or 429.
func (s *Service) authenticate(w http.ResponseWriter, r *http.Request) (*Token, bool) {
	addr := AddrKey(request.From(r.Context()).ClientAddr)
	scheme, secret, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
		if s.allow(w, r, addr) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="roster-scim"`)
			s.fail(w, r, errf(http.StatusUnauthorized, "", "Send the account's SCIM token as Authorization: Bearer."))
		}
		return nil, false
	}
	tok, err := Authenticate(r.Context(), s.Pool, strings.TrimSpace(secret))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if tok == nil {
		// Guesses are throttled by address, like requests of valid tokens by token.
		if s.allow(w, r, addr) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="roster-scim", error="invalid_token"`)
			s.fail(w, r, errf(http.StatusUnauthorized, "", "The SCIM token is unknown or revoked; create a new one in the panel (createScimToken)."))
		}
		return nil, false
	}
	if !s.allow(w, r, TokenKey(tok.ID)) {
		return nil, false
	}
	return tok, true
}

// allow takes a request from key's bucket, or answers 429 with Retry-After.
func (s *Service) allow(w http.ResponseWriter, r *http.Request, key string) bool {
	if s.Limiter == nil {
		return true
	}
	ok, wait := s.Limiter.Allow(key)
	if !ok {
		secs := int(math.Ceil(wait.Seconds()))
		w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
		s.fail(w, r, errf(http.StatusTooManyRequests, "", "Too many requests for this token; retry after %d second(s).", max(secs, 1)))
	}
	return ok
}

// base returns the URL of /scim/v2 as the client reached it, for meta.location.
func base(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host + Prefix
}

func (s *Service) write(w http.ResponseWriter, status int, body any) {
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(body)
}

// fail answers an error: a SCIM error for domain errors, else 500 with the
// request id, logged.
func (s *Service) fail(w http.ResponseWriter, r *http.Request, err error) {
	e := fromDomain(err)
	if e == nil {
		id := request.From(r.Context()).ID
		s.Logger.ErrorContext(r.Context(), "internal error", "request_id", id, "path", r.URL.Path, "error", err)
		e = errf(http.StatusInternalServerError, "", "Internal error; quote request id %s to support.", id)
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err) {
			w.Header().Set("Retry-After", "1")
			e.Status = http.StatusServiceUnavailable
		}
	}
	s.write(w, e.Status, e.body())
}

// warn logs the notification lists a change left without an ACTIVE
// recipient: the panel shows them to whoever deactivates, and a directory
// has no one to show them to.
func (s *Service) warn(ctx context.Context, accountID uuid.UUID, warnings []notify.Warning, err error) {
	if err != nil {
		return
	}
	for _, w := range warnings {
		s.Logger.WarnContext(ctx, "SCIM change left a notification list without an active recipient",
			"request_id", request.From(ctx).ID, "account_id", accountID, "kind", w.Kind, "users", w.UserIDs)
	}
}

func methodNotAllowed(allowed string) *Error {
	return errf(http.StatusMethodNotAllowed, "", "This endpoint answers %s.", allowed)
}

// listParams are the query parameters of a list (RFC 7644 §3.4.2).
type listParams struct {
	filter               string
	startIndex, count    int
	attributes, excluded []string
}

func parseList(q map[string][]string) (listParams, error) {
	get := func(name string) string {
		for k, v := range q {
			if strings.EqualFold(k, name) && len(v) > 0 {
				return v[0]
			}
		}
		return ""
	}
	p := listParams{filter: strings.TrimSpace(get("filter")), startIndex: 1, count: DefaultCount}
	for _, f := range []struct {
		name string
		to   *int
	}{{"startIndex", &p.startIndex}, {"count", &p.count}} {
		if v := get(f.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				return p, errf(http.StatusBadRequest, "invalidValue", "%s is an integer.", f.name)
			}
			*f.to = n
		}
	}
	p.startIndex = max(p.startIndex, 1)
	p.count = min(max(p.count, 0), MaxCount)
	p.attributes = splitList(get("attributes"))
	p.excluded = splitList(get("excludedAttributes"))
	return p, nil
}

func splitList(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// users serves /Users: GET lists, POST creates.
func (s *Service) users(w http.ResponseWriter, r *http.Request, tok *Token) {
	switch r.Method {
	case http.MethodGet:
		p, err := parseList(r.URL.Query())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.listUsers(w, r, tok, p)
	case http.MethodPost:
		body, err := decodeObject(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		st, err := s.createUser(r.Context(), tok, body)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		res := st.render(base(r))
		w.Header().Set("Location", base(r)+"/Users/"+st.ID.String())
		s.write(w, http.StatusCreated, res)
	default:
		s.fail(w, r, methodNotAllowed("GET and POST"))
	}
}

// search serves POST /Users/.search (RFC 7644 §3.4.3).
func (s *Service) search(w http.ResponseWriter, r *http.Request, tok *Token) {
	if r.Method != http.MethodPost {
		s.fail(w, r, methodNotAllowed("POST"))
		return
	}
	body, err := decodeObject(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := requireSchema(body, SearchRequestURN); err != nil {
		s.fail(w, r, err)
		return
	}
	q := map[string][]string{}
	for k, v := range body {
		switch v := v.(type) {
		case string:
			q[k] = []string{v}
		case json.Number:
			q[k] = []string{v.String()}
		case []any:
			var parts []string
			for _, x := range v {
				if s, ok := x.(string); ok {
					parts = append(parts, s)
				}
			}
			q[k] = []string{strings.Join(parts, ",")}
		}
	}
	p, err := parseList(q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.listUsers(w, r, tok, p)
}

func (s *Service) listUsers(w http.ResponseWriter, r *http.Request, tok *Token, p listParams) {
	list, total, err := listUsers(r.Context(), s.Pool, tok.AccountID, p.filter, p.startIndex, p.count)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res := make([]map[string]any, len(list))
	for i, st := range list {
		res[i] = project(st.render(base(r)), UserURN, p.attributes, p.excluded)
	}
	s.write(w, http.StatusOK, listResponse(res, total, p.startIndex))
}

// user serves /Users/{id}.
func (s *Service) user(w http.ResponseWriter, r *http.Request, tok *Token, rawID string) {
	id, err := uuid.Parse(rawID)
	if err != nil {
		s.fail(w, r, errNoUser)
		return
	}
	// The response's attributes are read before any change: a bad one must
	// not answer 400 for a change already committed.
	p, err := parseList(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx := r.Context()
	var st userState
	switch r.Method {
	case http.MethodGet:
		st, err = getUser(ctx, s.Pool, tok.AccountID, id)
	case http.MethodPut, http.MethodPatch:
		var body map[string]any
		if body, err = decodeObject(r); err != nil {
			break
		}
		if r.Method == http.MethodPut {
			st, err = s.replaceUser(ctx, tok, id, body)
		} else {
			st, err = s.patchUser(ctx, tok, id, body)
		}
	case http.MethodDelete:
		if err = s.deleteUser(ctx, tok, id); err == nil {
			w.WriteHeader(http.StatusNoContent)
			return
		}
	default:
		err = methodNotAllowed("GET, PUT, PATCH and DELETE")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.write(w, http.StatusOK, project(st.render(base(r)), UserURN, p.attributes, p.excluded))
}

// groups serves /Groups: GET lists; POST is refused (the groups are the roles).
func (s *Service) groups(w http.ResponseWriter, r *http.Request, tok *Token) {
	switch r.Method {
	case http.MethodGet:
		p, err := parseList(r.URL.Query())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		roles, err := listGroups(r.Context(), s.Pool, tok.AccountID, p.filter)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		total := len(roles)
		from := min(p.startIndex-1, total)
		roles = roles[from:min(from+p.count, total)]
		res := make([]map[string]any, len(roles))
		for i, role := range roles {
			if res[i], err = s.renderGroup(r, tok, role, p); err != nil {
				s.fail(w, r, err)
				return
			}
		}
		s.write(w, http.StatusOK, listResponse(res, total, p.startIndex))
	case http.MethodPost:
		body, err := decodeObject(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		name, _ := lowerKeys(body)["displayname"].(string)
		if _, err := groupRole(name); err == nil {
			s.fail(w, r, errf(http.StatusConflict, "uniqueness", "The group %s exists (its id is %s): link to it rather than creating it.",
				strings.ToUpper(name), strings.ToUpper(name)))
			return
		}
		s.fail(w, r, errf(http.StatusNotImplemented, "", "Groups are the account's roles (%s); new groups cannot be created.", strings.Join(roleNames(), ", ")))
	default:
		s.fail(w, r, methodNotAllowed("GET and POST"))
	}
}

// renderGroup returns a group with its members when the response shows them.
func (s *Service) renderGroup(r *http.Request, tok *Token, role member.Role, p listParams) (map[string]any, error) {
	var members []groupMember
	if shows(GroupURN, "members", p.attributes, p.excluded) {
		var err error
		if members, err = groupMembers(r.Context(), s.Pool, tok.AccountID, role); err != nil {
			return nil, err
		}
		if members == nil {
			members = []groupMember{}
		}
	}
	return project(renderGroup(role, members, base(r)), GroupURN, p.attributes, p.excluded), nil
}

// group serves /Groups/{id}.
func (s *Service) group(w http.ResponseWriter, r *http.Request, tok *Token, id string) {
	role, err := groupRole(id)
	if err != nil || id != string(role) { // ids are case-exact
		s.fail(w, r, errf(http.StatusNotFound, "", "No such group: the groups are %s.", strings.Join(roleNames(), ", ")))
		return
	}
	p, err := parseList(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx := r.Context()
	switch r.Method {
	case http.MethodGet:
	case http.MethodPatch, http.MethodPut:
		var body map[string]any
		if body, err = decodeObject(r); err == nil {
			if r.Method == http.MethodPatch {
				err = s.patchGroup(ctx, tok, role, body)
			} else {
				err = s.replaceGroup(ctx, tok, role, body)
			}
		}
	case http.MethodDelete:
		err = errf(http.StatusNotImplemented, "", "Groups are the account's roles; they cannot be deleted.")
	default:
		err = methodNotAllowed("GET, PUT and PATCH")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.renderGroup(r, tok, role, p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.write(w, http.StatusOK, res)
}

// discovery serves /ServiceProviderConfig, /ResourceTypes and /Schemas.
func (s *Service) discovery(w http.ResponseWriter, r *http.Request, resource string, rest []string) {
	if r.Method != http.MethodGet {
		s.fail(w, r, methodNotAllowed("GET"))
		return
	}
	if r.URL.Query().Has("filter") {
		s.fail(w, r, errf(http.StatusForbidden, "", "Discovery endpoints take no filter (RFC 7644 §4)."))
		return
	}
	b := base(r)
	if resource == "serviceproviderconfig" {
		if len(rest) > 0 {
			s.fail(w, r, errf(http.StatusNotFound, "", "No such endpoint."))
			return
		}
		s.write(w, http.StatusOK, serviceProviderConfig(b))
		return
	}
	list, key := resourceTypes(b), "id"
	if resource == "schemas" {
		list = schemas(b)
	}
	if len(rest) == 0 {
		s.write(w, http.StatusOK, listResponse(list, len(list), 1))
		return
	}
	for _, item := range list {
		if len(rest) == 1 && strings.EqualFold(fmt.Sprint(item[key]), rest[0]) {
			s.write(w, http.StatusOK, item)
			return
		}
	}
	s.fail(w, r, errf(http.StatusNotFound, "", "No such %s.", map[string]string{"schemas": "schema", "resourcetypes": "resource type"}[resource]))
}
