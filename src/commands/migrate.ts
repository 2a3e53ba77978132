// `rebound migrate [--database-url URL]`: brings the store's schema up to date and says
// which migrations it applied. SQLite in DATA_DIR (as every start does anyway), or PostgreSQL
// when DATABASE_URL (or --database-url) names one: src/store/migrations/postgres/, under an
// advisory lock, so two instances or a start beside this command migrate once.

import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { loadConfig, maskDatabaseUrl, parseDatabaseUrl } from '../config.ts';
import { errorText } from '../errors.ts';
import { listMigrations, openDatabase } from '../store/db.ts';
import { connectPostgres } from '../store/pg/connect.ts';
import { migratePostgres, postgresSchemaVersion } from '../store/pg/migrate.ts';
import { parseCommandArgs } from './usage.ts';

const USAGE = `usage: rebound migrate [--database-url postgres://USER@HOST/DATABASE]
  Applies the schema migrations rebound has not yet applied and names each one.
  Without --database-url: DATABASE_URL when set (PostgreSQL), else SQLite in DATA_DIR.
`;

export async function run(args: string[]): Promise<number> {
  const options = parseCommandArgs('migrate', args, { 'database-url': { type: 'string' } }, USAGE);
  if (typeof options === 'number') return options;
  const config = loadConfig();
  const given = options['database-url'];
  const databaseUrl = given !== undefined ? parseDatabaseUrl('--database-url', given.trim()) : config.databaseUrl;
  if (databaseUrl) return migrateOnPostgres(databaseUrl);

  const file = config.dbPath;
  let before = 0;
  if (existsSync(file)) {
    const peek = new Database(file, { readonly: true, fileMustExist: true });
    try {
      before = peek.pragma('user_version', { simple: true }) as number;
    } finally {
      peek.close();
    }
  }
  const db = openDatabase(file);
  const after = db.pragma('user_version', { simple: true }) as number;
  db.close();
  const applied = listMigrations().filter((m) => m.version > before && m.version <= after);
  for (const m of applied) process.stdout.write(`applied ${m.name}\n`);
  process.stdout.write(`SQLite ${file}: schema version ${after}${applied.length === 0 ? ', already up to date' : ''}\n`);
  return 0;
}

async function migrateOnPostgres(url: string): Promise<number> {
  const where = maskDatabaseUrl(url);
  let client;
  try {
    client = await connectPostgres(url);
  } catch (err) {
    process.stderr.write(`rebound migrate: cannot connect to PostgreSQL at ${where}: ${errorText(err)}\n`);
    return 1;
  }
  try {
    const applied = await migratePostgres(client);
    for (const name of applied) process.stdout.write(`applied ${name}\n`);
    const version = await postgresSchemaVersion(client);
    process.stdout.write(`PostgreSQL ${where}: schema version ${version}${applied.length === 0 ? ', already up to date' : ''}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`rebound migrate: ${errorText(err)}\n`);
    return 1;
  } finally {
    await client.end().catch(() => undefined);
  }
}
