package invite

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/user"
)

// FuzzParseAddresses checks the address-list parser on any input: every
// valid address is canonical (user.NormalizeEmail leaves it unchanged) and
// listed once, every rejection is INVALID_INPUT and short, and nothing
// non-empty is dropped silently except repeats.
func FuzzParseAddresses(f *testing.F) {
	for _, s := range []string{
		"a@x.test, b@x.test;c@x.test  a@x.test bad",
		"a@x.test,,;; \n\r\n\tb@x.test;",
		"Ann@X.Test ann@x.test ANN@x.TEST",
		"ann@Bücher.test ann@xn--bcher-kva.test",
		"a@[127.0.0.1] an\u200bn@x.test ann@pаypal.test",
		"Ann <ann@x.test>",
		" ,; \n",
		strings.Repeat("a", 70) + "@x.test " + strings.Repeat("x", 400),
		"\x00\xff@x.test",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		valid, rejected := ParseAddresses(s)
		seen := map[string]bool{}
		for _, a := range valid {
			require.False(t, seen[a], "%q listed twice", a)
			seen[a] = true
			again, err := user.NormalizeEmail(a)
			require.NoError(t, err)
			require.Equal(t, a, again)
		}
		for _, r := range rejected {
			require.Equal(t, apperr.InvalidInput, r.Code)
			require.NotEmpty(t, r.Address)
			require.LessOrEqual(t, len(r.Address), maxShown+len("…"))
		}
		if strings.TrimFunc(s, func(r rune) bool { return strings.ContainsRune(" \t\n\f\r,;", r) }) != "" {
			require.Positive(t, len(valid)+len(rejected), "a list with something in it yields something")
		}
	})
}

// FuzzDecodeCursor checks that the invitations cursor decoder refuses
// garbage with INVALID_INPUT, never panics, and reads back what Cursor wrote.
func FuzzDecodeCursor(f *testing.F) {
	inv := Invitation{ID: uuid.MustParse("0b6f1c9e-3f0a-4c43-9a55-1f5d4c1d2e3f"), CreatedAt: time.UnixMicro(1767225600123456)}
	for _, s := range []string{inv.Cursor(), "", "aTo", "aTox", "aToxOjE", "!!", "aTotMTp6"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, c string) {
		ts, id, err := decodeCursor(c)
		if err != nil {
			require.ErrorIs(t, err, db.ErrBadCursor)
			return
		}
		back := Invitation{ID: id, CreatedAt: ts}
		ts2, id2, err := decodeCursor(back.Cursor())
		require.NoError(t, err)
		require.Equal(t, id, id2)
		require.True(t, ts.Equal(ts2))
	})
}
