-- Issue 18: once-only work when several rebound processes share one store.

-- A lease: one holder at a time for a named piece of work (an IMAP mailbox "imap:NAME").
-- Taken when free, expired or already the taker's; renewed while the work goes on; a holder
-- that dies stops renewing, and another takes over after expires_at.
CREATE TABLE leases (
  name        TEXT PRIMARY KEY,
  holder      TEXT NOT NULL,   -- the instance id: hostname, pid and a random part
  expires_at  TEXT NOT NULL    -- ISO 8601 UTC
);

-- The last period each timed job ran for ("summary", "retry"): an instance runs a job only if
-- it moves this row to a later period, so a period runs once whichever instance fires first.
CREATE TABLE job_runs (
  job         TEXT PRIMARY KEY,
  period      TEXT NOT NULL,   -- the scheduled time of the run, ISO 8601 UTC
  holder      TEXT NOT NULL,
  started_at  TEXT NOT NULL
);

-- Claims: a notice or a webhook delivery is taken by one instance before it is sent. A claim
-- past claimed_until is a dead (or stuck) instance's, and another may take the row.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
ALTER TABLE webhook_deliveries ADD COLUMN claimed_by TEXT;
ALTER TABLE webhook_deliveries ADD COLUMN claimed_until TEXT;
