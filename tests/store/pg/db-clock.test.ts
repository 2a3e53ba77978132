// dbClock's SQLite expressions (the PostgreSQL ones run in once-only.test.ts): the same
// spelling as Date.toISOString(), so a lease written with them compares as text with every
// other stored time, and after(ttl) lies ttl milliseconds past now.

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dbClock } from '../../../src/store/sql/db-clock.ts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('dbClock on SQLite', () => {
  it('spells now and now + ttl as toISOString() does', () => {
    const db = new Database(':memory:');
    try {
      const c = dbClock('sqlite');
      const row = db.prepare(`SELECT ${c.now} AS now, ${c.after('ttlMs')} AS later`).get({ ttlMs: 90_500 }) as {
        now: string;
        later: string;
      };
      expect(row.now).toMatch(ISO);
      expect(row.later).toMatch(ISO);
      expect(Math.abs(Date.parse(row.now) - Date.now())).toBeLessThan(5_000);
      expect(Date.parse(row.later) - Date.parse(row.now)).toBe(90_500);
    } finally {
      db.close();
    }
  });

  it('refuses a parameter name that is not one', () => {
    expect(() => dbClock('postgres').after('ttl; DROP TABLE leases')).toThrow(/not a parameter name/);
    expect(() => dbClock('sqlite').after('1x')).toThrow(/not a parameter name/);
  });
});
