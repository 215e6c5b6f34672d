// Package httpcompat makes gqlgen's HTTP transports answer request errors
// the way the GraphQL-over-HTTP specification asks, so that the graphql-http
// audit (see audit.go) passes with no warning and no error.
package httpcompat

import (
	"bufio"
	"bytes"
	"encoding/json"
	"mime"
	"net"
	"net/http"
)

// MaxBufferedBody is the largest request-error body, in bytes, that
// Middleware holds back to rewrite; a larger one is sent unchanged.
const MaxBufferedBody = 1 << 20

const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
	// gqlgen's message when the request has no (or an empty) query.
	msgNoOperation = "no operation provided"
)

// Middleware fixes gqlgen's answers to GraphQL request errors (errors raised
// before execution: unparsable JSON, document parse or validation failures,
// variable coercion failures, a missing query):
//
//   - the "data" entry is removed from the body, because the request never
//     reached execution (gqlgen writes "data": null);
//   - under Content-Type application/json, gqlgen's 422 becomes 200, as the
//     specification asks for well-formed requests, or 400 when the request had
//     no query at all (not a well-formed GraphQL-over-HTTP request).
//
// Only responses whose status is 4xx and whose Content-Type is
// application/json or application/graphql-response+json when WriteHeader is
// called are held back (up to MaxBufferedBody bytes) and rewritten. Every
// other response, successful results, text/event-stream and multipart/mixed
// streams included, goes straight through with http.Flusher and
// http.Hijacker kept working, and requests carrying an Upgrade header
// (websockets) bypass the wrapper entirely.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "" {
			next.ServeHTTP(w, r)
			return
		}
		cw := &writer{ResponseWriter: w}
		next.ServeHTTP(cw, r)
		cw.finish()
	})
}

// writer is the http.ResponseWriter that Middleware hands to the next handler.
type writer struct {
	http.ResponseWriter
	wroteHeader bool
	holding     bool // a request-error body is being buffered
	status      int
	media       string
	buf         bytes.Buffer
}

// WriteHeader decides, from the status and Content-Type, whether the body
// is held back for rewriting or passed through.
func (w *writer) WriteHeader(code int) {
	if w.wroteHeader || code < 200 {
		if !w.holding {
			w.ResponseWriter.WriteHeader(code)
		}
		return
	}
	w.wroteHeader = true
	media, _, _ := mime.ParseMediaType(w.Header().Get("Content-Type"))
	if code >= 400 && code < 500 && (media == mediaJSON || media == mediaGraphQLResponse) {
		w.holding, w.status, w.media = true, code, media
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write buffers a held-back body, giving up on rewriting past MaxBufferedBody.
func (w *writer) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if !w.holding {
		return w.ResponseWriter.Write(p)
	}
	if w.buf.Len()+len(p) <= MaxBufferedBody {
		return w.buf.Write(p)
	}
	w.holding = false
	w.ResponseWriter.WriteHeader(w.status)
	if _, err := w.ResponseWriter.Write(w.buf.Bytes()); err != nil {
		return 0, err
	}
	w.buf = bytes.Buffer{}
	return w.ResponseWriter.Write(p)
}

// Flush flushes through to the client unless the body is being held back.
func (w *writer) Flush() {
	if w.holding {
		return
	}
	w.wroteHeader = true
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

// Hijack hands the connection over, as the wrapped writer allows.
func (w *writer) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return http.NewResponseController(w.ResponseWriter).Hijack()
}

// Unwrap lets http.ResponseController reach the wrapped writer.
func (w *writer) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// finish sends a held-back body, rewritten.
func (w *writer) finish() {
	if !w.holding {
		return
	}
	w.holding = false
	status, body := rewrite(w.media, w.status, w.buf.Bytes())
	w.Header().Del("Content-Length")
	w.ResponseWriter.WriteHeader(status)
	_, _ = w.ResponseWriter.Write(body)
}

// rewrite returns the status and body to send for a request-error response
// with the given media type, status and JSON body.
func rewrite(media string, status int, body []byte) (int, []byte) {
	var resp map[string]json.RawMessage
	if err := json.Unmarshal(body, &resp); err != nil {
		return status, body
	}
	if data, ok := resp["data"]; ok && string(bytes.TrimSpace(data)) == "null" {
		delete(resp, "data")
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false) // keep the values' bytes as they were
		if enc.Encode(resp) == nil {
			body = bytes.TrimSuffix(b.Bytes(), []byte("\n"))
		}
	}
	if media == mediaJSON && status == http.StatusUnprocessableEntity {
		status = http.StatusOK
		var errs []struct {
			Message string `json:"message"`
		}
		if json.Unmarshal(resp["errors"], &errs) == nil && len(errs) == 1 && errs[0].Message == msgNoOperation {
			status = http.StatusBadRequest
		}
	}
	return status, body
}
