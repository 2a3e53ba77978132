// The notifier against a real SMTP server over TCP: an smtp-server sink on loopback (ports
// 2588-2590) that records the exact envelope. Bounces come in through the real ingestor from
// real Postfix DSNs (tests/fixtures/corpus/postfix), stored in a real SQLite file.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config, type Env } from '../../src/config.ts';
import { createIngestor, type Ingestor } from '../../src/ingest.ts';
import { createScheduler } from '../../src/jobs/scheduler.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { createMailer } from '../../src/notify/mailer.ts';
import { createNoticePlanner } from '../../src/notify/notices.ts';
import { createNotifier, type Notifier } from '../../src/notify/notifier.ts';
import { StatusBoard } from '../../src/status.ts';
import { openConfiguredStore } from '../../src/store/data-files.ts';
import type { Store } from '../../src/store/store.ts';
import { storeEnvOf } from '../harness/app-env.ts';
import { onSqlite } from '../harness/test-store.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';
import { waitFor } from '../harness/ports.ts';
import { dsn, dsnAbout } from './dsn-fixtures.ts';

const SINK_PORT = 2588;
const AUTH_SINK_PORT = 2589;
/** Nothing listens here: "connection refused". */
const DEAD_PORT = 2590;

let sink: SmtpSink;
let authSink: SmtpSink;
const dirs: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  sink = await startSmtpSink({ port: SINK_PORT });
  authSink = await startSmtpSink({ port: AUTH_SINK_PORT, auth: { user: 'rebound', pass: 's3cret' } });
});
afterAll(async () => {
  await sink?.stop();
  await authSink?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  sink.accept();
  sink.clear();
  authSink.clear();
});

interface Rig {
  dir: string;
  config: Config;
  store: Store;
  ingestor: Ingestor;
  notifier: Notifier;
  board: StatusBoard;
  metrics: Metrics;
  now: { t: number };
}

/** A store in a fresh temp dir, the real ingestor with the planner, and a notifier on a movable clock. */
async function rig(env: Env, opts: { dir?: string; plan?: boolean } = {}): Promise<Rig> {
  const dir = opts.dir ?? mkdtempSync(path.join(os.tmpdir(), 'rebound-notify-'));
  if (!opts.dir) dirs.push(dir);
  const config = loadConfig(
    {
      DATA_DIR: dir,
      ...(await storeEnvOf(dir)),
      SMTP_SERVER: '127.0.0.1',
      SMTP_PORT: String(SINK_PORT),
      NOTIFY_FROM: 'rebound@app.test',
      PUBLIC_URL: 'https://rebound.example.org',
      ...env,
    },
    dir,
  );
  const store = openConfiguredStore(config);
  await store.ready();
  const now = { t: Date.now() };
  const board = new StatusBoard();
  const metrics = new Metrics();
  const notifier = createNotifier({ config, store, log: silentLogger(), board, metrics, clock: () => new Date(now.t) });
  const ingestor = createIngestor({
    store,
    log: silentLogger(),
    // One clock for intake and notifier: a test moves time forward to pass the backoff.
    clock: () => new Date(now.t),
    ...(opts.plan === false ? {} : { planNotices: createNoticePlanner(config) }),
    onCommitted: (r) => {
      if (r.bounceIds.length > 0) notifier.kick();
    },
  });
  cleanups.push(async () => {
    await notifier.stop();
    await store.close();
  });
  return { dir, config, store, ingestor, notifier, board, metrics, now };
}

/**
 * Moves the rig's clock to `t`. On PostgreSQL a claim asks the database's clock, which no test
 * can move: there the notices due by the moved clock are made due by the database's too (their
 * next attempt set to the epoch), which is what the claim sees on SQLite.
 */
async function moveClock(r: Rig, t: number): Promise<void> {
  r.now.t = t;
  if (onSqlite) return;
  await r.store.sql.run(
    "UPDATE outbox SET next_attempt_at = '1970-01-01T00:00:00.000Z' WHERE state IN ('pending', 'failed') AND next_attempt_at <= ?",
    [new Date(t).toISOString()],
  );
}

const CC = 'Alice <alice@app.test>, bob@app.test, "Doe, Ops" <OPS@example.org>, hard-user@mx-reject.test, postmaster@app.test, <>';

async function ingestOne(r: Rig, raw: Buffer): Promise<number> {
  const res = await r.ingestor.ingest({ raw, source: 'lmtp', envelopeTo: ['bounces@app.test'] });
  expect(res.bounceIds).toHaveLength(1);
  return res.bounceIds[0]!;
}

const outboxOf = async (r: Rig, bounceId: number) => await r.store.outbox.forBounce(bounceId);

describe('bounce notices in normal mode', () => {
  it('reach exactly NOTIFY_CC plus the original Cc, never the failed address or postmaster', async () => {
    const r = await rig({ NOTIFY_CC: 'ops@example.org, lead@example.org' });
    const id = await ingestOne(r, dsn({ tag: 'normal-1', cc: CC }));
    const [m] = await sink.waitForMessages(1);
    expect(new Set(m!.envelope.to)).toEqual(new Set(['ops@example.org', 'lead@example.org', 'alice@app.test', 'bob@app.test']));
    expect(m!.envelope.to).toHaveLength(4);
    expect(m!.envelope.from).toBe('rebound@app.test');
    await waitFor('outbox row sent', async () => (await outboxOf(r, id))[0]?.state === 'sent');
    expect((await r.store.bounces.get(id))!.status).toBe('Processed');
    expect(r.board.get('relay')).toMatchObject({ ok: true });
    expect((await r.metrics.noticesSent.get()).values[0]?.value).toBe(1);
  });

  it('says who bounced and why in plain words, with the loop-safety headers and a dashboard link', async () => {
    const r = await rig({ NOTIFY_CC: 'ops@example.org' });
    const id = await ingestOne(r, dsn({ tag: 'content-1', subject: 'Quarterly report' }));
    const [m] = await sink.waitForMessages(1);
    const mail = await simpleParser(m!.raw);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-rebound-notice')).toBe(String(id));
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    expect(mail.from?.text).toBe('rebound@app.test');
    expect(mail.subject).toContain('hard-user@mx-reject.test');
    expect(mail.subject).toContain('Quarterly report');
    expect(mail.inReplyTo).toBe('<msg-content-1@app.test>');
    expect(mail.text).toContain('could not be delivered to hard-user@mx-reject.test');
    expect(mail.text).toContain('The mailbox does not exist');
    expect(mail.text).toContain('5.1.1');
    expect(mail.text).toContain('550');
    expect(mail.text).toContain('Recipient address');
    expect(mail.text).toContain('<msg-content-1@app.test>');
    expect(mail.text).toContain(`https://rebound.example.org/bounces/${id}`);
    expect(mail.html).toContain(`href="https://rebound.example.org/bounces/${id}"`);
  });

  it('escapes a <script> in the diagnostic text of the HTML part', async () => {
    const r = await rig({ NOTIFY_CC: 'ops@example.org' });
    await ingestOne(
      r,
      dsn({ tag: 'xss-1', diagnostic: '550 5.1.1 <script>alert("x")</script> user unknown', subject: '<img src=x onerror=alert(1)>' }),
    );
    const [m] = await sink.waitForMessages(1);
    const mail = await simpleParser(m!.raw);
    const html = String(mail.html);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The plain-text part shows the text as written: nothing there is markup.
    expect(mail.text).toContain('<script>alert("x")</script>');
  });

  it('logs in to the relay with SMTP_USER and SMTP_PASS when they are set', async () => {
    const r = await rig({ NOTIFY_CC: 'ops@example.org', SMTP_PORT: String(AUTH_SINK_PORT), SMTP_USER: 'rebound', SMTP_PASS: 's3cret' });
    const id = await ingestOne(r, dsn({ tag: 'auth-1' }));
    const [m] = await authSink.waitForMessages(1);
    expect(m!.user).toBe('rebound');
    expect(m!.envelope.to).toEqual(['ops@example.org']);
    await waitFor('sent', async () => (await outboxOf(r, id))[0]?.state === 'sent');
  });

  it("leaves the bounce retry_queued with the relay's answer when the password is wrong", async () => {
    const r = await rig({ NOTIFY_CC: 'ops@example.org', SMTP_PORT: String(AUTH_SINK_PORT), SMTP_USER: 'rebound', SMTP_PASS: 'wrong' });
    const id = await ingestOne(r, dsn({ tag: 'auth-2' }));
    const b = await waitFor('retry_queued', async () => {
      const row = (await r.store.bounces.get(id))!;
      return row.status === 'retry_queued' ? row : undefined;
    });
    expect(b.last_error).toContain('535');
    expect(b.retries).toBe(1);
    expect(authSink.messages).toHaveLength(0);
  });

  it('queues no notice when nobody is left to tell', async () => {
    const r = await rig({ NOTIFY_CC: '' });
    const id = await ingestOne(r, dsn({ tag: 'nobody-1', cc: 'hard-user@mx-reject.test, MAILER-DAEMON@app.test' }));
    expect(await outboxOf(r, id)).toEqual([]);
    expect((await r.store.bounces.get(id))!.status).toBe('Processed');
  });
});

describe('bounce notices in test mode', () => {
  it('reach exactly NOTIFY_CC_TEST and nobody else', async () => {
    const r = await rig({ TEST_MODE: 'true', NOTIFY_CC: 'ops@example.org', NOTIFY_CC_TEST: 'tester@example.org, qa@example.org' });
    const id = await ingestOne(r, dsn({ tag: 'testmode-1', cc: CC }));
    const [m] = await sink.waitForMessages(1);
    expect(new Set(m!.envelope.to)).toEqual(new Set(['tester@example.org', 'qa@example.org']));
    expect(m!.envelope.to).toHaveLength(2);
    await waitFor('sent', async () => (await outboxOf(r, id))[0]?.state === 'sent');
    expect((await outboxOf(r, id))[0]!.recipients).toBe('tester@example.org,qa@example.org');
  });

  it('sends a notice planned in normal mode only to NOTIFY_CC_TEST once test mode is on', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-notify-'));
    dirs.push(dir);
    const normal = await rig({ NOTIFY_CC: 'ops@example.org', SMTP_PORT: String(DEAD_PORT) }, { dir });
    const id = await ingestOne(normal, dsn({ tag: 'switch-1', cc: 'alice@app.test' }));
    await waitFor('retry_queued', async () => (await normal.store.bounces.get(id))!.status === 'retry_queued');
    await normal.notifier.stop();
    await normal.store.close();
    const test = await rig({ TEST_MODE: 'true', NOTIFY_CC_TEST: 'tester@example.org' }, { dir });
    await moveClock(test, Date.now() + 3_600_000);
    expect(await test.notifier.sendDue()).toEqual({ sent: 1, failed: 0 });
    expect(sink.messages.map((m) => m.envelope.to)).toEqual([['tester@example.org']]);
  });
});

describe('the retry queue', () => {
  for (const [label, env, prep, expected] of [
    ['answers 451', {}, () => sink.refuse(451), /451/],
    ['answers 554', {}, () => sink.refuse(554), /554/],
    ['refuses the connection', { SMTP_PORT: String(DEAD_PORT) }, () => {}, /ECONNREFUSED|connect/i],
  ] as const) {
    it(`leaves the bounce retry_queued when the relay ${label}, and the retry job delivers once it is back`, async () => {
      prep();
      const r = await rig({ NOTIFY_CC: 'ops@example.org', RETRY_CRON: '* * * * * *', ...env });
      const id = await ingestOne(r, dsn({ tag: `down-${label}` }));
      const b = await waitFor('retry_queued', async () => {
        const row = (await r.store.bounces.get(id))!;
        return row.status === 'retry_queued' ? row : undefined;
      });
      expect(b.last_error).toMatch(expected);
      expect(b.retries).toBe(1);
      const [row] = await outboxOf(r, id);
      expect(row).toMatchObject({ state: 'failed', attempts: 1 });
      expect(Date.parse(row!.next_attempt_at)).toBeGreaterThan(r.now.t);
      expect(r.board.get('relay')).toMatchObject({ ok: false });
      expect(sink.messages).toHaveLength(0);

      // The relay is back (the sink accepts; the dead port is swapped for the sink by a
      // notifier with the right port, as after a config fix and restart).
      sink.accept();
      let notifier = r.notifier;
      if ('SMTP_PORT' in env) {
        await r.notifier.stop();
        notifier = createNotifier({
          config: { ...r.config, smtp: { ...r.config.smtp, port: SINK_PORT } },
          store: r.store,
          log: silentLogger(),
          clock: () => new Date(r.now.t),
        });
        cleanups.push(() => notifier.stop());
      }
      // Before the backoff is over the job sends nothing; after it, it delivers.
      expect(await notifier.sendDue()).toEqual({ sent: 0, failed: 0 });
      await moveClock(r, r.now.t + 61_000);
      const scheduler = createScheduler({ config: r.config, notifier, store: r.store, log: silentLogger() });
      scheduler.start();
      cleanups.push(() => scheduler.stop());
      await sink.waitForMessages(1);
      await waitFor('Processed', async () => (await r.store.bounces.get(id))!.status === 'Processed');
      expect((await outboxOf(r, id))[0]).toMatchObject({ state: 'sent', attempts: 2, last_error: '' });
      expect(sink.messages).toHaveLength(1);
    });
  }

  it('marks the bounce Problem after RETRY_MAX retries, and a manual retry sends it once the relay works', async () => {
    sink.refuse(550);
    const r = await rig({ NOTIFY_CC: 'ops@example.org', RETRY_MAX: '2' });
    const id = await ingestOne(r, dsn({ tag: 'max-1' }));
    await waitFor('first failure', async () => (await outboxOf(r, id))[0]?.attempts === 1);
    for (let i = 0; i < 5; i++) {
      await moveClock(r, r.now.t + 24 * 3_600_000);
      await r.notifier.sendDue();
    }
    const b = (await r.store.bounces.get(id))!;
    expect(b.status).toBe('Problem');
    expect(b.retries).toBe(3);
    expect(b.last_error).toContain('550');
    expect((await outboxOf(r, id))[0]).toMatchObject({ state: 'problem', attempts: 3 });
    expect(sink.refusals).toBe(3);

    sink.accept();
    const res = await r.notifier.retry(id);
    expect(res.queued).toBe(true);
    expect(res.message).toContain('sent');
    expect(sink.messages).toHaveLength(1);
    expect((await r.store.bounces.get(id))!.status).toBe('Processed');
  });

  it('keeps a queued notice across a restart and delivers it with a new notifier', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-notify-'));
    dirs.push(dir);
    sink.refuse(421);
    const first = await rig({ NOTIFY_CC: 'ops@example.org' }, { dir });
    const id = await ingestOne(first, dsn({ tag: 'restart-1' }));
    await waitFor('retry_queued', async () => (await first.store.bounces.get(id))!.status === 'retry_queued');
    await first.notifier.stop();
    await first.store.close();

    sink.accept();
    const second = await rig({ NOTIFY_CC: 'ops@example.org' }, { dir });
    await moveClock(second, Date.now() + 120_000);
    expect(await second.notifier.sendDue()).toEqual({ sent: 1, failed: 0 });
    expect((await second.store.bounces.get(id))!.status).toBe('Processed');
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.raw.toString()).toContain(`X-Rebound-Notice: ${id}`);
  });

  // Fails the writes with SQLite's PRAGMA query_only; nothing switches a PostgreSQL pool so.
  it.skipIf(!onSqlite)('counts a notice the relay accepted as sent even when the store cannot record it then', async () => {
    const r = await rig({ NOTIFY_CC: 'ops@example.org' });
    sink.refuse(451);
    const id = await ingestOne(r, dsn({ tag: 'store-down-after-send' }));
    await waitFor('retry_queued', async () => (await r.store.bounces.get(id))!.status === 'retry_queued');
    const before = (await outboxOf(r, id))[0]!;

    sink.accept();
    // The store refuses writes from the moment the relay has accepted the notice (after the
    // row was claimed: without a claim no notice is sent, since another instance might send it).
    const real = createMailer(r.config.smtp);
    const notifier = createNotifier({
      config: r.config,
      store: r.store,
      log: silentLogger(),
      clock: () => new Date(r.now.t),
      mailer: {
        relay: real.relay,
        async send(mail) {
          const res = await real.send(mail);
          r.store.db!.pragma('query_only = ON');
          return res;
        },
        close: () => real.close(),
      },
    });
    r.now.t += 120_000;
    expect(await notifier.sendDue()).toEqual({ sent: 1, failed: 0 });
    await notifier.stop();
    expect(sink.messages).toHaveLength(1);
    r.store.db!.pragma('query_only = OFF');
    // Not counted as a failed attempt, and not called a notice that could not be built.
    const after = (await outboxOf(r, id))[0]!;
    expect(after.attempts).toBe(before.attempts);
    expect(after.last_error).toBe(before.last_error);
    expect(after.last_error).not.toMatch(/could not build/);
    expect((await r.store.bounces.get(id))!.status).toBe('retry_queued');
  });

  it('sends each notice exactly once when many bounces arrive together', async () => {
    const r = await rig({ NOTIFY_CC: 'ops@example.org' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        r.ingestor.ingest({ raw: dsn({ tag: `burst-${i}`, failed: `user${i}@mx-reject.test` }), source: 'lmtp' }),
      ),
    );
    const ids = results.flatMap((x) => x.bounceIds);
    expect(ids).toHaveLength(8);
    await sink.waitForMessages(8);
    await r.notifier.sendDue();
    const marks = sink.messages.map((m) => /X-Rebound-Notice: (\d+)/.exec(m.raw.toString())![1]);
    expect(marks.sort()).toEqual(ids.map(String).sort());
    expect(sink.messages).toHaveLength(8);
  });

  it('plans and sends a notice on manual retry for a bounce recorded without one', async () => {
    const r = await rig({ NOTIFY_CC: 'ops@example.org' }, { plan: false });
    const id = await ingestOne(r, dsn({ tag: 'manual-1', cc: 'alice@app.test' }));
    expect(await outboxOf(r, id)).toEqual([]);
    const res = await r.notifier.retry(id);
    expect(res).toMatchObject({ queued: true });
    expect(new Set(sink.messages[0]!.envelope.to)).toEqual(new Set(['ops@example.org', 'alice@app.test']));
    expect(await r.notifier.retry(999_999)).toEqual({ queued: false, message: 'there is no bounce #999999' });
  });
});

describe('loop safety', () => {
  it('records a bounce of a rebound notice but sends no notice about it', async () => {
    const r = await rig({ NOTIFY_CC: 'ops@example.org, lost@mx-reject.test' });
    await ingestOne(r, dsn({ tag: 'loop-1' }));
    const [notice] = await sink.waitForMessages(1);
    sink.clear();
    // The notice to lost@mx-reject.test bounced: its DSN returns the notice, headers and all.
    const res = await r.ingestor.ingest({ raw: dsnAbout(notice!.raw, 'lost@mx-reject.test'), source: 'lmtp' });
    expect(res.bounceIds).toHaveLength(1);
    const b = (await r.store.bounces.get(res.bounceIds[0]!))!;
    expect(b.email_to).toBe('lost@mx-reject.test');
    expect(await outboxOf(r, b.id)).toEqual([]);
    expect(await r.notifier.sendDue()).toEqual({ sent: 0, failed: 0 });
    expect(sink.messages).toHaveLength(0);
    expect(await r.notifier.retry(b.id)).toMatchObject({ queued: false });
  });

  it('does not notify delays unless NOTIFY_ON asks for them', async () => {
    const { delayed450 } = await import('./dsn-fixtures.ts');
    const quiet = await rig({ NOTIFY_CC: 'ops@example.org' });
    const a = await quiet.ingestor.ingest({ raw: Buffer.from(delayed450, 'latin1'), source: 'lmtp' });
    expect(await outboxOf(quiet, a.bounceIds[0]!)).toEqual([]);
    const loud = await rig({ NOTIFY_CC: 'ops@example.org', NOTIFY_ON: 'hard,soft,delay' });
    const b = await loud.ingestor.ingest({ raw: Buffer.from(delayed450, 'latin1'), source: 'lmtp' });
    expect(await outboxOf(loud, b.bounceIds[0]!)).toHaveLength(1);
  });

  it('never writes to an address rebound has seen bounce hard', async () => {
    const r = await rig({ NOTIFY_CC: 'ops@example.org' });
    await ingestOne(r, dsn({ tag: 'known-1', failed: 'gone@mx-reject.test' }));
    const id = await ingestOne(r, dsn({ tag: 'known-2', cc: 'gone@mx-reject.test, alice@app.test' }));
    expect((await outboxOf(r, id))[0]!.recipients).toBe('ops@example.org,alice@app.test');
  });
});
