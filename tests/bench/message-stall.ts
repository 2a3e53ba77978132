// How long one message holds the event loop while ingest records it (issue 11, defect 1: no
// single message over 50 ms), in process over a real store (DB_SYNCHRONOUS=full) with the
// service's notice planner and record hooks: a 1 ms timer watches the loop, and the longest
// gap between its ticks during each ingest is the stall. An ordinary corpus DSN is the
// baseline in the same run. Beside it, the CPU time the main thread spent in each gap
// (process.threadCpuUsage), the heaviest gap by that time: on a loaded machine the
// wall-clock gap also holds the time the kernel gave other processes, the CPU time is what
// the message itself cost the loop.
// `npm run bench -- stall`.
//
// usage: node tests/bench/message-stall.ts [--json] [--runs N]

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
import { figure, loadNote, percentile, report, round, say, type Figure } from './lib.ts';

const GOAL_MS = 50;
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 20;
const figures: Figure[] = [];
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
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  for (const [name, make] of kinds) {
    const stalls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < runs; i++) {
      const raw = make(i);
      let last = performance.now();
      let lastCpu = process.threadCpuUsage();
      let worst = 0;
      let worstCpu = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        const cpu = process.threadCpuUsage();
        worst = Math.max(worst, now - last);
        // Chosen apart from the longest wall-clock gap: under load the scheduler decides
        // which gap is longest, the CPU time says which block was heaviest.
        worstCpu = Math.max(worstCpu, cpuMs(cpu) - cpuMs(lastCpu));
        last = now;
        lastCpu = cpu;
      }, 1);
      await new Promise((r) => setTimeout(r, 20));
      worst = 0;
      worstCpu = 0;
      last = performance.now();
      lastCpu = process.threadCpuUsage();
      await ingestor.ingest({ raw, source: 'lmtp', envelopeTo: ['bounces@org.test'] });
      await new Promise((r) => setTimeout(r, 5));
      clearInterval(timer);
      stalls.push(worst);
      cpus.push(worstCpu);
    }
    const p50 = percentile(stalls, 50);
    const p99 = percentile(stalls, 99);
    const cpu99 = percentile(cpus, 99);
    say(
      `stall: ${name}: longest event-loop block per message p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (heaviest block by main-thread CPU: p50 ${percentile(cpus, 50).toFixed(1)}, p99 ${cpu99.toFixed(1)} ms) over ${runs} messages; ${loadNote()}`,
    );
    const baseline = kinds[0]![0] === name;
    figures.push(
      figure(
        `${name}: longest block, p99`,
        round(p99, 1),
        'ms',
        baseline ? undefined : { atMost: GOAL_MS },
        `p50 ${p50.toFixed(1)} ms, ${runs} msgs; ${loadNote()}`,
      ),
      figure(
        `${name}: heaviest block's main-thread CPU, p99`,
        round(cpu99, 1),
        'ms',
        baseline ? undefined : { atMost: GOAL_MS },
        `p50 ${percentile(cpus, 50).toFixed(1)} ms`,
      ),
    );
  }
  store.close();
  report('stall', figures);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
