-- Every message rebound received, kept whole so it can be shown and classified again.
CREATE TABLE messages (
  id               INTEGER PRIMARY KEY,
  received_at      TEXT    NOT NULL,              -- ISO 8601 UTC
  source           TEXT    NOT NULL CHECK (source IN ('lmtp', 'imap', 'import')),
  sha256           TEXT    NOT NULL UNIQUE,       -- same bytes twice = one message
  size             INTEGER NOT NULL,
  raw              BLOB    NOT NULL,
  envelope_from    TEXT    NOT NULL DEFAULT '',
  envelope_to      TEXT    NOT NULL DEFAULT '',   -- comma-separated RCPT TO (the bounce address)
  kind             TEXT    NOT NULL,              -- bounce, delay, autoreply, complaint, not-bounce
  status           TEXT    NOT NULL CHECK (status IN ('Processed', 'Skipped', 'Problem')),
  error            TEXT    NOT NULL DEFAULT '',
  subject          TEXT    NOT NULL DEFAULT '',
  classification   TEXT    NOT NULL DEFAULT '{}'  -- the classifier's whole answer, JSON
);
CREATE INDEX messages_received_at ON messages (received_at);

-- One row per failed (or delayed, or reported) recipient: the seed's table, grown.
CREATE TABLE bounces (
  id                   INTEGER PRIMARY KEY,
  message_id           INTEGER NOT NULL REFERENCES messages (id),
  date                 TEXT    NOT NULL,          -- when rebound received it, ISO 8601 UTC
  email_to             TEXT    NOT NULL,          -- the bounced address
  email_cc             TEXT    NOT NULL DEFAULT '', -- the original message's Cc, comma-separated
  status               TEXT    NOT NULL CHECK (status IN ('Processed', 'Skipped', 'Problem', 'retry_queued')),
  reason               TEXT    NOT NULL,          -- Sisimai reason name
  domain               TEXT    NOT NULL DEFAULT '',
  retries              INTEGER NOT NULL DEFAULT 0,
  kind                 TEXT    NOT NULL,          -- bounce, delay, autoreply, complaint
  bounce_type          TEXT    NOT NULL,          -- hard, soft, none
  action               TEXT    NOT NULL DEFAULT '',
  status_code          TEXT    NOT NULL DEFAULT '',
  reply_code           TEXT    NOT NULL DEFAULT '',
  diagnostic           TEXT    NOT NULL DEFAULT '',
  remote_mta           TEXT    NOT NULL DEFAULT '',
  decided_by           TEXT    NOT NULL DEFAULT '',
  original_message_id  TEXT    NOT NULL DEFAULT '',
  original_from        TEXT    NOT NULL DEFAULT '',
  original_to          TEXT    NOT NULL DEFAULT '',
  original_subject     TEXT    NOT NULL DEFAULT '',
  original_date        TEXT    NOT NULL DEFAULT '',
  tracking_id          TEXT    NOT NULL DEFAULT '',
  last_error           TEXT    NOT NULL DEFAULT '',
  -- The same original message, recipient, outcome and status seen again (Postfix retry,
  -- LMTP and IMAP both) is the same bounce: recorded once.
  dedupe_key           TEXT    NOT NULL UNIQUE
);
CREATE INDEX bounces_date ON bounces (date);
CREATE INDEX bounces_domain_date ON bounces (domain, date);
CREATE INDEX bounces_status_date ON bounces (status, date);
CREATE INDEX bounces_reason_date ON bounces (reason, date);
CREATE INDEX bounces_type_date ON bounces (bounce_type, date);
CREATE INDEX bounces_message ON bounces (message_id);
CREATE INDEX bounces_email_to ON bounces (email_to);

-- Notices waiting to be sent, written in the same transaction as their bounce.
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  bounce_id        INTEGER REFERENCES bounces (id),
  kind             TEXT    NOT NULL DEFAULT 'notice',   -- notice, summary
  recipients       TEXT    NOT NULL,                    -- comma-separated
  state            TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'problem')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT    NOT NULL,
  last_error       TEXT    NOT NULL DEFAULT '',
  created_at       TEXT    NOT NULL,
  sent_at          TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_bounce ON outbox (bounce_id);

-- Where the IMAP poller is in each mailbox (RFC 3501 2.3.1.1: UIDs hold only within one UIDVALIDITY).
CREATE TABLE imap_state (
  mailbox       TEXT    PRIMARY KEY,   -- user@host/folder
  uidvalidity   INTEGER NOT NULL,
  last_uid      INTEGER NOT NULL,
  updated_at    TEXT    NOT NULL
);

-- Small key/value facts: the generated admin password hash, last poll results.
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
