package notify

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/db"
)

// FuzzDecodeCursor checks that the notifications cursor decoder refuses
// garbage with INVALID_INPUT, never panics, and reads back what Cursor wrote.
func FuzzDecodeCursor(f *testing.F) {
	n := Notification{ID: uuid.MustParse("7d0c5a9e-1b2c-4d3e-8f40-5a6b7c8d9e0f")}
	for _, s := range []string{n.Cursor(), "", "bjo", "bjp4", "!!", "bjp7N2QwYzVhOWUtMWIyYy00ZDNlLThmNDAtNWE2YjdjOGQ5ZTBmfQ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, c string) {
		id, err := decodeCursor(c)
		if err != nil {
			require.ErrorIs(t, err, db.ErrBadCursor)
			return
		}
		again, err := decodeCursor(Notification{ID: id}.Cursor())
		require.NoError(t, err)
		require.Equal(t, id, again)
	})
}
