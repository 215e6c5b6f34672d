package jobs_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/jobs"
)

func TestMetrics_MiddlewareStatesAndLogLevels(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name         string
		attempt, max int
		err          error
		state, level string
		wantLog      bool
	}{
		{"completed", 1, 8, nil, jobs.StateCompleted, "", false},
		{"retried", 1, 8, errors.New("smtp: 451 try later"), jobs.StateRetryable, "WARN", true},
		{"discarded", 8, 8, errors.New("smtp: 451 try later"), jobs.StateDiscarded, "ERROR", true},
		{"cancelled", 1, 8, river.JobCancel(errors.New("smtp: 550 no such user")), jobs.StateCancelled, "WARN", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			reg := prometheus.NewRegistry()
			var logs bytes.Buffer
			m := jobs.NewMetrics(reg, slog.New(slog.NewJSONHandler(&logs, nil)))
			job := &rivertype.JobRow{ID: 7, Kind: "SendInvitationEmail", Attempt: tc.attempt, MaxAttempts: tc.max}
			err := m.Middleware().(rivertype.WorkerMiddleware).Work(context.Background(), job, func(context.Context) error { return tc.err })
			require.ErrorIs(t, err, tc.err)
			require.Equal(t, map[string]float64{"SendInvitationEmail/" + tc.state: 1}, counters(t, reg, "roster_jobs_total", "kind", "state"))
			if !tc.wantLog {
				require.Empty(t, logs.String())
				return
			}
			var entry map[string]any
			require.NoError(t, json.Unmarshal(logs.Bytes(), &entry))
			require.Equal(t, tc.level, entry["level"])
			require.Equal(t, "SendInvitationEmail", entry["job_kind"])
			require.IsType(t, float64(0), entry["duration_ms"])
		})
	}
}

func TestArgs_AbsentIDsOmitted(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(jobs.SendPasswordResetEmailArgs{Email: "ann@example.test"})
	require.NoError(t, err)
	require.JSONEq(t, `{"email":"ann@example.test"}`, string(b), "no zero UUID for the absent user id")
	b, err = json.Marshal(jobs.DeliverNotificationArgs{})
	require.NoError(t, err)
	require.NotContains(t, string(b), "user_id")
}

// counters returns the values of a counter vector by its labels' values
// joined with "/".
func counters(t *testing.T, reg *prometheus.Registry, name string, labels ...string) map[string]float64 {
	t.Helper()
	families, err := reg.Gather()
	require.NoError(t, err)
	out := map[string]float64{}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			values := map[string]string{}
			for _, l := range m.GetLabel() {
				values[l.GetName()] = l.GetValue()
			}
			var key []string
			for _, l := range labels {
				key = append(key, values[l])
			}
			out[strings.Join(key, "/")] = m.GetCounter().GetValue()
		}
	}
	return out
}
