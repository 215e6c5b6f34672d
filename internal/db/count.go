package db

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/apperr"
)

// CountBound is how far CountUpTo counts: an exact total up to this many
// rows, beyond it the bound itself, flagged as a lower bound. It keeps a
// count over a million rows as cheap as one over a thousand: a search that
// matches one row in ten reads some 10,000 rows to reach it.
const CountBound = 1_000

// Count is a total as a list shows it: exact, or a lower bound when counting
// stopped at CountBound.
type Count struct {
	N     int
	Exact bool
}

// PlanEachTime returns args prefixed so that pgx runs the statement as an
// unnamed prepared statement, planned for these very values (its
// description is cached, so it costs no extra round trip). pgx otherwise
// caches a prepared statement per connection, and after five runs
// PostgreSQL may settle on a generic plan that ignores the values; with
// skewed values (few INACTIVE users, a rare search term) such a plan scans
// what the value-aware plan skips. Lists with filters and searches use it.
func PlanEachTime(args ...any) []any {
	return append([]any{pgx.QueryExecModeCacheDescribe}, args...)
}

// CountUpTo counts the rows of `SELECT 1 FROM <from> WHERE <where>`, stopping
// at CountBound. It returns the database's errors as they are.
func CountUpTo(ctx context.Context, q DBTX, from, where string, args ...any) (Count, error) {
	var n int
	err := q.QueryRow(ctx, fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM %s WHERE %s LIMIT %d) s`,
		from, where, CountBound+1), PlanEachTime(args...)...).Scan(&n)
	if n > CountBound {
		return Count{N: CountBound, Exact: false}, err
	}
	return Count{N: n, Exact: true}, err
}

// MaxSearchLength is the longest search term, in characters, that lists
// accept: longer ones would only make the trigram indexes work harder.
const MaxSearchLength = 100

// SearchPattern returns the LIKE pattern that finds s, trimmed and
// lower-cased, anywhere in a lower-cased column; "" when s is blank. It
// returns an INVALID_INPUT error for a term over MaxSearchLength characters.
func SearchPattern(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if utf8.RuneCountInString(s) > MaxSearchLength {
		return "", apperr.New(apperr.InvalidInput, "A search term must have at most %d characters.", MaxSearchLength)
	}
	return "%" + EscapeLike(strings.ToLower(s)) + "%", nil
}
