// Large messages are classified on a worker thread: the same answer as in this thread, the
// event loop free meanwhile, and this thread's classify() when the worker is not there.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClassifyPool } from '../src/classify-worker/pool.ts';
import { classify } from '../src/core/classify.ts';

const POSTFIX = path.join(import.meta.dirname, 'fixtures/corpus/postfix');
const dsn = readFileSync(path.join(POSTFIX, 'dsn-remote-550.eml'));
/** The DSN with a returned body grown to ~2 MB: big enough for the worker. */
const big = Buffer.from(dsn.toString('latin1').replace('\r\n\r\n--5FD6D216E13', `\r\n${'filler line of the returned body\r\n'.repeat(60_000)}\r\n--5FD6D216E13`), 'latin1');

describe('classification of large messages off the event loop', () => {
  it('gives the same classification from the worker as in this thread, for a large message', async () => {
    expect(big.length).toBeGreaterThan(1_900_000);
    const pool = createClassifyPool(512 * 1024);
    try {
      const here = await classify(big, { envelopeRecipients: ['bounces@bounces.test'] });
      // The event loop keeps turning while the worker classifies.
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      const there = await pool.classify(big, { envelopeRecipients: ['bounces@bounces.test'] });
      clearInterval(timer);
      expect(there).toEqual(here);
      expect(there.recipients.map((r) => [r.address, r.reason])).toEqual([['hard-user@mx-reject.test', 'userunknown']]);
      expect(ticks).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('starts a new worker for the next large message after close(), and classifies small messages in this thread', async () => {
    const pool = createClassifyPool(1000);
    await pool.classify(big); // starts the worker
    await pool.close();
    // After close() the next large message starts a new worker; a small one never needs one.
    expect((await pool.classify(dsn)).recipients).toHaveLength(1);
    expect((await pool.classify(big)).recipients).toHaveLength(1);
    await pool.close();
  });

  it('falls back to this thread for a message whose worker is stopped mid-way', async () => {
    const pool = createClassifyPool(1000);
    const pending = pool.classify(big);
    await pool.close();
    expect((await pending).recipients.map((r) => r.reason)).toEqual(['userunknown']);
  });
});
