-- PostgreSQL twin of ../006-notice-limits.sql.
ALTER TABLE messages ADD COLUMN truncated text NOT NULL DEFAULT '';
ALTER TABLE bounces ADD COLUMN notice_note text NOT NULL DEFAULT '';

-- No key, as in SQLite (where rows have a hidden rowid): rows live an hour and are only counted.
CREATE TABLE notice_log (
  address     text    NOT NULL,
  planned_at  text    NOT NULL
);
CREATE INDEX notice_log_address ON notice_log (address, planned_at);
CREATE INDEX notice_log_planned ON notice_log (planned_at);

CREATE INDEX outbox_kind_created ON outbox (kind, created_at);
