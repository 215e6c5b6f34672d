package server_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/jobs"
)

// scrape returns the text of GET url.
func scrape(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

// requireSample fails unless the exposition holds a sample of the metric
// whose labels (in Prometheus' sorted order) start with labels.
func requireSample(t *testing.T, text, metric, labels string) {
	t.Helper()
	for line := range strings.SplitSeq(text, "\n") {
		if strings.HasPrefix(line, metric+"{"+labels) || (labels == "" && strings.HasPrefix(line, metric+" ")) {
			return
		}
	}
	require.Failf(t, "metric missing", "no %s{%s…} in /metrics", metric, labels)
}

func TestMetrics_OperationOutcome(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.User("ann@example.test", true)
	env.SignIn("ann@example.test").Do(`query Me { viewer { id } }`, nil).Must()
	r := env.Anon().Do(`query Who($id: ID!) { user(id: $id) { id } }`, apptest.Vars{"id": uuid.NewString()})
	require.Equal(t, "UNAUTHENTICATED", r.Code())
	for range 11 {
		env.Anon().Do(`mutation SignIn($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`,
			apptest.Vars{"e": "ann@example.test", "p": "wrong password"})
	}
	r = env.Anon().Do(`mutation SignIn($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`,
		apptest.Vars{"e": "ann@example.test", "p": "wrong password"})
	require.Equal(t, "LIMIT_EXCEEDED", r.Code())
	env.Anon().Do(`{ nope }`, nil)

	text := scrape(t, env.Server.URL+"/metrics")
	for _, tc := range []struct{ metric, labels string }{
		{"roster_graphql_operations_total", `code="OK",operation="Me",type="query"} 1`},
		{"roster_graphql_operations_total", `code="UNAUTHENTICATED",operation="Who",type="query"} 1`},
		{"roster_graphql_operations_total", `code="LIMIT_EXCEEDED",operation="SignIn",type="mutation"}`},
		{"roster_graphql_operations_total", `code="UNAUTHENTICATED",operation="SignIn",type="mutation"} 10`},
		// Refused before execution: counted too, the error presenter's code.
		{"roster_graphql_operations_total", `code="INVALID_INPUT",operation="anonymous",type="unknown"} 1`},
		{"roster_graphql_operation_duration_seconds_count", `operation="Who",type="query"}`},
		{"roster_http_requests_total", `route="graphql"`},
		{"roster_sign_in_throttled_total", `key="email"}`},
		{"roster_db_pool_connections", `state="idle"}`},
		{"roster_db_pool_max_connections", ``},
		{"roster_db_pool_acquires_total", ``},
		{"go_goroutines", ``},
	} {
		requireSample(t, text, tc.metric, tc.labels)
	}
}

func TestMetrics_JobsAndEmails(t *testing.T) {
	t.Parallel()
	env := apptest.New(t, apptest.WithWorkers)
	env.User("bob@example.test", false)
	ctx := context.Background()
	_, err := env.App.River.Insert(ctx, jobs.SendPasswordResetEmailArgs{Email: "bob@example.test"}, nil)
	require.NoError(t, err)
	env.WaitMail(1)
	env.Eventually(func() bool {
		return strings.Contains(scrape(t, env.Server.URL+"/metrics"), `roster_jobs_total{kind="SendPasswordResetEmail",state="completed"} 1`)
	}, "the job is counted")

	text := scrape(t, env.Server.URL+"/metrics")
	for _, tc := range []struct{ metric, labels string }{
		{"roster_jobs_total", `kind="SendPasswordResetEmail",state="completed"} 1`},
		{"roster_job_duration_seconds_count", `kind="SendPasswordResetEmail",state="completed"} 1`},
		{"roster_emails_total", `kind="SendPasswordResetEmail",outcome="sent"} 1`},
		{"roster_smtp_connections", `state="idle"}`},
		{"roster_smtp_connections_max", ``},
		{"roster_smtp_dials_total", ``},
	} {
		requireSample(t, text, tc.metric, tc.labels)
	}
}
