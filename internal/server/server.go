// Package server assembles Roster's HTTP surface: the GraphQL endpoint, the
// explorer, health, readiness and metrics, and the middleware around them.
package server

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/rosterhq/roster/graph"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/graphiql"
	"github.com/rosterhq/roster/internal/httpcompat"
	"github.com/rosterhq/roster/internal/request"
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
}

// New returns the root handler.
func New(opts Options) http.Handler {
	reg := opts.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	}
	m := newMetrics(reg)
	mux := http.NewServeMux()
	gql := graph.NewHandler(opts.Resolver, opts.GraphQL)
	mux.Handle("/graphql", m.instrument("graphql", limitBody(opts.MaxBodyBytes, withViewer(opts.Pool, httpcompat.Middleware(gql)))))
	mux.Handle("GET /{$}", m.instrument("explorer", graphiql.Handler("Roster", "/graphql")))
	mux.Handle(graphiql.AssetsPrefix, m.instrument("explorer", graphiql.AssetsHandler()))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := opts.Pool.Ping(ctx); err != nil {
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	for pattern, h := range opts.Extra {
		mux.Handle(pattern, h)
	}
	return withRequest(opts.Logger, mux)
}

// withRequest gives each request an id (echoed as X-Request-Id), records the
// client address, and logs the request when it ends.
func withRequest(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := request.NewID()
		addr, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			addr = r.RemoteAddr
		}
		w.Header().Set("X-Request-Id", id)
		ctx := request.With(r.Context(), request.Info{ID: id, ClientAddr: addr, UserAgent: r.UserAgent()})
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r.WithContext(ctx))
		logger.LogAttrs(ctx, slog.LevelInfo, "request", slog.String("request_id", id), slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.Int("status", sw.status), slog.Duration("duration", time.Since(start)))
	})
}

// withViewer loads the viewer of the request's bearer token, afresh on every
// request, and gives the request its own dataloaders.
func withViewer(pool *pgxpool.Pool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := graph.WithLoaders(r.Context(), graph.NewLoaders(pool))
		if token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			v, err := auth.LoadViewer(ctx, pool, token)
			if err != nil {
				http.Error(w, "internal error; request id "+request.From(ctx).ID, http.StatusInternalServerError)
				return
			}
			if v != nil {
				ctx = auth.WithViewer(ctx, v)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
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

type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "roster_http_requests_total", Help: "HTTP requests by route and status."}, []string{"route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "roster_http_request_duration_seconds", Help: "HTTP request duration by route.", Buckets: prometheus.DefBuckets}, []string{"route"}),
	}
	reg.MustRegister(m.requests, m.duration)
	return m
}

func (m *metrics) instrument(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		m.requests.WithLabelValues(route, http.StatusText(sw.status)).Inc()
		m.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}
