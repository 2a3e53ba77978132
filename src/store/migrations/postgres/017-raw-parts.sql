-- PostgreSQL twin of ../017-raw-parts.sql (same tables and column; see that file for the why).
CREATE TABLE raw_parts (
  sha256     text    NOT NULL,
  seq        bigint  NOT NULL,
  bytes      bytea   NOT NULL,
  PRIMARY KEY (sha256, seq)
);
CREATE TABLE raw_parts_pending (
  sha256     text    PRIMARY KEY,
  started_at text    NOT NULL
);
ALTER TABLE messages ADD COLUMN raw_part_count bigint NOT NULL DEFAULT 0;
