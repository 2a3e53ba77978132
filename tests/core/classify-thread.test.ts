// Large messages are classified on a worker thread (a real one), so a forged megabyte DSN
// does not hold the event loop: asserted by where the work ran, not by timing it.

import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifySync } from '../../src/core/classify.ts';
import { MAX_NESTING_DEPTH } from '../../src/core/mime.ts';
import { createThreadedClassifier, OFF_THREAD_BYTES, type ThreadedClassifier } from '../../src/core/classify-thread.ts';
import { forgedDsn } from '../notify/forged-dsn.ts';
import { waitFor } from '../harness/ports.ts';

const open: ThreadedClassifier[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

function classifier(opts?: Parameters<typeof createThreadedClassifier>[0]): ThreadedClassifier {
  const c = createThreadedClassifier(opts);
  open.push(c);
  return c;
}

const cc = Array.from({ length: 2000 }, (_, i) => `cc${i}@org.test`);
const big = forgedDsn({ tag: 'thread', failed: 2000, from: 'sales@org.test', cc });
const small = forgedDsn({ tag: 'small', failed: 1, from: 'sales@org.test', cc: ['a@org.test'] });

describe('classifying on a worker thread', () => {
  it('classifies a large forged DSN on the thread, with the same result as in place', async () => {
    expect(big.length).toBeGreaterThan(OFF_THREAD_BYTES);
    const c = classifier();
    const result = await c.classify(big, { envelopeRecipients: ['bounces@org.test'] });
    expect(c.offThread).toBe(1);
    expect(result).toEqual(classifySync(big, { envelopeRecipients: ['bounces@org.test'] }));
    expect(result.recipients).toHaveLength(500);
    expect(result.truncated?.length).toBeGreaterThan(0);
  });

  it('reads a message kept in shared memory on the thread without taking it from the caller', async () => {
    // How the LMTP listener keeps a large message (src/intake/received-bytes.ts).
    const shared = Buffer.from(new SharedArrayBuffer(big.length));
    big.copy(shared);
    const c = classifier();
    const post = vi.spyOn(Worker.prototype, 'postMessage');
    const result = await c.classify(shared, { envelopeRecipients: ['bounces@org.test'] });
    // Handed over as is: the same shared memory, nothing in a transfer list, no copy.
    const sent = post.mock.calls.map((call) => call as unknown as [{ raw?: Uint8Array }, unknown?]).find(([m]) => m.raw);
    post.mockRestore();
    expect(sent![0].raw!.buffer).toBe(shared.buffer);
    expect(sent![1]).toBeUndefined();
    expect(c.offThread).toBe(1);
    expect(result).toEqual(classifySync(big, { envelopeRecipients: ['bounces@org.test'] }));
    // Still the caller's to store: not moved away (a transfer would leave it empty).
    expect(shared.length).toBe(big.length);
    expect(shared.equals(big)).toBe(true);
  });

  it('classifies a small message in place', async () => {
    const c = classifier();
    const result = await c.classify(small);
    expect(c.offThread).toBe(0);
    expect(result.recipients.map((r) => r.address)).toEqual(['user1@victims.test']);
  });

  it('classifies in place when the thread does not answer in time, and loses nothing', async () => {
    const c = classifier({ timeoutMs: 1 });
    const result = await c.classify(big);
    expect(c.offThread).toBe(0);
    expect(result.recipients).toHaveLength(500);
    // The next large message gets a fresh thread.
    const again = classifier();
    expect((await again.classify(big)).recipients).toHaveLength(500);
    expect(again.offThread).toBe(1);
  });
});

/** The small DSN forwarded inline more times than the scanner nests: only mailparser finds its recipient. */
function nestedTooDeep(): Buffer {
  let raw = small.toString('latin1');
  // Each inline forward adds two levels (multipart/mixed, message/rfc822).
  for (let i = 0; i < MAX_NESTING_DEPTH / 2; i++) {
    raw = [
      `From: desk${i}@support.test`,
      `Subject: Fwd: ${i}`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="fwd-${i}"`,
      '',
      `--fwd-${i}`,
      'Content-Type: text/plain',
      '',
      'See the message below.',
      `--fwd-${i}`,
      'Content-Type: message/rfc822',
      'Content-Disposition: inline',
      '',
      raw,
      `--fwd-${i}--`,
      '',
    ].join('\r\n');
  }
  return Buffer.from(raw, 'latin1');
}
const byMailparser = (c: { recipients: { decidedBy: string[] }[] }) => c.recipients.some((r) => r.decidedBy.includes('parser:mailparser'));

describe('a small message the scanner cannot read whole', () => {
  it('goes to the thread for the full parse, so the main thread never loads mailparser', async () => {
    const raw = nestedTooDeep();
    expect(raw.length).toBeLessThan(OFF_THREAD_BYTES);
    expect(classifySync(raw).recipients).toEqual([]); // the scanner alone finds nobody
    const c = classifier();
    const result = await c.classify(raw);
    expect(c.offThread).toBe(1);
    expect(result.recipients.map((r) => r.address)).toEqual(['user1@victims.test']);
    expect(byMailparser(result)).toBe(true);
  });

  it('is read in place when the thread does not answer, and loses nothing', async () => {
    const c = classifier({ timeoutMs: 1 });
    const result = await c.classify(nestedTooDeep());
    expect(c.offThread).toBe(0);
    expect(result.recipients.map((r) => r.address)).toEqual(['user1@victims.test']);
    expect(byMailparser(result)).toBe(true);
  });
});

describe("the worker thread's memory", () => {
  it('stops the worker once idle, so its heap goes back, and starts a new one for the next large message', async () => {
    const c = classifier({ idleMs: 50 });
    await c.classify(big);
    expect(c.running).toBe(true);
    await waitFor('the idle worker stopped', () => !c.running || undefined, { tries: 100, intervalMs: 20 });
    expect((await c.classify(big)).recipients).toHaveLength(500);
    expect(c.started).toBe(2);
    expect(c.offThread).toBe(2);
  });
});
