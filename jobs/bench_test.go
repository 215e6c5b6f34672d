package jobs_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/mail"
	"github.com/rosterhq/roster/internal/mailcapture"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/jobs"
)

// BenchmarkSendInvitationEmail_Throughput queues 10,000 invitations, then
// starts River with the real workers (8 pooled SMTP connections, the default)
// against an SMTP sink on loopback (go-smtp in this process, keeping only
// envelopes) and
// reports delivered emails per second. Run:
//
//	go run ./cmd/pgtest go test -run '^$' -bench Throughput -benchtime 1x ./jobs/
func BenchmarkSendInvitationEmail_Throughput(b *testing.B) {
	const total, workers, smtpConns = 10_000, 100, 8 // SMTP_CONNECTIONS' default
	for b.Loop() {
		bundle := setup(b)
		ctx := context.Background()
		bundle.invites.DailyQuota = total
		for batch := 0; batch < total/500; batch++ {
			var sb strings.Builder
			for i := 0; i < 500; i++ {
				fmt.Fprintf(&sb, "u%d-%d@bench.test ", batch, i)
			}
			_, err := bundle.invites.Invite(ctx, bundle.admin, bundle.account, sb.String(), member.RoleUser)
			require.NoError(b, err)
		}
		sink, err := mailcapture.StartSink("127.0.0.1:0")
		require.NoError(b, err)
		defer sink.Close()
		sender, err := mail.NewSender(mail.Config{URL: sink.URL(), TLS: "none", From: "Roster <roster@roster.test>", MaxConns: smtpConns})
		require.NoError(b, err)
		w := river.NewWorkers()
		jobs.Register(w, jobs.Deps{Pool: bundle.pool, Mailer: sender, PublicURL: "https://panel.test", WelcomeTTL: time.Hour})
		client, err := river.NewClient(riverpgxv5.New(bundle.pool), &river.Config{
			Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: workers}},
			Workers: w, FetchCooldown: 5 * time.Millisecond, FetchPollInterval: 50 * time.Millisecond,
		})
		require.NoError(b, err)
		start := time.Now()
		require.NoError(b, client.Start(ctx))
		wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		_, err = sink.Wait(wctx, total)
		cancel()
		elapsed := time.Since(start)
		require.NoError(b, err)
		require.NoError(b, client.Stop(ctx))
		require.NoError(b, sender.Close())
		var sent int
		require.NoError(b, bundle.pool.QueryRow(ctx, `SELECT count(*) FROM invitations WHERE delivery_state = 'SENT'`).Scan(&sent))
		require.Equal(b, total, sent)
		b.ReportMetric(float64(total)/elapsed.Seconds(), "emails/s")
		b.ReportMetric(workers, "workers")
		b.ReportMetric(float64(sink.Connections()), "smtp-conns")
	}
}
