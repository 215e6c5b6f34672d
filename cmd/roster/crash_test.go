package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/dbtest"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/mailcapture"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
	"github.com/rosterhq/roster/jobs"
)

// childEnv makes the test binary run roster's main instead of the tests, so
// a test can start, and kill, a real roster process without building one.
const childEnv = "ROSTER_TEST_RUN_MAIN"

func init() {
	if os.Getenv(childEnv) == "1" {
		main()
		os.Exit(0)
	}
}

// startRoster starts `roster <args>` as a child process with env added.
func startRoster(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), childEnv+"=1", "LOG_LEVEL=warn"), env...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
		if t.Failed() {
			t.Logf("roster %s output:\n%s", strings.Join(args, " "), out.String())
		}
	})
	return cmd
}

// TestWorker_CrashRecovery kills a real `roster worker` with SIGKILL while
// it delivers 3,000 invitation emails, starts another, and checks that every
// email arrives, that only jobs that were in flight were sent twice, and
// that every invitation ends SENT. JOB_TIMEOUT and JOB_RESCUE_AFTER are
// shortened so the test does not wait the shipped minute.
func TestWorker_CrashRecovery(t *testing.T) {
	t.Parallel()
	const total, concurrency = 3000, 100
	ctx := context.Background()
	url := dbtest.URL(dbtest.CreateDatabase(t))
	pool, err := db.Open(ctx, url, nil)
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	capture, err := mailcapture.StartSink("127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = capture.Close() })

	// 3,000 invitations and their jobs, as inviteUsers makes them.
	rc, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	require.NoError(t, err)
	svc := &invite.Service{Pool: pool, Jobs: jobs.Enqueuer{Client: rc}, TTL: time.Hour, DailyQuota: total, BatchLimit: 500}
	var acct account.Account
	var owner user.User
	require.NoError(t, pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if acct, err = account.Create(ctx, tx, "Crash", account.DirectoryLocal); err != nil {
			return err
		}
		if owner, err = user.Create(ctx, tx, "owner@crash.test", "Owner", "", false); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, 'OWNER')`, acct.ID, owner.ID)
		return err
	}))
	for batch := 0; batch < total/500; batch++ {
		var sb strings.Builder
		for i := 0; i < 500; i++ {
			fmt.Fprintf(&sb, "b%d-u%d@crash.test ", batch, i)
		}
		res, err := svc.Invite(ctx, invite.Actor{ID: owner.ID, Name: "Owner"}, acct.ID, sb.String(), member.RoleUser)
		require.NoError(t, err)
		require.Len(t, res.Created, 500)
	}

	env := []string{"DATABASE_URL=" + url, "SMTP_URL=" + capture.URL(), "SMTP_TLS=none", "WORKER_LISTEN_ADDR=127.0.0.1:0",
		fmt.Sprintf("WORKER_CONCURRENCY=%d", concurrency), "JOB_TIMEOUT=2s", "JOB_RESCUE_AFTER=4s"}
	first := startRoster(t, env, "worker")
	deadline := time.Now().Add(90 * time.Second)
	for capture.Count() < 100 {
		require.True(t, time.Now().Before(deadline), "the first worker sent nothing")
		time.Sleep(2 * time.Millisecond)
	}
	require.NoError(t, first.Process.Kill())
	_ = first.Wait()
	atKill := capture.Count()
	require.Less(t, atKill, total, "the worker finished before it could be killed: nothing was tested")

	second := startRoster(t, env, "worker")
	deadline = time.Now().Add(90 * time.Second)
	for {
		var sent int
		require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM invitations WHERE delivery_state = 'SENT'`).Scan(&sent))
		if sent == total {
			break
		}
		require.True(t, time.Now().Before(deadline), "%d of %d invitations SENT 90 s after the crash (%d emails before it)", sent, total, atKill)
		time.Sleep(50 * time.Millisecond)
	}
	require.Equal(t, total, capture.Recipients(), "every invitation reached its recipient")
	require.LessOrEqual(t, capture.Count()-total, concurrency, "only jobs in flight at the crash may be sent twice")
	require.NoError(t, second.Process.Signal(os.Interrupt))
	require.NoError(t, second.Wait(), "the second worker stops cleanly")
}
