// A store for tests that need one and are not about SQLite itself (WAL, backup, file identity:
// those open SQLite directly). Today SQLite in a temporary folder, or in memory; the one place
// to point such tests at another engine (PostgreSQL) later.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenOptions } from '../../src/store/db.ts';
import { openStore, type SqliteStore } from '../../src/store/store.ts';

export interface TestStoreOptions extends OpenOptions {
  /** A database in memory instead of a file in a temporary folder. */
  memory?: boolean;
}

export interface TestStore extends SqliteStore {
  /** Closes the store and deletes what it left on disk. */
  dispose(): void;
}

export function openTestStore(opts: TestStoreOptions = {}): TestStore {
  const { memory, ...open } = opts;
  if (memory) {
    const store = openStore(':memory:', open);
    return { ...store, dispose: () => store.close() };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-test-store-'));
  const store = openStore(path.join(dir, 'bounces.db'), open);
  return {
    ...store,
    dispose() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
