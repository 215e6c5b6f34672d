// Package webhook sends signed HTTP notifications of member and user changes
// to endpoints that platform operators configure, so that the systems owning
// what Roster does not (mailboxes, credentials) can follow: purge a detached
// member's services, lock a deactivated user out. It owns the tables
// webhook_endpoints, webhook_events and webhook_deliveries.
//
// A change emits its events in its own transaction (Emit): the event, one
// delivery per enabled endpoint subscribed to its type, and one River job per
// delivery. The job posts the event, signed per the Standard Webhooks
// specification, and is retried with backoff until the endpoint answers 2xx.
package webhook

import (
	"context"
	"encoding/base64"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/audit"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/user"
)

// EventType is the kind of change an event reports, as sent in its "type".
type EventType string

const (
	// EventMemberDeactivated is a membership deactivated in its account.
	EventMemberDeactivated EventType = "member.deactivated"
	// EventMemberActivated is a membership activated again in its account.
	EventMemberActivated EventType = "member.activated"
	// EventMemberDeleted is a membership removed from its account (deleteMembers).
	EventMemberDeleted EventType = "member.deleted"
	// EventMemberDetached is a membership removed by detachUser: the
	// receiver purges what its service made for the member in the account.
	EventMemberDetached EventType = "member.detached"
	// EventUserDeactivated is a user deactivated platform-wide.
	EventUserDeactivated EventType = "user.deactivated"
	// EventUserActivated is a user activated again platform-wide.
	EventUserActivated EventType = "user.activated"
	// EventUserDeleted is a user deleted for good, with every membership.
	EventUserDeleted EventType = "user.deleted"
)

// EventTypes are every event type, in the order the schema lists them.
var EventTypes = []EventType{EventMemberDeactivated, EventMemberActivated, EventMemberDeleted, EventMemberDetached,
	EventUserDeactivated, EventUserActivated, EventUserDeleted}

// IsValid reports whether t is a known event type.
func (t EventType) IsValid() bool { return slices.Contains(EventTypes, t) }

// DeliveryStatus is where one delivery stands.
type DeliveryStatus string

const (
	// DeliveryPending is a delivery not attempted yet.
	DeliveryPending DeliveryStatus = "PENDING"
	// DeliveryRetrying is a delivery whose last attempt failed; it is tried
	// again at NextAttemptAt.
	DeliveryRetrying DeliveryStatus = "RETRYING"
	// DeliverySucceeded is a delivery the endpoint answered with a 2xx status.
	DeliverySucceeded DeliveryStatus = "SUCCEEDED"
	// DeliveryFailed is a delivery that failed its last allowed attempt.
	DeliveryFailed DeliveryStatus = "FAILED"
	// DeliveryCancelled is a delivery not sent because its endpoint was
	// disabled before it went out.
	DeliveryCancelled DeliveryStatus = "CANCELLED"
)

// IsValid reports whether s is a known status.
func (s DeliveryStatus) IsValid() bool {
	switch s {
	case DeliveryPending, DeliveryRetrying, DeliverySucceeded, DeliveryFailed, DeliveryCancelled:
		return true
	}
	return false
}

// Endpoint is a URL that receives the events of some types.
type Endpoint struct {
	ID          uuid.UUID
	URL         string
	Description string
	EventTypes  []EventType
	Enabled     bool
	// SecretRotatedAt is when the current secret was made.
	SecretRotatedAt time.Time
	// PreviousSecretExpiresAt, when set and in the future, is until when the
	// secret before the last rotation still signs deliveries too.
	PreviousSecretExpiresAt *time.Time
	CreatedAt               time.Time
	UpdatedAt               time.Time
}

// MaxEndpoints is how many endpoints may exist at once.
const MaxEndpoints = 50

// MaxDescription is the longest description of an endpoint, in characters.
const MaxDescription = 500

// RotationGrace is how long the previous secret keeps signing after a rotation.
const RotationGrace = 24 * time.Hour

// ErrNotFound is returned for an unknown endpoint.
var ErrNotFound = apperr.New(apperr.NotFound, "No such webhook endpoint.")

const endpointColumns = `id, url, description, event_types, enabled, secret_rotated_at, previous_secret_expires_at, created_at, updated_at`

func scanEndpoint(r pgx.Row) (Endpoint, error) {
	var e Endpoint
	err := r.Scan(&e.ID, &e.URL, &e.Description, &e.EventTypes, &e.Enabled, &e.SecretRotatedAt, &e.PreviousSecretExpiresAt, &e.CreatedAt, &e.UpdatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return e, ErrNotFound
	}
	return e, err
}

// Endpoints returns every endpoint, newest first. Its errors are the database's.
func Endpoints(ctx context.Context, q db.DBTX) ([]Endpoint, error) {
	rows, err := q.Query(ctx, `SELECT `+endpointColumns+` FROM webhook_endpoints ORDER BY created_at DESC, id DESC`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Endpoint, error) { return scanEndpoint(r) })
}

// GetEndpoint returns one endpoint, or ErrNotFound.
func GetEndpoint(ctx context.Context, q db.DBTX, id uuid.UUID) (Endpoint, error) {
	return scanEndpoint(q.QueryRow(ctx, `SELECT `+endpointColumns+` FROM webhook_endpoints WHERE id = $1`, id))
}

// Service changes endpoints on behalf of platform operators.
type Service struct {
	Pool *pgxpool.Pool
	// Sealer keeps the signing secrets encrypted at rest (WEBHOOK_SECRET_KEY).
	Sealer Sealer
	// AllowHTTP accepts plain-http URLs beyond localhost (WEBHOOK_ALLOW_HTTP).
	AllowHTTP bool
	// Jobs inserts the delivery job of a redelivery, in its transaction.
	Jobs Enqueuer
}

// Changes are what an update asks for; nil fields stay as they are.
type Changes struct {
	URL         *string
	Description *string
	EventTypes  []EventType
	Enabled     *bool
}

// normalize checks the changes, returning them cleaned: the URL as CheckURL
// makes it, the description trimmed, the event types without repeats, in
// schema order. It returns INVALID_INPUT for any bad field.
func (s *Service) normalize(c Changes) (Changes, error) {
	if c.URL != nil {
		u, err := CheckURL(*c.URL, s.AllowHTTP)
		if err != nil {
			return c, err
		}
		c.URL = &u
	}
	if c.Description != nil {
		d := strings.TrimSpace(*c.Description)
		if len([]rune(d)) > MaxDescription || user.HasInvisible(d) {
			return c, apperr.New(apperr.InvalidInput, "The description is at most %d characters, on one line without control characters.", MaxDescription)
		}
		c.Description = &d
	}
	if c.EventTypes != nil {
		var types []EventType
		for _, t := range EventTypes {
			if slices.Contains(c.EventTypes, t) {
				types = append(types, t)
			}
		}
		for _, t := range c.EventTypes {
			if !t.IsValid() {
				return c, apperr.New(apperr.InvalidInput, "Unknown event type %q.", t)
			}
		}
		if len(types) == 0 {
			return c, apperr.New(apperr.InvalidInput, "Subscribe the endpoint to at least one event type.")
		}
		c.EventTypes = types
	}
	return c, nil
}

// Create adds an endpoint, enabled unless c says otherwise, with a fresh
// signing secret, which it returns: the only time it is shown. URL and event
// types are required. It returns INVALID_INPUT for a missing or bad field
// (see CheckURL) and LIMIT_EXCEEDED past MaxEndpoints; the creation is audited.
func (s *Service) Create(ctx context.Context, actorID uuid.UUID, c Changes) (Endpoint, string, error) {
	if c.URL == nil || c.EventTypes == nil {
		return Endpoint{}, "", apperr.New(apperr.InvalidInput, "Give the endpoint a URL and at least one event type.")
	}
	c, err := s.normalize(c)
	if err != nil {
		return Endpoint{}, "", err
	}
	desc, enabled := "", true
	if c.Description != nil {
		desc = *c.Description
	}
	if c.Enabled != nil {
		enabled = *c.Enabled
	}
	secret := NewSecret()
	var e Endpoint
	err = db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		// One creation at a time, so that the count below holds.
		if _, err := tx.Exec(ctx, `LOCK TABLE webhook_endpoints IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM webhook_endpoints`).Scan(&n); err != nil {
			return err
		}
		if n >= MaxEndpoints {
			return apperr.New(apperr.LimitExceeded, "At most %d webhook endpoints may exist; delete one first.", MaxEndpoints)
		}
		id := uuid.New()
		var err error
		e, err = scanEndpoint(tx.QueryRow(ctx, `INSERT INTO webhook_endpoints (id, url, description, event_types, enabled, secret, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING `+endpointColumns, id, *c.URL, desc, c.EventTypes, enabled, s.Sealer.Seal(id, secret), actorID))
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actorID, Action: "webhook.endpoint_created",
			After: map[string]any{"endpointId": e.ID, "url": e.URL, "eventTypes": e.EventTypes, "enabled": e.Enabled}})
	})
	if err != nil {
		return Endpoint{}, "", err
	}
	return e, secret, nil
}

// Update changes an endpoint's URL, description, event types or enabled
// flag; only what differs is written and audited. Disabling an endpoint
// cancels its deliveries not yet made, in the same transaction (a job
// already sending finds them finished and records nothing); enabling it
// again sends only the events that come after. It returns
// INVALID_INPUT when nothing is asked or for a bad field, and NOT_FOUND.
func (s *Service) Update(ctx context.Context, actorID, id uuid.UUID, c Changes) (Endpoint, error) {
	if c.URL == nil && c.Description == nil && c.EventTypes == nil && c.Enabled == nil {
		return Endpoint{}, apperr.New(apperr.InvalidInput, "Give at least one of url, description, eventTypes and enabled.")
	}
	c, err := s.normalize(c)
	if err != nil {
		return Endpoint{}, err
	}
	var e Endpoint
	err = db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		before, err := scanEndpoint(tx.QueryRow(ctx, `SELECT `+endpointColumns+` FROM webhook_endpoints WHERE id = $1 FOR UPDATE`, id))
		if err != nil {
			return err
		}
		was, now := map[string]any{}, map[string]any{}
		if c.URL != nil && *c.URL != before.URL {
			was["url"], now["url"] = before.URL, *c.URL
		}
		if c.Description != nil && *c.Description != before.Description {
			was["description"], now["description"] = before.Description, *c.Description
		}
		if c.EventTypes != nil && !slices.Equal(c.EventTypes, before.EventTypes) {
			was["eventTypes"], now["eventTypes"] = before.EventTypes, c.EventTypes
		}
		if c.Enabled != nil && *c.Enabled != before.Enabled {
			was["enabled"], now["enabled"] = before.Enabled, *c.Enabled
		}
		if len(now) == 0 {
			e = before
			return nil
		}
		e, err = scanEndpoint(tx.QueryRow(ctx, `UPDATE webhook_endpoints SET url = coalesce($2, url), description = coalesce($3, description),
			event_types = coalesce($4, event_types), enabled = coalesce($5, enabled), updated_at = now()
			WHERE id = $1 RETURNING `+endpointColumns, id, c.URL, c.Description, c.EventTypes, c.Enabled))
		if err != nil {
			return err
		}
		if before.Enabled && !e.Enabled {
			if _, err := tx.Exec(ctx, `UPDATE webhook_deliveries SET status = 'CANCELLED', next_attempt_at = NULL, last_error = $2
				WHERE endpoint_id = $1 AND status IN ('PENDING', 'RETRYING')`, id, notSentDisabled); err != nil {
				return err
			}
		}
		was["endpointId"] = id
		return audit.Record(ctx, tx, audit.Event{ActorID: &actorID, Action: "webhook.endpoint_updated", Before: was, After: now})
	})
	return e, err
}

// Delete removes an endpoint with its deliveries (jobs still queued for it
// find nothing to send). It returns NOT_FOUND; the deletion is audited.
func (s *Service) Delete(ctx context.Context, actorID, id uuid.UUID) error {
	return db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		var url string
		err := tx.QueryRow(ctx, `DELETE FROM webhook_endpoints WHERE id = $1 RETURNING url`, id).Scan(&url)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actorID, Action: "webhook.endpoint_deleted",
			Before: map[string]any{"endpointId": id, "url": url}})
	})
}

// RotateSecret gives an endpoint a fresh signing secret, which it returns:
// the only time it is shown. For RotationGrace the previous secret keeps
// signing too (webhook-signature then carries two signatures), so the
// receiver can switch without losing a delivery; rotating again within it
// ends the older secret at once. It returns NOT_FOUND; the rotation is audited.
func (s *Service) RotateSecret(ctx context.Context, actorID, id uuid.UUID) (Endpoint, string, error) {
	secret := NewSecret()
	var e Endpoint
	err := db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		var err error
		e, err = scanEndpoint(tx.QueryRow(ctx, `UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_expires_at = now() + $3 * interval '1 second',
			secret = $2, secret_rotated_at = now(), updated_at = now()
			WHERE id = $1 RETURNING `+endpointColumns, id, s.Sealer.Seal(id, secret), int64(RotationGrace.Seconds())))
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actorID, Action: "webhook.secret_rotated",
			After: map[string]any{"endpointId": id, "previousSecretExpiresAt": e.PreviousSecretExpiresAt}})
	})
	if err != nil {
		return Endpoint{}, "", err
	}
	return e, secret, nil
}

// Delivery is one event sent, or to be sent, to one endpoint.
type Delivery struct {
	ID             uuid.UUID
	EndpointID     uuid.UUID
	EventID        uuid.UUID
	EventType      EventType
	OccurredAt     time.Time
	Payload        string
	Status         DeliveryStatus
	Attempts       int
	LastAttemptAt  *time.Time
	LastStatusCode *int
	LastError      *string
	NextAttemptAt  *time.Time
	DeliveredAt    *time.Time
	CreatedAt      time.Time
}

// Cursor returns the position of d in its endpoint's list of deliveries.
func (d Delivery) Cursor() string {
	return base64.RawURLEncoding.EncodeToString([]byte("wd:" + d.CreatedAt.UTC().Format(time.RFC3339Nano) + "|" + d.ID.String()))
}

func decodeCursor(c string) (time.Time, uuid.UUID, error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	s, ok := strings.CutPrefix(string(raw), "wd:")
	at, id, ok2 := strings.Cut(s, "|")
	if err != nil || !ok || !ok2 {
		return time.Time{}, uuid.Nil, db.ErrBadCursor
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return time.Time{}, uuid.Nil, db.ErrBadCursor
	}
	u, err := uuid.Parse(id)
	if err != nil {
		return time.Time{}, uuid.Nil, db.ErrBadCursor
	}
	return t, u, nil
}

// Deliveries returns up to first deliveries of an endpoint, newest first,
// after the cursor after ("" for the first page), only those in status when
// given, and whether more follow. It returns INVALID_INPUT for a cursor this
// package did not make.
func Deliveries(ctx context.Context, q db.DBTX, endpointID uuid.UUID, status *DeliveryStatus, first int, after string) ([]Delivery, bool, error) {
	args := []any{endpointID, first + 1}
	where := "d.endpoint_id = $1"
	if status != nil {
		args = append(args, string(*status))
		where += " AND d.status = $3"
	}
	if after != "" {
		at, id, err := decodeCursor(after)
		if err != nil {
			return nil, false, err
		}
		args = append(args, at, id)
		where += " AND (d.created_at, d.id) < ($" + strconv.Itoa(len(args)-1) + ", $" + strconv.Itoa(len(args)) + ")"
	}
	rows, err := q.Query(ctx, `SELECT `+deliveryColumns+`
		FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
		WHERE `+where+` ORDER BY d.created_at DESC, d.id DESC LIMIT $2`, args...)
	if err != nil {
		return nil, false, err
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Delivery, error) { return scanDelivery(r) })
	if err != nil {
		return nil, false, err
	}
	more := len(list) > first
	if more {
		list = list[:first]
	}
	return list, more, nil
}

const deliveryColumns = `d.id, d.endpoint_id, d.event_id, e.type, e.occurred_at, e.body, d.status, d.attempts, d.last_attempt_at,
	d.last_status_code, d.last_error, d.next_attempt_at, d.delivered_at, d.created_at`

func scanDelivery(r pgx.Row) (Delivery, error) {
	var d Delivery
	return d, r.Scan(&d.ID, &d.EndpointID, &d.EventID, &d.EventType, &d.OccurredAt, &d.Payload, &d.Status, &d.Attempts, &d.LastAttemptAt,
		&d.LastStatusCode, &d.LastError, &d.NextAttemptAt, &d.DeliveredAt, &d.CreatedAt)
}

// ErrDeliveryNotFound is returned for an unknown delivery.
var ErrDeliveryNotFound = apperr.New(apperr.NotFound, "No such webhook delivery.")

// Redeliver sends a finished delivery (SUCCEEDED, FAILED or CANCELLED) again:
// it is PENDING once more, its attempts counted from zero, and its job is
// inserted in the same transaction. The event, its body and its webhook-id
// stay the same, so a receiver that already processed it deduplicates. It
// returns NOT_FOUND, and CONFLICT while the delivery is still PENDING or
// RETRYING or its endpoint is disabled; the redelivery is audited.
func (s *Service) Redeliver(ctx context.Context, actorID, id uuid.UUID) (Delivery, error) {
	var d Delivery
	err := db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		var (
			status   DeliveryStatus
			endpoint uuid.UUID
			enabled  bool
		)
		err := tx.QueryRow(ctx, `SELECT d.status, d.endpoint_id, ep.enabled FROM webhook_deliveries d
			JOIN webhook_endpoints ep ON ep.id = d.endpoint_id WHERE d.id = $1 FOR UPDATE OF d`, id).Scan(&status, &endpoint, &enabled)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrDeliveryNotFound
		}
		if err != nil {
			return err
		}
		switch {
		case status == DeliveryPending || status == DeliveryRetrying:
			return apperr.New(apperr.Conflict, "This delivery is still being attempted; wait for it to finish.")
		case !enabled:
			return apperr.New(apperr.Conflict, "The endpoint is disabled; enable it first.")
		}
		if _, err := tx.Exec(ctx, `UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = now(),
			delivered_at = NULL WHERE id = $1`, id); err != nil {
			return err
		}
		if err := s.Jobs.DeliverWebhooks(ctx, tx, []uuid.UUID{id}); err != nil {
			return err
		}
		if d, err = scanDelivery(tx.QueryRow(ctx, `SELECT `+deliveryColumns+`
			FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.id = $1`, id)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{ActorID: &actorID, Action: "webhook.delivery_redelivered",
			Before: map[string]any{"deliveryId": id, "endpointId": endpoint, "status": status}, After: map[string]any{"status": DeliveryPending}})
	})
	return d, err
}
