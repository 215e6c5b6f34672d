package graph

import (
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rosterhq/roster/graph/generated"
	"github.com/rosterhq/roster/graph/model"
)

// HandlerOptions tune the GraphQL endpoint.
type HandlerOptions struct {
	Introspection   bool
	ComplexityLimit int
}

// NewHandler returns the GraphQL endpoint: POST and GET transports, the
// access directives, the error presenter, a query cache and a complexity limit.
func NewHandler(r *Resolver, opts HandlerOptions) *handler.Server {
	cfg := generated.Config{Resolvers: r, Directives: Directives()}
	// Lists cost their children times the number of rows they may return.
	cfg.Complexity.Account.Members = func(child int, _ *int, pageSize *int, _ *model.MemberFilter) int {
		return 1 + child*max(1, deref(pageSize))
	}
	cfg.Complexity.Query.Users = func(child int, _ *model.UserFilter, first *int, _ *string) int {
		return 1 + child*max(1, deref(first))
	}
	cfg.Complexity.Query.Accounts = func(child int, first *int, _ *string, _ *string) int {
		return 1 + child*max(1, deref(first))
	}
	srv := handler.New(generated.NewExecutableSchema(cfg))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	if opts.ComplexityLimit > 0 {
		srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))
	}
	srv.SetErrorPresenter(ErrorPresenter(r.Logger))
	srv.SetRecoverFunc(Recover(r.Logger))
	return srv
}
