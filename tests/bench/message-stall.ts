// How long one message holds the event loop while ingest records it (issue 11, defect 1: no
// single message over 50 ms), in process over a real store (DB_SYNCHRONOUS=full) with the
// service's notice planner and record hooks: a 1 ms timer watches the loop, and the longest
// gap between its ticks during each ingest is the stall. An ordinary corpus DSN is the
// baseline in the same run. A tool, not a bench part: it prints its figures.
//
// usage: node tests/bench/message-stall.ts [RUNS]

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { createLogger } from '../../src/log.ts';
import { createNoticePlanner } from '../../src/notify/notices.ts';
import { recordHooks } from '../../src/record-hooks.ts';
import { openStore } from '../../src/store/store.ts';
import { forgedDsn } from '../notify/forged-dsn.ts';
import { loadNote } from './lib.ts';

const runs = Number(process.argv[2] ?? 5);
const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-stall-'));
const ROOT = path.resolve(import.meta.dirname, '../..');
try {
  const config = loadConfig({ DATA_DIR: dir, NOTIFY_CC: 'ops@org.test', NOTIFY_FROM: 'bounces@org.test' }, dir);
  const store = openStore(config.dbPath);
  const log = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }) as unknown as NodeJS.WritableStream);
  const ingestor = createIngestor({
    store,
    log,
    planNotices: createNoticePlanner(config),
    recordHooks: recordHooks(config),
    trackingHeader: config.trackingHeader,
  });
  const corpus = readFileSync(path.join(ROOT, 'tests/fixtures/corpus/postfix/dsn-remote-550.eml'), 'latin1');
  const cc = (n: number) => Array.from({ length: n }, (_, i) => `colleague${i}@org.test`);
  const kinds: [string, (i: number) => Buffer][] = [
    ['corpus DSN (baseline)', (i) => Buffer.from(corpus.replace(/Message-ID: <[^>]*>/i, `Message-ID: <stall-${i}@app.test>`), 'latin1')],
    ['forged DSN, 50 recipients, 200 Cc', (i) => forgedDsn({ failed: 50, from: 'sales@org.test', cc: cc(200), tag: `a${i}` })],
    ['forged DSN, 5,000 recipients, 5,000 Cc', (i) => forgedDsn({ failed: 5000, from: 'sales@org.test', cc: cc(5000), tag: `b${i}` })],
  ];
  for (const [name, make] of kinds) {
    const stalls: number[] = [];
    for (let i = 0; i < runs; i++) {
      const raw = make(i);
      let last = performance.now();
      let worst = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
      }, 1);
      await new Promise((r) => setTimeout(r, 20));
      worst = 0;
      last = performance.now();
      await ingestor.ingest({ raw, source: 'lmtp', envelopeTo: ['bounces@org.test'] });
      await new Promise((r) => setTimeout(r, 5));
      clearInterval(timer);
      stalls.push(worst);
    }
    stalls.sort((a, b) => a - b);
    process.stdout.write(
      `${name}: longest event-loop block per message, median ${stalls[Math.floor(stalls.length / 2)]!.toFixed(1)} ms, max ${stalls.at(-1)!.toFixed(1)} ms over ${runs} messages\n`,
    );
  }
  process.stdout.write(`${loadNote()}\n`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
