-- PostgreSQL twin of ../012-bounce-bounced-at.sql.
ALTER TABLE bounces ADD COLUMN bounced_at text NOT NULL DEFAULT '';
