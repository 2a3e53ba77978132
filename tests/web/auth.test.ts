// Sign-in and the safety around it, over real HTTP against the real app.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { StatusBoard } from '../../src/status.ts';
import { createWebApp } from '../../src/web/app.ts';
import { hashPassword, verifyPassword, generatePassword } from '../../src/web/password.ts';
import { startWebServer } from '../../src/web/server.ts';
import { capturingLogger } from '../harness/log.ts';
import { openTestStore } from '../harness/test-store.ts';
import { ADMIN_PASS, Client, startDashboard, testConfig, type Dashboard } from './fixture.ts';

describe('sign-in', () => {
  let d: Dashboard;
  const sink = capturingLogger();
  beforeAll(async () => {
    // Behind a proxy on loopback (TRUST_PROXY), so the tests can speak for several clients.
    d = await startDashboard({ files: [], env: { TRUST_PROXY: '127.0.0.1' }, opts: { log: sink.log } });
  });
  afterAll(async () => {
    await d?.close();
  });

  it('sends an anonymous page view to the sign-in form and answers an anonymous API call with 401', async () => {
    const c = new Client(d.base);
    const page = await c.get('/bounces?domain=example.com');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?next=%2Fbounces%3Fdomain%3Dexample.com');
    expect((await c.get('/api/bounces')).status).toBe(401);
    expect((await c.get('/export/csv')).status).toBe(302);
  });

  it('signs in with the right password and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const c = new Client(d.base);
    const token = await c.csrf('/login');
    const res = await c.request('POST', '/login', { _csrf: token, password: ADMIN_PASS, next: '/bounces' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/bounces');
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('rebound.sid='))!;
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=strict/i);
    expect(cookie).not.toMatch(/secure/i);
    const page = await c.get('/bounces');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Export CSV');
  });

  it('refuses a wrong password with a generic message and logs the failure without the password', async () => {
    const c = new Client(d.base);
    const token = await c.csrf('/login');
    const res = await c.request('POST', '/login', { _csrf: token, password: 'hunter2-wrong-guess' }, { 'x-forwarded-for': '192.0.2.77' });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('Sign-in failed. Check the password and try again.');
    expect((await c.get('/')).status).toBe(302);
    const logged = JSON.stringify(sink.lines);
    expect(logged).toContain('sign-in failed');
    expect(logged).not.toContain('hunter2-wrong-guess');
  });

  it('never redirects to another site after sign-in', async () => {
    const c = new Client(d.base);
    const token = await c.csrf('/login');
    const res = await c.post('/login', { _csrf: token, password: ADMIN_PASS, next: '//evil.example/steal' });
    expect(res.headers.get('location')).toBe('/');
  });

  it('locks an address out after repeated failures, also for the right password, until the wait is over', async () => {
    const c = new Client(d.base);
    const token = await c.csrf('/login');
    const from = { 'x-forwarded-for': '198.51.100.9' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await c.request('POST', '/login', { _csrf: token, password: `guess-${i}` }, from)).status);
    }
    // Three free failures, then each failure locks the address for longer.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await c.request('POST', '/login', { _csrf: token, password: ADMIN_PASS }, from);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await locked.text()).toContain('Too many failed sign-ins');
    // Another address is not affected.
    const other = await c.request('POST', '/login', { _csrf: token, password: ADMIN_PASS }, { 'x-forwarded-for': '203.0.113.5' });
    expect(other.status).toBe(302);
    // After the wait (the app's clock moved on), the right password works again.
    const c2 = new Client(d.base);
    const t2 = await c2.csrf('/login');
    d.clock.now = new Date(d.clock.now.getTime() + 60_000);
    const after = await c2.request('POST', '/login', { _csrf: t2, password: ADMIN_PASS }, from);
    expect(after.status).toBe(302);
  });

  it('refuses a POST without the CSRF token or with a wrong one (403)', async () => {
    const c = new Client(d.base);
    await c.csrf('/login');
    expect((await c.post('/login', { password: ADMIN_PASS })).status).toBe(403);
    expect((await c.post('/login', { _csrf: 'forged', password: ADMIN_PASS })).status).toBe(403);
    expect((await c.get('/')).status).toBe(302);
    // Signed in, a retry without the token is refused and never reaches the callback.
    await c.signIn();
    const before = d.retries.length;
    const res = await c.post('/bounces/retry', { ids: '1' });
    expect(res.status).toBe(403);
    expect(d.retries.length).toBe(before);
    // The token of another session does not work either.
    const other = new Client(d.base);
    const otherToken = await other.csrf('/login');
    expect((await c.post('/bounces/retry', { _csrf: otherToken, ids: '1' })).status).toBe(403);
  });

  it('signs out: the old session cookie no longer opens a page', async () => {
    const c = new Client(d.base);
    await c.signIn();
    const saved = new Map(c.cookies);
    const token = await c.csrf('/');
    expect((await c.post('/logout', { _csrf: token })).headers.get('location')).toBe('/login');
    const replay = new Client(d.base);
    replay.cookies = saved;
    expect((await replay.get('/')).status).toBe(302);
  });

  it('ends a session after the idle time and after the absolute time', async () => {
    const c = new Client(d.base);
    await c.signIn();
    expect((await c.get('/')).status).toBe(200);
    d.clock.now = new Date(d.clock.now.getTime() + 61 * 60_000); // idle default 60 min
    expect((await c.get('/')).status).toBe(302);

    const c2 = new Client(d.base);
    await c2.signIn();
    // Active every 50 minutes: in for 14 × 50 = 700 minutes, out at 750 (the maximum is 12 h).
    const seen: number[] = [];
    for (let i = 0; i < 15; i++) {
      d.clock.now = new Date(d.clock.now.getTime() + 50 * 60_000);
      seen.push((await c2.get('/')).status);
    }
    expect(seen).toEqual([...Array(14).fill(200), 302]);
  });

  it('writes a signed-in session back at most once a minute, not on every page view', async () => {
    const c = new Client(d.base);
    await c.signIn();
    const row = async () =>
      (await d.store.sql.get<{ data: string }>('SELECT data FROM sessions WHERE id = ?', [c.cookies.get('rebound.sid') ?? '']))?.data;
    const afterSignIn = await row();
    expect(afterSignIn).toBeDefined();
    // Page views 5 s apart, within the minute.
    for (let i = 0; i < 3; i++) {
      d.clock.now = new Date(d.clock.now.getTime() + 5_000);
      expect((await c.get('/')).status).toBe(200);
    }
    expect(await row()).toBe(afterSignIn);
    // A minute after sign-in the last-seen time moves on, so the idle limit still counts from here.
    d.clock.now = new Date(d.clock.now.getTime() + 46_000);
    expect((await c.get('/')).status).toBe(200);
    expect(JSON.parse((await row())!).seenAt).toBe(d.clock.now.getTime());
  });

  it('sends the security headers: a strict CSP without inline script, nosniff and a referrer policy', async () => {
    const res = await new Client(d.base).get('/login');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('start-up checks and cookie flags', () => {
  const base = {
    store: undefined as never,
    log: silentLogger(),
    board: new StatusBoard(),
    metrics: new Metrics(),
    retry: async () => ({ queued: false, message: '' }),
  };

  it('refuses to start without a session secret or with a short one', async () => {
    const store = await openTestStore({ memory: true });
    try {
      expect(() => createWebApp({ ...base, store, config: testConfig({ SESSION_SECRET: '' }) })).toThrow(/SESSION_SECRET is missing/);
      // The configuration refuses a short secret already; the app refuses it too, whoever builds it.
      expect(() => testConfig({ SESSION_SECRET: 'short-secret' })).toThrow(/SESSION_SECRET: is 12 characters/);
      const valid = testConfig({});
      const weak = { ...valid, web: { ...valid.web, sessionSecret: 'short-secret' } };
      expect(() => createWebApp({ ...base, store, config: weak })).toThrow(/SESSION_SECRET is too short/);
    } finally {
      await store.dispose();
    }
  });

  it('starts with a weak secret only when told it is development, and says so in the log', async () => {
    const store = await openTestStore({ memory: true });
    const sink = capturingLogger();
    try {
      createWebApp({ ...base, store, log: sink.log, devSecret: true, config: testConfig({ SESSION_SECRET: '' }) });
      expect(sink.lines.map((l) => l.msg).join('\n')).toMatch(/SESSION_SECRET is missing or weak/);
    } finally {
      await store.dispose();
    }
  });

  it('refuses to start with neither ADMIN_PASS nor a generated password hash', async () => {
    const store = await openTestStore({ memory: true });
    try {
      expect(() => createWebApp({ ...base, store, config: testConfig({ ADMIN_PASS: '' }) })).toThrow(/ADMIN_PASS/);
    } finally {
      await store.dispose();
    }
  });

  it('signs in with a generated password through its scrypt hash when ADMIN_PASS is unset', async () => {
    const generated = generatePassword();
    expect(generated.length).toBeGreaterThanOrEqual(20);
    const hash = hashPassword(generated);
    expect(hash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(verifyPassword(generated, hash)).toBe(true);
    expect(verifyPassword(`${generated}x`, hash)).toBe(false);
    expect(verifyPassword(generated, 'scrypt$zz$00')).toBe(false);
    const d = await startDashboard({ files: [], env: { ADMIN_PASS: '' }, opts: { adminPasswordHash: hash } });
    try {
      expect((await new Client(d.base).signIn('wrong')).status).toBe(401);
      const c = new Client(d.base);
      expect((await c.signIn(generated)).status).toBe(302);
      expect((await c.get('/')).status).toBe(200);
    } finally {
      await d.close();
    }
  });

  it('marks the cookie Secure when told so, and with auto when a trusted proxy says the request came over HTTPS', async () => {
    for (const [mode, headers, secure, trust] of [
      ['always', {}, true, ''],
      ['auto', { 'x-forwarded-proto': 'https' }, true, '127.0.0.1'],
      ['auto', { 'x-forwarded-proto': 'https' }, false, ''],
      ['auto', {}, false, '127.0.0.1'],
    ] as const) {
      const store = await openTestStore({ memory: true });
      const app = createWebApp({ ...base, store, config: testConfig({ COOKIE_SECURE: mode, TRUST_PROXY: trust }) });
      const server = await startWebServer(app, { host: '127.0.0.1', port: 0 });
      try {
        const res = await fetch(`${server.address()}/login`, { headers });
        const cookie = res.headers.getSetCookie().find((s) => s.startsWith('rebound.sid='))!;
        expect(cookie, `${mode} ${JSON.stringify(headers)}`).toBeDefined();
        expect(/;\s*secure/i.test(cookie), `${mode} ${JSON.stringify(headers)}`).toBe(secure);
      } finally {
        await server.stop();
        await store.dispose();
      }
    }
  });
});
