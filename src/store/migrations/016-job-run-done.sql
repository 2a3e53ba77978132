-- When a timed job's run for its period finished (NULL while it runs, or if it failed or its
-- instance died). The daily summary is sent again for a period whose run did not finish: it is
-- rebuilt from the rows, not queued in the outbox, so without this a relay outage or a kill at
-- midnight lost that day's summary.
ALTER TABLE job_runs ADD COLUMN done_at TEXT;
-- Runs claimed before this column existed are taken as finished: nothing is sent again.
UPDATE job_runs SET done_at = started_at;
