// The whole of rebound (buildApp: LMTP listener, ingest, the webhook record hook, the
// deliverer) against a real HTTP receiver that verifies signatures with the
// `standardwebhooks` library: a hard bounce over LMTP makes exactly one signed bounce.hard
// delivery, and events queued when rebound stops are delivered after it starts again.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { dsn } from '../notify/dsn-fixtures.ts';
import { sendMail } from '../harness/smtp-client.ts';
import { sleep, waitFor } from '../harness/ports.ts';
import { WebhookReceiver } from '../harness/webhook-receiver.ts';
import { NO_SUPPRESSION_SERVERS, storeEnv } from '../harness/app-env.ts';

const LMTP_PORT = 9424;
const WEB_PORT = 9888;

let dir: string;
/** The store's place beside DATA_DIR (a PostgreSQL database on that engine), kept across restarts. */
let store: Awaited<ReturnType<typeof storeEnv>>;
let app: App | undefined;
let receiver: WebhookReceiver;

function makeApp(): App {
  return buildApp(
    loadConfig({
      DATA_DIR: dir,
      ...store,
      LMTP_LISTEN: `127.0.0.1:${LMTP_PORT}`,
      ...NO_SUPPRESSION_SERVERS,
      WEBUI_PORT: String(WEB_PORT),
      ADMIN_PASS: 'webhook-test-password',
      SESSION_SECRET: 'a-webhook-test-session-secret-longer-than-32',
      DB_SYNCHRONOUS: 'normal',
      PUBLIC_URL: 'https://rebound.example',
      // The receiver is on loopback: the admin setting that allows it.
      WEBHOOK_ALLOW_PRIVATE: 'true',
    }),
    silentLogger(),
  );
}

async function deliverOverLmtp(tag: string, failed: string) {
  const r = await sendMail({ port: LMTP_PORT, protocol: 'lmtp', from: '', to: ['bounces@bounces.test'], raw: dsn({ tag, failed }) });
  expect(r.data.map((d) => d.code)).toEqual([250]);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rebound-app-webhooks-'));
  store = await storeEnv();
  receiver = new WebhookReceiver();
  await receiver.start();
  app = makeApp();
  await app.start();
});

afterAll(async () => {
  await app?.stop().catch(() => {});
  await receiver?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('webhooks in the running app', () => {
  it('makes exactly one signed bounce.hard delivery for a hard bounce over LMTP', async () => {
    const ep = await app!.store.webhooks.createEndpoint({
      url: receiver.url,
      events: ['bounce.hard', 'bounce.soft', 'bounce.delay'],
      enabled: true,
    });
    receiver.setSecret(ep.secret);
    await deliverOverLmtp('app-wh-1', 'jane@mx-reject.test');
    await waitFor('a delivery', () => receiver.received.length >= 1);
    // The same DSN again (a Postfix retry) is the same bounce: no second event.
    await deliverOverLmtp('app-wh-1', 'jane@mx-reject.test');
    await sleep(500);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.verified).toBe(true);
    expect(got!.event.type).toBe('bounce.hard');
    expect(got!.event.data).toMatchObject({
      address: 'jane@mx-reject.test',
      bounce_type: 'hard',
      status_code: '5.1.1',
      original_message_id: 'msg-app-wh-1@app.test',
    });
  });

  it('loses no queued event across a restart of rebound', async () => {
    const port = receiver.port;
    const secret = (await app!.store.webhooks.endpoint(1))!.secret;
    await receiver.stop();
    for (let i = 0; i < 3; i++) await deliverOverLmtp(`app-wh-restart-${i}`, `restart-${i}@mx-reject.test`);
    await app!.stop();
    app = undefined;
    receiver = new WebhookReceiver({ port, secret });
    await receiver.start();
    app = makeApp();
    await app.start();
    // The first attempts failed before the stop; the retry is due within the first backoff (5 s).
    await waitFor('three deliveries after the restart', () => receiver.received.length >= 3, { tries: 300, intervalMs: 50 });
    await sleep(300);
    expect(receiver.received.map((r) => r.event.data.address)).toEqual([
      'restart-0@mx-reject.test',
      'restart-1@mx-reject.test',
      'restart-2@mx-reject.test',
    ]);
    expect(receiver.received.every((r) => r.verified && r.event.type === 'bounce.hard')).toBe(true);
  });

  it('sends suppression.removed when an address is taken off the list through the API', async () => {
    const repo = app!.store.webhooks;
    await repo.updateEndpoint(1, { url: receiver.url, events: ['suppression.added', 'suppression.removed'], enabled: true });
    const before = receiver.received.length;
    const token = (await app!.store.tokens.create('crm', 'write')).token;
    // jane@ hard-bounced in the first test, so the suppression list has her.
    const res = await fetch(`http://127.0.0.1:${WEB_PORT}/api/v1/suppressions/jane%40mx-reject.test`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    await waitFor('the removal event', () => receiver.received.length > before);
    const got = receiver.received[before]!;
    expect(got.verified).toBe(true);
    expect(got.event).toMatchObject({ type: 'suppression.removed', data: { address: 'jane@mx-reject.test', by: 'api:crm' } });
  });
});
