package mail_test

import (
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/rosterhq/roster/internal/mail"
)

func TestScratch(t *testing.T) {
	srv := startCapture(t)
	s := newSender(t, srv.URL(), "none", 1)
	m, _ := mail.RenderInvitation("new@example.com", mail.Invitation{AccountName: "Acme", InviterName: "Ann <b>Smith</b>", InviterEmail: "ann@example.com", Role: "ADMINISTRATOR", AcceptURL: "https://roster.example.com/accept?t=1&x=2", ExpiresAt: time.Now().Add(168 * time.Hour)})
	m.Headers["X-Roster-Job"] = "12"
	s.Send(t.Context(), m)
	m, _ = mail.RenderNotification("ops@example.com", mail.Notification{AccountName: "Acme", Kind: "BILLING", Subject: "Invoice", Body: "Your invoice is ready: https://x.example/inv.\n\nThanks."})
	s.Send(t.Context(), m)
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/dev/mail", nil))
	os.WriteFile("/tmp/page.html", rec.Body.Bytes(), 0o644)
	rec = httptest.NewRecorder()
	srv.JSONHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/dev/mail.json", nil))
	os.WriteFile("/tmp/page.json", rec.Body.Bytes(), 0o644)
}
