// A daily summary whose run did not finish (its instance died mid-send, or the relay refused
// it) is sent again by a later retry pass (src/jobs/scheduler.ts, migration 016), once. Real
// timers, the run's store engine and a real smtp-server sink on a free loopback port.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createScheduler, type Scheduler } from '../../src/jobs/scheduler.ts';
import { createLogger, silentLogger, type Logger } from '../../src/log.ts';
import type { Store } from '../../src/store/store.ts';
import { freePort, sleep } from '../harness/ports.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';
import { openSharedTestStores, openTestStore, type TestStore } from '../harness/test-store.ts';

let sink: SmtpSink;
let dir: string;
const open: TestStore[] = [];
const running: Scheduler[] = [];

beforeAll(async () => {
  sink = await startSmtpSink({ port: await freePort() });
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-summary-retake-'));
});
afterEach(async () => {
  for (const s of running.splice(0)) s.stop();
  await sleep(200); // a pass that had started finishes before its store closes
  for (const s of open.splice(0)) await s.dispose();
  sink.accept();
  sink.clear();
});
afterAll(async () => {
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// The retry pass every second; the summary's own time never comes during a test.
const config = () =>
  loadConfig(
    {
      DATA_DIR: dir,
      SMTP_SERVER: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      NOTIFY_CC: 'ops@example.org',
      NOTIFY_FROM: 'rebound@example.org',
      RETRY_CRON: '* * * * * *',
      SUMMARY_CRON: '0 0 1 1 *',
    },
    dir,
  );

// The last midnight UTC: its summary is of the day before.
const DAY = 86_400_000;
const PERIOD = new Date(Math.floor(Date.now() / DAY) * DAY).toISOString();
const SUMMARY_SUBJECT = `rebound daily summary ${new Date(Date.parse(PERIOD) - DAY).toISOString().slice(0, 10)}: no bounces`;

/** An unfinished run of PERIOD's summary claimed by `holder`, started `agoMs` ago. */
async function unfinishedRun(store: Store, holder: string, agoMs: number): Promise<void> {
  expect(await store.leases.claimPeriod('summary', PERIOD, holder)).toBe(true);
  await store.sql.run('UPDATE job_runs SET started_at = ? WHERE job = ?', [new Date(Date.now() - agoMs).toISOString(), 'summary']);
}

function start(store: Store, holder: string, log: Logger = silentLogger(), summaryRetakeMs?: number): Scheduler {
  const scheduler = createScheduler({
    config: config(),
    store,
    log,
    holder,
    notifier: { sendDue: async () => ({ sent: 0, failed: 0 }) },
    ...(summaryRetakeMs !== undefined ? { summaryRetakeMs } : {}),
  });
  running.push(scheduler);
  scheduler.start();
  return scheduler;
}

function jsonLog(): { log: Logger; lines: { msg: string; job?: string; period?: string }[] } {
  const lines: { msg: string; job?: string; period?: string }[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as (typeof lines)[number]);
      cb();
    },
  });
  return { log: createLogger('info', out), lines };
}

const subjectOf = (raw: Buffer) => /^Subject: (.*)$/m.exec(raw.toString())?.[1];
const messageIdOf = (raw: Buffer) => /^Message-ID: (.*)$/im.exec(raw.toString())?.[1];

describe('a daily summary whose run did not finish', () => {
  it('is sent by the next retry pass when its instance died while sending, for its own day, once', async () => {
    const store = await openTestStore();
    open.push(store);
    await unfinishedRun(store, 'host-dead:1:dead', 60 * 60_000);
    const { log, lines } = jsonLog();
    start(store, 'host-b:2:bbbb', log);
    const [mail] = await sink.waitForMessages(1, 8000);
    expect(subjectOf(mail!.raw)).toBe(SUMMARY_SUBJECT);
    expect(mail!.envelope.to).toEqual(['ops@example.org']);
    expect(messageIdOf(mail!.raw)).toMatch(/^<rebound\.summary\.[0-9a-z]+\.[0-9a-f]{12}@example\.org>$/);
    // The store's own random id: another installation's summary of the same day is another mail.
    expect(messageIdOf(mail!.raw)).toContain(`.${await store.settings.get('summary.installation_id')}@`);
    expect(lines.filter((l) => l.msg.includes('did not go out')).map((l) => l.period)).toEqual([PERIOD]);
    // Finished: later passes leave it alone.
    await sleep(2500);
    expect(sink.messages).toHaveLength(1);
    const row = await store.sql.get<{ holder: string; done_at: string | null }>('SELECT holder, done_at FROM job_runs WHERE job = ?', [
      'summary',
    ]);
    expect(row?.holder).toBe('host-b:2:bbbb');
    expect(row?.done_at).not.toBeNull();
  });

  it('is not taken from an instance that is still sending it (started less than the retake time ago)', async () => {
    const store = await openTestStore();
    open.push(store);
    await unfinishedRun(store, 'host-a:1:aaaa', 1000);
    start(store, 'host-b:2:bbbb'); // the default retake time, 15 minutes
    await sleep(2500);
    // The retry passes ran (they are what would retake it), and left it alone.
    expect(await store.sql.get('SELECT holder FROM job_runs WHERE job = ?', ['retry'])).toEqual({ holder: 'host-b:2:bbbb' });
    expect(sink.messages).toHaveLength(0);
    expect(await store.sql.get('SELECT holder FROM job_runs WHERE job = ?', ['summary'])).toEqual({ holder: 'host-a:1:aaaa' });
  });

  it('is tried again while the relay refuses it, and goes out once when the relay takes mail again', async () => {
    const store = await openTestStore();
    open.push(store);
    await unfinishedRun(store, 'host-a:1:aaaa', 60 * 60_000);
    sink.refuse(451, 'try again later');
    const { log, lines } = jsonLog();
    start(store, 'host-a:1:aaaa', log, 1000);
    const deadline = Date.now() + 8000;
    while (sink.refusals < 2 && Date.now() < deadline) await sleep(100);
    expect(sink.refusals).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.msg === 'job failed' && l.job === 'summary')).toBe(true);
    sink.accept();
    const [mail] = await sink.waitForMessages(1, 8000);
    expect(subjectOf(mail!.raw)).toBe(SUMMARY_SUBJECT);
    await sleep(2500);
    expect(sink.messages).toHaveLength(1);
  });

  it('is sent once when two instances share the store', async () => {
    const [a, b] = await openSharedTestStores(2);
    open.push(a!, b!);
    await unfinishedRun(a!, 'host-dead:1:dead', 60 * 60_000);
    start(a!, 'host-a:1:aaaa');
    start(b!, 'host-b:2:bbbb');
    await sink.waitForMessages(1, 8000);
    await sleep(2500);
    expect(sink.messages).toHaveLength(1);
  });

  it('is not taken once it is more than a day and a half old', async () => {
    const store = await openTestStore();
    open.push(store);
    const old = new Date(Date.parse(PERIOD) - 2 * DAY).toISOString();
    expect(await store.leases.claimPeriod('summary', old, 'host-dead:1:dead')).toBe(true);
    await store.sql.run('UPDATE job_runs SET started_at = ? WHERE job = ?', [old, 'summary']);
    expect(await store.leases.retakeUnfinished('summary', 'host-b:2:bbbb', 0)).toBeUndefined();
    // The same run a day younger is still taken.
    await store.sql.run('UPDATE job_runs SET period = ? WHERE job = ?', [PERIOD, 'summary']);
    expect(await store.leases.retakeUnfinished('summary', 'host-b:2:bbbb', 0)).toBe(PERIOD);
  });

  it('is never taken when it finished, and a new period starts unfinished', async () => {
    const store = await openTestStore();
    open.push(store);
    await unfinishedRun(store, 'host-a:1:aaaa', 60 * 60_000);
    await store.leases.finishPeriod('summary', PERIOD);
    expect(await store.leases.retakeUnfinished('summary', 'host-b:2:bbbb', 0)).toBeUndefined();
    // The next day's run: claimed anew, unfinished until it says so.
    const next = new Date(Date.parse(PERIOD) + DAY).toISOString();
    expect(await store.leases.claimPeriod('summary', next, 'host-a:1:aaaa')).toBe(true);
    expect(await store.sql.get('SELECT period, done_at FROM job_runs WHERE job = ?', ['summary'])).toEqual({ period: next, done_at: null });
  });
});
