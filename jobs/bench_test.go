package jobs_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/app"
	"github.com/rosterhq/roster/internal/config"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/mailcapture"
	"github.com/rosterhq/roster/internal/member"
)

// BenchmarkSendInvitationEmail_Throughput queues 10,000 invitations, then
// starts the workers exactly as `roster worker` does — app.New with the
// default configuration and a pool opened by db.Open — against an SMTP sink
// on loopback (go-smtp in this process, keeping only envelopes), and reports
// delivered emails per second. `rosterbench emails` measures the same with
// every part in its own process. Run:
//
//	go run ./cmd/pgtest go test -run '^$' -bench Throughput -benchtime 1x ./jobs/
func BenchmarkSendInvitationEmail_Throughput(b *testing.B) {
	const total = 10_000
	for b.Loop() {
		ctx := context.Background()
		bundle := setup(b)
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
		cfg, err := config.FromLookup(func(string) (string, bool) { return "", false })
		require.NoError(b, err)
		cfg.SMTPURL, cfg.SMTPTLS = sink.URL(), "none"
		pool, err := db.Open(ctx, bundle.pool.Config().ConnString(), nil) // the shipped pool settings
		require.NoError(b, err)
		defer pool.Close()
		on := true
		a, err := app.New(cfg, pool, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{Workers: &on})
		require.NoError(b, err)
		start := time.Now()
		require.NoError(b, a.Start(ctx))
		wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		_, err = sink.Wait(wctx, total)
		cancel()
		elapsed := time.Since(start)
		require.NoError(b, err)
		require.NoError(b, a.Stop(ctx))
		var sent int
		require.NoError(b, pool.QueryRow(ctx, `SELECT count(*) FROM invitations WHERE delivery_state = 'SENT'`).Scan(&sent))
		require.Equal(b, total, sent)
		b.ReportMetric(float64(total)/elapsed.Seconds(), "emails/s")
		b.ReportMetric(float64(cfg.WorkerConcurrency), "workers")
		b.ReportMetric(float64(sink.Connections()), "smtp-conns")
	}
}
