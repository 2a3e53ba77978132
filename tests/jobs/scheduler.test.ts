// The croner jobs: real timers, a real store and a real smtp-server sink on 127.0.0.1:2593;
// 127.0.0.1:2597 is a port where nothing listens (a relay that is down).
// The retry job's delivery after an outage is proven in tests/notify/notifier.test.ts.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createScheduler } from '../../src/jobs/scheduler.ts';
import { createLogger, silentLogger } from '../../src/log.ts';
import { createNotifier } from '../../src/notify/notifier.ts';
import { openConfiguredStore } from '../../src/store/data-files.ts';
import type { Store } from '../../src/store/store.ts';
import { storeEnvOf } from '../harness/app-env.ts';
import { openTestStore } from '../harness/test-store.ts';
import { sleep, waitFor } from '../harness/ports.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';

const SINK_PORT = 2593;
const DEAD_PORT = 2597;
let sink: SmtpSink;
let dir: string;

beforeAll(async () => {
  sink = await startSmtpSink({ port: SINK_PORT });
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-jobs-'));
});
afterAll(async () => {
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const baseEnv = async () => ({
  DATA_DIR: dir,
  ...(await storeEnvOf(dir)),
  SMTP_SERVER: '127.0.0.1',
  SMTP_PORT: String(SINK_PORT),
  NOTIFY_CC: 'ops@example.org',
});

/** The store the configuration names (DATA_DIR's file, or DATABASE_URL on the PostgreSQL run). */
async function storeOf(config: Parameters<typeof openConfiguredStore>[0]): Promise<Store> {
  const store = openConfiguredStore(config);
  await store.ready();
  return store;
}

describe('the scheduler', () => {
  it('plans the daily summary for midnight UTC and the retry job every 30 minutes by default', async () => {
    const config = loadConfig(await baseEnv(), dir);
    const store = await storeOf(config);
    const scheduler = createScheduler({ config, store, log: silentLogger(), notifier: { sendDue: async () => ({ sent: 0, failed: 0 }) } });
    try {
      scheduler.start();
      const next = scheduler.nextRuns();
      expect(next.summary).toMatch(/T00:00:00\.000Z$/);
      expect(next.retry).toMatch(/T\d\d:(00|30):00\.000Z$/);
    } finally {
      scheduler.stop();
      await store.close();
    }
    expect(scheduler.nextRuns()).toEqual({ retry: null, summary: null });
  });

  it('keeps to UTC on a machine whose local time zone is far from it', async () => {
    // The jobs use a fixed offset of 0, not the process's time zone (scheduler.ts).
    const config = loadConfig(await baseEnv(), dir);
    const store = await storeOf(config);
    const scheduler = createScheduler({ config, store, log: silentLogger(), notifier: { sendDue: async () => ({ sent: 0, failed: 0 }) } });
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Chatham'; // UTC+12:45 or +13:45
    try {
      scheduler.start();
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBeLessThan(-700); // the zone really is in force
      expect(scheduler.nextRuns().summary).toMatch(/T00:00:00\.000Z$/);
      expect(scheduler.nextRuns().retry).toMatch(/T\d\d:(00|30):00\.000Z$/);
    } finally {
      scheduler.stop();
      await store.close();
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('sends the daily summary on SUMMARY_CRON and the retry pass on RETRY_CRON, and nothing after stop()', async () => {
    const config = loadConfig({ ...(await baseEnv()), SUMMARY_CRON: '* * * * * *', RETRY_CRON: '* * * * * *' }, dir);
    const store = await storeOf(config);
    let passes = 0;
    const scheduler = createScheduler({
      config,
      store,
      log: silentLogger(),
      notifier: { sendDue: async () => (passes++, { sent: 0, failed: 0 }) },
    });
    try {
      scheduler.start();
      const [m] = await sink.waitForMessages(1, 5000);
      expect(m!.envelope.to).toEqual(['ops@example.org']);
      expect(m!.raw.toString()).toMatch(/Subject: rebound daily summary \d{4}-\d\d-\d\d: no bounces/);
      expect(passes).toBeGreaterThan(0);
    } finally {
      scheduler.stop();
    }
    // Let a send that had started finish, then nothing more may come.
    await sleep(300);
    const seen = sink.messages.length;
    const passesSeen = passes;
    await sleep(1500);
    expect(sink.messages.length).toBe(seen);
    expect(passes).toBe(passesSeen);
    await store.close();
  });

  it('logs a job that fails (the relay down for the summary, the store closed under the retry pass) and runs it again at its next time', async () => {
    const config = loadConfig(
      { ...(await baseEnv()), SMTP_PORT: String(DEAD_PORT), SUMMARY_CRON: '* * * * * *', RETRY_CRON: '* * * * * *' },
      dir,
    );
    const lines: { level: number; msg: string; job?: string; err?: { message?: string } }[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as (typeof lines)[number]);
        cb();
      },
    });
    const log = createLogger('info', out);
    const store = await storeOf(config);
    // The notifier's own store is closed: every send pass throws.
    const closed = await openTestStore();
    await closed.dispose();
    const notifier = createNotifier({ config, store: closed, log });
    const scheduler = createScheduler({ config, store, log, notifier });
    const failures = (job: string) => lines.filter((l) => l.msg === 'job failed' && l.job === job);
    try {
      scheduler.start();
      await waitFor('each job to fail twice', () => failures('summary').length >= 2 && failures('retry').length >= 2, {
        tries: 100,
        intervalMs: 100,
      });
    } finally {
      scheduler.stop();
      await notifier.stop();
      await store.close();
    }
    expect(failures('summary')[0]!.err?.message).toMatch(new RegExp(`relay 127\\.0\\.0\\.1:${DEAD_PORT}: .*ECONNREFUSED`));
    // Each engine's words for it.
    expect(failures('retry')[0]!.err?.message).toMatch(/database connection is not open|the store is closed/);
  });

  it('runs each period of each job once when two instances share the store, whichever fires first', async () => {
    const shared = mkdtempSync(path.join(os.tmpdir(), 'rebound-jobs-shared-'));
    const config = loadConfig(
      { ...(await baseEnv()), DATA_DIR: shared, ...(await storeEnvOf(shared)), SUMMARY_CRON: '* * * * * *', RETRY_CRON: '* * * * * *' },
      shared,
    );
    const runs: { job: string; holder: string; second: number }[] = [];
    const stores = [await storeOf(config), await storeOf(config)];
    const instances = ['host-a:1:aaaa', 'host-b:2:bbbb'].map((holder, n) => {
      const store = stores[n]!;
      const scheduler = createScheduler({
        config,
        store,
        log: silentLogger(),
        holder,
        notifier: {
          sendDue: async () => (runs.push({ job: 'retry', holder, second: Math.floor(Date.now() / 1000) }), { sent: 0, failed: 0 }),
        },
        sendSummary: async () => runs.push({ job: 'summary', holder, second: Math.floor(Date.now() / 1000) }),
      });
      return { store, scheduler };
    });
    try {
      for (const i of instances) i.scheduler.start();
      await sleep(3500);
    } finally {
      for (const i of instances) i.scheduler.stop();
    }
    await sleep(100);
    for (const i of instances) await i.store.close();
    rmSync(shared, { recursive: true, force: true });
    for (const job of ['summary', 'retry']) {
      const seconds = runs.filter((r) => r.job === job).map((r) => r.second);
      // Both timers fired every second; one run per second went ahead.
      expect(seconds.length).toBeGreaterThanOrEqual(3);
      expect(new Set(seconds).size).toBe(seconds.length);
    }
  });
});
