package mailcapture

import (
	"bytes"
	"encoding/base64"
	"html"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"regexp"
	"strings"
)

// maxDepth bounds multipart nesting; real mail goes two or three deep.
const maxDepth = 8

// parse fills Subject, Text, HTML, Links and Headers from a raw message. It is
// best effort: whatever cannot be parsed stays empty, and Raw keeps it all.
func parse(raw []byte) Message {
	var m Message
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return m
	}
	dec := &mime.WordDecoder{}
	m.Headers = make(map[string]string, len(msg.Header))
	for k, vs := range msg.Header {
		decoded := make([]string, len(vs))
		for i, v := range vs {
			decoded[i] = decodeHeader(dec, v)
		}
		m.Headers[textproto.CanonicalMIMEHeaderKey(k)] = strings.Join(decoded, ", ")
	}
	m.Subject = m.Headers["Subject"]
	walk(&m, textproto.MIMEHeader(msg.Header), msg.Body, 0)
	m.Links = links(m.Text, m.HTML)
	return m
}

func decodeHeader(dec *mime.WordDecoder, v string) string {
	if d, err := dec.DecodeHeader(v); err == nil {
		return d
	}
	return v
}

// walk looks for the first text/plain and the first text/html part that are
// not attachments, descending into multipart bodies.
func walk(m *Message, h textproto.MIMEHeader, body io.Reader, depth int) {
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		mediaType = "text/plain" // RFC 2045's default, also for a malformed header
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		if depth >= maxDepth || params["boundary"] == "" {
			return
		}
		mr := multipart.NewReader(body, params["boundary"])
		for {
			// NextPart decodes quoted-printable parts itself and drops their
			// Content-Transfer-Encoding header; decode handles the rest.
			p, err := mr.NextPart()
			if err != nil {
				return
			}
			walk(m, p.Header, p, depth+1)
		}
	}
	if disp, _, _ := mime.ParseMediaType(h.Get("Content-Disposition")); disp == "attachment" {
		return
	}
	var dst *string
	switch {
	case mediaType == "text/plain" && m.Text == "":
		dst = &m.Text
	case mediaType == "text/html" && m.HTML == "":
		dst = &m.HTML
	default:
		return
	}
	b, err := io.ReadAll(decode(h.Get("Content-Transfer-Encoding"), body))
	if err != nil && len(b) == 0 {
		return
	}
	*dst = strings.ReplaceAll(string(b), "\r\n", "\n")
}

func decode(cte string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, r) // skips CR and LF
	}
	return r
}

// urlPattern matches an http(s) URL up to whitespace, quotes or angle brackets.
var urlPattern = regexp.MustCompile("(?i)https?://[^\\s<>\"'`]+")

// findURLs returns the [start, end) offsets of the URLs in s, without the
// punctuation that usually ends a sentence rather than a URL.
func findURLs(s string) [][2]int {
	var out [][2]int
	for _, loc := range urlPattern.FindAllStringIndex(s, -1) {
		end := loc[1]
		for end > loc[0] && strings.ContainsRune(".,;:!?)]}", rune(s[end-1])) {
			end--
		}
		if u := s[loc[0]:end]; len(u) > strings.Index(u, "://")+3 { // something after the scheme
			out = append(out, [2]int{loc[0], end})
		}
	}
	return out
}

// links returns the URLs in text, then those in the HTML (entities decoded,
// so href="…?a=1&amp;b=2" gives …?a=1&b=2), each once.
func links(text, htmlBody string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range []string{text, html.UnescapeString(htmlBody)} {
		for _, loc := range findURLs(s) {
			if u := s[loc[0]:loc[1]]; !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}
