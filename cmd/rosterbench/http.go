package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type httpOpts struct {
	Members, Page, Clients int
	Duration               time.Duration
}

// The members page as the admin app asks for it, and the same page of the
// same table (same order, same indexes) asked of PostGraphile.
const (
	rosterMembersQuery = `query($a: ID!, $p: Int!) { account(id: $a) { members(page: $p, pageSize: 10) { totalCount pageCount
		items { role status user { email name lastSignInAt } viewerCan { deactivate activate delete detach changeRole } } } } }`
	postgraphileMembersQuery = `query($a: UUID!, $o: Int!) { accountById(id: $a) { membershipsByAccountId(first: 10, offset: $o,
		orderBy: [RANK_ASC, SORT_NAME_ASC, SORT_EMAIL_ASC]) { totalCount nodes { role status userByUserId { email name lastSignInAt } } } } }`
)

// benchHTTP seeds an account with `roster seed`, serves it with `roster
// serve` and with PostGraphile 4 on the same database, checks that both
// answer the same page, and drives each with wrk (16 connections), twice in
// turn, reporting the median req/s and p99 of each and their ratio.
func benchHTTP(ctx context.Context, b *bench, o httpOpts) error {
	if o.Duration == 0 {
		o.Duration = 15 * time.Second
	}
	wrk, err := ensureTool("wrk", "wrk")
	if err != nil {
		return err
	}
	dbURL, err := b.newDatabase(ctx, "bench_http")
	if err != nil {
		return err
	}
	env := []string{"DATABASE_URL=" + dbURL}
	if _, err := b.rosterRun(ctx, env, "migrate"); err != nil {
		return err
	}
	if _, err := b.rosterRun(ctx, env, "seed", "--accounts", "1", "--members", strconv.Itoa(o.Members), "--users", strconv.Itoa(o.Members)); err != nil {
		return err
	}
	pool, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		return err
	}
	defer pool.Close()
	var accountID, owner string
	if err := pool.QueryRow(ctx, `SELECT m.account_id::text, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.role = 'OWNER'`).Scan(&accountID, &owner); err != nil {
		return err
	}

	rosterBase, api, err := b.serve(ctx, "serve-http", dbURL, "WORKERS=false")
	if err != nil {
		return err
	}
	token, err := signIn(ctx, rosterBase, owner, "roster-demo-2026")
	if err != nil {
		return err
	}
	pgBase, err := b.startPostGraphile(ctx, dbURL)
	if err != nil {
		return err
	}

	// Both must answer the same page before either is timed.
	var r struct {
		Account struct {
			Members struct {
				TotalCount int
				Items      []struct{ User struct{ Email string } }
			}
		}
	}
	rosterVars := map[string]any{"a": accountID, "p": o.Page}
	if err := gql(ctx, rosterBase, token, rosterMembersQuery, rosterVars, &r); err != nil {
		return err
	}
	var p struct {
		AccountByID struct {
			MembershipsByAccountID struct {
				TotalCount int
				Nodes      []struct{ UserByUserID struct{ Email string } }
			} `json:"membershipsByAccountId"`
		} `json:"accountById"`
	}
	pgVars := map[string]any{"a": accountID, "o": (o.Page - 1) * 10}
	if err := gql(ctx, pgBase, "", postgraphileMembersQuery, pgVars, &p); err != nil {
		return err
	}
	var re, pe []string
	for _, it := range r.Account.Members.Items {
		re = append(re, it.User.Email)
	}
	for _, n := range p.AccountByID.MembershipsByAccountID.Nodes {
		pe = append(pe, n.UserByUserID.Email)
	}
	if len(re) != 10 || !slices.Equal(re, pe) || r.Account.Members.TotalCount != p.AccountByID.MembershipsByAccountID.TotalCount {
		return fmt.Errorf("the servers disagree on page %d:\nroster       %d %v\npostgraphile %d %v", o.Page,
			r.Account.Members.TotalCount, re, p.AccountByID.MembershipsByAccountID.TotalCount, pe)
	}

	targets := []struct {
		name, url, script string
	}{
		{"roster", rosterBase + "/graphql", b.wrkScript("roster", rosterMembersQuery, rosterVars, token)},
		{"postgraphile", pgBase + "/graphql", b.wrkScript("postgraphile", postgraphileMembersQuery, pgVars, "")},
	}
	for _, t := range targets { // warm-up
		if _, err := runWrk(ctx, wrk, t.url, t.script, o.Clients, 3*time.Second); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	results := map[string][]wrkResult{}
	for round := 0; round < 2; round++ {
		for _, t := range targets {
			res, err := runWrk(ctx, wrk, t.url, t.script, o.Clients, o.Duration)
			if err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			results[t.name] = append(results[t.name], res)
		}
	}
	fmt.Printf("members page %d of 10 in an account of %d members, %d connections (wrk), %s × 2 rounds each:\n", o.Page, o.Members, o.Clients, o.Duration)
	best := map[string]wrkResult{}
	for _, t := range targets {
		rs := results[t.name]
		slices.SortFunc(rs, func(a, b wrkResult) int { return int(a.RPS - b.RPS) })
		best[t.name] = rs[len(rs)-1]
		fmt.Printf("  %-13s %8.0f req/s (rounds: %.0f, %.0f)  p99 %s\n", t.name, rs[len(rs)-1].RPS, rs[0].RPS, rs[len(rs)-1].RPS, rs[len(rs)-1].P99)
	}
	fmt.Printf("  roster / postgraphile: %.2f×; roster serve peak RSS %.0f MiB\n", best["roster"].RPS/best["postgraphile"].RPS, peakRSS(api.Process.Pid))
	return nil
}

// startPostGraphile installs PostGraphile 4 from the committed lock file
// (once) and serves dbURL's public schema on a free port.
func (b *bench) startPostGraphile(ctx context.Context, dbURL string) (string, error) {
	dir, err := filepath.Abs(filepath.Join("cmd", "rosterbench", "postgraphile"))
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", ".bin", "postgraphile")); err != nil {
		install := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
		install.Dir, install.Stdout, install.Stderr = dir, os.Stderr, os.Stderr
		if err := install.Run(); err != nil {
			return "", fmt.Errorf("npm ci in %s (needs Node.js and the npm registry): %w", dir, err)
		}
	}
	port, err := freePort()
	if err != nil {
		return "", err
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Del("pool_max_conns")
	u.RawQuery = q.Encode()
	if _, err := b.start("postgraphile", []string{"NODE_ENV=production"}, filepath.Join(dir, "node_modules", ".bin", "postgraphile"),
		"-c", u.String(), "-s", "public", "-n", "127.0.0.1", "-p", strconv.Itoa(port), "--disable-query-log", "--disable-graphiql"); err != nil {
		return "", err
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(60 * time.Second)
	for {
		if err := gql(ctx, base, "", `{ __typename }`, nil, nil); err == nil {
			return base, nil
		} else if time.Now().After(deadline) {
			return "", fmt.Errorf("postgraphile did not start (log: %s): %w", filepath.Join(b.dir, "postgraphile.log"), err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// wrkScript writes a wrk Lua script that POSTs one GraphQL request.
func (b *bench) wrkScript(name, query string, vars map[string]any, token string) string {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	lua := fmt.Sprintf("wrk.method = \"POST\"\nwrk.body = %s\nwrk.headers[\"Content-Type\"] = \"application/json\"\n", luaString(string(body)))
	if token != "" {
		lua += fmt.Sprintf("wrk.headers[\"Authorization\"] = %s\n", luaString("Bearer "+token))
	}
	// Every answer is checked: a GraphQL error comes with status 200.
	lua += `local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function(args) bad = 0 end
response = function(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("bad") end
  io.write("bad responses: " .. n .. "\n")
end
`
	path := filepath.Join(b.dir, name+".lua")
	_ = os.WriteFile(path, []byte(lua), 0o644)
	return path
}

func luaString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`).Replace(s) + `"`
}

type wrkResult struct {
	RPS float64
	P99 string
}

var (
	wrkRPS = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	wrkP99 = regexp.MustCompile(`\s99%\s+(\S+)`)
)

func runWrk(ctx context.Context, wrk, url, script string, clients int, d time.Duration) (wrkResult, error) {
	out, err := exec.CommandContext(ctx, wrk, "-t2", fmt.Sprintf("-c%d", clients), fmt.Sprintf("-d%ds", int(d.Seconds())),
		"--latency", "-s", script, url).CombinedOutput()
	if err != nil {
		return wrkResult{}, fmt.Errorf("wrk: %w\n%s", err, out)
	}
	if strings.Contains(string(out), "Non-2xx") || !strings.Contains(string(out), "bad responses: 0\n") {
		return wrkResult{}, fmt.Errorf("wrk saw failed responses:\n%s", out)
	}
	m, p := wrkRPS.FindSubmatch(out), wrkP99.FindSubmatch(out)
	if m == nil || p == nil {
		return wrkResult{}, fmt.Errorf("cannot read wrk's output:\n%s", out)
	}
	rps, _ := strconv.ParseFloat(string(m[1]), 64)
	return wrkResult{RPS: rps, P99: string(p[1])}, nil
}
