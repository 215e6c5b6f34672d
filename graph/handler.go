package graph

import (
	"cmp"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rosterhq/roster/graph/generated"
)

// HandlerOptions tune the GraphQL endpoint.
type HandlerOptions struct {
	Introspection   bool
	ComplexityLimit int
	// MaxValues bounds the values (fields and list items) one response
	// resolves; 0 means 10 × ComplexityLimit (no bound without a limit).
	MaxValues int
	// SubscriptionsPerConnection bounds the subscriptions of one WebSocket
	// connection; 0 means 20.
	SubscriptionsPerConnection int
	// KeepAlive is the heartbeat of WebSocket and Server-Sent Events streams;
	// 0 means 15s.
	KeepAlive time.Duration
}

// NewHandler returns the GraphQL endpoint: POST and GET transports (and,
// with r.Live, WebSocket and Server-Sent Events ones for subscriptions), the
// access directives, the error presenter, a query cache, a complexity limit
// in which every list weighs its size (see Weights), a bound on the values a
// response holds, and the request guard (text arguments PostgreSQL can
// store, one password mutation per request, no introspection when it is off
// and then no field suggestions either). It panics when a list field of the
// schema has no complexity weight: a programming error every test catches.
func NewHandler(r *Resolver, opts HandlerOptions) *handler.Server {
	es := generated.NewExecutableSchema(generated.Config{Resolvers: r, Directives: Directives()})
	weights, err := Weights(es.Schema())
	if err != nil {
		panic(err)
	}
	srv := handler.New(weighted{ExecutableSchema: es, weights: weights})
	if r.Live != nil {
		// Subscriptions: graphql-transport-ws over WebSocket, and GraphQL
		// over Server-Sent Events (before POST, which would take its requests).
		perConn, keepAlive := cmp.Or(opts.SubscriptionsPerConnection, 20), cmp.Or(opts.KeepAlive, 15*time.Second)
		srv.AddTransport(websocketTransport(r, perConn, keepAlive))
		srv.AddTransport(transport.SSE{KeepAlivePingInterval: keepAlive})
	}
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	} else {
		// "Did you mean …?" would list the schema's fields one typo at a time.
		srv.SetDisableSuggestion(true)
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	srv.Use(requestGuard{introspection: opts.Introspection})
	if opts.ComplexityLimit > 0 {
		srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))
		if opts.MaxValues == 0 {
			opts.MaxValues = 10 * opts.ComplexityLimit
		}
	}
	if opts.MaxValues > 0 {
		withValueBudget(srv, int64(opts.MaxValues))
	}
	srv.SetErrorPresenter(ErrorPresenter(r.Logger))
	srv.SetRecoverFunc(Recover(r.Logger))
	return srv
}
