// The data folder and the database file, made private and checked before SQLite opens them.
// The database holds raw mail and the dashboard's password hash: the file (and so its -wal
// and -shm, which SQLite creates with the database file's mode) is 0600, a folder rebound
// creates is 0700. A folder or file that cannot be used stops the start with a message that
// names the path and the variable to change, not with a stack.

import { accessSync, chmodSync, closeSync, constants, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { openPostgresStore, openStore, type Store } from './store.ts';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (e?.code === 'EISDIR') return 'is a folder, not a file';
  if (e?.code === 'EROFS') return 'is on a read-only file system';
  if (e?.code === 'SQLITE_NOTADB') return 'is not a SQLite database';
  if (e?.code === 'SQLITE_CORRUPT') return 'is damaged (SQLITE_CORRUPT)';
  return e?.code ? `${e.code}: ${e.message}` : String((e as Error)?.message ?? e);
}

/**
 * Creates the folder (0700) and the database file (0600) when missing, tightens a database
 * file others can read, and a folder of this user's that others can enter (not a shared
 * folder such as /tmp, whose sticky bit says it is meant for everyone).
 */
export function prepareDataFiles(dbPath: string, folderVariable: string, fileVariable: string): void {
  const dir = path.dirname(dbPath);
  try {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    const s = statSync(dir);
    if (typeof process.getuid === 'function' && s.uid === process.getuid() && (s.mode & 0o077) !== 0 && (s.mode & 0o1000) === 0) {
      chmodSync(dir, DIR_MODE);
    }
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (err) {
    throw new ConfigError(folderVariable, `cannot use the data folder "${dir}": ${reason(err)}`);
  }
  try {
    closeSync(openSync(dbPath, constants.O_RDWR | constants.O_CREAT, FILE_MODE));
    if ((statSync(dbPath).mode & 0o077) !== 0) chmodSync(dbPath, FILE_MODE);
  } catch (err) {
    throw new ConfigError(fileVariable, `cannot use the database file "${dbPath}": ${reason(err)}`);
  }
}

/**
 * The store of DATABASE_URL (PostgreSQL; migrated by its ready()) when set, else of the
 * configured DATA_DIR and DB_FILE; a file or folder it cannot use is a ConfigError.
 */
export function openConfiguredStore(
  config: Pick<Config, 'dataDir' | 'dbPath' | 'dbSynchronous'> & Partial<Pick<Config, 'databaseUrl' | 'databasePoolSize'>>,
  log?: Pick<Logger, 'info' | 'warn'>,
): Store {
  if (config.databaseUrl) return openPostgresStore(config.databaseUrl, { poolSize: config.databasePoolSize, log });
  const folderVariable = path.dirname(config.dbPath) === config.dataDir ? 'DATA_DIR' : 'DB_FILE';
  prepareDataFiles(config.dbPath, folderVariable, 'DB_FILE');
  try {
    return openStore(config.dbPath, { synchronous: config.dbSynchronous, log });
  } catch (err) {
    throw new ConfigError('DB_FILE', `cannot open the database file "${config.dbPath}": ${reason(err)}`);
  }
}
