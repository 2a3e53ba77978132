-- PostgreSQL twin of ../004-dashboard-sort-indexes.sql (the same index names; whether the
-- planner wants the same ones is for the PostgreSQL bench to say).
CREATE INDEX bounces_type_date_domain ON bounces (bounce_type, date, domain);
DROP INDEX bounces_type_date;
CREATE INDEX bounces_status_code_date ON bounces (status_code, date);
