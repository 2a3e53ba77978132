// isUniqueViolation reads a unique-key race the same way on both engines: here SQLite's own
// errors (better-sqlite3); PostgreSQL's 23505 is made for real in postgres-driver.test.ts
// and once-only.test.ts.

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../../src/store/sql/pg-errors.ts';

function errorOf(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('isUniqueViolation', () => {
  it('is true for SQLite unique and primary-key violations, false for other constraint errors', () => {
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE m (id INTEGER PRIMARY KEY, sha TEXT NOT NULL UNIQUE, n INTEGER CHECK (n > 0))');
      db.prepare('INSERT INTO m (id, sha, n) VALUES (1, ?, 1)').run('a');
      expect(isUniqueViolation(errorOf(() => db.prepare('INSERT INTO m (id, sha, n) VALUES (2, ?, 1)').run('a')))).toBe(true);
      expect(isUniqueViolation(errorOf(() => db.prepare('INSERT INTO m (id, sha, n) VALUES (1, ?, 1)').run('b')))).toBe(true);
      expect(isUniqueViolation(errorOf(() => db.prepare('INSERT INTO m (id, sha, n) VALUES (3, ?, 0)').run('c')))).toBe(false);
      expect(isUniqueViolation(errorOf(() => db.prepare('INSERT INTO m (id, sha, n) VALUES (3, NULL, 1)').run()))).toBe(false);
    } finally {
      db.close();
    }
  });

  it('is false for anything that is not an error with a code', () => {
    expect(isUniqueViolation(undefined)).toBe(false);
    expect(isUniqueViolation(new Error('duplicate key'))).toBe(false);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
  });
});
