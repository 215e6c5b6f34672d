-- SCIM 2.0 provisioning of EXTERNAL accounts (internal/scim): per-account
-- bearer tokens, what the directory says about each member it provisions,
-- the role its new members get, and the token as the actor of audit events.

-- The role SCIM gives the members it adds (internal/account); the Owner is
-- never made by provisioning.
ALTER TABLE accounts ADD COLUMN scim_default_role text NOT NULL DEFAULT 'USER'
    CHECK (scim_default_role IN ('ADMINISTRATOR', 'FINANCE_MANAGER', 'USER'));

CREATE TABLE scim_tokens (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 100),
    -- SHA-256 of the bearer token; the token itself is shown once and never stored.
    token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    -- Updated at most once a minute per token, not on every request.
    last_used_at timestamptz,
    revoked_at timestamptz,
    revoked_by uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX scim_tokens_account_idx ON scim_tokens (account_id, created_at DESC, id);

-- What the account's directory says about a member it provisioned or
-- updated: its own userName, externalId, name and email, kept per account so
-- that one tenant's directory never rewrites what another tenant sees. A
-- member without a row (the Owner, members from before the switch to
-- EXTERNAL) shows their platform email as userName. The row goes with the
-- membership.
CREATE TABLE scim_identities (
    account_id uuid NOT NULL,
    user_id uuid NOT NULL,
    user_name text NOT NULL CHECK (length(btrim(user_name)) BETWEEN 1 AND 256),
    external_id text CHECK (length(external_id) BETWEEN 1 AND 256),
    email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
    given_name text CHECK (length(given_name) <= 200),
    family_name text CHECK (length(family_name) <= 200),
    formatted_name text CHECK (length(formatted_name) <= 200),
    display_name text CHECK (length(display_name) <= 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, user_id),
    FOREIGN KEY (account_id, user_id) REFERENCES memberships (account_id, user_id) ON DELETE CASCADE
);
-- userName is unique per account, case-insensitively (RFC 7643 uniqueness
-- "server", caseExact false); externalId is case-exact.
CREATE UNIQUE INDEX scim_identities_user_name_key ON scim_identities (account_id, lower(user_name));
CREATE UNIQUE INDEX scim_identities_external_id_key ON scim_identities (account_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX scim_identities_email_idx ON scim_identities (account_id, email);
-- Filters co/sw/ew on userName and emails (trigrams, as the members list's search).
CREATE INDEX scim_identities_user_name_trgm ON scim_identities USING gin (account_id, lower(user_name) gin_trgm_ops);
CREATE INDEX scim_identities_email_trgm ON scim_identities USING gin (account_id, email gin_trgm_ops);

-- Changes made by an account's directory name the SCIM token that made them
-- (actor_id is then NULL). No foreign key: the trail outlives the token.
ALTER TABLE audit_events ADD COLUMN actor_scim_token_id uuid;
