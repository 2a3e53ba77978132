-- PostgreSQL twin of ../015-leases.sql (same tables and columns; see that file for the why).
CREATE TABLE leases (
  name        TEXT PRIMARY KEY,
  holder      TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);

CREATE TABLE job_runs (
  job         TEXT PRIMARY KEY,
  period      TEXT NOT NULL,
  holder      TEXT NOT NULL,
  started_at  TEXT NOT NULL
);

ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
ALTER TABLE webhook_deliveries ADD COLUMN claimed_by TEXT;
ALTER TABLE webhook_deliveries ADD COLUMN claimed_until TEXT;
