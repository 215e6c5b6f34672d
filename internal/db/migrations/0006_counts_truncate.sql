-- TRUNCATE fires no row or statement DELETE triggers, so the counters of
-- migration 0004 would keep counting rows long gone (an operator emptying a
-- table by hand, a restore script). Emptying a counted table now empties its
-- counters too. TRUNCATE ... CASCADE fires these triggers on every table it
-- empties.

CREATE FUNCTION counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    CASE TG_TABLE_NAME
    WHEN 'memberships' THEN DELETE FROM membership_counts;
    WHEN 'users' THEN DELETE FROM user_counts;
    WHEN 'accounts' THEN DELETE FROM account_counts;
    END CASE;
    RETURN NULL;
END $$;
CREATE TRIGGER memberships_counts_truncate AFTER TRUNCATE ON memberships
    FOR EACH STATEMENT EXECUTE FUNCTION counts_truncate();
CREATE TRIGGER users_counts_truncate AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION counts_truncate();
CREATE TRIGGER accounts_counts_truncate AFTER TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION counts_truncate();
