// Package mailcapture is an in-process SMTP server that keeps every message it
// receives in memory instead of delivering it. `roster dev` and the tests
// point SMTP_URL at it (with SMTP_TLS=none); its HTTP handlers list what
// arrived, with the links in each message clickable.
package mailcapture

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"maps"
	"net"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// maxMessageBytes is the largest message the server accepts; larger ones get
// a 552 reply.
const maxMessageBytes = 10 << 20

// Message is one message the server accepted. From and To are the SMTP
// envelope (MAIL FROM and RCPT TO, bare addresses); the header forms, with
// display names, are in Headers.
type Message struct {
	ID         int               `json:"id"`
	From       string            `json:"from"`
	To         []string          `json:"to"`
	Subject    string            `json:"subject"`
	Text       string            `json:"text"`
	HTML       string            `json:"html"`
	Links      []string          `json:"links"`   // every http(s) URL in Text and HTML, deduplicated, in order
	Headers    map[string]string `json:"headers"` // top-level headers, canonical keys, RFC 2047 words decoded, repeated ones joined with ", "
	ReceivedAt time.Time         `json:"receivedAt"`
	Raw        []byte            `json:"-"` // the message as received, CRLF line endings
}

// Server is a running capture server. Its methods are safe for concurrent use.
type Server struct {
	srv   *smtp.Server
	ln    net.Listener
	conns atomic.Int64

	mu       sync.Mutex
	msgs     []Message // oldest first
	lastID   int
	changed  chan struct{} // closed and replaced whenever msgs changes
	failN    int
	failCode int
	failMsg  string
	failRcpt map[string]int // lower-case address → reply code
	failDom  map[string]int // lower-case domain → reply code

	// sink keeps only the envelope of each message (no body, no parsing):
	// a stand-in for a real SMTP sink in throughput benchmarks.
	sink bool

	closeOnce sync.Once
	closeErr  error
}

// StartSink is Start for a server that accepts and counts messages but keeps
// only their envelopes (From, To, ReceivedAt): an SMTP sink for throughput
// benchmarks, costing as little CPU as a receiving server can.
func StartSink(addr string) (*Server, error) { return start(addr, true) }

// Start listens on addr ("127.0.0.1:0" picks a free port) and serves SMTP
// there until Close. The server offers no TLS; it offers AUTH PLAIN and LOGIN
// over plain text and accepts any credentials, and it also accepts mail
// without AUTH. Start returns the error of net.Listen when addr cannot be
// listened on.
func Start(addr string) (*Server, error) { return start(addr, false) }

func start(addr string, sink bool) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("mailcapture: listen on %s: %w", addr, err)
	}
	s := &Server{changed: make(chan struct{}), failRcpt: map[string]int{}, failDom: map[string]int{}, sink: sink}
	s.ln = &countingListener{Listener: ln, n: &s.conns}

	srv := smtp.NewServer(backend{s})
	srv.Domain = "mailcapture.localhost"
	srv.AllowInsecureAuth = true
	srv.MaxMessageBytes = maxMessageBytes
	srv.MaxRecipients = 100
	srv.ReadTimeout = 5 * time.Minute
	srv.WriteTimeout = time.Minute
	srv.ErrorLog = log.New(io.Discard, "", 0) // clients hanging up mid-session is not news here
	s.srv = srv
	go func() { _ = srv.Serve(s.ln) }()
	return s, nil
}

// Addr returns the host:port the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// URL returns "smtp://host:port", the value for SMTP_URL (with SMTP_TLS=none).
func (s *Server) URL() string { return "smtp://" + s.Addr() }

// Messages returns every message received since the start or the last Reset,
// newest first.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newestFirst(func(Message) bool { return true })
}

// To returns the messages with addr among their envelope recipients
// (compared case-insensitively), newest first.
func (s *Server) To(addr string) []Message {
	addr = strings.TrimSpace(addr)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newestFirst(func(m Message) bool {
		return slices.ContainsFunc(m.To, func(to string) bool { return strings.EqualFold(to, addr) })
	})
}

// Wait blocks until at least n messages have arrived since the start or the
// last Reset, then returns them all, newest first. It returns an error that
// wraps ctx.Err() and says how many messages arrived when ctx ends first.
func (s *Server) Wait(ctx context.Context, n int) ([]Message, error) {
	for {
		s.mu.Lock()
		got, changed := len(s.msgs), s.changed
		if got >= n {
			msgs := s.newestFirst(func(Message) bool { return true })
			s.mu.Unlock()
			return msgs, nil
		}
		s.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return nil, fmt.Errorf("mailcapture: waited for %d messages, %d arrived: %w", n, got, ctx.Err())
		}
	}
}

// Count returns how many messages arrived since the start or the last Reset.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.msgs)
}

// Recipients returns how many distinct envelope recipients (compared
// case-insensitively) the messages since the start or the last Reset had.
func (s *Server) Recipients() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[string]bool{}
	for _, m := range s.msgs {
		for _, to := range m.To {
			seen[strings.ToLower(to)] = true
		}
	}
	return len(seen)
}

// Connections returns how many SMTP connections the server has accepted since
// it started; Reset does not clear it.
func (s *Server) Connections() int { return int(s.conns.Load()) }

// FailNext makes the next n RCPT TO commands, whatever the recipient, fail with
// the SMTP reply code (451 for a temporary failure, 550 for a permanent one)
// and msg (a generic text when empty). A code outside 400–599 is taken as 451.
// A later call replaces the earlier one; n <= 0 cancels it.
func (s *Server) FailNext(n int, code int, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failN, s.failCode, s.failMsg = max(n, 0), replyCode(code), msg
}

// FailRecipient makes every RCPT TO for addr (compared case-insensitively)
// fail with the SMTP reply code until Reset or a call with code 0 clears it. A
// code outside 400–599 other than 0 is taken as 451.
func (s *Server) FailRecipient(addr string, code int) {
	key := strings.ToLower(strings.TrimSpace(addr))
	s.mu.Lock()
	defer s.mu.Unlock()
	if code == 0 {
		delete(s.failRcpt, key)
		return
	}
	s.failRcpt[key] = replyCode(code)
}

// FailDomain makes every RCPT TO for an address at domain (compared
// case-insensitively, subdomains excluded) fail with the SMTP reply code until
// Reset or a call with code 0 clears it. A code outside 400–599 other than 0
// is taken as 451. `roster dev` refuses the domain refuse.test (550) and
// defers defer.test (451) this way, so invitations' failed and retried
// deliveries can be seen in the admin app.
func (s *Server) FailDomain(domain string, code int) {
	key := strings.ToLower(strings.Trim(strings.TrimSpace(domain), "@"))
	s.mu.Lock()
	defer s.mu.Unlock()
	if code == 0 {
		delete(s.failDom, key)
		return
	}
	s.failDom[key] = replyCode(code)
}

// Reset forgets every message and every failure set with FailNext,
// FailRecipient and FailDomain. Message IDs keep counting up.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = nil
	s.failN, s.failCode, s.failMsg = 0, 0, ""
	clear(s.failRcpt)
	clear(s.failDom)
	close(s.changed)
	s.changed = make(chan struct{})
}

// Close stops listening and drops open connections. Calling it again does
// nothing; it returns the error of closing the listener, if any.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		err := s.srv.Close()
		// Serve may not have registered the listener with go-smtp yet.
		if lerr := s.ln.Close(); err == nil {
			err = lerr
		}
		if err != nil && !errors.Is(err, net.ErrClosed) {
			s.closeErr = fmt.Errorf("mailcapture: close: %w", err)
		}
	})
	return s.closeErr
}

// newestFirst returns copies of the messages keep accepts, newest first. The
// caller holds s.mu.
func (s *Server) newestFirst(keep func(Message) bool) []Message {
	out := make([]Message, 0, len(s.msgs))
	for i := len(s.msgs) - 1; i >= 0; i-- {
		if m := s.msgs[i]; keep(m) {
			m.To = slices.Clone(m.To)
			m.Links = slices.Clone(m.Links)
			m.Headers = maps.Clone(m.Headers)
			m.Raw = slices.Clone(m.Raw)
			out = append(out, m)
		}
	}
	return out
}

// rcptError returns the failure configured for a RCPT TO to addr, or nil.
func (s *Server) rcptError(addr string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	addr = strings.ToLower(addr)
	if code, ok := s.failRcpt[addr]; ok {
		return smtpError(code, "")
	}
	if at := strings.LastIndexByte(addr, '@'); at >= 0 {
		if code, ok := s.failDom[addr[at+1:]]; ok {
			return smtpError(code, "")
		}
	}
	if s.failN > 0 {
		s.failN--
		return smtpError(s.failCode, s.failMsg)
	}
	return nil
}

func (s *Server) store(from string, to []string, raw []byte) {
	var m Message
	if !s.sink {
		m = parse(raw)
		m.Raw = raw
	}
	m.From, m.To, m.ReceivedAt = from, to, time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastID++
	m.ID = s.lastID
	s.msgs = append(s.msgs, m)
	close(s.changed)
	s.changed = make(chan struct{})
}

func replyCode(code int) int {
	if code < 400 || code > 599 {
		return 451
	}
	return code
}

func smtpError(code int, msg string) *smtp.SMTPError {
	if msg == "" {
		msg = "Requested action not taken: mailbox unavailable (mailcapture)"
		if code < 500 {
			msg = "Requested action aborted: try again later (mailcapture)"
		}
	}
	return &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCodeNotSet, Message: msg}
}

type countingListener struct {
	net.Listener
	n *atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.n.Add(1)
	}
	return c, err
}

type backend struct{ s *Server }

func (b backend) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{s: b.s}, nil }

// session is one SMTP connection's state; go-smtp calls it from one goroutine.
type session struct {
	s    *Server
	from string
	to   []string
}

var _ smtp.AuthSession = (*session)(nil)

func (ss *session) AuthMechanisms() []string { return []string{sasl.Plain, sasl.Login} }

func (ss *session) Auth(mech string) (sasl.Server, error) {
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(_, _, _ string) error { return nil }), nil
	case sasl.Login:
		return &loginServer{}, nil
	}
	return nil, smtp.ErrAuthUnknownMechanism
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if err := ss.s.rcptError(to); err != nil {
		return err
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r); err != nil {
		return err
	}
	ss.s.store(ss.from, slices.Clone(ss.to), buf.Bytes())
	return nil
}

func (ss *session) Reset() { ss.from, ss.to = "", nil }

func (ss *session) Logout() error { return nil }

// loginServer is the server side of AUTH LOGIN accepting any username and
// password; go-sasl only ships the client side.
type loginServer struct{ step int }

func (l *loginServer) Next(response []byte) ([]byte, bool, error) {
	switch l.step {
	case 0:
		if response != nil { // the username came as the initial response
			l.step = 2
			return []byte("Password:"), false, nil
		}
		l.step = 1
		return []byte("Username:"), false, nil
	case 1:
		l.step = 2
		return []byte("Password:"), false, nil
	default:
		return nil, true, nil
	}
}
