package graph_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apptest"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// TestConcurrency_LifecycleInvariants runs 240 random, conflicting lifecycle
// operations from 6 goroutines (ownership transfers racing deletes, admins
// acting on the same members, an operator deactivating and activating users
// globally, one by one and in bulk, bulk calls overlapping) against one account over HTTP, then
// checks the invariants in SQL.
func TestConcurrency_LifecycleInvariants(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	acct := env.Account("Busy")
	owner := env.User("owner@busy.test", false)
	env.Member(acct, owner, member.RoleOwner, member.StatusActive)
	var pool []user.User
	for i := 0; i < 30; i++ {
		u := env.User(fmt.Sprintf("m%d@busy.test", i), false)
		env.Member(acct, u, member.RoleAdministrator, member.StatusActive)
		pool = append(pool, u)
	}
	env.User("op@roster.test", true)
	env.Exec(`INSERT INTO notification_recipients (account_id, kind, user_id) SELECT $1, 'TECHNICAL', user_id FROM memberships WHERE account_id = $1`, acct.ID)
	env.Exec(`TRUNCATE audit_events`)

	clients := []*apptest.Client{env.SignIn("owner@busy.test"), env.SignIn("m0@busy.test"), env.SignIn("m1@busy.test"),
		env.SignIn("m2@busy.test"), env.SignIn("op@roster.test"), env.SignIn("op@roster.test")}
	var succeeded atomic.Int64 // state changes reported as applied, role changes aside
	var roleCalls atomic.Int64 // role changes accepted (a change to the same role writes no event)
	var wg sync.WaitGroup
	for g, c := range clients {
		wg.Add(1)
		go func(g int, c *apptest.Client) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 42))
			pick := func() user.User { return pool[rng.IntN(len(pool))] }
			for i := 0; i < 40; i++ {
				a := acct.ID
				switch op := rng.IntN(11); {
				case op == 9:
					// Bulk platform-wide actions lock several users at once.
					r := c.Do(deactivateUsers, apptest.Vars{"u": ids(pick(), pick(), pick()), "c": true})
					succeeded.Add(countDone(r, "deactivateUsers"))
				case op == 10:
					r := c.Do(activateUsers, apptest.Vars{"u": ids(pick(), pick(), pick())})
					succeeded.Add(countDone(r, "activateUsers"))
				case op == 8:
					// Deletes race the transfers: the target may be becoming the Owner.
					r := c.Do(deleteMembers, apptest.Vars{"a": a, "u": ids(pick())})
					succeeded.Add(countApplied(r, "deleteMembers"))
				case op == 0:
					r := c.Do(`mutation($a: ID!, $u: ID!) { transferOwnership(accountId: $a, toUserId: $u) { owner { role } } }`, apptest.Vars{"a": a, "u": pick().ID})
					if len(r.Errors) == 0 {
						succeeded.Add(1)
					}
				case op <= 2:
					r := c.Do(deactivateMembers, apptest.Vars{"a": a, "u": ids(pick(), pick(), pick())})
					succeeded.Add(countApplied(r, "deactivateMembers"))
				case op <= 4:
					r := c.Do(activateMembers, apptest.Vars{"a": a, "u": ids(pick(), pick(), pick())})
					succeeded.Add(countApplied(r, "activateMembers"))
				case op == 5:
					role := []string{"ADMINISTRATOR", "FINANCE_MANAGER", "USER"}[rng.IntN(3)]
					r := c.Do(`mutation($a: ID!, $u: ID!, $r: Role!) { changeMemberRole(accountId: $a, userId: $u, role: $r) { member { role } } }`, apptest.Vars{"a": a, "u": pick().ID, "r": role})
					if len(r.Errors) == 0 {
						roleCalls.Add(1)
					}
				case op == 6:
					u := pick()
					r := c.Do(deactivateUser, apptest.Vars{"u": u.ID, "c": true})
					if len(r.Errors) == 0 && r.Get("deactivateUser.deactivated") == true {
						succeeded.Add(1)
					}
				default:
					r := c.Do(`mutation($u: ID!) { activateUser(userId: $u) { user { status } } }`, apptest.Vars{"u": pick().ID})
					if len(r.Errors) == 0 {
						succeeded.Add(1)
					}
				}
			}
		}(g, c)
	}
	wg.Wait()

	// Exactly one Owner, ACTIVE in the account.
	require.Equal(t, 1, apptest.Scalar[int](env, `SELECT count(*) FROM memberships WHERE account_id = $1 AND role = 'OWNER'`, acct.ID))
	require.Equal(t, "ACTIVE", apptest.Scalar[string](env, `SELECT status FROM memberships WHERE account_id = $1 AND role = 'OWNER'`, acct.ID))
	// No membership activated after its user's platform-wide deactivation.
	require.Zero(t, apptest.Scalar[int](env, `SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE u.status = 'INACTIVE' AND m.status = 'ACTIVE' AND m.status_changed_at > u.status_changed_at`))
	// No lost audit event: exactly one per applied change.
	events := apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action NOT IN ('user.signed_in', 'member.role_changed')`)
	require.EqualValues(t, succeeded.Load(), events, "every applied change has its event, and only those")
	require.LessOrEqual(t, int64(apptest.Scalar[int](env, `SELECT count(*) FROM audit_events WHERE action = 'member.role_changed'`)), roleCalls.Load())
	require.GreaterOrEqual(t, succeeded.Load(), int64(20), "the run did real work")
	// The maintained counters agree with the rows they count.
	require.Zero(t, apptest.Scalar[int](env, countersDrift), "membership counters")
	require.Zero(t, apptest.Scalar[int](env, userStatusDrift), "memberships' copy of the global status")
	// No deadlock (db.InTx would retry it, after PostgreSQL's one-second
	// deadlock timeout): every path locks a user before their memberships.
	// The pool's backends report their statistics as they exit.
	env.Pool.Reset()
	time.Sleep(300 * time.Millisecond)
	require.Zero(t, apptest.Scalar[int64](env, `SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()`), "deadlocks")
	t.Logf("%d changes applied, %d role changes accepted", succeeded.Load(), roleCalls.Load())
}

func countApplied(r *apptest.Response, field string) int64 {
	if len(r.Errors) > 0 {
		return 0
	}
	var n int64
	seen := map[any]bool{} // a repeated id has its result repeated, and one change
	for _, it := range r.Get(field + ".results").([]any) {
		m := it.(map[string]any)
		if errCode(m) == "" && !seen[m["userId"]] {
			n++
		}
		seen[m["userId"]] = true
	}
	return n
}

func countDone(r *apptest.Response, field string) int64 {
	if len(r.Errors) > 0 {
		return 0
	}
	var n int64
	seen := map[any]bool{}
	for _, it := range r.Get(field + ".results").([]any) {
		m := it.(map[string]any)
		if m["done"] == true && !seen[m["userId"]] {
			n++
		}
		seen[m["userId"]] = true
	}
	return n
}

// TestConcurrency_SetMembershipStatusesLocksUsersInOrder holds, as a bulk
// deactivateUsers does, the lower of two users FOR UPDATE, while
// setMembershipStatuses asks for both memberships, the higher first. The
// bulk call must wait before it shares the higher user's row: else the
// platform-wide deactivation, locking users in id order, waits for it on
// the higher one while it waits on the lower, a deadlock.
func TestConcurrency_SetMembershipStatusesLocksUsersInOrder(t *testing.T) {
	t.Parallel()
	tm := newTeam(t)
	env := tm.env
	lo, hi := tm.others[0], tm.others[1]
	if bytes.Compare(lo.ID[:], hi.ID[:]) > 0 {
		lo, hi = hi, lo
	}
	ctx := context.Background()
	tx, err := env.Pool.Begin(ctx)
	require.NoError(t, err)
	defer func() { _ = tx.Rollback(ctx) }()
	_, err = tx.Exec(ctx, `SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, lo.ID)
	require.NoError(t, err)

	done := make(chan *apptest.Response, 1)
	go func() {
		done <- env.SignIn("op@roster.test").Do(`mutation($i: [MembershipRef!]!) { setMembershipStatuses(items: $i, status: INACTIVE) {
			results { error { code } } } }`, apptest.Vars{"i": []map[string]any{
			{"accountId": tm.acct.ID, "userId": hi.ID}, {"accountId": tm.acct.ID, "userId": lo.ID}}})
	}()
	env.Eventually(func() bool {
		return apptest.Scalar[int](env, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`) > 0
	}, "setMembershipStatuses waits for the locked user")
	_, err = tx.Exec(ctx, `SELECT 1 FROM users WHERE id = $1 FOR UPDATE NOWAIT`, hi.ID)
	require.NoError(t, err, "the waiting call holds no lock on the higher user")
	require.NoError(t, tx.Commit(ctx))
	r := (<-done).Must()
	require.Equal(t, []any{map[string]any{"error": nil}, map[string]any{"error": nil}}, r.Get("setMembershipStatuses.results"))
}
