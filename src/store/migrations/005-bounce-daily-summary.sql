-- Per-day counts of bounce rows, kept by triggers, so the overview, its charts and /metrics
-- read a few hundred summary rows instead of counting hundreds of thousands of index
-- entries per request (0.5-1.3 s at a million rows; see tests/bench/RESULTS.md).
-- Days are UTC (the first 10 characters of bounces.date, ISO 8601 UTC).

-- Every dimension the overview and /metrics group by, and the list's low-cardinality sort
-- columns (the list reads which values hold matching rows; see BounceQueries.#listByGroups).
-- A few dozen rows per day: the reason mostly decides type, kind and status code.
CREATE TABLE bounce_daily (
  day          TEXT    NOT NULL,   -- YYYY-MM-DD (UTC)
  status       TEXT    NOT NULL,
  bounce_type  TEXT    NOT NULL,
  kind         TEXT    NOT NULL,
  reason       TEXT    NOT NULL,
  status_code  TEXT    NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (day, status, bounce_type, kind, reason, status_code)
) WITHOUT ROWID;

-- The top-domains chart: hard and soft bounces only (what the chart shows), apart from the
-- table above because domains multiply its rows (thousands of domains a day).
CREATE TABLE bounce_daily_domain (
  day     TEXT    NOT NULL,
  domain  TEXT    NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (day, domain)
) WITHOUT ROWID;

-- Backfill from the rows already stored (one pass over the table, once).
INSERT INTO bounce_daily (day, status, bounce_type, kind, reason, status_code, n)
  SELECT substr(date, 1, 10), status, bounce_type, kind, reason, status_code, COUNT(*) FROM bounces
  GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO bounce_daily_domain (day, domain, n)
  SELECT substr(date, 1, 10), domain, COUNT(*) FROM bounces WHERE bounce_type IN ('hard', 'soft')
  GROUP BY 1, 2;

-- One upsert per inserted bounce (two for hard and soft ones). INSERT OR IGNORE of a known
-- bounce inserts nothing and fires nothing. Nothing uses REPLACE on bounces: its implicit
-- delete would fire the delete trigger only with recursive_triggers on.
CREATE TRIGGER bounce_daily_insert AFTER INSERT ON bounces
BEGIN
  INSERT INTO bounce_daily (day, status, bounce_type, kind, reason, status_code, n)
    VALUES (substr(NEW.date, 1, 10), NEW.status, NEW.bounce_type, NEW.kind, NEW.reason, NEW.status_code, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO bounce_daily_domain (day, domain, n)
    SELECT substr(NEW.date, 1, 10), NEW.domain, 1 WHERE NEW.bounce_type IN ('hard', 'soft')
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER bounce_daily_delete AFTER DELETE ON bounces
BEGIN
  UPDATE bounce_daily SET n = n - 1
    WHERE day = substr(OLD.date, 1, 10) AND status = OLD.status AND bounce_type = OLD.bounce_type
      AND kind = OLD.kind AND reason = OLD.reason AND status_code = OLD.status_code;
  DELETE FROM bounce_daily
    WHERE day = substr(OLD.date, 1, 10) AND status = OLD.status AND bounce_type = OLD.bounce_type
      AND kind = OLD.kind AND reason = OLD.reason AND status_code = OLD.status_code AND n <= 0;
  UPDATE bounce_daily_domain SET n = n - 1
    WHERE day = substr(OLD.date, 1, 10) AND domain = OLD.domain AND OLD.bounce_type IN ('hard', 'soft');
  DELETE FROM bounce_daily_domain
    WHERE day = substr(OLD.date, 1, 10) AND domain = OLD.domain AND n <= 0;
END;

-- A retry changes status (retry_queued -> Processed/Problem); the other columns are listed
-- too so that any later correction of a row keeps the counts right. Same steps as a delete
-- of the old row and an insert of the new one.
CREATE TRIGGER bounce_daily_update AFTER UPDATE OF date, status, bounce_type, kind, reason, status_code, domain ON bounces
WHEN OLD.date IS NOT NEW.date OR OLD.status IS NOT NEW.status OR OLD.bounce_type IS NOT NEW.bounce_type
  OR OLD.kind IS NOT NEW.kind OR OLD.reason IS NOT NEW.reason OR OLD.status_code IS NOT NEW.status_code
  OR OLD.domain IS NOT NEW.domain
BEGIN
  UPDATE bounce_daily SET n = n - 1
    WHERE day = substr(OLD.date, 1, 10) AND status = OLD.status AND bounce_type = OLD.bounce_type
      AND kind = OLD.kind AND reason = OLD.reason AND status_code = OLD.status_code;
  DELETE FROM bounce_daily
    WHERE day = substr(OLD.date, 1, 10) AND status = OLD.status AND bounce_type = OLD.bounce_type
      AND kind = OLD.kind AND reason = OLD.reason AND status_code = OLD.status_code AND n <= 0;
  UPDATE bounce_daily_domain SET n = n - 1
    WHERE day = substr(OLD.date, 1, 10) AND domain = OLD.domain AND OLD.bounce_type IN ('hard', 'soft');
  DELETE FROM bounce_daily_domain
    WHERE day = substr(OLD.date, 1, 10) AND domain = OLD.domain AND n <= 0;
  INSERT INTO bounce_daily (day, status, bounce_type, kind, reason, status_code, n)
    VALUES (substr(NEW.date, 1, 10), NEW.status, NEW.bounce_type, NEW.kind, NEW.reason, NEW.status_code, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO bounce_daily_domain (day, domain, n)
    SELECT substr(NEW.date, 1, 10), NEW.domain, 1 WHERE NEW.bounce_type IN ('hard', 'soft')
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- What the summary makes useless: the overview's covering index and /metrics' index
-- (each index on bounces is one more b-tree written per intake insert).
-- bounces_type_date_domain stays: the list's hard/soft filter and its filtered counts
-- (domain + type + dates) read it. The daily summary (summary-queries.ts) counts one
-- day through bounces_date.
DROP INDEX bounces_date_cover;
DROP INDEX bounces_kind_type;
