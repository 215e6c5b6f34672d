package mail_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/mail"
	"github.com/rosterhq/roster/internal/mailcapture"
)

const from = "Roster <no-reply@example.com>"

func startCapture(t *testing.T) *mailcapture.Server {
	t.Helper()
	srv, err := mailcapture.Start("127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

func newSender(t *testing.T, url, tlsMode string, maxConns int) *mail.Sender {
	t.Helper()
	s, err := mail.NewSender(mail.Config{URL: url, TLS: tlsMode, From: from, MaxConns: maxConns})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func testMessage(to string) mail.Message {
	return mail.Message{
		To:      to,
		ToName:  "Ann Example",
		Subject: "Hello Ann",
		Text:    "Open https://roster.example.com/a?x=1 to continue.",
		HTML:    `<p>Open <a href="https://roster.example.com/a?x=1">the panel</a> to continue.</p>`,
		Headers: map[string]string{"X-Roster-Job": "42"},
	}
}

func TestNewSender_Validates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		cfg      mail.Config
		contains string
	}{
		{"empty url", mail.Config{From: from}, "SMTP_URL"},
		{"http scheme", mail.Config{URL: "http://mail.example.com", From: from}, "SMTP_URL"},
		{"no host", mail.Config{URL: "smtp://:25", From: from}, "SMTP_URL"},
		{"bad port", mail.Config{URL: "smtp://mail.example.com:99999", From: from}, "SMTP_URL"},
		{"path", mail.Config{URL: "smtp://mail.example.com/x", From: from}, "SMTP_URL"},
		{"unparsable keeps the password out", mail.Config{URL: "smtp://user:s3cret@mail example.com", From: from}, "SMTP_URL"},
		{"unknown tls", mail.Config{URL: "smtp://mail.example.com", TLS: "sometimes", From: from}, "SMTP_TLS"},
		{"smtps without tls", mail.Config{URL: "smtps://mail.example.com", TLS: "none", From: from}, "SMTP_TLS"},
		{"bad from", mail.Config{URL: "smtp://mail.example.com", From: "Roster"}, "MAIL_FROM"},
		{"negative conns", mail.Config{URL: "smtp://mail.example.com", From: from, MaxConns: -1}, "MaxConns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := mail.NewSender(tc.cfg)
			require.ErrorContains(t, err, tc.contains)
			require.NotContains(t, err.Error(), "s3cret")
		})
	}

	for _, cfg := range []mail.Config{
		{URL: "smtp://mail.example.com", From: from},
		{URL: "smtp://user:pa%40ss@mail.example.com:25", TLS: "opportunistic", From: from},
		{URL: "smtps://mail.example.com", TLS: "mandatory", From: "no-reply@localhost", MaxConns: 1},
	} {
		s, err := mail.NewSender(cfg)
		require.NoError(t, err, cfg.URL)
		require.NoError(t, s.Close())
	}
}

func TestSender_Send(t *testing.T) {
	t.Parallel()
	srv := startCapture(t)
	s := newSender(t, srv.URL(), "none", 0)

	require.NoError(t, s.Send(t.Context(), testMessage("ann@example.com")))

	msgs := srv.Messages()
	require.Len(t, msgs, 1)
	m := msgs[0]
	require.Equal(t, "no-reply@example.com", m.From)
	require.Equal(t, []string{"ann@example.com"}, m.To)
	require.Equal(t, "Hello Ann", m.Subject)
	require.Equal(t, "Open https://roster.example.com/a?x=1 to continue.", m.Text)
	require.Contains(t, m.HTML, `<a href="https://roster.example.com/a?x=1">the panel</a>`)
	require.Equal(t, []string{"https://roster.example.com/a?x=1"}, m.Links)
	require.Equal(t, "42", m.Headers["X-Roster-Job"])
	require.Contains(t, m.Headers["To"], "Ann Example")
	require.Contains(t, m.Headers["From"], "no-reply@example.com")
	require.True(t, strings.HasPrefix(m.Headers["Content-Type"], "multipart/alternative;"), m.Headers["Content-Type"])
	require.NotEmpty(t, m.Headers["Message-Id"])
	require.NotEmpty(t, m.Headers["Date"])
}

func TestSender_Concurrent(t *testing.T) {
	t.Parallel()
	srv := startCapture(t)
	s := newSender(t, srv.URL(), "none", 4)

	const n = 100
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() { errs <- s.Send(t.Context(), testMessage(fmt.Sprintf("user%d@example.com", i))) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}

	msgs := srv.Messages()
	require.Len(t, msgs, n)
	got := map[string]bool{}
	for _, m := range msgs {
		got[m.To[0]] = true
	}
	require.Len(t, got, n)
	require.LessOrEqual(t, srv.Connections(), 4, "at most MaxConns connections")
	require.Less(t, srv.Connections(), n)
}

func TestSender_Retry(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		code      int
		permanent bool
	}{
		{"451 is temporary", 451, false},
		{"421 is temporary", 421, false},
		{"550 is permanent", 550, true},
		{"552 is permanent", 552, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := startCapture(t)
			s := newSender(t, srv.URL(), "none", 1)

			srv.FailNext(1, tc.code, "refused by test")
			err := s.Send(t.Context(), testMessage("ann@example.com"))
			require.ErrorContains(t, err, fmt.Sprint(tc.code))
			require.ErrorContains(t, err, "refused by test")
			require.Equal(t, tc.permanent, mail.IsPermanent(err))
			require.Empty(t, srv.Messages())

			// The same message goes through next time.
			require.NoError(t, s.Send(t.Context(), testMessage("ann@example.com")))
			require.Len(t, srv.Messages(), 1)
		})
	}
}

func TestSender_ReusesConnectionAfterRefusal(t *testing.T) {
	t.Parallel()
	srv := startCapture(t)
	s := newSender(t, srv.URL(), "none", 1)

	srv.FailRecipient("gone@example.com", 550)
	require.NoError(t, s.Send(t.Context(), testMessage("ann@example.com")))
	err := s.Send(t.Context(), testMessage("gone@example.com"))
	require.True(t, mail.IsPermanent(err), err)
	require.NoError(t, s.Send(t.Context(), testMessage("bob@example.com")))

	require.Len(t, srv.Messages(), 2)
	require.Equal(t, 1, srv.Connections(), "a refused recipient does not cost the connection")
}

func TestSender_ReconnectsDeadConnection(t *testing.T) {
	t.Parallel()
	srv, err := mailcapture.Start("127.0.0.1:0")
	require.NoError(t, err)
	addr := srv.Addr()
	s := newSender(t, srv.URL(), "none", 1)
	require.NoError(t, s.Send(t.Context(), testMessage("ann@example.com")))

	// The server goes away with the pooled connection and comes back.
	require.NoError(t, srv.Close())
	srv2, err := mailcapture.Start(addr)
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv2.Close() })

	require.NoError(t, s.Send(t.Context(), testMessage("bob@example.com")))
	msgs := srv2.Messages()
	require.Len(t, msgs, 1)
	require.Equal(t, []string{"bob@example.com"}, msgs[0].To)
}

func TestSender_TLS(t *testing.T) {
	t.Parallel()
	srv := startCapture(t)

	// The capture server has no TLS: "none" and "opportunistic" send in
	// clear, "mandatory" refuses to.
	require.NoError(t, newSender(t, srv.URL(), "none", 1).Send(t.Context(), testMessage("a@example.com")))
	require.NoError(t, newSender(t, srv.URL(), "opportunistic", 1).Send(t.Context(), testMessage("b@example.com")))

	err := newSender(t, srv.URL(), "mandatory", 1).Send(t.Context(), testMessage("c@example.com"))
	require.ErrorContains(t, err, "STARTTLS")
	require.ErrorContains(t, err, "SMTP_TLS=mandatory")
	require.ErrorContains(t, err, srv.Addr())
	require.False(t, mail.IsPermanent(err), "a relay setting may be fixed; the mail waits")
	require.Len(t, srv.Messages(), 2)

	// smtps:// speaks TLS first and checks the certificate.
	tlsSrv := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(tlsSrv.Close)
	err = newSender(t, "smtps://"+tlsSrv.Listener.Addr().String(), "", 1).Send(t.Context(), testMessage("d@example.com"))
	require.ErrorContains(t, err, "certificate")
	require.ErrorContains(t, err, "(smtps)")
	require.False(t, mail.IsPermanent(err))
}

func TestSender_Auth(t *testing.T) {
	t.Parallel()
	srv := startCapture(t)
	url := strings.Replace(srv.URL(), "smtp://", "smtp://roster:s3cret@", 1)

	// The capture server offers PLAIN and LOGIN without TLS. With
	// SMTP_TLS=none the password may go in clear; with the other modes
	// go-mail, like net/smtp, only allows that to a loopback address.
	for _, mode := range []string{"none", "opportunistic"} {
		s := newSender(t, url, mode, 4)
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Go(func() { errs[i] = s.Send(t.Context(), testMessage(fmt.Sprintf("%s%d@example.com", mode, i))) })
		}
		wg.Wait()
		require.NoError(t, errors.Join(errs...), mode)
	}
	require.Len(t, srv.Messages(), 16)
}

func TestSender_ConnectionRefused(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())

	err = newSender(t, "smtp://"+addr, "none", 1).Send(t.Context(), testMessage("a@example.com"))
	require.ErrorContains(t, err, addr)
	require.False(t, mail.IsPermanent(err))
}

func TestSender_InvalidMessage(t *testing.T) {
	t.Parallel()
	srv := startCapture(t)
	s := newSender(t, srv.URL(), "none", 1)

	for _, tc := range []struct {
		name     string
		edit     func(*mail.Message)
		contains string
	}{
		{"bad recipient", func(m *mail.Message) { m.To = "not an address" }, "recipient"},
		{"no body", func(m *mail.Message) { m.Text, m.HTML = "", "" }, "body"},
		{"reserved header", func(m *mail.Message) { m.Headers = map[string]string{"bcc": "x@example.com"} }, "Bcc"},
		{"header injection", func(m *mail.Message) { m.Headers = map[string]string{"X-A": "1\r\nBcc: x@example.com"} }, "line break"},
		{"bad header name", func(m *mail.Message) { m.Headers = map[string]string{"X A": "1"} }, "header name"},
		{"bad reply-to", func(m *mail.Message) { m.Headers = map[string]string{"Reply-To": "nobody"} }, "Reply-To"},
	} {
		m := testMessage("ann@example.com")
		tc.edit(&m)
		err := s.Send(t.Context(), m)
		require.ErrorContains(t, err, tc.contains, tc.name)
		require.True(t, mail.IsPermanent(err), tc.name)
	}
	require.Zero(t, srv.Connections(), "invalid messages are refused before dialing")
}

func TestSender_Headers(t *testing.T) {
	t.Parallel()
	srv := startCapture(t)
	s := newSender(t, srv.URL(), "none", 1)

	m := testMessage("ann@example.com")
	m.Subject = "Héllo\r\nBcc: evil@example.com"
	m.ToName = "Ann\r\nBcc: evil@example.com"
	m.Headers = map[string]string{"x-roster-job": "7", "Reply-To": "Inviter <inviter@example.com>"}
	m.HTML = ""
	require.NoError(t, s.Send(t.Context(), m))

	got := srv.Messages()[0]
	require.Equal(t, "Héllo Bcc: evil@example.com", got.Subject)
	require.Equal(t, "7", got.Headers["X-Roster-Job"])
	require.Contains(t, got.Headers["Reply-To"], "inviter@example.com")
	require.NotContains(t, got.Headers, "Bcc")
	require.Equal(t, []string{"ann@example.com"}, got.To)
	require.True(t, strings.HasPrefix(got.Headers["Content-Type"], "text/plain"), got.Headers["Content-Type"])
	require.Empty(t, got.HTML)
}

func TestSender_Context(t *testing.T) {
	t.Parallel()
	srv := startCapture(t)
	s := newSender(t, srv.URL(), "none", 1)

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err := s.Send(ctx, testMessage("ann@example.com"))
	require.ErrorIs(t, err, context.Canceled)
	require.False(t, mail.IsPermanent(err))

	// A send waiting for the only connection gives up with its context.
	block, err := net.Listen("tcp", "127.0.0.1:0") // accepts, never greets
	require.NoError(t, err)
	t.Cleanup(func() { _ = block.Close() })
	accepted := make(chan net.Conn, 1)
	go func() {
		if c, err := block.Accept(); err == nil {
			accepted <- c
		}
	}()
	slow := newSender(t, "smtp://"+block.Addr().String(), "none", 1)
	go func() { _ = slow.Send(t.Context(), testMessage("a@example.com")) }()
	c := <-accepted // the first Send holds the only connection, waiting for a greeting
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel = context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	err = slow.Send(ctx, testMessage("b@example.com"))
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.ErrorContains(t, err, "free SMTP connection")
}

func TestSender_Close(t *testing.T) {
	t.Parallel()
	srv := startCapture(t)
	s := newSender(t, srv.URL(), "none", 2)
	require.NoError(t, s.Send(t.Context(), testMessage("ann@example.com")))
	require.NoError(t, s.Close())
	require.NoError(t, s.Close())

	err := s.Send(t.Context(), testMessage("ann@example.com"))
	require.ErrorIs(t, err, mail.ErrClosed)
	require.False(t, mail.IsPermanent(err))
}

func TestIsPermanent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"canceled", fmt.Errorf("x: %w", context.Canceled), false},
		{"deadline", context.DeadlineExceeded, false},
		{"net error", &net.OpError{Op: "dial", Err: errors.New("connection refused")}, false},
		{"unknown", errors.New("boom"), false},
		{"textproto 550", &textproto.Error{Code: 550, Msg: "no such user"}, true},
		{"textproto 450", &textproto.Error{Code: 450, Msg: "mailbox busy"}, false},
		{"closed", mail.ErrClosed, false},
	} {
		require.Equal(t, tc.want, mail.IsPermanent(tc.err), tc.name)
	}
}

// BenchmarkSender_Send sends through the pool to the capture server from 50
// goroutines, the default WORKER_CONCURRENCY.
func BenchmarkSender_Send(b *testing.B) {
	for _, conns := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("conns=%d", conns), func(b *testing.B) {
			srv, err := mailcapture.Start("127.0.0.1:0")
			require.NoError(b, err)
			defer srv.Close()
			s, err := mail.NewSender(mail.Config{URL: srv.URL(), TLS: "none", From: from, MaxConns: conns})
			require.NoError(b, err)
			defer s.Close()
			b.SetParallelism(max(1, 50/runtime.GOMAXPROCS(0)))
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := s.Send(context.Background(), testMessage("ann@example.com")); err != nil {
						b.Error(err)
					}
				}
			})
			b.ReportMetric(float64(srv.Connections()), "conns")
		})
	}
}
