-- Service credentials (purged on detach), notification recipients,
-- notifications and their per-recipient deliveries.

CREATE TABLE service_credentials (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (length(btrim(kind)) BETWEEN 1 AND 50),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_credentials_member_idx ON service_credentials (account_id, user_id);

-- Technical and billing contacts. A row outlives its membership until
-- ReplaceNotificationRecipient hands the place to the Owner.
CREATE TABLE notification_recipients (
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('TECHNICAL', 'BILLING')),
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, kind, user_id)
);
CREATE INDEX notification_recipients_user_idx ON notification_recipients (user_id);

CREATE TABLE notifications (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('TECHNICAL', 'BILLING')),
    subject text NOT NULL CHECK (length(btrim(subject)) BETWEEN 1 AND 200),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Set when the fan-out has recorded every recipient's outcome.
    fanned_out_at timestamptz
);
CREATE INDEX notifications_account_idx ON notifications (account_id, created_at DESC, id);

CREATE TABLE notification_deliveries (
    notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    email text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('QUEUED', 'SENT', 'SKIPPED', 'RETRYING', 'FAILED')),
    reason text,
    attempts int NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (notification_id, user_id)
);
