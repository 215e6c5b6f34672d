package live_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/dbtest"
	"github.com/rosterhq/roster/internal/live"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// TestHub_Publish checks who receives what: the account's subscriptions,
// the user's for an access change, everyone for a resync.
func TestHub_Publish(t *testing.T) {
	t.Parallel()
	h := live.New(nil, quiet, live.Options{})
	acctA, acctB, ann, bob := uuid.New(), uuid.New(), uuid.New(), uuid.New()
	annA, err := h.Subscribe(acctA, ann, nil)
	require.NoError(t, err)
	bobB, err := h.Subscribe(acctB, bob, nil)
	require.NoError(t, err)

	for _, tc := range []struct {
		name       string
		e          *live.Event
		annA, bobB bool
	}{
		{"members of A", &live.Event{Kind: live.KindMembers, AccountID: acctA}, true, false},
		{"recipients of B", &live.Event{Kind: live.KindRecipients, AccountID: acctB}, false, true},
		{"access of bob", &live.Event{Kind: live.KindAccess, IDs: []uuid.UUID{bob}}, false, true},
		{"resync", &live.Event{Kind: live.KindResync}, true, true},
	} {
		h.Publish(tc.e)
		for _, s := range []struct {
			sub  *live.Subscription
			want bool
		}{{annA, tc.annA}, {bobB, tc.bobB}} {
			select {
			case got := <-s.sub.Events():
				require.True(t, s.want, tc.name)
				require.Same(t, tc.e, got, tc.name)
			default:
				require.False(t, s.want, tc.name)
			}
		}
	}
}

// TestHub_Limits checks the per-connection, per-process and buffer limits
// and Close.
func TestHub_Limits(t *testing.T) {
	t.Parallel()
	h := live.New(nil, quiet, live.Options{MaxSubscriptions: 3, Buffer: 2})
	acct, u := uuid.New(), uuid.New()
	conn := live.NewConn(2)
	s1, err := h.Subscribe(acct, u, conn)
	require.NoError(t, err)
	_, err = h.Subscribe(acct, u, conn)
	require.NoError(t, err)
	_, err = h.Subscribe(acct, u, conn)
	require.Equal(t, apperr.LimitExceeded, apperr.CodeOf(err), "per connection: %v", err)
	s1.Close()
	_, err = h.Subscribe(acct, u, conn)
	require.NoError(t, err, "a closed subscription frees its place")
	slow, err := h.Subscribe(acct, u, nil)
	require.NoError(t, err)
	_, err = h.Subscribe(acct, u, nil)
	require.Equal(t, apperr.LimitExceeded, apperr.CodeOf(err), "per process: %v", err)

	for range 3 {
		h.Publish(&live.Event{Kind: live.KindMembers, AccountID: acct})
	}
	<-slow.Done()
	require.ErrorIs(t, slow.Err(), live.ErrSlow)
	require.Equal(t, 0, h.Count(), "every subscription fell behind")

	h.Close()
	_, err = h.Subscribe(acct, u, nil)
	require.True(t, errors.Is(err, live.ErrClosed))
}

// TestTriggers_Payloads checks what migration 0005 sends: one notification
// per account and 150 ids, a refetch past 1,500 ids, nothing for an update
// that changes nothing or a rolled-back one.
func TestTriggers_Payloads(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := dbtest.URL(dbtest.CreateDatabase(t))
	listener, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	t.Cleanup(func() { _ = listener.Close(ctx) })
	_, err = listener.Exec(ctx, "LISTEN "+live.Channel)
	require.NoError(t, err)
	db, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close(ctx) })
	exec := func(sql string, args ...any) {
		t.Helper()
		_, err := db.Exec(ctx, sql, args...)
		require.NoError(t, err)
	}
	var acct uuid.UUID
	require.NoError(t, db.QueryRow(ctx, `INSERT INTO accounts (name) VALUES ('T') RETURNING id`).Scan(&acct))
	exec(`INSERT INTO users (email) SELECT 'u' || i || '@t.test' FROM generate_series(1, 1600) i`)
	collect := func() []*live.Event {
		t.Helper()
		var out []*live.Event
		for {
			wctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
			n, err := listener.WaitForNotification(wctx)
			cancel()
			if err != nil {
				return out
			}
			require.Less(t, len(n.Payload), 8000)
			e, err := live.Parse(n.Payload)
			require.NoError(t, err)
			out = append(out, e)
		}
	}
	collect()

	exec(`INSERT INTO memberships (account_id, user_id, role) SELECT $1, id, 'USER' FROM users WHERE email ~ '^u([1-9]|[1-9][0-9]|1[0-9][0-9]|200)@'`, acct)
	got := collect()
	require.Len(t, got, 2, "200 ids: two notifications")
	require.Equal(t, live.KindMembers, got[0].Kind)
	require.Equal(t, acct, got[0].AccountID)
	require.Len(t, got[0].IDs, 150)
	require.Len(t, got[1].IDs, 50)

	exec(`UPDATE memberships SET role = role`)
	require.Empty(t, collect(), "an update that changes nothing")

	tx, err := db.Begin(ctx)
	require.NoError(t, err)
	_, err = tx.Exec(ctx, `UPDATE memberships SET status = 'INACTIVE'`)
	require.NoError(t, err)
	require.NoError(t, tx.Rollback(ctx))
	require.Empty(t, collect(), "a rolled-back change")

	exec(`INSERT INTO memberships (account_id, user_id, role) SELECT $1, id, 'USER' FROM users ON CONFLICT DO NOTHING`, acct)
	got = collect()
	require.Len(t, got, 10, "1,400 ids: listed, 150 to a notification")
	exec(`UPDATE memberships SET status = 'INACTIVE'`)
	got = collect()
	require.Len(t, got, 1)
	require.True(t, got[0].Refetch, "1,600 ids: refetch")
	require.Empty(t, got[0].IDs)

	exec(`UPDATE users SET status = 'INACTIVE' WHERE email = 'u1@t.test'`)
	got = collect()
	require.Len(t, got, 2)
	// The memberships' copy of the status changes by trigger (migration
	// 0008), so their own trigger announces the members lists.
	require.ElementsMatch(t, []live.Kind{live.KindAccess, live.KindMembers}, []live.Kind{got[0].Kind, got[1].Kind})
}

// TestBatcher_AnnouncesDeliveries shows an invitation's delivery bookkeeping
// sends no NOTIFY from its transaction (that would serialise the email jobs
// on NOTIFY's commit lock), while the Batcher announces the recorded
// deliveries afterwards, one notification per account; a change the
// Invitations tab shows (a revocation) still notifies from its trigger.
func TestBatcher_AnnouncesDeliveries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := dbtest.URL(dbtest.CreateDatabase(t))
	listener, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	t.Cleanup(func() { _ = listener.Close(ctx) })
	_, err = listener.Exec(ctx, "LISTEN "+live.Channel)
	require.NoError(t, err)
	next := func() *live.Event {
		t.Helper()
		wctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		n, err := listener.WaitForNotification(wctx)
		if err != nil {
			return nil
		}
		e, err := live.Parse(n.Payload)
		require.NoError(t, err)
		return e
	}
	db, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close(ctx) })
	var acct, inv uuid.UUID
	require.NoError(t, db.QueryRow(ctx, `INSERT INTO accounts (name) VALUES ('T') RETURNING id`).Scan(&acct))
	require.NoError(t, db.QueryRow(ctx, `INSERT INTO invitations (account_id, email, role, expires_at) VALUES ($1, 'a@t.test', 'USER', now() + interval '1 day') RETURNING id`, acct).Scan(&inv))
	require.Equal(t, live.KindInvitations, next().Kind, "a new invitation notifies")

	_, err = db.Exec(ctx, `UPDATE invitations SET token_hash = sha256('x'), job_id = 7, delivery_state = 'SENT', delivered_at = now(), delivery_attempts = 1 WHERE id = $1`, inv)
	require.NoError(t, err)
	require.Nil(t, next(), "delivery bookkeeping sends nothing from its transaction")

	bpool, err := pgxpool.New(ctx, url)
	require.NoError(t, err)
	t.Cleanup(bpool.Close)
	b := live.NewBatcher(bpool, quiet, time.Hour)
	b.InvitationChanged(inv)
	b.InvitationChanged(inv)
	b.Flush(ctx)
	e := next()
	require.NotNil(t, e, "the batcher announces the recorded delivery")
	require.Equal(t, live.KindInvitations, e.Kind)
	require.Equal(t, acct, e.AccountID)
	require.Nil(t, next(), "one notification per account and flush")
	b.Flush(ctx)
	require.Nil(t, next(), "nothing left to announce")

	_, err = db.Exec(ctx, `UPDATE invitations SET status = 'REVOKED', status_changed_at = now() WHERE id = $1`, inv)
	require.NoError(t, err)
	require.Equal(t, live.KindInvitations, next().Kind, "a revocation notifies from its trigger")
}
