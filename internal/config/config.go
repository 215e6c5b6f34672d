// Package config reads Roster's configuration from the environment.
package config

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is the whole configuration. Every field comes from one environment
// variable, named in its comment; the README lists them all.
type Config struct {
	DatabaseURL          string        // DATABASE_URL; empty in `roster dev` starts a private cluster
	ListenAddr           string        // LISTEN_ADDR, default 127.0.0.1:8080
	PublicURL            string        // PUBLIC_URL, base of links in emails; default http://LISTEN_ADDR
	SMTPURL              string        // SMTP_URL, smtp://user:pass@host:port or smtps://…
	SMTPTLS              string        // SMTP_TLS: mandatory (default), opportunistic or none
	MailFrom             string        // MAIL_FROM, default "Roster <no-reply@localhost>"
	SMTPConnections      int           // SMTP_CONNECTIONS, SMTP connections kept open per worker process, default 8
	InvitationTTL        time.Duration // INVITATION_TTL, default 168h
	InvitationDailyQuota int           // INVITATION_DAILY_QUOTA, per account per 24 h, default 500
	InvitationBatchLimit int           // INVITATION_BATCH_LIMIT, addresses per inviteUsers call, default 500
	SessionTTL           time.Duration // SESSION_TTL, default 336h (14 days)
	Workers              bool          // WORKERS: run the job workers in the API process, default true
	WorkerConcurrency    int           // WORKER_CONCURRENCY, jobs worked at once per process, default 100
	// WorkerFetchCooldown is WORKER_FETCH_COOLDOWN, the least time between two
	// fetches of new jobs, default 10ms. With WorkerConcurrency it caps a
	// process's throughput (River's own default of 100ms capped 50 workers at
	// ~500 jobs/s).
	WorkerFetchCooldown time.Duration
	// WorkerFetchPollInterval is WORKER_FETCH_POLL_INTERVAL, how often a
	// worker looks for jobs when no insert notification arrives, default 1s.
	WorkerFetchPollInterval time.Duration
	// JobTimeout is JOB_TIMEOUT, how long one job may run before its context
	// is cancelled, default 30s.
	JobTimeout time.Duration
	// JobRescueAfter is JOB_RESCUE_AFTER, how long a job may stay running
	// before it counts as stuck (its worker crashed) and is retried, default
	// 60s; it must exceed JobTimeout.
	JobRescueAfter       time.Duration
	GraphQLIntrospection bool   // GRAPHQL_INTROSPECTION, default true
	ComplexityLimit      int    // GRAPHQL_COMPLEXITY_LIMIT, default 5000
	MaxBodyBytes         int64  // MAX_BODY_BYTES, request body limit, default 1 MiB
	LogLevel             string // LOG_LEVEL: debug, info (default), warn or error
	// TrustedProxies (TRUSTED_PROXIES: CIDRs or addresses, separated by
	// commas or spaces; none by default) are the peers whose X-Forwarded-For
	// is believed when finding a client's address.
	TrustedProxies []netip.Prefix
	// WorkerListenAddr (WORKER_LISTEN_ADDR, default 127.0.0.1:9090) is where
	// `roster worker` serves /healthz, /readyz and /metrics.
	WorkerListenAddr string
	// CORSAllowedOrigins (CORS_ALLOWED_ORIGINS: exact origins such as
	// https://panel.example.com, separated by commas or spaces; none by
	// default) may call /graphql from a browser on another origin.
	CORSAllowedOrigins []string
	// SubscriptionsPerConnection (SUBSCRIPTIONS_PER_CONNECTION, default 20)
	// bounds the GraphQL subscriptions of one WebSocket connection.
	SubscriptionsPerConnection int
	// SubscriptionsMax (SUBSCRIPTIONS_MAX, default 10000) bounds the
	// subscriptions of one API process.
	SubscriptionsMax int
	// SubscriptionBuffer (SUBSCRIPTION_BUFFER, default 64) is how many events
	// a subscription may leave unread before it is dropped.
	SubscriptionBuffer int
	// SubscriptionKeepAlive (SUBSCRIPTION_KEEPALIVE, default 15s) is the
	// heartbeat of WebSocket and Server-Sent Events streams.
	SubscriptionKeepAlive time.Duration
	// WebhookSecretKey (WEBHOOK_SECRET_KEY: the base64 of 32 bytes; none by
	// default) seals the webhook endpoints' signing secrets at rest with
	// AES-256-GCM; without it they are stored in clear.
	WebhookSecretKey string
	// WebhookAllowHTTP (WEBHOOK_ALLOW_HTTP, default false) accepts plain-http
	// endpoint URLs beyond localhost (an internal network without TLS).
	WebhookAllowHTTP bool
	// WebhookTimeout (WEBHOOK_TIMEOUT, default 10s) bounds one delivery
	// attempt, connection to last byte (JOB_TIMEOUT ends it too, if shorter).
	WebhookTimeout time.Duration
	// WebhookConcurrency (WEBHOOK_CONCURRENCY, default 20) is how many
	// deliveries one worker process makes at once, on their own queue.
	WebhookConcurrency int
	// SCIMRateLimit (SCIM_RATE_LIMIT, default 20) is how many SCIM requests
	// per second one SCIM token may make, on average, per API process.
	SCIMRateLimit int
	// SCIMRateBurst (SCIM_RATE_BURST, default 100) is how many SCIM requests
	// one SCIM token may make at once before SCIM_RATE_LIMIT applies.
	SCIMRateBurst int
}

// Variable is one environment variable of the configuration.
type Variable struct {
	Name, Default, Meaning string
}

// Variables lists every environment variable Load reads, with its default,
// for `roster --help`; a test checks that it names exactly the variables
// FromLookup reads.
var Variables = []Variable{
	{"DATABASE_URL", "", "PostgreSQL URL; required except for `roster dev`"},
	{"LISTEN_ADDR", "127.0.0.1:8080", "where `serve` and `dev` listen"},
	{"PUBLIC_URL", "http://LISTEN_ADDR", "base of the links in emails"},
	{"SMTP_URL", "", "smtp://user:pass@host:port or smtps://…; required where workers run"},
	{"SMTP_TLS", "mandatory", "mandatory, opportunistic or none"},
	{"SMTP_CONNECTIONS", "8", "SMTP connections each worker process keeps open"},
	{"MAIL_FROM", "Roster <no-reply@localhost>", "sender of every email"},
	{"INVITATION_TTL", "168h", "how long an invitation link works"},
	{"INVITATION_DAILY_QUOTA", "500", "invitations per account per 24 hours"},
	{"INVITATION_BATCH_LIMIT", "500", "addresses per inviteUsers call"},
	{"SESSION_TTL", "336h", "how long a session token works"},
	{"WORKERS", "true", "run the job workers inside `roster serve`"},
	{"WORKER_CONCURRENCY", "100", "jobs worked at once per process"},
	{"WORKER_FETCH_COOLDOWN", "10ms", "least time between two fetches of new jobs"},
	{"WORKER_FETCH_POLL_INTERVAL", "1s", "how often workers look for jobs without a notification"},
	{"WORKER_LISTEN_ADDR", "127.0.0.1:9090", "where `roster worker` serves /healthz, /readyz, /metrics"},
	{"JOB_TIMEOUT", "30s", "a job's context is cancelled after this long"},
	{"JOB_RESCUE_AFTER", "60s", "a job running longer is taken for crashed and retried"},
	{"GRAPHQL_INTROSPECTION", "true", "allow schema introspection (explorers need it)"},
	{"GRAPHQL_COMPLEXITY_LIMIT", "5000", "largest query cost"},
	{"MAX_BODY_BYTES", "1048576", "request body limit"},
	{"TRUSTED_PROXIES", "", "CIDRs of load balancers whose X-Forwarded-For is read"},
	{"CORS_ALLOWED_ORIGINS", "", "exact origins (https://panel.example.com) allowed to call /graphql from a browser"},
	{"SUBSCRIPTIONS_PER_CONNECTION", "20", "GraphQL subscriptions one WebSocket connection may hold"},
	{"SUBSCRIPTIONS_MAX", "10000", "GraphQL subscriptions one API process may hold"},
	{"SUBSCRIPTION_BUFFER", "64", "events a subscription may leave unread before it is dropped"},
	{"SUBSCRIPTION_KEEPALIVE", "15s", "heartbeat of WebSocket and Server-Sent Events streams"},
	{"WEBHOOK_SECRET_KEY", "", "base64 of 32 bytes sealing webhook signing secrets at rest (AES-256-GCM)"},
	{"WEBHOOK_ALLOW_HTTP", "false", "accept plain-http webhook URLs beyond localhost"},
	{"WEBHOOK_TIMEOUT", "10s", "bound of one webhook delivery attempt"},
	{"WEBHOOK_CONCURRENCY", "20", "webhook deliveries made at once per worker process"},
	{"SCIM_RATE_LIMIT", "20", "SCIM requests per second per SCIM token (per API process); past it, 429 with Retry-After"},
	{"SCIM_RATE_BURST", "100", "SCIM requests a SCIM token may make at once"},
	{"LOG_LEVEL", "info", "debug, info, warn or error"},
}

// Load reads the configuration from the environment. It returns an error that
// names every malformed variable.
func Load() (Config, error) { return FromLookup(os.LookupEnv) }

// FromLookup reads the configuration through lookup (os.LookupEnv in Load).
func FromLookup(lookup func(string) (string, bool)) (Config, error) {
	r := reader{lookup: lookup}
	c := Config{
		DatabaseURL:             r.str("DATABASE_URL", ""),
		ListenAddr:              r.str("LISTEN_ADDR", "127.0.0.1:8080"),
		PublicURL:               r.str("PUBLIC_URL", ""),
		SMTPURL:                 r.str("SMTP_URL", ""),
		SMTPTLS:                 r.oneOf("SMTP_TLS", "mandatory", "mandatory", "opportunistic", "none"),
		MailFrom:                r.str("MAIL_FROM", "Roster <no-reply@localhost>"),
		SMTPConnections:         r.integer("SMTP_CONNECTIONS", 8),
		InvitationTTL:           r.duration("INVITATION_TTL", 7*24*time.Hour),
		InvitationDailyQuota:    r.integer("INVITATION_DAILY_QUOTA", 500),
		InvitationBatchLimit:    r.integer("INVITATION_BATCH_LIMIT", 500),
		SessionTTL:              r.duration("SESSION_TTL", 14*24*time.Hour),
		Workers:                 r.boolean("WORKERS", true),
		WorkerConcurrency:       r.integer("WORKER_CONCURRENCY", 100),
		WorkerFetchCooldown:     r.duration("WORKER_FETCH_COOLDOWN", 10*time.Millisecond),
		WorkerFetchPollInterval: r.duration("WORKER_FETCH_POLL_INTERVAL", time.Second),
		JobTimeout:              r.duration("JOB_TIMEOUT", 30*time.Second),
		JobRescueAfter:          r.duration("JOB_RESCUE_AFTER", time.Minute),
		GraphQLIntrospection:    r.boolean("GRAPHQL_INTROSPECTION", true),
		ComplexityLimit:         r.integer("GRAPHQL_COMPLEXITY_LIMIT", 5000),
		MaxBodyBytes:            int64(r.integer("MAX_BODY_BYTES", 1<<20)),
		LogLevel:                r.oneOf("LOG_LEVEL", "info", "debug", "info", "warn", "error"),
		TrustedProxies:          r.prefixes("TRUSTED_PROXIES"),
		WorkerListenAddr:        r.str("WORKER_LISTEN_ADDR", "127.0.0.1:9090"),
		CORSAllowedOrigins:      r.origins("CORS_ALLOWED_ORIGINS"),

		SubscriptionsPerConnection: r.integer("SUBSCRIPTIONS_PER_CONNECTION", 20),
		SubscriptionsMax:           r.integer("SUBSCRIPTIONS_MAX", 10000),
		SubscriptionBuffer:         r.integer("SUBSCRIPTION_BUFFER", 64),
		SubscriptionKeepAlive:      r.duration("SUBSCRIPTION_KEEPALIVE", 15*time.Second),
		SCIMRateLimit:              r.integer("SCIM_RATE_LIMIT", 20),
		SCIMRateBurst:              r.integer("SCIM_RATE_BURST", 100),

		WebhookSecretKey:   r.str("WEBHOOK_SECRET_KEY", ""),
		WebhookAllowHTTP:   r.boolean("WEBHOOK_ALLOW_HTTP", false),
		WebhookTimeout:     r.duration("WEBHOOK_TIMEOUT", 10*time.Second),
		WebhookConcurrency: r.integer("WEBHOOK_CONCURRENCY", 20),
	}
	if c.WebhookSecretKey != "" {
		if k, err := base64.StdEncoding.DecodeString(c.WebhookSecretKey); err != nil || len(k) != 32 {
			r.fail("WEBHOOK_SECRET_KEY", "not the base64 of 32 bytes (make one with `openssl rand -base64 32`)")
		}
	}
	if _, _, err := net.SplitHostPort(c.ListenAddr); err != nil {
		r.fail("LISTEN_ADDR", "%q is not host:port", c.ListenAddr)
	}
	if _, _, err := net.SplitHostPort(c.WorkerListenAddr); err != nil {
		r.fail("WORKER_LISTEN_ADDR", "%q is not host:port", c.WorkerListenAddr)
	}
	if c.JobRescueAfter <= c.JobTimeout {
		r.fail("JOB_RESCUE_AFTER", "%s must be longer than JOB_TIMEOUT (%s), or running jobs would be rescued", c.JobRescueAfter, c.JobTimeout)
	}
	if c.WorkerFetchCooldown < time.Millisecond {
		r.fail("WORKER_FETCH_COOLDOWN", "%s is below the 1ms minimum", c.WorkerFetchCooldown)
	}
	if c.PublicURL == "" {
		c.PublicURL = "http://" + c.ListenAddr
	}
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.fail("PUBLIC_URL", "%q is not an http(s) URL", c.PublicURL)
	}
	c.PublicURL = strings.TrimRight(c.PublicURL, "/")
	if c.SMTPURL != "" {
		if u, err := url.Parse(c.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
			shown := "the value"
			if err == nil {
				shown = fmt.Sprintf("%q", u.Redacted())
			}
			r.fail("SMTP_URL", "%s is not smtp://[user:pass@]host[:port] or smtps://…", shown)
		}
	}
	return c, errors.Join(r.errs...)
}

type reader struct {
	lookup func(string) (string, bool)
	errs   []error
}

func (r *reader) fail(name, format string, args ...any) {
	r.errs = append(r.errs, fmt.Errorf("%s: %s", name, fmt.Sprintf(format, args...)))
}

func (r *reader) str(name, def string) string {
	if v, ok := r.lookup(name); ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	return def
}

func (r *reader) oneOf(name, def string, allowed ...string) string {
	v := strings.ToLower(r.str(name, def))
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	r.fail(name, "%q is not one of %s", v, strings.Join(allowed, ", "))
	return def
}

func (r *reader) duration(name string, def time.Duration) time.Duration {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		r.fail(name, "%q is not a positive duration such as 168h or 30m", v)
		return def
	}
	return d
}

func (r *reader) integer(name string, def int) int {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		r.fail(name, "%q is not a positive integer", v)
		return def
	}
	return n
}

// list reads a list of values separated by commas or white space.
func (r *reader) list(name string) []string {
	return strings.FieldsFunc(r.str(name, ""), func(c rune) bool { return c == ',' || c == ' ' || c == '\t' || c == '\n' })
}

func (r *reader) prefixes(name string) []netip.Prefix {
	var out []netip.Prefix
	for _, v := range r.list(name) {
		if p, err := netip.ParsePrefix(v); err == nil {
			out = append(out, p.Masked())
		} else if a, err := netip.ParseAddr(v); err == nil {
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
		} else {
			r.fail(name, "%q is not a CIDR such as 10.0.0.0/8 or an IP address", v)
		}
	}
	return out
}

// origins reads exact origins: scheme://host[:port], no path, no wildcard.
func (r *reader) origins(name string) []string {
	var out []string
	for _, v := range r.list(name) {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Contains(u.Host, "*") ||
			strings.TrimRight(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			r.fail(name, "%q is not an origin such as https://panel.example.com", v)
			continue
		}
		out = append(out, strings.ToLower(u.Scheme+"://"+u.Host))
	}
	return out
}

func (r *reader) boolean(name string, def bool) bool {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		r.fail(name, "%q is not true or false", v)
		return def
	}
	return b
}
