-- SCIM filters "userName sw" and "emails.value sw" (internal/scim) as B-tree
-- range scans: a LIKE 'prefix%' pattern uses a text_pattern_ops index
-- whatever the database's collation, where the trigram indexes of 0004 and
-- 0007 read the posting lists of every member sharing a frequent trigram
-- ("use", "ser" in "user12…"). The members list and the SCIM "co"/"ew"
-- filters keep the trigram indexes.
CREATE INDEX memberships_email_prefix_idx ON memberships (account_id, sort_email text_pattern_ops);
CREATE INDEX scim_identities_user_name_prefix_idx ON scim_identities (account_id, lower(user_name) text_pattern_ops);
CREATE INDEX scim_identities_email_prefix_idx ON scim_identities (account_id, email text_pattern_ops);
-- It serves equality too: the plain index of 0007 only cost writes.
DROP INDEX scim_identities_email_idx;
