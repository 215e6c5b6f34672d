package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type scaleOpts struct {
	Sizes    string
	Requests int
}

// readPath is one read the admin app or an explorer makes.
type readPath struct {
	name, query string
	// vars gives the query's variables; for a SCIM path (query "SCIM") its
	// "path" is what follows /scim/v2.
	vars func(s *scaleData) map[string]any
}

// scaleData is what the paths of one size refer to.
type scaleData struct {
	size    int
	account string // the account with size members
	pages   int    // its member pages of 10
	// For the SCIM paths: the account's SCIM token, and one member's email and id.
	scimToken, email, userID string
}

var readPaths = []readPath{
	{"members page 1", `query($a: ID!) { account(id: $a) { members(page: 1) { totalCount items { role status user { email name } } } } }`,
		func(s *scaleData) map[string]any { return map[string]any{"a": s.account} }},
	{"members page 500", `query($a: ID!) { account(id: $a) { members(page: 500) { totalCount items { role status user { email name } } } } }`,
		func(s *scaleData) map[string]any { return map[string]any{"a": s.account} }},
	{"members middle page", `query($a: ID!, $p: Int) { account(id: $a) { members(page: $p) { totalCount items { role status user { email name } } } } }`,
		func(s *scaleData) map[string]any { return map[string]any{"a": s.account, "p": max(1, s.pages/2)} }},
	{"members last page", `query($a: ID!, $p: Int) { account(id: $a) { members(page: $p) { totalCount items { role status user { email name } } } } }`,
		func(s *scaleData) map[string]any { return map[string]any{"a": s.account, "p": s.pages} }},
	{"members search", `query($a: ID!) { account(id: $a) { members(filter: {search: "user12"}) { totalCount items { user { email } } } } }`,
		func(s *scaleData) map[string]any { return map[string]any{"a": s.account} }},
	{"members INACTIVE", `query($a: ID!) { account(id: $a) { members(filter: {status: INACTIVE}) { totalCount items { user { email } } } } }`,
		func(s *scaleData) map[string]any { return map[string]any{"a": s.account} }},
	{"members ADMINISTRATOR", `query($a: ID!) { account(id: $a) { members(filter: {role: ADMINISTRATOR}) { totalCount items { user { email } } } } }`,
		func(s *scaleData) map[string]any { return map[string]any{"a": s.account} }},
	{"users, no filter", `{ users(first: 20) { totalCount totalCountExact edges { node { email } } } }`, nil},
	{"users, search one address", `{ users(first: 20, filter: {search: "user123@"}) { totalCount totalCountExact edges { node { email } } } }`, nil},
	{"users, search common", `{ users(first: 20, filter: {search: "seed user 1"}) { totalCount totalCountExact edges { node { email } } } }`, nil},
	{"users, INACTIVE", `{ users(first: 20, filter: {status: INACTIVE}) { totalCount totalCountExact edges { node { email } } } }`, nil},
	{"users, account", `query($a: ID!) { users(first: 20, filter: {accountId: $a}) { totalCount totalCountExact edges { node { email } } } }`,
		func(s *scaleData) map[string]any { return map[string]any{"a": s.account} }},
	{"users, account + ACTIVE", `query($a: ID!) { users(first: 20, filter: {accountId: $a, status: ACTIVE}) { totalCount totalCountExact edges { node { email } } } }`,
		func(s *scaleData) map[string]any { return map[string]any{"a": s.account} }},
	{"users, account + INACTIVE", `query($a: ID!) { users(first: 20, filter: {accountId: $a, status: INACTIVE}) { totalCount totalCountExact edges { node { email } } } }`,
		func(s *scaleData) map[string]any { return map[string]any{"a": s.account} }},
	{"users, role OWNER", `{ users(first: 20, filter: {role: OWNER}) { totalCount totalCountExact edges { node { email } } } }`, nil},
	{"accounts, no filter", `{ accounts(first: 20) { totalCount totalCountExact edges { node { name } } } }`, nil},
	{"accounts, search", `{ accounts(first: 20, search: "account 12") { totalCount totalCountExact edges { node { name } } } }`, nil},
	{"viewer with memberships", `{ viewer { email memberships { role status account { name } } } }`, nil},
	scimPath("SCIM user by id", func(s *scaleData) string { return "/Users/" + s.userID }),
	scimPath("SCIM userName eq", func(s *scaleData) string { return "/Users?filter=" + url.QueryEscape(`userName eq "`+s.email+`"`) }),
	scimPath("SCIM emails.value eq", func(s *scaleData) string {
		return "/Users?filter=" + url.QueryEscape(`emails[type eq "work"].value eq "`+s.email+`"`)
	}),
	scimPath("SCIM externalId eq", func(s *scaleData) string { return "/Users?filter=" + url.QueryEscape(`externalId eq "00u1abc"`) }),
	scimPath("SCIM userName sw, 100", func(s *scaleData) string { return "/Users?count=100&filter=" + url.QueryEscape(`userName sw "user12"`) }),
	scimPath("SCIM Users first 100", func(s *scaleData) string { return "/Users?startIndex=1&count=100" }),
	scimPath("SCIM Users middle 100", func(s *scaleData) string { return fmt.Sprintf("/Users?startIndex=%d&count=100", max(1, s.size/2)) }),
	scimPath("SCIM Groups displayName eq", func(s *scaleData) string {
		return "/Groups?excludedAttributes=members&filter=" + url.QueryEscape(`displayName eq "ADMINISTRATOR"`)
	}),
}

// benchScale builds, for each size N, a database holding N users, an
// account of N members and N/10 more accounts (1% of the users deactivated
// platform-wide), serves it with `roster serve`, and times every read path
// with one client: p50 and p99 per path and size, as a Markdown table.
func benchScale(ctx context.Context, b *bench, o scaleOpts) error {
	var sizes []int
	for _, f := range strings.Split(o.Sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 10 {
			return fmt.Errorf("-sizes: %q is not a size of at least 10", f)
		}
		sizes = append(sizes, n)
	}
	results := make([][]string, len(readPaths))
	for _, n := range sizes {
		d, base, token, err := scaleSetup(ctx, b, n)
		if err != nil {
			return err
		}
		for i, p := range readPaths {
			var vars map[string]any
			if p.vars != nil {
				vars = p.vars(d)
			}
			times := make([]time.Duration, 0, o.Requests)
			for r := 0; r < o.Requests+o.Requests/10; r++ {
				t := time.Now()
				var err error
				if p.query == "SCIM" {
					err = scimGet(ctx, base+"/scim/v2"+vars["path"].(string), d.scimToken)
				} else {
					err = gql(ctx, base, token, p.query, vars, nil)
				}
				if err != nil {
					return fmt.Errorf("%s at %d: %w", p.name, n, err)
				}
				if r >= o.Requests/10 { // the first tenth warms up
					times = append(times, time.Since(t))
				}
			}
			slices.Sort(times)
			results[i] = append(results[i], fmt.Sprintf("%s / %s", ms(times[len(times)/2]), ms(times[len(times)*99/100])))
			fmt.Fprintf(stderr, "rosterbench: %d: %s p50 %s\n", n, p.name, ms(times[len(times)/2]))
		}
	}
	fmt.Printf("| read path | %s |\n|---|%s\n", strings.Join(mapInts(sizes, func(n int) string { return fmt.Sprintf("%s rows: p50 / p99 ms", human(n)) }), " | "),
		strings.Repeat("---|", len(sizes)))
	for i, p := range readPaths {
		fmt.Printf("| %s | %s |\n", p.name, strings.Join(results[i], " | "))
	}
	return nil
}

func scaleSetup(ctx context.Context, b *bench, n int) (*scaleData, string, string, error) {
	dbURL, err := b.newDatabase(ctx, "bench_scale")
	if err != nil {
		return nil, "", "", err
	}
	env := []string{"DATABASE_URL=" + dbURL}
	if _, err := b.rosterRun(ctx, env, "migrate"); err != nil {
		return nil, "", "", err
	}
	fmt.Fprintf(stderr, "rosterbench: seeding %d users and members, %d accounts\n", n, n/10+1)
	if _, err := b.rosterRun(ctx, env, "seed", "--accounts", "1", "--members", strconv.Itoa(n), "--users", strconv.Itoa(n)); err != nil {
		return nil, "", "", err
	}
	if _, err := b.rosterRun(ctx, env, "seed", "--accounts", strconv.Itoa(n/10), "--members", "1", "--users", strconv.Itoa(n/10)); err != nil {
		return nil, "", "", err
	}
	pool, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		return nil, "", "", err
	}
	defer pool.Close()
	d := &scaleData{size: n}
	var owner string
	err = pool.QueryRow(ctx, `SELECT m.account_id::text, u.email FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.role = 'OWNER' AND m.account_id = (SELECT account_id FROM memberships GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)`).Scan(&d.account, &owner)
	if err != nil {
		return nil, "", "", err
	}
	d.pages = (n + 9) / 10
	// The big account's Owner explores too; 1% of the others are deactivated platform-wide.
	for _, stmt := range []string{
		`UPDATE users SET is_operator = true WHERE email = '` + owner + `'`,
		`UPDATE users SET status = 'INACTIVE' WHERE NOT is_operator AND abs(hashtext(email)) % 100 = 0`,
		`VACUUM (ANALYZE) users, memberships, accounts, membership_counts, user_counts`,
	} {
		if _, err := pool.Exec(ctx, stmt); err != nil {
			return nil, "", "", err
		}
	}
	// One member near the middle, for the SCIM lookups.
	if err := pool.QueryRow(ctx, `SELECT u.email, u.id::text FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.account_id = $1 AND u.email LIKE $2`, d.account, fmt.Sprintf("user%d@%%", n/2)).Scan(&d.email, &d.userID); err != nil {
		return nil, "", "", fmt.Errorf("a member for SCIM: %w", err)
	}
	// The SCIM paths time the lookups, not the rate limit: it is raised for
	// this one client (the shipped default is 20 requests a second per token).
	base, _, err := b.serve(ctx, fmt.Sprintf("serve-scale-%d", n), dbURL, "WORKERS=false", "SCIM_RATE_LIMIT=100000", "SCIM_RATE_BURST=100000")
	if err != nil {
		return nil, "", "", err
	}
	token, err := signIn(ctx, base, owner, "roster-demo-2026")
	if err != nil {
		return nil, "", "", err
	}
	// The big account is an EXTERNAL one, provisioned by a directory.
	var out struct {
		CreateScimToken struct{ Secret string } `json:"createScimToken"`
	}
	if err := gql(ctx, base, token, `mutation($a: ID!) { updateAccount(accountId: $a, userDirectory: EXTERNAL) { account { id } } }`,
		map[string]any{"a": d.account}, nil); err != nil {
		return nil, "", "", err
	}
	if err := gql(ctx, base, token, `mutation($a: ID!) { createScimToken(accountId: $a, description: "bench") { secret } }`,
		map[string]any{"a": d.account}, &out); err != nil {
		return nil, "", "", err
	}
	d.scimToken = out.CreateScimToken.Secret
	return d, base, token, nil
}

// scimPath is a read of the SCIM API: GET /scim/v2 plus what path returns.
func scimPath(name string, path func(s *scaleData) string) readPath {
	return readPath{name, "SCIM", func(s *scaleData) map[string]any { return map[string]any{"path": path(s)} }}
}

// scimGet GETs u with the SCIM bearer token and fails unless the answer is 200.
func scimGet(ctx context.Context, u, token string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s: %.300s", u, resp.Status, body)
	}
	return nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }

func human(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprintf("%dM", n/1_000_000)
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return strconv.Itoa(n)
}

func mapInts(ns []int, f func(int) string) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = f(n)
	}
	return out
}
