// `rebound backup [--force] FILE`: a consistent copy of the database, safe while rebound runs
// (src/store/backup.ts). Restoring is the README's "Backups and upgrades": stop, copy back,
// start.

import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { backupDatabase, BackupTargetExists } from '../store/backup.ts';
import { openDatabase } from '../store/db.ts';

const USAGE = `usage: rebound backup [--force] FILE   copy the database to FILE (0600) while rebound runs;
                                      an existing FILE is replaced only with --force
`;

export async function run(args: string[]): Promise<number> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (rest.length !== 1 || unknown) {
    if (unknown && unknown !== '--help' && unknown !== '-h') process.stderr.write(`rebound backup: unknown option "${unknown}"\n`);
    process.stderr.write(USAGE);
    return unknown === '--help' || unknown === '-h' ? 0 : 2;
  }
  const config = loadConfig();
  if (!existsSync(config.dbPath)) {
    process.stderr.write(`rebound backup: there is no database at ${config.dbPath} (DATA_DIR, DB_FILE)\n`);
    return 1;
  }
  // Read-only: a backup neither migrates nor writes the database it copies.
  const db = openDatabase(config.dbPath, { readonly: true });
  try {
    const r = await backupDatabase(db, rest[0]!, { force });
    process.stdout.write(`backup written: ${r.file} (${r.pages} pages, ${(r.bytes / 1048576).toFixed(1)} MB, ${r.ms} ms)\n`);
    return 0;
  } catch (err) {
    if (err instanceof BackupTargetExists) {
      process.stderr.write(`rebound backup: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}
