package webapp

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/web"
)

func TestHandler_Routes(t *testing.T) {
	t.Parallel()
	dist := fstest.MapFS{
		"index.html":           {Data: []byte(`<!doctype html><div id="root"></div><script src="/app/assets/index-abc.js"></script>`)},
		"assets/index-abc.js":  {Data: []byte(`console.log(1)`)},
		"assets/index-abc.css": {Data: []byte(`body{}`)},
		"favicon.svg":          {Data: []byte(`<svg/>`)},
	}
	h := newHandler(dist)
	cases := []struct {
		name, method, path string
		status             int
		cache, typ, body   string
	}{
		{"root is the app", http.MethodGet, "/app/", 200, "no-cache", "text/html", `id="root"`},
		{"client route", http.MethodGet, "/app/accounts/42/users", 200, "no-cache", "text/html", `id="root"`},
		{"email link", http.MethodGet, "/app/accept-invitation?token=t", 200, "no-cache", "text/html", `id="root"`},
		{"index by name", http.MethodGet, "/app/index.html", 200, "no-cache", "text/html", `id="root"`},
		{"hashed bundle", http.MethodGet, "/app/assets/index-abc.js", 200, "public, max-age=31536000, immutable", "javascript", "console.log"},
		{"stylesheet", http.MethodGet, "/app/assets/index-abc.css", 200, "public, max-age=31536000, immutable", "text/css", "body"},
		{"unhashed file", http.MethodGet, "/app/favicon.svg", 200, "no-cache", "image/svg", "svg"},
		{"old bundle is not the app", http.MethodGet, "/app/assets/index-old.js", 404, "", "", ""},
		{"unknown file is not the app", http.MethodGet, "/app/robots.txt", 404, "", "", ""},
		{"outside the prefix", http.MethodGet, "/accounts/42/users", 404, "", "", ""},
		{"bundle outside the prefix", http.MethodGet, "/assets/index-abc.js", 404, "", "", ""},
		{"prefix lookalike", http.MethodGet, "/apple/", 404, "", "", ""},
		{"traversal", http.MethodGet, "/app/assets/../../web.go", 404, "", "", ""},
		{"head", http.MethodHead, "/app/", 200, "no-cache", "text/html", ""},
		{"post", http.MethodPost, "/app/", 405, "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
			require.Equal(t, tc.status, rec.Code)
			if rec.Code == http.StatusNotFound && tc.path[:5] != "/app/" {
				return // not the app's: no headers of its own
			}
			require.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))
			require.Equal(t, ContentSecurityPolicy, rec.Header().Get("Content-Security-Policy"))
			require.Equal(t, "no-referrer", rec.Header().Get("Referrer-Policy"))
			if tc.status != 200 {
				return
			}
			require.Equal(t, tc.cache, rec.Header().Get("Cache-Control"))
			require.Contains(t, rec.Header().Get("Content-Type"), tc.typ)
			require.NotEmpty(t, rec.Header().Get("ETag"))
			require.Contains(t, rec.Body.String(), tc.body)
		})
	}
}

func TestHandler_ETagRevalidates(t *testing.T) {
	t.Parallel()
	h := newHandler(fstest.MapFS{"index.html": {Data: []byte(`<div id="root"></div>`)}})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app/users", nil))
	req := httptest.NewRequest(http.MethodGet, "/app/users", nil)
	req.Header.Set("If-None-Match", rec.Header().Get("ETag"))
	rec2 := httptest.NewRecorder()
	h.ServeHTTP(rec2, req)
	require.Equal(t, http.StatusNotModified, rec2.Code)
}

func TestHandler_MissingBuild(t *testing.T) {
	t.Parallel()
	rec := httptest.NewRecorder()
	newHandler(fstest.MapFS{}).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app/", nil))
	require.Equal(t, 200, rec.Code)
	require.Contains(t, rec.Body.String(), "make build")
}

// TestHandler_EmbeddedBuild checks that the committed build is embedded and
// that its index.html names only bundles that exist.
func TestHandler_EmbeddedBuild(t *testing.T) {
	t.Parallel()
	h := Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app/", nil))
	require.Equal(t, 200, rec.Code)
	body := rec.Body.String()
	require.Contains(t, body, `<div id="root">`)
	refs := assetRefs(body)
	require.NotEmpty(t, refs, "index.html names its bundles")
	for _, ref := range refs {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, ref, nil))
		require.Equal(t, 200, rec.Code, ref)
	}
	_ = web.Dist()
}

// assetRefs returns the /app/assets/… paths that an index.html references
// (the build's base is /app/).
func assetRefs(html string) []string {
	var out []string
	for _, m := range assetRef.FindAllStringSubmatch(html, -1) {
		out = append(out, m[1])
	}
	return out
}

var assetRef = regexp.MustCompile(`"(/app/assets/[^"]+)"`)
