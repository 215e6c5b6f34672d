package graphiql

import (
	"crypto/sha512"
	"encoding/base64"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func TestHandlerServesLocalAssets(t *testing.T) {
	t.Parallel()
	require.True(t, Available(), "GraphiQL assets missing from internal/graphiql/dist: run make assets")
	h := Handler("Roster", "/graphql")

	page := get(t, h, "/")
	require.Equal(t, http.StatusOK, page.Code)
	require.Contains(t, page.Header().Get("Content-Type"), "text/html")
	body := page.Body.String()
	require.Contains(t, body, "<title>Roster</title>")
	require.NotRegexp(t, `(?i)\b(https?|wss?)://`, body, "the page must load nothing from another host")
	for _, attr := range regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		require.True(t, strings.HasPrefix(attr[1], AssetsPrefix), "non-local reference %q", attr[1])
	}

	refs := regexp.MustCompile(`(src|href)="([^"]*)"\s+integrity="([^"]*)"`).FindAllStringSubmatch(body, -1)
	require.Len(t, refs, len(files), "every asset is referenced once with its integrity hash")
	for _, ref := range refs {
		url, integrity := ref[2], html.UnescapeString(ref[3])
		require.True(t, strings.HasPrefix(url, AssetsPrefix), url)
		for _, h := range []http.Handler{h, AssetsHandler()} {
			rec := get(t, h, url)
			require.Equal(t, http.StatusOK, rec.Code, url)
			want := "text/javascript; charset=utf-8"
			if strings.HasSuffix(url, ".css") {
				want = "text/css; charset=utf-8"
			}
			require.Equal(t, want, rec.Header().Get("Content-Type"), url)
			sum := sha512.Sum384(rec.Body.Bytes())
			require.Equal(t, "sha384-"+base64.StdEncoding.EncodeToString(sum[:]), integrity, url)
		}
	}
	require.Equal(t, http.StatusNotFound, get(t, h, AssetsPrefix+"nope.js").Code)
}

func TestHandlerFallbackWithoutAssets(t *testing.T) {
	t.Parallel()
	h := newHandler("Roster", "/graphql", map[string]asset{})

	rec := get(t, h, "/")
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "text/html; charset=utf-8", rec.Header().Get("Content-Type"))
	body := rec.Body.String()
	require.Contains(t, body, "make assets")
	require.Contains(t, body, "make run")
	require.Contains(t, body, "<code>/graphql</code> still works")
	require.NotContains(t, body, "<script")
	require.Equal(t, http.StatusNotFound, get(t, h, AssetsPrefix+"graphiql.min.js").Code)
}
