// The sign-in throttle under attack, over real HTTP: proxy headers believed only from a proxy
// TRUST_PROXY names, a lock per client, a device cookie that keeps the admin's browser in,
// and a global backstop that slows a guesser spread over many addresses without locking the
// admin out for long. Refusals are logged once per lock, not once per request.

import { afterEach, describe, expect, it } from 'vitest';
import { clientFacts, trustedProxies } from '../../src/web/client-address.ts';
import { clientKey } from '../../src/web/throttle.ts';
import { capturingLogger } from '../harness/log.ts';
import { ADMIN_PASS, Client, startDashboard, type Dashboard } from './fixture.ts';

let d: Dashboard | undefined;
afterEach(async () => {
  await d?.close();
  d = undefined;
});

async function attempt(c: Client, password: string, headers: Record<string, string> = {}): Promise<Response> {
  const token = await c.csrf('/login');
  return c.request('POST', '/login', { _csrf: token, password, next: '/' }, headers);
}

const refusedLines = (lines: { msg: string }[]) => lines.filter((l) => l.msg.startsWith('sign-in refused'));

describe('sign-in throttling', () => {
  it('believes no X-Forwarded-For without TRUST_PROXY: 20 wrong passwords with rotating addresses are throttled as one client', async () => {
    const sink = capturingLogger();
    d = await startDashboard({ files: [], opts: { log: sink.log } });
    const c = new Client(d.base);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push((await attempt(c, `guess-${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}`, 'x-forwarded-proto': 'https' })).status);
    }
    // Three free failures, the fourth locks the one real client (the test's own address).
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4).every((s) => s === 429)).toBe(true);
    // A fresh forged address does not unlock it, not even with the right password.
    const forged = await attempt(new Client(d.base), ADMIN_PASS, { 'x-forwarded-for': '203.0.113.250' });
    expect(forged.status).toBe(429);
    // Only the four checked passwords were logged as failures, and the lock once.
    expect(sink.lines.filter((l) => l.msg === 'sign-in failed')).toHaveLength(4);
    expect(refusedLines(sink.lines)).toHaveLength(1);
    // The forged X-Forwarded-Proto did not make the session cookie Secure either.
    const page = await fetch(`${d.base}/login`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers.getSetCookie().find((s) => s.startsWith('rebound.sid='))).not.toMatch(/;\s*secure/i);
  });

  it('with TRUST_PROXY, keys on the address the named proxy saw, not on what the client wrote before it', async () => {
    d = await startDashboard({ files: [], env: { TRUST_PROXY: '127.0.0.1' } });
    const c = new Client(d.base);
    const statuses: number[] = [];
    // The attacker rotates the part of X-Forwarded-For it writes itself; the proxy appends the real address.
    for (let i = 0; i < 6; i++) {
      statuses.push((await attempt(c, `guess-${i}`, { 'x-forwarded-for': `10.9.9.${i}, 198.51.100.7` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // Another real client behind the same proxy is not affected.
    expect((await attempt(new Client(d.base), ADMIN_PASS, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(302);
    // And the proxy's word on HTTPS is believed: the session cookie is Secure.
    const page = await fetch(`${d.base}/login`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers.getSetCookie().find((s) => s.startsWith('rebound.sid='))).toMatch(/;\s*secure/i);
  });

  it('slows a guesser spread over many addresses, keeps the signed-in browser working, and lets others in seconds after the flood', async () => {
    const sink = capturingLogger();
    d = await startDashboard({ files: [], env: { TRUST_PROXY: '127.0.0.1' }, opts: { log: sink.log } });
    // The admin's browser signed in once before the attack: it holds a device cookie.
    const admin = new Client(d.base);
    expect((await attempt(admin, ADMIN_PASS, { 'x-forwarded-for': '192.0.2.10' })).status).toBe(302);
    expect(admin.cookies.has('rebound.device')).toBe(true);
    await admin.post('/logout', { _csrf: await admin.csrf('/') });

    // 130 addresses, one guess each: no address reaches its own lock.
    const attacker = new Client(d.base);
    const statuses: number[] = [];
    for (let i = 0; i < 130; i++) {
      statuses.push((await attempt(attacker, `guess-${i}`, { 'x-forwarded-for': `198.51.${100 + (i >> 8)}.${i & 255}` })).status);
    }
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBe(100);
    expect(statuses.slice(100).every((s) => s === 429)).toBe(true);

    // The admin's browser is throttled by its device cookie only: it gets in during the flood.
    expect((await attempt(admin, ADMIN_PASS, { 'x-forwarded-for': '192.0.2.10' })).status).toBe(302);
    // A browser without the cookie waits, but seconds, not minutes.
    const stranger = new Client(d.base);
    const waited = await attempt(stranger, ADMIN_PASS, { 'x-forwarded-for': '192.0.2.20' });
    expect(waited.status).toBe(429);
    expect(Number(waited.headers.get('retry-after'))).toBeLessThanOrEqual(3);
    d.clock.now = new Date(d.clock.now.getTime() + 3000);
    expect((await attempt(stranger, ADMIN_PASS, { 'x-forwarded-for': '192.0.2.20' })).status).toBe(302);
    // 31 refusals by the backstop, one log line.
    expect(refusedLines(sink.lines)).toHaveLength(1);
  });

  it('locks a device cookie that fails on its own, so a stolen cookie is no way round the throttle', async () => {
    d = await startDashboard({ files: [], env: { TRUST_PROXY: '127.0.0.1' } });
    const browser = new Client(d.base);
    expect((await attempt(browser, ADMIN_PASS)).status).toBe(302);
    await browser.post('/logout', { _csrf: await browser.csrf('/') });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(browser, `guess-${i}`, { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });
});

describe('client address', () => {
  it('walks X-Forwarded-For from the right past trusted proxies only, and keys IPv6 clients by their /64', () => {
    const trusted = trustedProxies(['127.0.0.1', '10.0.0.0/8']);
    expect(clientFacts('198.51.100.1', false, '1.2.3.4', 'https', trusted)).toEqual({ ip: '198.51.100.1', https: false });
    expect(clientFacts('::ffff:127.0.0.1', false, 'evil, 203.0.113.9, 10.1.2.3', 'https', trusted)).toEqual({
      ip: '203.0.113.9',
      https: true,
    });
    expect(clientFacts('127.0.0.1', false, 'not-an-address', '', trusted)).toEqual({ ip: '127.0.0.1', https: false });
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
