// Package mail sends Roster's emails over SMTP and renders them from embedded
// templates. A Sender keeps a small pool of SMTP connections that the job
// workers share; IsPermanent tells a worker whether a failed send is worth
// retrying.
package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

const (
	// DefaultMaxConns is the number of SMTP connections a Sender keeps when
	// Config.MaxConns is zero.
	DefaultMaxConns = 4

	// commandTimeout bounds each SMTP exchange (dial, one command, the data).
	commandTimeout = 15 * time.Second
	// idleTimeout is how long an unused connection stays in the pool; servers
	// drop idle clients after a few minutes (RFC 5321 suggests 5).
	idleTimeout = 30 * time.Second
)

// TLS modes of Config.TLS (SMTP_TLS).
const (
	TLSMandatory     = "mandatory"
	TLSOpportunistic = "opportunistic"
	TLSNone          = "none"
)

// ErrClosed is returned by Send after Close. It is temporary: IsPermanent
// reports false for it.
var ErrClosed = errors.New("mail: sender is closed")

// Config configures a Sender; each field but MaxConns comes from an
// environment variable.
type Config struct {
	URL      string // SMTP_URL: smtp://[user:pass@]host[:port] (STARTTLS, default port 587) or smtps://… (implicit TLS, default 465)
	TLS      string // SMTP_TLS: "mandatory" (STARTTLS required, the default), "opportunistic" or "none"; ignored by smtps
	From     string // MAIL_FROM, e.g. "Roster <no-reply@example.com>"
	MaxConns int    // SMTP connections open at once, kept for reuse; DefaultMaxConns when zero
}

// Message is one email to one recipient. Text and HTML become the two parts of
// a multipart/alternative body; one of them may be empty.
type Message struct {
	To      string            // recipient address
	ToName  string            // recipient display name, optional
	Subject string            // subject line
	Text    string            // plain-text body
	HTML    string            // HTML body
	Headers map[string]string // extra headers such as X-Roster-Job; Reply-To is parsed as an address
}

// Sender sends messages over SMTP, reusing up to MaxConns connections. It is
// safe for concurrent use; a Send waits for a free connection when all of them
// are busy.
type Sender struct {
	client    *gomail.Client // configuration and protocol; connections are the *smtp.Client values below
	from      *netmail.Address
	addr      string // host:port, for errors
	tlsMode   string
	implicit  bool // smtps://
	tlsConfig *tls.Config

	slots chan struct{} // one token per connection in use

	mu     sync.Mutex
	idle   []*conn // most recently used last
	closed bool
	stop   chan struct{}

	dials, dialFailures, waits atomic.Int64
}

// conn is one dialed SMTP session.
type conn struct {
	smtp     *smtp.Client
	raw      net.Conn // under smtp; closing it interrupts a command in flight
	lastUsed time.Time
}

type connSlotKey struct{}

// dialSlot carries the connection being dialed from dialContext back to dial,
// so that dial can close it when ctx ends or go-mail gives up on it.
type dialSlot struct {
	mu      sync.Mutex
	conn    net.Conn
	aborted bool
}

func (d *dialSlot) set(c net.Conn) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.aborted {
		return false
	}
	d.conn = c
	return true
}

func (d *dialSlot) abort() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.aborted = true
	if d.conn != nil {
		_ = d.conn.Close()
	}
}

// NewSender checks cfg and returns a Sender; it dials nothing until the first
// Send. It returns an error naming SMTP_URL when the URL is not
// smtp://[user:pass@]host[:port] or smtps://…, SMTP_TLS when the mode is
// unknown or "none" is combined with smtps, and MAIL_FROM when the sender is
// not an email address.
func NewSender(cfg Config) (*Sender, error) {
	u, err := parseURL(cfg.URL)
	if err != nil {
		return nil, err
	}
	mode := strings.ToLower(strings.TrimSpace(cfg.TLS))
	if mode == "" {
		mode = TLSMandatory
	}
	var policy gomail.TLSPolicy
	switch mode {
	case TLSMandatory:
		policy = gomail.TLSMandatory
	case TLSOpportunistic:
		policy = gomail.TLSOpportunistic
	case TLSNone:
		policy = gomail.NoTLS
	default:
		return nil, fmt.Errorf("mail: SMTP_TLS %q is not mandatory, opportunistic or none", cfg.TLS)
	}
	implicit := u.Scheme == "smtps"
	if implicit && mode == TLSNone {
		return nil, errors.New("mail: SMTP_TLS none contradicts SMTP_URL smtps:// (implicit TLS); use smtp:// for a server without TLS")
	}
	from, err := netmail.ParseAddress(cfg.From)
	if err != nil {
		return nil, fmt.Errorf("mail: MAIL_FROM %q is not an email address: %w", cfg.From, err)
	}
	if cfg.MaxConns < 0 {
		return nil, fmt.Errorf("mail: MaxConns %d is negative", cfg.MaxConns)
	}
	maxConns := cfg.MaxConns
	if maxConns == 0 {
		maxConns = DefaultMaxConns
	}
	if implicit {
		policy = gomail.NoTLS // dialContext already speaks TLS; there is no STARTTLS on top
	}

	host, port := u.Hostname(), u.Port()
	portNum := 587
	if implicit {
		portNum = 465
	}
	if port != "" {
		portNum, _ = strconv.Atoi(port) // checked by parseURL
	}
	s := &Sender{
		from:      from,
		addr:      net.JoinHostPort(host, strconv.Itoa(portNum)),
		tlsMode:   mode,
		implicit:  implicit,
		tlsConfig: &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12},
		slots:     make(chan struct{}, maxConns),
		stop:      make(chan struct{}),
	}
	opts := []gomail.Option{
		gomail.WithPort(portNum),
		gomail.WithTimeout(commandTimeout),
		gomail.WithTLSPolicy(policy),
		gomail.WithTLSConfig(s.tlsConfig),
		gomail.WithDialContextFunc(s.dialContext),
		// Send checks connections itself: a pooled one that turns out dead
		// is replaced before anything of the message is accepted, which
		// saves a NOOP and a RSET per message.
		gomail.WithoutNoop(),
		gomail.WithoutRset(),
	}
	if u.User != nil {
		pass, _ := u.User.Password()
		opts = append(opts, gomail.WithUsername(u.User.Username()), gomail.WithPassword(pass))
		if mode == TLSNone {
			// Challenge-response first; a password in clear only because
			// SMTP_TLS=none asks for an unencrypted connection.
			opts = append(opts, gomail.WithOpportunisticSMTPAuth(gomail.SMTPAuthSCRAMSHA256, gomail.SMTPAuthSCRAMSHA1,
				gomail.SMTPAuthCramMD5, gomail.SMTPAuthPlainNoEnc, gomail.SMTPAuthLoginNoEnc))
		} else {
			// PLAIN and LOGIN refuse to run on a connection that did not
			// end up encrypted (SMTP_TLS=opportunistic without STARTTLS).
			opts = append(opts, gomail.WithOpportunisticSMTPAuth(gomail.SMTPAuthPlain, gomail.SMTPAuthLogin,
				gomail.SMTPAuthSCRAMSHA256, gomail.SMTPAuthSCRAMSHA1, gomail.SMTPAuthCramMD5))
		}
	}
	s.client, err = gomail.NewClient(host, opts...)
	if err != nil {
		return nil, fmt.Errorf("mail: SMTP_URL %s: %w", u.Redacted(), err)
	}
	go s.pruneIdle()
	return s, nil
}

// parseURL checks SMTP_URL without ever putting its password in an error.
func parseURL(raw string) (*url.URL, error) {
	const shape = "smtp://[user:pass@]host[:port] or smtps://…"
	if strings.TrimSpace(raw) == "" {
		return nil, fmt.Errorf("mail: SMTP_URL is empty; want %s", shape)
	}
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // url.Error repeats the URL, password included
		}
		return nil, fmt.Errorf("mail: SMTP_URL is not %s: %w", shape, err)
	}
	if u.Scheme != "smtp" && u.Scheme != "smtps" {
		return nil, fmt.Errorf("mail: SMTP_URL %s: scheme %q is not smtp or smtps", u.Redacted(), u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("mail: SMTP_URL %s has no host; want %s", u.Redacted(), shape)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return nil, fmt.Errorf("mail: SMTP_URL %s: port %q is not 1–65535", u.Redacted(), p)
		}
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return nil, fmt.Errorf("mail: SMTP_URL %s has a path, query or fragment; want %s", u.Redacted(), shape)
	}
	return u, nil
}

// Send delivers m, over a pooled connection when one is free and alive,
// waiting for one while MaxConns sends are under way. It returns nil once the
// server accepted the message. Otherwise it returns an error for which
// IsPermanent reports true when retrying cannot help (an invalid address or
// header, an empty message, a 5xx reply to the message) and false when it may
// (a 4xx reply, a connection, TLS or AUTH failure, a timeout, ctx ending,
// ErrClosed). A pooled connection found dead before the message went out is
// replaced by a fresh one once, transparently.
func (s *Sender) Send(ctx context.Context, m Message) error {
	msg, err := s.build(m)
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return fmt.Errorf("mail: send: %w", context.Cause(ctx))
	}
	select {
	case s.slots <- struct{}{}:
	default:
		s.waits.Add(1)
		select {
		case s.slots <- struct{}{}:
		case <-ctx.Done():
			return fmt.Errorf("mail: send: waiting for a free SMTP connection: %w", context.Cause(ctx))
		}
	}
	defer func() { <-s.slots }()

	c, reused, err := s.get(ctx)
	if err != nil {
		return err
	}
	retry, err := s.sendOn(ctx, c, msg)
	if retry && reused {
		if c, err = s.dial(ctx); err != nil {
			return err
		}
		_, err = s.sendOn(ctx, c, msg)
	}
	return err
}

// sendOn sends msg over c and returns c to the pool or closes it. retry
// reports that the message certainly did not go out because of the
// connection, so another connection may well succeed.
func (s *Sender) sendOn(ctx context.Context, c *conn, msg *gomail.Msg) (retry bool, err error) {
	// Closing the connection is the only way to interrupt go-mail.
	stop := context.AfterFunc(ctx, func() { _ = c.raw.Close() })
	sendErr := s.client.SendWithSMTPClient(c.smtp, msg)
	canceled := !stop()
	code, reason := replyCode(sendErr)

	switch {
	case canceled:
		s.drop(c)
	case sendErr == nil:
		s.put(c)
	case msg.IsDelivered():
		s.drop(c) // accepted, then something went wrong on the wire
	case code >= 400 && code != 421 && c.smtp.Reset() == nil:
		s.put(c) // the server refused this message, the session is fine
	default:
		s.drop(c)
	}

	switch {
	case msg.IsDelivered():
		return false, nil
	case canceled:
		return false, fmt.Errorf("mail: send: %w", errors.Join(context.Cause(ctx), sendErr))
	case sendErr == nil:
		return false, nil // not reached: a nil error means delivered
	}
	beforeContent := reason == gomail.ErrConnCheck || reason == gomail.ErrSMTPMailFrom ||
		reason == gomail.ErrSMTPRcptTo || reason == gomail.ErrSMTPData
	return beforeContent && (code == 0 || code == 421), fmt.Errorf("mail: send: %w", sendErr)
}

// replyCode returns the SMTP reply code carried by err (0 when the failure was
// not a reply, e.g. a broken connection) and the step that failed.
func replyCode(err error) (int, gomail.SendErrReason) {
	var se *gomail.SendError
	if !errors.As(err, &se) {
		return 0, gomail.ErrAmbiguous
	}
	return se.ErrorCode(), se.Reason
}

// get returns an idle connection (reused true) or dials a new one.
func (s *Sender) get(ctx context.Context) (c *conn, reused bool, err error) {
	var stale []*conn
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, false, ErrClosed
	}
	for len(s.idle) > 0 && c == nil {
		last := s.idle[len(s.idle)-1]
		s.idle = s.idle[:len(s.idle)-1]
		if time.Since(last.lastUsed) > idleTimeout {
			stale = append(stale, last)
		} else {
			c = last
		}
	}
	s.mu.Unlock()
	for _, old := range stale {
		go quit(old) // the server may be gone; do not make this Send wait
	}
	// go-mail arms the connection deadline per command; an idle connection's
	// deadline has long passed.
	if c != nil && c.smtp.UpdateDeadline(commandTimeout) == nil {
		return c, true, nil
	}
	if c != nil {
		_ = c.smtp.Close()
	}
	c, err = s.dial(ctx)
	return c, false, err
}

// dial opens, secures and authenticates a new connection, giving up when ctx
// ends. Its errors are connection errors: IsPermanent reports false for them.
func (s *Sender) dial(ctx context.Context) (*conn, error) {
	s.dials.Add(1)
	slot := &dialSlot{}
	stop := context.AfterFunc(ctx, slot.abort)
	sc, err := s.client.DialToSMTPClientWithContext(context.WithValue(ctx, connSlotKey{}, slot))
	if !stop() {
		err = errors.Join(context.Cause(ctx), err)
	}
	if err != nil {
		slot.abort() // go-mail leaves the connection open when EHLO, STARTTLS or AUTH fails
		s.dialFailures.Add(1)
		return nil, &connectError{addr: s.addr, mode: s.tlsMode, implicit: s.implicit, err: err}
	}
	return &conn{smtp: sc, raw: slot.conn}, nil
}

// dialContext is go-mail's dialer: plain TCP, or TLS right away for smtps. It
// hands the connection to dial through ctx so dial can close it on failure.
func (s *Sender) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	if s.implicit {
		tc := tls.Client(c, s.tlsConfig.Clone())
		if err := tc.HandshakeContext(ctx); err != nil {
			_ = c.Close()
			return nil, err
		}
		c = tc
	}
	if slot, ok := ctx.Value(connSlotKey{}).(*dialSlot); ok && !slot.set(c) {
		_ = c.Close()
		return nil, context.Canceled
	}
	return c, nil
}

func (s *Sender) put(c *conn) {
	c.lastUsed = time.Now()
	s.mu.Lock()
	if !s.closed && len(s.idle) < cap(s.slots) {
		s.idle = append(s.idle, c)
		c = nil
	}
	s.mu.Unlock()
	if c != nil {
		quit(c)
	}
}

func (s *Sender) drop(c *conn) { _ = c.smtp.Close() }

// quit says goodbye politely but briefly, then closes.
func quit(c *conn) {
	if c.smtp.UpdateDeadline(time.Second) == nil {
		_ = c.smtp.Quit()
	}
	_ = c.smtp.Close()
}

// pruneIdle closes connections that stayed idle too long, until Close.
func (s *Sender) pruneIdle() {
	t := time.NewTicker(idleTimeout / 2)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		s.mu.Lock()
		var stale []*conn
		s.idle = slices.DeleteFunc(s.idle, func(c *conn) bool {
			if time.Since(c.lastUsed) > idleTimeout {
				stale = append(stale, c)
				return true
			}
			return false
		})
		s.mu.Unlock()
		for _, c := range stale {
			quit(c)
		}
	}
}

// Close sends QUIT on the idle connections and closes them; connections in use
// close when their Send ends. Later Sends return ErrClosed. Close is safe to
// call more than once and always returns nil.
func (s *Sender) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	idle := s.idle
	s.idle = nil
	close(s.stop)
	s.mu.Unlock()
	for _, c := range idle {
		quit(c)
	}
	return nil
}

// connectError is a failure to dial, secure or authenticate a connection.
type connectError struct {
	addr     string
	mode     string
	implicit bool
	err      error
}

func (e *connectError) Error() string {
	how := "SMTP_TLS=" + e.mode
	if e.implicit {
		how = "smtps"
	}
	msg := fmt.Sprintf("mail: connect to SMTP server %s (%s): %v", e.addr, how, e.err)
	if e.mode == TLSMandatory && !e.implicit && strings.Contains(e.err.Error(), "STARTTLS") {
		msg += "; the server offers no STARTTLS: use smtps:// if it speaks implicit TLS, or SMTP_TLS=none only for a trusted local relay"
	}
	return msg
}

func (e *connectError) Unwrap() error { return e.err }
