-- A large message's raw bytes, kept in parts of at most 1 MiB instead of one value in
-- messages.raw. Writing 10 MB as one value held the event loop for 50-150 ms (SQLite copies
-- every page into the WAL inside that one statement and its COMMIT); each part is written in
-- a transaction of its own before the message's, so other connections are answered between
-- parts. Keyed by the message's SHA-256, not its id: the parts exist before the message row
-- does. Parts whose message never committed (the process died in between) are swept once
-- they are an hour old.
CREATE TABLE raw_parts (
  sha256     TEXT    NOT NULL,
  seq        INTEGER NOT NULL,
  bytes      BLOB    NOT NULL,
  written_at TEXT    NOT NULL,
  PRIMARY KEY (sha256, seq)
);
-- How many raw_parts rows hold this message's bytes; 0: they are in raw.
ALTER TABLE messages ADD COLUMN raw_parts INTEGER NOT NULL DEFAULT 0;
