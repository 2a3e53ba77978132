// The socketmap and policy servers over real loopback TCP and a unix socket: answers for
// listed, unlisted and domain-listed addresses, several requests on one connection, and the
// bounds against hostile clients (an oversized netstring, a slow request, too many
// connections). Postfix itself asks them in tests/e2e/suppress-postfix.test.ts.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { openTestStore, type TestStore } from '../harness/test-store.ts';
import { createSuppressionService, type SuppressionService } from '../../src/suppress/service.ts';
import { netstring } from '../../src/suppress/socketmap.ts';

const SOCKETMAP_PORT = 27426;
const POLICY_PORT = 27427;
const now = new Date('2026-11-02T10:00:00Z');
let store: TestStore;
let service: SuppressionService;
let metrics: Metrics;
let sockPath: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-suppress-srv-'));
  sockPath = path.join(dir, 'socketmap.sock');
  store = await openTestStore();
  metrics = new Metrics();
  const config = loadConfig({
    DATA_DIR: dir,
    SOCKETMAP_LISTEN: `127.0.0.1:${SOCKETMAP_PORT},unix:${sockPath}`,
    POLICY_LISTEN: `127.0.0.1:${POLICY_PORT}`,
    POLICY_EXEMPT_SENDERS: 'ceo@example.com,@trusted.test',
    SUPPRESS_MAX_CONNECTIONS: '5',
    SUPPRESS_IDLE_TIMEOUT: '1s',
  });
  service = createSuppressionService({ config: config.suppress, store, log: silentLogger(), metrics, clock: () => now });
  await service.start();
  await store.suppressions.add({ address: 'dead@example.org', reason: 'userunknown', source: 'bounce' }, now);
  await store.suppressions.add({ address: '@gone.test', reason: 'manual', source: 'manual', by: 'admin' }, now);
});

afterAll(async () => {
  await service?.stop();
  await store?.dispose();
});

/** Opens a connection and returns a function that sends bytes and reads until `done` says the answer is whole. */
async function connect(
  target: net.NetConnectOpts,
): Promise<{ ask(data: string, done: (s: string) => boolean): Promise<string>; closed: Promise<void>; socket: net.Socket }> {
  const socket = net.connect(target);
  await new Promise<void>((r, j) => socket.once('connect', r).once('error', j));
  let buf = '';
  let waiter: (() => void) | undefined;
  socket.on('data', (d) => {
    buf += d.toString('utf8');
    waiter?.();
  });
  const closed = new Promise<void>((r) => socket.once('close', () => r()));
  return {
    socket,
    closed,
    ask(data, done) {
      socket.write(data);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no answer to ${JSON.stringify(data)}; got ${JSON.stringify(buf)}`)), 3000);
        waiter = () => {
          if (done(buf)) {
            clearTimeout(t);
            const out = buf;
            buf = '';
            resolve(out);
          }
        };
        waiter();
      });
    },
  };
}

const wholeNetstrings = (n: number) => (s: string) => (s.match(/\d+:[^,]*,/g) ?? []).length >= n;

describe('the socketmap server', () => {
  it('answers REJECT with the cause and date for a listed address, NOTFOUND otherwise, on one connection', async () => {
    const c = await connect({ host: '127.0.0.1', port: SOCKETMAP_PORT });
    const hit = await c.ask(netstring('suppressed Dead@Example.org'), wholeNetstrings(1));
    expect(hit).toBe(
      netstring('OK REJECT 5.1.1 this address is on the suppression list of rebound after a hard bounce (userunknown) on 2026-11-02'),
    );
    expect(await c.ask(netstring('suppressed alive@example.org'), wholeNetstrings(1))).toBe('9:NOTFOUND ,');
    // Domain keys and "user@" keys (Postfix's later lookups) are never a hit by themselves.
    expect(await c.ask(netstring('suppressed example.org') + netstring('suppressed dead@'), wholeNetstrings(2))).toBe(
      '9:NOTFOUND ,9:NOTFOUND ,',
    );
    const domain = await c.ask(netstring('suppressed anyone@gone.test'), wholeNetstrings(1));
    expect(domain).toContain(
      'OK REJECT 5.1.1 the domain gone.test is on the suppression list of rebound after an administrator on 2026-11-02',
    );
    const transport = await c.ask(netstring('transport dead@example.org'), wholeNetstrings(1));
    expect(transport).toMatch(/^\d+:OK error:5\.1\.1 this address is on the suppression list/);
    expect(await c.ask(netstring('other dead@example.org'), wholeNetstrings(1))).toMatch(/^\d+:PERM unknown map name/);
    c.socket.destroy();
    expect((await metrics.suppressionLookups.get()).values).toEqual(
      expect.arrayContaining([
        { labels: { via: 'socketmap', result: 'hit' }, value: 3 },
        { labels: { via: 'socketmap', result: 'miss' }, value: 1 },
      ]),
    );
  });

  it('answers on its unix socket too, and reads a request split over many packets', async () => {
    const c = await connect({ path: sockPath });
    const req = netstring('suppressed dead@example.org');
    for (const ch of req.slice(0, -1)) c.socket.write(ch);
    expect(await c.ask(req.slice(-1), wholeNetstrings(1))).toContain('OK REJECT 5.1.1');
    c.socket.destroy();
  });

  it('refuses to take over the unix socket of a running server, and takes over a stale one', async () => {
    const config = loadConfig({ DATA_DIR: '/tmp/unused', SOCKETMAP_LISTEN: `unix:${sockPath}`, POLICY_LISTEN: 'off' });
    const second = createSuppressionService({ config: config.suppress, store, log: silentLogger() });
    await expect(second.start()).rejects.toThrow(`socketmap server cannot listen on unix:${sockPath}: listen EADDRINUSE`);
    await second.stop();
    // A socket file nobody answers on (its process was killed) is replaced.
    const stalePath = path.join(path.dirname(sockPath), 'stale.sock');
    const child = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(stalePath)}, () => console.log('up'))`,
    ]);
    await new Promise((r) => child.stdout.once('data', r));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(stalePath)).toBe(true);
    const third = createSuppressionService({
      config: loadConfig({ DATA_DIR: '/tmp/unused', SOCKETMAP_LISTEN: `unix:${stalePath}`, POLICY_LISTEN: 'off' }).suppress,
      store,
      log: silentLogger(),
    });
    await third.start();
    const c = await connect({ path: stalePath });
    expect(await c.ask(netstring('suppressed dead@example.org'), wholeNetstrings(1))).toContain('OK REJECT');
    c.socket.destroy();
    await third.stop();
  });

  it('closes a connection that announces an oversized netstring, before its bytes arrive', async () => {
    const c = await connect({ host: '127.0.0.1', port: SOCKETMAP_PORT });
    c.socket.write('99999999:');
    await c.closed;
    const d = await connect({ host: '127.0.0.1', port: SOCKETMAP_PORT });
    d.socket.write('5:hello;'); // no comma
    await d.closed;
  });

  it('closes a client that sends half a request and then nothing (idle timeout)', async () => {
    const c = await connect({ host: '127.0.0.1', port: SOCKETMAP_PORT });
    const t0 = Date.now();
    c.socket.write('27:suppressed dead@exa');
    await c.closed;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('closes a client that trickles a request one byte at a time past the timeout', async () => {
    const c = await connect({ host: '127.0.0.1', port: SOCKETMAP_PORT });
    const t0 = Date.now();
    const req = netstring('suppressed dead@example.org');
    let i = 0;
    const trickle = setInterval(() => {
      if (i < req.length - 1 && !c.socket.destroyed) c.socket.write(req[i++]!);
    }, 200); // each byte well inside the 1 s idle timeout
    await c.closed;
    clearInterval(trickle);
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(i).toBeLessThan(req.length - 1);
  });

  it('refuses connections beyond SUPPRESS_MAX_CONNECTIONS and still answers the ones it holds', async () => {
    const held = await Promise.all(Array.from({ length: 5 }, () => connect({ host: '127.0.0.1', port: SOCKETMAP_PORT })));
    const extra = await connect({ host: '127.0.0.1', port: SOCKETMAP_PORT });
    await extra.closed;
    expect(await held[0]!.ask(netstring('suppressed dead@example.org'), wholeNetstrings(1))).toContain('OK REJECT');
    for (const h of held) h.socket.destroy();
  });
});

const policyRequest = (attrs: Record<string, string>) =>
  `${Object.entries({
    request: 'smtpd_access_policy',
    protocol_state: 'RCPT',
    protocol_name: 'ESMTP',
    client_address: '127.0.0.1',
    ...attrs,
  })
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n\n`;
const wholePolicyReplies = (n: number) => (s: string) => s.split('\n\n').length > n;

describe('the policy server', () => {
  it('rejects a listed recipient at RCPT and answers DUNNO otherwise', async () => {
    const c = await connect({ host: '127.0.0.1', port: POLICY_PORT });
    const hit = await c.ask(policyRequest({ sender: 'app@example.com', recipient: 'dead@example.org' }), wholePolicyReplies(1));
    expect(hit).toBe(
      'action=REJECT 5.1.1 this address is on the suppression list of rebound after a hard bounce (userunknown) on 2026-11-02\n\n',
    );
    expect(await c.ask(policyRequest({ sender: 'app@example.com', recipient: 'alive@example.org' }), wholePolicyReplies(1))).toBe(
      'action=DUNNO\n\n',
    );
    // Other stages are not judged.
    expect(await c.ask(policyRequest({ protocol_state: 'DATA', recipient: 'dead@example.org' }), wholePolicyReplies(1))).toBe(
      'action=DUNNO\n\n',
    );
    c.socket.destroy();
  });

  it('lets exempt senders (an address or a whole domain) through to a listed recipient', async () => {
    const c = await connect({ host: '127.0.0.1', port: POLICY_PORT });
    const two =
      policyRequest({ sender: 'CEO@example.com', recipient: 'dead@example.org' }) +
      policyRequest({ sender: 'x@trusted.test', recipient: 'dead@example.org' });
    expect(await c.ask(two, wholePolicyReplies(2))).toBe('action=DUNNO\n\naction=DUNNO\n\n');
    c.socket.destroy();
  });

  it('closes a client that sends endless attributes', async () => {
    const c = await connect({ host: '127.0.0.1', port: POLICY_PORT });
    c.socket.write(Array.from({ length: 200 }, (_, i) => `x${i}=y`).join('\n') + '\n');
    await c.closed;
  });
  it('closes a client whose whole request, sent at once, has too many attributes, and keeps serving others', async () => {
    // The request is complete (it ends with an empty line), so nothing is left over to
    // measure: the bound must hold for the request itself. Found by review: it used to throw
    // out of the socket handler and end the whole process.
    const c = await connect({ host: '127.0.0.1', port: POLICY_PORT });
    c.socket.write('request=smtpd_access_policy\n' + 'x=y\n'.repeat(150) + '\n');
    await c.closed;
    const d = await connect({ host: '127.0.0.1', port: POLICY_PORT });
    expect(await d.ask(policyRequest({ sender: 'app@example.com', recipient: 'alive@example.org' }), wholePolicyReplies(1))).toBe(
      'action=DUNNO\n\n',
    );
    d.socket.destroy();
  });
});

describe('a client that never reads its replies', () => {
  it('is cut off once its unread replies pass the bound, instead of piling them up in memory', async () => {
    const one = await connect({ host: '127.0.0.1', port: SOCKETMAP_PORT });
    const reply = await one.ask('0:,', wholeNetstrings(1));
    one.socket.destroy();
    const socket = net.connect({ host: '127.0.0.1', port: SOCKETMAP_PORT });
    await new Promise<void>((r, j) => socket.once('connect', r).once('error', j));
    socket.on('error', () => {});
    socket.pause(); // read nothing while the requests go out: the replies back up
    // 300,000 short requests (900 KB) ask for 300,000 replies, about 17 MB: more than the
    // loopback socket buffers hold, so without the bound they would pile up in the server.
    const count = 300_000;
    socket.write('0:,'.repeat(count));
    await new Promise((r) => setTimeout(r, 1500));
    let received = 0;
    socket.on('data', (d: Buffer) => (received += d.length));
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.resume();
    await closed;
    // Cut off: far fewer replies arrived than were asked for.
    expect(received).toBeLessThan(0.8 * count * Buffer.byteLength(reply));
  });
});
