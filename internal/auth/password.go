package auth

import (
	"github.com/alexedwards/argon2id"

	"github.com/rosterhq/roster/internal/apperr"
)

// Params are the argon2id parameters of new password hashes (OWASP's
// recommended minimum: 19 MiB, two passes).
var Params = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// dummyHash is compared against when the email is unknown, so that an unknown
// email costs the same time as a wrong password.
var dummyHash, _ = argon2id.CreateHash("roster-dummy-password", Params)

// ValidatePassword checks a new password without hashing it. It returns
// INVALID_INPUT for a password that is too short or too long.
func ValidatePassword(password string) error {
	if n := len([]rune(password)); n < 8 || len(password) > 256 {
		return apperr.New(apperr.InvalidInput, "A password needs at least 8 characters (at most 256 bytes).")
	}
	return nil
}

// HashPassword validates a new password and returns its argon2id hash. It
// returns INVALID_INPUT for a password that is too short or too long.
func HashPassword(password string) (string, error) {
	if err := ValidatePassword(password); err != nil {
		return "", err
	}
	return argon2id.CreateHash(password, Params)
}

// VerifyPassword reports whether password matches hash; an empty hash (no
// password set yet) matches nothing but costs the same time.
func VerifyPassword(password, hash string) bool {
	if hash == "" {
		_, _ = argon2id.ComparePasswordAndHash(password, dummyHash)
		return false
	}
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}
