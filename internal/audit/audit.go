// Package audit writes and reads the audit trail: who did what to whom, when,
// in which account. Events are written in the transaction of the change they
// describe, so there is no change without its event and no event without its change.
package audit

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/request"
)

// Event is one entry of the audit trail.
type Event struct {
	ID         int64
	OccurredAt time.Time
	ActorID    *uuid.UUID
	// ActorScimTokenID names the SCIM token through which an account's
	// external directory made the change (ActorID is then nil).
	ActorScimTokenID *uuid.UUID
	AccountID        *uuid.UUID
	TargetUserID     *uuid.UUID
	Action           string
	Before           map[string]any
	After            map[string]any
	RequestID        string
}

// Record writes e in tx, taking the request id from ctx when e has none.
func Record(ctx context.Context, tx pgx.Tx, e Event) error {
	if e.RequestID == "" {
		e.RequestID = request.From(ctx).ID
	}
	_, err := tx.Exec(ctx, `INSERT INTO audit_events (actor_id, actor_scim_token_id, account_id, target_user_id, action, before, after, request_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, e.ActorID, e.ActorScimTokenID, e.AccountID, e.TargetUserID, e.Action, jsonOrNil(e.Before), jsonOrNil(e.After), e.RequestID)
	return err
}

func jsonOrNil(m map[string]any) []byte {
	if m == nil {
		return nil
	}
	b, _ := json.Marshal(m)
	return b
}

// Ptr returns a pointer to id, for the optional fields of Event.
func Ptr(id uuid.UUID) *uuid.UUID { return &id }

// Filter narrows the audit trail.
type Filter struct {
	AccountID    *uuid.UUID
	ActorID      *uuid.UUID
	TargetUserID *uuid.UUID
	Action       string
}

// List returns up to first events matching f, newest first, after the cursor
// after, and whether more follow. It returns INVALID_INPUT for a bad cursor.
func List(ctx context.Context, q db.DBTX, f Filter, first int, after string) ([]Event, bool, error) {
	var args []any
	var conds []string
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, fmt.Sprintf(cond, len(args)))
	}
	if f.AccountID != nil {
		add("account_id = $%d", *f.AccountID)
	}
	if f.ActorID != nil {
		add("actor_id = $%d", *f.ActorID)
	}
	if f.TargetUserID != nil {
		add("target_user_id = $%d", *f.TargetUserID)
	}
	if f.Action != "" {
		add("action = $%d", f.Action)
	}
	if after != "" {
		id, err := decodeCursor(after)
		if err != nil {
			return nil, false, err
		}
		add("id < $%d", id)
	}
	where := "TRUE"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	args = append(args, first+1)
	rows, err := q.Query(ctx, `SELECT id, occurred_at, actor_id, actor_scim_token_id, account_id, target_user_id, action, before, after, request_id
		FROM audit_events WHERE `+where+fmt.Sprintf(` ORDER BY id DESC LIMIT $%d`, len(args)), args...)
	if err != nil {
		return nil, false, err
	}
	events, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Event, error) {
		var e Event
		err := r.Scan(&e.ID, &e.OccurredAt, &e.ActorID, &e.ActorScimTokenID, &e.AccountID, &e.TargetUserID, &e.Action, &e.Before, &e.After, &e.RequestID)
		return e, err
	})
	if err != nil || len(events) <= first {
		return events, false, err
	}
	return events[:first], true, nil
}

// Cursor returns the opaque cursor of e.
func (e Event) Cursor() string {
	return base64.RawURLEncoding.EncodeToString([]byte("e:" + strconv.FormatInt(e.ID, 10)))
}

func decodeCursor(c string) (int64, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil && strings.HasPrefix(string(b), "e:") {
		if id, err := strconv.ParseInt(string(b[2:]), 10, 64); err == nil {
			return id, nil
		}
	}
	return 0, db.ErrBadCursor
}
