// Applies src/store/migrations/postgres/NNN-name.sql, the PostgreSQL twins of the SQLite
// migrations (a test keeps both schemas in step). Applied versions are rows of
// schema_migrations; each migration runs in its own transaction with its row, so a failed
// one leaves nothing behind. Two instances starting at once: a session advisory lock makes
// the second wait, then find everything applied.

import type pg from 'pg';
import { fileURLToPath } from 'node:url';
import { listMigrations, type Migration } from '../db.ts';

export const PG_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/postgres/', import.meta.url));

/** pg_advisory_lock's key for "migrating rebound's schema" (any constant other code does not use). */
export const MIGRATION_LOCK_KEY = 0x7265626f; // "rebo" in ASCII

export function listPostgresMigrations(): Migration[] {
  return listMigrations(PG_MIGRATIONS_DIR);
}

/**
 * Applies every migration not yet recorded in schema_migrations, in version order; returns
 * the names applied (none when the schema is up to date). A migration that fails is rolled
 * back and rethrown with its name; the ones before it stay applied.
 */
export async function migratePostgres(client: pg.ClientBase, migrations = listPostgresMigrations()): Promise<string[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version     integer PRIMARY KEY,
         name        text NOT NULL,
         applied_at  text NOT NULL
       )`,
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        (err as Error).message = `migration ${m.name}: ${(err as Error).message}`;
        throw err;
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
  }
}

/** The highest version recorded, 0 for a database rebound never migrated. */
export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!exists.rows[0]?.present) return 0;
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r.rows[0]?.v ?? 0;
}
