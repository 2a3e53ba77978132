// @integration: a second process (killed with SIGKILL) and real waits for the lease.
// Two rebound instances on one store and one IMAP mailbox (a real Dovecot, port 1347): one
// polls it, holding the lease "imap:NAME"; the other stands by and says so on the status
// board and /health. When the holder dies (a child process killed with SIGKILL, its lease
// left behind) the other takes the mailbox over once the lease has expired; when it stops
// cleanly it gives the lease back and the other takes over at once.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { createImapPoller, type ImapPoller } from '../../src/intake/imap.ts';
import { silentLogger } from '../../src/log.ts';
import { StatusBoard } from '../../src/status.ts';
import type { Store } from '../../src/store/store.ts';
import { healthReport } from '../../src/web/health.ts';
import { storeEnv } from '../harness/app-env.ts';
import { openStoreOf, scalar } from '../harness/test-store.ts';
import { startDovecot, stopAndRemoveDovecot, type Dovecot } from '../harness/dovecot.ts';
import { waitFor } from '../harness/ports.ts';
import { dsn } from '../notify/dsn-fixtures.ts';
import { emptyMailbox } from './imap-fixtures.ts';

const PORT = 1347;
const LEASE_MS = 1500;
const ROOT = new URL('../../', import.meta.url).pathname;

let dc: Dovecot;
let dir: string;
let config: Config;
/** The shared database: DATA_DIR's file, or a PostgreSQL database on that engine. */
let at: { DATA_DIR: string; DATABASE_URL?: string };
const stores: Store[] = [];
const pollers: ImapPoller[] = [];
let child: ChildProcess | undefined;

beforeAll(async () => {
  dc = await startDovecot({ port: PORT });
});
afterAll(() => stopAndRemoveDovecot(dc));
beforeEach(async () => {
  await emptyMailbox(dc);
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-imap-lease-'));
  at = { DATA_DIR: dir, ...(await storeEnv()) };
  config = loadConfig(
    {
      ...at,
      IMAP_SERVER: '127.0.0.1',
      IMAP_PORT: String(PORT),
      IMAP_TLS: 'none',
      IMAP_USER: dc.user,
      IMAP_PASS: dc.pass,
      IMAP_POLL_INTERVAL: '1s',
      LMTP_ENABLED: 'false',
    },
    dir,
  );
});
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  for (const p of pollers.splice(0)) await p.stop();
  for (const s of stores.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An instance in this process: its own connection to the shared database, its own status board. */
async function instance(holder: string): Promise<{ store: Store; status: StatusBoard; poller: ImapPoller }> {
  const store = await openStoreOf(at);
  stores.push(store);
  const status = new StatusBoard();
  const log = silentLogger();
  const poller = createImapPoller({
    config: config.imap,
    ingestor: createIngestor({ store, log }),
    store,
    log,
    board: status,
    lease: { holder, ttlMs: LEASE_MS },
    timing: { backoffInitialMs: 100 },
  });
  pollers.push(poller);
  return { store, status, poller };
}

/** An instance in a process of its own, so that it can die holding its lease. */
async function instanceProcess(holder: string): Promise<ChildProcess> {
  const c = spawn(
    process.execPath,
    ['tests/intake/imap-lease-holder.ts', at.DATABASE_URL ?? config.dbPath, JSON.stringify(config.imap), holder, String(LEASE_MS)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  c.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor('the child instance to poll', () => out.includes('polling'), { tries: 200, intervalMs: 50 });
  return c;
}

const bounceCount = (s: Store) => scalar(s, 'SELECT COUNT(*) AS n FROM bounces');
const processed = async () => (await dc.uids('PROCESSED')).length;

describe('one instance at a time polls a mailbox', () => {
  it('stands by while another instance holds the mailbox, and takes it over after that one died', async () => {
    child = await instanceProcess('host-a:1:aaaa');
    const watcher = await openStoreOf(at);
    stores.push(watcher);
    await waitFor('host-a to hold the lease', async () => (await watcher.leases.holder('imap:main')) === 'host-a:1:aaaa');
    const b = await instance('host-b:2:bbbb');
    await b.poller.start();
    expect(b.status.get('imap')).toMatchObject({ ok: true, detail: 'standby (held by host-a:1:aaaa)' });
    const health = await healthReport(config, b.store, b.status, new Date());
    expect(health.status).toBe('ok');
    expect(health.parts.imap).toEqual({ ok: true, detail: 'standby (held by host-a:1:aaaa)' });

    // The holder polls: these two are recorded by it, not by the standby.
    await dc.append('INBOX', dsn({ tag: 'lease-1', failed: 'one@mx-reject.test' }));
    await dc.append('INBOX', dsn({ tag: 'lease-2', failed: 'two@mx-reject.test' }));
    await waitFor('the holder to move both', async () => (await processed()) === 2, { tries: 200, intervalMs: 50 });
    expect(b.status.get('imap')?.facts?.standby).toBe(true);
    expect(b.status.get('imap')?.facts?.totalProcessed).toBe(0);

    // The holder dies with its lease; mail keeps coming.
    child.kill('SIGKILL');
    const deadUntil = Date.parse((await watcher.leases.get('imap:main'))!.expires_at);
    await dc.append('INBOX', dsn({ tag: 'lease-3', failed: 'three@mx-reject.test' }));
    await waitFor('the standby to take over and move it', async () => (await processed()) === 3, { tries: 200, intervalMs: 50 });
    // Not before the dead holder's lease ran out.
    const takenAt = await scalar<string>(b.store, 'SELECT MAX(received_at) AS t FROM messages');
    expect(Date.parse(takenAt)).toBeGreaterThanOrEqual(deadUntil);
    expect(await b.store.leases.holder('imap:main')).toBe('host-b:2:bbbb');
    expect(b.status.get('imap')).toMatchObject({ ok: true });
    expect(b.status.get('imap')?.facts?.standby).toBeUndefined();
    expect((await healthReport(config, b.store, b.status, new Date())).parts.imap).toEqual({ ok: true, detail: 'working' });
    // Every bounce recorded once, whichever instance took it.
    expect(await bounceCount(b.store)).toBe(3);
    expect(await dc.uids('INBOX')).toEqual([]);
  });

  it('hands the mailbox over at once when the holder stops cleanly', async () => {
    const a = await instance('host-a:1:aaaa');
    await a.poller.start();
    const b = await instance('host-b:2:bbbb');
    await b.poller.start();
    expect(b.status.get('imap')?.detail).toBe('standby (held by host-a:1:aaaa)');
    const heldUntil = Date.parse((await a.store.leases.get('imap:main'))!.expires_at);
    await a.poller.stop();
    pollers.splice(pollers.indexOf(a.poller), 1);
    // Released: the other takes it before the lease would have run out.
    await waitFor('the other instance to hold the lease', async () => (await b.store.leases.holder('imap:main')) === 'host-b:2:bbbb', {
      tries: 100,
      intervalMs: 20,
    });
    expect(Date.now()).toBeLessThan(heldUntil);
    await dc.append('INBOX', dsn({ tag: 'handover-1' }));
    await waitFor('the other instance to move it', async () => (await processed()) === 1, { tries: 100, intervalMs: 50 });
    expect(await b.store.leases.holder('imap:main')).toBe('host-b:2:bbbb');
    expect(await bounceCount(b.store)).toBe(1);
  });
});
