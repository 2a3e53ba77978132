-- The suppression list (src/suppress/): addresses (and whole domains) Postfix refuses at RCPT
-- because mail to them bounced. Written by ingest in the bounce's own transaction, by hand on
-- the dashboard and the CLI, and by CSV import.

-- One row per suppressed address ('jane@example.org') or domain ('@example.org'), lower-cased.
-- An entry whose expires_at has passed is no longer in force (lookups ignore it) and is
-- deleted by the expiry sweep, which writes an 'expired' event.
CREATE TABLE suppressions (
  id           INTEGER PRIMARY KEY,                -- keyset paging cursor (newest first)
  address      TEXT    NOT NULL UNIQUE,            -- lookups: one b-tree probe per key
  scope        TEXT    NOT NULL CHECK (scope IN ('address', 'domain')),
  reason       TEXT    NOT NULL,                   -- bounce reason (userunknown, ...) or 'manual'
  source       TEXT    NOT NULL CHECK (source IN ('bounce', 'escalation', 'complaint', 'manual', 'import')),
  rule         TEXT    NOT NULL DEFAULT '',        -- which policy rule decided it (traceable)
  bounce_id    INTEGER REFERENCES bounces (id) ON DELETE SET NULL,
  note         TEXT    NOT NULL DEFAULT '',
  created_by   TEXT    NOT NULL DEFAULT '',        -- 'rebound' for automatic entries, else who
  first_seen   TEXT    NOT NULL,                   -- ISO 8601 UTC
  last_seen    TEXT    NOT NULL,
  bounce_count INTEGER NOT NULL DEFAULT 0,
  expires_at   TEXT                                -- ISO 8601 UTC; NULL: never
);
CREATE INDEX suppressions_expires ON suppressions (expires_at) WHERE expires_at IS NOT NULL;

-- The audit trail: every change of the list, who made it and when. Rows are never updated;
-- they outlive the entry they are about.
CREATE TABLE suppression_events (
  id          INTEGER PRIMARY KEY,
  at          TEXT    NOT NULL,                    -- ISO 8601 UTC
  address     TEXT    NOT NULL,
  action      TEXT    NOT NULL CHECK (action IN ('added', 'refreshed', 'removed', 'expired')),
  actor       TEXT    NOT NULL DEFAULT '',
  note        TEXT    NOT NULL DEFAULT '',
  reason      TEXT    NOT NULL DEFAULT '',
  source      TEXT    NOT NULL DEFAULT '',
  bounce_id   INTEGER,
  expires_at  TEXT                                 -- the entry's expiry after the change
);
CREATE INDEX suppression_events_address ON suppression_events (address, id);
-- "Did this bounce put its address on the list?" (the notice says so).
CREATE INDEX suppression_events_bounce ON suppression_events (bounce_id) WHERE bounce_id IS NOT NULL;
CREATE INDEX suppression_events_action_at ON suppression_events (action, at);

-- Soft bounces counted towards escalation (N within D days): one row per counted bounce,
-- pruned to the window whenever the address gets a new one.
CREATE TABLE suppression_strikes (
  address    TEXT    NOT NULL,
  at         TEXT    NOT NULL,
  bounce_id  INTEGER NOT NULL,
  PRIMARY KEY (address, at, bounce_id)
) WITHOUT ROWID;
