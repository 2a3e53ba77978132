-- Issue 18: dashboard sessions live in the database, so any rebound instance on the same
-- store serves any admin and signing out ends the session everywhere. The cookie holds only
-- the id (random, signed); the data never leaves the server.
CREATE TABLE sessions (
  id          TEXT    PRIMARY KEY,
  data        TEXT    NOT NULL,             -- JSON of the session (user, CSRF token, times)
  signed_in   INTEGER NOT NULL DEFAULT 0,   -- 1 once an admin signed in: anonymous rows go first when the table is full
  expires_at  TEXT    NOT NULL              -- ISO 8601 UTC; expired rows are pruned
);
CREATE INDEX sessions_expires ON sessions (expires_at);
