package server

import (
	"context"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/rosterhq/roster/internal/db"
)

type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "roster_http_requests_total", Help: "HTTP requests by route and status code (GraphQL outcomes: roster_graphql_operations_total)."}, []string{"route", "status"}),
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

// NewRegistry returns a Prometheus registry holding the Go runtime and
// process collectors and the statistics of pool (roster_db_pool_*).
func NewRegistry(pool *pgxpool.Pool) *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	if pool != nil {
		reg.MustRegister(poolCollector{pool})
	}
	return reg
}

var (
	poolConnsDesc    = prometheus.NewDesc("roster_db_pool_connections", "PostgreSQL connections of the pool by state (acquired, idle, constructing).", []string{"state"}, nil)
	poolMaxDesc      = prometheus.NewDesc("roster_db_pool_max_connections", "Most connections the pool opens (pool_max_conns).", nil, nil)
	poolAcquireDesc  = prometheus.NewDesc("roster_db_pool_acquires_total", "Connections acquired from the pool.", nil, nil)
	poolEmptyDesc    = prometheus.NewDesc("roster_db_pool_empty_acquires_total", "Acquisitions that waited because no connection was idle.", nil, nil)
	poolCanceledDesc = prometheus.NewDesc("roster_db_pool_canceled_acquires_total", "Acquisitions abandoned because their context ended.", nil, nil)
	poolWaitDesc     = prometheus.NewDesc("roster_db_pool_acquire_wait_seconds_total", "Time spent waiting for a connection.", nil, nil)
	poolNewDesc      = prometheus.NewDesc("roster_db_pool_new_connections_total", "Connections opened.", nil, nil)
)

// poolCollector is a Prometheus collector of pool.Stat(): connections by
// state, the pool's size, and the acquisitions that waited or failed.
type poolCollector struct{ pool *pgxpool.Pool }

func (c poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{poolConnsDesc, poolMaxDesc, poolAcquireDesc, poolEmptyDesc, poolCanceledDesc, poolWaitDesc, poolNewDesc} {
		ch <- d
	}
}

func (c poolCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.pool.Stat()
	ch <- prometheus.MustNewConstMetric(poolConnsDesc, prometheus.GaugeValue, float64(st.AcquiredConns()), "acquired")
	ch <- prometheus.MustNewConstMetric(poolConnsDesc, prometheus.GaugeValue, float64(st.IdleConns()), "idle")
	ch <- prometheus.MustNewConstMetric(poolConnsDesc, prometheus.GaugeValue, float64(st.ConstructingConns()), "constructing")
	ch <- prometheus.MustNewConstMetric(poolMaxDesc, prometheus.GaugeValue, float64(st.MaxConns()))
	ch <- prometheus.MustNewConstMetric(poolAcquireDesc, prometheus.CounterValue, float64(st.AcquireCount()))
	ch <- prometheus.MustNewConstMetric(poolEmptyDesc, prometheus.CounterValue, float64(st.EmptyAcquireCount()))
	ch <- prometheus.MustNewConstMetric(poolCanceledDesc, prometheus.CounterValue, float64(st.CanceledAcquireCount()))
	ch <- prometheus.MustNewConstMetric(poolWaitDesc, prometheus.CounterValue, st.EmptyAcquireWaitTime().Seconds())
	ch <- prometheus.MustNewConstMetric(poolNewDesc, prometheus.CounterValue, float64(st.NewConnsCount()))
}

// health mounts /healthz (liveness) and /readyz (the database answers and
// its schema is migrated) on mux.
func health(mux *http.ServeMux, pool *pgxpool.Pool) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	var schemaOK atomic.Bool
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := pool.Ping(ctx); err != nil {
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		// Migrations only move forward: once complete, checked for good.
		if !schemaOK.Load() {
			if err := db.CheckSchema(ctx, pool); err != nil {
				http.Error(w, err.Error(), http.StatusServiceUnavailable)
				return
			}
			schemaOK.Store(true)
		}
		_, _ = w.Write([]byte("ok\n"))
	})
}

// NewOps returns the HTTP surface of a worker process: /healthz, /readyz
// (as in New) and /metrics from reg.
func NewOps(pool *pgxpool.Pool, reg *prometheus.Registry) http.Handler {
	mux := http.NewServeMux()
	health(mux, pool)
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	return mux
}
