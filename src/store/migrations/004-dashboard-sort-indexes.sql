-- Indexes tuned with tests/bench/dashboard.ts on a million seeded rows (see tests/bench/RESULTS.md).
-- Every index on bounces costs intake time (each one is another b-tree page written per
-- bounce), so this migration adds one index and replaces another.

-- The overview's top domains (WHERE date >= ? AND bounce_type IN ('hard','soft') GROUP BY
-- domain) read the table for every row through (bounce_type, date): ~0.5-0.8 s at 1M rows.
-- With domain in the index the query reads the index only. The new index also serves
-- everything the old one did (filter by type, sorted by date).
CREATE INDEX bounces_type_date_domain ON bounces (bounce_type, date, domain);
DROP INDEX bounces_type_date;

-- Sorting the list by status code had no index at all: a full sort of every row
-- (0.3-0.6 s at 1M rows).
CREATE INDEX bounces_status_code_date ON bounces (status_code, date);

-- bounces_date (date) stays although bounces_date_cover starts with date: the list's
-- default order (date DESC, id DESC) and its OFFSET walks need exactly (date, rowid), and
-- the narrow index makes a deep page ~10x cheaper (measured: last page of 1M rows 0.1 s
-- with it, 1.3 s without).
