package audit

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/db"
)

// FuzzDecodeCursor checks that the audit-log cursor decoder refuses garbage
// with INVALID_INPUT, never panics, and reads back what Cursor wrote.
func FuzzDecodeCursor(f *testing.F) {
	for _, s := range []string{Event{ID: 42}.Cursor(), Event{ID: -1}.Cursor(), "", "ZTo", "ZTp4", "!!", "ZTo5OTk5OTk5OTk5OTk5OTk5OTk5OTk"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, c string) {
		id, err := decodeCursor(c)
		if err != nil {
			require.ErrorIs(t, err, db.ErrBadCursor)
			return
		}
		again, err := decodeCursor(Event{ID: id}.Cursor())
		require.NoError(t, err)
		require.Equal(t, id, again)
	})
}
