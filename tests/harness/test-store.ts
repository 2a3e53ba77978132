// A store for tests that need one and are not about SQLite itself (WAL, backup, file identity:
// those open SQLite directly). The engine is the run's (REBOUND_TEST_ENGINE, pg-suite.ts):
// SQLite in a temporary folder (or in memory), or a fresh migrated database of the run's one
// private PostgreSQL. A test that is about SQLite alone reads `store.db` (undefined on
// PostgreSQL) and skips itself with `onSqliteOnly`.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenOptions } from '../../src/store/db.ts';
import type { SqlParams } from '../../src/store/sql/driver.ts';
import { openPostgresStore, openStore, type Store } from '../../src/store/store.ts';
import { dropDatabase, freshDatabaseUrl, testEngine } from './pg-suite.ts';

export interface TestStoreOptions extends OpenOptions {
  /** SQLite: a database in memory instead of a file in a temporary folder. */
  memory?: boolean;
}

export interface TestStore extends Store {
  /** Closes the store and deletes what it left (the folder, or the PostgreSQL database). */
  dispose(): Promise<void>;
}

/** True when this run's stores are SQLite: for `it.skipIf(!onSqlite)` on a test about SQLite alone. */
export const onSqlite = testEngine() === 'sqlite';

export async function openTestStore(opts: TestStoreOptions = {}): Promise<TestStore> {
  if (!onSqlite) {
    const url = await freshDatabaseUrl();
    const store = openPostgresStore(url);
    await store.ready();
    return {
      ...store,
      async dispose() {
        await store.close();
        await dropDatabase(url);
      },
    };
  }
  const { memory, ...open } = opts;
  if (memory) {
    const store = openStore(':memory:', open);
    return { ...store, dispose: async () => store.close() };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-test-store-'));
  const store = openStore(path.join(dir, 'bounces.db'), open);
  return {
    ...store,
    async dispose() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One value of a one-row, one-column query, through the driver (both engines). */
export async function scalar<T = number>(store: Store, sql: string, params?: SqlParams): Promise<T> {
  const row = await store.sql.get<Record<string, T>>(sql, params);
  if (!row) throw new Error(`no row: ${sql}`);
  return Object.values(row)[0]!;
}

/**
 * `count` stores on one database, as that many rebound processes have it (each its own
 * connection or pool); dispose() of each closes it, and the last also deletes the database.
 */
export async function openSharedTestStores(count: number): Promise<TestStore[]> {
  let open = count;
  let remove: () => Promise<void>;
  let openOne: () => Store;
  if (!onSqlite) {
    const url = await freshDatabaseUrl();
    openOne = () => openPostgresStore(url, { poolSize: 3 });
    remove = () => dropDatabase(url);
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-test-stores-'));
    openOne = () => openStore(path.join(dir, 'bounces.db'));
    remove = async () => rmSync(dir, { recursive: true, force: true });
  }
  const stores: TestStore[] = [];
  for (let i = 0; i < count; i++) {
    const store = openOne();
    await store.ready();
    stores.push({
      ...store,
      async dispose() {
        await store.close();
        if (--open === 0) await remove();
      },
    });
  }
  return stores;
}

/**
 * The store an app or a `rebound` command given these settings works on (DATABASE_URL from
 * storeEnv() when set, else bounces.db in DATA_DIR), opened beside it as another process
 * would, to read what it wrote. close() it; it deletes nothing.
 */
export async function openStoreOf(env: { DATA_DIR: string; DATABASE_URL?: string }): Promise<Store> {
  const store = env.DATABASE_URL ? openPostgresStore(env.DATABASE_URL) : openStore(path.join(env.DATA_DIR, 'bounces.db'));
  await store.ready();
  return store;
}
