package httpcompat_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/testserver"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/httpcompat"
)

// TestRunAuditGqlgen runs the graphql-http audit (node and npm needed)
// against gqlgen's test server, bare and wrapped in Middleware.
func TestRunAuditGqlgen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		wrap    func(http.Handler) http.Handler
		wantErr bool
		want    string
	}{
		{"bare gqlgen warns", func(h http.Handler) http.Handler { return h }, true, ", 5 warn, 0 error"},
		{"with Middleware", httpcompat.Middleware, false, ", 0 warn, 0 error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testserver.New()
			srv.AddTransport(transport.GET{})
			srv.AddTransport(transport.POST{})
			ts := httptest.NewServer(tt.wrap(srv))
			t.Cleanup(ts.Close)

			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			out, err := httpcompat.RunAudit(ctx, ts.URL+"/graphql")
			if tt.wantErr {
				require.Error(t, err, out)
			} else {
				require.NoError(t, err, out)
			}
			require.Contains(t, out, tt.want)
		})
	}
}
