-- When the bounce happened by its own Date header (core/message-date.ts), beside `date`,
-- which stays the time rebound received it (counts, filters and the daily summary use that).
-- An imported archive is received today but bounced long ago: the list shows this one.
-- Rows recorded before this migration have '' and show their received time.
ALTER TABLE bounces ADD COLUMN bounced_at TEXT NOT NULL DEFAULT '';
