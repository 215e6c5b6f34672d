-- Outgoing webhooks (internal/webhook): endpoints that operators configure,
-- the events that changes emit, and one delivery per event and subscribed
-- endpoint. A change inserts its event, its deliveries and their River jobs
-- in its own transaction, so a rolled-back change sends nothing and a
-- committed one is delivered (retried with backoff) until it succeeds or
-- fails for good.

CREATE TABLE webhook_endpoints (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    -- The event types delivered here (webhook.EventType values).
    event_types text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 50),
    enabled boolean NOT NULL DEFAULT true,
    -- The signing secret ("whsec_…"), sealed with AES-256-GCM ("sealed:v1:…")
    -- when WEBHOOK_SECRET_KEY is set: it must be readable to sign, so it
    -- cannot be hashed like the other tokens.
    secret text NOT NULL,
    -- After a rotation, the previous secret signs too until it expires, so
    -- receivers can switch without losing a delivery.
    previous_secret text,
    previous_secret_expires_at timestamptz,
    secret_rotated_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- An event is written only when some enabled endpoint subscribes to it.
CREATE TABLE webhook_events (
    -- Sent as webhook-id: the same on every attempt and every endpoint, so
    -- receivers deduplicate by it.
    id uuid PRIMARY KEY,
    type text NOT NULL,
    occurred_at timestamptz NOT NULL,
    -- The exact JSON body sent (text, not jsonb: signed byte for byte).
    body text NOT NULL
);

CREATE TABLE webhook_deliveries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id uuid NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RETRYING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    attempts int NOT NULL DEFAULT 0,
    last_attempt_at timestamptz,
    last_status_code int,
    last_error text,
    next_attempt_at timestamptz,
    delivered_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, endpoint_id)
);
-- An endpoint's deliveries, newest first (GraphQL paging).
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC);
CREATE INDEX webhook_deliveries_endpoint_status_idx ON webhook_deliveries (endpoint_id, status, created_at DESC, id DESC);
-- Cleanup of finished deliveries past their retention.
CREATE INDEX webhook_deliveries_finished_idx ON webhook_deliveries (created_at) WHERE status IN ('SUCCEEDED', 'FAILED', 'CANCELLED');
