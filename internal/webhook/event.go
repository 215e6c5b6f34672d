package webhook

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// PayloadVersion is the version of the JSON body. Fields may be added within
// a version; a change that breaks receivers comes with a new version.
const PayloadVersion = 1

// Event is one change to report. Its body carries ids only: receivers look up
// what else they need, and no more personal data leaves Roster than that.
type Event struct {
	Type      EventType
	AccountID *uuid.UUID // the account of a member.* event
	UserID    uuid.UUID
	// DetachedAt, for member.detached, bounds the purge: what the services
	// made for the member up to then (a later re-join starts afresh).
	DetachedAt *time.Time
}

// payload is the JSON body of a delivery.
type payload struct {
	ID         uuid.UUID `json:"id"`
	Type       EventType `json:"type"`
	Version    int       `json:"version"`
	OccurredAt time.Time `json:"occurredAt"`
	Data       data      `json:"data"`
}

type data struct {
	AccountID  *uuid.UUID `json:"accountId,omitempty"`
	UserID     uuid.UUID  `json:"userId"`
	DetachedAt *time.Time `json:"detachedAt,omitempty"`
}

// Enqueuer inserts, in the caller's transaction, the jobs that deliver.
type Enqueuer interface {
	// DeliverWebhooks inserts one delivery job per delivery id.
	DeliverWebhooks(ctx context.Context, tx pgx.Tx, deliveryIDs []uuid.UUID) error
}

// Emit records events in tx, the transaction of the change they report: for
// each event that some enabled endpoint subscribes to, the event, one
// delivery per such endpoint, and the deliveries' jobs (through jobs). A
// rolled-back change thus sends nothing; an event no endpoint wants writes
// nothing. Each event gets its id here; it is the webhook-id of every
// attempt at every endpoint. It returns database errors as is.
func Emit(ctx context.Context, tx pgx.Tx, jobs Enqueuer, events ...Event) error {
	if len(events) == 0 {
		return nil
	}
	now := time.Now().UTC().Truncate(time.Millisecond)
	ids := make([]uuid.UUID, len(events))
	types := make([]string, len(events))
	bodies := make([]string, len(events))
	for i, e := range events {
		ids[i], types[i] = uuid.New(), string(e.Type)
		b, err := json.Marshal(payload{ID: ids[i], Type: e.Type, Version: PayloadVersion, OccurredAt: now,
			Data: data{AccountID: e.AccountID, UserID: e.UserID, DetachedAt: e.DetachedAt}})
		if err != nil {
			return err
		}
		bodies[i] = string(b)
	}
	rows, err := tx.Query(ctx, `WITH sub AS (
			SELECT e.id, e.type, e.body, ep.id AS endpoint_id
			FROM unnest($1::uuid[], $2::text[], $3::text[]) AS e(id, type, body)
			JOIN webhook_endpoints ep ON ep.enabled AND e.type = ANY(ep.event_types)),
		ev AS (INSERT INTO webhook_events (id, type, occurred_at, body) SELECT DISTINCT id, type, $4::timestamptz, body FROM sub)
		INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at) SELECT id, endpoint_id, $4 FROM sub RETURNING id`,
		ids, types, bodies, now)
	if err != nil {
		return err
	}
	deliveries, err := pgx.CollectRows(rows, pgx.RowTo[uuid.UUID])
	if err != nil || len(deliveries) == 0 {
		return err
	}
	return jobs.DeliverWebhooks(ctx, tx, deliveries)
}
