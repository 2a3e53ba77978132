// ingest() alone, in process, without LMTP: N corpus DSNs made unique, `concurrency` at a
// time through one ingestor over a real store in a temporary folder (DB_SYNCHRONOUS=full).
// Reports the process CPU per message, the messages per commit and the rate: a quieter
// figure than the end-to-end LMTP run for telling what a change to the write path gained.
//
// usage: node tests/bench/ingest-only.ts [COUNT] [CONCURRENCY]

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { createLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { createNoticePlanner } from '../../src/notify/notices.ts';
import { openStore } from '../../src/store/store.ts';
import { loadNote, MB, peakRssOfSelf } from './lib.ts';
import { messageFor, templates } from './lmtp-load.ts';

const count = Number(process.argv[2] ?? 4000);
const concurrency = Number(process.argv[3] ?? 8);
const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-ingest-only-'));
try {
  const config = loadConfig({ DATA_DIR: dir, NOTIFY_CC: 'postmaster@example.com' }, dir);
  const store = openStore(config.dbPath);
  // Experiments only (never the default): BENCH_PRAGMAS="cache_size=-32000;wal_autocheckpoint=0",
  // BENCH_SQL="DROP INDEX bounces_email_to" (run after the migrations).
  for (const p of (process.env.BENCH_PRAGMAS ?? '').split(';').filter(Boolean)) store.db.pragma(p);
  if (process.env.BENCH_SQL) store.db.exec(process.env.BENCH_SQL);
  const log = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }) as unknown as NodeJS.WritableStream);
  const metrics = new Metrics({ processMetrics: false });
  const ingestor = createIngestor({ store, log, planNotices: createNoticePlanner(config), trackingHeader: config.trackingHeader, metrics });
  const tpl = templates();
  const raws = Array.from({ length: count }, (_, i) =>
    Buffer.from(messageFor(tpl[i % tpl.length]!, i).replace(/\r\n\.\./g, '\r\n.'), 'latin1'),
  );
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < raws.length) {
        const raw = raws[next++]!;
        await ingestor.ingest({ raw, source: 'lmtp', envelopeTo: ['bounces@bench.example'] });
      }
    }),
  );
  await ingestor.drain();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const batches = (await metrics.commitBatchSize.get()).values.find((v) => v.metricName === 'rebound_commit_batch_size_count')!.value;
  process.stdout.write(
    `ingest-only: ${count} msgs × ${concurrency} concurrent: ${Math.round((count / ms) * 1000)} msg/s, CPU ${((cpu.user + cpu.system) / 1000 / count).toFixed(3)} ms/msg, ` +
      `${(count / batches).toFixed(1)} msgs per commit, peak RSS ${(peakRssOfSelf() / MB).toFixed(0)} MB; ${loadNote()}\n`,
  );
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
