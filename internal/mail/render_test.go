package mail_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/mail"
)

var expires = time.Date(2031, 3, 14, 15, 9, 0, 0, time.FixedZone("CET", 3600))

func TestRender(t *testing.T) {
	t.Parallel()
	const link = "https://roster.example.com/path?token=abc&next=%2F"
	const htmlLink = `href="https://roster.example.com/path?token=abc&amp;next=%2F"`
	for _, tc := range []struct {
		name     string
		render   func() (mail.Message, error)
		subject  string
		toName   string
		linkText string
		says     []string // in both parts
	}{
		{
			name: "invitation",
			render: func() (mail.Message, error) {
				return mail.RenderInvitation("new@example.com", mail.Invitation{
					AccountName: "Acme", InviterName: "Ann Smith", InviterEmail: "ann@example.com",
					Role: "FINANCE_MANAGER", AcceptURL: link, ExpiresAt: expires,
				})
			},
			subject:  "Ann Smith invited you to Acme",
			linkText: "Accept invitation",
			says:     []string{"Finance manager", "ann@example.com", "14 March 2031 at 14:09 UTC", "ignore this email"},
		},
		{
			name: "welcome",
			render: func() (mail.Message, error) {
				return mail.RenderWelcome("new@example.com", mail.Welcome{Name: "Bob", SetPasswordURL: link, ExpiresAt: expires})
			},
			subject:  "Welcome to Roster — set your password",
			toName:   "Bob",
			linkText: "Set your password",
			says:     []string{"Hello Bob,", "14 March 2031 at 14:09 UTC"},
		},
		{
			name: "password reset",
			render: func() (mail.Message, error) {
				return mail.RenderPasswordReset("bob@example.com", mail.PasswordReset{Name: "Bob", ResetURL: link})
			},
			subject:  "Reset your Roster password",
			toName:   "Bob",
			linkText: "Reset password",
			says:     []string{"Hello Bob,", "did not ask to reset your password", "Your password stays the same"},
		},
		{
			name: "notification",
			render: func() (mail.Message, error) {
				return mail.RenderNotification("ops@example.com", mail.Notification{
					AccountName: "Acme", Kind: "TECHNICAL", Subject: "Maintenance on Sunday",
					Body: "The database moves on Sunday.\nDetails: " + link + "\n\nNo action needed.",
				})
			},
			subject: "[Acme] Maintenance on Sunday",
			says:    []string{"The database moves on Sunday.", "No action needed.", "technical notification"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, err := tc.render()
			require.NoError(t, err)
			require.Equal(t, tc.subject, m.Subject)
			require.Equal(t, tc.toName, m.ToName)
			require.Contains(t, m.Text, link)
			require.Contains(t, m.HTML, htmlLink)
			if tc.linkText != "" {
				require.Contains(t, m.HTML, ">"+tc.linkText+"</a>")
			}
			for _, s := range tc.says {
				require.Contains(t, m.Text, s)
				require.Contains(t, m.HTML, s)
			}
			require.Contains(t, m.HTML, "<title>"+tc.subject+"</title>")
			require.NotContains(t, m.HTML, "<img")
			require.NotContains(t, m.HTML, "<link")
			require.NotContains(t, m.HTML, "<script")
		})
	}
}

func TestRender_Escapes(t *testing.T) {
	t.Parallel()
	inv, err := mail.RenderInvitation("new@example.com", mail.Invitation{
		AccountName: `Tom & Jerry's <Co>`, InviterName: `<b>Eve</b>`, InviterEmail: "eve@example.com",
		Role: "ADMINISTRATOR", AcceptURL: "https://roster.example.com/a?b=<x>",
	})
	require.NoError(t, err)
	require.Equal(t, `<b>Eve</b> invited you to Tom & Jerry's <Co>`, inv.Subject, "the subject is plain text")
	require.Contains(t, inv.Text, `<b>Eve</b> (eve@example.com) invited you to join Tom & Jerry's <Co> on Roster as Administrator.`)
	require.Contains(t, inv.HTML, "&lt;b&gt;Eve&lt;/b&gt;")
	require.Contains(t, inv.HTML, "Tom &amp; Jerry&#39;s &lt;Co&gt;")
	require.NotContains(t, inv.HTML, "<b>Eve</b>")
	require.NotContains(t, inv.HTML, "<Co>")
	require.Contains(t, inv.HTML, `href="https://roster.example.com/a?b=%3cx%3e"`)
	require.Equal(t, map[string]string{"Reply-To": "eve@example.com"}, inv.Headers)

	n, err := mail.RenderNotification("ops@example.com", mail.Notification{
		AccountName: "Acme", Kind: "BILLING", Subject: "Invoice <ready>",
		Body: "Line <one>\nline & two\r\n\r\n<script>alert(1)</script>",
	})
	require.NoError(t, err)
	require.Equal(t, "[Acme] Invoice <ready>", n.Subject)
	require.Contains(t, n.HTML, "Line &lt;one&gt;<br>\nline &amp; two</p>")
	require.Contains(t, n.HTML, "&lt;script&gt;alert(1)&lt;/script&gt;")
	require.NotContains(t, n.HTML, "<script>")
	require.Contains(t, n.Text, "<script>alert(1)</script>")
	require.Contains(t, n.HTML, "billing notification")

	w, err := mail.RenderWelcome("a@example.com", mail.Welcome{SetPasswordURL: "https://x.example/"})
	require.NoError(t, err)
	require.Contains(t, w.Text, "Hello,\n")
	require.NotNil(t, w.Headers, "callers add X-Roster-Job to it")
	require.NotContains(t, w.Text, "expires", "no expiry sentence without ExpiresAt")
}

func TestRender_Invalid(t *testing.T) {
	t.Parallel()
	ok := mail.Invitation{AccountName: "Acme", InviterName: "Ann", Role: "USER", AcceptURL: "https://x.example/a"}
	for _, tc := range []struct {
		name     string
		render   func() (mail.Message, error)
		contains string
	}{
		{"bad recipient", func() (mail.Message, error) { return mail.RenderInvitation("nobody", ok) }, "recipient"},
		{"no account", func() (mail.Message, error) {
			d := ok
			d.AccountName = " "
			return mail.RenderInvitation("a@example.com", d)
		}, "AccountName"},
		{"javascript url", func() (mail.Message, error) {
			d := ok
			d.AcceptURL = "javascript:alert(1)"
			return mail.RenderInvitation("a@example.com", d)
		}, "AcceptURL"},
		{"relative url", func() (mail.Message, error) {
			return mail.RenderWelcome("a@example.com", mail.Welcome{SetPasswordURL: "/set"})
		}, "SetPasswordURL"},
		{"no reset url", func() (mail.Message, error) {
			return mail.RenderPasswordReset("a@example.com", mail.PasswordReset{})
		}, "ResetURL"},
		{"bad kind", func() (mail.Message, error) {
			return mail.RenderNotification("a@example.com", mail.Notification{AccountName: "A", Kind: "OTHER", Subject: "s", Body: "b"})
		}, "Kind"},
	} {
		_, err := tc.render()
		require.ErrorContains(t, err, tc.contains, tc.name)
	}
}

func TestRender_Send(t *testing.T) {
	t.Parallel()
	srv := startCapture(t)
	s := newSender(t, srv.URL(), "none", 1)
	const link = "https://roster.example.com/invitations/accept?token=Zm9v&x=1"

	m, err := mail.RenderInvitation("new@example.com", mail.Invitation{
		AccountName: "Acme", InviterName: "Ann Smith", InviterEmail: "ann@example.com",
		Role: "ADMINISTRATOR", AcceptURL: link, ExpiresAt: expires,
	})
	require.NoError(t, err)
	m.Headers["X-Roster-Job"] = "99"
	require.NoError(t, s.Send(t.Context(), m))

	got := srv.To("new@example.com")
	require.Len(t, got, 1)
	require.Equal(t, "Ann Smith invited you to Acme", got[0].Subject)
	require.Equal(t, []string{link}, got[0].Links)
	require.Equal(t, m.Text, got[0].Text)
	require.Equal(t, strings.ReplaceAll(m.HTML, "\r\n", "\n"), got[0].HTML)
	require.Contains(t, got[0].Headers["Reply-To"], "ann@example.com")
	require.Equal(t, "99", got[0].Headers["X-Roster-Job"])
}
