-- A large message's raw bytes, kept in parts of at most 1 MiB instead of one value in
-- messages.raw. Writing 10 MB as one value held the event loop for 50-150 ms (SQLite copies
-- every page into the WAL inside that one statement and its COMMIT); each part is written in
-- a statement of its own before the message's transaction, so other connections are answered
-- between parts. Keyed by the message's SHA-256, not its id: the parts exist before the
-- message row does.
CREATE TABLE raw_parts (
  sha256     TEXT    NOT NULL,
  seq        INTEGER NOT NULL,
  bytes      BLOB    NOT NULL,
  PRIMARY KEY (sha256, seq)
);
-- Parts written whose message has not committed yet: a row is made (or its time renewed)
-- before each attempt's parts and deleted in the message's transaction. What is left an hour
-- later (the process died in between, or the sender never offered the message again) is
-- swept with its parts. The sweep reads this small table, never the parts themselves.
CREATE TABLE raw_parts_pending (
  sha256     TEXT    PRIMARY KEY,
  started_at TEXT    NOT NULL
);
-- How many raw_parts rows hold this message's bytes; 0: they are in raw.
ALTER TABLE messages ADD COLUMN raw_part_count INTEGER NOT NULL DEFAULT 0;
