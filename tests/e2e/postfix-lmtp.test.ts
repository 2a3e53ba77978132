// rebound as a Postfix transport, end to end: a real Postfix (private loopback instance from
// tests/harness/postfix.ts, configured with the snippets in config/postfix/), a fake remote MX
// (a real smtp-server), rebound's LMTP listener and the real ingest funnel, classifier and
// store. Postfix writes real DSNs and delivers them to rebound; the tests read the rows.
//
// The one stand-in: `ingestor` below wraps the real ingestor so a test can make a commit fail
// on demand (for one recipient once, or for everything while "rebound answers 4xx"), because
// no real store fails for exactly one recipient of a transaction. Everything else is real.
//
// Ports (fixed for this suite): smtpd 2525, LMTP 2424, fake MX 2526, dead 2999, sink 2587.

import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { ReboundError } from '../../src/errors.ts';
import { createIngestor, type IngestInput, type Ingestor } from '../../src/ingest.ts';
import { createLmtpServer, type LmtpServer } from '../../src/intake/lmtp.ts';
import { silentLogger } from '../../src/log.ts';
import { openTestStore, scalar, type TestStore } from '../harness/test-store.ts';
import { startFakeMx, type FakeMx } from '../harness/fake-mx.ts';
import { portSet, sleep, stopAll, waitFor } from '../harness/ports.ts';
import { startPostfix, stopPostfix, BOUNCE_SUBDOMAIN, TEST_DOMAIN, type PostfixInstance } from '../harness/postfix.ts';

const PORTS = portSet(2);
const log = silentLogger();
const SOCKET_DOMAIN = 'sock.example.test';
const ROOT = new URL('../../', import.meta.url).pathname;

let dir: string;
let sockPath: string;
let store: TestStore;
let pf: PostfixInstance | undefined;
let mx: FakeMx | undefined;
let lmtp: LmtpServer | undefined;

// --- the failure injection around the real ingestor (see the header comment) ---
const failOnceFor = new Set<string>();
let failAll = false;
const calls: { rcpt: string; at: number; ok: boolean }[] = [];
let ingestor: Ingestor;

function lmtpConfig(): Config['lmtp'] {
  return {
    enabled: true,
    protocol: 'lmtp',
    listen: [
      { kind: 'tcp', host: '127.0.0.1', port: PORTS.lmtp, path: '' },
      { kind: 'unix', host: '', port: 0, path: sockPath },
    ],
    maxSize: 10 * 1024 * 1024,
    maxConnections: 50,
    idleTimeout: 30_000,
    accept: [],
    hostname: 'rebound.test',
    tlsKey: '',
    tlsCert: '',
  };
}

async function startRebound(): Promise<void> {
  lmtp = createLmtpServer({ config: lmtpConfig(), ingestor, log });
  await lmtp.start();
}

async function stopRebound(): Promise<void> {
  await lmtp?.stop(5000);
  lmtp = undefined;
}

/** latency samples, ms: Postfix accepted the message -> its row is committed */
const latency: Record<string, number[]> = { dsn: [], corpus: [] };
const sentAt = new Map<string, number>();

function original(tag: string, to: string): string {
  return [
    `From: Newsletter <news@${TEST_DOMAIN}>`,
    `To: <${to}>`,
    `Subject: rebound e2e ${tag}`,
    `Message-ID: <${tag}.${Date.now()}@${TEST_DOMAIN}>`,
    `Date: ${new Date().toUTCString()}`,
    `X-Rebound-Mail-ID: ${tag}`,
    '',
    `Hello, this is ${tag}.`,
    '',
  ].join('\r\n');
}

interface Row {
  email_to: string;
  kind: string;
  bounce_type: string;
  action: string;
  status_code: string;
  reply_code: string;
  reason: string;
  diagnostic: string;
  tracking_id: string;
  envelope_to: string;
  source: string;
  received_at: string;
}

function bouncesFor(recipient: string): Promise<Row[]> {
  return store.sql.all<Row>(
    `SELECT b.email_to, b.kind, b.bounce_type, b.action, b.status_code, b.reply_code, b.reason, b.diagnostic, b.tracking_id,
            m.envelope_to, m.source, m.received_at
     FROM bounces b JOIN messages m ON m.id = b.message_id WHERE b.email_to = ? ORDER BY b.id`,
    [recipient.toLowerCase()],
  );
}

/** Sends `tag`'s original to `to` with the VERP bounce address as envelope sender; returns that address. */
async function sendOriginal(tag: string, to: string): Promise<string> {
  const verp = `bounces+${tag}@${TEST_DOMAIN}`;
  const r = await pf!.send(verp, [to], original(tag, to));
  expect(r.data.map((d) => d.code)).toEqual([250]);
  sentAt.set(tag, Date.now());
  return verp;
}

async function waitForBounce(recipient: string, what: string, tries = 200): Promise<Row> {
  return waitFor(what, async () => (await bouncesFor(recipient))[0], { tries, intervalMs: 20 });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-lmtp-'));
  chmodSync(dir, 0o755); // Postfix's lmtp client (user postfix) must reach the unix socket
  sockPath = path.join(dir, 'lmtp.sock');
  store = await openTestStore();
  const real = createIngestor({ store, log });
  ingestor = {
    async ingest(input: IngestInput) {
      const rcpt = input.envelopeTo?.[0] ?? '';
      if (failAll || failOnceFor.delete(rcpt)) {
        calls.push({ rcpt, at: Date.now(), ok: false });
        throw new ReboundError('store-unavailable', 'injected test failure', { temporary: true });
      }
      const r = await real.ingest(input);
      calls.push({ rcpt, at: Date.now(), ok: true });
      return r;
    },
    drain: () => real.drain(),
  };
  mx = await startFakeMx({ port: PORTS.mx });
  await startRebound();
  pf = await startPostfix({
    name: 'lmtp-e2e',
    ports: PORTS,
    // The unix socket form of config/postfix/transport (C), with the test's socket path
    // (this instance runs without chroot, so the path is absolute).
    transport: { [SOCKET_DOMAIN]: `lmtp:unix:${sockPath}` },
    mainCf: { relay_domains: `${BOUNCE_SUBDOMAIN}, ${TEST_DOMAIN}, ${SOCKET_DOMAIN}` },
  });
});

afterAll(async () => {
  try {
    await stopAll([() => stopPostfix(pf), () => stopRebound(), () => mx?.stop()]);
  } finally {
    await store?.dispose();
    rmSync(dir, { recursive: true, force: true });
    printLatency();
  }
});

function printLatency(): void {
  const fmt = (xs: number[]) => {
    if (xs.length === 0) return 'no samples';
    const s = [...xs].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
    return `n=${s.length} median=${q(0.5)} ms p95=${q(0.95)} ms max=${s[s.length - 1]} ms`;
  };
  console.log(`[latency] original accepted by Postfix -> DSN row committed: ${fmt(latency.dsn!)}`);
  console.log(`[latency] bounce injected into Postfix -> message row committed: ${fmt(latency.corpus!)}`);
}

describe('rebound behind a real Postfix', () => {
  it('records a hard bounce with recipient, status and reason when Postfix cannot deliver a message', async () => {
    const verp = await sendOriginal('hard1', 'nobody-hard1@undeliverable.test');
    const row = await waitForBounce('nobody-hard1@undeliverable.test', 'the DSN for nobody-hard1');
    latency.dsn!.push(Date.now() - sentAt.get('hard1')!);
    expect(row).toMatchObject({
      kind: 'bounce',
      bounce_type: 'hard',
      action: 'failed',
      status_code: '5.1.1',
      reason: 'userunknown',
      source: 'lmtp',
      tracking_id: 'hard1',
      // The VERP bounce address came with the LMTP envelope (Postfix adds no Delivered-To).
      envelope_to: verp,
    });
    expect(row.diagnostic).toMatch(/mailbox does not exist/);
    // The row is committed (and flushed) before the 250 goes out, and Postfix logs the 250 a
    // moment after: wait for the log line.
    const sent = new RegExp(
      `to=<${verp.replace('+', '\\+')}>, relay=127\\.0\\.0\\.1\\[127\\.0\\.0\\.1\\]:${PORTS.lmtp}.*status=sent \\(250 2\\.6\\.0 stored`,
    );
    await waitFor('Postfix to log the 250', () => sent.test(pf!.maillog()), { tries: 200, intervalMs: 25 });
  });

  it('records a remote 550 from the receiving MX as a hard bounce with its reply code', async () => {
    await sendOriginal('mx550', 'hard-mx550@mx-reject.test');
    const row = await waitForBounce('hard-mx550@mx-reject.test', 'the DSN for the remote 550');
    latency.dsn!.push(Date.now() - sentAt.get('mx550')!);
    expect(row).toMatchObject({ kind: 'bounce', bounce_type: 'hard', status_code: '5.1.1', reply_code: '550', reason: 'userunknown' });
    expect(row.diagnostic).toMatch(/User unknown/);
    expect(mx!.rcpts).toContainEqual({ rcpt: 'hard-mx550@mx-reject.test', code: 550 });
  });

  it('records a delay warning as a delay, not as a bounce', async () => {
    // delay_warning_time is stamped on a message when it is queued: reload before sending.
    await pf!.reload({ delay_warning_time: '3s' });
    try {
      await sendOriginal('delay1', 'soft-delay1@mx-reject.test');
      const row = await waitForBounce('soft-delay1@mx-reject.test', 'the delay warning', 1000);
      expect(row).toMatchObject({ kind: 'delay', action: 'delayed', bounce_type: 'none' });
      expect(row.status_code).toMatch(/^4\./);
      expect((await bouncesFor('soft-delay1@mx-reject.test')).filter((r) => r.kind === 'bounce')).toEqual([]);
    } finally {
      await pf!.reload({ delay_warning_time: '0' });
      await pf!.purge(); // stop the retries to the fake MX
    }
  }, 60_000);

  it('records each of a run of undeliverable messages once (and measures the DSN round trip)', async () => {
    for (let i = 0; i < 20; i++) {
      const tag = `run${i}`;
      await sendOriginal(tag, `nobody-${tag}@undeliverable.test`);
      await waitForBounce(`nobody-${tag}@undeliverable.test`, `the DSN for ${tag}`);
      latency.dsn!.push(Date.now() - sentAt.get(tag)!);
    }
    expect(await scalar(store, "SELECT count(*) AS n FROM bounces WHERE email_to LIKE 'nobody-run%'")).toBe(20);
  }, 60_000);

  it('delivers over the unix socket form of the transport', async () => {
    const r = await pf!.send('', [`bounces+sock@${SOCKET_DOMAIN}`], original('sock1', `bounces+sock@${SOCKET_DOMAIN}`));
    expect(r.data.map((d) => d.code)).toEqual([250]);
    await waitFor('the delivery over the unix socket', () => calls.find((c) => c.rcpt === `bounces+sock@${SOCKET_DOMAIN}` && c.ok), {
      tries: 200,
      intervalMs: 25,
    });
    const line = await waitFor(
      'Postfix to log the delivery',
      () =>
        pf!
          .maillog()
          .split('\n')
          .find((l) => l.includes(`to=<bounces+sock@${SOCKET_DOMAIN}>`) && l.includes('status=sent')),
      { tries: 200, intervalMs: 25 },
    );
    expect(line).toContain(`[${sockPath}]`);
    expect(line).toMatch(/status=sent \(250 2\.6\.0 stored as message \d+\)/);
  });

  it('defers only the recipient whose commit failed in a two-recipient LMTP transaction, and takes it on retry', async () => {
    const a = `bounces+two-a@${BOUNCE_SUBDOMAIN}`;
    const b = `bounces+two-b@${BOUNCE_SUBDOMAIN}`;
    failOnceFor.add(b); // the injected failure: b's first commit fails
    const dsn = readFileSync(path.join(ROOT, 'tests/fixtures/corpus/postfix/dsn-error-transport.eml'));
    const r = await pf!.send('', [a, b], dsn);
    expect(r.data.map((d) => d.code)).toEqual([250]);
    // Postfix delivers a at once, defers b (451 4.3.0), retries b after its 2 s backoff.
    await waitFor(
      'b to be delivered on retry',
      () => calls.filter((c) => c.rcpt === b).length >= 2 && calls.some((c) => c.rcpt === b && c.ok),
      { tries: 300, intervalMs: 50 },
    );
    const logText = await waitFor(
      'Postfix to log both deliveries',
      () => {
        const t = pf!.maillog();
        return t.split('\n').filter((l) => l.includes(`to=<${b}>`) && l.includes('status=sent')).length >= 1 &&
          t.split('\n').some((l) => l.includes(`to=<${a}>`) && l.includes('status=sent'))
          ? t
          : undefined;
      },
      { tries: 200, intervalMs: 25 },
    );
    const forA = logText.split('\n').filter((l) => l.includes(`to=<${a}>`));
    const forB = logText.split('\n').filter((l) => l.includes(`to=<${b}>`));
    expect(forA.map((l) => /status=(\w+)/.exec(l)?.[1])).toEqual(['sent']);
    expect(forB.map((l) => /status=(\w+)/.exec(l)?.[1])).toEqual(['deferred', 'sent']);
    expect(forB[0]).toMatch(/451 4\.3\.0/);
    // Both deliveries were one LMTP transaction: the same Postfix queue id, one connection.
    const delivery = (l: string) => /postfix\/lmtp\[(\d+)\]: ([0-9A-F]+):/.exec(l)?.slice(1).join(' ');
    expect(delivery(forA[0]!)).toBeDefined();
    expect(delivery(forA[0]!)).toBe(delivery(forB[0]!));
    expect(calls.filter((c) => c.rcpt === a)).toHaveLength(1);
    // One message stored, with its bounce, however many times it was offered.
    const n = { n: await scalar(store, 'SELECT count(*) AS n FROM messages WHERE envelope_to IN (?, ?)', [a, b]) };
    expect(n.n).toBe(1);
    await waitFor('an empty queue', async () => (await pf!.queue()).length === 0, { tries: 100, intervalMs: 50 });
  }, 60_000);

  for (const outage of ['stopped', 'answering 451'] as const) {
    it(`keeps the bounce queued while rebound is ${outage}, delivers it on postqueue -f, and records it once`, async () => {
      const tag = outage === 'stopped' ? 'down1' : 'tempfail1';
      const rcpt = `nobody-${tag}@undeliverable.test`;
      // Only `postqueue -f` may deliver in this test, not a natural retry.
      await pf!.reload({ queue_run_delay: '300s', minimal_backoff_time: '300s', maximal_backoff_time: '300s' });
      try {
        if (outage === 'stopped') await stopRebound();
        else failAll = true;
        const verp = await sendOriginal(tag, rcpt);
        const queued = await waitFor(
          'the DSN to be deferred in the queue',
          async () =>
            (await pf!.queue()).find((q) => q.sender === 'MAILER-DAEMON' && q.recipients.some((r) => r.address === verp && r.delay_reason)),
          { tries: 200, intervalMs: 50 },
        );
        const reason = queued.recipients[0]!.delay_reason!;
        expect(reason).toMatch(outage === 'stopped' ? /Connection refused/ : /451 4\.3\.0/);
        expect(reason).not.toMatch(/injected/);
        await sleep(1000);
        expect(await bouncesFor(rcpt)).toEqual([]); // nothing arrives by itself

        if (outage === 'stopped') await startRebound();
        else failAll = false;
        await pf!.flush();
        const row = await waitForBounce(rcpt, 'the flushed DSN');
        expect(row).toMatchObject({ bounce_type: 'hard', status_code: '5.1.1', envelope_to: verp });
        await waitFor('an empty queue', async () => (await pf!.queue()).length === 0, { tries: 100, intervalMs: 50 });
        await pf!.flush();
        await sleep(300);
        expect(await bouncesFor(rcpt)).toHaveLength(1);
      } finally {
        failAll = false;
        if (!lmtp) await startRebound();
        await pf!.reload({ queue_run_delay: '2s', minimal_backoff_time: '2s', maximal_backoff_time: '2s' });
      }
    }, 60_000);
  }

  it('records every message of the shared corpus injected through Postfix: count in = count stored', async () => {
    const corpusDir = path.join(ROOT, 'tests/fixtures/corpus/sisimai/maildir/bsd');
    const files = readdirSync(corpusDir)
      .filter((f) => f.endsWith('.eml'))
      .sort();
    expect(files.length).toBeGreaterThan(300);
    const before = await scalar(store, 'SELECT count(*) AS n FROM messages');
    const rcptOf = (i: number) => `bounces+corpus${i}@${BOUNCE_SUBDOMAIN}`;
    // Inject from a few connections at once, as remote MTAs would; the null sender, as DSNs have.
    let next = 0;
    const refused: string[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < files.length) {
          const i = next++;
          const r = await pf!.send('', [rcptOf(i)], readFileSync(path.join(corpusDir, files[i]!)));
          if (r.data[0]?.code !== 250) refused.push(`${files[i]}: ${JSON.stringify(r)}`);
          sentAt.set(`corpus${i}`, Date.now());
        }
      }),
    );
    expect(refused).toEqual([]);
    const delivered = new Map<string, number>();
    await waitFor(
      `all ${files.length} corpus messages to be committed`,
      () => {
        for (const c of calls) if (c.ok && c.rcpt.startsWith('bounces+corpus') && !delivered.has(c.rcpt)) delivered.set(c.rcpt, c.at);
        return delivered.size >= files.length;
      },
      { tries: 1200, intervalMs: 100 },
    );
    for (const [rcpt, at] of delivered) {
      const tag = /\+(corpus\d+)@/.exec(rcpt)![1]!;
      latency.corpus!.push(at - sentAt.get(tag)!);
    }
    // Postfix's log holds rebound's answer for each message: "stored as message N", or
    // "stored as message N, a copy of message M" when ingest recognised the same bounces
    // (same original message, recipient and status) under another file name: the corpus has
    // such copies. They are kept as messages but add no bounce rows.
    const readAnswers = () => {
      const answers = new Map<string, { id: number; copyOf?: number }>();
      for (const l of pf!.maillog().split('\n')) {
        const m = /to=<(bounces\+corpus\d+@[^>]+)>.*status=sent \(250 2\.6\.0 stored as message (\d+)(?:, a copy of message (\d+))?\)/.exec(
          l,
        );
        if (m) answers.set(m[1]!, { id: Number(m[2]), ...(m[3] ? { copyOf: Number(m[3]) } : {}) });
      }
      return answers;
    };
    // Postfix logs each 250 a moment after rebound sends it.
    const answers = await waitFor(
      'Postfix to log every answer',
      () => {
        const a = readAnswers();
        return a.size === files.length ? a : undefined;
      },
      { tries: 200, intervalMs: 25 },
    ).catch(() => readAnswers());
    expect(answers.size).toBe(files.length);
    const after = await scalar(store, 'SELECT count(*) AS n FROM messages');
    // count in = count stored
    expect(after - before).toBe(files.length);
    const copies = [...answers.values()].filter((a) => a.copyOf !== undefined);
    for (const a of copies) {
      expect((await store.messages.get(a.id))!.duplicate_of).toBe(a.copyOf);
      expect(await store.bounces.forMessage(a.id)).toEqual([]);
    }
    console.log(
      `[corpus] ${files.length} injected, ${after - before} stored; ${copies.length} of them copies of a bounce already recorded`,
    );
    expect(
      await waitFor('the queue to be empty', async () => ((await pf!.queue()).length === 0 ? true : undefined), {
        tries: 100,
        intervalMs: 50,
      }).catch(() => false),
    ).toBe(true);
  }, 180_000);
});
