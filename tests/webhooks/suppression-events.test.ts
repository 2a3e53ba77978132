// suppression.added and suppression.removed webhooks, queued by the suppression list's
// change listener inside the change's own transaction, delivered to a real receiver that
// verifies them with the `standardwebhooks` library: a hard bounce gives bounce.hard and then
// suppression.added, in that order; a removal gives suppression.removed; a change that is
// rolled back queues nothing.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createIngestor, type Ingestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { storeEnv } from '../harness/app-env.ts';
import { openStoreOf, scalar } from '../harness/test-store.ts';
import type { Store } from '../../src/store/store.ts';
import { rulesFromSettings } from '../../src/suppress/policy.ts';
import { createSuppressionHook } from '../../src/suppress/record-hook.ts';
import { createWebhookDeliverer, type WebhookDeliverer } from '../../src/webhooks/deliverer.ts';
import { webhookRecordHook } from '../../src/webhooks/events.ts';
import { queueSuppressionEvents } from '../../src/webhooks/suppression-events.ts';
import { dsn } from '../notify/dsn-fixtures.ts';
import { sleep, waitFor } from '../harness/ports.ts';
import { WebhookReceiver } from '../harness/webhook-receiver.ts';

const HOUR = 3_600_000;
let dir: string;
let store: Store;
/** Where the store is: DATA_DIR, and DATABASE_URL on the PostgreSQL run. */
let at: { DATA_DIR: string; DATABASE_URL?: string };
let ingestor: Ingestor;
let deliverer: WebhookDeliverer;
let receiver: WebhookReceiver;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rebound-supp-events-'));
  at = { DATA_DIR: dir, ...(await storeEnv()) };
  store = await openStoreOf(at);
  const config = loadConfig(at);
  queueSuppressionEvents(store, { publicUrl: 'https://rebound.example', retryForMs: HOUR });
  ingestor = createIngestor({
    store,
    log: silentLogger(),
    recordHooks: [
      webhookRecordHook({ publicUrl: 'https://rebound.example', retryForMs: HOUR }),
      createSuppressionHook(rulesFromSettings(config.suppress)),
    ],
  });
  receiver = new WebhookReceiver();
  await receiver.start();
  const ep = await store.webhooks.createEndpoint({
    url: receiver.url,
    events: ['bounce.hard', 'suppression.added', 'suppression.removed'],
    enabled: true,
  });
  receiver.setSecret(ep.secret);
  deliverer = createWebhookDeliverer({
    webhooks: store.webhooks,
    log: silentLogger(),
    allowPrivate: true,
    timeoutMs: 2000,
    retryForMs: HOUR,
    backoff: { initialMs: 50, maxMs: 100 },
  });
});

afterEach(async () => {
  await deliverer.stop();
  await receiver.stop();
  await ingestor.drain();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('suppression webhooks', () => {
  it('sends bounce.hard then suppression.added for a hard bounce, and suppression.removed for a removal', async () => {
    const r = await ingestor.ingest({
      raw: dsn({ tag: 'supp-1', failed: 'gone@mx-reject.test' }),
      source: 'lmtp',
      envelopeTo: ['bounces@bounces.test'],
    });
    deliverer.kick();
    await waitFor('two events', () => receiver.received.length >= 2);
    expect(receiver.received.map((x) => x.event.type)).toEqual(['bounce.hard', 'suppression.added']);
    expect(receiver.received.every((x) => x.verified)).toBe(true);
    expect(receiver.received[1]!.event.data).toMatchObject({
      address: 'gone@mx-reject.test',
      scope: 'address',
      source: 'bounce',
      bounce_id: r.bounceIds[0],
      by: 'rebound',
    });

    await store.suppressions.remove('gone@mx-reject.test', { by: 'api:crm', note: 'address fixed' }, new Date());
    deliverer.kick();
    await waitFor('third event', () => receiver.received.length >= 3);
    expect(receiver.received[2]!.event).toMatchObject({
      type: 'suppression.removed',
      data: { address: 'gone@mx-reject.test', by: 'api:crm', note: 'address fixed' },
    });
  });

  it('sends the events of a change made with `rebound suppress` in a process of its own', async () => {
    const cli = spawnSync(process.execPath, ['src/cli.ts', 'suppress', 'add', 'by-cli@example.org'], {
      cwd: path.join(import.meta.dirname, '../..'),
      encoding: 'utf8',
      env: { ...process.env, ...at, USER: 'tester' },
    });
    expect(cli.status).toBe(0);
    // The service's deliverer finds the row the other process queued.
    deliverer.kick();
    await waitFor('the CLI change', () => receiver.received.length >= 1);
    expect(receiver.received[0]!.event).toMatchObject({
      type: 'suppression.added',
      data: { address: 'by-cli@example.org', by: 'cli:tester' },
    });
  });

  it('queues nothing when the change is rolled back', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.suppressions.add({ address: 'rolled@back.example', reason: 'manual', source: 'manual', by: 'test' }, new Date());
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    deliverer.kick();
    await sleep(300);
    expect(receiver.received).toHaveLength(0);
    expect(await scalar(store, 'SELECT COUNT(*) AS n FROM webhook_deliveries')).toBe(0);
  });
});
