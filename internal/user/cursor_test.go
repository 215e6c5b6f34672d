package user_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/user"
)

// FuzzDecodeCursor checks that the explorer's cursor decoder refuses garbage
// with INVALID_INPUT, never panics, reads back what Cursor wrote, and only
// ever hands PostgreSQL text it accepts (valid UTF-8 without NUL: anything
// else would fail in SQL as an internal error).
func FuzzDecodeCursor(f *testing.F) {
	for _, s := range []string{user.User{Email: "ann@x.test"}.Cursor(), user.User{Email: "ann@xn--bcher-kva.test"}.Cursor(),
		"", "dTo", "dTr_", "dToA", "!!", "eDphQGIuYw"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, c string) {
		email, err := user.DecodeCursor(c)
		if err != nil {
			require.ErrorIs(t, err, db.ErrBadCursor)
			return
		}
		require.True(t, utf8.ValidString(email), "invalid UTF-8 %q", email)
		require.False(t, strings.ContainsRune(email, 0), "NUL in %q", email)
		again, err := user.DecodeCursor(user.User{Email: email}.Cursor())
		require.NoError(t, err)
		require.Equal(t, email, again)
	})
}
