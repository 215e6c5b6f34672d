package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"

	"github.com/rosterhq/roster/graph/generated"
	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/auth"
)

// Directives returns the access directives: the one place where the schema's
// access rules are enforced.
func Directives() generated.DirectiveRoot {
	return generated.DirectiveRoot{
		Public: func(ctx context.Context, _ any, next graphql.Resolver) (any, error) { return next(ctx) },
		SignedIn: func(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
			if _, err := auth.RequireViewer(ctx); err != nil {
				return nil, err
			}
			return next(ctx)
		},
		Operator: func(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
			v, err := auth.RequireViewer(ctx)
			if err != nil {
				return nil, err
			}
			if !v.User.IsOperator {
				return nil, apperr.New(apperr.Forbidden, "Only platform operators can do this.")
			}
			return next(ctx)
		},
		Account: func(ctx context.Context, obj any, next graphql.Resolver, p auth.Permission, arg *string) (any, error) {
			v, err := auth.RequireViewer(ctx)
			if err != nil {
				return nil, err
			}
			id, err := accountIDOf(ctx, obj, *arg)
			if err != nil {
				return nil, err
			}
			if err := v.Require(p, id); err != nil {
				return nil, err
			}
			return next(ctx)
		},
	}
}

// accountIDOf finds the account a field acts on: the parent Account for
// arg "parent", else the field argument named arg.
func accountIDOf(ctx context.Context, obj any, arg string) (uuid.UUID, error) {
	if arg == "parent" {
		if a, ok := obj.(*account.Account); ok {
			return a.ID, nil
		}
		return uuid.Nil, fmt.Errorf("@account(arg: \"parent\") on a field whose parent is %T", obj)
	}
	switch id := graphql.GetFieldContext(ctx).Args[arg].(type) {
	case uuid.UUID:
		return id, nil
	case *uuid.UUID:
		if id != nil {
			return *id, nil
		}
	}
	return uuid.Nil, fmt.Errorf("@account(arg: %q): no such ID argument on %s", arg, graphql.GetFieldContext(ctx).Field.Name)
}
