// Several IMAP mailboxes polled together against a real Dovecot (port 1345, one user per
// mailbox), configured the way an admin would: IMAP_* variables for the first, a JSON
// mailbox file for the others, read by loadConfig. What the tests read is what a user sees:
// the folders of each mailbox, the database rows, /health's report and the metrics.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { createImapPollers, type ImapPollers } from '../../src/intake/imap-mailboxes.ts';
import { Metrics } from '../../src/metrics.ts';
import { StatusBoard } from '../../src/status.ts';
import { openTestStore, scalar, type TestStore } from '../harness/test-store.ts';
import { silentLogger } from '../../src/log.ts';
import { createWebApp } from '../../src/web/app.ts';
import { healthReport } from '../../src/web/health.ts';
import { startWebServer } from '../../src/web/server.ts';
import { ADMIN_PASS, Client, SECRET } from '../web/fixture.ts';
import { startDovecot, type Dovecot } from '../harness/dovecot.ts';
import { capturingLogger } from '../harness/log.ts';
import { waitFor } from '../harness/ports.ts';
import { emptyMailbox } from './imap-fixtures.ts';

const PORT = 1345;
const ROOT = new URL('../../', import.meta.url).pathname;
const corpus = (f: string) => readFileSync(path.join(ROOT, 'tests/fixtures/corpus', f));
const DSN_550 = corpus('postfix/dsn-remote-550.eml');
const DSN_ERROR = corpus('postfix/dsn-error-transport.eml');
const DSN_EXIM = corpus('sisimai/maildir/bsd/lhost-exim-01.eml');
const NOT_BOUNCE = corpus('sisimai/maildir/not/is-not-bounce-01.eml');

const SALES = 'sales-bounces@bounces.test';
const SHOP = 'shop-bounces@bounces.test';
const OLD = 'old-bounces@bounces.test';

let dc: Dovecot;
let dir: string;
let store: TestStore;
let group: ImapPollers | undefined;

beforeAll(async () => {
  dc = await startDovecot({ port: PORT, user: SALES, pass: 'sales-pass', extraUsers: { [SHOP]: 'shop-pass', [OLD]: 'old-pass' } });
});

afterAll(async () => {
  await dc?.stop();
  if (dc) rmSync(dc.baseDir, { recursive: true, force: true });
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-imap-mailboxes-'));
  store = await openTestStore();
  for (const [u, p] of [
    [SALES, 'sales-pass'],
    [SHOP, 'shop-pass'],
    [OLD, 'old-pass'],
  ] as const)
    await emptyMailbox(dc, u, p);
});

afterEach(async () => {
  await group?.stop();
  group = undefined;
  await store.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function append(user: string, pass: string, folder: string, raw: Buffer): Promise<void> {
  const c = await dc.client(user, pass);
  try {
    if (folder !== 'INBOX' && !(await c.list()).some((f) => f.path === folder)) await c.mailboxCreate(folder);
    await c.append(folder, raw);
  } finally {
    await c.logout().catch(() => c.close());
  }
}

/** Messages per folder of one mailbox, folders with none left out. */
async function folderCounts(user: string, pass: string): Promise<Record<string, number>> {
  const c = await dc.client(user, pass);
  try {
    const out: Record<string, number> = {};
    for (const f of await c.list()) {
      const st = await c.status(f.path, { messages: true });
      if (st && st.messages) out[f.path] = st.messages;
    }
    return out;
  } finally {
    await c.logout().catch(() => c.close());
  }
}

/** The configuration an admin writes: IMAP_* for the first mailbox, a file for the others. */
function configWith(mailboxes: unknown[]): Config {
  const file = path.join(dir, 'imap-mailboxes.json');
  writeFileSync(file, JSON.stringify(mailboxes, null, 2));
  return loadConfig(
    {
      DATA_DIR: dir,
      IMAP_SERVER: '127.0.0.1',
      IMAP_PORT: String(PORT),
      IMAP_TLS: 'none',
      IMAP_USER: SALES,
      IMAP_PASS: 'sales-pass',
      IMAP_NAME: 'sales',
      IMAP_MAILBOXES_FILE: file,
      LMTP_ENABLED: 'false', // only the IMAP parts in /health
      ADMIN_PASS,
      SESSION_SECRET: SECRET,
    },
    dir,
  );
}

function start(config: Config): { board: StatusBoard; metrics: Metrics; group: ImapPollers } {
  const { log } = capturingLogger();
  const board = new StatusBoard();
  const metrics = new Metrics();
  group = createImapPollers(config.imapMailboxes, {
    ingestor: createIngestor({ store, log }),
    store,
    log,
    board,
    metrics,
    timing: { backoffInitialMs: 100 },
  });
  return { board, metrics, group };
}

/** The bytes a delivering server would add in each mailbox: same bounce, different copy. */
function deliveredTo(user: string, raw: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`Delivered-To: ${user}\r\n`), raw]);
}

describe('several IMAP mailboxes', () => {
  it('polls three mailboxes together, one with a wrong password, with the right folder moves in each', async () => {
    await append(SALES, 'sales-pass', 'INBOX', DSN_550);
    await append(SALES, 'sales-pass', 'INBOX', NOT_BOUNCE);
    await append(SHOP, 'shop-pass', 'TEST', DSN_ERROR); // the shop mailbox runs in test mode
    await append(OLD, 'old-pass', 'INBOX', DSN_EXIM);
    const config = configWith([
      { name: 'shop', server: '127.0.0.1', port: PORT, tls: 'none', user: SHOP, pass: 'shop-pass', testMode: true },
      { name: 'old', server: '127.0.0.1', port: PORT, tls: 'none', user: OLD, pass: 'a-wrong-password' },
    ]);
    expect(config.imapMailboxes.map((m) => [m.name, m.statusPart])).toEqual([
      ['sales', 'imap'],
      ['shop', 'imap:shop'],
      ['old', 'imap:old'],
    ]);
    const { board, metrics, group: g } = start(config);
    await g.start();

    await waitFor(
      'both working mailboxes polled',
      () => board.get('imap')?.facts?.lastPollAt && board.get('imap:shop')?.facts?.lastPollAt,
      { tries: 100, intervalMs: 50 },
    );
    await waitFor('the sales moves', async () => (await folderCounts(SALES, 'sales-pass')).SKIPPED === 1, { tries: 100, intervalMs: 50 });
    expect(await folderCounts(SALES, 'sales-pass')).toEqual({ PROCESSED: 1, SKIPPED: 1 });
    await waitFor('the shop move', async () => (await folderCounts(SHOP, 'shop-pass')).TESTPROCESSED === 1, { tries: 100, intervalMs: 50 });
    // Test mode reads TEST only; INBOX and the normal folders stay untouched.
    expect(await folderCounts(SHOP, 'shop-pass')).toEqual({ TESTPROCESSED: 1 });
    // The refused mailbox keeps its bounce where it was, for when the password is fixed.
    expect(await folderCounts(OLD, 'old-pass')).toEqual({ INBOX: 1 });

    expect(board.get('imap:old')).toMatchObject({ ok: false });
    expect(board.get('imap:old')!.detail).toMatch(/^login failed: .*AUTHENTICATIONFAILED/);
    const health = await healthReport(config, store, board, new Date());
    expect(health.failing).toEqual(['imap:old']);
    expect(health.parts).toMatchObject({
      imap: { ok: true, detail: 'working' },
      'imap:shop': { ok: true, detail: 'working' },
      'imap:old': { ok: false, detail: 'not working: login refused' },
    });
    const received = (await metrics.messagesReceived.get()).values.map((s) => [s.labels.mailbox, s.labels.outcome, s.value]).sort();
    expect(received).toEqual([
      ['sales', 'processed', 1],
      ['sales', 'skipped', 1],
      ['shop', 'processed', 1],
    ]);

    // What an admin and a scraper see over HTTP: /health, /metrics and the dashboard.
    const web = await startWebServer(
      createWebApp({ config, store, log: silentLogger(), board, metrics, retry: async () => ({ queued: false, message: '' }) }),
      { host: '127.0.0.1', port: 0 },
    );
    try {
      const res = await fetch(`${web.address()}/health`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { failing: string[]; parts: Record<string, { detail: string }> };
      expect(body.failing).toEqual(['imap:old']);
      expect(body.parts['imap:old']!.detail).toBe('not working: login refused');
      expect(JSON.stringify(body)).not.toMatch(/bounces\.test|127\.0\.0\.1|pass/);
      const text = await (await fetch(`${web.address()}/metrics`)).text();
      expect(text).toContain('rebound_messages_received_total{source="imap",outcome="processed",mailbox="sales"} 1');
      expect(text).toMatch(/rebound_imap_last_poll_timestamp_seconds\{mailbox="shop"\} \d+/);
      expect(text).toContain('rebound_part_up{part="imap:old"} 0');
      const client = new Client(web.address());
      await client.signIn();
      const page = await (await client.request('GET', '/')).text();
      expect(page).toMatch(
        /<tr data-part="imap:old">\s*<td title="imap:old">IMAP mailbox poller \(old\)<\/td>\s*<td><span class="badge text-bg-danger">failing<\/span><\/td>\s*<td>login failed: \[AUTHENTICATIONFAILED\]/,
      );
      expect(page).toMatch(
        /<tr data-part="imap:shop">\s*<td title="imap:shop">IMAP mailbox poller \(shop\)<\/td>\s*<td><span class="badge text-bg-success">ok<\/span>/,
      );
    } finally {
      await web.stop();
    }
  });

  it('records a bounce seen in two mailboxes once, and moves both copies', async () => {
    await append(SALES, 'sales-pass', 'INBOX', deliveredTo(SALES, DSN_550));
    await append(SHOP, 'shop-pass', 'INBOX', deliveredTo(SHOP, DSN_550));
    const config = configWith([{ name: 'shop', server: '127.0.0.1', port: PORT, tls: 'none', user: SHOP, pass: 'shop-pass' }]);
    const { group: g } = start(config);
    await g.start();
    await waitFor(
      'both copies moved',
      async () => (await folderCounts(SALES, 'sales-pass')).PROCESSED === 1 && (await folderCounts(SHOP, 'shop-pass')).PROCESSED === 1,
      { tries: 100, intervalMs: 50 },
    );
    const messages = await store.sql.all<{ envelope_to: string; dup: number }>(
      'SELECT envelope_to, CASE WHEN duplicate_of IS NULL THEN 0 ELSE 1 END AS dup FROM messages ORDER BY id',
    );
    expect(messages.map((m) => m.envelope_to).sort()).toEqual([SALES, SHOP].sort());
    expect(messages.map((m) => m.dup)).toEqual([0, 1]);
    expect(await scalar(store, 'SELECT COUNT(*) AS n FROM bounces')).toBe(1);
  });

  it('keeps polling the others when one mailbox server is unreachable', async () => {
    await append(SALES, 'sales-pass', 'INBOX', DSN_550);
    const config = configWith([{ name: 'gone', server: '127.0.0.1', port: 1, tls: 'none', user: SHOP, pass: 'x' }]);
    const { board, group: g } = start(config);
    await g.start();
    await waitFor('the sales bounce moved', async () => (await folderCounts(SALES, 'sales-pass')).PROCESSED === 1, {
      tries: 100,
      intervalMs: 50,
    });
    expect(board.get('imap:gone')).toMatchObject({ ok: false });
    expect(board.get('imap:gone')!.facts?.problem).toBe('cannot connect');
    expect((await healthReport(config, store, board, new Date())).failing).toEqual(['imap:gone']);
  });
});
