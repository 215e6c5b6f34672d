package scim

import (
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// TestScim_FilterIsParameterised: every value of a filter reaches SQL as an
// argument, never as text of the statement.
func TestScim_FilterIsParameterised(t *testing.T) {
	t.Parallel()
	acct := uuid.New()
	for _, tc := range []struct {
		filter string
		args   []any
	}{
		{`userName eq "x' OR '1'='1"`, []any{acct, "x' or '1'='1"}},
		{`externalId eq "a\"; DROP TABLE users; --"`, []any{acct, `a"; DROP TABLE users; --`}},
		{`userName co "50%_off\\"`, []any{acct, `%50\%\_off\\%`}},
		{`name.familyName sw "O'Brien" and active eq false`, []any{acct, "o'brien%", false}},
		{`emails[type eq "work"].value eq "Ada@Example.COM"`, []any{acct, "work", "ada@example.com"}},
		{`meta.created ge "2026-01-02T03:04:05Z"`, []any{acct, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}},
		{`groups.value eq "administrator"`, []any{acct, "ADMINISTRATOR"}},
	} {
		t.Run(tc.filter, func(t *testing.T) {
			sql, args, err := translate(userColumns, UserURN, tc.filter, acct)
			require.NoError(t, err)
			require.Equal(t, tc.args, args)
			for _, a := range args[1:] {
				if s, ok := a.(string); ok && len(s) > 4 { // not the constant 'work' of emails.type
					require.NotContains(t, sql, s, "values are arguments")
				}
			}
			require.NotContains(t, sql, "DROP")
		})
	}
}

// TestScim_FilterInvalid: filters that do not parse or name what cannot be
// filtered give invalidFilter.
func TestScim_FilterInvalid(t *testing.T) {
	t.Parallel()
	for _, f := range []string{``, `(`, `userName`, `userName eq "a" and`, `password eq "x"`, `emails.value gt 5`,
		`id gt "x"`, strings.Repeat("x", MaxFilterLength+1), `userName eq "\q"`} {
		_, _, err := translate(userColumns, UserURN, f, uuid.New())
		require.Error(t, err, f)
		require.Equal(t, "invalidFilter", err.(*Error).ScimType, f)
	}
}

// TestScim_Limiter: a bucket allows its burst, then its rate; keys are
// independent; a full map forgets refilled buckets.
func TestScim_Limiter(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_000_000, 0)
	l := NewLimiter(2, 3)
	l.now = func() time.Time { return now }
	for i := 0; i < 3; i++ {
		ok, _ := l.Allow("a")
		require.True(t, ok)
	}
	ok, wait := l.Allow("a")
	require.False(t, ok)
	require.Equal(t, 500*time.Millisecond, wait)
	ok, _ = l.Allow("b")
	require.True(t, ok, "another key has its own bucket")
	now = now.Add(500 * time.Millisecond)
	ok, _ = l.Allow("a")
	require.True(t, ok)
	ok, _ = l.Allow("a")
	require.False(t, ok)

	now = now.Add(time.Hour)
	for i := 0; i < maxBuckets+5; i++ {
		l.Allow(uuid.NewString())
	}
	require.LessOrEqual(t, len(l.buckets), maxBuckets)

	// A token's empty bucket outlives a flood of addresses.
	tok := TokenKey(uuid.New())
	for ok := true; ok; ok, _ = l.Allow(tok) {
	}
	for i := 0; i < 2*maxBuckets; i++ {
		l.Allow(AddrKey(netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}).String()))
	}
	ok, _ = l.Allow(tok)
	require.False(t, ok, "the flood reset the token's limit")
	require.LessOrEqual(t, len(l.buckets), maxBuckets+1)
}

// TestScim_AddrKey: IPv6 clients count by their /64, IPv4 ones by address.
func TestScim_AddrKey(t *testing.T) {
	t.Parallel()
	require.Equal(t, AddrKey("2001:db8:1:2::1"), AddrKey("2001:db8:1:2:ffff::9"))
	require.NotEqual(t, AddrKey("2001:db8:1:2::1"), AddrKey("2001:db8:1:3::1"))
	require.NotEqual(t, AddrKey("192.0.2.1"), AddrKey("192.0.2.2"))
	require.Equal(t, "addr:unknown", AddrKey("unknown"))
}

// TestScim_Project: attributes keeps only what is named (and id, schemas);
// excludedAttributes drops what is named, sub-attributes included.
func TestScim_Project(t *testing.T) {
	t.Parallel()
	res := func() map[string]any {
		return map[string]any{"schemas": []string{UserURN}, "id": "1", "userName": "a", "active": true,
			"name":   map[string]any{"givenName": "A", "familyName": "B"},
			"emails": []map[string]any{{"value": "a@b.c", "type": "work", "primary": true}}}
	}
	require.Equal(t, map[string]any{"schemas": []string{UserURN}, "id": "1", "userName": "a", "emails": []map[string]any{{"value": "a@b.c"}}},
		project(res(), UserURN, []string{"UserName", "emails.value"}, nil))
	require.Equal(t, map[string]any{"schemas": []string{UserURN}, "id": "1", "active": true},
		project(res(), UserURN, []string{UserURN + ":active"}, nil))
	require.Equal(t, map[string]any{"schemas": []string{UserURN}, "id": "1", "userName": "a", "active": true, "name": map[string]any{"familyName": "B"}},
		project(res(), UserURN, nil, []string{"emails", "name.givenName", "id"}))
}
