// Package live fans changes out to GraphQL subscriptions. Triggers of
// migration 0005 send every change of memberships, invitations, notification
// recipients, users' access and sessions with NOTIFY on Channel inside the
// changing transaction; each process keeps one connection that LISTENs to
// it (reconnecting with backoff) and a Hub hands each notification to the
// subscriptions of its account, or of its user for access changes.
package live

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/apperr"
)

// Channel is the PostgreSQL notification channel the triggers send on.
const Channel = "roster_live"

// Kind says what an Event is about.
type Kind string

const (
	// KindMembers: memberships of the account changed (UserIDs).
	KindMembers Kind = "M"
	// KindInvitations: invitations of the account changed (InvitationIDs).
	KindInvitations Kind = "I"
	// KindRecipients: notification recipients of the account changed (UserIDs).
	KindRecipients Kind = "R"
	// KindAccess: the access of users changed (global status, operator flag,
	// a session revoked); delivered to those users' subscriptions only.
	KindAccess Kind = "U"
	// KindResync: notifications may have been lost (the listening connection
	// was lost); every subscription gets one and should refetch.
	KindResync Kind = "S"
)

// Event is one change. The hub hands the same *Event to every subscription
// it concerns; it must not be modified.
type Event struct {
	Kind      Kind        `json:"k"`
	AccountID uuid.UUID   `json:"a"`
	IDs       []uuid.UUID `json:"i"`
	// Refetch is set when the change was too large to list its ids.
	Refetch bool `json:"r"`

	once  sync.Once
	value any
	err   error
}

// Shared returns what load returns, calling it once per event however many
// subscriptions ask: subscribers of one account share one lookup.
func (e *Event) Shared(load func() (any, error)) (any, error) {
	e.once.Do(func() { e.value, e.err = load() })
	return e.value, e.err
}

// Options limit a hub.
type Options struct {
	// MaxSubscriptions bounds the subscriptions of the process; 0 means 10,000.
	MaxSubscriptions int
	// Buffer is how many events a subscription may fall behind before it is
	// dropped; 0 means 64.
	Buffer int
}

// Errors that end a subscription.
var (
	// ErrSlow ends a subscription whose client did not keep up.
	ErrSlow = apperr.New(apperr.LimitExceeded, "Too many changes went unread by this client; subscribe again and refetch.")
	// ErrClosed ends a subscription when the server shuts down.
	ErrClosed = apperr.New(apperr.Internal, "The server is shutting down; subscribe again.")
)

// Hub fans events out to subscriptions by account and by user.
type Hub struct {
	pool   *pgxpool.Pool
	logger *slog.Logger
	opts   Options

	mu        sync.Mutex
	byAccount map[uuid.UUID]map[*Subscription]struct{}
	byUser    map[uuid.UUID]map[*Subscription]struct{}
	count     int
	closed    bool

	closing    chan struct{}
	closeOnce  sync.Once
	startOnce  sync.Once     // starts run, or (by Close) marks it never to start
	runDone    chan struct{} // closed when run returns or never will start
	listenerOn chan struct{} // closed at the first LISTEN
}

// New returns a hub reading from pool; it listens once started (Start,
// Subscribe).
func New(pool *pgxpool.Pool, logger *slog.Logger, opts Options) *Hub {
	if opts.MaxSubscriptions <= 0 {
		opts.MaxSubscriptions = 10_000
	}
	if opts.Buffer <= 0 {
		opts.Buffer = 64
	}
	return &Hub{pool: pool, logger: logger, opts: opts, byAccount: map[uuid.UUID]map[*Subscription]struct{}{},
		byUser: map[uuid.UUID]map[*Subscription]struct{}{}, closing: make(chan struct{}), listenerOn: make(chan struct{}), runDone: make(chan struct{})}
}

// Start runs the listening connection (see run) in the background until
// Close; it is idempotent, and Subscribe calls it, so a process that serves
// no subscription never listens.
func (h *Hub) Start() {
	h.startOnce.Do(func() {
		go func() {
			defer close(h.runDone)
			h.run(context.Background())
		}()
	})
}

// Subscription receives the events of one account and of its subscriber.
type Subscription struct {
	hub       *Hub
	accountID uuid.UUID
	userID    uuid.UUID
	events    chan *Event
	done      chan struct{}
	endOnce   sync.Once
	err       error
	release   func()
}

// Events delivers the subscription's events in the order they were committed.
func (s *Subscription) Events() <-chan *Event { return s.events }

// Done is closed when the hub ends the subscription; Err then says why.
func (s *Subscription) Done() <-chan struct{} { return s.done }

// Err returns ErrSlow or ErrClosed once Done is closed, else nil.
func (s *Subscription) Err() error {
	select {
	case <-s.done:
		return s.err
	default:
		return nil
	}
}

// Close ends the subscription and frees its place; it is idempotent.
func (s *Subscription) Close() { s.hub.remove(s, nil) }

// Subscribe registers a subscription to the account's events for the user,
// starting the hub when it has not started and waiting (up to 5 s) until it
// listens, so that no change committed after Subscribe returns is missed.
// conn, when not nil, counts the subscriptions of one client connection. It
// returns an apperr LIMIT_EXCEEDED error when the connection or the process
// holds its most subscriptions, and ErrClosed after Close.
func (h *Hub) Subscribe(accountID, userID uuid.UUID, conn *Conn) (*Subscription, error) {
	s, err := h.subscribe(accountID, userID, conn)
	if err != nil {
		return nil, err
	}
	if h.pool == nil {
		return s, nil // a hub without a pool (tests) never listens
	}
	h.Start()
	select {
	case <-h.listenerOn:
	case <-h.closing:
	case <-time.After(5 * time.Second):
		h.logger.Warn("live updates: not listening yet; the new subscription may miss changes")
	}
	return s, nil
}

func (h *Hub) subscribe(accountID, userID uuid.UUID, conn *Conn) (*Subscription, error) {
	release := func() {}
	if conn != nil {
		if conn.n.Add(1) > int64(conn.max) {
			conn.n.Add(-1)
			return nil, apperr.New(apperr.LimitExceeded, "A connection may hold at most %d subscriptions.", conn.max)
		}
		release = func() { conn.n.Add(-1) }
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		release()
		return nil, ErrClosed
	}
	if h.count >= h.opts.MaxSubscriptions {
		release()
		return nil, apperr.New(apperr.LimitExceeded, "This server holds its most subscriptions (%d); try again later.", h.opts.MaxSubscriptions)
	}
	s := &Subscription{hub: h, accountID: accountID, userID: userID, events: make(chan *Event, h.opts.Buffer),
		done: make(chan struct{}), release: release}
	add(h.byAccount, accountID, s)
	add(h.byUser, userID, s)
	h.count++
	return s, nil
}

func add(m map[uuid.UUID]map[*Subscription]struct{}, k uuid.UUID, s *Subscription) {
	if m[k] == nil {
		m[k] = map[*Subscription]struct{}{}
	}
	m[k][s] = struct{}{}
}

func del(m map[uuid.UUID]map[*Subscription]struct{}, k uuid.UUID, s *Subscription) {
	delete(m[k], s)
	if len(m[k]) == 0 {
		delete(m, k)
	}
}

// remove unregisters s and, with a reason, ends it.
func (h *Hub) remove(s *Subscription, reason error) {
	h.mu.Lock()
	h.removeLocked(s, reason)
	h.mu.Unlock()
}

func (h *Hub) removeLocked(s *Subscription, reason error) {
	s.endOnce.Do(func() {
		del(h.byAccount, s.accountID, s)
		del(h.byUser, s.userID, s)
		h.count--
		s.err = reason
		close(s.done)
		s.release()
	})
}

// Count returns the subscriptions the hub holds.
func (h *Hub) Count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.count
}

// Publish hands e to the subscriptions it concerns: those of its account, of
// its users for KindAccess, every one for KindResync. A subscription whose
// buffer is full is ended with ErrSlow rather than waited for.
func (h *Hub) Publish(e *Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	deliver := func(s *Subscription) {
		select {
		case <-s.done:
		case s.events <- e:
		default:
			h.removeLocked(s, ErrSlow)
		}
	}
	switch e.Kind {
	case KindAccess:
		for _, id := range e.IDs {
			for s := range h.byUser[id] {
				deliver(s)
			}
		}
	case KindResync:
		for _, subs := range h.byAccount {
			for s := range subs {
				deliver(s)
			}
		}
	default:
		for s := range h.byAccount[e.AccountID] {
			deliver(s)
		}
	}
}

// Closing is closed when Close is called: connections derive from it to end
// with the hub.
func (h *Hub) Closing() <-chan struct{} { return h.closing }

// Close ends every subscription with ErrClosed and refuses new ones, and
// waits until the listening connection is closed. It is idempotent.
func (h *Hub) Close() {
	h.startOnce.Do(func() { close(h.runDone) }) // never started: never will
	defer func() { <-h.runDone }()
	h.closeOnce.Do(func() {
		h.mu.Lock()
		h.closed = true
		for _, subs := range h.byAccount {
			for s := range subs {
				h.removeLocked(s, ErrClosed)
			}
		}
		h.mu.Unlock()
		close(h.closing)
	})
}

// Listening is closed once the listening connection first runs LISTEN, so a
// test can wait for it.
func (h *Hub) Listening() <-chan struct{} { return h.listenerOn }

// run listens on Channel until ctx ends or Close is called, publishing every
// notification. A lost connection is dialled again with backoff (from 100 ms
// to 5 s); once listening again, every subscription gets a KindResync event
// since notifications sent meanwhile are lost.
func (h *Hub) run(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-h.closing:
			cancel()
		case <-ctx.Done():
		}
	}()
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		listened, err := h.listen(ctx)
		if ctx.Err() != nil {
			return
		}
		if listened {
			backoff = 100 * time.Millisecond
		}
		h.logger.Warn("live updates: listening connection lost; reconnecting", "error", err, "retry_in", backoff.String())
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

// listen runs one listening connection until it fails or ctx ends; it
// reports whether it got as far as listening.
func (h *Hub) listen(ctx context.Context) (bool, error) {
	conn, err := pgx.ConnectConfig(ctx, h.pool.Config().ConnConfig.Copy())
	if err != nil {
		return false, err
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		_ = conn.Close(closeCtx)
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+Channel); err != nil {
		return false, err
	}
	select {
	case <-h.listenerOn:
		// A reconnection: what was sent while nobody listened is lost.
		h.Publish(&Event{Kind: KindResync, Refetch: true})
	default: // the first LISTEN (only run's goroutine closes listenerOn)
		close(h.listenerOn)
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return true, err
		}
		e, err := Parse(n.Payload)
		if err != nil {
			h.logger.Warn("live updates: malformed notification", "payload", n.Payload, "error", err)
			continue
		}
		h.Publish(e)
	}
}

// Parse decodes a notification's payload.
func Parse(payload string) (*Event, error) {
	var e Event
	if err := json.Unmarshal([]byte(payload), &e); err != nil {
		return nil, err
	}
	switch e.Kind {
	case KindMembers, KindInvitations, KindRecipients, KindAccess:
		return &e, nil
	}
	return nil, errors.New("unknown kind " + string(e.Kind))
}

// Conn counts the subscriptions of one client connection.
type Conn struct {
	max int
	n   atomic.Int64
}

// NewConn returns a counter allowing max subscriptions (at least one).
func NewConn(max int) *Conn { return &Conn{max: max} }

type connKey struct{}

// WithConn returns ctx carrying the connection's counter.
func WithConn(ctx context.Context, c *Conn) context.Context {
	return context.WithValue(ctx, connKey{}, c)
}

// ConnFrom returns the connection's counter in ctx, nil when none.
func ConnFrom(ctx context.Context) *Conn {
	c, _ := ctx.Value(connKey{}).(*Conn)
	return c
}
