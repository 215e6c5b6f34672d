// Command rosterbench measures Roster as users run it: the real `roster`
// binary (`serve`, `worker`, `seed`, `migrate`) in processes of their own,
// against PostgreSQL and a real SMTP peer in other processes, with the
// shipped defaults unless a flag says otherwise.
//
//	rosterbench emails   invitation emails per second, from the first inviteUsers call to the last email sent
//	                     (-crash: SIGKILL the worker mid-delivery, start another, time until every email is out)
//	rosterbench http     the members page under 16 concurrent clients (wrk), Roster against PostGraphile 4
//	rosterbench scale    p50/p99 of every read path at 1k, 100k and 1M rows
//
// With no DATABASE_URL it starts a private, durable PostgreSQL cluster under
// ./.roster/bench (kept between runs). Each run uses a fresh database.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

const usage = `usage: rosterbench <emails|http|scale> [flags]  (rosterbench <command> -h for flags)`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "rosterbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	rosterBin := fs.String("roster", "", "roster binary to run (default: go build ./cmd/roster)")
	var measure func(context.Context, *bench) error
	switch args[0] {
	case "emails":
		o := emailOpts{}
		fs.IntVar(&o.Invites, "invites", 10_000, "invitations to send, in inviteUsers calls of 500")
		fs.IntVar(&o.Runs, "runs", 3, "runs; the median is reported")
		fs.StringVar(&o.SMTP, "smtp", "", "host:port of an SMTP server to send to (default: start postfix's smtp-sink)")
		fs.BoolVar(&o.Crash, "crash", false, "kill -9 the worker after a tenth of the emails, start another, and time the recovery")
		measure = func(ctx context.Context, b *bench) error { return benchEmails(ctx, b, o) }
	case "http":
		o := httpOpts{}
		fs.IntVar(&o.Members, "members", 10_000, "members of the account whose page is read")
		fs.IntVar(&o.Page, "page", 500, "page number read (page size 10)")
		fs.IntVar(&o.Clients, "clients", 16, "concurrent clients")
		fs.DurationVar(&o.Duration, "duration", 0, "measurement per server (default 15s)")
		measure = func(ctx context.Context, b *bench) error { return benchHTTP(ctx, b, o) }
	case "scale":
		o := scaleOpts{}
		fs.StringVar(&o.Sizes, "sizes", "1000,100000,1000000", "row counts (users; members of the big account; accounts are a tenth)")
		fs.IntVar(&o.Requests, "requests", 200, "requests per read path and size")
		measure = func(ctx context.Context, b *bench) error { return benchScale(ctx, b, o) }
	default:
		return errors.New(usage)
	}
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	env, err := newBench(ctx, *rosterBin)
	if err != nil {
		return err
	}
	defer env.Close()
	return measure(ctx, env)
}
