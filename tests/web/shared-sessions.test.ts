// Dashboard sessions live in the database (migration 014): two dashboards built on one database
// (two rebound instances behind one proxy: one SQLite file, or one PostgreSQL database on that
// engine) serve one admin, signing out ends the session on both, and the cookie carries only the
// session's id. Real HTTP against the real app.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore, openStore, type Store } from '../../src/store/store.ts';
import type { WebServer } from '../../src/web/server.ts';
import { DatabaseSessionStore, MAX_SESSIONS } from '../../src/web/session.ts';
import { dropDatabase, freshDatabaseUrl } from '../harness/pg-suite.ts';
import { onSqlite, scalar } from '../harness/test-store.ts';
import { serveWebApp } from '../harness/web-app.ts';
import { Client, testConfig } from './fixture.ts';

let dir: string;
/** On a PostgreSQL run, the test's own database, which every instance shares (as the file on SQLite). */
let url: string | undefined;
const open: { store: Store; server: WebServer }[] = [];

afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.server.stop();
    await o.store.close();
  }
  rmSync(dir, { recursive: true, force: true });
  if (url) await dropDatabase(url);
  url = undefined;
});

/** A new shared database for the test: a folder for the SQLite file, and on PostgreSQL a database. */
async function newDatabase(): Promise<void> {
  dir = mkdtempSync(path.join(tmpdir(), 'rebound-sessions-'));
  if (!onSqlite) url = await freshDatabaseUrl();
}

/** One more store (one instance's connection or pool) on the test's shared database. */
function openShared(): Store {
  return url ? openPostgresStore(url) : openStore(path.join(dir, 'bounces.db'));
}

/** One dashboard on its own connection to the shared database file, on an ephemeral port. */
async function dashboard(): Promise<{ base: string; store: Store; server: WebServer }> {
  const store = openShared();
  const server = await serveWebApp(testConfig(), store, 'not here');
  const d = { base: server.address(), store, server };
  open.push(d);
  return d;
}

/** The same cookies, sent to another dashboard (a proxy sending the next request elsewhere). */
function sameBrowser(c: Client, base: string): Client {
  const other = new Client(base);
  other.cookies = c.cookies;
  return other;
}

/** The overview as a signed-in admin sees it: the page itself, with the sign-out button. */
async function expectSignedIn(res: Response): Promise<void> {
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('id="sign-out"');
}

/** Not signed in: the overview sends the browser to the sign-in page, to come back after. */
function expectSentToSignIn(res: Response): void {
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('/login?next=%2F');
}

describe('sessions in the database', () => {
  it('signs in on one instance and is signed in on the other; signing out on either ends it on both', async () => {
    await newDatabase();
    const a = await dashboard();
    const b = await dashboard();
    const onA = new Client(a.base);
    expect((await onA.signIn()).headers.get('location')).toBe('/');
    const onB = sameBrowser(onA, b.base);
    await expectSignedIn(await onB.get('/'));
    // A form from instance A is accepted by instance B: one session, one CSRF token.
    const token = await onA.csrf('/');
    const saved = new Map(onA.cookies);
    expect((await onB.post('/logout', { _csrf: token })).headers.get('location')).toBe('/login');
    // The old cookie opens nothing, on either instance.
    for (const base of [a.base, b.base]) {
      const replay = new Client(base);
      replay.cookies = new Map(saved);
      expectSentToSignIn(await replay.get('/'));
    }
  });

  it('keeps only a random id in the cookie, and the session survives a restart', async () => {
    await newDatabase();
    const a = await dashboard();
    const c = new Client(a.base);
    await c.signIn();
    const id = c.cookies.get('rebound.sid')!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const row = (await a.store.sql.get<{ data: string; signed_in: number }>('SELECT data, signed_in FROM sessions WHERE id = ?', [id]))!;
    expect(row.signed_in).toBe(1);
    expect(JSON.parse(row.data)).toMatchObject({ user: 'admin' });
    // rebound restarts: a new process, the same database.
    const first = open.shift()!;
    await first.server.stop();
    await first.store.close();
    const again = await dashboard();
    await expectSignedIn(await sameBrowser(c, again.base).get('/'));
  });

  it('gives a new session id at sign-in, so an id planted before sign-in is worth nothing after it', async () => {
    await newDatabase();
    const a = await dashboard();
    const b = await dashboard();
    const c = new Client(a.base);
    await c.csrf('/login');
    const planted = new Map(c.cookies);
    await c.signIn();
    expect(c.cookies.get('rebound.sid')).not.toBe(planted.get('rebound.sid'));
    const attacker = new Client(b.base);
    attacker.cookies = planted;
    expectSentToSignIn(await attacker.get('/'));
  });

  it('stays bounded under a flood of anonymous sessions without signing the admin out, and prunes expired rows', async () => {
    await newDatabase();
    const store = openShared();
    open.push({ store, server: { stop: async () => {}, address: () => '' } as unknown as WebServer });
    const now = { t: Date.now() };
    const sessions = new DatabaseSessionStore(store.sql, () => now.t);
    await sessions.set('admin', { user: 'admin', csrf: 't' }, 3_600_000);
    await sessions.set('short', { csrf: 's' }, 1000);
    for (let i = 0; i < MAX_SESSIONS + 50; i++) await sessions.set(`anon-${i}`, { csrf: String(i) }, 3_600_000);
    const count = async () => Number(await scalar(store, 'SELECT COUNT(*) FROM sessions'));
    expect(await count()).toBe(MAX_SESSIONS);
    expect(await sessions.get('admin')).toMatchObject({ user: 'admin' });
    // The oldest anonymous ones went first.
    expect(await sessions.get('anon-0')).toBeUndefined();
    expect(await sessions.get(`anon-${MAX_SESSIONS + 49}`)).toMatchObject({ csrf: String(MAX_SESSIONS + 49) });
    // An hour and more later every row has expired: the next write deletes them.
    now.t += 2 * 3_600_000;
    expect(await sessions.get('admin')).toBeUndefined();
    await sessions.set('new', { csrf: 'n' }, 3_600_000);
    expect(await count()).toBe(1);
  });
});
