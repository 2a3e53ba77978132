-- PostgreSQL twin of ../017-raw-parts.sql (same table and column; see that file for the why).
CREATE TABLE raw_parts (
  sha256     text    NOT NULL,
  seq        bigint  NOT NULL,
  bytes      bytea   NOT NULL,
  written_at text    NOT NULL,
  PRIMARY KEY (sha256, seq)
);
ALTER TABLE messages ADD COLUMN raw_parts bigint NOT NULL DEFAULT 0;
