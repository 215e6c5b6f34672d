package graph_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/rosterhq/roster/graph"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/request"
)

func TestErrorPresenter(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	present := graph.ErrorPresenter(slog.New(slog.NewJSONHandler(&logs, nil)))
	ctx := request.With(graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, graphql.DefaultRecover), request.Info{ID: "req-42"})
	for _, tc := range []struct {
		name, code, message string
		err                 error
	}{
		{"a domain error shows its message and code", "OWNER_PROTECTED", "no", apperr.New(apperr.OwnerProtected, "no")},
		{"wrapped domain errors too", "NOT_FOUND", "No such user.", fmt.Errorf("loading: %w", apperr.New(apperr.NotFound, "No such user."))},
		{"gqlgen's own errors are input errors", "INVALID_INPUT", "bad query", gqlerror.Errorf("bad query")},
		{"anything else is hidden behind the request id", "INTERNAL", "Internal error; quote request id req-42 to support.", errors.New("pq: password for user roster is hunter2")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := present(ctx, tc.err)
			require.Equal(t, tc.code, e.Extensions["code"])
			require.Equal(t, tc.message, e.Message)
		})
	}
	require.Contains(t, logs.String(), "hunter2", "the internal error is logged")
	require.Contains(t, logs.String(), "req-42")
}
