package mailcapture_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/mail"
	"github.com/rosterhq/roster/internal/mailcapture"
)

func start(t *testing.T) *mailcapture.Server {
	t.Helper()
	srv, err := mailcapture.Start("127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

func sender(t *testing.T, srv *mailcapture.Server) *mail.Sender {
	t.Helper()
	s, err := mail.NewSender(mail.Config{URL: srv.URL(), TLS: "none", From: "Roster <no-reply@example.com>"})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// sendRaw sends raw as it is, with go-smtp's client.
func sendRaw(t *testing.T, srv *mailcapture.Server, to []string, raw string) {
	t.Helper()
	raw = strings.ReplaceAll(raw, "\n", "\r\n")
	c, err := smtp.Dial(srv.Addr())
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, c.SendMail("sender@example.com", to, strings.NewReader(raw)))
	require.NoError(t, c.Quit())
}

func TestServer_Receive(t *testing.T) {
	t.Parallel()
	srv := start(t)
	require.Equal(t, "smtp://"+srv.Addr(), srv.URL())
	s := sender(t, srv)

	before := time.Now()
	require.NoError(t, s.Send(t.Context(), mail.Message{
		To:      "Ann@Example.com",
		Subject: "Welcome — ça va?",
		Text:    "Set it at https://roster.example.com/set?t=a1&u=2.\nOr https://roster.example.com/help",
		HTML:    `<p><a href="https://roster.example.com/set?t=a1&amp;u=2">Set</a> <a href='https://roster.example.com/other'>x</a></p>`,
		Headers: map[string]string{"X-Roster-Job": "17"},
	}))
	require.NoError(t, s.Send(t.Context(), mail.Message{To: "bob@example.com", Subject: "Second", Text: "no links"}))

	msgs := srv.Messages()
	require.Len(t, msgs, 2)
	require.Equal(t, "Second", msgs[0].Subject, "newest first")
	require.Greater(t, msgs[0].ID, msgs[1].ID)

	m := msgs[1]
	require.Equal(t, "no-reply@example.com", m.From)
	require.Equal(t, []string{"Ann@Example.com"}, m.To)
	require.Equal(t, "Welcome — ça va?", m.Subject)
	require.Equal(t, "Set it at https://roster.example.com/set?t=a1&u=2.\nOr https://roster.example.com/help", m.Text)
	require.Contains(t, m.HTML, `href="https://roster.example.com/set?t=a1&amp;u=2"`)
	require.Equal(t, []string{
		"https://roster.example.com/set?t=a1&u=2",
		"https://roster.example.com/help",
		"https://roster.example.com/other",
	}, m.Links)
	require.Equal(t, "17", m.Headers["X-Roster-Job"])
	require.Equal(t, "Welcome — ça va?", m.Headers["Subject"])
	require.False(t, m.ReceivedAt.Before(before))
	require.Contains(t, string(m.Raw), "X-Roster-Job: 17\r\n")
	require.Equal(t, 1, srv.Connections())

	to := srv.To("ann@EXAMPLE.com")
	require.Len(t, to, 1)
	require.Equal(t, m.ID, to[0].ID)
	require.Empty(t, srv.To("nobody@example.com"))

	srv.Reset()
	require.Empty(t, srv.Messages())
	require.Equal(t, 1, srv.Connections(), "Reset keeps the connection count")
}

func TestServer_ParseMIME(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name                string
		raw                 string
		subject, text, html string
		links               []string
	}{
		{
			name: "plain quoted-printable",
			raw: `Subject: =?UTF-8?Q?Caf=C3=A9?=
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Caf=C3=A9 at https://example.com/a=3Db, see (https://example.com/c).
`,
			subject: "Café",
			text:    "Café at https://example.com/a=b, see (https://example.com/c).\n",
			links:   []string{"https://example.com/a=b", "https://example.com/c"},
		},
		{
			name: "mixed with base64 alternative and an attachment",
			raw: `Subject: Report
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

SGVsbG8gaHR0cHM6Ly9leGFt
cGxlLmNvbS94

--inner
Content-Type: text/html; charset=utf-8

<p>Hello <a href="https://example.com/x">x</a></p>
--inner--

--outer
Content-Type: text/plain
Content-Disposition: attachment; filename="a.txt"

attached https://example.com/attachment
--outer--
`,
			subject: "Report",
			text:    "Hello https://example.com/x",
			html:    "<p>Hello <a href=\"https://example.com/x\">x</a></p>",
			links:   []string{"https://example.com/x"},
		},
		{
			name:  "no content type",
			raw:   "Subject: Bare\n\nJust text, http://example.com.\n",
			text:  "Just text, http://example.com.\n",
			links: []string{"http://example.com"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := start(t)
			sendRaw(t, srv, []string{"x@example.com"}, tc.raw)
			m := srv.Messages()[0]
			if tc.subject != "" {
				require.Equal(t, tc.subject, m.Subject)
			}
			require.Equal(t, tc.text, m.Text)
			require.Equal(t, tc.html, m.HTML)
			require.Equal(t, tc.links, m.Links)
			require.Equal(t, "sender@example.com", m.From)
		})
	}
}

func TestServer_FailNext(t *testing.T) {
	t.Parallel()
	srv := start(t)
	s := sender(t, srv)
	msg := mail.Message{To: "ann@example.com", Subject: "Hi", Text: "Hi"}

	srv.FailNext(2, 451, "greylisted, come back later")
	for range 2 {
		err := s.Send(t.Context(), msg)
		require.ErrorContains(t, err, "451")
		require.ErrorContains(t, err, "greylisted, come back later")
		require.False(t, mail.IsPermanent(err))
	}
	require.NoError(t, s.Send(t.Context(), msg))

	srv.FailNext(1, 550, "")
	err := s.Send(t.Context(), msg)
	require.ErrorContains(t, err, "550")
	require.True(t, mail.IsPermanent(err))

	srv.FailNext(5, 550, "")
	srv.FailNext(0, 550, "") // cancels
	require.NoError(t, s.Send(t.Context(), msg))
	require.Len(t, srv.Messages(), 2)
}

func TestServer_FailRecipient(t *testing.T) {
	t.Parallel()
	srv := start(t)
	s := sender(t, srv)

	srv.FailRecipient("Gone@Example.com", 550)
	for range 2 {
		err := s.Send(t.Context(), mail.Message{To: "gone@example.com", Subject: "Hi", Text: "Hi"})
		require.True(t, mail.IsPermanent(err), err)
	}
	require.NoError(t, s.Send(t.Context(), mail.Message{To: "ann@example.com", Subject: "Hi", Text: "Hi"}))

	srv.FailRecipient("gone@example.com", 0)
	require.NoError(t, s.Send(t.Context(), mail.Message{To: "gone@example.com", Subject: "Hi", Text: "Hi"}))

	srv.FailRecipient("gone@example.com", 452)
	srv.Reset()
	require.NoError(t, s.Send(t.Context(), mail.Message{To: "gone@example.com", Subject: "Hi", Text: "Hi"}))
	require.Len(t, srv.Messages(), 1)
}

func TestServer_FailDomain(t *testing.T) {
	t.Parallel()
	srv := start(t)
	s := sender(t, srv)

	srv.FailDomain("Refuse.Test", 550)
	srv.FailDomain("defer.test", 451)
	tests := []struct {
		to        string
		sent      bool
		permanent bool
	}{
		{to: "ann@refuse.test", permanent: true},
		{to: "Bob@REFUSE.test", permanent: true},
		{to: "cy@defer.test"},
		{to: "dee@sub.refuse.test", sent: true}, // subdomains are not the domain
		{to: "eve@refuse.test.example", sent: true},
		{to: "refuse.test@example.com", sent: true},
	}
	for _, tt := range tests {
		err := s.Send(t.Context(), mail.Message{To: tt.to, Subject: "Hi", Text: "Hi"})
		if tt.sent {
			require.NoError(t, err, tt.to)
			continue
		}
		require.Error(t, err, tt.to)
		require.Equal(t, tt.permanent, mail.IsPermanent(err), "%s: %v", tt.to, err)
	}
	require.Len(t, srv.Messages(), 3)

	srv.FailDomain("refuse.test", 0)
	require.NoError(t, s.Send(t.Context(), mail.Message{To: "ann@refuse.test", Subject: "Hi", Text: "Hi"}))
	srv.Reset()
	require.NoError(t, s.Send(t.Context(), mail.Message{To: "cy@defer.test", Subject: "Hi", Text: "Hi"}))
}

func TestServer_Wait(t *testing.T) {
	t.Parallel()
	srv := start(t)
	s := sender(t, srv)

	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	_, err := srv.Wait(ctx, 1)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.ErrorContains(t, err, "waited for 1 messages, 0 arrived")

	go func() {
		for i := range 3 {
			_ = s.Send(context.Background(), mail.Message{To: fmt.Sprintf("u%d@example.com", i), Subject: "Hi", Text: "Hi"})
		}
	}()
	msgs, err := srv.Wait(t.Context(), 3)
	require.NoError(t, err)
	require.Len(t, msgs, 3)
	require.Equal(t, []string{"u2@example.com"}, msgs[0].To)
}

func TestServer_Handler(t *testing.T) {
	t.Parallel()
	srv := start(t)
	s := sender(t, srv)
	require.NoError(t, s.Send(t.Context(), mail.Message{
		To:      "ann@example.com",
		Subject: `<script>alert("subject")</script>`,
		Text:    "Hi <b>Ann</b>, accept at https://roster.example.com/accept?token=abc&next=%2F.\nThanks",
		HTML:    `<p onclick="x()">HTML part</p>`,
	}))
	require.NoError(t, s.Send(t.Context(), mail.Message{To: "bob@example.com", Subject: "For Bob", Text: "Hi"}))

	get := func(h http.Handler, target string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		require.Equal(t, http.StatusOK, rec.Code)
		return rec
	}

	rec := get(srv.Handler(), "/dev/mail")
	require.Equal(t, "text/html; charset=utf-8", rec.Header().Get("Content-Type"))
	page := rec.Body.String()
	require.Contains(t, page, `<a href="https://roster.example.com/accept?token=abc&amp;next=%2F" rel="noreferrer noopener" target="_blank">https://roster.example.com/accept?token=abc&amp;next=%2F</a>.`)
	require.Contains(t, page, "&lt;script&gt;alert(&#34;subject&#34;)&lt;/script&gt;")
	require.NotContains(t, page, "<script>")
	require.Contains(t, page, "Hi &lt;b&gt;Ann&lt;/b&gt;")
	require.NotContains(t, page, "<b>Ann</b>")
	require.Contains(t, page, `<iframe sandbox srcdoc="&lt;p onclick=&#34;x()&#34;&gt;HTML part&lt;/p&gt;"`)
	require.NotContains(t, page, "<p onclick")
	require.Contains(t, page, `href="?format=json"`)
	require.NotContains(t, page, `href="/`, "links stay relative to where the page is mounted")
	require.Less(t, strings.Index(page, "For Bob"), strings.Index(page, "&lt;script&gt;"), "newest first")

	filtered := get(srv.Handler(), "/?to=BOB@example.com").Body.String()
	require.Contains(t, filtered, "For Bob")
	require.NotContains(t, filtered, "&lt;script&gt;")

	for _, tc := range []struct {
		name    string
		h       http.Handler
		target  string
		wantLen int
	}{
		{"json handler", srv.JSONHandler(), "/dev/mail.json", 2},
		{"format=json", srv.Handler(), "/dev/mail?format=json", 2},
		{"filtered", srv.JSONHandler(), "/?to=ann@example.com", 1},
	} {
		rec := get(tc.h, tc.target)
		require.Equal(t, "application/json", rec.Header().Get("Content-Type"), tc.name)
		var got []map[string]any
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got), tc.name)
		require.Len(t, got, tc.wantLen, tc.name)
		require.NotContains(t, got[0], "raw", tc.name)
		require.Contains(t, got[len(got)-1]["links"], "https://roster.example.com/accept?token=abc&next=%2F", tc.name)
	}

	rec = httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	require.Equal(t, http.StatusMethodNotAllowed, rec.Code)

	srv.Reset()
	require.Contains(t, get(srv.Handler(), "/").Body.String(), "No messages yet.")
	require.Equal(t, "[]\n", get(srv.JSONHandler(), "/").Body.String())
}

func TestServer_Close(t *testing.T) {
	t.Parallel()
	srv, err := mailcapture.Start("127.0.0.1:0")
	require.NoError(t, err)
	require.NoError(t, srv.Close())
	require.NoError(t, srv.Close())
	_, err = smtp.Dial(srv.Addr())
	require.Error(t, err)

	_, err = mailcapture.Start("not an address")
	require.Error(t, err)
}
