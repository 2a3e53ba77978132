-- Indexes for the dashboard (src/store/bounce-queries.ts), so the overview and /metrics
-- read an index only, never the table, also with a million rows.
-- Overview counts, top domains and per-day counts: WHERE date >= ? with the grouped columns covered.
CREATE INDEX bounces_date_cover ON bounces (date, bounce_type, status, domain);
-- /metrics: bounces by kind and hard/soft.
CREATE INDEX bounces_kind_type ON bounces (kind, bounce_type);
