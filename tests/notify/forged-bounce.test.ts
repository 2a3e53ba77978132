// Issue 11, defect 1: a forged bounce must not make rebound a bulk mailer. Forged DSNs go in
// through rebound's real LMTP listener (real sockets, the real ingest funnel, classifier and
// SQLite store) and the notices come out through nodemailer to a real SMTP sink on loopback,
// which records the exact envelopes: what a stranger could make rebound send is what the
// sink receives.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config, type Env } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { createLmtpServer, type LmtpServer } from '../../src/intake/lmtp.ts';
import { createNoticePlanner } from '../../src/notify/notices.ts';
import { createNotifier, type Notifier } from '../../src/notify/notifier.ts';
import type { BounceRow } from '../../src/store/bounces.ts';
import { BouncesRepository } from '../../src/store/bounces.ts';
import { openConfiguredStore } from '../../src/store/data-files.ts';
import type { Store } from '../../src/store/store.ts';
import { storeEnv } from '../harness/app-env.ts';
import { scalar } from '../harness/test-store.ts';
import { capturingLogger, type Logged } from '../harness/log.ts';
import { sleep, waitFor } from '../harness/ports.ts';
import { sendMail } from '../harness/smtp-client.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';
import { dsn } from './dsn-fixtures.ts';
import { failedAddress, forgedDsn } from './forged-dsn.ts';

const SINK_PORT = 2611;

let sink: SmtpSink;
const dirs: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  sink = await startSmtpSink({ port: SINK_PORT });
});
afterAll(async () => {
  await sink?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  sink.clear();
});

interface Rig {
  config: Config;
  store: Store;
  notifier: Notifier;
  lines: Logged[];
  /** How often the planner asked the store whether an address is a known hard bouncer. */
  knownBouncerQuestions: { n: number };
  deliver(raw: Buffer, rcpt?: string): Promise<void>;
}

/**
 * The organisation is org.test: NOTIFY_CC and the bounce address (NOTIFY_FROM) are there, so
 * LOCAL_DOMAINS defaults to org.test.
 */
const REAL_KNOWN_BOUNCER_QUESTION = BouncesRepository.prototype.isKnownHardBouncing;

async function rig(env: Env = {}): Promise<Rig> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-forged-'));
  dirs.push(dir);
  const config = loadConfig(
    {
      DATA_DIR: dir,
      ...(await storeEnv()),
      SMTP_SERVER: '127.0.0.1',
      SMTP_PORT: String(SINK_PORT),
      NOTIFY_FROM: 'bounces@org.test',
      NOTIFY_CC: 'ops@org.test',
      ...env,
    },
    dir,
  );
  const { log, lines } = capturingLogger();
  const store = openConfiguredStore(config);
  await store.ready();
  // Counts the planner's store questions (the real query still runs): the bound on planning
  // work is asserted as a count, not as a time. The planner asks through the repositories of
  // the commit's transaction, made anew for each commit: counted on the class, for this rig.
  const knownBouncerQuestions = { n: 0 };
  BouncesRepository.prototype.isKnownHardBouncing = function (this: BouncesRepository, a: string) {
    knownBouncerQuestions.n++;
    return REAL_KNOWN_BOUNCER_QUESTION.call(this, a);
  };
  const notifier = createNotifier({ config, store, log });
  const ingestor = createIngestor({
    store,
    log,
    planNotices: createNoticePlanner(config),
    onCommitted: (r) => {
      if (r.bounceIds.length > 0) notifier.kick();
    },
  });
  // Port 0: the system picks a free loopback port.
  const lmtp: LmtpServer = createLmtpServer({
    config: { ...config.lmtp, listen: [{ kind: 'tcp', host: '127.0.0.1', port: 0, path: '' }] },
    ingestor,
    log,
  });
  await lmtp.start();
  const [host, port] = lmtp.addresses()[0]!.split(':');
  cleanups.push(async () => {
    await lmtp.stop(2000);
    await notifier.stop();
    await store.close();
  });
  return {
    config,
    store,
    notifier,
    lines,
    knownBouncerQuestions,
    async deliver(raw, rcpt = 'bounces@org.test') {
      const res = await sendMail({
        host,
        port: Number(port),
        protocol: 'lmtp',
        helo: 'mx.org.test',
        from: '',
        to: [rcpt],
        raw,
        timeoutMs: 30_000,
      });
      expect(res.data.map((r) => r.code)).toEqual([250]);
    },
  };
}

const bounces = (s: Store) => s.sql.all<BounceRow>('SELECT * FROM bounces ORDER BY id');
const heldBackLines = (lines: Logged[]) => lines.filter((l) => l.msg.startsWith('notices held back'));

/** 200 Cc: 150 strangers at victims.test, 50 colleagues at org.test. */
const CC_200 = [
  ...Array.from({ length: 150 }, (_, i) => `stranger${i}@victims.test`),
  ...Array.from({ length: 50 }, (_, i) => `colleague${i}@org.test`),
];

/** Waits until the notifier has nothing due, then a little longer for stragglers. */
async function settle(r: Rig): Promise<void> {
  await r.notifier.sendDue();
  await sleep(100);
}

describe('a forged bounce (50 failed recipients, 200 Cc) through LMTP to the SMTP sink', () => {
  it('mails nobody when the original was not sent by us, and records and flags every bounce', async () => {
    const r = await rig();
    await r.deliver(
      forgedDsn({
        tag: 'stranger-from',
        failed: 50,
        from: 'Attacker <boss@evil.test>',
        cc: CC_200,
        subject: 'URGENT: wire money to evil.test',
      }),
    );
    await settle(r);

    expect(sink.messages).toHaveLength(0);
    const rows = await bounces(r.store);
    expect(rows).toHaveLength(50);
    for (const b of rows)
      expect(b.notice_note).toMatch(/^no notice: not sent by us: its From "boss@evil.test", outside LOCAL_DOMAINS \(org.test\)/);
    expect(await scalar(r.store, 'SELECT COUNT(*) AS n FROM outbox')).toBe(0);
    const held = heldBackLines(r.lines);
    expect(held).toHaveLength(1);
    expect(held[0]!.msg).toContain('50 without a notice: not sent by us');
  });

  it('writes only to NOTIFY_CC and Cc in LOCAL_DOMAINS, at most NOTIFY_MAX_CC of them, for at most NOTIFY_MAX_PER_MESSAGE bounces', async () => {
    const r = await rig();
    // The forger claims our own From: the caps and LOCAL_DOMAINS still hold.
    await r.deliver(forgedDsn({ tag: 'our-from', failed: 50, from: 'Sales <sales@org.test>', cc: CC_200 }));
    await waitFor('10 notices', () => sink.messages.length >= 10 || undefined, { tries: 200, intervalMs: 50 });
    await settle(r);

    expect(sink.messages).toHaveLength(10);
    const colleagues = CC_200.filter((a) => a.endsWith('@org.test')).slice(0, 20);
    for (const m of sink.messages) {
      expect(m.envelope.to).toEqual(['ops@org.test', ...colleagues]);
      expect(m.envelope.to.some((a) => a.endsWith('@victims.test'))).toBe(false);
    }
    const rows = await bounces(r.store);
    expect(rows).toHaveLength(50);
    const notified = rows.slice(0, 10);
    for (const b of notified)
      expect(b.notice_note).toBe('notice to 21; 150 Cc outside LOCAL_DOMAINS left out; 30 Cc over NOTIFY_MAX_CC=20 left out');
    for (const b of rows.slice(10)) expect(b.notice_note).toBe('no notice: over NOTIFY_MAX_PER_MESSAGE=10 notices for one message');
    const held = heldBackLines(r.lines);
    expect(held).toHaveLength(1);
    expect(held[0]!.msg).toBe(
      'notices held back: 40 without a notice: over NOTIFY_MAX_PER_MESSAGE=10 notices for one message; 150 Cc outside LOCAL_DOMAINS left out; 30 Cc over NOTIFY_MAX_CC=20 left out',
    );
    expect(held[0]).toMatchObject({ level: 'warn', bounces: 50, notices: 10 });
  });

  it('plans with work bounded by the caps, not by failed recipients × Cc', async () => {
    const r = await rig();
    await r.deliver(forgedDsn({ tag: 'work', failed: 50, from: 'sales@org.test', cc: CC_200 }));
    // NOTIFY_CC (1) and the Cc kept (20) are each asked about once for the whole message:
    // the old planner asked about all 200 Cc once per failed recipient (10,000 questions).
    expect(r.knownBouncerQuestions.n).toBe(21);
    await settle(r);
  });

  it('counts a VERP bounce address of ours as mail we sent', async () => {
    const r = await rig();
    await r.deliver(forgedDsn({ tag: 'verp', failed: 1, from: 'someone@elsewhere.test', cc: [] }), 'bounces+user1=victims.test@org.test');
    const [m] = await sink.waitForMessages(1);
    expect(m!.envelope.to).toEqual(['ops@org.test']);
  });
});

describe("the notice quotes a stranger's text as quoted data", () => {
  it('marks the subject and diagnostic as quoted, bounded in length, in the Subject, text and HTML', async () => {
    const r = await rig();
    const longSubject = `Your account is locked, call +1 555 0100 now ${'x'.repeat(300)}`;
    const longDiagnostic = `550 5.1.1 visit http://evil.test/login to unlock ${'y'.repeat(3000)}`;
    await r.deliver(
      forgedDsn({ tag: 'quote', failed: 1, from: 'sales@org.test', cc: [], subject: longSubject, diagnostic: longDiagnostic }),
    );
    const [m] = await sink.waitForMessages(1);
    const mail = await simpleParser(m!.raw);
    expect(mail.subject).toMatch(
      /^\[rebound\] Undeliverable: user1@victims.test \(re: "Your account is locked, call \+1 555 0100 now x+…"\)$/,
    );
    expect(mail.subject!.length).toBeLessThanOrEqual(200);
    const text = String(mail.text);
    const quoteStart = text.indexOf("----- Quoted from the bounce (written by the remote server or the bounce's sender, not by rebound");
    const quoteEnd = text.indexOf('----- End of quoted text -----');
    expect(quoteStart).toBeGreaterThan(0);
    expect(quoteEnd).toBeGreaterThan(quoteStart);
    // The stranger's words appear only between the markers, the diagnostic as "> " lines.
    const diagAt = text.indexOf('  > 550 5.1.1 visit http://evil.test/login');
    expect(diagAt).toBeGreaterThan(quoteStart);
    expect(diagAt).toBeLessThan(quoteEnd);
    expect(text.indexOf('Your account is locked')).toBeGreaterThan(quoteStart);
    expect(text.indexOf('Your account is locked')).toBeLessThan(quoteEnd);
    expect(text).not.toContain('y'.repeat(1000));
    expect(text).not.toContain('x'.repeat(200));
    const html = String(mail.html);
    expect(html).toMatch(
      /<div data-quoted="bounce"[^>]*>\s*<p[^>]*><em>Quoted from the bounce: written by the remote server or the bounce's sender, not by rebound/,
    );
    const box = html.slice(html.indexOf('data-quoted="bounce"'), html.indexOf('</div>'));
    expect(box).toContain('550 5.1.1 visit http://evil.test/login');
    expect(box).toContain('Your account is locked');
  });
});

describe('hourly caps', () => {
  it('stops at NOTIFY_MAX_PER_HOUR notices in total and says so once per message', async () => {
    const r = await rig({ NOTIFY_MAX_PER_HOUR: '3' });
    for (let i = 1; i <= 5; i++) {
      await r.deliver(forgedDsn({ tag: `hour-${i}`, failed: 1, failedDomain: `d${i}.test`, from: 'sales@org.test', cc: [] }));
    }
    await settle(r);
    expect(sink.messages).toHaveLength(3);
    const rows = await bounces(r.store);
    expect(rows).toHaveLength(5);
    expect(rows.slice(3).map((b) => b.notice_note)).toEqual([
      'no notice: over NOTIFY_MAX_PER_HOUR=3 notices this hour',
      'no notice: over NOTIFY_MAX_PER_HOUR=3 notices this hour',
    ]);
    expect(heldBackLines(r.lines).map((l) => l.msg)).toEqual([
      'notices held back: 1 without a notice: over NOTIFY_MAX_PER_HOUR=3 notices this hour',
      'notices held back: 1 without a notice: over NOTIFY_MAX_PER_HOUR=3 notices this hour',
    ]);
  });

  it('writes to one address at most NOTIFY_MAX_PER_ADDRESS_HOUR times an hour', async () => {
    const r = await rig({ NOTIFY_MAX_PER_ADDRESS_HOUR: '2', LOCAL_DOMAINS: 'org.test' });
    for (let i = 1; i <= 3; i++) {
      await r.deliver(
        forgedDsn({ tag: `addr-${i}`, failed: 1, failedDomain: `d${i}.test`, from: 'sales@org.test', cc: [`new${i}@org.test`] }),
      );
    }
    await settle(r);
    // ops@ twice, then the third notice goes to its new Cc alone.
    expect(sink.messages.map((m) => m.envelope.to)).toEqual([
      ['ops@org.test', 'new1@org.test'],
      ['ops@org.test', 'new2@org.test'],
      ['new3@org.test'],
    ]);
    expect((await bounces(r.store))[2]!.notice_note).toBe('notice to 1; 1 over NOTIFY_MAX_PER_ADDRESS_HOUR=2 left out');
  });
});

describe('a 5,000-recipient forged DSN', () => {
  it('records the first 500 recipients, says on the message and in the log that the rest were cut, and sends at most NOTIFY_MAX_PER_MESSAGE notices', async () => {
    const r = await rig();
    const cc = Array.from({ length: 5000 }, (_, i) => `cc${i}@${i % 2 ? 'org.test' : 'victims.test'}`);
    const raw = forgedDsn({ tag: 'huge', failed: 5000, from: 'sales@org.test', cc });
    expect(raw.length).toBeGreaterThan(700_000);
    await r.deliver(raw);
    await waitFor('10 notices', () => sink.messages.length >= 10 || undefined, { tries: 400, intervalMs: 50 });
    await settle(r);

    expect(sink.messages).toHaveLength(10);
    for (const m of sink.messages) {
      expect(m.envelope.to).toHaveLength(21);
      expect(m.envelope.to.some((a) => a.endsWith('@victims.test'))).toBe(false);
    }
    const rows = await bounces(r.store);
    expect(rows).toHaveLength(500);
    // Every row is a real group of the report: none made up from half a group.
    expect(rows.map((b) => b.email_to)).toEqual(Array.from({ length: 500 }, (_, i) => failedAddress(i + 1)));
    expect(rows.every((b) => b.status_code === '5.1.1' && b.reason === 'userunknown')).toBe(true);
    const message = (await r.store.messages.get(rows[0]!.message_id))!;
    expect(message.truncated).toMatch(
      /the delivery-status report names \d+ or more recipients; only the first 500 were read \(limit 500\)/,
    );
    expect(message.truncated).toContain("the original's Cc lists");
    const cut = r.lines.filter((l) => l.msg.startsWith('message cut short'));
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ level: 'warn', messageId: message.id });
    // The Cc column of each row is bounded, and the message's 500 rows together repeat at
    // most about MAX_MESSAGE_CC_CHARS of it; the classifier kept 500 Cc addresses in all.
    expect(rows.every((b) => b.email_cc.length <= 260 && /… \(\d+ more\)$/.test(b.email_cc))).toBe(true);
    expect(JSON.parse(message.classification).original.cc).toHaveLength(500);
    // Planning asked about NOTIFY_CC and the 20 Cc kept, once for the whole message.
    expect(r.knownBouncerQuestions.n).toBe(21);
  });

  it('answers and records ordinary deliveries on other connections while one is recorded, each once, nothing mixed', async () => {
    const r = await rig();
    const cc = Array.from({ length: 5000 }, (_, i) => `cc${i}@org.test`);
    const huge = forgedDsn({ tag: 'huge-beside', failed: 5000, from: 'sales@org.test', cc });
    const ordinary = [1, 2, 3, 4].map((i) => dsn({ tag: `beside-${i}`, failed: `user${i}@beside.test` }));
    // All five at once, each on a connection of its own: they share commits (the queue
    // groups what arrives together), and each is answered only for its own message.
    await Promise.all([r.deliver(huge), ...ordinary.map((raw) => r.deliver(raw))]);
    const rows = await bounces(r.store);
    expect(rows).toHaveLength(504);
    const byMessage = Map.groupBy(rows, (b) => b.message_id);
    expect([...byMessage.values()].map((b) => b.length).sort((a, b) => a - b)).toEqual([1, 1, 1, 1, 500]);
    for (const i of [1, 2, 3, 4]) {
      const own = rows.filter((b) => b.email_to === `user${i}@beside.test`);
      expect(own).toHaveLength(1);
      expect(byMessage.get(own[0]!.message_id)).toHaveLength(1);
      expect((await r.store.messages.get(own[0]!.message_id))!.truncated).toBe('');
    }
    const hugeRows = rows.filter((b) => b.email_to.endsWith('@victims.test'));
    expect(hugeRows).toHaveLength(500);
    expect((await r.store.messages.get(hugeRows[0]!.message_id))!.truncated).toMatch(/only the first 500 were read/);
    // Offered again (Postfix retrying after a lost reply): recorded already, nothing added.
    await r.deliver(huge);
    expect(await bounces(r.store)).toHaveLength(504);
  });
});
