package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/rosterhq/roster/internal/apperr"
)

// sizeArgs are the arguments that say how many items a field returns.
var sizeArgs = []string{"first", "pageSize"}

// ListBounds weigh the list fields that take no size argument: about how
// many items such a list holds in a big account. The weight of the items is
// multiplied by it, so that nesting lists in lists costs what it may return.
// Every list field of the schema needs a weight: a size argument on itself,
// a size argument on every field returning its parent (the edges of a
// connection, the items of a page), or an entry here. NewHandler refuses a
// schema with a list left unweighted, so a new list cannot be forgotten.
var ListBounds = map[string]int{
	"Query.deactivationImpact":                    20,
	"SetNotificationRecipientsPayload.recipients": 20,
	"Account.serviceCredentials":                  20,
	"Account.scimTokens":                          20, // at most 5 live; revoked ones add up
	"Account.technicalContacts":                   10,
	"Account.billingContacts":                     10,
	"Notification.deliveries":                     20,
	"User.memberships":                            5,
	"Member.onlyActiveRecipientFor":               2,
	"RecipientWarning.users":                      5,
	"MemberResultsPayload.results":                100, // bulk calls take at most 100 ids
	"MemberResultsPayload.warnings":               4,
	"DeactivateUserPayload.warnings":              20,
	"DeactivateUserPayload.activeIn":              20,
	"MembershipResultsPayload.results":            100,
	"DeactivateUsersPayload.results":              100, // bulk user actions take at most 100 ids
	"DeactivateUsersPayload.warnings":             20,
	"ActivateUsersPayload.results":                100,
	"DeleteUsersPayload.results":                  100,
	"UserResult.activeIn":                         5,
	"Query.webhookEndpoints":                      50, // webhook.MaxEndpoints
	"WebhookEndpoint.eventTypes":                  7,
	"InviteUsersPayload.created":                  50,
	"InviteUsersPayload.resent":                   50,
	"InviteUsersPayload.rejected":                 50,
}

// Weight says how a field multiplies the cost of what it selects, and what
// the field costs itself beyond one value.
type Weight struct {
	SizeArg string // multiply by this argument's value (or its default)
	Default int    // the argument's default value
	Bound   int    // else multiply by this fixed bound (0: the parent multiplied already)
	// Cost is added for the field itself, once (StatementCost for a list
	// read by its own statements).
	Cost int
	// Search is the path of the field's search argument ("search", or
	// "filter.search"): a non-blank term adds SearchCost.
	Search []string
	// ItemArgs are the field's list arguments (the ids of a bulk
	// mutation, the addresses of inviteUsers): each item adds ItemCost.
	ItemArgs []string
}

// Costs of the work behind a list, in complexity points (one point is one
// value), added once to the field and not multiplied by its page size. Each
// aliased copy of a list runs its own statements (the page, and its count
// when totalCount is asked), and a search scans trigram indexes (or, for a
// term under three characters, a whole account), however little the field
// returns: a one-item page weighing two points would let the default limit
// of 5,000 carry thousands of searches and counts.
const (
	// StatementCost weighs a list field that takes a page size: its page
	// and its count.
	StatementCost = 20
	// SearchCost weighs a non-blank search term on a list.
	SearchCost = 100
	// ItemCost weighs each item of a list argument: a bulk mutation's id
	// is a lock, the rules, a write, an audit event and perhaps a webhook,
	// however little the call selects; aliased copies of a bulk call of
	// 100 would otherwise carry thousands of changes in one request.
	ItemCost = 10
)

// Weights returns the complexity rule of every field of the schema that
// returns a list, takes a size argument or takes a list argument, keyed
// "Type.field". It returns an
// error naming every list field that has no weight. Entries of ListBounds
// that name no list field are ignored (a test reports them).
func Weights(schema *ast.Schema) (map[string]Weight, error) {
	w := map[string]Weight{}
	// A type is "sized" when every field returning it takes a size argument:
	// its own lists (edges, items) are then multiplied by the parent.
	sized := map[string]bool{}
	unsized := map[string]bool{}
	for _, def := range schema.Types {
		if def.Kind != ast.Object || isIntrospection(def.Name) {
			continue
		}
		for _, f := range def.Fields {
			if isIntrospection(f.Name) {
				continue
			}
			if arg := sizeArg(f); arg != nil {
				n, err := strconv.Atoi(defaultRaw(arg))
				if err != nil {
					n = 1
				}
				w[def.Name+"."+f.Name] = Weight{SizeArg: arg.Name, Default: n, Cost: StatementCost, Search: searchPath(schema, f)}
				if f.Type.Elem == nil {
					sized[f.Type.Name()] = true
				}
			} else {
				unsized[f.Type.Name()] = true
			}
		}
	}
	var missing []string
	for _, def := range schema.Types {
		if def.Kind != ast.Object || isIntrospection(def.Name) {
			continue
		}
		for _, f := range def.Fields {
			key := def.Name + "." + f.Name
			if f.Type.Elem == nil || isIntrospection(f.Name) {
				continue
			}
			if _, ok := w[key]; ok {
				continue
			}
			switch bound, ok := ListBounds[key]; {
			case ok:
				w[key] = Weight{Bound: bound}
			case sized[def.Name] && !unsized[def.Name]:
				w[key] = Weight{} // the parent field multiplies by the page size
			default:
				missing = append(missing, key)
			}
		}
	}
	for _, def := range schema.Types {
		if def.Kind != ast.Object || isIntrospection(def.Name) {
			continue
		}
		for _, f := range def.Fields {
			var items []string
			for _, a := range f.Arguments {
				if a.Type.Elem != nil {
					items = append(items, a.Name)
				}
			}
			if items != nil {
				key := def.Name + "." + f.Name
				wt := w[key]
				wt.ItemArgs = items
				w[key] = wt
			}
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("list fields without a complexity weight (give them a size argument or an entry in graph.ListBounds): %v", missing)
	}
	return w, nil
}

// searchPath returns the path of f's search argument: "search" itself, or
// the search field of an input argument; nil when f has none.
func searchPath(schema *ast.Schema, f *ast.FieldDefinition) []string {
	for _, a := range f.Arguments {
		if a.Name == "search" {
			return []string{"search"}
		}
		if in := schema.Types[a.Type.Name()]; in != nil && in.Kind == ast.InputObject && in.Fields.ForName("search") != nil {
			return []string{a.Name, "search"}
		}
	}
	return nil
}

// searches reports whether args hold a non-blank term at path.
func searches(args map[string]any, path []string) bool {
	var v any = args
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		v = m[k]
	}
	s, ok := v.(string)
	return ok && strings.TrimSpace(s) != ""
}

func isIntrospection(name string) bool { return len(name) > 1 && name[:2] == "__" }

func sizeArg(f *ast.FieldDefinition) *ast.ArgumentDefinition {
	for _, name := range sizeArgs {
		if a := f.Arguments.ForName(name); a != nil {
			return a
		}
	}
	return nil
}

func defaultRaw(a *ast.ArgumentDefinition) string {
	if a.DefaultValue == nil {
		return ""
	}
	return a.DefaultValue.Raw
}

// weighted is the executable schema with Roster's complexity rules: a field
// costs 1 plus what it selects, times the number of items it may return.
type weighted struct {
	graphql.ExecutableSchema
	weights map[string]Weight
}

// Complexity implements graphql.ExecutableSchema.
func (s weighted) Complexity(_ context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	w, ok := s.weights[typeName+"."+field]
	if !ok {
		return 0, false
	}
	own := 1 + w.Cost
	if w.Search != nil && searches(args, w.Search) {
		own += SearchCost
	}
	for _, name := range w.ItemArgs {
		if v := reflect.ValueOf(args[name]); v.Kind() == reflect.Slice {
			own = satAdd(own, satMul(v.Len(), ItemCost))
		}
	}
	n := w.Bound
	if w.SizeArg != "" {
		n = w.Default
		if v, ok := toInt(args[w.SizeArg]); ok {
			n = v
		}
	}
	return satAdd(own, satMul(max(child, 1), max(n, 1))), true
}

func toInt(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case int32:
		return int(v), true
	case int64:
		return int(min(v, math.MaxInt32)), true
	case float64:
		return int(min(v, math.MaxInt32)), true
	case json.Number:
		n, err := v.Int64()
		return int(min(n, math.MaxInt32)), err == nil
	case string:
		n, err := strconv.Atoi(v)
		return n, err == nil
	}
	return 0, false
}

func satMul(a, b int) int {
	if a != 0 && b > math.MaxInt32/a {
		return math.MaxInt32
	}
	return a * b
}

func satAdd(a, b int) int {
	if a > math.MaxInt32-b {
		return math.MaxInt32
	}
	return a + b
}

// budgetKey holds an operation's *valueBudget in its context.
type budgetKey struct{}

// valueBudget counts the values an operation resolves: each field, and each
// item of a list. Complexity weighs lists by an estimate; the budget bounds
// what a response really holds, whatever the data.
type valueBudget struct {
	limit    int64
	used     atomic.Int64
	exceeded atomic.Bool
}

// errTooLarge is the LIMIT_EXCEEDED error of a response over its budget.
func errTooLarge(limit int64) *apperr.Error {
	return apperr.New(apperr.LimitExceeded, "The response would hold more than %d values; ask for smaller pages or fewer fields.", limit)
}

// withValueBudget installs the budget of maxValues values per operation on
// srv: past it, fields fail and the whole response becomes one
// LIMIT_EXCEEDED error, so that memory per request stays bounded.
func withValueBudget(srv interface {
	AroundOperations(graphql.OperationMiddleware)
	AroundFields(graphql.FieldMiddleware)
	AroundResponses(graphql.ResponseMiddleware)
}, maxValues int64) {
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(context.WithValue(ctx, budgetKey{}, &valueBudget{limit: maxValues}))
	})
	srv.AroundFields(func(ctx context.Context, next graphql.Resolver) (any, error) {
		b, _ := ctx.Value(budgetKey{}).(*valueBudget)
		if b == nil {
			return next(ctx)
		}
		if b.exceeded.Load() || b.used.Add(1) > b.limit {
			b.exceeded.Store(true)
			return nil, errTooLarge(b.limit)
		}
		res, err := next(ctx)
		if fc := graphql.GetFieldContext(ctx); err == nil && fc != nil && fc.Field.Definition != nil && fc.Field.Definition.Type.Elem != nil {
			if v := reflect.ValueOf(res); v.Kind() == reflect.Slice && b.used.Add(int64(v.Len())) > b.limit {
				b.exceeded.Store(true)
				return nil, errTooLarge(b.limit)
			}
		}
		return res, err
	})
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		if b, _ := ctx.Value(budgetKey{}).(*valueBudget); resp != nil && b != nil && b.exceeded.Load() {
			e := errTooLarge(b.limit)
			return &graphql.Response{Errors: gqlerror.List{{Message: e.Message, Extensions: map[string]any{"code": string(e.Code)}}}}
		}
		return resp
	})
}

// expensiveMutations hash or check a password (argon2id, slow on purpose).
var expensiveMutations = map[string]bool{"signIn": true, "resetPassword": true, "acceptInvitation": true, "changePassword": true}

// maxExpensivePerRequest is how many expensive mutations one request may
// carry, aliases and fragments included.
const maxExpensivePerRequest = 1

// requestGuard refuses, before anything runs: strings that PostgreSQL cannot
// store (NUL bytes, invalid UTF-8) with INVALID_INPUT, more than
// maxExpensivePerRequest password mutations with LIMIT_EXCEEDED, and, when
// introspection is off, __schema and __type with FORBIDDEN.
type requestGuard struct {
	introspection bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = requestGuard{}

// ExtensionName implements graphql.HandlerExtension.
func (requestGuard) ExtensionName() string { return "RosterRequestGuard" }

// Validate implements graphql.HandlerExtension.
func (requestGuard) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (g requestGuard) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if !stringsStorable(oc) {
		return domainError(apperr.New(apperr.InvalidInput, "A text argument holds a NUL character or invalid UTF-8; remove it."))
	}
	root := "Query"
	if oc.Operation.Operation == ast.Mutation {
		root = "Mutation"
	}
	expensive := 0
	for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{root}) {
		switch {
		case root == "Mutation" && expensiveMutations[f.Name]:
			expensive++
		case root == "Query" && !g.introspection && (f.Name == "__schema" || f.Name == "__type"):
			return domainError(apperr.New(apperr.Forbidden, "Introspection is disabled on this server."))
		}
	}
	if expensive > maxExpensivePerRequest {
		return domainError(apperr.New(apperr.LimitExceeded, "A request may carry at most %d of signIn, resetPassword, acceptInvitation and changePassword; send them one at a time.", maxExpensivePerRequest))
	}
	return nil
}

// domainError wraps a domain error for gqlgen, so that the error presenter
// shows its code and message.
func domainError(e *apperr.Error) *gqlerror.Error {
	return &gqlerror.Error{Message: e.Message, Err: e}
}

// stringsStorable reports whether every string of the operation's variables
// and literal arguments is valid UTF-8 without NUL.
func stringsStorable(oc *graphql.OperationContext) bool {
	ok := func(s string) bool { return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 }
	var walkVar func(v any) bool
	walkVar = func(v any) bool {
		switch v := v.(type) {
		case string:
			return ok(v)
		case map[string]any:
			for k, x := range v {
				if !ok(k) || !walkVar(x) {
					return false
				}
			}
		case []any:
			for _, x := range v {
				if !walkVar(x) {
					return false
				}
			}
		}
		return true
	}
	if !walkVar(map[string]any(oc.Variables)) {
		return false
	}
	var walkValue func(v *ast.Value) bool
	walkValue = func(v *ast.Value) bool {
		if v == nil {
			return true
		}
		if (v.Kind == ast.StringValue || v.Kind == ast.BlockValue) && !ok(v.Raw) {
			return false
		}
		for _, c := range v.Children {
			if !walkValue(c.Value) {
				return false
			}
		}
		return true
	}
	walkArgs := func(args ast.ArgumentList, dirs ast.DirectiveList) bool {
		for _, a := range args {
			if !walkValue(a.Value) {
				return false
			}
		}
		for _, d := range dirs {
			for _, a := range d.Arguments {
				if !walkValue(a.Value) {
					return false
				}
			}
		}
		return true
	}
	var walkSet func(set ast.SelectionSet) bool
	walkSet = func(set ast.SelectionSet) bool {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if !walkArgs(s.Arguments, s.Directives) || !walkSet(s.SelectionSet) {
					return false
				}
			case *ast.InlineFragment:
				if !walkArgs(nil, s.Directives) || !walkSet(s.SelectionSet) {
					return false
				}
			case *ast.FragmentSpread:
				if !walkArgs(nil, s.Directives) {
					return false
				}
			}
		}
		return true
	}
	for _, f := range oc.Doc.Fragments {
		if !walkSet(f.SelectionSet) {
			return false
		}
	}
	for _, v := range oc.Operation.VariableDefinitions {
		if !walkValue(v.DefaultValue) {
			return false
		}
	}
	return walkSet(oc.Operation.SelectionSet)
}
