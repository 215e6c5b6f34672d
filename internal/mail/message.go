package mail

import (
	"context"
	"errors"
	"fmt"
	netmail "net/mail"
	"net/textproto"
	"slices"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// reservedHeaders are set by Send from Message fields or by go-mail; Headers
// may not override them.
var reservedHeaders = []string{
	"Bcc", "Cc", "Content-Transfer-Encoding", "Content-Type", "Date", "From", "Message-Id",
	"Mime-Version", "Return-Path", "Sender", "Subject", "To",
}

// build turns m into a go-mail message. Its errors are permanent.
func (s *Sender) build(m Message) (*gomail.Msg, error) {
	to, err := netmail.ParseAddress(m.To)
	if err != nil {
		return nil, permanent(fmt.Errorf("mail: recipient %q is not an email address: %w", m.To, err))
	}
	if m.ToName != "" {
		to.Name = m.ToName
	}
	if m.Text == "" && m.HTML == "" {
		return nil, permanent(errors.New("mail: message has neither a text nor an HTML body"))
	}
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	msg.FromMailAddress(s.from)
	msg.AddToMailAddress(to)
	msg.Subject(oneLine(m.Subject))
	switch {
	case m.Text != "" && m.HTML != "":
		msg.SetBodyString(gomail.TypeTextPlain, m.Text)
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	case m.Text != "":
		msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	default:
		msg.SetBodyString(gomail.TypeTextHTML, m.HTML)
	}

	names := make([]string, 0, len(m.Headers))
	for k := range m.Headers {
		names = append(names, k)
	}
	slices.Sort(names) // stable output, stable errors
	for _, k := range names {
		name, v := textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k)), m.Headers[k]
		switch {
		case !validHeaderName(name):
			return nil, permanent(fmt.Errorf("mail: header name %q is invalid", k))
		case slices.Contains(reservedHeaders, name):
			return nil, permanent(fmt.Errorf("mail: header %s is set from the message, not from Headers", name))
		case strings.ContainsAny(v, "\r\n"):
			return nil, permanent(fmt.Errorf("mail: header %s has a line break", name))
		case name == "Reply-To":
			addr, err := netmail.ParseAddress(v)
			if err != nil {
				return nil, permanent(fmt.Errorf("mail: Reply-To %q is not an email address: %w", v, err))
			}
			msg.ReplyToMailAddress(addr)
		default:
			msg.SetGenHeader(gomail.Header(name), v)
		}
	}
	return msg, nil
}

func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if r <= ' ' || r > '~' || r == ':' {
			return false
		}
	}
	return true
}

// oneLine folds runs of white space, line breaks included, into one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// permanentError marks a failure that no retry can fix.
type permanentError struct{ err error }

func permanent(err error) error { return &permanentError{err: err} }

func (e *permanentError) Error() string { return e.err.Error() }

func (e *permanentError) Unwrap() error { return e.err }

// IsPermanent reports whether err, from Send, is not worth retrying: an SMTP
// 5xx reply to the message (unknown recipient, rejected content, too large),
// or an invalid address, header or empty message. It reports false for nil,
// 4xx replies, failures to connect, secure (STARTTLS) or authenticate — the
// relay or its settings may be fixed before the next try, and the message must
// not be lost meanwhile — broken connections, timeouts, ctx ending, ErrClosed
// and any error it does not recognise.
func IsPermanent(err error) bool {
	if err == nil {
		return false
	}
	var pe *permanentError
	if errors.As(err, &pe) {
		return true
	}
	var ce *connectError
	if errors.As(err, &ce) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var se *gomail.SendError
	if errors.As(err, &se) {
		switch code := se.ErrorCode(); {
		case code >= 500:
			return true
		case code >= 400:
			return false
		}
		switch se.Reason {
		case gomail.ErrGetSender, gomail.ErrGetRcpts, gomail.ErrNoUnencoded:
			return true
		}
		return false
	}
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code >= 500
	}
	return false
}
