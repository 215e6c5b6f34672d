package model

import (
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"

	"github.com/rosterhq/roster/internal/apperr"
)

// MarshalUUID writes an ID.
func MarshalUUID(id uuid.UUID) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(id.String())) })
}

// UnmarshalUUID reads an ID. It returns INVALID_INPUT for anything that is not a UUID.
func UnmarshalUUID(v any) (uuid.UUID, error) {
	if s, ok := v.(string); ok {
		if id, err := uuid.Parse(s); err == nil {
			return id, nil
		}
	}
	return uuid.Nil, apperr.New(apperr.InvalidInput, "%v is not a valid ID; IDs are UUIDs as returned by the API.", v)
}
