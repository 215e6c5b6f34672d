-- Live updates (GraphQL subscriptions, internal/live). Statement-level
-- triggers tell every API process what changed through NOTIFY on the channel
-- roster_live, inside the changing transaction: a rolled-back change
-- notifies nobody, and a change made by any process (another API process, a
-- worker job, a bulk statement) reaches every listener at its commit.
--
-- A payload is JSON: {"k": kind, "a": account, "i": [ids]} where kind is
--   M  memberships of account a changed; i are the users
--   I  invitations of account a changed; i are the invitations
--   R  notification recipients of account a changed; i are the users
--   U  users' access changed (global status, operator flag, a session
--      revoked or deleted); i are the users, a is null
-- Ids go 150 to a notification (well under NOTIFY's 8000 bytes); past 1,500
-- ids one notification says {"r": true}: refetch everything.

CREATE FUNCTION live_send(kind text, account uuid, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    chunk constant int := 150;
    n constant int := coalesce(array_length(ids, 1), 0);
BEGIN
    IF n = 0 THEN
        RETURN;
    END IF;
    IF n > 1500 THEN
        PERFORM pg_notify('roster_live', json_build_object('k', kind, 'a', account, 'r', true)::text);
        RETURN;
    END IF;
    FOR c IN 0 .. (n - 1) / chunk LOOP
        PERFORM pg_notify('roster_live', json_build_object('k', kind, 'a', account, 'i', ids[c * chunk + 1 : (c + 1) * chunk])::text);
    END LOOP;
END $$;

CREATE FUNCTION live_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM live_send('M', account_id, array_agg(user_id)) FROM new_rows GROUP BY account_id;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM live_send('M', account_id, array_agg(user_id)) FROM old_rows GROUP BY account_id;
    ELSE
        PERFORM live_send('M', n.account_id, array_agg(n.user_id)) FROM new_rows n
            JOIN old_rows o ON o.account_id = n.account_id AND o.user_id = n.user_id
            WHERE n IS DISTINCT FROM o GROUP BY n.account_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER live_memberships_insert AFTER INSERT ON memberships
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_memberships();
CREATE TRIGGER live_memberships_delete AFTER DELETE ON memberships
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION live_memberships();
CREATE TRIGGER live_memberships_update AFTER UPDATE ON memberships
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_memberships();

CREATE FUNCTION live_invitations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM live_send('I', account_id, array_agg(id)) FROM new_rows GROUP BY account_id;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM live_send('I', account_id, array_agg(id)) FROM old_rows GROUP BY account_id;
    ELSE
        -- Delivery bookkeeping (the link's hash, the email job, the delivery
        -- state) changes once or twice per email: a NOTIFY holds a global
        -- lock through its commit's WAL flush, so notifying there would
        -- serialise every email job. The workers batch those changes
        -- after their commit instead (live.Batcher).
        PERFORM live_send('I', n.account_id, array_agg(n.id)) FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.status, n.role, n.email, n.expires_at, n.status_changed_at)
                IS DISTINCT FROM (o.status, o.role, o.email, o.expires_at, o.status_changed_at)
            GROUP BY n.account_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER live_invitations_insert AFTER INSERT ON invitations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_invitations();
CREATE TRIGGER live_invitations_delete AFTER DELETE ON invitations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION live_invitations();
CREATE TRIGGER live_invitations_update AFTER UPDATE ON invitations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_invitations();

CREATE FUNCTION live_recipients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM live_send('R', account_id, array_agg(DISTINCT user_id)) FROM new_rows GROUP BY account_id;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM live_send('R', account_id, array_agg(DISTINCT user_id)) FROM old_rows GROUP BY account_id;
    ELSE
        PERFORM live_send('R', account_id, array_agg(DISTINCT user_id)) FROM (
            SELECT account_id, user_id FROM new_rows UNION SELECT account_id, user_id FROM old_rows) c GROUP BY account_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER live_recipients_insert AFTER INSERT ON notification_recipients
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_recipients();
CREATE TRIGGER live_recipients_delete AFTER DELETE ON notification_recipients
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION live_recipients();
CREATE TRIGGER live_recipients_update AFTER UPDATE ON notification_recipients
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_recipients();

-- A user's global status or operator flag: their own subscriptions are
-- checked again (U), and a status change shows in every account's members
-- list (M).
CREATE FUNCTION live_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM live_send('U', NULL, array_agg(n.id)) FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.status IS DISTINCT FROM o.status OR n.is_operator IS DISTINCT FROM o.is_operator;
    PERFORM live_send('M', m.account_id, array_agg(m.user_id)) FROM new_rows n JOIN old_rows o ON o.id = n.id
        JOIN memberships m ON m.user_id = n.id
        WHERE n.status IS DISTINCT FROM o.status GROUP BY m.account_id;
    RETURN NULL;
END $$;
CREATE TRIGGER live_users_update AFTER UPDATE ON users
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_users();

-- A session revoked, shortened or deleted: its user's subscriptions are
-- checked again.
CREATE FUNCTION live_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM live_send('U', NULL, array_agg(DISTINCT user_id)) FROM old_rows;
    ELSE
        PERFORM live_send('U', NULL, array_agg(DISTINCT n.user_id)) FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.revoked_at IS DISTINCT FROM o.revoked_at OR n.expires_at < o.expires_at;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER live_sessions_delete AFTER DELETE ON sessions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION live_sessions();
CREATE TRIGGER live_sessions_update AFTER UPDATE ON sessions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_sessions();
