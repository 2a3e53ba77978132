// The IMAP poller against a real Dovecot (private loopback instance from
// tests/harness/dovecot.ts, port 1143), with the real ingest funnel, classifier and a real
// store on the run's engine (SQLite in a temp dir, or PostgreSQL). The tests read what a user would see: the folders in the
// mailbox, the rows in the database, the status board and the log.
//
// Stand-ins, where no real part can fail on cue: the crash test wraps the real ingestor to
// SIGKILL Dovecot right after the third commit (between commit and MOVE, the one moment that
// matters), and the store-failure test switches SQLite to read-only with PRAGMA query_only.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config, ImapFolders } from '../../src/config.ts';
import { createIngestor, type Ingestor } from '../../src/ingest.ts';
import { createImapPoller, type ImapPoller } from '../../src/intake/imap.ts';
import { Metrics } from '../../src/metrics.ts';
import { StatusBoard } from '../../src/status.ts';
import type { Store } from '../../src/store/store.ts';
import { onSqlite, openSharedTestStores, openTestStore, type TestStore } from '../harness/test-store.ts';
import { startDovecot, stopAndRemoveDovecot, type Dovecot } from '../harness/dovecot.ts';
import { capturingLogger, type Logged } from '../harness/log.ts';
import { emptyMailbox, imapConfig as sharedImapConfig, TEST, wireSha256 } from './imap-fixtures.ts';
import { sleep, waitFor } from '../harness/ports.ts';

const PORT = 1143;
const ROOT = new URL('../../', import.meta.url).pathname;
const SISIMAI = path.join(ROOT, 'tests/fixtures/corpus/sisimai');

let dc: Dovecot;
let dir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  dc = await startDovecot({ port: PORT });
});

afterAll(() => stopAndRemoveDovecot(dc));

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-imap-test-'));
  await emptyMailbox(dc);
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  rmSync(dir, { recursive: true, force: true });
});

// --- helpers ---

function imapConfig(over: Partial<Config['imap']> = {}): Config['imap'] {
  return sharedImapConfig(dc, over);
}

interface Rig {
  store: Store;
  ingestor: Ingestor;
  poller: ImapPoller;
  board: StatusBoard;
  metrics: Metrics;
  lines: Logged[];
}

async function rig(
  opts: {
    config?: Partial<Config['imap']>;
    store?: TestStore;
    wrap?: (i: Ingestor) => Ingestor;
    timing?: Parameters<typeof createImapPoller>[0]['timing'];
  } = {},
): Promise<Rig> {
  const { log, lines } = capturingLogger();
  const store = opts.store ?? (await openTestStore());
  const real = createIngestor({ store, log });
  const ingestor = opts.wrap ? opts.wrap(real) : real;
  const board = new StatusBoard();
  const metrics = new Metrics();
  const poller = createImapPoller({ config: imapConfig(opts.config), ingestor, store, log, board, metrics, timing: opts.timing });
  cleanups.push(async () => {
    await poller.stop();
    await store.dispose();
  });
  return { store, ingestor, poller, board, metrics, lines };
}

function dbMessages(store: Store): Promise<{ id: number; sha256: string; source: string; kind: string; status: string }[]> {
  return store.sql.all('SELECT id, sha256, source, kind, status FROM messages ORDER BY id');
}

/** sha256 of each message per folder, as the server holds them now. */
async function folderShas(folders: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const f of folders) out[f] = (await dc.messages(f)).map(wireSha256);
  return out;
}

// A fixed sample of the corpus: Postfix, Exim and Sendmail bounces (one and two recipients,
// 5.x.x and 4.x.x), ARF complaints, an auto-reply and plain non-bounces.
const SAMPLE = [
  'maildir/bsd/lhost-postfix-01.eml',
  'maildir/bsd/lhost-postfix-04.eml',
  'maildir/bsd/lhost-postfix-05.eml',
  'maildir/bsd/lhost-postfix-11.eml',
  'maildir/bsd/lhost-postfix-13.eml',
  'maildir/bsd/lhost-postfix-14.eml',
  'maildir/bsd/lhost-postfix-15.eml',
  'maildir/bsd/lhost-exim-01.eml',
  'maildir/bsd/lhost-exim-02.eml',
  'maildir/bsd/lhost-sendmail-05.eml',
  'maildir/bsd/lhost-sendmail-06.eml',
  'maildir/bsd/arf-14.eml',
  'maildir/bsd/arf-17.eml',
  'maildir/bsd/arf-18.eml',
  'maildir/bsd/arf-26.eml',
  'maildir/not/is-not-bounce-01.eml',
  'maildir/not/is-not-bounce-02.eml',
];

interface Expected {
  file: string;
  expected: { status: string; reason: string; recipient?: string }[];
}

const manifest = JSON.parse(readFileSync(path.join(SISIMAI, 'manifest.json'), 'utf8')) as Expected[];

/** The folder a message belongs in, from the manifest's (Sisimai's) answer. */
function expectedFolder(e: Expected): 'PROCESSED' | 'SKIPPED' {
  if (e.expected.length === 0) return 'SKIPPED'; // not a bounce
  if (e.expected.every((x) => x.reason === 'vacation')) return 'SKIPPED'; // auto-reply
  return 'PROCESSED'; // bounce, delay, complaint (feedback)
}

// --- the tests ---

describe('IMAP poller against a real Dovecot', () => {
  it('moves each corpus message to the folder its classification names and records it once', async () => {
    const sample = SAMPLE.map((file) => ({
      file,
      raw: readFileSync(path.join(SISIMAI, file)),
      entry: manifest.find((m) => m.file === file)!,
    }));
    const garbage = Buffer.from('this is not an email message, it has no header fields at all\r\n');
    for (const s of sample) await dc.append('INBOX', s.raw);
    await dc.append('INBOX', garbage);

    const r = await rig({ config: { batchSize: 4 } });
    const result = await r.poller.pollOnce();

    expect(result.outcome).toBe('ok');
    expect(result.found).toBe(sample.length + 1);
    const shas = await folderShas(['INBOX', 'PROCESSED', 'SKIPPED', 'PROBLEM']);
    expect(shas.INBOX).toEqual([]);
    for (const s of sample) {
      const folder = expectedFolder(s.entry);
      expect({ file: s.file, folder: shas[folder]!.includes(wireSha256(s.raw)) }).toEqual({ file: s.file, folder: true });
    }
    expect(shas.PROBLEM).toEqual([wireSha256(garbage)]);
    expect(shas.PROCESSED!.length + shas.SKIPPED!.length + shas.PROBLEM!.length).toBe(sample.length + 1);

    // The database: each message once, from IMAP, with the manifest's recipients and codes.
    const rows = await dbMessages(r.store);
    expect(rows).toHaveLength(sample.length + 1);
    expect(new Set(rows.map((m) => m.sha256)).size).toBe(rows.length);
    expect(rows.every((m) => m.source === 'imap')).toBe(true);
    const bySha = new Map(rows.map((m) => [m.sha256, m]));
    expect(bySha.get(wireSha256(garbage))!.status).toBe('Problem');
    for (const s of sample) {
      const m = bySha.get(wireSha256(s.raw))!;
      const bounces = await r.store.sql.all<{ email_to: string; status_code: string }>(
        'SELECT email_to, status_code FROM bounces WHERE message_id = ? ORDER BY email_to',
        [m.id],
      );
      const want = s.entry.expected.map((x) => (x.recipient ?? '').toLowerCase()).sort();
      expect({ file: s.file, status: m.status }).toEqual({
        file: s.file,
        status: expectedFolder(s.entry) === 'PROCESSED' ? 'Processed' : 'Skipped',
      });
      if (expectedFolder(s.entry) === 'PROCESSED') {
        expect({ file: s.file, to: bounces.map((b) => b.email_to) }).toEqual({ file: s.file, to: want });
        const codes = s.entry.expected
          .map((x) => x.status)
          .filter(Boolean)
          .sort();
        expect({
          file: s.file,
          codes: bounces
            .map((b) => b.status_code)
            .filter(Boolean)
            .sort(),
        }).toEqual({ file: s.file, codes });
      }
    }

    // What the health endpoint and the dashboard read.
    const st = r.board.get('imap')!;
    expect(st.ok).toBe(true);
    expect(st.facts).toMatchObject({
      lastResult: 'ok',
      processed: shas.PROCESSED!.length,
      skipped: shas.SKIPPED!.length,
      problem: 1,
      failed: 0,
    });
    expect(typeof st.facts!.lastPollAt).toBe('string');
    const received = (await r.metrics.messagesReceived.get()).values;
    expect(received.every((s) => s.labels.source === 'imap')).toBe(true);
    expect(received.reduce((n, s) => n + s.value, 0)).toBe(sample.length + 1);
  });

  it('in test mode reads TEST and moves only to the TEST folders, leaving INBOX untouched', async () => {
    const bounce = readFileSync(path.join(SISIMAI, 'maildir/bsd/lhost-postfix-01.eml'));
    const plain = readFileSync(path.join(SISIMAI, 'maildir/not/is-not-bounce-01.eml'));
    const inboxMail = readFileSync(path.join(SISIMAI, 'maildir/bsd/lhost-postfix-04.eml'));
    await dc.append('INBOX', inboxMail);
    await dc.append('TEST', bounce);
    await dc.append('TEST', plain);

    const r = await rig({ config: { folders: TEST } });
    const result = await r.poller.pollOnce();

    expect(result).toMatchObject({ outcome: 'ok', processed: 1, skipped: 1 });
    const shas = await folderShas(['INBOX', 'TEST', 'TESTPROCESSED', 'TESTSKIPPED']);
    expect(shas).toEqual({
      INBOX: [wireSha256(inboxMail)],
      TEST: [],
      TESTPROCESSED: [wireSha256(bounce)],
      TESTSKIPPED: [wireSha256(plain)],
    });
    const folders = await dc.folders();
    expect(folders.sort()).toEqual(['INBOX', 'TEST', 'TESTPROBLEM', 'TESTPROCESSED', 'TESTSKIPPED']);
    expect((await dbMessages(r.store)).map((m) => m.sha256).sort()).toEqual([wireSha256(bounce), wireSha256(plain)].sort());
  });

  it('loses nothing when Dovecot is killed mid-batch and rebound restarts: every message recorded once and in exactly one folder', async () => {
    const files = SAMPLE.slice(0, 12);
    const raws = files.map((f) => readFileSync(path.join(SISIMAI, f)));
    for (const raw of raws) await dc.append('INBOX', raw);

    // Poller A: Dovecot dies (SIGKILL, whole process tree) right after the third commit,
    // before that message's MOVE.
    let ingestCalls = 0;
    let killed = false;
    // Two stores on one database, as the same rebound before and after a restart has them.
    const [storeA, storeB] = (await openSharedTestStores(2)) as [TestStore, TestStore];
    const a = await rig({
      store: storeA,
      config: { batchSize: 5 },
      timing: { backoffInitialMs: 200, backoffMaxMs: 400 },
      wrap: (real) => ({
        drain: real.drain,
        async ingest(input) {
          ingestCalls++;
          const res = await real.ingest(input);
          if (ingestCalls === 3 && !killed) {
            killed = true;
            await dc.kill();
          }
          return res;
        },
      }),
    });
    await a.poller.start();
    await waitFor('Dovecot to be killed', () => killed, { tries: 200, intervalMs: 50 });
    // The poller notices and keeps trying to reconnect, without crashing.
    await waitFor(
      'the poller to report the lost connection',
      () => {
        const s = a.board.get('imap');
        return s && !s.ok && /connection lost|cannot connect/.test(s.detail) ? s : undefined;
      },
      { tries: 100, intervalMs: 50 },
    );
    expect(ingestCalls).toBe(3);
    // rebound stops while the server is down (bounded), then both come back.
    await a.poller.stop();
    await dc.start();

    let callsB = 0;
    const b = await rig({
      store: storeB,
      config: { batchSize: 5 },
      wrap: (real) => ({
        drain: real.drain,
        ingest(input) {
          callsB++;
          return real.ingest(input);
        },
      }),
    });
    await b.poller.start();
    await waitFor('INBOX to be emptied', async () => (await dc.uids('INBOX')).length === 0, { tries: 100, intervalMs: 100 });

    const shas = await folderShas(['INBOX', 'PROCESSED', 'SKIPPED', 'PROBLEM']);
    const all = [...shas.PROCESSED!, ...shas.SKIPPED!, ...shas.PROBLEM!].sort();
    expect(all).toEqual(raws.map(wireSha256).sort()); // each exactly once, none lost
    const rows = await dbMessages(b.store);
    expect(rows.map((m) => m.sha256).sort()).toEqual(raws.map(wireSha256).sort());
    // The message committed before the crash was moved by its recorded board, not ingested
    // again: the restarted poller read only the nine it had not seen.
    expect(callsB).toBe(raws.length - 3);
  });

  it('works a recreated folder (new UIDVALIDITY) again, logs it, and records a message seen before only once', async () => {
    const folders: ImapFolders = { inbox: 'BOUNCES', processed: 'B-PROCESSED', skipped: 'B-SKIPPED', problem: 'B-PROBLEM' };
    const first = ['lhost-postfix-01', 'lhost-postfix-04', 'lhost-postfix-05'].map((f) =>
      readFileSync(path.join(SISIMAI, `maildir/bsd/${f}.eml`)),
    );
    const later = ['lhost-postfix-11', 'lhost-postfix-13'].map((f) => readFileSync(path.join(SISIMAI, `maildir/bsd/${f}.eml`)));
    let v1 = 0;
    for (const raw of first) v1 = (await dc.append('BOUNCES', raw)).uidValidity;

    const r = await rig({ config: { folders } });
    expect((await r.poller.pollOnce()).processed).toBe(3);
    const key = `${dc.user}@127.0.0.1/BOUNCES`;
    expect(await r.store.imapState.get(key)).toEqual({ uidvalidity: v1, lastUid: 3 });

    // The folder is deleted and created again: new UIDVALIDITY, UIDs start at 1 once more.
    await dc.deleteFolder('BOUNCES');
    await dc.createFolder('BOUNCES');
    let v2 = 0;
    for (const raw of [...later, first[0]!]) v2 = (await dc.append('BOUNCES', raw)).uidValidity;
    expect(v2).not.toBe(v1);

    const result = await r.poller.pollOnce();
    expect(result).toMatchObject({ outcome: 'ok', processed: 3, duplicates: 1 });
    expect(await dc.uids('BOUNCES')).toEqual([]);
    expect(await r.store.imapState.get(key)).toEqual({ uidvalidity: v2, lastUid: 3 });
    const warn = r.lines.find((l) => l.level === 'warn' && /UIDVALIDITY changed/.test(l.msg));
    expect(warn).toMatchObject({ oldUidValidity: v1, newUidValidity: v2 });
    expect(await dbMessages(r.store)).toHaveLength(5);
    // The copy of the first message sits in the processed folder twice now, as the server
    // holds two copies of it; the database holds it once.
    expect((await dc.messages('B-PROCESSED')).map(wireSha256).filter((s) => s === wireSha256(first[0]!))).toHaveLength(2);
  });

  it('reports a wrong password on the status board and in the log, closes the socket, and does not retry in a tight loop', async () => {
    const before = dc.failedLogins();
    const r = await rig({ config: { pass: 'not-the-password', pollInterval: 1000 } });
    await r.poller.start(); // resolves after the first attempt; does not throw
    await sleep(3000); // three poll intervals

    const st = r.board.get('imap')!;
    expect(st.ok).toBe(false);
    expect(st.detail).toMatch(/^login failed: .*AUTHENTICATIONFAILED/);
    const err = r.lines.find((l) => l.level === 'error' && /IMAP login failed/.test(l.msg));
    expect(err).toMatchObject({ user: dc.user, server: `127.0.0.1:${PORT}` });
    expect(JSON.stringify(r.lines)).not.toContain('not-the-password');
    // One attempt in three seconds although the poll interval is one second: a refused login
    // waits at least a minute before the next try.
    expect(dc.failedLogins() - before).toBe(1);
    // The client hung up at once (imapflow would otherwise leave the socket to time out).
    expect(dc.log()).toMatch(/Disconnected: Connection closed \(auth failed, 1 attempts/);
  });

  // Fails every write with SQLite's PRAGMA query_only; nothing switches a PostgreSQL pool so.
  it.skipIf(!onSqlite)('leaves a message it cannot store in the inbox and processes it on a later poll once the store works', async () => {
    const raws = ['lhost-postfix-01', 'lhost-postfix-04', 'lhost-exim-01'].map((f) =>
      readFileSync(path.join(SISIMAI, `maildir/bsd/${f}.eml`)),
    );
    for (const raw of raws) await dc.append('INBOX', raw);
    const r = await rig();
    r.store.db!.pragma('query_only = ON'); // every write fails with SQLITE_READONLY

    const failed = await r.poller.pollOnce();
    expect(failed).toMatchObject({ outcome: 'incomplete', failed: 1, processed: 0 });
    expect(await dc.uids('INBOX')).toHaveLength(3);
    expect((await folderShas(['PROCESSED'])).PROCESSED).toEqual([]);
    const st = r.board.get('imap')!;
    expect(st.ok).toBe(false);
    expect(st.detail).toMatch(/could not store/);
    expect(st.facts).toMatchObject({ failed: 1 });

    r.store.db!.pragma('query_only = OFF');
    const ok = await r.poller.pollOnce();
    expect(ok).toMatchObject({ outcome: 'ok', processed: 3, failed: 0 });
    expect(await dc.uids('INBOX')).toEqual([]);
    expect((await folderShas(['PROCESSED'])).PROCESSED!.sort()).toEqual(raws.map(wireSha256).sort());
    expect(await dbMessages(r.store)).toHaveLength(3);
    expect(r.board.get('imap')!.ok).toBe(true);
  });

  it('works through a folder larger than one batch in a single poll', async () => {
    const plain = readFileSync(path.join(SISIMAI, 'maildir/not/is-not-bounce-01.eml')).toString('latin1');
    const c = await dc.client();
    try {
      // 60 distinct messages (distinct bytes, so none is a duplicate of another).
      for (let i = 0; i < 60; i++) await c.append('INBOX', Buffer.from(plain.replace(/^Subject:/im, `X-Seq: ${i}\r\nSubject:`), 'latin1'));
    } finally {
      await c.logout();
    }
    const r = await rig({ config: { batchSize: 7 } });
    const result = await r.poller.pollOnce();
    expect(result).toMatchObject({ outcome: 'ok', found: 60, skipped: 60 });
    expect(await dc.uids('INBOX')).toEqual([]);
    expect(await dc.uids('SKIPPED')).toHaveLength(60);
    expect(await dbMessages(r.store)).toHaveLength(60);
  });

  it('reconnects by itself after Dovecot crashes and comes back, and reports the outage meanwhile', async () => {
    const r = await rig({ timing: { backoffInitialMs: 200, backoffMaxMs: 1000 } });
    await r.poller.start();
    await waitFor('the first poll', () => r.board.get('imap')?.facts?.lastPollAt, { tries: 100, intervalMs: 50 });
    await dc.kill();
    await waitFor('the outage on the status board', () => (r.board.get('imap')?.ok === false ? true : undefined), {
      tries: 100,
      intervalMs: 50,
    });
    expect(r.board.get('imap')!.detail).toMatch(/(connection lost|cannot connect) to 127\.0\.0\.1:1143/);
    await sleep(1500); // a few refused reconnects (bounded backoff) while the server is down
    await dc.start();
    const raw = readFileSync(path.join(SISIMAI, 'maildir/bsd/lhost-postfix-01.eml'));
    await dc.append('INBOX', raw);
    await waitFor(
      'the bounce to be recorded after the reconnect',
      async () => (await dbMessages(r.store)).find((m) => m.sha256 === wireSha256(raw)),
      {
        tries: 200,
        intervalMs: 50,
      },
    );
    await waitFor('the status board to be ok again', () => r.board.get('imap')?.ok, { tries: 100, intervalMs: 50 });
    expect(r.lines.some((l) => l.level === 'warn' && /IMAP server not reachable; retrying/.test(l.msg))).toBe(true);
  });

  it('runs a pass at once when pollOnce is called on a running poller', async () => {
    const r = await rig({ config: { idle: false, pollInterval: 60_000 } });
    await r.poller.start();
    await waitFor('the first poll', () => r.board.get('imap')?.facts?.lastPollAt, { tries: 100, intervalMs: 50 });
    await dc.append('INBOX', readFileSync(path.join(SISIMAI, 'maildir/not/is-not-bounce-02.eml')));
    // Neither IDLE nor the 60 s timer would see it now; pollOnce wakes the loop, and answers
    // with a pass that started after the call. (A pass already under way when the message
    // arrived may have taken it first: either way it is handled when pollOnce returns.)
    const result = await r.poller.pollOnce();
    expect(result.outcome).toBe('ok');
    expect(await dc.uids('INBOX')).toEqual([]);
    expect(r.board.get('imap')?.facts?.totalSkipped).toBe(1);
    expect(await dc.uids('SKIPPED')).toHaveLength(1);
  });

  it('picks up a new bounce while idling, without waiting for the poll interval; prints the delay with IDLE and without', async () => {
    const figures: string[] = [];
    const files = ['lhost-postfix-14', 'lhost-postfix-15'];
    for (const [i, mode] of (['idle', 'poll'] as const).entries()) {
      // IDLE: the poll interval (60 s) is far beyond the bounded wait below, so only IDLE can
      // deliver in time. Without IDLE: a 2 s poll interval.
      const r = await rig({
        config: mode === 'idle' ? { idle: true, pollInterval: 60_000 } : { idle: false, pollInterval: 2000 },
        store: await openTestStore(),
      });
      await r.poller.start();
      await waitFor('the first poll', () => r.board.get('imap')?.facts?.lastPollAt, { tries: 100, intervalMs: 50 });
      await sleep(300); // let the poller settle into its wait (IDLE or timer)
      const raw = readFileSync(path.join(SISIMAI, `maildir/bsd/${files[i]}.eml`));
      const appender = await dc.client();
      const t0 = performance.now();
      await appender.append('INBOX', raw);
      const appended = performance.now();
      await appender.logout();
      await waitFor(
        `the bounce to be recorded (${mode})`,
        async () => (await dbMessages(r.store)).find((m) => m.sha256 === wireSha256(raw)),
        {
          tries: 600,
          intervalMs: 5,
        },
      );
      const ms = performance.now() - appended;
      await waitFor('the bounce to be moved', async () => (await dc.uids('PROCESSED')).length === i + 1, { tries: 100, intervalMs: 50 });
      figures.push(
        `${mode === 'idle' ? 'with IDLE' : 'without IDLE (2 s poll interval)'}: ${ms.toFixed(0)} ms from the end of APPEND to the commit (APPEND itself ${(appended - t0).toFixed(0)} ms)`,
      );
      await r.poller.stop();
    }
    console.log(`[imap latency] ${figures.join('; ')}`);
  });
});
