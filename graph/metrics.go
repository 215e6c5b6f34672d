package graph

import (
	"context"
	"regexp"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/vektah/gqlparser/v2/ast"
)

// OutcomeOK is the outcome code of an operation answered without errors.
const OutcomeOK = "OK"

// OutcomeCanceled is the outcome code of an operation that failed because
// its client went away first: not a server error, whatever the answer (which
// nobody reads) says.
const OutcomeCanceled = "CANCELED"

// maxOperationNames bounds the distinct operation names the metrics keep:
// names are chosen by clients, so past this many the rest count as "other".
const maxOperationNames = 200

var operationNamePattern = regexp.MustCompile(`^[_A-Za-z][_0-9A-Za-z]{0,63}$`)

// OperationMetrics is a gqlgen handler extension that counts GraphQL
// operations by operation name, operation type and outcome code (OK, the
// extensions.code of the first error, or OutcomeCanceled), and times them by name. It also
// fills the OperationNote of the request's context, for the request log.
type OperationMetrics struct {
	operations *prometheus.CounterVec
	duration   *prometheus.HistogramVec

	mu    sync.Mutex
	names map[string]struct{}
}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = (*OperationMetrics)(nil)

// NewOperationMetrics returns the extension with its metrics registered in
// reg: roster_graphql_operations_total{operation,type,code} and
// roster_graphql_operation_duration_seconds{operation,type}. It panics when
// reg already holds metrics of these names.
func NewOperationMetrics(reg prometheus.Registerer) *OperationMetrics {
	m := &OperationMetrics{
		operations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "roster_graphql_operations_total",
			Help: "GraphQL operations by operation name, type (query, mutation) and outcome code (OK, the extensions.code of the first error, or CANCELED when the client went away first).",
		}, []string{"operation", "type", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "roster_graphql_operation_duration_seconds",
			Help:    "GraphQL operation duration by operation name and type, from the start of the request.",
			Buckets: prometheus.DefBuckets,
		}, []string{"operation", "type"}),
		names: map[string]struct{}{},
	}
	reg.MustRegister(m.operations, m.duration)
	return m
}

// ExtensionName names the extension for gqlgen.
func (*OperationMetrics) ExtensionName() string { return "OperationMetrics" }

// Validate accepts every schema.
func (*OperationMetrics) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse records the operation once its response is complete,
// including responses of requests refused before execution (parse and
// validation errors, the complexity limit). A subscription's responses are
// its events: each is counted, the end of the stream (no response) is not,
// and no duration is observed (time since the subscription began, hours
// perhaps, would fill the histogram's last bucket).
func (m *OperationMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if !graphql.HasOperationContext(ctx) {
		return resp
	}
	oc := graphql.GetOperationContext(ctx)
	subscription := oc.Operation != nil && oc.Operation.Operation == ast.Subscription
	if subscription && resp == nil {
		return resp
	}
	name, kind := oc.OperationName, "unknown"
	if oc.Operation != nil {
		if name == "" {
			name = oc.Operation.Name
		}
		kind = string(oc.Operation.Operation)
	}
	code := OutcomeOK
	if resp != nil && len(resp.Errors) > 0 {
		code = "UNKNOWN"
		if c, ok := resp.Errors[0].Extensions["code"].(string); ok && c != "" {
			code = c
		}
		if clientGone(ctx) {
			code = OutcomeCanceled
		}
	}
	if note := operationNoteFrom(ctx); note != nil {
		note.set(name, code)
	}
	label := m.label(name)
	m.operations.WithLabelValues(label, kind, code).Inc()
	start := oc.Stats.OperationStart
	if start.IsZero() {
		start = graphql.GetStartTime(ctx)
	}
	if !start.IsZero() && !subscription {
		m.duration.WithLabelValues(label, kind).Observe(time.Since(start).Seconds())
	}
	return resp
}

// label returns the metric label of an operation name: "anonymous" for none,
// "other" for a malformed name or one past the first maxOperationNames.
func (m *OperationMetrics) label(name string) string {
	if name == "" {
		return "anonymous"
	}
	if !operationNamePattern.MatchString(name) {
		return "other"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.names[name]; ok {
		return name
	}
	if len(m.names) >= maxOperationNames {
		return "other"
	}
	m.names[name] = struct{}{}
	return name
}

// OperationNote receives the name and outcome code of the GraphQL operation
// of one request, so that the request log can name them.
type OperationNote struct {
	mu         sync.Mutex
	name, code string
}

func (n *OperationNote) set(name, code string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.name, n.code = name, code
}

// Get returns the operation name and outcome code, empty when no operation ran.
func (n *OperationNote) Get() (name, code string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.name, n.code
}

type operationNoteKey struct{}

// WithOperationNote returns ctx carrying n, which OperationMetrics fills.
func WithOperationNote(ctx context.Context, n *OperationNote) context.Context {
	return context.WithValue(ctx, operationNoteKey{}, n)
}

func operationNoteFrom(ctx context.Context) *OperationNote {
	n, _ := ctx.Value(operationNoteKey{}).(*OperationNote)
	return n
}
