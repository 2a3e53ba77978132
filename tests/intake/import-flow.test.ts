// How many messages an import keeps in flight: enough for ingest's grouped commits to fill,
// bounded by count and by bytes so memory stays flat. The ingestor here is a stand-in that
// holds each message until the test lets it go (what is tested is the import's own flow
// control; the real ingest path is in import.test.ts and import-resume.test.ts).

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ingestor } from '../../src/ingest.ts';
import { IMPORT_CONCURRENCY, IMPORT_IN_FLIGHT_BYTES, importPath } from '../../src/intake/import.ts';

function mbox(file: string, sizes: number[]): void {
  const parts = sizes.map((n, i) => `From MAILER-DAEMON Sat Nov 21 10:00:00 2026\nSubject: m${i}\n\n${'x'.repeat(n)}\n\n`);
  writeFileSync(file, parts.join(''));
}

/** An ingestor that holds every message until released; records the most held at once. */
function holdingIngestor() {
  const held: (() => void)[] = [];
  let heldBytes = 0;
  const most = { count: 0, bytes: 0 };
  const ingestor = {
    ingest({ raw }: { raw: Buffer }) {
      heldBytes += raw.length;
      return new Promise((resolve) => {
        held.push(() => {
          heldBytes -= raw.length;
          resolve({ outcome: 'Skipped', bounces: [] });
        });
        most.count = Math.max(most.count, held.length);
        most.bytes = Math.max(most.bytes, heldBytes);
      });
    },
  } as unknown as Ingestor;
  // Lets the held messages go, a few at a time, once the import has stopped handing over
  // new ones (so it reaches its bound first), until it is done.
  async function releaseUntil(done: Promise<unknown>): Promise<void> {
    let finished = false;
    void done.finally(() => (finished = true));
    let quiet = 0;
    let seen = -1;
    for (let rounds = 0; !finished && rounds < 1_000_000; rounds++) {
      await new Promise((r) => setTimeout(r, 0));
      quiet = held.length === seen ? quiet + 1 : 0;
      seen = held.length;
      if (quiet >= 5) for (const release of held.splice(0, 7)) release();
    }
  }
  return { ingestor, most, releaseUntil };
}

describe('import flow control', () => {
  it('keeps at most IMPORT_CONCURRENCY small messages in flight, and reaches that many', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'rebound-import-flow-')), 'small.mbox');
    const count = IMPORT_CONCURRENCY * 3;
    mbox(
      file,
      Array.from({ length: count }, () => 100),
    );
    const { ingestor, most, releaseUntil } = holdingIngestor();
    const importing = importPath(file, { ingestor });
    await releaseUntil(importing);
    const totals = await importing;
    expect(totals).toMatchObject({ read: count, skipped: count, failed: 0 });
    expect(most.count).toBe(IMPORT_CONCURRENCY);
  });

  it('holds fewer large messages at once, by their bytes', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'rebound-import-flow-')), 'large.mbox');
    const size = 4 * 1024 * 1024;
    const count = 20;
    mbox(
      file,
      Array.from({ length: count }, () => size),
    );
    const { ingestor, most, releaseUntil } = holdingIngestor();
    const importing = importPath(file, { ingestor });
    await releaseUntil(importing);
    expect(await importing).toMatchObject({ read: count, failed: 0 });
    // Reading stops once the bytes in flight reach the bound: at most the bound plus the one
    // message that crossed it.
    expect(most.bytes).toBeLessThan(IMPORT_IN_FLIGHT_BYTES + size + 1024);
    expect(most.count).toBeLessThanOrEqual(Math.ceil(IMPORT_IN_FLIGHT_BYTES / size) + 1);
    expect(most.count).toBeGreaterThan(1);
  });
});
