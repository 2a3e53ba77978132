-- PostgreSQL twin of ../016-job-run-done.sql (same column; see that file for the why).
ALTER TABLE job_runs ADD COLUMN done_at TEXT;
UPDATE job_runs SET done_at = started_at;
