// @integration: real waits for retries and timeouts; npm test runs it, npm run test:unit does not.
// Webhook delivery against a real HTTP receiver on loopback that verifies each signature
// with the `standardwebhooks` library: order per endpoint, retries of 5xx and of a receiver
// that is down, no retry of a 400, bounded answers, no redirects, refused private targets.
// Events are queued the way rebound queues them: by the ingestor's record hook, inside the
// bounce's transaction.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestor, type Ingestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { openTestStore, scalar, type TestStore } from '../harness/test-store.ts';
import { createWebhookDeliverer, type WebhookDeliverer } from '../../src/webhooks/deliverer.ts';
import { webhookRecordHook } from '../../src/webhooks/events.ts';
import { refuseUrl } from '../../src/webhooks/target.ts';
import type { WebhooksRepository } from '../../src/webhooks/store.ts';
import { readFileSync } from 'node:fs';
import { ARF, delayed450, dsn } from '../notify/dsn-fixtures.ts';
import { sleep, waitFor } from '../harness/ports.ts';
import { WebhookReceiver } from '../harness/webhook-receiver.ts';

const HOUR = 3_600_000;

let dir: string;
let store: TestStore;
let repo: WebhooksRepository;
let ingestor: Ingestor;
let deliverer: WebhookDeliverer | undefined;
let receiver: WebhookReceiver;

function startDeliverer(o: { allowPrivate?: boolean; timeoutMs?: number; retryForMs?: number } = {}): WebhookDeliverer {
  deliverer = createWebhookDeliverer({
    webhooks: store.webhooks,
    log: silentLogger(),
    allowPrivate: o.allowPrivate ?? true,
    timeoutMs: o.timeoutMs ?? 2000,
    retryForMs: o.retryForMs ?? HOUR,
    // Fast backoff so "down for a while" is a second here, not minutes.
    backoff: { initialMs: 50, maxMs: 200 },
  });
  return deliverer;
}

async function bounce(tag: string, failed = `${tag}@mx-reject.test`) {
  const r = await ingestor.ingest({ raw: dsn({ tag, failed }), source: 'lmtp', envelopeTo: ['bounces+list=example.org@bounces.test'] });
  deliverer?.kick();
  return r;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rebound-webhooks-'));
  store = await openTestStore();
  repo = store.webhooks;
  ingestor = createIngestor({
    store,
    log: silentLogger(),
    recordHooks: [webhookRecordHook({ publicUrl: 'https://rebound.example', retryForMs: HOUR })],
  });
  receiver = new WebhookReceiver();
  await receiver.start();
});

afterEach(async () => {
  await deliverer?.stop();
  deliverer = undefined;
  await receiver.stop();
  await ingestor.drain();
  await store.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function addEndpoint(url = receiver.url, events = ['bounce.hard', 'bounce.soft']) {
  const ep = await repo.createEndpoint({ url, events, enabled: true });
  receiver.setSecret(ep.secret);
  return ep;
}

describe('webhook delivery', () => {
  it('sends a stored hard bounce once, signed, with what a sender needs to find its message', async () => {
    await addEndpoint();
    startDeliverer();
    const r = await bounce('wh-1', 'jane@mx-reject.test');
    const [got] = await waitFor('one delivery', () => receiver.received.length >= 1 && receiver.received);
    await sleep(300);
    expect(receiver.received).toHaveLength(1);
    expect(got!.verified).toBe(true);
    expect(got!.event.type).toBe('bounce.hard');
    expect(got!.event.data).toMatchObject({
      bounce_id: r.bounceIds[0],
      address: 'jane@mx-reject.test',
      bounce_type: 'hard',
      reason: 'userunknown',
      status_code: '5.1.1',
      reply_code: '550',
      original_message_id: 'msg-wh-1@app.test',
      verp_address: 'bounces+list=example.org@bounces.test',
      url: `https://rebound.example/bounces/${r.bounceIds[0]}`,
    });
    expect(String(got!.event.data.diagnostic)).toContain('User unknown');
    const [d] = await repo.recentDeliveries(1);
    expect(d).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(d!.attemptLog[0]).toMatchObject({ http_status: 204, error: '' });
  });

  it('sends bounce.delay for a delay warning and complaint for a feedback report', async () => {
    await addEndpoint(receiver.url, ['bounce.delay', 'complaint']);
    startDeliverer();
    await ingestor.ingest({ raw: Buffer.from(delayed450, 'latin1'), source: 'lmtp', envelopeTo: ['bounces@bounces.test'] });
    const arf = readFileSync(path.join(import.meta.dirname, '../fixtures/corpus/sisimai/maildir/bsd/arf-11.eml'));
    await ingestor.ingest({ raw: arf, source: 'imap' });
    deliverer!.kick();
    await waitFor('two events', () => receiver.received.length >= 2);
    expect(receiver.received.map((r) => r.event.type)).toEqual(['bounce.delay', 'complaint']);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(receiver.received[0]!.event.data).toMatchObject({ kind: 'delay', status_code: '4.2.0' });
  });

  it('sends no complaint for a DMARC failure or not-spam report, and names the feedback type of one it sends', async () => {
    await addEndpoint(receiver.url, ['complaint']);
    startDeliverer();
    let n = 0;
    for (const type of ['auth-failure', 'not-spam', 'abuse']) {
      n++;
      const report = ARF.replace('Feedback-Type: abuse', `Feedback-Type: ${type}`)
        .replace('arf-1@', `arf-w${n}@`)
        .replace('news-1@', `news-w${n}@`);
      await ingestor.ingest({ raw: Buffer.from(report), source: 'lmtp' });
    }
    deliverer!.kick();
    await waitFor('the abuse report', () => receiver.received.length >= 1);
    await sleep(300);
    // The three are recorded as complaints; only the recipient's own abuse report is sent.
    expect(await scalar(store, "SELECT COUNT(*) AS n FROM bounces WHERE kind = 'complaint'")).toBe(3);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.event).toMatchObject({
      type: 'complaint',
      data: { address: 'annoyed@isp.example', kind: 'complaint', feedback_type: 'abuse', original_message_id: 'news-w3@app.test' },
    });
  });

  it('signs with the endpoint secret: a receiver with another secret refuses the signature', async () => {
    await addEndpoint();
    receiver.setSecret('whsec_' + Buffer.alloc(24, 7).toString('base64'));
    startDeliverer();
    await bounce('wh-wrong-secret');
    const [got] = await waitFor('one delivery', () => receiver.received.length >= 1 && receiver.received);
    expect(got!.verified).toBe(false);
    expect(got!.verifyError).toMatch(/signature/i);
  });

  it('queues nothing for an endpoint that is disabled or does not take the event, nor for a duplicate bounce', async () => {
    await addEndpoint(receiver.url, ['complaint']);
    await repo.createEndpoint({ url: receiver.url, events: ['bounce.hard'], enabled: false });
    startDeliverer();
    await bounce('wh-none');
    await bounce('wh-none');
    await sleep(300);
    expect(receiver.received).toHaveLength(0);
    expect(await scalar(store, 'SELECT COUNT(*) AS n FROM webhook_deliveries')).toBe(0);
  });

  it('gives a receiver that was down every event once it is back, in order, none twice', async () => {
    await addEndpoint();
    const port = receiver.port;
    await receiver.stop();
    startDeliverer();
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await bounce(`wh-down-${i}`)).bounceIds[0]!);
    // Down for a while: several failed attempts on the head of the queue, none on the others.
    await waitFor('failed attempts', async () => (await scalar(store, 'SELECT COUNT(*) AS n FROM webhook_attempts')) >= 3);
    expect(await scalar(store, 'SELECT COUNT(DISTINCT delivery_id) AS n FROM webhook_attempts')).toBe(1);
    receiver = new WebhookReceiver({ port, secret: (await repo.endpoint(1))!.secret });
    await receiver.start();
    await waitFor('six deliveries', () => receiver.received.length >= 6, { tries: 200 });
    await sleep(400);
    expect(receiver.received.map((r) => r.event.data.bounce_id)).toEqual(ids);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(6);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const first = (await repo.delivery(1))!;
    expect(first.state).toBe('delivered');
    expect(first.attempts).toBeGreaterThan(3);
    expect((await repo.attempts(1)).slice(0, -1).every((a) => a.http_status === 0 && a.error !== '')).toBe(true);
  });

  it('retries a 500, a 429 and a 408 until the receiver takes the event', async () => {
    await addEndpoint();
    const answers = [500, 429, 408, 204];
    receiver.answer = (n) => answers[n] ?? 204;
    startDeliverer();
    await bounce('wh-retry');
    await waitFor('four attempts', () => receiver.received.length >= 4);
    await sleep(300);
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 429, 408, 204]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
    expect(await repo.delivery(1)).toMatchObject({ state: 'delivered', attempts: 4 });
    expect((await repo.attempts(1)).map((a) => a.http_status)).toEqual([500, 429, 408, 204]);
  });

  it('does not retry a 400: the delivery fails with the answer logged, and the next event goes', async () => {
    await addEndpoint();
    receiver.answer = (n) => (n === 0 ? { status: 400, body: '{"error":"unknown address field"}' } : 204);
    startDeliverer();
    await bounce('wh-400-a');
    await bounce('wh-400-b');
    await waitFor('two requests', () => receiver.received.length >= 2);
    await sleep(400);
    expect(receiver.received.map((r) => r.answered)).toEqual([400, 204]);
    expect(await repo.delivery(1)).toMatchObject({ state: 'failed', attempts: 1, last_error: 'HTTP 400' });
    expect((await repo.attempts(1))[0]!.response_excerpt).toBe('{"error":"unknown address field"}');
    expect(await repo.delivery(2)).toMatchObject({ state: 'delivered' });
  });

  it('stops retrying after WEBHOOK_RETRY_FOR and marks the delivery failed', async () => {
    await addEndpoint();
    receiver.answer = () => 503;
    const start = Date.now();
    // retryForMs applies when the event is queued: a short one here.
    ingestor = createIngestor({
      store,
      log: silentLogger(),
      recordHooks: [webhookRecordHook({ publicUrl: 'https://rebound.example', retryForMs: 500 })],
    });
    startDeliverer({ retryForMs: 500 });
    await bounce('wh-give-up');
    await waitFor('failed', async () => (await repo.delivery(1))?.state === 'failed', { tries: 100 });
    expect(Date.now() - start).toBeLessThan(5000);
    const n = receiver.received.length;
    expect(n).toBeGreaterThan(1);
    await sleep(500);
    expect(receiver.received.length).toBe(n);
  });

  it('reads only the start of a large answer and follows no redirect', async () => {
    await addEndpoint();
    receiver.answer = (n) =>
      n === 0 ? { status: 200, body: 'x'.repeat(1024 * 1024) } : { status: 302, headers: { location: `${receiver.url}/elsewhere` } };
    startDeliverer();
    await bounce('wh-big');
    await bounce('wh-redirect');
    await waitFor(
      'both finished',
      async () => (await repo.delivery(2))?.state === 'failed' && (await repo.delivery(1))?.state === 'delivered',
    );
    await sleep(300);
    expect((await repo.attempts(1))[0]!.response_excerpt.length).toBeLessThanOrEqual(2048);
    // The 302 is an answer like any other: logged, not followed, not retried.
    expect(receiver.received.map((r) => r.path)).toEqual(['/hook', '/hook']);
    expect((await repo.attempts(2))[0]).toMatchObject({ http_status: 302 });
  });

  it('gives up on a receiver that does not answer within the timeout, and retries it', async () => {
    await addEndpoint();
    receiver.answer = (n) => (n === 0 ? 'hang' : 204);
    startDeliverer({ timeoutMs: 300 });
    await bounce('wh-hang');
    await waitFor('delivered after a timeout', async () => (await repo.delivery(1))?.state === 'delivered');
    const [first] = await repo.attempts(1);
    expect(first).toMatchObject({ http_status: 0 });
    expect(first!.error).toMatch(/no answer within 300 ms/);
  });

  it('refuses a loopback target unless WEBHOOK_ALLOW_PRIVATE allows it, and never connects', async () => {
    await addEndpoint();
    startDeliverer({ allowPrivate: false });
    await bounce('wh-private');
    await waitFor('failed', async () => (await repo.delivery(1))?.state === 'failed');
    expect(receiver.received).toHaveLength(0);
    expect((await repo.delivery(1))!.last_error).toMatch(/private or loopback/);
    expect(await repo.attempts(1)).toHaveLength(1);
  });

  it('"send again" delivers the same event (same webhook-id) once more; "send a test event" reaches the endpoint', async () => {
    const ep = await addEndpoint();
    const d = startDeliverer();
    await bounce('wh-again');
    await waitFor('first', () => receiver.received.length >= 1);
    await d.sendAgain(1);
    await waitFor('again', () => receiver.received.length >= 2);
    expect(receiver.received[1]!.id).toBe(receiver.received[0]!.id);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    await d.sendTest(ep.id);
    await waitFor('test event', () => receiver.received.length >= 3);
    expect(receiver.received[2]!.event.type).toBe('webhook.test');
    expect(receiver.received[2]!.verified).toBe(true);
  });
});

describe('webhook retention', () => {
  it('deletes finished deliveries and their attempts after the retention time, never pending ones', async () => {
    await addEndpoint();
    receiver.answer = (n) => (n === 0 ? 204 : 500);
    startDeliverer();
    await bounce('wh-keep-1');
    await waitFor('first delivered', async () => (await repo.delivery(1))?.state === 'delivered');
    await bounce('wh-keep-2');
    await waitFor('second retried', async () => ((await repo.delivery(2))?.attempts ?? 0) >= 1);
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await repo.pruneFinished(later)).toBe(1);
    expect(await repo.delivery(1)).toBeUndefined();
    expect(await repo.attempts(1)).toEqual([]);
    expect((await repo.delivery(2))?.state).toBe('pending');
  });
});

describe('webhook URLs', () => {
  it('takes public http(s) URLs and refuses others, private and loopback ones unless allowed', () => {
    expect(refuseUrl('https://crm.example.com/hook', false)).toBeUndefined();
    expect(refuseUrl('http://203.0.113.5:8080/x', false)).toBeUndefined();
    expect(refuseUrl('http://[64:ff9b::cb00:7105]/x', false)).toBeUndefined(); // 203.0.113.5 through NAT64
    expect(refuseUrl('ftp://example.com/x', false)).toMatch(/only http/);
    expect(refuseUrl('https://user:pw@example.com/', false)).toMatch(/password/);
    for (const u of [
      'http://127.0.0.1/',
      'http://10.1.2.3/',
      'http://192.168.0.1/',
      'http://169.254.169.254/latest',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[::ffff:127.0.0.1]/',
      // NAT64 (64:ff9b::/96) carries an IPv4 address; URLs and DNS write it in hex.
      'http://[64:ff9b::7f00:1]/',
      'http://[64:ff9b::a00:1]/',
      'http://localhost:8080/',
      'http://0.0.0.0/',
    ]) {
      expect(refuseUrl(u, false), u).toMatch(/private|loopback|local/);
      expect(refuseUrl(u, true), u).toBeUndefined();
    }
    expect(refuseUrl('not a url', true)).toBe('not a URL');
  });
});
