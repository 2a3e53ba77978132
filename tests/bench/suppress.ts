// Suppression lookups at 1,000,000 entries: how long Postfix waits for one answer. A client
// process (this one) asks a socketmap server process one key at a time over loopback TCP,
// as Postfix's socketmap client does, half of them listed addresses and half not, and the
// same client asks a bare netstring server (no lookup) side by side: the difference is what
// the lookup costs. Also the lookup alone, in process (SuppressionRepository.check).
//
// usage: node tests/bench/suppress.ts [--json] [--entries N]

import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/store.ts';
import { netstring } from '../../src/suppress/socketmap.ts';
import { elapsedMs, figure, loadNote, median, percentile, report, ROOT, round, say, type Figure } from './lib.ts';
import { waitMessage } from './processes.ts';

const argN = process.argv.indexOf('--entries');
const ENTRIES = argN > 0 ? Number(process.argv[argN + 1]) : 1_000_000;
const LOOKUPS = 20_000;
const WARMUP = 2_000;
/** The goal: one lookup answered in 1 ms or less at p99. */
const GOAL_P99_MS = 1;
const PORT_REBOUND = 27_440;
const PORT_BARE = 27_441;

const address = (i: number) => `user${i}@domain${i % 5000}.example`;

function seed(dbPath: string): number {
  const store = openStore(dbPath, { synchronous: 'normal' });
  const t0 = process.hrtime.bigint();
  const insert = store.db.prepare(
    `INSERT INTO suppressions (address, scope, reason, source, first_seen, last_seen, bounce_count, expires_at)
     VALUES (?, 'address', 'userunknown', 'bounce', ?, ?, 1, ?)`,
  );
  const now = new Date().toISOString();
  const later = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const BATCH = 100_000;
  for (let start = 0; start < ENTRIES; start += BATCH) {
    store.db.transaction(() => {
      for (let i = start; i < Math.min(ENTRIES, start + BATCH); i++) insert.run(address(i), now, now, i % 10 === 0 ? later : null);
    })();
  }
  const ms = elapsedMs(t0);
  store.close();
  return ms;
}

async function inProcess(dbPath: string): Promise<{ p50: number; p99: number; max: number }> {
  const store = openStore(dbPath, { synchronous: 'normal' });
  const now = new Date();
  const times: number[] = [];
  for (let i = 0; i < WARMUP + LOOKUPS; i++) {
    const key = i % 2 ? address((i * 7919) % ENTRIES) : `nobody${i}@domain${i % 5000}.example`;
    const t0 = process.hrtime.bigint();
    const hit = await store.suppressions.check(key, now);
    const ms = elapsedMs(t0);
    if (Boolean(hit) !== Boolean(i % 2)) throw new Error(`wrong answer for ${key}`);
    if (i >= WARMUP) times.push(ms);
  }
  store.close();
  return { p50: median(times), p99: percentile(times, 99), max: Math.max(...times) };
}

/** Sequential lookups on one connection, as Postfix's socketmap client makes them. */
async function overSocket(port: number, expectHits: boolean): Promise<{ p50: number; p99: number; max: number }> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.setNoDelay(true);
  await new Promise<void>((r, j) => socket.once('connect', r).once('error', j));
  let buf = '';
  let waiting: ((s: string) => void) | undefined;
  socket.on('data', (d) => {
    buf += d.toString('latin1');
    const m = /^(\d+):/.exec(buf);
    if (m && buf.length >= m[0].length + Number(m[1]) + 1) {
      const reply = buf.slice(m[0].length, m[0].length + Number(m[1]));
      buf = buf.slice(m[0].length + Number(m[1]) + 1);
      waiting?.(reply);
    }
  });
  const times: number[] = [];
  for (let i = 0; i < WARMUP + LOOKUPS; i++) {
    const listed = i % 2 === 1;
    const key = listed ? address((i * 7919) % ENTRIES) : `nobody${i}@domain${i % 5000}.example`;
    const t0 = process.hrtime.bigint();
    const reply = await new Promise<string>((resolve) => {
      waiting = resolve;
      socket.write(netstring(`suppressed ${key}`));
    });
    const ms = elapsedMs(t0);
    if (expectHits && listed !== reply.startsWith('OK REJECT')) throw new Error(`wrong answer for ${key}: ${reply}`);
    if (i >= WARMUP) times.push(ms);
  }
  socket.destroy();
  return { p50: median(times), p99: percentile(times, 99), max: Math.max(...times) };
}

async function withServer<T>(mode: 'rebound' | 'bare', dbPath: string, port: number, fn: () => Promise<T>): Promise<T> {
  const child = fork(path.join(ROOT, 'tests/bench/suppress-server.ts'), [mode, dbPath, String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    await waitMessage(child, (m) => (m.ready ? true : undefined), 30_000, `starting the ${mode} socketmap server`);
    return await fn();
  } finally {
    child.send({ stop: true });
    await new Promise<void>((r) => {
      const t = setTimeout(() => (child.kill('SIGKILL'), r()), 5000);
      child.once('exit', () => (clearTimeout(t), r()));
    });
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-suppress-'));
  const dbPath = path.join(dir, 'bounces.db');
  const figures: Figure[] = [];
  try {
    say(`suppress: seeding ${ENTRIES} entries`);
    const seedMs = seed(dbPath);
    figures.push(figure(`seed ${ENTRIES} entries`, round(seedMs / 1000, 1), 's', undefined, 'one prepared INSERT, 100k-row transactions'));
    const local = await inProcess(dbPath);
    figures.push(
      figure(
        'lookup in process (check), p99',
        round(local.p99 * 1000, 1),
        'µs',
        undefined,
        `p50 ${round(local.p50 * 1000, 1)} µs, max ${round(local.max * 1000)} µs; ${LOOKUPS} lookups, half listed`,
      ),
    );
    const bare = await withServer('bare', dbPath, PORT_BARE, () => overSocket(PORT_BARE, false));
    const real = await withServer('rebound', dbPath, PORT_REBOUND, () => overSocket(PORT_REBOUND, true));
    figures.push(
      figure(
        'bare netstring server (no lookup), p99',
        round(bare.p99, 3),
        'ms',
        undefined,
        `p50 ${round(bare.p50, 3)} ms, max ${round(bare.max, 2)} ms; loopback TCP, one connection`,
      ),
    );
    figures.push(
      figure(
        `socketmap lookup at ${ENTRIES} entries, p99`,
        round(real.p99, 3),
        'ms',
        { atMost: GOAL_P99_MS },
        `p50 ${round(real.p50, 3)} ms, max ${round(real.max, 2)} ms; ${LOOKUPS} sequential lookups, half listed; ${loadNote()}`,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report('suppress', figures);
}

void main().catch((err: unknown) => {
  say(`suppress bench failed: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
