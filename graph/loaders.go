package graph

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/vikstrous/dataloadgen"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/notify"
	"github.com/rosterhq/roster/internal/user"
)

// Loaders batch the lookups of one request, so that a list costs one query
// per kind of object however many rows it shows.
type Loaders struct {
	Account     *dataloadgen.Loader[uuid.UUID, account.Account]
	User        *dataloadgen.Loader[uuid.UUID, user.User]
	Memberships *dataloadgen.Loader[uuid.UUID, []member.Membership]
	// SoleRecipients maps an account to its lists served by one ACTIVE
	// recipient, keyed by that recipient.
	SoleRecipients *dataloadgen.Loader[uuid.UUID, map[uuid.UUID][]notify.Kind]
	// Deliveries maps a notification to its per-recipient outcomes.
	Deliveries *dataloadgen.Loader[uuid.UUID, []notify.Delivery]
	// signedIn is the user a signIn or acceptInvitation of this request
	// just signed in: its payload may show that user's own memberships.
	signedIn atomic.Pointer[uuid.UUID]
}

type loadersKey struct{}

// NewLoaders returns fresh loaders reading from pool.
func NewLoaders(pool *pgxpool.Pool) *Loaders {
	wait := dataloadgen.WithWait(time.Millisecond)
	return &Loaders{
		Account: dataloadgen.NewLoader(byID(pool, account.ByIDs, func(a account.Account) uuid.UUID { return a.ID }, account.ErrNotFound), wait),
		User:    dataloadgen.NewLoader(byID(pool, user.ByIDs, func(u user.User) uuid.UUID { return u.ID }, user.ErrNotFound), wait),
		Memberships: dataloadgen.NewLoader(func(ctx context.Context, ids []uuid.UUID) ([][]member.Membership, []error) {
			rows, err := member.ForUsers(ctx, pool, ids)
			if err != nil {
				return nil, []error{err}
			}
			byUser := map[uuid.UUID][]member.Membership{}
			for _, m := range rows {
				byUser[m.UserID] = append(byUser[m.UserID], m)
			}
			out := make([][]member.Membership, len(ids))
			for i, id := range ids {
				out[i] = byUser[id]
			}
			return out, nil
		}, wait),
		Deliveries: dataloadgen.NewLoader(func(ctx context.Context, ids []uuid.UUID) ([][]notify.Delivery, []error) {
			all, err := notify.Deliveries(ctx, pool, ids)
			if err != nil {
				return nil, []error{err}
			}
			by := map[uuid.UUID][]notify.Delivery{}
			for _, d := range all {
				by[d.NotificationID] = append(by[d.NotificationID], d)
			}
			out := make([][]notify.Delivery, len(ids))
			for i, id := range ids {
				out[i] = by[id]
			}
			return out, nil
		}, wait),
		SoleRecipients: dataloadgen.NewLoader(func(ctx context.Context, ids []uuid.UUID) ([]map[uuid.UUID][]notify.Kind, []error) {
			all, err := notify.SoleActive(ctx, pool, ids)
			if err != nil {
				return nil, []error{err}
			}
			out := make([]map[uuid.UUID][]notify.Kind, len(ids))
			for i, id := range ids {
				out[i] = all[id]
			}
			return out, nil
		}, wait),
	}
}

// byID adapts a "fetch these ids" store function to a loader, answering
// notFound for ids without a row.
func byID[T any](pool *pgxpool.Pool, fetch func(context.Context, db.DBTX, []uuid.UUID) ([]T, error), id func(T) uuid.UUID, notFound error) func(context.Context, []uuid.UUID) ([]T, []error) {
	return func(ctx context.Context, ids []uuid.UUID) ([]T, []error) {
		rows, err := fetch(ctx, pool, ids)
		if err != nil {
			return nil, []error{err}
		}
		found := make(map[uuid.UUID]T, len(rows))
		for _, r := range rows {
			found[id(r)] = r
		}
		out, errs := make([]T, len(ids)), make([]error, len(ids))
		for i, k := range ids {
			if r, ok := found[k]; ok {
				out[i] = r
			} else {
				errs[i] = notFound
			}
		}
		return out, errs
	}
}

// WithLoaders returns ctx carrying loaders.
func WithLoaders(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

func loaders(ctx context.Context) *Loaders { return ctx.Value(loadersKey{}).(*Loaders) }
