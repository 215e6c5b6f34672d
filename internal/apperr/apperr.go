// Package apperr defines the domain error type and the stable codes that
// clients see in a GraphQL error's extensions.code.
package apperr

import (
	"errors"
	"fmt"
)

// Code is a stable, machine-readable error code shown to clients.
type Code string

const (
	// Unauthenticated is returned when the request carries no valid session.
	Unauthenticated Code = "UNAUTHENTICATED"
	// Forbidden is returned when the caller may not perform the operation.
	Forbidden Code = "FORBIDDEN"
	// NotFound is returned when the object does not exist or is not visible to the caller.
	NotFound Code = "NOT_FOUND"
	// InvalidInput is returned when an argument is malformed.
	InvalidInput Code = "INVALID_INPUT"
	// Conflict is returned when the change conflicts with the current state.
	Conflict Code = "CONFLICT"
	// LimitExceeded is returned when a size limit, quota or throttle is exceeded.
	LimitExceeded Code = "LIMIT_EXCEEDED"
	// OwnerProtected is returned when an operation would act on the account Owner.
	OwnerProtected Code = "OWNER_PROTECTED"
	// SelfAction is returned when a caller tries to act on themselves.
	SelfAction Code = "SELF_ACTION"
	// MemberActive is returned when deleting an ACTIVE member of an account that requires deactivation first.
	MemberActive Code = "MEMBER_ACTIVE"
	// UserInactive is returned when the user is globally INACTIVE.
	UserInactive Code = "USER_INACTIVE"
	// ExternallyManaged is returned when the account's users come from an external directory.
	ExternallyManaged Code = "EXTERNALLY_MANAGED"
	// InvitationExpired is returned for an invitation whose token has expired.
	InvitationExpired Code = "INVITATION_EXPIRED"
	// InvitationUsed is returned for an invitation that was already accepted or revoked.
	InvitationUsed Code = "INVITATION_USED"
	// ConfirmationRequired is returned when an operation has consequences the caller must confirm.
	ConfirmationRequired Code = "CONFIRMATION_REQUIRED"
	// AlreadyMember is returned when the user already belongs to the account.
	AlreadyMember Code = "ALREADY_MEMBER"
	// Internal is the code of every error that is not a domain error; clients only see a request id.
	Internal Code = "INTERNAL"
)

// Codes returns every code, in the order declared: the values of the
// schema's ErrorCode enum, which a test keeps equal to this list.
func Codes() []Code {
	return []Code{
		Unauthenticated, Forbidden, NotFound, InvalidInput, Conflict, LimitExceeded,
		OwnerProtected, SelfAction, MemberActive, UserInactive, ExternallyManaged,
		InvitationExpired, InvitationUsed, ConfirmationRequired, AlreadyMember, Internal,
	}
}

// Error is a domain error: safe to show to clients, with a stable code and a
// message that says what to do.
type Error struct {
	Code    Code
	Message string
	// Extensions are extra fields shown to clients beside the code (for example resetsAt).
	Extensions map[string]any
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// New returns a domain error with a formatted message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// With returns a copy of e with one more extension field.
func (e *Error) With(key string, value any) *Error {
	c := *e
	c.Extensions = map[string]any{key: value}
	for k, v := range e.Extensions {
		c.Extensions[k] = v
	}
	return &c
}

// As returns the domain error inside err, or nil when err is not one.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// CodeOf returns the code of err, Internal when err is not a domain error,
// and the empty code for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	if e := As(err); e != nil {
		return e.Code
	}
	return Internal
}
