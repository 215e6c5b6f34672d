package scim

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/rosterhq/roster/internal/apperr"
)

// Error is a SCIM error response (RFC 7644 §3.12): an HTTP status, for 400
// and 409 a scimType (invalidFilter, invalidValue, invalidSyntax,
// uniqueness, mutability, invalidPath, noTarget, tooMany…), and a detail
// that says what to do.
type Error struct {
	Status   int
	ScimType string
	Detail   string
}

// Error returns the detail.
func (e *Error) Error() string { return e.Detail }

func errf(status int, scimType, format string, args ...any) *Error {
	return &Error{Status: status, ScimType: scimType, Detail: fmt.Sprintf(format, args...)}
}

// body is the JSON of the error.
func (e *Error) body() map[string]any {
	b := map[string]any{"schemas": []string{ErrorURN}, "status": fmt.Sprint(e.Status), "detail": e.Detail}
	if e.ScimType != "" {
		b["scimType"] = e.ScimType
	}
	return b
}

// fromDomain returns the SCIM error of a domain error, nil for any other
// error (an internal one).
func fromDomain(err error) *Error {
	if e := (*Error)(nil); errors.As(err, &e) {
		return e
	}
	d := apperr.As(err)
	if d == nil {
		return nil
	}
	switch d.Code {
	case apperr.NotFound:
		return errf(http.StatusNotFound, "", "%s", d.Message)
	case apperr.InvalidInput:
		return errf(http.StatusBadRequest, "invalidValue", "%s", d.Message)
	case apperr.AlreadyMember:
		return errf(http.StatusConflict, "uniqueness", "%s", d.Message)
	case apperr.Conflict:
		return errf(http.StatusConflict, "", "%s", d.Message)
	case apperr.UserInactive, apperr.MemberActive:
		// The change does not fit the member's current state.
		return errf(http.StatusBadRequest, "mutability", "%s", d.Message)
	case apperr.Unauthenticated:
		return errf(http.StatusUnauthorized, "", "%s", d.Message)
	case apperr.LimitExceeded:
		return errf(http.StatusTooManyRequests, "", "%s", d.Message)
	}
	// FORBIDDEN, OWNER_PROTECTED, EXTERNALLY_MANAGED, SELF_ACTION: not this
	// token's to do.
	return errf(http.StatusForbidden, "", "%s", d.Message)
}
