package scim_test

import (
	"net/http"
	"net/url"
	"testing"
)

// BenchmarkScim_FilterLargeAccount measures the lookups a directory makes on
// every sync against an account of 100,000 members (10,000 of them
// provisioned by the directory), over HTTP: each filter is one SQL
// statement, the eq lookups index lookups.
func BenchmarkScim_FilterLargeAccount(b *testing.B) {
	kit := setup(b, func(c *configT) { c.SCIMRateLimit, c.SCIMRateBurst = 1_000_000, 1_000_000 })
	kit.env.Exec(`WITH u AS (INSERT INTO users (email, name) SELECT 'm' || i || '@big.test', 'Member ' || i FROM generate_series(1, 100000) i RETURNING id, email)
		INSERT INTO memberships (account_id, user_id, role) SELECT $1, id, 'USER' FROM u`, kit.acct.ID)
	kit.env.Exec(`INSERT INTO scim_identities (account_id, user_id, user_name, external_id, email)
		SELECT m.account_id, m.user_id, 'upn' || substr(u.email, 2), 'ext-' || substr(u.email, 2), u.email
		FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.account_id = $1 AND u.email LIKE 'm%0@big.test'`, kit.acct.ID)
	kit.env.Exec(`ANALYZE`)
	for _, tc := range []struct{ name, query string }{
		{"userName eq (unprovisioned)", `filter=` + url.QueryEscape(`userName eq "m77777@big.test"`)},
		{"userName eq (provisioned)", `filter=` + url.QueryEscape(`userName eq "upn77770@big.test"`)},
		{"externalId eq", `filter=` + url.QueryEscape(`externalId eq "ext-77770@big.test"`)},
		{"emails.value eq", `filter=` + url.QueryEscape(`emails[type eq "work"].value eq "m77777@big.test"`)},
		{"userName sw, page of 100", `count=100&filter=` + url.QueryEscape(`userName sw "m7777"`)},
		{"userName sw 1,111 matches, page of 100", `count=100&filter=` + url.QueryEscape(`userName sw "m12"`)},
		{"userName co 300 matches, page of 100", `count=100&filter=` + url.QueryEscape(`userName co "777"`)},
		{"emails.value sw 1,111 matches, page of 100", `count=100&filter=` + url.QueryEscape(`emails.value sw "m12"`)},
		{"no filter, page 500 of 100", `startIndex=50000&count=100`},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				kit.do(b, http.MethodGet, "/Users?"+tc.query, nil).ok(http.StatusOK)
			}
		})
	}
}
