package graph

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/google/uuid"

	"github.com/rosterhq/roster/graph/model"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/live"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/notify"
)

// The lists of an AccountChange hold the ids of one notification: at most
// 150 (migration 0005's chunks).
func init() {
	for _, f := range []string{"userIds", "invitationIds", "members", "invitations", "recipients"} {
		ListBounds["AccountChange."+f] = 150
	}
}

type bearerKey struct{}

// WithBearer returns ctx carrying the request's bearer token (Authorization:
// Bearer …), so that a subscription can check the session again before every
// event. The HTTP middleware that loads the viewer calls it.
func WithBearer(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, bearerKey{}, strings.TrimSpace(token))
}

func bearerToken(ctx context.Context) string {
	s, _ := ctx.Value(bearerKey{}).(string)
	return s
}

type websocketKey struct{}

// websocketTransport returns the graphql-transport-ws (and legacy
// graphql-ws) transport. Its InitFunc authenticates the connection with the
// connection_init payload's Authorization ("Bearer <token>"), else the
// upgrade request's header: a token naming no live session closes the
// connection with 4403; no token leaves it anonymous (subscribing is then
// UNAUTHENTICATED). Each connection counts its subscriptions (at most
// perConn) and ends when the hub closes. Pings go out every keepAlive; a
// graphql-transport-ws client that does not answer within two is dropped.
func websocketTransport(r *Resolver, perConn int, keepAlive time.Duration) transport.Websocket {
	closing := closingContext(r.Live)
	return transport.Websocket{
		InitTimeout:           10 * time.Second,
		KeepAlivePingInterval: keepAlive,
		PingPongInterval:      keepAlive,
		InitFunc: func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			token := bearerToken(ctx)
			if a := strings.TrimSpace(p.Authorization()); a != "" {
				token = strings.TrimSpace(strings.TrimPrefix(a, "Bearer "))
			}
			if token != "" {
				v, err := auth.LoadViewer(ctx, r.Pool, token)
				if err != nil {
					r.Logger.ErrorContext(ctx, "internal error", "path", "websocket init", "error", err)
					return transport.WithWebsocketCloseCode(ctx, 4500), nil, errors.New("internal error")
				}
				if v == nil {
					return transport.WithWebsocketCloseCode(ctx, 4403), nil, errors.New(auth.InvalidTokenMessage)
				}
				ctx = context.WithValue(auth.WithViewer(ctx, v), bearerKey{}, token)
			}
			ctx = live.WithConn(context.WithValue(ctx, websocketKey{}, true), live.NewConn(perConn))
			ctx, cancel := context.WithCancel(ctx)
			stop := context.AfterFunc(closing, cancel)
			context.AfterFunc(ctx, func() { stop() })
			return ctx, nil, nil
		},
	}
}

// closingContext is a context cancelled when the hub closes.
func closingContext(h *live.Hub) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-h.Closing()
		cancel()
	}()
	return ctx
}

// streamAccount feeds out with the account's changes until the client goes,
// the hub ends the subscription, or the subscriber loses access; it closes
// out when done.
func (r *Resolver) streamAccount(ctx context.Context, sub *live.Subscription, accountID uuid.UUID, token string, out chan<- *model.AccountChange) {
	defer close(out)
	defer sub.Close()
	for {
		var e *live.Event
		select {
		case <-ctx.Done():
			return
		case <-sub.Done():
			r.endStream(ctx, out, sub.Err())
			return
		case e = <-sub.Events():
		}
		change, err := r.accountChange(ctx, e, accountID, token)
		if err != nil {
			r.endStream(ctx, out, err)
			return
		}
		if change == nil {
			continue
		}
		resetValueBudget(ctx)
		select {
		case out <- change:
		case <-ctx.Done():
			return
		}
	}
}

// endStream ends a subscription with err: as the operation's error on a
// WebSocket, as a final event whose errors carry the code on Server-Sent
// Events. A hub shutting down just ends it: the connection closes.
func (r *Resolver) endStream(ctx context.Context, out chan<- *model.AccountChange, err error) {
	if err == nil || errors.Is(err, live.ErrClosed) || ctx.Err() != nil {
		return
	}
	if ws, _ := ctx.Value(websocketKey{}).(bool); ws {
		transport.AddSubscriptionError(ctx, ErrorPresenter(r.Logger)(ctx, err))
		return
	}
	select {
	case out <- model.FinalError(err):
	case <-ctx.Done():
	}
}

// resetValueBudget gives each event of a subscription the whole value
// budget of an operation (withValueBudget), rather than the stream's sum.
func resetValueBudget(ctx context.Context) {
	if b, _ := ctx.Value(budgetKey{}).(*valueBudget); b != nil {
		b.used.Store(0)
		b.exceeded.Store(false)
	}
}

// accountChange checks the subscriber's session and membership afresh and
// returns what e changed in the account, or nil when e is not for the
// client (an access change that left the subscriber's access intact). It
// returns UNAUTHENTICATED when the session no longer works and FORBIDDEN
// when the subscriber may no longer read the account.
func (r *Resolver) accountChange(ctx context.Context, e *live.Event, accountID uuid.UUID, token string) (*model.AccountChange, error) {
	v, err := auth.LoadViewer(ctx, r.Pool, token)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, apperr.New(apperr.Unauthenticated, auth.InvalidTokenMessage).With("reason", "INVALID_TOKEN")
	}
	if err := v.Require(auth.PermissionReadAccount, accountID); err != nil {
		return nil, err
	}
	switch e.Kind {
	case live.KindAccess:
		return nil, nil
	case live.KindResync:
		c := model.NewAccountChange(model.AccountChangeResync, accountID)
		c.Refetch = true
		c.MemberCount, err = member.Total(ctx, r.Pool, accountID)
		return c, err
	}
	c, err := e.Shared(func() (any, error) {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		return loadChange(ctx, r.Pool, e)
	})
	if err != nil {
		return nil, err
	}
	return c.(*model.AccountChange), nil
}

// loadChange reads the state now of what e names.
func loadChange(ctx context.Context, q db.DBTX, e *live.Event) (*model.AccountChange, error) {
	var c *model.AccountChange
	var err error
	switch e.Kind {
	case live.KindMembers:
		c = model.NewAccountChange(model.AccountChangeMembers, e.AccountID)
		if !e.Refetch {
			c.UserIds = e.IDs
			c.Members, err = memberUpdates(ctx, q, e.AccountID, e.IDs)
		}
	case live.KindInvitations:
		c = model.NewAccountChange(model.AccountChangeInvitations, e.AccountID)
		if !e.Refetch {
			c.InvitationIds = e.IDs
			c.Invitations, err = invitationUpdates(ctx, q, e.AccountID, e.IDs)
		}
	case live.KindRecipients:
		c = model.NewAccountChange(model.AccountChangeRecipients, e.AccountID)
		if !e.Refetch {
			c.UserIds = e.IDs
			c.Recipients, err = recipientUpdates(ctx, q, e.AccountID, e.IDs)
		}
	default:
		return nil, errors.New("live: no account change of kind " + string(e.Kind))
	}
	if err != nil {
		return nil, err
	}
	c.Refetch = e.Refetch
	c.MemberCount, err = member.Total(ctx, q, e.AccountID)
	return c, err
}

// memberUpdates returns the members named by ids as they are now, in the
// order of ids; an id that is no longer a member comes back removed.
func memberUpdates(ctx context.Context, q db.DBTX, accountID uuid.UUID, ids []uuid.UUID) ([]*model.MemberUpdate, error) {
	list, err := member.ByUserIDs(ctx, q, accountID, ids)
	if err != nil {
		return nil, err
	}
	found := map[uuid.UUID]*model.MemberUpdate{}
	for _, m := range list {
		found[m.UserID] = &model.MemberUpdate{UserID: m.UserID, Email: m.User.Email, Name: m.User.Name,
			Role: &m.Role, Status: ptr(m.EffectiveStatus()), AccountStatus: &m.Status, UserStatus: &m.User.Status}
	}
	out := make([]*model.MemberUpdate, len(ids))
	for i, id := range ids {
		if out[i] = found[id]; out[i] == nil {
			out[i] = &model.MemberUpdate{UserID: id, Removed: true}
		}
	}
	return out, nil
}

// invitationUpdates returns the invitations named by ids as they are now, in
// the order of ids; an id that names no invitation comes back removed.
func invitationUpdates(ctx context.Context, q db.DBTX, accountID uuid.UUID, ids []uuid.UUID) ([]*model.InvitationUpdate, error) {
	list, err := invite.ByIDs(ctx, q, accountID, ids)
	if err != nil {
		return nil, err
	}
	found := map[uuid.UUID]*model.InvitationUpdate{}
	for _, inv := range list {
		found[inv.ID] = &model.InvitationUpdate{ID: inv.ID, Email: inv.Email, Role: &inv.Role, Status: &inv.Status,
			Expired: inv.Expired(), ExpiresAt: &inv.ExpiresAt, DeliveryState: &inv.Delivery.State}
	}
	out := make([]*model.InvitationUpdate, len(ids))
	for i, id := range ids {
		if out[i] = found[id]; out[i] == nil {
			out[i] = &model.InvitationUpdate{ID: id, Removed: true}
		}
	}
	return out, nil
}

// recipientUpdates returns which lists of the account name each of ids, in
// the order of ids.
func recipientUpdates(ctx context.Context, q db.DBTX, accountID uuid.UUID, ids []uuid.UUID) ([]*model.RecipientUpdate, error) {
	kinds, err := notify.KindsOfUsers(ctx, q, accountID, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*model.RecipientUpdate, len(ids))
	for i, id := range ids {
		out[i] = &model.RecipientUpdate{UserID: id}
		for _, k := range kinds[id] {
			out[i].Technical = out[i].Technical || k == notify.KindTechnical
			out[i].Billing = out[i].Billing || k == notify.KindBilling
		}
	}
	return out, nil
}

// mutationAccountID finds the accountId argument of the mutation field a
// payload field hangs under.
func mutationAccountID(ctx context.Context) (uuid.UUID, error) {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if id, ok := fc.Args["accountId"].(uuid.UUID); ok {
			return id, nil
		}
	}
	return uuid.Nil, errors.New("no accountId argument above this field")
}
