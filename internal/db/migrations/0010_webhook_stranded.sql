-- Deliveries not yet finished, by when their next attempt is due: the
-- periodic cleanup marks FAILED those whose job never ran (cancelled in River
-- UI, discarded), so none waits as PENDING or RETRYING for ever.
CREATE INDEX webhook_deliveries_unfinished_idx ON webhook_deliveries ((coalesce(next_attempt_at, created_at)))
    WHERE status IN ('PENDING', 'RETRYING');
