package graph

import (
	"context"
	"errors"

	"github.com/google/uuid"

	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/notify"
	"github.com/rosterhq/roster/internal/user"
)

// userAsSeen returns a user as the viewer may see them, and whether that is
// their whole profile. The whole profile shows when user(id) would show it
// (canSeeUser: operators, the user themselves, readers of an account the
// user belongs to). Anyone else — typically an account that the user has
// left, reading its old notification deliveries, recipients, credentials or
// warnings — sees only what that account knew and what never changes: id,
// email and creation time, with an empty name, no sign-in time and the
// status ACTIVE, so that nothing current about the user shows. It returns
// user.ErrNotFound for a deleted user.
func userAsSeen(ctx context.Context, id uuid.UUID) (*user.User, bool, error) {
	u, err := loaders(ctx).User.Load(ctx, id)
	if err != nil {
		return nil, false, err
	}
	if v := auth.ViewerFrom(ctx); v != nil {
		ok, err := canSeeUser(ctx, v, id)
		if err != nil {
			return nil, false, err
		}
		if ok {
			return &u, true, nil
		}
	}
	return &user.User{ID: u.ID, Email: u.Email, Status: user.StatusActive, CreatedAt: u.CreatedAt}, false, nil
}

// formerMemberView resolves a non-null user field through userAsSeen.
func formerMemberView(ctx context.Context, id uuid.UUID) (*user.User, error) {
	u, _, err := userAsSeen(ctx, id)
	return u, err
}

// usersAsSeen resolves a list of users through userAsSeen, loading them and
// their memberships in one batch each.
func usersAsSeen(ctx context.Context, ids []uuid.UUID) ([]*user.User, error) {
	if _, err := loaders(ctx).User.LoadAll(ctx, ids); err != nil {
		return nil, err
	}
	if _, err := loaders(ctx).Memberships.LoadAll(ctx, ids); err != nil {
		return nil, err
	}
	out := make([]*user.User, len(ids))
	for i, id := range ids {
		var err error
		if out[i], err = formerMemberView(ctx, id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// deliveryUser resolves NotificationDelivery.user: the user when the viewer
// may see them, null when the user was deleted or is no longer visible (the
// delivery keeps the email it went to).
func deliveryUser(ctx context.Context, id uuid.UUID) (*user.User, error) {
	u, visible, err := userAsSeen(ctx, id)
	if errors.Is(err, user.ErrNotFound) || (err == nil && !visible) {
		return nil, nil
	}
	return u, err
}

// deliveriesAsSeen shows operators the raw outcome of each delivery and
// everyone else the tenant's view (generic failure reasons).
func deliveriesAsSeen(ctx context.Context, list []notify.Delivery) []*notify.Delivery {
	if v := auth.ViewerFrom(ctx); v == nil || !v.User.IsOperator {
		shown := make([]notify.Delivery, len(list))
		for i, d := range list {
			shown[i] = d.ForTenant()
		}
		list = shown
	}
	return ptrs(list)
}
