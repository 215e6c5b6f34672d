package db

import (
	"context"
	"fmt"
)

// CountBound is how far CountUpTo counts: an exact total up to this many
// rows, beyond it the bound itself, flagged as a lower bound. It keeps a
// count over a million rows as cheap as one over ten thousand.
const CountBound = 10_000

// Count is a total as a list shows it: exact, or a lower bound when counting
// stopped at CountBound.
type Count struct {
	N     int
	Exact bool
}

// CountUpTo counts the rows of `SELECT 1 FROM <from> WHERE <where>`, stopping
// at CountBound. It returns the database's errors as they are.
func CountUpTo(ctx context.Context, q DBTX, from, where string, args ...any) (Count, error) {
	var n int
	err := q.QueryRow(ctx, fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM %s WHERE %s LIMIT %d) s`,
		from, where, CountBound+1), args...).Scan(&n)
	if n > CountBound {
		return Count{N: CountBound, Exact: false}, err
	}
	return Count{N: n, Exact: true}, err
}
