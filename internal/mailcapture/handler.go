package mailcapture

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/http"
	"strings"
	"time"
)

// Handler returns the HTTP handler of the message list: GET renders an HTML
// page of the messages, newest first, with recipients, subject, time and the
// plain-text body with its links clickable, and the HTML part in a sandboxed
// frame (no scripts); GET ?format=json returns what
// JSONHandler returns. ?to=ADDR keeps only the messages to ADDR. Every link the
// page makes is relative to the page itself, so it works wherever it is
// mounted (the lead mounts it at /dev/mail). Methods other than GET and HEAD
// get 405.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowRead(w, r) {
			return
		}
		if r.URL.Query().Get("format") == "json" {
			s.serveJSON(w, r)
			return
		}
		msgs := s.query(r)
		views := make([]messageView, len(msgs))
		for i, m := range msgs {
			views[i] = messageView{Message: m, Body: segments(m.Text)}
		}
		var buf bytes.Buffer
		if err := pageTemplate.Execute(&buf, pageData{Messages: views, Filter: r.URL.Query().Get("to")}); err != nil {
			http.Error(w, "mailcapture: render page: "+err.Error(), http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'")
		h.Set("Referrer-Policy", "no-referrer") // captured links carry tokens
		setCommonHeaders(h)
		_, _ = w.Write(buf.Bytes())
	})
}

// JSONHandler returns the HTTP handler that answers GET with a JSON array of
// the messages, newest first, without their raw bytes. ?to=ADDR keeps only the
// messages to ADDR. Methods other than GET and HEAD get 405.
func (s *Server) JSONHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if allowRead(w, r) {
			s.serveJSON(w, r)
		}
	})
}

func (s *Server) serveJSON(w http.ResponseWriter, r *http.Request) {
	b, err := json.Marshal(s.query(r))
	if err != nil {
		http.Error(w, "mailcapture: encode messages: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	setCommonHeaders(w.Header())
	_, _ = w.Write(append(b, '\n'))
}

func (s *Server) query(r *http.Request) []Message {
	if to := r.URL.Query().Get("to"); to != "" {
		return s.To(to)
	}
	return s.Messages()
}

func allowRead(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	return false
}

func setCommonHeaders(h http.Header) {
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
}

type pageData struct {
	Messages []messageView
	Filter   string
}

type messageView struct {
	Message
	Body []segment
}

// segment is a run of body text; URL is set when the run is a link.
type segment struct{ Text, URL string }

// segments cuts text into plain runs and links, for the page to render the
// links as anchors while html/template escapes everything.
func segments(text string) []segment {
	var out []segment
	last := 0
	for _, loc := range findURLs(text) {
		if loc[0] > last {
			out = append(out, segment{Text: text[last:loc[0]]})
		}
		u := text[loc[0]:loc[1]]
		out = append(out, segment{Text: u, URL: u})
		last = loc[1]
	}
	if last < len(text) {
		out = append(out, segment{Text: text[last:]})
	}
	return out
}

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"join": strings.Join,
	"time": func(t time.Time) string { return t.Format("2006-01-02 15:04:05 MST") },
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Captured mail ({{len .Messages}})</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1f2328; }
header { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
article { border: 1px solid #d0d7de; border-radius: 6px; margin: 1rem 0; padding: .75rem 1rem; }
h2 { font-size: 1.1rem; margin: 0 0 .25rem; }
.meta { color: #59636e; font-size: .9rem; margin: 0; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f8fa; padding: .75rem; border-radius: 6px; }
a { color: #0969da; }
summary { cursor: pointer; color: #59636e; }
iframe { width: 100%; height: 32rem; border: 1px solid #d0d7de; border-radius: 6px; margin-top: .5rem; }
</style>
</head>
<body>
<header>
<h1>Captured mail</h1>
<a href="?">Refresh</a>
<a href="?format=json">JSON</a>
{{if .Filter}}<span>to {{.Filter}} · <a href="?">show all</a></span>{{end}}
</header>
{{range .Messages}}
<article id="message-{{.ID}}">
<h2>{{if .Subject}}{{.Subject}}{{else}}(no subject){{end}}</h2>
<p class="meta">#{{.ID}} · to {{join .To ", "}} · from {{.From}} · <time datetime="{{.ReceivedAt.Format "2006-01-02T15:04:05Z07:00"}}">{{time .ReceivedAt}}</time>{{with index .Headers "X-Roster-Job"}} · job {{.}}{{end}}</p>
{{if .Body}}<pre>{{range .Body}}{{if .URL}}<a href="{{.URL}}" rel="noreferrer noopener" target="_blank">{{.Text}}</a>{{else}}{{.Text}}{{end}}{{end}}</pre>
{{else}}<p><em>No plain-text part.</em></p>
{{if .Links}}<ul>{{range .Links}}<li><a href="{{.}}" rel="noreferrer noopener" target="_blank">{{.}}</a></li>{{end}}</ul>{{end}}
{{end}}
{{if .HTML}}<details><summary>HTML part</summary><iframe sandbox srcdoc="{{.HTML}}" title="HTML part of message {{.ID}}"></iframe></details>{{end}}
</article>
{{else}}
<p>No messages yet.</p>
{{end}}
</body>
</html>
`))
