// The IMAP fallback end to end: a real Postfix (tests/harness/postfix.ts) bounces a message
// and delivers its DSN with virtual(8) straight into the maildir of a real Dovecot
// (tests/harness/dovecot.ts; both write as uid 65534), and rebound's IMAP poller, idling on
// the inbox, picks it up, records it through the real ingest and store, and moves it to
// PROCESSED. No stand-ins.
//
// Ports (fixed for this suite, apart from the 25xx suites): smtpd 3525, LMTP 3424 (unused
// here), fake MX 3526, dead 3999, sink 3587; Dovecot IMAP 1143.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { createImapPoller, type ImapPoller } from '../../src/intake/imap.ts';
import { createImapPollers, type ImapPollers } from '../../src/intake/imap-mailboxes.ts';
import { silentLogger } from '../../src/log.ts';
import { StatusBoard } from '../../src/status.ts';
import { openTestStore, scalar, type TestStore } from '../harness/test-store.ts';
import { startDovecot, type Dovecot } from '../harness/dovecot.ts';
import { portSet, waitFor } from '../harness/ports.ts';
import { startPostfix, stopPostfix, type PostfixInstance } from '../harness/postfix.ts';

const PORTS = portSet(3);
const IMAP_PORT = 1143;
const MAILBOX = 'bounces@imapbox.test';
const SHOP_MAILBOX = 'shop-bounces@imapbox.test';

let dir: string;
let dc: Dovecot | undefined;
let pf: PostfixInstance | undefined;
let store: TestStore | undefined;
let poller: ImapPoller | undefined;
let group: ImapPollers | undefined;
const board = new StatusBoard();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-imap-e2e-'));
  dc = await startDovecot({ port: IMAP_PORT, user: MAILBOX, pass: 'secret', extraUsers: { [SHOP_MAILBOX]: 'shop-secret' } });
  pf = await startPostfix({
    name: 'imap-e2e',
    ports: PORTS,
    virtualMailboxes: { [MAILBOX]: dc.maildirFor(MAILBOX), [SHOP_MAILBOX]: dc.maildirFor(SHOP_MAILBOX) },
  });
});

afterAll(async () => {
  await poller?.stop();
  await group?.stop();
  await store?.dispose();
  await stopPostfix(pf);
  await dc?.stop();
  if (dc) rmSync(dc.baseDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('IMAP fallback through a real Postfix and Dovecot', () => {
  it('records a DSN that Postfix delivered into the Dovecot mailbox and moves it to PROCESSED', async () => {
    const folders = { inbox: 'INBOX', processed: 'PROCESSED', skipped: 'SKIPPED', problem: 'PROBLEM' };
    const config: Config['imap'] = {
      enabled: true,
      name: 'main',
      statusPart: 'imap',
      host: '127.0.0.1',
      port: IMAP_PORT,
      user: MAILBOX,
      pass: 'secret',
      auth: 'password',
      oauth: null,
      tls: 'none',
      tlsVerify: true,
      pollInterval: 60_000, // only IDLE can deliver within the bounded wait below
      idle: true,
      batchSize: 10,
      testMode: false,
      folders,
    };
    const log = silentLogger();
    store = await openTestStore();
    poller = createImapPoller({ config, ingestor: createIngestor({ store, log }), store, log, board });
    await poller.start(); // the first login also makes Dovecot create the maildir
    await waitFor('the first poll', () => board.get('imap')?.facts?.lastPollAt, { tries: 100, intervalMs: 50 });

    // A message from the IMAP mailbox's address to a recipient Postfix cannot deliver to:
    // Postfix's error transport bounces it, and the DSN goes back to the mailbox.
    const messageId = `<imap-e2e-${Date.now()}@client.test>`;
    const original = [
      `From: ${MAILBOX}`,
      'To: nobody@undeliverable.test',
      'Subject: newsletter',
      `Message-ID: ${messageId}`,
      '',
      'Hello.',
      '',
    ].join('\r\n');
    const sent = performance.now();
    await pf!.send(MAILBOX, ['nobody@undeliverable.test'], original);

    const bounce = await waitFor(
      'the DSN to be recorded',
      () =>
        store!.sql.get<{
          email_to: string;
          status_code: string;
          kind: string;
          bounce_type: string;
          original_message_id: string;
          message_id: number;
        }>(
          "SELECT email_to, status_code, kind, bounce_type, original_message_id, message_id FROM bounces WHERE email_to = 'nobody@undeliverable.test'",
        ),
      { tries: 200, intervalMs: 50 },
    );
    console.log(`[imap e2e] Postfix accepted the message -> DSN recorded from IMAP: ${(performance.now() - sent).toFixed(0)} ms`);
    expect(bounce).toMatchObject({
      status_code: '5.1.1',
      kind: 'bounce',
      bounce_type: 'hard',
      original_message_id: messageId.slice(1, -1),
    }); // stored without the angle brackets
    const msg = await store.sql.get('SELECT source, envelope_from, envelope_to, status FROM messages WHERE id = ?', [bounce.message_id]);
    // virtual(8) wrote Return-Path: <> and Delivered-To: the mailbox; the poller passes them on as the envelope.
    expect(msg).toEqual({ source: 'imap', envelope_from: '', envelope_to: MAILBOX, status: 'Processed' });

    await waitFor('the DSN to be moved to PROCESSED', async () => (await dc!.uids('PROCESSED')).length === 1, {
      tries: 100,
      intervalMs: 50,
    });
    expect(await dc!.uids('INBOX')).toEqual([]);
  });

  it('polls two mailboxes that Postfix delivers into, each DSN recorded once and moved in its own mailbox', async () => {
    await poller?.stop(); // the first test's poller; the group below polls both mailboxes
    const folders = { inbox: 'INBOX', processed: 'PROCESSED', skipped: 'SKIPPED', problem: 'PROBLEM' };
    const mailbox = (name: string, statusPart: Config['imap']['statusPart'], user: string, pass: string): Config['imap'] => ({
      enabled: true,
      name,
      statusPart,
      host: '127.0.0.1',
      port: IMAP_PORT,
      user,
      pass,
      auth: 'password',
      oauth: null,
      tls: 'none',
      tlsVerify: true,
      pollInterval: 60_000,
      idle: true,
      batchSize: 10,
      testMode: false,
      folders,
    });
    const log = silentLogger();
    const groupStatus = new StatusBoard();
    group = createImapPollers([mailbox('main', 'imap', MAILBOX, 'secret'), mailbox('shop', 'imap:shop', SHOP_MAILBOX, 'shop-secret')], {
      ingestor: createIngestor({ store: store!, log }),
      store: store!,
      log,
      board: groupStatus,
    });
    await group.start();
    await waitFor('both first polls', () => groupStatus.get('imap')?.facts?.lastPollAt && groupStatus.get('imap:shop')?.facts?.lastPollAt, {
      tries: 100,
      intervalMs: 50,
    });

    for (const [from, to] of [
      [MAILBOX, 'nobody2@undeliverable.test'],
      [SHOP_MAILBOX, 'nobody3@undeliverable.test'],
    ] as const) {
      await pf!.send(
        from,
        [to],
        [`From: ${from}`, `To: ${to}`, 'Subject: order', `Message-ID: <imap-e2e-${to}-${Date.now()}@client.test>`, '', 'Hello.', ''].join(
          '\r\n',
        ),
      );
    }
    const shopClient = async () => dc!.client(SHOP_MAILBOX, 'shop-secret');
    await waitFor(
      'both DSNs recorded',
      async () =>
        (await scalar(
          store!,
          "SELECT COUNT(*) AS n FROM bounces WHERE email_to IN ('nobody2@undeliverable.test', 'nobody3@undeliverable.test')",
        )) === 2 || undefined,
      { tries: 200, intervalMs: 50 },
    );
    await waitFor('the main mailbox DSN moved', async () => (await dc!.uids('PROCESSED')).length === 2, { tries: 100, intervalMs: 50 });
    const c = await shopClient();
    try {
      const st = await waitFor(
        'the shop DSN moved',
        async () => {
          const s = await c.status('PROCESSED', { messages: true }).catch(() => false as const);
          return s && s.messages === 1 ? s : undefined;
        },
        { tries: 100, intervalMs: 50 },
      );
      expect(st.messages).toBe(1);
      expect(await c.status('INBOX', { messages: true })).toMatchObject({ messages: 0 });
    } finally {
      await c.logout().catch(() => c.close());
    }
    const rows = await store!.sql.all(
      "SELECT b.email_to, m.envelope_to FROM bounces b JOIN messages m ON m.id = b.message_id WHERE b.email_to IN ('nobody2@undeliverable.test', 'nobody3@undeliverable.test') ORDER BY b.email_to",
    );
    expect(rows).toEqual([
      { email_to: 'nobody2@undeliverable.test', envelope_to: MAILBOX },
      { email_to: 'nobody3@undeliverable.test', envelope_to: SHOP_MAILBOX },
    ]);
  });
});
