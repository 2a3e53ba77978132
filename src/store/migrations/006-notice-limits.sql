-- Issue 11: a forged bounce must not turn rebound into a bulk mailer, and no bound may cut
-- a message silently.

-- What a bound left out of a message (the DSN's recipients past 500, a Cc list past 500),
-- in words, '; '-separated; '' when it was read whole.
ALTER TABLE messages ADD COLUMN truncated TEXT NOT NULL DEFAULT '';

-- Why a bounce got no notice, or a smaller one than asked (not sent from LOCAL_DOMAINS, a
-- cap reached, Cc outside LOCAL_DOMAINS left out); '' when the notice went as planned.
ALTER TABLE bounces ADD COLUMN notice_note TEXT NOT NULL DEFAULT '';

-- One row per recipient of each planned notice, kept for an hour: the per-address hourly
-- cap (NOTIFY_MAX_PER_ADDRESS_HOUR) counts them.
CREATE TABLE notice_log (
  address     TEXT    NOT NULL,   -- lower-case
  planned_at  TEXT    NOT NULL    -- ISO 8601 UTC
);
CREATE INDEX notice_log_address ON notice_log (address, planned_at);
CREATE INDEX notice_log_planned ON notice_log (planned_at);

-- The total hourly cap (NOTIFY_MAX_PER_HOUR) counts notices queued in the last hour.
CREATE INDEX outbox_kind_created ON outbox (kind, created_at);
