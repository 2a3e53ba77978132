// The daily summary: figures from a real store filled through the real ingestor, mailed to a
// real smtp-server sink on 127.0.0.1:2592, and `rebound summary` run as a process.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Env } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { createNoticePlanner } from '../../src/notify/notices.ts';
import { createNotifier } from '../../src/notify/notifier.ts';
import { previousUtcDay } from '../../src/core/utc-day.ts';
import { sendDailySummary } from '../../src/notify/summary.ts';
import { openConfiguredStore } from '../../src/store/data-files.ts';
import type { Store } from '../../src/store/store.ts';
import { storeEnvOf } from '../harness/app-env.ts';
import type { BounceRow } from '../../src/store/bounces.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';
import { waitFor } from '../harness/ports.ts';
import { delayed450, dsn } from './dsn-fixtures.ts';

const SINK_PORT = 2592;
const DEAD_PORT = 2590;
const DAY = '2026-11-20';
const CLI = path.join(import.meta.dirname, '../../src/cli.ts');

let sink: SmtpSink;
const dirs: string[] = [];
const stores: Store[] = [];

beforeAll(async () => {
  sink = await startSmtpSink({ port: SINK_PORT });
});
afterAll(async () => {
  await sink?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  sink.clear();
});

/** The settings of an instance on `dir` (and its database, on the PostgreSQL run). */
async function env(dir: string, extra: Env = {}): Promise<Env> {
  return {
    DATA_DIR: dir,
    ...(await storeEnvOf(dir)),
    SMTP_SERVER: '127.0.0.1',
    SMTP_PORT: String(SINK_PORT),
    NOTIFY_FROM: 'rebound@app.test',
    NOTIFY_CC: 'ops@example.org',
    NOTIFY_CC_TEST: 'tester@example.org',
    PUBLIC_URL: 'https://rebound.example.org',
    ...extra,
  };
}

/** A store holding a known day: 3 hard bounces and a delay on DAY, one bounce each side of it,
 * and every hard bounce's notice failing (the relay refused the connection). */
async function filledStore(): Promise<{ dir: string; store: Store }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-summary-'));
  dirs.push(dir);
  const config = loadConfig(await env(dir, { SMTP_PORT: String(DEAD_PORT) }), dir);
  const store = openConfiguredStore(config);
  await store.ready();
  stores.push(store);
  const notifier = createNotifier({ config, store, log: silentLogger() });
  const ingestor = createIngestor({ store, log: silentLogger(), planNotices: createNoticePlanner(config) });
  const at = (iso: string) => new Date(iso);
  const inputs: [Buffer, string][] = [
    [dsn({ tag: 's-before', failed: 'early@mx-reject.test' }), '2026-11-19T23:59:59.999Z'],
    [dsn({ tag: 's-1', failed: 'a@mx-reject.test' }), `${DAY}T00:00:00.000Z`],
    [dsn({ tag: 's-2', failed: 'b@mx-reject.test' }), `${DAY}T12:30:00.000Z`],
    [dsn({ tag: 's-3', failed: 'c@other.test' }), `${DAY}T23:59:59.999Z`],
    [Buffer.from(delayed450, 'latin1'), `${DAY}T08:00:00.000Z`],
    [dsn({ tag: 's-after', failed: 'late@mx-reject.test' }), '2026-11-21T00:00:00.000Z'],
  ];
  for (const [raw, when] of inputs) await ingestor.ingest({ raw, source: 'import', receivedAt: at(when) });
  await notifier.sendDue();
  await notifier.stop();
  return { dir, store };
}

/** The figures computed the plain way, from every row, for comparison. */
function countBy(rows: BounceRow[], key: (r: BounceRow) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}
const asRecord = (counts: { key: string; n: number }[]) => Object.fromEntries(counts.map((c) => [c.key, c.n]));

describe('the daily summary', () => {
  it("counts exactly the day's rows by status, reason, hard/soft and domain, and lists the failing notices", async () => {
    const { dir, store } = await filledStore();
    const config = loadConfig(await env(dir), dir);
    const out = await sendDailySummary({ config, store, log: silentLogger(), date: DAY, dryRun: true });

    const all = await store.sql.all<BounceRow>('SELECT * FROM bounces');
    const recorded = all.filter((r) => r.date.startsWith(DAY));
    expect(recorded).toHaveLength(4);
    // The delay warning is recorded but is no bounce: only the count by kind shows it.
    const day = recorded.filter((r) => r.kind === 'bounce' && (r.bounce_type === 'hard' || r.bounce_type === 'soft'));
    expect(day).toHaveLength(3);
    const f = out.figures;
    expect(f.total).toBe(3);
    expect(asRecord(f.byStatus)).toEqual(countBy(day, (r) => r.status));
    expect(asRecord(f.byReason)).toEqual(countBy(day, (r) => r.reason));
    expect(asRecord(f.byBounceType)).toEqual(countBy(day, (r) => r.bounce_type));
    expect(asRecord(f.byBounceType)).toMatchObject({ hard: 3 });
    expect(asRecord(f.byKind)).toEqual({ bounce: 3, delay: 1 });
    expect(f.topDomains[0]).toEqual({ key: 'mx-reject.test', n: 2 });
    expect(asRecord(f.topDomains)).toEqual(countBy(day, (r) => r.domain));
    // Five hard bounces in all had a notice; the relay refused every one, whatever the day.
    expect(f.failingTotal).toBe(5);
    expect(f.failing.every((n) => n.state === 'failed' && /ECONNREFUSED|connect/i.test(n.lastError))).toBe(true);
  });

  it('mails the summary to NOTIFY_CC with the figures and a link to the dashboard', async () => {
    const { dir, store } = await filledStore();
    const config = loadConfig(await env(dir), dir);
    const out = await sendDailySummary({ config, store, log: silentLogger(), date: DAY });
    expect(out.sent).toBe(true);
    const [m] = await sink.waitForMessages(1);
    expect(m!.envelope.to).toEqual(['ops@example.org']);
    const mail = await simpleParser(m!.raw);
    expect(mail.subject).toBe(`rebound daily summary ${DAY}: 3 bounces`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    // The loop marker: a bounce of the summary is recorded but never notified.
    expect(mail.headers.get('x-rebound-notice')).toBe(`summary ${DAY}`);
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    expect(mail.text).toContain('Bounces recorded: 3');
    expect(mail.text).toMatch(/by kind \(delays, auto-replies and complaints are not bounces\):\n\s+bounce: 3\n\s+delay: 1/);
    expect(mail.text).toMatch(/hard: 3/);
    expect(mail.text).toMatch(/mx-reject\.test: 2/);
    expect(mail.text).toContain('Notices still failing: 5');
    expect(mail.text).toContain('https://rebound.example.org');
    expect(String(mail.html)).toContain('href="https://rebound.example.org"');
    // Each failing notice links to its bounce's page.
    expect(String(mail.html)).toMatch(/href="https:\/\/rebound\.example\.org\/bounces\/\d+"/);
  });

  it('says an empty day in one line, and goes only to NOTIFY_CC_TEST in test mode', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-summary-'));
    dirs.push(dir);
    const config = loadConfig(await env(dir, { TEST_MODE: 'true' }), dir);
    const store = openConfiguredStore(config);
    await store.ready();
    stores.push(store);
    const out = await sendDailySummary({ config, store, log: silentLogger(), date: '2026-01-01' });
    expect(out.rendered.text.trim()).toBe('No bounces on 2026-01-01 (UTC). Dashboard: https://rebound.example.org');
    const [m] = await sink.waitForMessages(1);
    expect(m!.envelope.to).toEqual(['tester@example.org']);
  });

  it('is about the previous UTC day by default', () => {
    expect(previousUtcDay(new Date('2026-11-21T00:00:00.000Z'))).toBe('2026-11-20');
    expect(previousUtcDay(new Date('2026-03-01T23:59:59.000Z'))).toBe('2026-02-28');
  });
});

describe('rebound summary', () => {
  const run = promisify(execFile);
  const cli = (args: string[], e: Env) =>
    run(process.execPath, [CLI, 'summary', ...args], { env: { PATH: process.env.PATH, ...e }, timeout: 20_000 });

  it('prints the summary with --dry-run and sends nothing', async () => {
    const { dir } = await filledStore();
    const { stdout } = await cli(['--dry-run', '--date', DAY], await env(dir));
    expect(stdout).toContain(`Subject: rebound daily summary ${DAY}: 3 bounces`);
    expect(stdout).toContain('To: ops@example.org');
    expect(stdout).toContain('Bounces recorded: 3');
    expect(sink.messages).toHaveLength(0);
  });

  it('sends it without --dry-run', async () => {
    const { dir } = await filledStore();
    const { stdout } = await cli([`--date=${DAY}`], await env(dir));
    expect(stdout).toContain(`summary for ${DAY} sent to ops@example.org`);
    await waitFor('summary at the sink', () => sink.messages.length === 1);
  });

  it('refuses a date that is not a date, with the usage', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-summary-'));
    dirs.push(dir);
    const err = await cli(['--date', '2026-02-30'], await env(dir)).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toContain('--date "2026-02-30" is not a date');
    expect(err?.stderr).toContain('usage: rebound summary');
  });

  it('exits 75 and says why when the relay cannot be reached', async () => {
    const { dir } = await filledStore();
    const err = await cli(['--date', DAY], await env(dir, { SMTP_PORT: String(DEAD_PORT) })).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(75);
    expect(err?.stderr).toMatch(/not sent \(temporary\): relay 127\.0\.0\.1:2590/);
  });
});
