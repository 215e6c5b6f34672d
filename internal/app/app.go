// Package app wires Roster together: the pool, the River client with its
// workers, the resolvers and the HTTP surface. cmd/roster and the end-to-end
// tests build the same App.
package app

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
	"riverqueue.com/riverui"

	"github.com/rosterhq/roster/graph"
	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/live"
	"github.com/rosterhq/roster/internal/mail"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/scim"
	"github.com/rosterhq/roster/internal/server"
	"github.com/rosterhq/roster/internal/webhook"
	"github.com/rosterhq/roster/jobs"
)

// App is one Roster process: API, workers, or both.
type App struct {
	Config  config.Config
	Pool    *pgxpool.Pool
	River   *river.Client[pgx.Tx]
	Handler http.Handler
	Logger  *slog.Logger
	// Registry holds every metric of the process, served at /metrics.
	Registry *prometheus.Registry
	// Live fans database changes out to the GraphQL subscriptions; it starts
	// listening at the first subscription.
	Live    *live.Hub
	workers bool
	sender  *mail.Sender
	ui      *riverui.Handler
	// changes announces the workers' delivery changes (see live.Batcher).
	changes     *live.Batcher
	stopChanges context.CancelFunc
	changesDone chan struct{}
}

// Options add to the configuration what only the process knows.
type Options struct {
	// Extra mounts more HTTP handlers (the dev mail viewer).
	Extra map[string]http.Handler
	// Workers overrides Config.Workers when set.
	Workers *bool
}

// New builds an App on an open, migrated pool. Workers run only after Start.
func New(cfg config.Config, pool *pgxpool.Pool, logger *slog.Logger, opts Options) (*App, error) {
	runWorkers := cfg.Workers
	if opts.Workers != nil {
		runWorkers = *opts.Workers
	}
	reg := server.NewRegistry(pool)
	reg.MustRegister(auth.ThrottleMetrics())
	var changes *live.Batcher
	riverCfg := &river.Config{Logger: slog.New(riverLogHandler{logger.Handler()}), FetchCooldown: cfg.WorkerFetchCooldown, FetchPollInterval: cfg.WorkerFetchPollInterval,
		JobTimeout: cfg.JobTimeout, RescueStuckJobsAfter: cfg.JobRescueAfter}
	sealer, err := webhook.NewSealer(cfg.WebhookSecretKey)
	if err != nil {
		return nil, err
	}
	var sender *mail.Sender
	if runWorkers {
		if cfg.SMTPURL == "" {
			return nil, errors.New("SMTP_URL: required where the workers run (WORKERS=true, or roster worker)")
		}
		var err error
		if sender, err = mail.NewSender(mail.Config{URL: cfg.SMTPURL, TLS: cfg.SMTPTLS, From: cfg.MailFrom, MaxConns: cfg.SMTPConnections}); err != nil {
			return nil, err
		}
		reg.MustRegister(sender.Collector())
		riverCfg.Middleware = []rivertype.Middleware{jobs.NewMetrics(reg, logger).Middleware()}
		riverCfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.WorkerConcurrency},
			jobs.QueueWebhooks: {MaxWorkers: cfg.WebhookConcurrency}}
		riverCfg.Workers = river.NewWorkers()
		changes = live.NewBatcher(pool, logger, 200*time.Millisecond)
		jobs.Register(riverCfg.Workers, jobs.Deps{Pool: pool, Mailer: sender, PublicURL: cfg.PublicURL, WelcomeTTL: cfg.InvitationTTL, Changes: changes,
			Webhooks: &webhook.Sender{Pool: pool, Sealer: sealer, Client: webhook.NewClient(cfg.WebhookTimeout)}})
		riverCfg.PeriodicJobs = jobs.PeriodicJobs()
	}
	rc, err := river.NewClient(riverpgxv5.New(pool), riverCfg)
	if err != nil {
		return nil, err
	}
	enqueuer := jobs.Enqueuer{Client: rc}
	hub := live.New(pool, logger, live.Options{MaxSubscriptions: cfg.SubscriptionsMax, Buffer: cfg.SubscriptionBuffer})
	resolver := &graph.Resolver{
		Pool: pool,
		Auth: &auth.Service{Pool: pool, SessionTTL: cfg.SessionTTL, Throttle: auth.DefaultThrottle, Mailer: enqueuer},
		Invite: &invite.Service{Pool: pool, Jobs: enqueuer, TTL: cfg.InvitationTTL, DailyQuota: cfg.InvitationDailyQuota,
			BatchLimit: cfg.InvitationBatchLimit, SessionTTL: cfg.SessionTTL, Throttle: auth.DefaultThrottle},
		Members:  &member.Service{Pool: pool, Jobs: enqueuer},
		Webhooks: &webhook.Service{Pool: pool, Sealer: sealer, AllowHTTP: cfg.WebhookAllowHTTP, Jobs: enqueuer},
		Scim:     &scim.Tokens{Pool: pool},
		FanOut:   enqueuer,
		Logger:   logger,
		Now:      time.Now,
		Live:     hub,
	}
	ui, err := riverui.NewHandler(&riverui.HandlerOpts{Endpoints: riverui.NewEndpoints(rc, nil), Logger: logger, Prefix: "/riverui"})
	if err != nil {
		return nil, err
	}
	extra := map[string]http.Handler{"/riverui/": server.OperatorOnly(pool, resolver.Auth, "/riverui/", strings.HasPrefix(cfg.PublicURL, "https:"), ui)}
	for k, v := range opts.Extra {
		extra[k] = v
	}
	h := server.New(server.Options{
		Pool:     pool,
		Resolver: resolver,
		GraphQL: graph.HandlerOptions{Introspection: cfg.GraphQLIntrospection, ComplexityLimit: cfg.ComplexityLimit,
			SubscriptionsPerConnection: cfg.SubscriptionsPerConnection, KeepAlive: cfg.SubscriptionKeepAlive},
		MaxBodyBytes:   cfg.MaxBodyBytes,
		Logger:         logger,
		Extra:          extra,
		TrustedProxies: cfg.TrustedProxies,
		AllowedOrigins: cfg.CORSAllowedOrigins,
		Registry:       reg,
		SCIM: &scim.Service{Pool: pool, Members: resolver.Members, Logger: logger, MaxBodyBytes: cfg.MaxBodyBytes,
			Limiter: scim.NewLimiter(float64(cfg.SCIMRateLimit), cfg.SCIMRateBurst)},
	})
	return &App{Config: cfg, Pool: pool, River: rc, Handler: h, Logger: logger, Registry: reg, Live: hub, workers: runWorkers, sender: sender, ui: ui, changes: changes}, nil
}

// Start starts River UI's background services and the workers, when this
// process runs them.
func (a *App) Start(ctx context.Context) error {
	if err := a.ui.Start(ctx); err != nil {
		return err
	}
	if !a.workers {
		return nil
	}
	bctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	a.stopChanges, a.changesDone = cancel, make(chan struct{})
	go func() { defer close(a.changesDone); a.changes.Run(bctx) }()
	return a.River.Start(ctx)
}

// CloseSubscriptions ends every GraphQL subscription and closes their
// WebSocket connections and Server-Sent Events streams, so that an HTTP
// server's Shutdown need not wait for them; it is idempotent.
func (a *App) CloseSubscriptions() { a.Live.Close() }

// Stop ends the subscriptions, lets running jobs finish (until ctx ends) and
// stops the workers.
func (a *App) Stop(ctx context.Context) error {
	a.CloseSubscriptions()
	if !a.workers {
		return nil
	}
	err := a.River.Stop(ctx)
	if a.stopChanges != nil { // the last deliveries are announced
		a.stopChanges()
		<-a.changesDone
	}
	return errors.Join(err, a.sender.Close())
}

// riverLogHandler passes River's log records on, except its own reports of
// failed jobs ("…: Job errored", "…: Job panicked"), which it logs at INFO:
// they are demoted to DEBUG since jobs.Metrics logs every failure at WARN
// (will retry) or ERROR (discarded, panicked) with the job's details.
type riverLogHandler struct{ slog.Handler }

func (h riverLogHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level == slog.LevelInfo && (strings.Contains(r.Message, ": Job errored") || strings.Contains(r.Message, ": Job panicked")) {
		if !h.Enabled(ctx, slog.LevelDebug) {
			return nil
		}
		r.Level = slog.LevelDebug
	}
	return h.Handler.Handle(ctx, r)
}

func (h riverLogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return riverLogHandler{h.Handler.WithAttrs(attrs)}
}

func (h riverLogHandler) WithGroup(name string) slog.Handler {
	return riverLogHandler{h.Handler.WithGroup(name)}
}
