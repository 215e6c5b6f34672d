package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type emailOpts struct {
	Invites int
	Runs    int
	SMTP    string
	// Crash kills the worker with SIGKILL once a tenth of the emails are
	// sent, starts another, and reports how long after the kill the last
	// invitation was SENT.
	Crash bool
}

// benchEmails measures invitation emails per second through the shipped
// pipeline: inviteUsers over HTTP on `roster serve` (WORKERS=false), one
// `roster worker` with the default settings, an SMTP server in a third
// process. The clock runs from the first inviteUsers call until the last
// invitation is recorded as SENT, which happens after the SMTP server has
// accepted its message.
func benchEmails(ctx context.Context, b *bench, o emailOpts) error {
	if o.Invites < 500 || o.Invites%500 != 0 {
		return fmt.Errorf("-invites must be a positive multiple of 500")
	}
	var rates []float64
	for run := 1; run <= o.Runs; run++ {
		rate, err := emailRun(ctx, b, o, run)
		if err != nil {
			return err
		}
		rates = append(rates, rate)
	}
	slices.Sort(rates)
	if o.Crash {
		fmt.Printf("crash: median %.1f s from the kill to the last email over %d runs (%s)\n", rates[len(rates)/2], len(rates), fmtRates(rates))
		return nil
	}
	fmt.Printf("emails: median %.0f emails/s over %d runs (%s)\n", rates[len(rates)/2], len(rates), fmtRates(rates))
	return nil
}

func fmtRates(r []float64) string {
	s := make([]string, len(r))
	for i, v := range r {
		s[i] = fmt.Sprintf("%.0f", v)
	}
	return strings.Join(s, ", ")
}

func emailRun(ctx context.Context, b *bench, o emailOpts, run int) (float64, error) {
	dbURL, err := b.newDatabase(ctx, "bench_emails")
	if err != nil {
		return 0, err
	}
	env := []string{"DATABASE_URL=" + dbURL}
	if _, err := b.rosterRun(ctx, env, "migrate"); err != nil {
		return 0, err
	}
	out, err := b.rosterRun(ctx, env, "seed", "--accounts", "1", "--members", "1", "--users", "1")
	if err != nil {
		return 0, err
	}
	owner := strings.Fields(strings.Split(out, "users: ")[1])[0] // the account's Owner

	smtpAddr := o.SMTP
	var sink *exec.Cmd
	if smtpAddr == "" {
		if smtpAddr, sink, err = startSMTPSink(b, run); err != nil {
			return 0, err
		}
		defer stopProc(sink)
	}
	base, api, err := b.serve(ctx, fmt.Sprintf("serve-emails-%d", run), dbURL, "WORKERS=false",
		fmt.Sprintf("INVITATION_DAILY_QUOTA=%d", o.Invites))
	if err != nil {
		return 0, err
	}
	defer stopProc(api)
	// The worker as shipped: only what it must be told.
	worker, err := b.start(fmt.Sprintf("worker-%d", run), append(env, "SMTP_URL=smtp://"+smtpAddr, "SMTP_TLS=none", "LOG_LEVEL=warn", "WORKER_LISTEN_ADDR=127.0.0.1:0"), b.roster, "worker")
	if err != nil {
		return 0, err
	}
	defer stopProc(worker)

	token, err := signIn(ctx, base, owner, "roster-demo-2026")
	if err != nil {
		return 0, err
	}
	var viewer struct {
		Viewer struct {
			Memberships []struct{ Account struct{ ID string } }
		}
	}
	if err := gql(ctx, base, token, `{ viewer { memberships { account { id } } } }`, nil, &viewer); err != nil {
		return 0, err
	}
	account := viewer.Viewer.Memberships[0].Account.ID
	conn, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		return 0, err
	}
	defer conn.Close()

	start := time.Now()
	var calls []time.Duration
	for batch := 0; batch < o.Invites/500; batch++ {
		var sb strings.Builder
		for i := 0; i < 500; i++ {
			fmt.Fprintf(&sb, "r%d-b%d-u%d@bench.test, ", run, batch, i)
		}
		t := time.Now()
		var res struct {
			InviteUsers struct {
				Created []struct{ ID string }
			} `json:"inviteUsers"`
		}
		if err := gql(ctx, base, token, `mutation($a: ID!, $e: String!) { inviteUsers(accountId: $a, emails: $e, role: USER) { created { id } } }`,
			map[string]any{"a": account, "e": sb.String()}, &res); err != nil {
			return 0, err
		}
		calls = append(calls, time.Since(t))
		if len(res.InviteUsers.Created) != 500 {
			return 0, fmt.Errorf("inviteUsers created %d invitations, not 500", len(res.InviteUsers.Created))
		}
	}
	var killedAt time.Time
	if o.Crash {
		for sent := 0; sent < o.Invites/10; {
			if err := conn.QueryRow(ctx, `SELECT count(*) FROM invitations WHERE delivery_state = 'SENT'`).Scan(&sent); err != nil {
				return 0, err
			}
			time.Sleep(2 * time.Millisecond)
		}
		_ = syscall.Kill(-worker.Process.Pid, syscall.SIGKILL)
		_ = worker.Wait()
		killedAt = time.Now()
		var sent, running int
		if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM invitations WHERE delivery_state = 'SENT'),
			(SELECT count(*) FROM river_job WHERE state = 'running')`).Scan(&sent, &running); err != nil {
			return 0, err
		}
		fmt.Printf("run %d: worker killed (SIGKILL) with %d emails sent and %d jobs running\n", run, sent, running)
		if worker, err = b.start(fmt.Sprintf("worker-%d-after-crash", run), append(env, "SMTP_URL=smtp://"+smtpAddr, "SMTP_TLS=none", "LOG_LEVEL=warn", "WORKER_LISTEN_ADDR=127.0.0.1:0"), b.roster, "worker"); err != nil {
			return 0, err
		}
		defer stopProc(worker)
	}
	deadline := time.Now().Add(10 * time.Minute)
	for {
		var sent, failed int
		if err := conn.QueryRow(ctx, `SELECT count(*) FILTER (WHERE delivery_state = 'SENT'), count(*) FILTER (WHERE delivery_state = 'FAILED') FROM invitations`).Scan(&sent, &failed); err != nil {
			return 0, err
		}
		if failed > 0 {
			return 0, fmt.Errorf("%d invitation emails failed (log: %s)", failed, b.dir)
		}
		if sent >= o.Invites {
			break
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("only %d of %d emails sent after 10 minutes", sent, o.Invites)
		}
		time.Sleep(5 * time.Millisecond)
	}
	elapsed := time.Since(start)
	if o.Crash {
		after := time.Since(killedAt)
		fmt.Printf("run %d: all %d invitations SENT %s after the kill\n", run, o.Invites, after.Round(100*time.Millisecond))
		return after.Seconds(), nil
	}
	slices.Sort(calls)
	rate := float64(o.Invites) / elapsed.Seconds()
	fmt.Printf("run %d: %d emails in %s = %.0f emails/s; inviteUsers(500) median %s, max %s; worker peak RSS %.0f MiB\n",
		run, o.Invites, elapsed.Round(time.Millisecond), rate, calls[len(calls)/2].Round(time.Millisecond),
		calls[len(calls)-1].Round(time.Millisecond), peakRSS(worker.Process.Pid))
	return rate, nil
}

// startSMTPSink starts postfix's smtp-sink, which accepts and discards every
// message, on a free loopback port.
func startSMTPSink(b *bench, run int) (string, *exec.Cmd, error) {
	bin, err := ensureTool("smtp-sink", "postfix")
	if err != nil {
		return "", nil, fmt.Errorf("%w, or pass -smtp host:port", err)
	}
	port, err := freePort()
	if err != nil {
		return "", nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	args := []string{addr, "1000"}
	if os.Geteuid() == 0 {
		args = append([]string{"-u", "nobody"}, args...)
	}
	cmd, err := b.start(fmt.Sprintf("smtp-sink-%d", run), nil, bin, args...)
	if err != nil {
		return "", nil, err
	}
	for i := 0; i < 50; i++ {
		if c, err := dialTCP(addr); err == nil {
			c.Close()
			return addr, cmd, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return "", nil, fmt.Errorf("smtp-sink did not listen on %s", addr)
}
