-- Read paths that stay flat from a thousand to a million rows.
--
-- 1. The members page sorts by the Owner first, then the member's name and
--    email. Those keys live on users, the filters on memberships, so every
--    page used to join and sort the whole account. The sort keys are now kept
--    on the membership itself (by triggers, below) and indexed per filter, so
--    a page is an index range.
-- 2. Totals come from counters kept by statement-level triggers as delta
--    rows: writers only ever insert, so no two transactions wait on one
--    counter row; a periodic job folds the deltas (member.CompactCounts,
--    user.CompactCounts).
-- 3. Substring search (name, email, account name) uses trigram indexes.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- Sort keys of the members page, copies of users.name (lower-cased) and
-- users.email kept current by the triggers below.
ALTER TABLE memberships
    ADD COLUMN sort_name text NOT NULL DEFAULT '',
    ADD COLUMN sort_email text NOT NULL DEFAULT '',
    -- 0 for the Owner, 1 for everyone else: the Owner heads every page.
    ADD COLUMN rank smallint GENERATED ALWAYS AS (CASE WHEN role = 'OWNER' THEN 0 ELSE 1 END) STORED;

UPDATE memberships m SET sort_name = lower(u.name), sort_email = u.email FROM users u WHERE u.id = m.user_id;

CREATE FUNCTION memberships_sort_keys() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n text;
    e text;
BEGIN
    -- A bulk loader (roster seed) may give the keys itself. A missing user
    -- leaves them be: the foreign key refuses the row right after.
    IF NEW.sort_email = '' OR TG_OP = 'UPDATE' THEN
        SELECT lower(u.name), u.email INTO n, e FROM users u WHERE u.id = NEW.user_id;
        IF FOUND THEN
            NEW.sort_name := n;
            NEW.sort_email := e;
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER memberships_sort_keys BEFORE INSERT OR UPDATE OF user_id ON memberships
    FOR EACH ROW EXECUTE FUNCTION memberships_sort_keys();

CREATE FUNCTION users_sort_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE memberships SET sort_name = lower(NEW.name), sort_email = NEW.email
        WHERE user_id = NEW.id AND (sort_name, sort_email) IS DISTINCT FROM (lower(NEW.name), NEW.email);
    RETURN NULL;
END $$;
CREATE TRIGGER users_sort_keys AFTER UPDATE OF name, email ON users
    FOR EACH ROW WHEN ((OLD.name, OLD.email) IS DISTINCT FROM (NEW.name, NEW.email))
    EXECUTE FUNCTION users_sort_keys();

-- One index per filter the members page allows, each in page order and
-- covering what the page reads of the membership, so pages and counts of
-- matching members are index-only.
CREATE INDEX memberships_page_idx ON memberships (account_id, rank, sort_name, sort_email) INCLUDE (user_id, role, status);
CREATE INDEX memberships_page_status_idx ON memberships (account_id, status, rank, sort_name, sort_email) INCLUDE (user_id, role);
-- Within one role the rank is constant, so the role indexes leave it out of
-- their order but carry it, to stay covering: a plan that must visit the
-- table for it would lose to a covering index in the wrong order.
CREATE INDEX memberships_page_role_idx ON memberships (account_id, role, sort_name, sort_email) INCLUDE (user_id, status, rank);
CREATE INDEX memberships_page_role_status_idx ON memberships (account_id, role, status, sort_name, sort_email) INCLUDE (user_id, rank);
-- The user explorer filtered by account or role reads memberships in email order.
CREATE INDEX memberships_explorer_account_idx ON memberships (account_id, sort_email) INCLUDE (user_id, role);
CREATE INDEX memberships_explorer_role_idx ON memberships (role, sort_email) INCLUDE (user_id);
-- Member search within one account.
CREATE INDEX memberships_search_name_idx ON memberships USING gin (account_id, sort_name gin_trgm_ops);
CREATE INDEX memberships_search_email_idx ON memberships USING gin (account_id, sort_email gin_trgm_ops);

-- Members per account, role, status and the member's global status, as
-- delta rows (see member.CompactCounts). The triggers read the user's status
-- with a fresh snapshot; membership changes hold the user's row FOR SHARE
-- and status changes FOR UPDATE, so the two never miss each other.
CREATE TABLE membership_counts (
    account_id uuid NOT NULL,
    role text NOT NULL,
    status text NOT NULL,
    -- users.status of the members counted.
    user_status text NOT NULL,
    n bigint NOT NULL,
    -- True for a row that sums earlier deltas; the triggers insert false.
    folded boolean NOT NULL DEFAULT false
);
CREATE INDEX membership_counts_idx ON membership_counts (account_id, role, status);
CREATE INDEX membership_counts_unfolded_idx ON membership_counts (account_id) WHERE NOT folded;
INSERT INTO membership_counts (account_id, role, status, user_status, n, folded)
    SELECT m.account_id, m.role, m.status, u.status, count(*), true FROM memberships m JOIN users u ON u.id = m.user_id GROUP BY 1, 2, 3, 4;

CREATE FUNCTION membership_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO membership_counts (account_id, role, status, user_status, n)
        SELECT r.account_id, r.role, r.status, u.status, count(*) FROM new_rows r JOIN users u ON u.id = r.user_id GROUP BY 1, 2, 3, 4;
    RETURN NULL;
END $$;
-- A membership removed with its user (ON DELETE CASCADE) no longer finds the
-- user here: users_delete_counts has already taken it off.
CREATE FUNCTION membership_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO membership_counts (account_id, role, status, user_status, n)
        SELECT r.account_id, r.role, r.status, u.status, -count(*) FROM old_rows r JOIN users u ON u.id = r.user_id GROUP BY 1, 2, 3, 4;
    RETURN NULL;
END $$;
CREATE FUNCTION membership_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO membership_counts (account_id, role, status, user_status, n)
        SELECT d.account_id, d.role, d.status, u.status, sum(d.n) FROM (
            SELECT account_id, user_id, role, status, 1 AS n FROM new_rows
            UNION ALL
            SELECT account_id, user_id, role, status, -1 FROM old_rows) d
        JOIN users u ON u.id = d.user_id
        GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0;
    RETURN NULL;
END $$;
CREATE TRIGGER membership_counts_insert AFTER INSERT ON memberships
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_counts_insert();
CREATE TRIGGER membership_counts_delete AFTER DELETE ON memberships
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_counts_delete();
CREATE TRIGGER membership_counts_update AFTER UPDATE ON memberships
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_counts_update();

CREATE FUNCTION users_delete_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO membership_counts (account_id, role, status, user_status, n)
        SELECT account_id, role, status, OLD.status, -count(*) FROM memberships WHERE user_id = OLD.id GROUP BY 1, 2, 3;
    RETURN OLD;
END $$;
CREATE TRIGGER users_delete_counts BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_delete_counts();

-- Users per global status, as delta rows.
CREATE TABLE user_counts (
    status text NOT NULL,
    n bigint NOT NULL,
    folded boolean NOT NULL DEFAULT false
);
INSERT INTO user_counts (status, n, folded) SELECT status, count(*), true FROM users GROUP BY 1;

CREATE FUNCTION user_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO user_counts (status, n) SELECT status, count(*) FROM new_rows GROUP BY 1;
    RETURN NULL;
END $$;
CREATE FUNCTION user_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO user_counts (status, n) SELECT status, -count(*) FROM old_rows GROUP BY 1;
    RETURN NULL;
END $$;
CREATE FUNCTION user_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO user_counts (status, n)
        SELECT status, sum(n) FROM (
            SELECT status, 1 AS n FROM new_rows
            UNION ALL
            SELECT status, -1 FROM old_rows) d
        GROUP BY 1 HAVING sum(n) <> 0;
    -- The user's memberships move between the global statuses they count in.
    INSERT INTO membership_counts (account_id, role, status, user_status, n)
        SELECT m.account_id, m.role, m.status, d.status, sum(d.n) FROM (
            SELECT n.id, n.status, 1 AS n FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.status <> n.status
            UNION ALL
            SELECT o.id, o.status, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.status <> n.status) d
        JOIN memberships m ON m.user_id = d.id
        GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0;
    RETURN NULL;
END $$;
CREATE TRIGGER user_counts_insert AFTER INSERT ON users
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION user_counts_insert();
CREATE TRIGGER user_counts_delete AFTER DELETE ON users
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION user_counts_delete();
CREATE TRIGGER user_counts_update AFTER UPDATE ON users
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION user_counts_update();

-- Accounts, as delta rows.
CREATE TABLE account_counts (
    n bigint NOT NULL,
    folded boolean NOT NULL DEFAULT false
);
INSERT INTO account_counts (n, folded) SELECT count(*), true FROM accounts;
CREATE FUNCTION account_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account_counts (n) SELECT count(*) FROM new_rows HAVING count(*) > 0;
    RETURN NULL;
END $$;
CREATE FUNCTION account_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account_counts (n) SELECT -count(*) FROM old_rows HAVING count(*) > 0;
    RETURN NULL;
END $$;
CREATE TRIGGER account_counts_insert AFTER INSERT ON accounts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION account_counts_insert();
CREATE TRIGGER account_counts_delete AFTER DELETE ON accounts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION account_counts_delete();

-- Substring search in the user explorer and the account list.
CREATE INDEX users_search_email_idx ON users USING gin (email gin_trgm_ops);
CREATE INDEX users_search_name_idx ON users USING gin (lower(name) gin_trgm_ops);
CREATE INDEX accounts_search_name_idx ON accounts USING gin (lower(name) gin_trgm_ops);
