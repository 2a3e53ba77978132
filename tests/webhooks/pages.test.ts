// The dashboard's API-token and webhook pages, signed in like a browser (cookie + CSRF
// token), against a real webhook receiver on loopback: a token is shown once and works,
// revoking it stops it; an endpoint is added (a private URL refused without the setting),
// "send a test event" reaches the receiver signed, attempts are shown, "send again" works.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/api.ts';
import { tokenPages } from '../../src/api/token-pages.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { StatusBoard } from '../../src/status.ts';
import { BounceQueries } from '../../src/store/bounce-queries.ts';
import { openTestStore, scalar, type TestStore } from '../harness/test-store.ts';
import { createWebApp } from '../../src/web/app.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { createWebhookDeliverer, type WebhookDeliverer } from '../../src/webhooks/deliverer.ts';
import { webhookPages } from '../../src/webhooks/pages.ts';
import { waitFor } from '../harness/ports.ts';
import { WebhookReceiver } from '../harness/webhook-receiver.ts';
import { call } from '../api/fixture.ts';
import { Client, testConfig } from '../web/fixture.ts';

let dir: string;
let store: TestStore;
let server: WebServer;
let strictServer: WebServer;
let deliverer: WebhookDeliverer;
let receiver: WebhookReceiver;
let base: string;

async function startDashboard(allowPrivate: boolean): Promise<WebServer> {
  const log = silentLogger();
  const retry = async () => ({ queued: false, message: '' });
  const api = createApi({ store, queries: new BounceQueries(store.sql), log, retry, rateLimit: 600 });
  const app = createWebApp({
    config: testConfig(),
    store,
    log,
    board: new StatusBoard(),
    metrics: new Metrics(),
    retry,
    api: api.middleware,
    pages: [tokenPages, webhookPages(deliverer, { allowPrivate })],
  });
  return startWebServer(app, { host: '127.0.0.1', port: 0 });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rebound-hook-pages-'));
  store = await openTestStore({ synchronous: 'normal' });
  deliverer = createWebhookDeliverer({
    webhooks: store.webhooks,
    log: silentLogger(),
    allowPrivate: true,
    timeoutMs: 2000,
    retryForMs: 3_600_000,
    backoff: { initialMs: 50, maxMs: 100 },
  });
  receiver = new WebhookReceiver();
  await receiver.start();
  server = await startDashboard(true);
  strictServer = await startDashboard(false);
  base = server.address();
});

afterAll(async () => {
  await deliverer?.stop();
  await server?.stop();
  await strictServer?.stop();
  await receiver?.stop();
  await store?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function signedIn(at = base): Promise<{ c: Client; csrf: string }> {
  const c = new Client(at);
  expect((await c.signIn()).status).toBe(302);
  return { c, csrf: await c.csrf('/tokens') };
}

describe('API tokens on the dashboard', () => {
  it('shows a new token once; it works with the API until it is revoked on the dashboard', async () => {
    const { c, csrf } = await signedIn();
    const made = await c.post('/tokens', { _csrf: csrf, name: 'CRM <sync>', scope: 'write' });
    expect(made.status).toBe(200);
    const html = await made.text();
    const token = /id="token-value">(rbt_[A-Za-z0-9_-]+)</.exec(html)?.[1];
    expect(token).toBeDefined();
    expect(html).toContain('CRM &lt;sync&gt;');
    const list = await (await c.get('/tokens')).text();
    expect(list).toContain('CRM &lt;sync&gt;');
    expect(list).toContain('read-write');
    expect(list).not.toContain(token!);
    expect((await call(base, 'GET', '/counts?by=type', { token })).status).toBe(200);
    expect(await (await c.get('/tokens')).text()).not.toContain('>never<');

    const id = /data-token-id="(\d+)"/.exec(list)![1];
    const revoked = await c.post(`/tokens/${id}/revoke`, { _csrf: csrf });
    expect(revoked.status).toBe(302);
    expect((await call(base, 'GET', '/counts?by=type', { token })).status).toBe(401);
    expect(await (await c.get('/tokens')).text()).toMatch(/revoked 20\d\d-/);
  });

  it('refuses to make a token without the CSRF token or without a session', async () => {
    const { c } = await signedIn();
    expect((await c.post('/tokens', { name: 'no csrf', scope: 'write' })).status).toBe(403);
    const anonymous = new Client(base);
    expect((await anonymous.post('/tokens', { name: 'anon', scope: 'write' })).status).toBe(403);
    expect(Number(await scalar(store, "SELECT COUNT(*) FROM api_tokens WHERE name IN ('no csrf', 'anon')"))).toBe(0);
  });
});

describe('webhook endpoints on the dashboard', () => {
  it('refuses a loopback URL unless WEBHOOK_ALLOW_PRIVATE is set, and a non-http one always', async () => {
    const strict = await signedIn(strictServer.address());
    const res = await strict.c.post('/webhooks', { _csrf: strict.csrf, url: receiver.url, events: ['bounce.hard'], enabled: 'on' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/private or loopback address/);
    const { c, csrf } = await signedIn();
    const ftp = await c.post('/webhooks', { _csrf: csrf, url: 'ftp://example.com/x', events: ['bounce.hard'], enabled: 'on' });
    expect(ftp.status).toBe(400);
    expect(await store.webhooks.endpoints()).toHaveLength(0);
  });

  it('adds an endpoint, sends a signed test event, shows the attempt, and sends it again', async () => {
    const { c, csrf } = await signedIn();
    const added = await c.post('/webhooks', { _csrf: csrf, url: receiver.url, events: ['bounce.hard', 'complaint'], enabled: 'on' });
    expect(added.status).toBe(302);
    const page = added.headers.get('location')!;
    expect(page).toMatch(/^\/webhooks\/\d+$/);
    const html = await (await c.get(page)).text();
    const secret = /id="endpoint-secret">(whsec_[A-Za-z0-9+/=]+)</.exec(html)?.[1];
    expect(secret).toBeDefined();
    receiver.setSecret(secret!);

    expect((await c.post(`${page}/test`, { _csrf: csrf })).status).toBe(302);
    await waitFor('the test event', () => receiver.received.length >= 1);
    expect(receiver.received[0]).toMatchObject({ verified: true, event: { type: 'webhook.test' } });
    await waitFor('delivered', async () => (await store.webhooks.delivery(1))?.state === 'delivered');
    const shown = await (await c.get(page)).text();
    expect(shown).toContain('webhook.test');
    expect(shown).toContain('HTTP 204');

    expect((await c.post(`${page}/deliveries/1/resend`, { _csrf: csrf })).status).toBe(302);
    await waitFor('sent again', () => receiver.received.length >= 2);
    expect(receiver.received[1]!.id).toBe(receiver.received[0]!.id);

    // Rotating the secret: the next event is signed with the new one only.
    expect((await c.post(`${page}/rotate`, { _csrf: csrf })).status).toBe(302);
    await c.post(`${page}/test`, { _csrf: csrf });
    await waitFor('third event', () => receiver.received.length >= 3);
    expect(receiver.received[2]!.verified).toBe(false);
  });
});
