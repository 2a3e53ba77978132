// Notices end to end through a real Postfix as the relay. Nothing is simulated: a message
// sent through the private Postfix instance (tests/harness/postfix.ts) bounces; Postfix
// delivers the DSN to rebound's LMTP listener; the ingestor records it and queues a notice;
// the notifier sends it through Postfix (SMTP_SERVER), which relays notify.test to an
// smtp-server sink. One Cc of the original is itself undeliverable, so the notice bounces
// too: its DSN comes back to NOTIFY_FROM (routed to rebound) and must be recorded without
// any further notice.
//
// Ports (fixed for this suite, portSet(4)): smtpd 4525, LMTP 4424, mx 4526, dead 4999, sink 4587.

import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { createLmtpServer, type LmtpServer } from '../../src/intake/lmtp.ts';
import { silentLogger } from '../../src/log.ts';
import { createNoticePlanner } from '../../src/notify/notices.ts';
import { createNotifier, type Notifier } from '../../src/notify/notifier.ts';
import { openConfiguredStore } from '../../src/store/data-files.ts';
import type { Store } from '../../src/store/store.ts';
import { storeEnv } from '../harness/app-env.ts';
import { scalar } from '../harness/test-store.ts';
import type { BounceRow } from '../../src/store/bounces.ts';
import { portSet, stopAll, waitFor } from '../harness/ports.ts';
import { BOUNCE_ADDRESS, POSTFIX_HOSTNAME, TEST_DOMAIN, startPostfix, stopPostfix, type PostfixInstance } from '../harness/postfix.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';

const PORTS = portSet(4);
const log = silentLogger();

let dir: string;
let config: Config;
let store: Store;
let notifier: Notifier;
let lmtp: LmtpServer | undefined;
let pf: PostfixInstance | undefined;
let sink: SmtpSink | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-notify-'));
  chmodSync(dir, 0o755);
  config = loadConfig(
    {
      DATA_DIR: dir,
      ...(await storeEnv()),
      LMTP_LISTEN: `127.0.0.1:${PORTS.lmtp}`,
      LMTP_HOSTNAME: 'rebound.test',
      // Postfix is the relay; the notices' envelope sender is the bounce address, so a
      // notice that bounces comes back to rebound (config/notify.md explains the choice).
      SMTP_SERVER: '127.0.0.1',
      SMTP_PORT: String(PORTS.smtpd),
      NOTIFY_FROM: BOUNCE_ADDRESS,
      NOTIFY_CC: 'ops@notify.test',
      // undeliverable.test counts as one of ours here, so that a notice goes to a Cc there
      // and bounces back (the loop-safety case below); by default only the domains of
      // NOTIFY_CC and NOTIFY_FROM would be.
      LOCAL_DOMAINS: `${TEST_DOMAIN}, notify.test, undeliverable.test`,
      PUBLIC_URL: 'https://rebound.example.org',
    },
    dir,
  );
  store = openConfiguredStore(config);
  await store.ready();
  notifier = createNotifier({ config, store, log });
  const ingestor = createIngestor({
    store,
    log,
    planNotices: createNoticePlanner(config),
    onCommitted: (r) => {
      if (r.bounceIds.length > 0) notifier.kick();
    },
  });
  sink = await startSmtpSink({ port: PORTS.sink, name: 'sink.notify.test' });
  lmtp = createLmtpServer({ config: config.lmtp, ingestor, log });
  await lmtp.start();
  pf = await startPostfix({ name: 'notify-e2e', ports: PORTS });
});

afterAll(async () => {
  try {
    await stopAll([() => stopPostfix(pf), () => lmtp?.stop(5000), () => notifier?.stop(), () => sink?.stop()]);
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const bounces = () => store.sql.all<BounceRow>('SELECT * FROM bounces ORDER BY id');

describe('notices through the real Postfix relay', () => {
  it('tells NOTIFY_CC and the Cc about a bounce, and records the bounce of its own notice without another notice', async () => {
    const original = [
      `From: Sales <sales@${TEST_DOMAIN}>`,
      'To: <nobody@undeliverable.test>',
      'Cc: Carol <carol@notify.test>, lost@undeliverable.test',
      'Subject: Offer for next year',
      `Message-ID: <offer-1@${TEST_DOMAIN}>`,
      `Date: ${new Date().toUTCString()}`,
      '',
      'Hello.',
      '',
    ].join('\r\n');
    // Only the To address is in this envelope: the Cc people are told by rebound, not by Postfix.
    await pf!.send(BOUNCE_ADDRESS, ['nobody@undeliverable.test'], original);

    // 1. Postfix bounces it, rebound records the bounce and sends a notice through Postfix.
    const first = await waitFor(
      'the bounce of nobody@',
      async () => (await bounces()).find((b) => b.email_to === 'nobody@undeliverable.test'),
      {
        tries: 200,
        intervalMs: 50,
      },
    );
    expect(first).toMatchObject({ bounce_type: 'hard', status_code: '5.1.1' });
    const [m] = await sink!.waitForMessages(1, 15_000);
    // Postfix relays notify.test recipients in one transaction to the sink.
    expect(new Set(m!.envelope.to)).toEqual(new Set(['ops@notify.test', 'carol@notify.test']));
    expect(m!.envelope.from).toBe(BOUNCE_ADDRESS);
    const mail = await simpleParser(m!.raw);
    expect(mail.headers.get('x-rebound-notice')).toBe(String(first.id));
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(String(mail.headers.get('received') ?? '')).toContain(POSTFIX_HOSTNAME);
    expect(mail.text).toContain('nobody@undeliverable.test');
    expect(mail.text).toContain('Offer for next year');
    await waitFor('notice marked sent', async () => (await store.outbox.forBounce(first.id))[0]?.state === 'sent');

    // 2. The notice to lost@undeliverable.test bounced back to NOTIFY_FROM: recorded, no notice.
    const loop = await waitFor(
      'the bounce of the notice',
      async () => (await bounces()).find((b) => b.email_to === 'lost@undeliverable.test'),
      {
        tries: 200,
        intervalMs: 50,
      },
    );
    const msg = (await store.messages.get(loop.message_id))!;
    expect(JSON.parse(msg.classification).envelope.aboutReboundNotice).toBe(true);
    expect(await store.outbox.forBounce(loop.id)).toEqual([]);
    expect(await notifier.sendDue()).toEqual({ sent: 0, failed: 0 });
    expect(await scalar(store, 'SELECT COUNT(*) AS n FROM outbox')).toBe(1);
    expect(sink!.messages).toHaveLength(1);
  });
});
