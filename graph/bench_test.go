package graph_test

import (
	"context"
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

// BenchmarkDeactivateUser_1000Accounts deactivates platform-wide, over HTTP,
// a user who belongs to 1,000 accounts and is a notification recipient in
// each (impact computed, sessions revoked, audit written), then activates
// them again outside the timer. Run:
//
//	go run ./cmd/pgtest go test -run '^$' -bench DeactivateUser -benchtime 30x ./graph/
func BenchmarkDeactivateUser_1000Accounts(b *testing.B) {
	env := apptest.New(b)
	busy := env.User("busy@bench.test", false)
	env.Exec(`INSERT INTO accounts (name) SELECT 'Account ' || i FROM generate_series(1, 1000) AS i`)
	env.Exec(`INSERT INTO memberships (account_id, user_id, role) SELECT id, $1, 'ADMINISTRATOR' FROM accounts`, busy.ID)
	env.Exec(`INSERT INTO notification_recipients (account_id, kind, user_id) SELECT id, 'BILLING', $1 FROM accounts`, busy.ID)
	env.Exec(`INSERT INTO sessions (user_id, token_hash, expires_at) SELECT $1, sha256(i::text::bytea), now() + interval '1 day' FROM generate_series(1, 20) AS i`, busy.ID)
	env.Exec(`ANALYZE`)
	env.User("op@bench.test", true)
	op := env.SignIn("op@bench.test")
	var durations []time.Duration
	for b.Loop() {
		start := time.Now()
		r := op.Do(deactivateUser, apptest.Vars{"u": busy.ID, "c": true})
		durations = append(durations, time.Since(start))
		if len(r.Errors) > 0 || len(r.Get("deactivateUser.warnings").([]any)) != 1000 {
			b.Fatalf("deactivateUser: %v", r.Errors)
		}
		b.StopTimer()
		env.Exec(`UPDATE users SET status = 'ACTIVE' WHERE id = $1`, busy.ID)
		b.StartTimer()
	}
	reportMedian(b, durations)
}

// BenchmarkDeleteMembers_100 deletes 100 members of one account in one call
// over HTTP (each checked, removed, audited, recipients handed over, sessions
// revoked where no access is left), then puts them back outside the timer. Run:
//
//	go run ./cmd/pgtest go test -run '^$' -bench DeleteMembers -benchtime 30x ./graph/
func BenchmarkDeleteMembers_100(b *testing.B) {
	env := apptest.New(b)
	acct := env.Account("Bench")
	env.Member(acct, env.User("owner@bench.test", false), member.RoleOwner, member.StatusActive)
	env.Member(acct, env.User("admin@bench.test", false), member.RoleAdministrator, member.StatusActive)
	env.Exec(`INSERT INTO users (email, name) SELECT 'm' || i || '@bench.test', 'M ' || i FROM generate_series(1, 100) AS i`)
	restore := func() {
		env.Exec(`INSERT INTO memberships (account_id, user_id, role) SELECT $1, id, 'USER' FROM users WHERE email LIKE 'm%@bench.test'`, acct.ID)
		env.Exec(`INSERT INTO notification_recipients (account_id, kind, user_id) SELECT $1, 'TECHNICAL', id FROM users WHERE email LIKE 'm1_@bench.test' ON CONFLICT DO NOTHING`, acct.ID)
	}
	restore()
	var targets []string
	rows, err := env.Pool.Query(context.Background(), `SELECT id::text FROM users WHERE email LIKE 'm%@bench.test'`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id string
		_ = rows.Scan(&id)
		targets = append(targets, id)
	}
	admin := env.SignIn("admin@bench.test")
	var durations []time.Duration
	for b.Loop() {
		start := time.Now()
		r := admin.Do(deleteMembers, apptest.Vars{"a": acct.ID, "u": targets})
		durations = append(durations, time.Since(start))
		if len(r.Errors) > 0 || countApplied(r, "deleteMembers") != 100 {
			b.Fatalf("deleteMembers: %v", r.Errors)
		}
		b.StopTimer()
		restore()
		b.StartTimer()
	}
	reportMedian(b, durations)
}
