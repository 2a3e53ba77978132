-- PostgreSQL twin of ../002-dashboard-indexes.sql (005 drops both again, as in SQLite).
CREATE INDEX bounces_date_cover ON bounces (date, bounce_type, status, domain);
CREATE INDEX bounces_kind_type ON bounces (kind, bounce_type);
