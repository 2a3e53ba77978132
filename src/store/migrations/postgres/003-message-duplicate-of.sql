-- PostgreSQL twin of ../003-message-duplicate-of.sql.
ALTER TABLE messages ADD COLUMN duplicate_of bigint REFERENCES messages (id);
