package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/request"
)

// ErrorPresenter turns errors into GraphQL errors: a domain error shows its
// message and code; an error of gqlgen's own shows its message with
// LIMIT_EXCEEDED for a query over the complexity limit and INVALID_INPUT for
// anything else (a malformed query or argument); anything else is logged
// with the request id and shown only as that id, as INTERNAL. An error of a
// request whose client went away (its context canceled) is logged at INFO,
// not ERROR: the server did nothing wrong.
func ErrorPresenter(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		if gqlErr.Extensions == nil {
			gqlErr.Extensions = map[string]any{}
		}
		if e := apperr.As(err); e != nil {
			gqlErr.Message = e.Message
			for k, v := range e.Extensions {
				gqlErr.Extensions[k] = v
			}
			gqlErr.Extensions["code"] = string(e.Code)
			return gqlErr
		}
		var own *gqlerror.Error
		if errors.As(err, &own) && own.Unwrap() == nil {
			code := apperr.InvalidInput
			if c, _ := gqlErr.Extensions["code"].(string); c == errcodeComplexity {
				code = apperr.LimitExceeded
				gqlErr.Message += "; ask for smaller pages or fewer fields"
			}
			gqlErr.Extensions["code"] = string(code)
			return gqlErr
		}
		id := request.From(ctx).ID
		level, msg := slog.LevelError, "internal error"
		if clientGone(ctx) {
			level, msg = slog.LevelInfo, "request canceled by the client"
		}
		logger.Log(ctx, level, msg, "request_id", id, "path", gqlErr.Path.String(), "error", err)
		gqlErr.Message = fmt.Sprintf("Internal error; quote request id %s to support.", id)
		gqlErr.Extensions["code"] = string(apperr.Internal)
		gqlErr.Extensions["requestId"] = id
		return gqlErr
	}
}

// errcodeComplexity is the code gqlgen's complexity limit gives its error.
const errcodeComplexity = "COMPLEXITY_LIMIT_EXCEEDED"

// clientGone reports whether the request of ctx ended before its answer:
// the client hung up (or the server is shutting down).
func clientGone(ctx context.Context) bool {
	return errors.Is(ctx.Err(), context.Canceled)
}

// Recover turns a panic in a resolver into an internal error.
func Recover(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "panic in resolver", "request_id", request.From(ctx).ID, "panic", p)
		return fmt.Errorf("panic: %v", p)
	}
}
