-- PostgreSQL twin of ../005-bounce-daily-summary.sql: per-day counts kept by a trigger.
-- SQLite's three triggers become one plpgsql function fired by three triggers of the same
-- names; an update is a delete of the old row's counts and an insert of the new row's.

CREATE TABLE bounce_daily (
  day          text    NOT NULL,
  status       text    NOT NULL,
  bounce_type  text    NOT NULL,
  kind         text    NOT NULL,
  reason       text    NOT NULL,
  status_code  text    NOT NULL,
  n            bigint  NOT NULL,
  PRIMARY KEY (day, status, bounce_type, kind, reason, status_code)
);

CREATE TABLE bounce_daily_domain (
  day     text    NOT NULL,
  domain  text    NOT NULL,
  n       bigint  NOT NULL,
  PRIMARY KEY (day, domain)
);

INSERT INTO bounce_daily (day, status, bounce_type, kind, reason, status_code, n)
  SELECT substr(date, 1, 10), status, bounce_type, kind, reason, status_code, COUNT(*) FROM bounces
  GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO bounce_daily_domain (day, domain, n)
  SELECT substr(date, 1, 10), domain, COUNT(*) FROM bounces WHERE bounce_type IN ('hard', 'soft')
  GROUP BY 1, 2;

CREATE FUNCTION bounce_daily_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE bounce_daily SET n = n - 1
      WHERE day = substr(OLD.date, 1, 10) AND status = OLD.status AND bounce_type = OLD.bounce_type
        AND kind = OLD.kind AND reason = OLD.reason AND status_code = OLD.status_code;
    DELETE FROM bounce_daily
      WHERE day = substr(OLD.date, 1, 10) AND status = OLD.status AND bounce_type = OLD.bounce_type
        AND kind = OLD.kind AND reason = OLD.reason AND status_code = OLD.status_code AND n <= 0;
    IF OLD.bounce_type IN ('hard', 'soft') THEN
      UPDATE bounce_daily_domain SET n = n - 1 WHERE day = substr(OLD.date, 1, 10) AND domain = OLD.domain;
      DELETE FROM bounce_daily_domain WHERE day = substr(OLD.date, 1, 10) AND domain = OLD.domain AND n <= 0;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO bounce_daily (day, status, bounce_type, kind, reason, status_code, n)
      VALUES (substr(NEW.date, 1, 10), NEW.status, NEW.bounce_type, NEW.kind, NEW.reason, NEW.status_code, 1)
      ON CONFLICT (day, status, bounce_type, kind, reason, status_code) DO UPDATE SET n = bounce_daily.n + 1;
    IF NEW.bounce_type IN ('hard', 'soft') THEN
      INSERT INTO bounce_daily_domain (day, domain, n) VALUES (substr(NEW.date, 1, 10), NEW.domain, 1)
        ON CONFLICT (day, domain) DO UPDATE SET n = bounce_daily_domain.n + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

-- INSERT ... ON CONFLICT DO NOTHING of a known bounce inserts nothing and fires nothing.
CREATE TRIGGER bounce_daily_insert AFTER INSERT ON bounces
  FOR EACH ROW EXECUTE FUNCTION bounce_daily_count();
CREATE TRIGGER bounce_daily_delete AFTER DELETE ON bounces
  FOR EACH ROW EXECUTE FUNCTION bounce_daily_count();
CREATE TRIGGER bounce_daily_update AFTER UPDATE OF date, status, bounce_type, kind, reason, status_code, domain ON bounces
  FOR EACH ROW
  WHEN (OLD.date IS DISTINCT FROM NEW.date OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.bounce_type IS DISTINCT FROM NEW.bounce_type OR OLD.kind IS DISTINCT FROM NEW.kind
    OR OLD.reason IS DISTINCT FROM NEW.reason OR OLD.status_code IS DISTINCT FROM NEW.status_code
    OR OLD.domain IS DISTINCT FROM NEW.domain)
  EXECUTE FUNCTION bounce_daily_count();

DROP INDEX bounces_date_cover;
DROP INDEX bounces_kind_type;
