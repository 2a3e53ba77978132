// `rebound copy --from sqlite:PATH --to postgres://... [--resume]`: moves an installation's
// store to PostgreSQL without losing a row (src/store/pg/copy.ts), prints each table's row
// counts on both sides, and exits 1 when any differ.

import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, maskDatabaseUrl, parseDatabaseUrl } from '../config.ts';
import { errorText } from '../errors.ts';
import { connectPostgres } from '../store/pg/connect.ts';
import { CopyError, copySqliteToPostgres } from '../store/pg/copy.ts';
import { parseCommandArgs } from './usage.ts';

const USAGE = `usage: rebound copy [--from sqlite:PATH] [--to postgres://USER@HOST/DATABASE] [--resume]
  Copies every row of a SQLite store into a PostgreSQL database, migrating it first.
  --from    the SQLite file (default: DB_FILE in DATA_DIR)
  --to      the PostgreSQL database (default: DATABASE_URL); it must be empty
  --resume  continue an interrupted copy: rows already there (by primary key) are skipped
  Stop rebound first: rows it writes during the copy are not copied (a later --resume copies
  new rows, not changes to rows already copied).
`;

/** "sqlite:PATH", "sqlite://PATH" or "sqlite:///abs/path" to the file's path. */
export function sqlitePath(from: string): string | undefined {
  const m = /^sqlite:(?:\/\/(?=\/))?(.+)$/.exec(from);
  return m ? m[1] : undefined;
}

export async function run(args: string[]): Promise<number> {
  const options = parseCommandArgs(
    'copy',
    args,
    { from: { type: 'string' }, to: { type: 'string' }, resume: { type: 'boolean', default: false } },
    USAGE,
  );
  if (typeof options === 'number') return options;
  const config = loadConfig();
  const file = options.from === undefined ? config.dbPath : sqlitePath(options.from);
  if (file === undefined) {
    process.stderr.write(`rebound copy: --from takes sqlite:PATH\n${USAGE}`);
    return 2;
  }
  const url = options.to === undefined ? config.databaseUrl : parseDatabaseUrl('--to', options.to.trim());
  if (!url) {
    process.stderr.write(`rebound copy: say where to: --to postgres://... (or set DATABASE_URL)\n${USAGE}`);
    return 2;
  }
  const sourceFile = path.resolve(file);
  if (!existsSync(sourceFile)) {
    process.stderr.write(`rebound copy: no SQLite database at ${sourceFile}\n`);
    return 1;
  }

  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  let target;
  try {
    target = await connectPostgres(url);
  } catch (err) {
    source.close();
    process.stderr.write(`rebound copy: cannot connect to PostgreSQL at ${maskDatabaseUrl(url)}: ${errorText(err)}\n`);
    return 1;
  }
  try {
    process.stdout.write(`copying ${sourceFile} to ${maskDatabaseUrl(url)}${options.resume ? ' (resuming)' : ''}\n`);
    const report = await copySqliteToPostgres(source, target, {
      resume: options.resume,
      progress: (line) => process.stdout.write(`  ${line}\n`),
    });
    const perSecond = report.ms > 0 ? Math.round((report.rowsCopied * 1000) / report.ms) : report.rowsCopied;
    if (!report.ok) {
      const bad = report.tables.filter((t) => !t.ok).map((t) => t.table);
      process.stderr.write(`rebound copy: row counts differ in ${bad.join(', ')}: the copy is not complete\n`);
      return 1;
    }
    process.stdout.write(
      `done: ${report.rowsCopied} rows copied in ${(report.ms / 1000).toFixed(1)} s (${perSecond} rows/s); every table's rows counted on both sides\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(
      `rebound copy: ${errorText(err)}${err instanceof CopyError ? '' : '\n  (rows copied so far stay; run again with --resume)'}\n`,
    );
    return 1;
  } finally {
    source.close();
    await target.end().catch(() => undefined);
  }
}
