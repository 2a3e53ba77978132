// The LMTP listener alone, against a real store on the run's engine and the real ingest
// funnel and classifier, spoken to over real sockets by a small LMTP client. Store failures
// are real too: a read-only database file and a lock held by another connection (SQLite), a
// database server that does not answer (PostgreSQL), a closed connection (both). The one stand-in is the "fails for one recipient" ingestor below, a wrapper
// around the real one, because no real store fails for exactly one recipient on demand.

import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { createIngestor, type Ingestor } from '../../src/ingest.ts';
import { createLmtpServer, recipientAccepted, type LmtpServer } from '../../src/intake/lmtp.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { StatusBoard } from '../../src/status.ts';
import { recordHooks } from '../../src/record-hooks.ts';
import { openPostgresStore, openStore, type Store } from '../../src/store/store.ts';
import { onSqlite, openTestStore, scalar } from '../harness/test-store.ts';
import { sendMail, SmtpSession, dataPayload, type Reply, type SendResult } from '../harness/smtp-client.ts';
import { canConnect, freePort, sleep, waitFor } from '../harness/ports.ts';
import { capturingLogger } from '../harness/log.ts';
import { forgedDsn, paddedDsn } from '../notify/forged-dsn.ts';

const DSN = readFileSync(new URL('../fixtures/corpus/postfix/dsn-remote-550.eml', import.meta.url));
const log = silentLogger();

function lmtpConfig(over: Partial<Config['lmtp']> = {}): Config['lmtp'] {
  return {
    enabled: true,
    protocol: 'lmtp',
    listen: [{ kind: 'tcp', host: '127.0.0.1', port: 0, path: '' }],
    maxSize: 10 * 1024 * 1024,
    maxConnections: 20,
    idleTimeout: 10_000,
    accept: [],
    hostname: 'rebound.test',
    tlsKey: '',
    tlsCert: '',
    ...over,
  };
}

function plainMessage(tag: string, extra = ''): string {
  return `From: someone@example.org\r\nTo: bounces@example.com\r\nSubject: test ${tag}\r\nMessage-ID: <${tag}@example.org>\r\n\r\nHello ${tag}\r\n${extra}`;
}

let dir: string;
let dbFile: string;
let store: Store | undefined;
let server: LmtpServer | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-lmtp-test-'));
  dbFile = path.join(dir, 'bounces.db');
});

afterEach(async () => {
  await server?.stop(1000);
  server = undefined;
  // A test store deletes what it made; one a test opened itself is closed (closing is idempotent).
  await (store && 'dispose' in store ? (store as { dispose(): Promise<void> }).dispose() : store?.close());
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function startListener(opts: { config?: Partial<Config['lmtp']>; ingestor?: Ingestor; board?: StatusBoard; metrics?: Metrics } = {}) {
  store ??= await openTestStore();
  const ingestor = opts.ingestor ?? createIngestor({ store, log });
  server = createLmtpServer({ config: lmtpConfig(opts.config), ingestor, log, board: opts.board, metrics: opts.metrics });
  await server.start();
  const addr = server.addresses()[0]!;
  const m = /^(?:\[(.*)\]|(.*)):(\d+)$/.exec(addr);
  return m ? { host: m[1] ?? m[2]!, port: Number(m[3]) } : { path: addr.slice(5) };
}

function lmtpSend(
  target: { host?: string; port?: number; path?: string },
  to: string[],
  raw: string | Buffer,
  from = '',
): Promise<SendResult> {
  return sendMail({ ...target, protocol: 'lmtp', helo: 'mta.postfix.test', from, to, raw, timeoutMs: 10_000 });
}

function messageCount(): Promise<number> {
  return scalar(store!, 'SELECT count(*) AS n FROM messages');
}

describe('LMTP listener', () => {
  it('answers once per recipient after DATA, in RCPT order, and stores the message with its envelope', async () => {
    const t = await startListener();
    const r = await lmtpSend(t, ['bounces+alice=example.org@example.com', 'bounces@example.com'], DSN);
    expect(r.greeting.text).toMatch(/^rebound\.test LMTP/);
    expect(r.rcpt.map((x) => x.code)).toEqual([250, 250]);
    expect(r.data.map((x) => x.code)).toEqual([250, 250]);
    expect(r.data[0]!.text).toMatch(/^2\.6\.0 stored as message \d+/);
    expect(r.data[1]!.text).toMatch(/^2\.6\.0 already stored as message \d+/);
    const msgs = await store!.sql.all('SELECT source, envelope_from, envelope_to FROM messages');
    expect(msgs).toEqual([{ source: 'lmtp', envelope_from: '', envelope_to: 'bounces+alice=example.org@example.com' }]);
    const bounces = await store!.sql.all('SELECT email_to, status_code FROM bounces');
    expect(bounces).toEqual([{ email_to: 'hard-user@mx-reject.test', status_code: '5.1.1' }]);
  });

  it('stores a 3 MB DSN byte for byte, in raw parts, and records its bounce', async () => {
    const t = await startListener();
    const raw = paddedDsn('three-mb', 3 * 1024 * 1024);
    // Two recipients: the second is answered from the first's commit and writes no parts.
    const r = await lmtpSend(t, ['bounces@example.com', 'bounces+x=example.org@example.com'], raw);
    expect(r.data.map((x) => x.code)).toEqual([250, 250]);
    expect(r.data[1]!.text).toMatch(/already stored/);
    expect(await scalar(store!, 'SELECT COUNT(*) AS n FROM raw_parts_pending')).toBe(0);
    const id = Number(/stored as message (\d+)/.exec(r.data[0]!.text)![1]);
    expect((await store!.messages.raw(id))!.equals(raw)).toBe(true);
    expect(await scalar(store!, 'SELECT raw_part_count AS n FROM messages WHERE id = ?', [id])).toBe(3);
    expect(await store!.sql.all('SELECT email_to, status_code FROM bounces')).toEqual([
      { email_to: 'user1@victims.test', status_code: '5.1.1' },
    ]);
  });

  it('answers 250 again for a message it already stored, and keeps one copy', async () => {
    const t = await startListener();
    expect((await lmtpSend(t, ['bounces@example.com'], DSN)).data.map((x) => x.code)).toEqual([250]);
    const again = await lmtpSend(t, ['bounces@example.com'], DSN);
    expect(again.data.map((x) => x.code)).toEqual([250]);
    expect(again.data[0]!.text).toMatch(/already stored/);
    expect(await messageCount()).toBe(1);
  });

  it('defers only the recipient whose commit failed, and takes it on the retry', async () => {
    store = await openTestStore();
    const real = createIngestor({ store, log });
    // Test-only failure injection: a wrapper around the real ingestor that rejects the first
    // delivery for one recipient, as a store failure would.
    let failed = false;
    const flaky: Ingestor = {
      ingest(input) {
        if (!failed && input.envelopeTo?.[0] === 'bounces+bob@example.com') {
          failed = true;
          return Promise.reject(new Error('SQLITE_IOERR: disk I/O error at /secret/path'));
        }
        return real.ingest(input);
      },
      drain: () => real.drain(),
    };
    const t = await startListener({ ingestor: flaky });
    const r = await lmtpSend(t, ['bounces+alice@example.com', 'bounces+bob@example.com'], DSN);
    expect(r.data.map((x) => x.code)).toEqual([250, 451]);
    expect(r.data[1]!.text).toMatch(/^4\.3\.0 /);
    expect(r.data[1]!.text).not.toMatch(/SQLITE|secret|disk/i);
    const retry = await lmtpSend(t, ['bounces+bob@example.com'], DSN);
    expect(retry.data.map((x) => x.code)).toEqual([250]);
    expect(await messageCount()).toBe(1);
  });

  // A read-only SQLite file; a database that does not answer: the PostgreSQL case below.
  it.skipIf(!onSqlite)('answers 451 4.3.0 for every recipient when the database is read-only, without internal error text', async () => {
    await openStore(dbFile).close(); // create the schema, then reopen read-only
    store = openStore(dbFile, { readonly: true });
    const t = await startListener();
    const r = await lmtpSend(t, ['bounces@example.com', 'bounces+x@example.com'], DSN);
    expect(r.data.map((x) => x.code)).toEqual([451, 451]);
    for (const d of r.data) {
      expect(d.text).toMatch(/^4\.3\.0 /);
      expect(d.text).not.toMatch(/readonly|sqlite|database/i);
    }
    expect(await messageCount()).toBe(0);
  });

  it.skipIf(onSqlite)(
    'answers 451 4.3.0 for every recipient when the PostgreSQL server does not answer, without internal error text',
    async () => {
      // A loopback port nobody listens on: every connection is refused (ECONNREFUSED).
      store = openPostgresStore(`postgres://rebound@127.0.0.1:${await freePort()}/rebound`);
      const t = await startListener();
      const r = await lmtpSend(t, ['bounces@example.com', 'bounces+x@example.com'], DSN);
      expect(r.data.map((x) => x.code)).toEqual([451, 451]);
      for (const d of r.data) {
        expect(d.text).toMatch(/^4\.3\.0 /);
        expect(d.text).not.toMatch(/ECONNREFUSED|postgres|database|127\.0\.0\.1/i);
      }
    },
  );

  // SQLite's file lock; PostgreSQL locks rows, and a unique key decides a race (tests/store/pg).
  it.skipIf(!onSqlite)('answers 451 while another connection holds the database lock, and 250 once it is released', async () => {
    store = openStore(dbFile, { busyTimeout: 50 });
    const other = new Database(dbFile);
    try {
      other.exec('BEGIN EXCLUSIVE');
      const t = await startListener();
      const r = await lmtpSend(t, ['bounces@example.com'], DSN);
      expect(r.data.map((x) => x.code)).toEqual([451]);
      other.exec('COMMIT');
      const retry = await lmtpSend(t, ['bounces@example.com'], DSN);
      expect(retry.data.map((x) => x.code)).toEqual([250]);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
    expect(await messageCount()).toBe(1);
  });

  it('answers 451 when the database connection has been closed', async () => {
    const t = await startListener();
    await store!.close();
    const r = await lmtpSend(t, ['bounces@example.com'], DSN);
    expect(r.data.map((x) => x.code)).toEqual([451]);
    expect(r.data[0]!.text).not.toMatch(/database|connection is not open/i);
  });

  it('advertises SIZE and refuses a message over the limit with 552 5.3.4 for every recipient', async () => {
    const t = await startListener({ config: { maxSize: 2048 } });
    const s = await SmtpSession.connect(t);
    try {
      const lhlo = await s.command('LHLO mta.postfix.test');
      expect(lhlo.text).toMatch(/^SIZE 2048$/m);
      expect(lhlo.text).not.toMatch(/STARTTLS|AUTH/);
    } finally {
      await s.quit();
    }
    const big = plainMessage('big', 'x'.repeat(76) + '\r\n').repeat(1) + `${'y'.repeat(70)}\r\n`.repeat(80);
    const r = await lmtpSend(t, ['bounces@example.com', 'bounces+2@example.com'], big);
    expect(r.data.map((x) => x.code)).toEqual([552, 552]);
    expect(r.data.every((d) => d.text.startsWith('5.3.4 '))).toBe(true);
    expect(await messageCount()).toBe(0);
    // A message under the limit on the same listener still goes through.
    expect((await lmtpSend(t, ['bounces@example.com'], plainMessage('small'))).data.map((x) => x.code)).toEqual([250]);
  });

  it('refuses recipients outside LMTP_ACCEPT with 550 5.1.1 at RCPT and takes the listed ones', async () => {
    const t = await startListener({ config: { accept: ['bounces@example.com', '@bounces.example.net'] } });
    const r = await lmtpSend(t, ['someone@example.com', 'bounces+alice=example.org@example.com', 'x@bounces.example.net'], DSN);
    expect(r.rcpt.map((x) => x.code)).toEqual([550, 250, 250]);
    expect(r.rcpt[0]!.text).toMatch(/^5\.1\.1 /);
    // One reply per *accepted* recipient (RFC 2033 §4.2).
    expect(r.data.map((x) => x.code)).toEqual([250, 250]);
  });

  it('listens on a unix socket, replacing a stale socket file, and lets other users connect', async () => {
    const sock = path.join(dir, 'lmtp.sock');
    // A socket file left behind by a process that died without closing its listener.
    const child = spawnSync(
      process.execPath,
      ['-e', `require('net').createServer().listen(${JSON.stringify(sock)}, () => process.exit(0))`],
      { timeout: 10_000 },
    );
    expect(child.status).toBe(0);
    expect(statSync(sock).isSocket()).toBe(true);
    const t = await startListener({ config: { listen: [{ kind: 'unix', host: '', port: 0, path: sock }] } });
    expect(server!.addresses()).toEqual([`unix:${sock}`]);
    expect(statSync(sock).mode & 0o777).toBe(0o666);
    const r = await lmtpSend(t, ['bounces@example.com'], DSN);
    expect(r.data.map((x) => x.code)).toEqual([250]);
    await server!.stop(1000);
    server = undefined;
    expect(existsSync(sock)).toBe(false);
  });

  it('refuses to start on a unix socket path another listener is using', async () => {
    const sock = path.join(dir, 'busy.sock');
    const board = new StatusBoard();
    await startListener({ config: { listen: [{ kind: 'unix', host: '', port: 0, path: sock }] } });
    const second = createLmtpServer({
      config: lmtpConfig({ listen: [{ kind: 'unix', host: '', port: 0, path: sock }] }),
      ingestor: createIngestor({ store: store!, log }),
      log,
      board,
    });
    await expect(second.start()).rejects.toThrow(/in use/);
    expect(board.get('lmtp')).toMatchObject({ ok: false });
    expect(board.get('lmtp')!.detail).toMatch(/cannot listen on unix:/);
  });

  it('refuses to start on a TCP port in use, with one clear error and no connection warning', async () => {
    const t = await startListener({ config: { listen: [{ kind: 'tcp', host: '127.0.0.1', port: 0, path: '' }] } });
    const captured = capturingLogger();
    const second = createLmtpServer({
      config: lmtpConfig({ listen: [{ kind: 'tcp', host: '127.0.0.1', port: t.port!, path: '' }] }),
      ingestor: createIngestor({ store: store!, log }),
      log: captured.log,
    });
    await expect(second.start()).rejects.toThrow(/cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
    await sleep(50);
    expect(captured.lines.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  });

  it('listens on IPv6 loopback [::1]', async () => {
    const t = await startListener({ config: { listen: [{ kind: 'tcp', host: '::1', port: 0, path: '' }] } });
    expect(server!.addresses()[0]).toMatch(/^\[::1\]:\d+$/);
    const r = await lmtpSend(t, ['bounces@example.com'], DSN);
    expect(r.data.map((x) => x.code)).toEqual([250]);
  });

  it('offers STARTTLS only when a certificate is configured', async () => {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=rebound.test'],
      { timeout: 30_000 },
    );
    expect(made.status, String(made.stderr)).toBe(0);
    const t = await startListener({ config: { tlsKey: key, tlsCert: cert } });
    const s = await SmtpSession.connect(t);
    try {
      const lhlo = await s.command('LHLO mta.postfix.test');
      expect(lhlo.text).toMatch(/^STARTTLS$/m);
      expect(lhlo.text).not.toMatch(/^AUTH/m);
      expect((await s.command('STARTTLS')).code).toBe(220);
    } finally {
      s.destroy();
    }
  });

  it('speaks plain SMTP when configured, with one reply for the whole message', async () => {
    const t = await startListener({ config: { protocol: 'smtp' } });
    const r = await sendMail({ ...t, protocol: 'smtp', from: '', to: ['bounces@example.com', 'bounces+b@example.com'], raw: DSN });
    expect(r.greeting.text).toMatch(/ESMTP/);
    expect(r.data.map((x) => x.code)).toEqual([250]);
    const row = await store!.sql.get('SELECT envelope_to FROM messages');
    expect(row).toEqual({ envelope_to: 'bounces@example.com,bounces+b@example.com' });
  });

  it('reports itself on the status board and counts messages by outcome', async () => {
    const board = new StatusBoard();
    const metrics = new Metrics();
    const t = await startListener({ board, metrics, config: { maxSize: 2048 } });
    expect(board.get('lmtp')).toMatchObject({ ok: true, detail: `listening on 127.0.0.1:${t.port}` });
    await lmtpSend(t, ['bounces@example.com'], plainMessage('m1'));
    await lmtpSend(t, ['bounces@example.com'], plainMessage('m1'));
    await lmtpSend(t, ['bounces@example.com'], plainMessage('m2', 'z'.repeat(3000)));
    const samples = Object.fromEntries((await metrics.messagesReceived.get()).values.map((s) => [s.labels.outcome, s.value]));
    expect(samples).toEqual({ stored: 1, duplicate: 1, 'too-big': 1 });
    await server!.stop(1000);
    server = undefined;
    expect(board.get('lmtp')).toMatchObject({ ok: false, detail: 'stopped' });
  });

  it('answers another connection while a forged 5,000-recipient report is being recorded, and records both, the cut on the first', async () => {
    // Issue 11: one message may not hold the event loop for long. Its 500 bounce rows, their
    // suppression entries and webhook events are written in one transaction; the store is
    // watched (not replaced) to know when that transaction is open.
    store = await openTestStore();
    const real = store;
    let open = false;
    const watched: Store = {
      ...real,
      transaction: (body) =>
        real.transaction(async (tx) => {
          open = true;
          try {
            return await body(tx);
          } finally {
            open = false;
          }
        }),
    };
    const config = loadConfig({ DATA_DIR: dir }, dir);
    const t = await startListener({ ingestor: createIngestor({ store: watched, log, recordHooks: recordHooks(config) }) });
    const other = await SmtpSession.connect(t);
    await other.command('LHLO other.test');
    const forged = lmtpSend(
      t,
      ['bounces@example.com'],
      forgedDsn({ failed: 5000, from: 'sales@example.org', cc: ['a@example.org'], tag: 'big' }),
    );
    let answered = false;
    void forged.finally(() => (answered = true));
    // The other connection keeps asking while the report is received, classified and recorded.
    let repliesWhileOpen = 0;
    for (let i = 0; i < 100_000 && !answered; i++) {
      expect((await other.command('NOOP')).code).toBe(250);
      if (open) repliesWhileOpen++;
    }
    const r = await forged;
    expect(r.data.map((x) => x.code)).toEqual([250]);
    expect(repliesWhileOpen).toBeGreaterThan(0);
    // And its own delivery is taken.
    expect((await other.command('MAIL FROM:<>')).code).toBe(250);
    expect((await other.command('RCPT TO:<bounces@example.com>')).code).toBe(250);
    expect((await other.command('DATA')).code).toBe(354);
    other.write(dataPayload(DSN));
    expect((await other.readReply()).code).toBe(250);
    await other.quit();
    const rows = await real.sql.all(
      'SELECT m.truncated, COUNT(b.id) AS bounces FROM messages m LEFT JOIN bounces b ON b.message_id = m.id GROUP BY m.id, m.truncated ORDER BY m.id',
    );
    expect(rows).toEqual([
      { truncated: expect.stringMatching(/500/), bounces: 500 },
      { truncated: '', bounces: 1 },
    ]);
  });

  it('on stop lets a transaction in flight finish and commit, closes idle connections, and accepts no new ones', async () => {
    const t = await startListener();
    const busy = await SmtpSession.connect(t);
    const idle = await SmtpSession.connect(t);
    try {
      await busy.command('LHLO mta.postfix.test');
      await idle.command('LHLO mta.postfix.test');
      expect((await busy.command('MAIL FROM:<>')).code).toBe(250);
      expect((await busy.command('RCPT TO:<bounces@example.com>')).code).toBe(250);
      expect((await busy.command('DATA')).code).toBe(354);
      const payload = dataPayload(DSN);
      busy.write(payload.subarray(0, 200)); // half a message on the wire

      const stopped = server!.stop(5000);
      // The idle connection is told to go away at once (RFC 5321 §3.8: 421 then close).
      const bye = await idle.readReply();
      expect(bye.code).toBe(421);
      // The listening socket is closed: no new connections.
      await waitFor('the listener to close', async () => !(await canConnect(t.host!, t.port!, 200)), { tries: 40 });

      await sleep(200); // the transaction is still in flight while stop() waits
      busy.write(payload.subarray(200));
      const reply = await busy.readReply();
      expect(reply.code).toBe(250);
      await stopped;
      server = undefined;
    } finally {
      busy.destroy();
      idle.destroy();
    }
    expect(await messageCount()).toBe(1);
  });
});

/**
 * One whole LMTP transaction on an open session (LHLO done or not), as a sending MTA that
 * caches connections runs it; returns the DATA reply of its one recipient.
 */
async function deliverOn(s: SmtpSession, tag: string): Promise<Reply> {
  expect((await s.command('MAIL FROM:<>')).code).toBe(250);
  expect((await s.command('RCPT TO:<bounces@example.com>')).code).toBe(250);
  expect((await s.command('DATA')).code).toBe(354);
  s.write(dataPayload(plainMessage(tag)));
  return s.readReply();
}

describe('LMTP listener limits (LMTP_MAX_CONNECTIONS, LMTP_IDLE_TIMEOUT)', () => {
  it('refuses a connection over LMTP_MAX_CONNECTIONS with a 421 greeting, keeps serving the others, and accepts again once one leaves', async () => {
    const t = await startListener({ config: { maxConnections: 2 } });
    const sessions: SmtpSession[] = [];
    try {
      const first = await SmtpSession.connect(t, 5000);
      sessions.push(first);
      const second = await SmtpSession.connect(t, 5000);
      sessions.push(second);
      expect(first.greeting!.code).toBe(220);
      expect(second.greeting!.code).toBe(220);

      // smtp-server answers the connection over maxClients with 421 instead of its 220
      // greeting and closes it (RFC 5321 §3.1: a server may refuse a session with 421);
      // the sending MTA defers and tries again later.
      const third = await SmtpSession.connect(t, 5000);
      sessions.push(third);
      expect(third.greeting!.code).toBe(421);
      expect(third.greeting!.text).toMatch(/too many connected clients/i);
      await waitFor('the refused connection to be closed', () => third.closed, { tries: 100 });

      // The two admitted connections are unaffected and deliver.
      expect((await first.command('LHLO mta.postfix.test')).code).toBe(250);
      expect((await second.command('LHLO mta.postfix.test')).code).toBe(250);
      expect((await deliverOn(first, 'limit-1')).code).toBe(250);
      expect((await deliverOn(second, 'limit-2')).code).toBe(250);

      // One leaves: its slot is free again for the next connection.
      await first.quit();
      const fourth = await SmtpSession.connect(t, 5000);
      sessions.push(fourth);
      expect(fourth.greeting!.code).toBe(220);
      expect((await fourth.command('LHLO mta.postfix.test')).code).toBe(250);
      expect((await deliverOn(fourth, 'limit-3')).code).toBe(250);
      // ... and the limit still holds with two connections open.
      const fifth = await SmtpSession.connect(t, 5000);
      sessions.push(fifth);
      expect(fifth.greeting!.code).toBe(421);
    } finally {
      for (const s of sessions) s.destroy();
    }
    expect(await messageCount()).toBe(3);
  });

  it('closes a connection that stays idle past LMTP_IDLE_TIMEOUT with 421 4.4.2', async () => {
    const t = await startListener({ config: { idleTimeout: 1000 } });
    // The client's own bound: if the server never times the connection out, readReply
    // fails with "no answer within 5000 ms" instead of hanging.
    const s = await SmtpSession.connect(t, 5000);
    try {
      expect((await s.command('LHLO mta.postfix.test')).code).toBe(250);
      const bye = await s.readReply(); // nothing sent: the next thing heard is the server's
      expect(bye.code).toBe(421);
      expect(bye.text).toMatch(/^4\.4\.2 Timeout/);
      await waitFor('the idle connection to be closed', () => s.closed, { tries: 100 });
    } finally {
      s.destroy();
    }
  });

  it('times out a client that stops in the middle of DATA with 421 and stores nothing, so the sender retries the whole message', async () => {
    const t = await startListener({ config: { idleTimeout: 1000 } });
    const s = await SmtpSession.connect(t, 5000);
    try {
      expect((await s.command('LHLO mta.postfix.test')).code).toBe(250);
      expect((await s.command('MAIL FROM:<>')).code).toBe(250);
      expect((await s.command('RCPT TO:<bounces@example.com>')).code).toBe(250);
      expect((await s.command('DATA')).code).toBe(354);
      s.write(dataPayload(DSN).subarray(0, 300)); // half a message, then silence
      const bye = await s.readReply();
      expect(bye.code).toBe(421);
      await waitFor('the stalled connection to be closed', () => s.closed, { tries: 100 });
    } finally {
      s.destroy();
    }
    expect(await messageCount()).toBe(0);
  });

  it('does not cut a connection that keeps sending within LMTP_IDLE_TIMEOUT, however long it stays', async () => {
    const t = await startListener({ config: { idleTimeout: 1000 } });
    const s = await SmtpSession.connect(t, 5000);
    try {
      expect((await s.command('LHLO mta.postfix.test')).code).toBe(250);
      // Seven messages 300 ms apart: about 2 s on one connection, twice the idle timeout,
      // but never more than 300 ms of silence.
      for (let i = 0; i < 7; i++) {
        expect((await deliverOn(s, `busy-${i}`)).code).toBe(250);
        await sleep(300);
      }
      expect(s.closed).toBe(false);
      expect((await s.command('NOOP')).code).toBe(250);
    } finally {
      await s.quit();
    }
    expect(await messageCount()).toBe(7);
  });
});

describe('recipientAccepted', () => {
  it('accepts everything with an empty list, and matches addresses, VERP forms and domains case-insensitively', () => {
    expect(recipientAccepted('any@where.org', [])).toBe(true);
    const list = ['bounces@example.com', '@bounces.example.net', 'verp.example.org'];
    expect(recipientAccepted('Bounces@Example.com', list)).toBe(true);
    expect(recipientAccepted('bounces+user=x.org@example.com', list)).toBe(true);
    expect(recipientAccepted('other@example.com', list)).toBe(false);
    expect(recipientAccepted('x@bounces.example.net', list)).toBe(true);
    expect(recipientAccepted('x@sub.bounces.example.net', list)).toBe(false);
    expect(recipientAccepted('a@verp.example.org', list)).toBe(true);
    expect(recipientAccepted('no-at-sign', list)).toBe(false);
  });
});
