package account

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/db"
)

// FuzzDecodeCursor checks that the accounts cursor decoder refuses garbage
// with INVALID_INPUT, never panics, reads back what Cursor wrote, and only
// ever hands PostgreSQL text it accepts (valid UTF-8 without NUL).
func FuzzDecodeCursor(f *testing.F) {
	a := Account{ID: uuid.MustParse("3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c"), Name: "Acme Hosting"}
	for _, s := range []string{a.Cursor(), Account{ID: a.ID, Name: "Zoë & Co"}.Cursor(), "", "YTo", "!!",
		"YTozZjJhMWIwYy05ZDhlLTRmN2EtOGI2Yy01ZDRlM2YyYTFiMGM6_w", "YTozZjJhMWIwYy05ZDhlLTRmN2EtOGI2Yy01ZDRlM2YyYTFiMGM6AA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, c string) {
		name, id, err := decodeCursor(c)
		if err != nil {
			require.ErrorIs(t, err, db.ErrBadCursor)
			return
		}
		require.True(t, utf8.ValidString(name), "invalid UTF-8 %q", name)
		require.False(t, strings.ContainsRune(name, 0), "NUL in %q", name)
		name2, id2, err := decodeCursor(Account{ID: id, Name: name}.Cursor())
		require.NoError(t, err)
		require.Equal(t, id, id2)
		require.Equal(t, strings.ToLower(name), name2)
	})
}
