package httpcompat_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/testserver"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/httpcompat"
)

// fake answers like gqlgen does: the given Content-Type, status and body.
func fake(contentType string, status int, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		if status != 0 {
			w.WriteHeader(status)
		}
		_, _ = io.WriteString(w, body)
	})
}

func TestMiddlewareRewritesRequestErrors(t *testing.T) {
	t.Parallel()
	const (
		js  = "application/json"
		gql = "application/graphql-response+json"
	)
	parseErr := `{"errors":[{"message":"Expected Name, found <EOF>","extensions":{"code":"GRAPHQL_PARSE_FAILED"}}],"data":null}`
	parseErrNoData := `{"errors":[{"message":"Expected Name, found <EOF>","extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}`
	noOp := `{"errors":[{"message":"no operation provided","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}],"data":null}`
	fieldErr := `{"errors":[{"message":"boom","path":["name"]}],"data":null}`
	big := `{"errors":[{"message":"` + strings.Repeat("x", httpcompat.MaxBufferedBody) + `"}],"data":null}`
	tests := []struct {
		name, contentType string
		status            int
		body              string
		wantStatus        int
		wantBody          string
	}{
		{"json 422 becomes 200 without data", js, 422, parseErr, 200, parseErrNoData},
		{"json 422 without query becomes 400", js + "; charset=utf-8", 422, noOp, 400, `{"errors":[{"message":"no operation provided","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}`},
		{"json 400 bad JSON loses data", js, 400, `{"errors":[{"message":"json request body could not be decoded"}],"data":null}`, 400, `{"errors":[{"message":"json request body could not be decoded"}]}`},
		{"graphql-response 400 loses data", gql, 400, parseErr, 400, parseErrNoData},
		{"graphql-response 400 without data unchanged", gql, 400, parseErrNoData, 400, parseErrNoData},
		{"json 200 field error unchanged", js, 200, fieldErr, 200, fieldErr},
		{"graphql-response 200 field error unchanged", gql, 0, fieldErr, 200, fieldErr},
		{"json 500 unchanged", js, 500, fieldErr, 500, fieldErr},
		{"text 422 unchanged", "text/plain", 422, "nope", 422, "nope"},
		{"invalid JSON unchanged", js, 422, "{oops", 422, "{oops"},
		{"oversized body unchanged", js, 422, big, 422, big},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader("{}"))
			httpcompat.Middleware(fake(tt.contentType, tt.status, tt.body)).ServeHTTP(rec, req)
			require.Equal(t, tt.wantStatus, rec.Code)
			require.Equal(t, tt.wantBody, rec.Body.String())
			require.Equal(t, tt.contentType, rec.Header().Get("Content-Type"))
		})
	}
}

// TestMiddlewareWithGqlgen checks the rewrites against gqlgen's own transports.
func TestMiddlewareWithGqlgen(t *testing.T) {
	t.Parallel()
	srv := testserver.New()
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	h := httpcompat.Middleware(srv)
	tests := []struct {
		name, accept, body string
		wantStatus         int
		wantData           bool
	}{
		{"ok", "application/json", `{"query":"{ name }"}`, 200, true},
		{"json parse failure", "application/json", `{"query":"{"}`, 200, false},
		{"json validation failure", "application/json", `{"query":"{ nope }"}`, 200, false},
		{"json coercion failure", "application/json", `{"query":"query Q($id: Int!){ find(id: $id) }","variables":{"id":null}}`, 200, false},
		{"json missing query", "", `{"qeury":"{ name }"}`, 400, false},
		{"json bad JSON", "application/json", `{ "not a JSON`, 400, false},
		{"graphql-response parse failure", "application/graphql-response+json", `{"query":"{"}`, 400, false},
		{"graphql-response validation failure", "application/graphql-response+json", `{"query":"{ nope }"}`, 400, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			if tt.accept != "" {
				req.Header.Set("Accept", tt.accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			require.Equal(t, tt.wantStatus, rec.Code, rec.Body.String())
			require.Equal(t, tt.wantData, strings.Contains(rec.Body.String(), `"data"`), rec.Body.String())
		})
	}
}

func TestMiddlewareStreamsEventStream(t *testing.T) {
	t.Parallel()
	firstRead := make(chan struct{})
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, "event: next\ndata: 1\n\n")
		w.(http.Flusher).Flush()
		select { // The client must see the first event before the handler returns.
		case <-firstRead:
		case <-time.After(5 * time.Second):
			return
		}
		_, _ = io.WriteString(w, "event: complete\n\n")
	})
	srv := httptest.NewServer(httpcompat.Middleware(next))
	t.Cleanup(srv.Close)

	resp, err := srv.Client().Get(srv.URL)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	br := bufio.NewReader(resp.Body)
	line, err := br.ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "event: next\n", line)
	close(firstRead)
	rest, err := io.ReadAll(br)
	require.NoError(t, err)
	require.Equal(t, "data: 1\n\nevent: complete\n\n", string(rest))
}

func TestMiddlewareHijack(t *testing.T) {
	t.Parallel()
	for _, upgrade := range []bool{false, true} {
		next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hj, ok := w.(http.Hijacker)
			if !ok {
				http.Error(w, "not a Hijacker", http.StatusInternalServerError)
				return
			}
			conn, rw, err := hj.Hijack()
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			defer conn.Close()
			_, _ = rw.WriteString("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: test\r\n\r\nhijacked")
			_ = rw.Flush()
		})
		srv := httptest.NewServer(httpcompat.Middleware(next))
		t.Cleanup(srv.Close)

		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		require.NoError(t, err)
		req := "GET / HTTP/1.1\r\nHost: x\r\n"
		if upgrade {
			req += "Connection: Upgrade\r\nUpgrade: test\r\n"
		}
		_, err = io.WriteString(conn, req+"\r\n")
		require.NoError(t, err)
		require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
		got, err := io.ReadAll(conn)
		require.NoError(t, err)
		require.NoError(t, conn.Close())
		require.True(t, strings.HasPrefix(string(got), "HTTP/1.1 101 "), string(got))
		require.True(t, strings.HasSuffix(string(got), "hijacked"), string(got))
	}
}
