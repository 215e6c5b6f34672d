-- Invitations, one-time user tokens (password reset, welcome) and the
-- per-account invitation quota ledger.

CREATE TABLE invitations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    email text NOT NULL CHECK (email = lower(email) AND email LIKE '_%@_%'),
    role text NOT NULL CHECK (role IN ('OWNER', 'ADMINISTRATOR', 'FINANCE_MANAGER', 'USER')),
    status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED')),
    status_changed_at timestamptz NOT NULL DEFAULT now(),
    -- SHA-256 of the link's token. The email job makes the token, so the
    -- token itself exists only in the email; NULL until the job has run, and
    -- cleared by a resend so that the old link dies at once.
    token_hash bytea UNIQUE CHECK (length(token_hash) = 32),
    expires_at timestamptz NOT NULL,
    invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
    inviter_name text NOT NULL DEFAULT '',
    accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- The newest email job; an older job that runs late sends nothing.
    job_id bigint,
    -- Delivery of the newest email, mirrored from the job so it outlives
    -- River's retention of finished jobs.
    delivery_state text NOT NULL DEFAULT 'QUEUED' CHECK (delivery_state IN ('QUEUED', 'SENT', 'RETRYING', 'FAILED', 'SUPPRESSED')),
    delivery_attempts int NOT NULL DEFAULT 0,
    delivery_error text,
    delivered_at timestamptz
);
-- An address has at most one pending invitation per account; expired and
-- revoked ones never block a new one.
CREATE UNIQUE INDEX invitations_one_pending ON invitations (account_id, email) WHERE status = 'PENDING';
CREATE INDEX invitations_account_idx ON invitations (account_id, created_at DESC, id);
CREATE INDEX invitations_expiry_idx ON invitations (expires_at) WHERE status = 'PENDING';

-- One row per invitation email an account sends (new or resent), for the
-- rolling 24-hour quota.
CREATE TABLE invitation_sends (
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitation_sends_idx ON invitation_sends (account_id, sent_at);

CREATE TABLE user_tokens (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('PASSWORD_RESET', 'WELCOME')),
    token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    -- The job that made (and mailed) the token: a retried job reuses nothing
    -- and a job that already sent does not send again.
    job_id bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    sent_at timestamptz,
    used_at timestamptz
);
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose) WHERE used_at IS NULL;
CREATE UNIQUE INDEX user_tokens_job_idx ON user_tokens (job_id);
