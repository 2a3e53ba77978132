import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.ts';
import { walSync } from '../../src/store/wal-sync.ts';
import { onSqlite } from '../harness/test-store.ts';

// SQLite's WAL file: PostgreSQL's COMMIT is durable when answered.
describe.skipIf(!onSqlite)('the WAL durability barrier', () => {
  it('flushes the WAL of a real database and resolves', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'rebound-wal-')), 'bounces.db');
    const store = openStore(file);
    await store.settings.set('k', 'v');
    await expect(store.durable()).resolves.toBeUndefined();
    store.close();
  });

  it('shares one flush among callers that arrive while it runs, and starts one more for them', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'rebound-wal-')), 'bounces.db');
    const store = openStore(file);
    await store.settings.set('k', 'v');
    const barrier = walSync(`${file}-wal`);
    const first = barrier.sync();
    const later = [barrier.sync(), barrier.sync(), barrier.sync()];
    // The three that came while the first ran share the next flush, not the first.
    expect(later[0]).toBe(later[1]);
    expect(later[1]).toBe(later[2]);
    expect(later[0]).not.toBe(first);
    await Promise.all([first, ...later]);
    await barrier.close();
    store.close();
  });

  it('treats a missing WAL file as nothing to flush', async () => {
    const barrier = walSync(path.join(os.tmpdir(), 'no-such-dir-rebound', 'x.db-wal'));
    await expect(barrier.sync()).resolves.toBeUndefined();
  });
});
