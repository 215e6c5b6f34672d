-- A user deactivated platform-wide shows as INACTIVE in every account's
-- members list too, and the list's INACTIVE filter finds them, while their
-- account-level status stays underneath (activating the user restores it).
--
-- The members page reads index ranges (migration 0004), so the status it
-- shows and filters on must live on the membership: user_status is a copy of
-- users.status, kept by the triggers below, and effective_status is ACTIVE
-- only when both the membership and its user are. Adding the generated
-- column rewrites memberships once (about a second per million rows, under
-- an exclusive lock: run it in a quiet moment).
--
-- Locks: a change of users.status updates the user's memberships from a
-- trigger, so it locks the user and then the memberships. Every path that
-- locks a membership and its user together locks the user first
-- (member.lockMembers, TransferOwnership), and an insert of a membership
-- shares its user's row (below) before the row exists, so no two
-- transactions wait for each other in a circle.

ALTER TABLE memberships
    ADD COLUMN user_status text NOT NULL DEFAULT 'ACTIVE' CHECK (user_status IN ('ACTIVE', 'INACTIVE')),
    ADD COLUMN effective_status text GENERATED ALWAYS AS (
        CASE WHEN status = 'ACTIVE' AND user_status = 'ACTIVE' THEN 'ACTIVE' ELSE 'INACTIVE' END) STORED;

UPDATE memberships m SET user_status = u.status FROM users u WHERE u.id = m.user_id AND u.status <> 'ACTIVE';

-- The sort keys' trigger also copies the user's status; a bulk loader that
-- gives the sort keys itself (roster seed) gives user_status too, or leaves
-- the default for ACTIVE users. The user's row is shared until commit, so a
-- concurrent change of its status either waits for this membership or is
-- seen by it.
CREATE OR REPLACE FUNCTION memberships_sort_keys() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n text;
    e text;
    s text;
BEGIN
    IF NEW.sort_email = '' OR TG_OP = 'UPDATE' THEN
        SELECT lower(u.name), u.email, u.status INTO n, e, s FROM users u WHERE u.id = NEW.user_id FOR SHARE;
        IF FOUND THEN
            NEW.sort_name := n;
            NEW.sort_email := e;
            NEW.user_status := s;
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION users_member_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE memberships SET user_status = NEW.status WHERE user_id = NEW.id AND user_status <> NEW.status;
    RETURN NULL;
END $$;
CREATE TRIGGER users_member_status AFTER UPDATE OF status ON users
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION users_member_status();

-- The memberships' own update trigger now announces a status change to the
-- members lists (kind M); live_users keeps telling the user's subscriptions (U).
CREATE OR REPLACE FUNCTION live_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM live_send('U', NULL, array_agg(n.id)) FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.status IS DISTINCT FROM o.status OR n.is_operator IS DISTINCT FROM o.is_operator;
    RETURN NULL;
END $$;

-- The page's status filter reads the effective status.
DROP INDEX memberships_page_status_idx;
DROP INDEX memberships_page_role_status_idx;
CREATE INDEX memberships_page_status_idx ON memberships (account_id, effective_status, rank, sort_name, sort_email) INCLUDE (user_id, role);
CREATE INDEX memberships_page_role_status_idx ON memberships (account_id, role, effective_status, sort_name, sort_email) INCLUDE (user_id, rank);
