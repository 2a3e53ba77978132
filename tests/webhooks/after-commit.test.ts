// A suppression change made in a transaction of its caller queues its webhook event there
// (src/webhooks/suppression-events.ts); the deliverer is told once that transaction has
// committed (afterCommit, src/store/sql/driver.ts), even when the transaction lets the event
// loop turn before its commit (SQLite's time slices). Before, it was told inside the
// transaction: on SQLite its look at the queue was refused as a self-wait (an error logged),
// on PostgreSQL it saw nothing yet; either way the event waited for the deliverer's 5 s look.
// A real receiver that verifies signatures; the run's store engine.

import { Writable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { createWebhookDeliverer, type WebhookDeliverer } from '../../src/webhooks/deliverer.ts';
import { queueSuppressionEvents } from '../../src/webhooks/suppression-events.ts';
import { sleep, waitFor } from '../harness/ports.ts';
import { openTestStore, type TestStore } from '../harness/test-store.ts';
import { WebhookReceiver } from '../harness/webhook-receiver.ts';

const HOUR = 3_600_000;
let store: TestStore;
let deliverer: WebhookDeliverer;
let receiver: WebhookReceiver;
const errors: string[] = [];
/** When the deliverer was told, against the test's transaction. */
const told: ('during' | 'after')[] = [];
let inTransaction = false;

beforeEach(async () => {
  store = await openTestStore();
  receiver = new WebhookReceiver();
  await receiver.start();
  const ep = await store.webhooks.createEndpoint({ url: receiver.url, events: ['suppression.added'], enabled: true });
  receiver.setSecret(ep.secret);
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) errors.push((JSON.parse(l) as { msg: string }).msg);
      cb();
    },
  });
  deliverer = createWebhookDeliverer({
    webhooks: store.webhooks,
    log: createLogger('error', out),
    allowPrivate: true,
    timeoutMs: 2000,
    retryForMs: HOUR,
    backoff: { initialMs: 50, maxMs: 100 },
  });
  queueSuppressionEvents(store, {
    publicUrl: 'https://rebound.example',
    retryForMs: HOUR,
    onQueued: () => {
      told.push(inTransaction ? 'during' : 'after');
      deliverer.kick();
    },
  });
});

afterEach(async () => {
  await deliverer.stop();
  await receiver.stop();
  await store.dispose();
  errors.length = 0;
  told.length = 0;
});

it('delivers the event of a change made inside a longer transaction right after its commit, with no error', async () => {
  await store.transaction(async (tx) => {
    inTransaction = true;
    await tx.suppressions.add({ address: 'gone@example.net', reason: 'manual', source: 'manual', by: 'test' }, new Date());
    // The event loop turns while the transaction is still open.
    await sleep(100);
    inTransaction = false;
  });
  // Well before the deliverer's own 5 s look at the queue.
  await waitFor('the event', () => receiver.verified.length === 1, { tries: 20, intervalMs: 100 });
  expect(receiver.verified[0]!.event).toMatchObject({ type: 'suppression.added', data: { address: 'gone@example.net' } });

  expect(told).toEqual(['after']);
  expect(errors).toEqual([]);
});
