package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/google/uuid"

	"github.com/rosterhq/roster/graph/model"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// maxFirst is the largest page a connection returns.
const maxFirst = 100

// connectionSize validates a connection's `first` argument.
func connectionSize(first *int) (int, error) {
	n := 20
	if first != nil {
		n = *first
	}
	if n < 1 || n > maxFirst {
		return 0, apperr.New(apperr.InvalidInput, "first must be between 1 and %d.", maxFirst)
	}
	return n, nil
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// cursored is a row of a forward-only connection.
type cursored interface{ Cursor() string }

// edges turns a page of rows into a connection's edges and PageInfo, each
// edge made by edge from the row's cursor and a pointer to the row.
func edges[T cursored, E any](list []T, hasNext bool, after *string, edge func(cursor string, node *T) E) ([]E, *model.PageInfo) {
	out := make([]E, len(list))
	info := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: deref(after) != ""}
	for i := range list {
		c := list[i].Cursor()
		out[i] = edge(c, &list[i])
		if i == 0 {
			info.StartCursor = &c
		}
		info.EndCursor = &c
	}
	return out, info
}

// canSeeUser reports whether the viewer may see a user: an operator sees
// everyone, a user sees themselves and the members of accounts they can read.
func canSeeUser(ctx context.Context, v *auth.Viewer, id uuid.UUID) (bool, error) {
	if v.User.IsOperator || v.User.ID == id {
		return true, nil
	}
	memberships, err := loaders(ctx).Memberships.Load(ctx, id)
	if err != nil {
		return false, err
	}
	for _, m := range memberships {
		if v.Can(auth.PermissionReadAccount, m.AccountID) {
			return true, nil
		}
	}
	return false, nil
}

// loadVisibleUser returns a user the viewer may see; NOT_FOUND otherwise, so
// that nothing reveals whether a user exists elsewhere.
func loadVisibleUser(ctx context.Context, v *auth.Viewer, id uuid.UUID) (*user.User, error) {
	ok, err := canSeeUser(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, user.ErrNotFound
	}
	u, err := loaders(ctx).User.Load(ctx, id)
	return &u, err
}

// selects reports whether the current field's selection asks for the nested
// field path (for example "items", "user", "memberships"), through fragments too.
func selects(ctx context.Context, path ...string) bool {
	opCtx := graphql.GetOperationContext(ctx)
	sel := graphql.GetFieldContext(ctx).Field.Selections
	for _, name := range path {
		found := false
		for _, f := range graphql.CollectFields(opCtx, sel, nil) {
			if f.Name == name {
				sel, found = f.Selections, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// inviter is the viewer as the sender of invitations.
func inviter(v *auth.Viewer) invite.Actor {
	name := v.User.Name
	if name == "" {
		name = v.User.Email
	}
	return invite.Actor{ID: v.User.ID, Name: name, IsOperator: v.User.IsOperator}
}

func ptrs[T any](list []T) []*T {
	out := make([]*T, len(list))
	for i := range list {
		out[i] = &list[i]
	}
	return out
}

// sendAccessEmail mails a welcome or reset link, for an operator or an
// administrator of one of the user's accounts. It returns NOT_FOUND for a
// user the viewer cannot see and FORBIDDEN for one they cannot manage.
func (r *Resolver) sendAccessEmail(ctx context.Context, userID uuid.UUID, purpose auth.TokenPurpose) (bool, error) {
	v, err := auth.RequireViewer(ctx)
	if err != nil {
		return false, err
	}
	if _, err := loadVisibleUser(ctx, v, userID); err != nil {
		return false, err
	}
	if !v.User.IsOperator {
		memberships, err := loaders(ctx).Memberships.Load(ctx, userID)
		if err != nil {
			return false, err
		}
		allowed := false
		for _, m := range memberships {
			allowed = allowed || v.Can(auth.PermissionManageMembers, m.AccountID)
		}
		if !allowed {
			return false, apperr.New(apperr.Forbidden, "Only platform operators and administrators of one of this user's accounts can send this email.")
		}
	}
	return true, r.Auth.SendAccessEmail(ctx, v.User.ID, userID, purpose)
}

func itemError(e *apperr.Error) *model.ItemError {
	if e == nil {
		return nil
	}
	return &model.ItemError{Code: e.Code, Message: e.Message}
}

// memberResults runs a bulk member operation as the viewer and shapes its outcome.
func (r *Resolver) memberResults(ctx context.Context, op func(member.Actor) (member.Outcome, error), accountID uuid.UUID) (*model.MemberResultsPayload, error) {
	v, err := auth.RequireViewer(ctx)
	if err != nil {
		return nil, err
	}
	out, err := op(v.Actor(accountID))
	if err != nil {
		return nil, err
	}
	p := &model.MemberResultsPayload{Results: make([]*model.MemberResult, len(out.Results)), Warnings: ptrs(out.Warnings)}
	for i, res := range out.Results {
		p.Results[i] = &model.MemberResult{UserID: res.UserID, Member: res.Member, Removed: res.Removed, Error: itemError(res.Err)}
	}
	return p, nil
}

func (r *Resolver) auditConnection(ctx context.Context, f audit.Filter, n int, after *string) (*model.AuditEventConnection, error) {
	list, hasNext, err := audit.List(ctx, r.Pool, f, n, deref(after))
	if err != nil {
		return nil, err
	}
	conn := &model.AuditEventConnection{}
	conn.Edges, conn.PageInfo = edges(list, hasNext, after, func(c string, n *audit.Event) *model.AuditEventEdge {
		return &model.AuditEventEdge{Cursor: c, Node: n}
	})
	return conn, nil
}

// userResults translates the results of a bulk platform-wide action, priming
// the account loader with the accounts they name.
func userResults(ctx context.Context, o member.UserOutcome) []*model.UserResult {
	out := make([]*model.UserResult, len(o.Results))
	for i, res := range o.Results {
		out[i] = &model.UserResult{UserID: res.UserID, User: res.User, Done: res.Done, ActiveIn: ptrs(res.ActiveIn), Error: itemError(res.Err)}
		for _, a := range res.ActiveIn {
			loaders(ctx).Account.Prime(a.ID, a)
		}
	}
	return out
}

// nonNil returns list, or an empty list for nil: a list argument given
// (even empty) is a change, while an omitted one is nil.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
