// Package server assembles Roster's HTTP surface: the GraphQL endpoint, the
// explorer (GraphiQL at /), the admin app (at /app/), health, readiness and metrics, and the middleware around them.
package server

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/rosterhq/roster/graph"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/graphiql"
	"github.com/rosterhq/roster/internal/httpcompat"
	"github.com/rosterhq/roster/internal/request"
	"github.com/rosterhq/roster/internal/webapp"
)

// Options configure the HTTP surface.
type Options struct {
	Pool     *pgxpool.Pool
	Resolver *graph.Resolver
	GraphQL  graph.HandlerOptions
	// MaxBodyBytes bounds a request body.
	MaxBodyBytes int64
	Logger       *slog.Logger
	// Extra mounts more handlers (the dev mail viewer, River UI) by pattern.
	Extra map[string]http.Handler
	// Registry receives the HTTP metrics; nil uses a new registry.
	Registry *prometheus.Registry
	// TrustedProxies are the peers whose X-Forwarded-For is believed.
	TrustedProxies []netip.Prefix
	// AllowedOrigins are the exact origins (scheme://host[:port]) whose
	// browser apps may call /graphql across origins (CORS); none by default.
	AllowedOrigins []string
	// SCIM serves the SCIM 2.0 API under /scim/v2/ (internal/scim, which
	// authenticates with its own tokens and bounds its bodies); nil serves none.
	SCIM http.Handler
}

// New returns the root handler. When opts.Registry is nil it makes one with
// NewRegistry; either way the HTTP and GraphQL metrics are registered in it.
func New(opts Options) http.Handler {
	reg := opts.Registry
	if reg == nil {
		reg = NewRegistry(opts.Pool)
	}
	m := newMetrics(reg)
	mux := http.NewServeMux()
	gql := graph.NewHandler(opts.Resolver, opts.GraphQL)
	gql.Use(graph.NewOperationMetrics(reg))
	mux.Handle("/graphql", withCORS(opts.AllowedOrigins, m.instrument("graphql", limitBody(opts.MaxBodyBytes, withViewer(opts.Pool, opts.Logger, httpcompat.Middleware(gql))))))
	mux.Handle("GET /{$}", m.instrument("explorer", graphiql.Handler("Roster", "/graphql")))
	mux.Handle(graphiql.AssetsPrefix, m.instrument("explorer", graphiql.AssetsHandler()))
	// GraphiQL was at /graphiql for a while: old bookmarks land on /.
	mux.Handle("GET /graphiql", http.RedirectHandler("/", http.StatusMovedPermanently))
	// The admin app owns /app/ (its client routes and the email links; it
	// answers 405 to anything but GET and HEAD); /app redirects there.
	mux.Handle(webapp.Prefix, m.instrument("app", webapp.Handler()))
	mux.Handle("/app", http.RedirectHandler(webapp.Prefix, http.StatusMovedPermanently))
	// Emails sent before the app moved under /app/ link to these paths; their
	// tokens still work there.
	for _, p := range []string{"/accept-invitation", "/reset-password", "/set-password"} {
		mux.Handle("GET "+p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			to := webapp.Prefix + p[1:]
			if r.URL.RawQuery != "" {
				to += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, to, http.StatusMovedPermanently)
		}))
	}
	if opts.SCIM != nil {
		mux.Handle("/scim/v2/", m.instrument("scim", opts.SCIM))
	}
	health(mux, opts.Pool)
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	for pattern, h := range opts.Extra {
		mux.Handle(pattern, h)
	}
	return withRequest(opts.Logger, opts.TrustedProxies, mux)
}

// withRequest gives each request an id (echoed as X-Request-Id), records the
// client address (see ClientAddr), and logs the request when it ends.
func withRequest(logger *slog.Logger, trusted []netip.Prefix, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := request.NewID()
		addr := ClientAddr(r, trusted)
		w.Header().Set("X-Request-Id", id)
		ctx := request.With(r.Context(), request.Info{ID: id, ClientAddr: addr, UserAgent: r.UserAgent()})
		rl := &requestLog{}
		ctx = graph.WithOperationNote(context.WithValue(ctx, requestLogKey{}, rl), &rl.op)
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r.WithContext(ctx))
		attrs := []slog.Attr{slog.String("request_id", id), slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.Int("status", sw.status), slog.Float64("duration_ms", millis(time.Since(start)))}
		if name, code := rl.op.Get(); code != "" {
			attrs = append(attrs, slog.String("operation", name), slog.String("outcome", code))
		}
		if rl.viewerID != "" {
			attrs = append(attrs, slog.String("viewer_id", rl.viewerID))
		}
		if rl.invalidToken {
			attrs = append(attrs, slog.Bool("invalid_token", true))
		}
		logger.LogAttrs(ctx, slog.LevelInfo, "request", attrs...)
	})
}

// requestLog collects what the request log names besides the request itself.
type requestLog struct {
	op           graph.OperationNote
	viewerID     string
	invalidToken bool
}

type requestLogKey struct{}

// ClientAddr returns the address of the client behind r. The peer's address
// is the answer unless the peer is a trusted proxy: then X-Forwarded-For is
// read from the right, skipping trusted proxies, and the first address not
// trusted is the client (every entry to its left may be forged). A malformed
// entry ends the walk at the last address known good.
func ClientAddr(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	if !isTrusted(peer, trusted) {
		return peer.Unmap().String()
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(h, ",")...)
	}
	client := peer.Unmap()
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := parseHop(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		client = hop
		if !isTrusted(hop, trusted) {
			break
		}
	}
	return client.String()
}

// parseHop parses an X-Forwarded-For entry: an address, possibly with a port
// or in brackets.
func parseHop(s string) (netip.Addr, error) {
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap().WithZone(""), nil
	}
	ap, err := netip.ParseAddrPort(s)
	if err != nil {
		if a, err2 := netip.ParseAddr(strings.Trim(s, "[]")); err2 == nil {
			return a.Unmap().WithZone(""), nil
		}
		return netip.Addr{}, err
	}
	return ap.Addr().Unmap().WithZone(""), nil
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	a = a.Unmap()
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// withViewer loads the viewer of the request's bearer token, afresh on every
// request, gives the request its own dataloaders and keeps the token for the
// subscriptions (graph.WithBearer). A token that names no
// live session (unknown, expired, revoked, or its user deactivated) makes the
// request anonymous, marked so (auth.WithInvalidToken) that UNAUTHENTICATED
// says the token is invalid, and adds a WWW-Authenticate header with
// error="invalid_token". When the viewer
// cannot be loaded (the database is down), it answers a GraphQL error with
// code INTERNAL and the request id, status 503 and Retry-After, and logs it.
func withViewer(pool *pgxpool.Pool, logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := graph.WithLoaders(r.Context(), graph.NewLoaders(pool))
		if token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			ctx = graph.WithBearer(ctx, token)
			v, err := auth.LoadViewer(ctx, pool, token)
			if err != nil {
				// The resolvers' presenter words and logs it (at INFO when the
				// client went away).
				writeGraphQLError(w, r, graph.ErrorPresenter(logger)(ctx, err))
				return
			}
			rl, _ := ctx.Value(requestLogKey{}).(*requestLog)
			if v != nil {
				ctx = auth.WithViewer(ctx, v)
				if rl != nil {
					rl.viewerID = v.User.ID.String()
				}
			} else {
				// RFC 6750: the client learns its token is no good even
				// where the answer is `viewer: null` rather than an error.
				w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token", error_description="`+auth.InvalidTokenMessage+`"`)
				ctx = auth.WithInvalidToken(ctx)
				if rl != nil {
					rl.invalidToken = true
				}
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// writeGraphQLError answers a GraphQL response holding only e, status 503
// with Retry-After, in the media type the client accepts
// (application/graphql-response+json or application/json).
func writeGraphQLError(w http.ResponseWriter, r *http.Request, e *gqlerror.Error) {
	media := "application/json"
	if strings.Contains(r.Header.Get("Accept"), "application/graphql-response+json") {
		media = "application/graphql-response+json"
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.Header().Set("Retry-After", "1")
	w.WriteHeader(http.StatusServiceUnavailable)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []*gqlerror.Error{e}})
}

func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n > 0 && r.ContentLength > n {
			http.Error(w, fmt.Sprintf("request body larger than %d bytes", n), http.StatusRequestEntityTooLarge)
			return
		}
		if n > 0 && r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, n)
		}
		next.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the Flusher and Hijacker beneath.
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// millis returns d in milliseconds, to the microsecond: logs give durations as
// float milliseconds (duration_ms), not integer nanoseconds.
func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
