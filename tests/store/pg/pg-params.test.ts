// The PostgreSQL driver's placeholder translation (`?` and `@name` to `$n`), on the statement
// shapes the repositories write (src/store/*.ts, src/suppress, src/api, src/webhooks), and on
// the places a `?` or an `@` is text: literals, identifiers, comments, dollar quotes, casts.
// The same statements run on a real PostgreSQL in postgres-driver.test.ts.

import { describe, expect, it } from 'vitest';
import { bindValues, translatePlaceholders } from '../../../src/store/sql/pg-params.ts';

const t = (sql: string) => translatePlaceholders(sql);

describe('translatePlaceholders', () => {
  it('numbers ? marks in order (a repository lookup and an update)', () => {
    expect(t('SELECT * FROM outbox WHERE id = ?')).toMatchObject({
      text: 'SELECT * FROM outbox WHERE id = $1',
      kind: 'positional',
      count: 1,
    });
    expect(
      t(
        "UPDATE outbox SET state = 'pending', next_attempt_at = ?, attempts = 0 WHERE bounce_id = ? AND state IN ('failed', 'problem', 'pending')",
      ).text,
    ).toBe(
      "UPDATE outbox SET state = 'pending', next_attempt_at = $1, attempts = 0 WHERE bounce_id = $2 AND state IN ('failed', 'problem', 'pending')",
    );
  });

  it('gives a named parameter used several times one number (the outbox claim)', () => {
    const claimable = "state IN ('pending', 'failed') AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)";
    const r = t(
      `UPDATE outbox SET claimed_by = @holder, claimed_until = @until
       WHERE id IN (SELECT id FROM outbox WHERE ${claimable} ORDER BY next_attempt_at, id LIMIT @limit FOR UPDATE SKIP LOCKED) AND ${claimable}
       RETURNING *`,
    );
    expect(r.names).toEqual(['holder', 'until', 'now', 'limit']);
    expect(r.text).toBe(
      `UPDATE outbox SET claimed_by = $1, claimed_until = $2
       WHERE id IN (SELECT id FROM outbox WHERE state IN ('pending', 'failed') AND next_attempt_at <= $3 AND (claimed_until IS NULL OR claimed_until < $3) ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) AND state IN ('pending', 'failed') AND next_attempt_at <= $3 AND (claimed_until IS NULL OR claimed_until < $3)
       RETURNING *`,
    );
  });

  it('leaves excluded.col and table.col alone in an upsert (the lease)', () => {
    const r = t(
      `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`,
    );
    expect(r.text).toBe(
      `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= $4`,
    );
  });

  it('reads keyset row comparisons and generated names (@k0, @k1) as the API list builds them', () => {
    const r = t('SELECT id FROM bounces WHERE date >= @from AND (date, id) < (@k0, @k1) ORDER BY date DESC, id DESC LIMIT @limit');
    expect(r.text).toBe('SELECT id FROM bounces WHERE date >= $1 AND (date, id) < ($2, $3) ORDER BY date DESC, id DESC LIMIT $4');
  });

  it('leaves ? and @ inside string literals, with doubled quotes, as text', () => {
    expect(t("SELECT 'it''s ? @x', ? FROM t WHERE email = 'a@b.example'").text).toBe(
      "SELECT 'it''s ? @x', $1 FROM t WHERE email = 'a@b.example'",
    );
    // E'' strings take backslash escapes: \' does not end them.
    expect(t("SELECT E'a\\'?@y', ?").text).toBe("SELECT E'a\\'?@y', $1");
    // In a standard string a backslash is a character: 'a\' ends at its quote.
    expect(t("SELECT 'a\\', ?").text).toBe("SELECT 'a\\', $1");
  });

  it('leaves quoted identifiers, comments and dollar quotes alone', () => {
    expect(t('SELECT "odd?""@col" FROM t WHERE x = ?').text).toBe('SELECT "odd?""@col" FROM t WHERE x = $1');
    expect(t('SELECT 1 -- is this ? @no\nWHERE a = ?').text).toBe('SELECT 1 -- is this ? @no\nWHERE a = $1');
    expect(t('SELECT /* ? /* nested @x */ still ? */ @a').text).toBe('SELECT /* ? /* nested @x */ still ? */ $1');
    expect(t('SELECT $$ ? @x $$, $tag$ ? $$ @y $tag$, @z').text).toBe('SELECT $$ ? @x $$, $tag$ ? $$ @y $tag$, $1');
  });

  it('reads casts, and @ operators that are not names', () => {
    expect(t('SELECT ?::text, x::bigint FROM t WHERE n = ?::int').text).toBe('SELECT $1::text, x::bigint FROM t WHERE n = $2::int');
    expect(t('SELECT @n::bigint, @ -5, a @> b').text).toBe('SELECT $1::bigint, @ -5, a @> b');
    // `$` inside an identifier is not a dollar quote.
    expect(t('SELECT a$b, ? FROM t').text).toBe('SELECT a$b, $1 FROM t');
  });

  it('refuses a statement that mixes ? and @name, and an unterminated literal', () => {
    expect(() => t('SELECT ? , @a')).toThrow(/mixes/);
    expect(() => t('SELECT @a , ?')).toThrow(/mixes/);
    expect(() => t("SELECT 'open")).toThrow(/unterminated string/);
    expect(() => t('SELECT "open')).toThrow(/unterminated quoted identifier/);
    expect(() => t('SELECT /* open')).toThrow(/unterminated/);
  });

  it('a statement with no placeholder is left as written', () => {
    expect(t("SELECT state, COUNT(*) AS n FROM outbox WHERE note <> '?' GROUP BY state")).toMatchObject({
      text: "SELECT state, COUNT(*) AS n FROM outbox WHERE note <> '?' GROUP BY state",
      kind: 'none',
    });
  });
});

describe('bindValues', () => {
  it('checks params as better-sqlite3 does', () => {
    const named = t('SELECT @a, @b');
    expect(bindValues(named, { a: 1, b: 'x', extra: 3 })).toEqual([1, 'x']);
    expect(bindValues(named, { a: 1, b: undefined })).toEqual([1, null]);
    expect(() => bindValues(named, { a: 1 })).toThrow('Missing named parameter "b"');
    expect(() => bindValues(named, [1, 2])).toThrow(/pass an object/);
    const pos = t('SELECT ?, ?');
    expect(() => bindValues(pos, [1])).toThrow('Too few parameter values were provided');
    expect(() => bindValues(pos, [1, 2, 3])).toThrow('Too many parameter values were provided');
    expect(() => bindValues(pos, { a: 1 })).toThrow(/pass a list/);
    expect(bindValues(t('SELECT 1'), undefined)).toEqual([]);
  });

  it('sends bigints as decimal text and bytes as a Buffer', () => {
    const [big, bytes, nil] = bindValues(t('SELECT ?, ?, ?'), [2n ** 60n, new Uint8Array([1, 2, 3]), null]);
    expect(big).toBe('1152921504606846976');
    expect(Buffer.isBuffer(bytes) && [...(bytes as Buffer)]).toEqual([1, 2, 3]);
    expect(nil).toBeNull();
  });
});
