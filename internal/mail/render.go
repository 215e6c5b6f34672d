package mail

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	htmltemplate "html/template"
	netmail "net/mail"
	"net/url"
	"regexp"
	"strings"
	texttemplate "text/template"
	"time"
)

//go:embed templates/*.html templates/*.txt
var templateFS embed.FS

// Invitation is the data of the email inviting someone into an account.
type Invitation struct {
	AccountName  string
	InviterName  string
	InviterEmail string // shown next to the name and used as Reply-To; optional
	Role         string // a member role such as "ADMINISTRATOR", shown as "Administrator"
	AcceptURL    string
	ExpiresAt    time.Time // optional
}

// Welcome is the data of the email to a user created without a password.
type Welcome struct {
	Name           string // optional
	SetPasswordURL string
	ExpiresAt      time.Time // optional
}

// PasswordReset is the data of the email with a password reset link.
type PasswordReset struct {
	Name      string // optional
	ResetURL  string
	ExpiresAt time.Time // optional
}

// Notification is the data of a notice to an account's technical or billing
// contacts.
type Notification struct {
	AccountName string
	Kind        string // TECHNICAL or BILLING
	Subject     string
	Body        string // plain text; blank lines separate paragraphs
}

// kind is one email kind's pair of templates.
type kind struct {
	text *texttemplate.Template // defines "subject" and "body"
	html *htmltemplate.Template // "layout" with the kind's "content" and "preheader"
}

var kinds = map[string]kind{}

func init() {
	textBase := texttemplate.Must(texttemplate.New("").ParseFS(templateFS, "templates/layout.txt"))
	htmlBase := htmltemplate.Must(htmltemplate.New("").Funcs(htmltemplate.FuncMap{
		"button": func(url, label string) buttonData { return buttonData{URL: url, Label: label} },
	}).ParseFS(templateFS, "templates/layout.html"))
	for _, name := range []string{"invitation", "welcome", "password_reset", "notification"} {
		kinds[name] = kind{
			text: texttemplate.Must(texttemplate.Must(textBase.Clone()).ParseFS(templateFS, "templates/"+name+".txt")),
			html: htmltemplate.Must(htmltemplate.Must(htmlBase.Clone()).ParseFS(templateFS, "templates/"+name+".html")),
		}
	}
}

type buttonData struct{ URL, Label string }

// RenderInvitation renders the invitation to d.AccountName for to. The
// subject names the inviter ("Ann invited you to Acme"); the body says the
// role and the expiry, links to d.AcceptURL ("Accept invitation") and says the
// email can be ignored. Headers["Reply-To"] is d.InviterEmail when that is an
// address, so add headers to the map rather than replace it. It
// returns an error when to, AccountName, InviterName or AcceptURL is missing or
// malformed (AcceptURL must be an absolute http(s) URL), or when a template
// fails.
func RenderInvitation(to string, d Invitation) (Message, error) {
	if err := errors.Join(required("AccountName", d.AccountName), required("InviterName", d.InviterName),
		required("Role", d.Role), linkURL("AcceptURL", d.AcceptURL)); err != nil {
		return Message{}, fmt.Errorf("mail: render invitation: %w", err)
	}
	var replyTo string
	if addr, err := netmail.ParseAddress(d.InviterEmail); err == nil {
		replyTo = addr.Address
	}
	m, err := render("invitation", to, struct {
		Invitation
		RoleLabel, Expires string
	}{d, roleLabel(d.Role), expiry(d.ExpiresAt)})
	if err != nil {
		return Message{}, err
	}
	if replyTo != "" {
		m.Headers["Reply-To"] = replyTo
	}
	return m, nil
}

// RenderWelcome renders the welcome email asking the new user to set a
// password ("Welcome to Roster — set your password") with a "Set your
// password" link to d.SetPasswordURL. It returns an error when to or
// SetPasswordURL is missing or malformed, or when a template fails.
func RenderWelcome(to string, d Welcome) (Message, error) {
	if err := linkURL("SetPasswordURL", d.SetPasswordURL); err != nil {
		return Message{}, fmt.Errorf("mail: render welcome: %w", err)
	}
	m, err := render("welcome", to, struct {
		Welcome
		Expires string
	}{d, expiry(d.ExpiresAt)})
	if err != nil {
		return Message{}, err
	}
	m.ToName = d.Name
	return m, nil
}

// RenderPasswordReset renders the password reset email ("Reset your Roster
// password") with a "Reset password" link to d.ResetURL; it tells the reader
// to ignore it when they did not ask. It returns an error when to or ResetURL
// is missing or malformed, or when a template fails.
func RenderPasswordReset(to string, d PasswordReset) (Message, error) {
	if err := linkURL("ResetURL", d.ResetURL); err != nil {
		return Message{}, fmt.Errorf("mail: render password reset: %w", err)
	}
	m, err := render("password_reset", to, struct {
		PasswordReset
		Expires string
	}{d, expiry(d.ExpiresAt)})
	if err != nil {
		return Message{}, err
	}
	m.ToName = d.Name
	return m, nil
}

// RenderNotification renders a notice to an account contact with the subject
// "[AccountName] Subject"; the body is d.Body, as plain text and as escaped
// HTML paragraphs. It returns an error when to, AccountName, Subject or Body is
// missing, when Kind is not TECHNICAL or BILLING, or when a template fails.
func RenderNotification(to string, d Notification) (Message, error) {
	err := errors.Join(required("AccountName", d.AccountName), required("Subject", d.Subject), required("Body", d.Body))
	if d.Kind != "TECHNICAL" && d.Kind != "BILLING" {
		err = errors.Join(err, fmt.Errorf("Kind %q is not TECHNICAL or BILLING", d.Kind))
	}
	if err != nil {
		return Message{}, fmt.Errorf("mail: render notification: %w", err)
	}
	label := strings.ToLower(d.Kind)
	return render("notification", to, struct {
		Notification
		KindLabel, KindTitle string
		Paragraphs           [][][]segment
	}{d, label, strings.ToUpper(label[:1]) + label[1:], paragraphs(d.Body)})
}

// render executes one kind's templates on data, which the templates read
// fields of, plus Subject once rendered. The message's Headers map is never
// nil, so callers can add to it (X-Roster-Job) without replacing Reply-To.
func render[T any](name, to string, data T) (Message, error) {
	if _, err := netmail.ParseAddress(to); err != nil {
		return Message{}, fmt.Errorf("mail: render %s: recipient %q is not an email address: %w", name, to, err)
	}
	k := kinds[name]
	var subject, text, html bytes.Buffer
	if err := k.text.ExecuteTemplate(&subject, "subject", data); err != nil {
		return Message{}, fmt.Errorf("mail: render %s subject: %w", name, err)
	}
	if err := k.text.ExecuteTemplate(&text, "body", data); err != nil {
		return Message{}, fmt.Errorf("mail: render %s text: %w", name, err)
	}
	subj := oneLine(subject.String())
	if err := k.html.ExecuteTemplate(&html, "layout", struct {
		Data    T
		Subject string
	}{data, subj}); err != nil {
		return Message{}, fmt.Errorf("mail: render %s HTML: %w", name, err)
	}
	return Message{To: to, Subject: subj, Text: text.String(), HTML: html.String(), Headers: map[string]string{}}, nil
}

func required(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("%s is empty", field)
	}
	return nil
}

// linkURL checks that v is an absolute http(s) URL, the only kind html/template
// keeps in an href and mail clients open.
func linkURL(field, v string) error {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("%s %q is not an absolute http(s) URL", field, v)
	}
	return nil
}

// roleLabel turns a role constant ("FINANCE_MANAGER") into words ("Finance
// manager"); anything else is shown as given.
func roleLabel(role string) string {
	if role == "" || strings.ToUpper(role) != role {
		return role
	}
	words := strings.ToLower(strings.ReplaceAll(role, "_", " "))
	return strings.ToUpper(words[:1]) + words[1:]
}

// expiry formats t for the emails, in UTC, or "" for the zero time.
func expiry(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 January 2006 at 15:04 UTC")
}

// segment is a run of a line of text; URL is set when the run is a link.
type segment struct{ Text, URL string }

// urlPattern matches an http(s) URL up to white space, quotes or brackets.
var urlPattern = regexp.MustCompile("https?://[^\\s<>\"'`]+")

// paragraphs splits text at blank lines, each paragraph into its lines and
// each line into plain runs and links, for the HTML template to escape and
// link.
func paragraphs(text string) [][][]segment {
	var out [][][]segment
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		var lines [][]segment
		for _, line := range strings.Split(p, "\n") {
			lines = append(lines, segments(line))
		}
		out = append(out, lines)
	}
	return out
}

func segments(line string) []segment {
	var out []segment
	last := 0
	for _, loc := range urlPattern.FindAllStringIndex(line, -1) {
		end := loc[1]
		for end > loc[0] && strings.ContainsRune(".,;:!?)]}", rune(line[end-1])) {
			end-- // sentence punctuation, not part of the URL
		}
		if loc[0] > last {
			out = append(out, segment{Text: line[last:loc[0]]})
		}
		out = append(out, segment{Text: line[loc[0]:end], URL: line[loc[0]:end]})
		last = end
	}
	if last < len(line) {
		out = append(out, segment{Text: line[last:]})
	}
	return out
}
