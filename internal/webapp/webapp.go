// Package webapp serves Roster's admin app (web/, a React single-page app)
// under /app/ (GraphiQL keeps /): its hashed bundles under /app/assets/
// cached for a year, and index.html, never cached, for every other GET path
// under /app/ that names no file, so the app's own routes (/app/accounts/…,
// /app/sign-in, and the email links /app/accept-invitation,
// /app/reset-password, /app/set-password) load it.
package webapp

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/rosterhq/roster/web"
)

// Prefix is where the app is mounted; the build's base (web/vite.config.ts)
// and the router's basename (web/src/main.tsx) say the same.
const Prefix = "/app/"

// AssetsPrefix is where Vite puts the bundles whose names carry a content
// hash, relative to Prefix.
const AssetsPrefix = "/assets/"

// ContentSecurityPolicy is sent with every response of the app. Scripts come
// only from the app's own files; styles may be inline because the component
// library sets CSS variables in style attributes; the API is same-origin
// (fetch and the graphql-transport-ws WebSocket).
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// file is one embedded file, read once.
type file struct {
	body        []byte
	etag        string
	contentType string
}

// Handler serves the app from the embedded build; mount it at Prefix (it
// expects the full path and answers 404 outside Prefix). The build is read
// and hashed once per process, however many servers are made.
func Handler() http.Handler { return embedded() }

var embedded = sync.OnceValue(func() http.Handler { return newHandler(web.Dist()) })

func newHandler(dist fs.FS) http.Handler {
	app := newAppHandler(dist)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest, ok := strings.CutPrefix(r.URL.Path, strings.TrimSuffix(Prefix, "/"))
		if !ok || !strings.HasPrefix(rest, "/") {
			http.NotFound(w, r)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = rest
		r2.URL.RawPath = ""
		app.ServeHTTP(w, r2)
	})
}

// newAppHandler serves the build at paths relative to Prefix.
func newAppHandler(dist fs.FS) http.Handler {
	files := map[string]file{}
	_ = fs.WalkDir(dist, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(dist, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			ct = "application/octet-stream"
		}
		files["/"+p] = file{body: b, etag: `"` + hex.EncodeToString(sum[:16]) + `"`, contentType: ct}
		return nil
	})
	index, ok := files["/index.html"]
	if !ok {
		index = file{body: []byte(missing), etag: `"missing"`, contentType: "text/html; charset=utf-8"}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Frame-Options", "DENY")
		// The email links carry their token in the query string: no
		// Referer may take it to another site.
		h.Set("Referrer-Policy", "no-referrer")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		f, found := files[r.URL.Path]
		switch {
		case found && strings.HasPrefix(r.URL.Path, AssetsPrefix):
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		case found:
			h.Set("Cache-Control", "no-cache")
		case strings.HasPrefix(r.URL.Path, AssetsPrefix) || path.Ext(r.URL.Path) != "":
			// A file that is not there (an old bundle after a deploy) is a
			// 404, not the app: a script tag must not receive HTML.
			http.NotFound(w, r)
			return
		default: // a route of the app
			f = index
			h.Set("Cache-Control", "no-cache")
		}
		h.Set("Content-Type", f.contentType)
		h.Set("ETag", f.etag)
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.body))
	})
}

// missing is served when the binary was built without the app (web/dist
// emptied by hand): the API and its explorer at / still work.
const missing = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Roster</title></head>
<body><h1>Roster</h1><p>The admin app was not built into this binary: run <code>make build</code>.
The GraphQL API is at <a href="/graphql">/graphql</a> and its explorer at <a href="/">/</a>.</p></body></html>
`
