package graph

import (
	"context"

	"github.com/rosterhq/roster/graph/model"
	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/user"
)

// userTotal counts a user connection once for all its count fields.
func (r *Resolver) userTotal(ctx context.Context, c *model.UserConnection) (db.Count, error) {
	return c.Total.Get(func() (db.Count, error) { return user.Count(ctx, r.Pool, c.Filter) })
}

// accountTotal counts an account connection once for all its count fields.
func (r *Resolver) accountTotal(ctx context.Context, c *model.AccountConnection) (db.Count, error) {
	return c.Total.Get(func() (db.Count, error) { return account.Count(ctx, r.Pool, c.Filter) })
}
