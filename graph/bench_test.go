package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/member"
)

// reportMedian adds the median of durations, in milliseconds, to the benchmark.
func reportMedian(b *testing.B, durations []time.Duration) {
	slices.Sort(durations)
	b.ReportMetric(float64(durations[len(durations)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(durations[len(durations)*9/10].Microseconds())/1000, "p90-ms")
}

// BenchmarkInviteUsers_500 sends inviteUsers with 500 new addresses over HTTP
// (parsing, screening, 500 invitations, 500 River jobs, audit events, one
// transaction). Run:
//
//	go run ./cmd/pgtest go test -run '^$' -bench InviteUsers -benchtime 30x ./graph/
func BenchmarkInviteUsers_500(b *testing.B) {
	env := apptest.New(b, func(c *config.Config) { c.InvitationDailyQuota = 1 << 30 })
	acct := env.Account("Bench")
	env.Member(acct, env.User("admin@bench.test", false), member.RoleAdministrator, member.StatusActive)
	admin := env.SignIn("admin@bench.test")
	var durations []time.Duration
	round := 0
	for b.Loop() {
		var sb strings.Builder
		for i := 0; i < 500; i++ {
			fmt.Fprintf(&sb, "user%d.%d@bench.test, ", round, i)
		}
		round++
		start := time.Now()
		r := admin.Do(inviteUsers, apptest.Vars{"a": acct.ID, "e": sb.String(), "r": "USER"})
		durations = append(durations, time.Since(start))
		if len(r.Errors) > 0 || len(r.Get("inviteUsers.created").([]any)) != 500 {
			b.Fatalf("inviteUsers: %v", r.Errors)
		}
	}
	reportMedian(b, durations)
}
