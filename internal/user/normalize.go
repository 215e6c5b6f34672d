package user

import (
	"net/mail"
	"strings"

	"github.com/rosterhq/roster/internal/apperr"
)

// NormalizeEmail validates one address and returns it lower-cased. It returns
// an INVALID_INPUT error for anything that is not a bare address.
func NormalizeEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || len(s) > 254 || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") && !strings.HasSuffix(s, "@localhost") {
		return "", apperr.New(apperr.InvalidInput, "%q is not a valid email address.", s)
	}
	return strings.ToLower(s), nil
}

// NormalizeName trims a display name and checks its length. It returns an
// INVALID_INPUT error for an empty or overlong name.
func NormalizeName(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || len([]rune(s)) > 200 {
		return "", apperr.New(apperr.InvalidInput, "A name must have between 1 and 200 characters.")
	}
	return s, nil
}
