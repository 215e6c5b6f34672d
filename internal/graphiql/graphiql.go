// Package graphiql serves the GraphiQL explorer from browser assets embedded
// in the binary, so the page works offline: no request leaves the host.
//
// The assets (GraphiQL, React, the explorer plugin; versions pinned in
// package-lock.json) are copied into dist/ by copy-assets.sh (`make assets`)
// before `go build`. A plain `go build` without them still compiles; the page
// then tells the user to run `make assets`.
package graphiql

import (
	"bytes"
	"crypto/sha512"
	"embed"
	"encoding/base64"
	"html/template"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"
)

// AssetsPrefix is the URL path under which Handler and AssetsHandler serve
// the embedded assets, for example /graphiql/graphiql.min.js.
const AssetsPrefix = "/graphiql/"

// files are the assets copy-assets.sh puts in dist/; the page needs them all.
var files = []string{
	"react.production.min.js",
	"react-dom.production.min.js",
	"graphiql.min.js",
	"graphiql.min.css",
	"plugin-explorer.umd.js",
	"plugin-explorer.css",
}

//go:embed dist
var dist embed.FS

// asset is one embedded file with its Subresource Integrity hash.
type asset struct {
	body        []byte
	integrity   string // sha384-…, also used as the ETag
	contentType string
}

// assets holds the embedded files by name, hashed once at init.
var assets = load()

func load() map[string]asset {
	m := make(map[string]asset)
	for _, name := range files {
		b, err := dist.ReadFile("dist/" + name)
		if err != nil {
			continue
		}
		sum := sha512.Sum384(b)
		ct := "text/javascript; charset=utf-8"
		if path.Ext(name) == ".css" {
			ct = "text/css; charset=utf-8"
		}
		m[name] = asset{b, "sha384-" + base64.StdEncoding.EncodeToString(sum[:]), ct}
	}
	return m
}

// Available reports whether the GraphiQL assets were embedded at build time
// (`make assets` ran before `go build`).
func Available() bool { return complete(assets) }

func complete(m map[string]asset) bool {
	for _, name := range files {
		if _, ok := m[name]; !ok {
			return false
		}
	}
	return true
}

// Handler returns the GraphiQL page, titled title, querying the GraphQL
// endpoint endpoint (a path such as /graphql, or an absolute URL). The page is
// served for any request path except those under AssetsPrefix, which serve the
// embedded assets; so mounting Handler at / is enough, and mounting it
// elsewhere needs AssetsHandler mounted at AssetsPrefix too. Without embedded
// assets the page says to run `make assets` and names the still-working
// endpoint.
func Handler(title, endpoint string) http.Handler {
	return newHandler(title, endpoint, assets)
}

func newHandler(title, endpoint string, m map[string]asset) http.Handler {
	page := fallbackPage(title, endpoint)
	if complete(m) {
		url := func(name string) string { return AssetsPrefix + name }
		sri := func(name string) string { return m[name].integrity }
		page = playground.Handler(title, endpoint,
			playground.WithGraphiqlReactVersion(
				url("react.production.min.js"), url("react-dom.production.min.js"),
				sri("react.production.min.js"), sri("react-dom.production.min.js")),
			playground.WithGraphiqlVersion(
				url("graphiql.min.js"), url("graphiql.min.css"),
				sri("graphiql.min.js"), sri("graphiql.min.css")),
			playground.WithGraphiqlPluginExplorerVersion(
				url("plugin-explorer.umd.js"), url("plugin-explorer.css"),
				sri("plugin-explorer.umd.js"), sri("plugin-explorer.css")),
			playground.WithGraphiqlEnablePluginExplorer(true),
		)
	}
	files := assetsHandler(m)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, AssetsPrefix) {
			files.ServeHTTP(w, r)
			return
		}
		page.ServeHTTP(w, r)
	})
}

// AssetsHandler returns the handler serving the embedded assets at
// AssetsPrefix+name (it expects the full path, so mount it at AssetsPrefix
// without stripping). Responses carry an ETag so browsers revalidate cheaply;
// unknown names, or all names when the assets were not built, answer 404.
func AssetsHandler() http.Handler { return assetsHandler(assets) }

func assetsHandler(m map[string]asset) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok := m[strings.TrimPrefix(r.URL.Path, AssetsPrefix)]
		if !ok || !strings.HasPrefix(r.URL.Path, AssetsPrefix) {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", a.contentType)
		h.Set("Cache-Control", "no-cache")
		h.Set("ETag", `"`+a.integrity+`"`)
		h.Set("X-Content-Type-Options", "nosniff")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
	})
}

var fallback = template.Must(template.New("fallback").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{.Title}}</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>{{.Title}}</h1>
<p>The GraphiQL explorer was not built into this binary.
Run <code>make assets</code> (or <code>make run</code>) to get the explorer.</p>
<p>The GraphQL endpoint <code>{{.Endpoint}}</code> still works: POST it a JSON body
such as <code>{"query": "{ __typename }"}</code> with <code>Content-Type: application/json</code>.</p>
</body>
</html>
`))

// fallbackPage returns the page shown when the assets were not embedded.
func fallbackPage(title, endpoint string) http.Handler {
	var buf bytes.Buffer
	if err := fallback.Execute(&buf, map[string]string{"Title": title, "Endpoint": endpoint}); err != nil {
		panic(err)
	}
	body := buf.Bytes()
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(body)
	})
}
