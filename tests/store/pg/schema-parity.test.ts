// The two engines' schemas stay in step: every SQLite migration has a PostgreSQL twin of the
// same name, and a fresh database migrated on each holds the same tables, the same columns
// (name, kind of value, NULL or not), the same primary keys, and the same named indexes and
// triggers. `rebound copy` moves rows by column name and resumes by primary key, so a column
// or key missing on one side would lose data there; a missing index makes a query slow.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/store/db.ts';
import { connectPostgres } from '../../../src/store/pg/connect.ts';
import { migratePostgres, PG_MIGRATIONS_DIR } from '../../../src/store/pg/migrate.ts';
import { startPostgres, type Postgres } from '../../harness/postgres.ts';

const SQLITE_MIGRATIONS_DIR = fileURLToPath(new URL('../../../src/store/migrations/', import.meta.url));

interface Column {
  name: string;
  kind: string;
  notNull: boolean;
}
interface Schema {
  tables: Record<string, { columns: Column[]; primaryKey: string[] }>;
  indexes: string[];
  triggers: string[];
}

/** The kind of value a column holds, named alike for both engines' types. */
function kindOfSqlite(declared: string): string {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (t.includes('CHAR') || t.includes('TEXT') || t.includes('CLOB')) return 'text';
  if (t === '' || t.includes('BLOB')) return 'bytes';
  return 'real';
}
function kindOfPostgres(dataType: string): string {
  if (['bigint', 'integer', 'smallint'].includes(dataType)) return 'integer';
  if (['text', 'character varying', 'character'].includes(dataType)) return 'text';
  if (dataType === 'bytea') return 'bytes';
  if (['double precision', 'real', 'numeric'].includes(dataType)) return 'real';
  return `(${dataType}: no SQLite counterpart)`;
}

function sqliteSchema(db: Db): Schema {
  const tables: Schema['tables'] = {};
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of names) {
    const info = db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`).all(table) as {
      name: string;
      type: string;
      notnull: number;
      pk: number;
    }[];
    tables[table] = {
      // An INTEGER PRIMARY KEY is the rowid: never NULL, though pragma says notnull 0.
      columns: info
        .map((c) => ({ name: c.name, kind: kindOfSqlite(c.type), notNull: c.notnull === 1 || c.pk > 0 }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
    };
  }
  const named = (type: string) =>
    (db.prepare('SELECT name FROM sqlite_master WHERE type = ? AND sql IS NOT NULL ORDER BY name').pluck().all(type) as string[]).sort();
  return { tables, indexes: named('index'), triggers: named('trigger') };
}

async function postgresSchema(client: pg.Client): Promise<Schema> {
  const tables: Schema['tables'] = {};
  const cols = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'`,
  );
  for (const c of cols.rows) {
    (tables[c.table_name] ??= { columns: [], primaryKey: [] }).columns.push({
      name: c.column_name,
      kind: kindOfPostgres(c.data_type),
      notNull: c.is_nullable === 'NO',
    });
  }
  for (const t of Object.values(tables)) t.columns.sort((a, b) => a.name.localeCompare(b.name));
  const pks = await client.query<{ table_name: string; column_name: string }>(
    `SELECT k.table_name, k.column_name FROM information_schema.table_constraints c
       JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)
      WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema() AND k.table_name <> 'schema_migrations'
      ORDER BY k.table_name, k.ordinal_position`,
  );
  for (const k of pks.rows) tables[k.table_name]!.primaryKey.push(k.column_name);
  // Indexes made by CREATE INDEX, not the ones behind a PRIMARY KEY or UNIQUE constraint
  // (SQLite's sqlite_autoindex_* are left out for the same reason).
  const indexes = await client.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
        AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname`,
  );
  const triggers = await client.query<{ trigger_name: string }>(
    `SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE trigger_schema = current_schema() ORDER BY trigger_name`,
  );
  const sorted = (list: string[]) => [...list].sort();
  return {
    tables: Object.fromEntries(Object.entries(tables).sort(([a], [b]) => a.localeCompare(b))),
    indexes: sorted(indexes.rows.map((r) => r.indexname)),
    triggers: sorted(triggers.rows.map((r) => r.trigger_name)),
  };
}

describe('the PostgreSQL schema', () => {
  let server: Postgres;
  let client: pg.Client;
  let sqlite: Db;

  beforeAll(async () => {
    server = await startPostgres();
    client = await connectPostgres(await server.createDatabase('parity'));
    sqlite = openDatabase(':memory:');
  });
  afterAll(async () => {
    sqlite?.close();
    await client?.end();
    await server?.stop();
  });

  it('has a twin of the same name for every SQLite migration, and nothing else', () => {
    const sql = (dir: string) =>
      readdirSync(dir)
        .filter((f) => /^\d+-.*\.sql$/.test(f))
        .sort();
    expect(sql(PG_MIGRATIONS_DIR)).toEqual(sql(SQLITE_MIGRATIONS_DIR));
    expect(sql(SQLITE_MIGRATIONS_DIR).length).toBeGreaterThanOrEqual(9);
  });

  it('migrates a fresh database to the same tables, columns, keys, indexes and triggers as SQLite', async () => {
    const applied = await migratePostgres(client);
    expect(applied.length).toBe(readdirSync(PG_MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length);
    const expected = sqliteSchema(sqlite);
    const actual = await postgresSchema(client);
    expect(Object.keys(actual.tables)).toEqual(Object.keys(expected.tables));
    for (const table of Object.keys(expected.tables)) {
      expect({ table, ...actual.tables[table] }).toEqual({ table, ...expected.tables[table] });
    }
    expect(actual.indexes).toEqual(expected.indexes);
    expect(actual.triggers).toEqual(expected.triggers);
  });
});
