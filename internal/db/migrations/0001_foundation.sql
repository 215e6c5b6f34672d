-- Accounts, users, memberships, sessions, audit events and the sign-in throttle.

CREATE TABLE accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    user_directory text NOT NULL DEFAULT 'LOCAL' CHECK (user_directory IN ('LOCAL', 'EXTERNAL')),
    require_deactivation_before_delete boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX accounts_name_idx ON accounts (lower(name), id);

CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Emails are stored lower-cased, so the unique index is case-insensitive.
    email text NOT NULL CHECK (email = lower(email) AND email LIKE '_%@_%'),
    name text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
    password_hash text,
    status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
    status_changed_at timestamptz NOT NULL DEFAULT now(),
    is_operator boolean NOT NULL DEFAULT false,
    last_sign_in_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_status_idx ON users (status, email);

CREATE TABLE memberships (
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('OWNER', 'ADMINISTRATOR', 'FINANCE_MANAGER', 'USER')),
    status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
    -- The Owner can never be deactivated.
    CHECK (role <> 'OWNER' OR status = 'ACTIVE'),
    status_changed_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, user_id)
);
-- Exactly one Owner per account: at most one by this index, at least one by the
-- code paths (ownership only moves through a transfer).
CREATE UNIQUE INDEX memberships_one_owner ON memberships (account_id) WHERE role = 'OWNER';
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- SHA-256 of the bearer token; the token itself is never stored.
    token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    client_addr text NOT NULL DEFAULT '',
    user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE audit_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    -- No foreign keys: the trail outlives the users and accounts it names.
    actor_id uuid,
    account_id uuid,
    target_user_id uuid,
    action text NOT NULL,
    before jsonb,
    after jsonb,
    request_id text NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_account_idx ON audit_events (account_id, id DESC);
CREATE INDEX audit_events_target_idx ON audit_events (target_user_id, id DESC);

-- Failed sign-ins per key ('email:…' or 'addr:…') in a fixed window.
CREATE TABLE sign_in_failures (
    key text PRIMARY KEY,
    failures int NOT NULL,
    window_started_at timestamptz NOT NULL
);
