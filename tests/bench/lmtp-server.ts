// The listener under test, in a process of its own so its memory and event loop are its
// own: `rebound` runs rebound's real LMTP listener (src/intake/lmtp.ts) over the real
// ingest funnel and a real store in a temporary folder, logging at info to /dev/null as a
// service would to its journal; `bare` runs a bare smtp-server (lmtp: true) that reads
// each message and discards it, the transport's own ceiling.
//
// Talks to its parent over IPC: sends {ready, port} once listening; answers {cmd:'stats'}
// with memory and event-loop delay; {cmd:'reset-eld'} restarts the delay histogram;
// {cmd:'stop'} stops the listener and exits.
//
// usage (spawned by lmtp.ts and hostile.ts): node tests/bench/lmtp-server.ts rebound|bare DIR

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { createLmtpServer } from '../../src/intake/lmtp.ts';
import { createLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { createNoticePlanner } from '../../src/notify/notices.ts';
import { createNotifier } from '../../src/notify/notifier.ts';
import { announceSuppressionChanges, recordHooks } from '../../src/record-hooks.ts';
import { StatusBoard } from '../../src/status.ts';
import { sharedClassifierHeap } from '../../src/core/classify-thread.ts';
import { openStore } from '../../src/store/store.ts';
import { peakRssOfSelf } from './lib.ts';

export interface ServerStats {
  rss: number;
  peakRss: number;
  /** Event-loop delay since the last reset, ms. */
  eld: { p50: number; p99: number; max: number; mean: number };
  messages?: number;
  bounces?: number;
  /** Top-level transactions committed (ingest groups concurrent messages into one). */
  commits?: number;
  /** The longest ingest() call since the last reset (classify and commit, as LMTP waits for it). */
  slowestIngest?: { ms: number; size: number };
  /** CPU time used by the listener's process so far (user + system), ms. */
  cpuMs: number;
  /** V8 heap in use, and memory outside it (Buffers, native), bytes (the soak tells a leak from slack). */
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** Notices the listener's notifier sent (only with BENCH_SMTP_PORT). */
  noticesSent?: number;
  /** What made up the highest RSS sampled (every 100 ms), bytes: where the peak's memory is. */
  atPeak: MemorySample;
}

/**
 * One sample of the listener's memory: the main thread's V8 heap, memory outside it (Buffers),
 * the classify worker's V8 heap (0 when it is not running); the rest of the RSS is native:
 * code, SQLite's page cache, the allocator's free lists, thread stacks.
 */
export interface MemorySample {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  workerHeapTotal: number;
}

let atPeak: MemorySample = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0, workerHeapTotal: 0 };
let sampling = false;
const memorySampler = setInterval(() => {
  if (sampling) return;
  sampling = true;
  void sharedClassifierHeap()
    .then((worker) => {
      const m = process.memoryUsage();
      if (m.rss <= atPeak.rss) return;
      const { rss, heapTotal, heapUsed, external, arrayBuffers } = m;
      atPeak = { rss, heapTotal, heapUsed, external, arrayBuffers, workerHeapTotal: worker?.total ?? 0 };
    })
    .finally(() => (sampling = false));
}, 100);
memorySampler.unref();

const mode = process.argv[2];
const dir = process.argv[3];
if ((mode !== 'rebound' && mode !== 'bare') || !dir || !process.send) {
  process.stderr.write('usage: node tests/bench/lmtp-server.ts rebound|bare DIR (spawned with an IPC channel)\n');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });

const eld = monitorEventLoopDelay({ resolution: 5 });
eld.enable();

let stop: () => Promise<void>;
let port: number;
let counts: () => { messages: number; bounces: number } = () => ({ messages: 0, bounces: 0 });
let commits = 0;
let slowestIngest = { ms: 0, size: 0 };
let noticesSent: () => Promise<number> = () => Promise.resolve(0);

// Experiment only (never the default): load mailparser before the first message needs it.
if (process.env.BENCH_PRELOAD_MAILPARSER) await import('mailparser');

if (mode === 'rebound') {
  // Everything else as a real deployment has it (size limit, notices planned into the outbox).
  // BENCH_SMTP_PORT (the soak): notices are sent too, to a sink on that port.
  const smtpPort = process.env.BENCH_SMTP_PORT;
  const config = loadConfig(
    {
      DATA_DIR: dir,
      LMTP_LISTEN: '127.0.0.1:2424',
      NOTIFY_CC: process.env.BENCH_NOTIFY_CC ?? 'postmaster@example.com',
      ...(process.env.BENCH_NOTIFY_FROM ? { NOTIFY_FROM: process.env.BENCH_NOTIFY_FROM } : {}),
      ...(smtpPort ? { SMTP_SERVER: '127.0.0.1', SMTP_PORT: smtpPort } : {}),
    },
    dir,
  );
  const lmtpConfig = { ...config.lmtp, listen: [{ kind: 'tcp' as const, host: '127.0.0.1', port: 0, path: '' }] };
  const log = createLogger(
    process.env.BENCH_LOG_LEVEL ?? 'info',
    pino.destination({ dest: '/dev/null', sync: false }) as unknown as NodeJS.WritableStream,
  );
  const store = openStore(config.dbPath);
  // Experiments only (never the default): BENCH_PRAGMAS="wal_autocheckpoint=10000;synchronous=OFF".
  for (const p of (process.env.BENCH_PRAGMAS ?? '').split(';').filter(Boolean)) store.db.pragma(p);
  // Count the top-level transactions (ingest's grouped commits) to report the group size;
  // savepoints run on a transaction's own runner and are not counted.
  const transaction = store.sql.transaction.bind(store.sql);
  store.sql.transaction = ((body) => {
    commits++;
    return transaction(body);
  }) as typeof store.sql.transaction;
  const metrics = new Metrics();
  announceSuppressionChanges(store, config);
  const notifier = smtpPort ? createNotifier({ config, store, log, metrics }) : undefined;
  const ingestor = createIngestor({
    store,
    log: log.child({ component: 'ingest' }),
    trackingHeader: config.trackingHeader,
    planNotices: createNoticePlanner(config),
    // As the service has them (app.ts): webhook events and the suppression list.
    recordHooks: recordHooks(config),
    onCommitted: (r) => {
      if (r.bounceIds.length > 0) notifier?.kick();
    },
  });
  noticesSent = async () => (await metrics.noticesSent.get()).values[0]?.value ?? 0;
  // Time each ingest (classify + grouped commit), to tell the listener's own time from the wire's.
  const timedIngestor = {
    ...ingestor,
    async ingest(input: Parameters<typeof ingestor.ingest>[0]) {
      const t0 = performance.now();
      try {
        return await ingestor.ingest(input);
      } finally {
        const ms = performance.now() - t0;
        if (ms > slowestIngest.ms) slowestIngest = { ms, size: input.raw.length };
      }
    },
  };
  const lmtp = createLmtpServer({ config: lmtpConfig, ingestor: timedIngestor, log, board: new StatusBoard(), metrics });
  await lmtp.start();
  port = Number(lmtp.addresses()[0]!.split(':').pop());
  const countMessages = store.db.prepare('SELECT COUNT(*) FROM messages').pluck();
  const countBounces = store.db.prepare('SELECT COUNT(*) FROM bounces').pluck();
  counts = () => ({ messages: countMessages.get() as number, bounces: countBounces.get() as number });
  stop = async () => {
    await lmtp.stop(2000);
    await ingestor.drain();
    await notifier?.stop();
    store.close();
  };
} else {
  const server = new SMTPServer({
    lmtp: true,
    name: 'bare.localdomain',
    disableReverseLookup: true,
    logger: false,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    size: 64 * 1024 * 1024,
    onData(stream, _session, cb) {
      stream.on('data', () => {});
      stream.on('end', () => cb(null, 'discarded'));
    },
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  port = (server.server.address() as { port: number }).port;
  stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
}

const ms = (ns: number) => ns / 1e6;
process.on('message', (msg: { cmd: string }) => void answer(msg));

async function answer(msg: { cmd: string }): Promise<void> {
  if (msg.cmd === 'stats') {
    const sent = await noticesSent();
    const stats: ServerStats = {
      rss: process.memoryUsage.rss(),
      peakRss: peakRssOfSelf(),
      eld: { p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max), mean: ms(eld.mean) },
      ...counts(),
      commits,
      slowestIngest,
      cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
      heapUsed: process.memoryUsage().heapUsed,
      heapTotal: process.memoryUsage().heapTotal,
      external: process.memoryUsage().external,
      noticesSent: sent,
      atPeak,
    };
    process.send!({ stats });
  } else if (msg.cmd === 'gc') {
    // Only with --expose-gc (the soak): a full collection, to tell retained data from slack.
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ gcDone: true });
  } else if (msg.cmd === 'reset-eld') {
    eld.reset();
    slowestIngest = { ms: 0, size: 0 };
    process.send!({ reset: true });
  } else if (msg.cmd === 'stop') {
    void stop().finally(() => {
      process.send!({ stopped: true }, () => process.exit(0));
    });
  }
}
process.on('disconnect', () => process.exit(0));
process.send({ ready: true, port, dir: path.resolve(dir) });
