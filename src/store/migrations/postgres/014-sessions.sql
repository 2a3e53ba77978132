-- PostgreSQL twin of ../014-sessions.sql (same tables and columns; see that file for the why).
CREATE TABLE sessions (
  id          TEXT    PRIMARY KEY,
  data        TEXT    NOT NULL,
  signed_in   INTEGER NOT NULL DEFAULT 0,
  expires_at  TEXT    NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);
