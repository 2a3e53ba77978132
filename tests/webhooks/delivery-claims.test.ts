// @integration: real HTTP requests and waits for the deliverers' timers.
// Two rebound processes on one store: two webhook deliverers, each on its own connection to
// the same database (SQLite file or PostgreSQL, tests/harness/test-store.ts), send one queue to a real loopback receiver that checks signatures
// (standardwebhooks). Each event must arrive exactly once and in order per endpoint, and a
// delivery claimed by a process that died must be sent by the other once its claim runs out.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { createWebhookDeliverer, type WebhookDeliverer } from '../../src/webhooks/deliverer.ts';
import { newSecret } from '../../src/webhooks/store.ts';
import { capturingLogger } from '../harness/log.ts';
import { openSharedTestStores, type TestStore } from '../harness/test-store.ts';
import { sleep, waitFor } from '../harness/ports.ts';
import { WebhookReceiver } from '../harness/webhook-receiver.ts';

const HOUR = 3_600_000;

let a: TestStore;
let b: TestStore;
let receiver: WebhookReceiver;
const deliverers: WebhookDeliverer[] = [];

beforeEach(async () => {
  [a, b] = (await openSharedTestStores(2)) as [TestStore, TestStore];
  receiver = new WebhookReceiver();
  await receiver.start();
});

afterEach(async () => {
  for (const d of deliverers.splice(0)) await d.stop();
  await receiver.stop();
  await a.dispose();
  await b.dispose();
});

function deliverer(store: Store, holder: string): { d: WebhookDeliverer; delivered: () => number } {
  const { log, lines } = capturingLogger();
  const d = createWebhookDeliverer({
    webhooks: store.webhooks,
    log,
    allowPrivate: true,
    timeoutMs: 2000,
    retryForMs: HOUR,
    backoff: { initialMs: 50, maxMs: 200 },
    holder,
    claimTtlMs: 60_000,
  });
  deliverers.push(d);
  return { d, delivered: () => lines.filter((l) => l.msg === 'webhook delivered').length };
}

const SECRET = newSecret();

/**
 * Queues `perEndpoint` events for each of `endpoints` new endpoints (one secret for all, so
 * the one receiver verifies them all; the query string tells the endpoints apart).
 */
async function queue(store: Store, endpoints: number, perEndpoint: number, tag: string): Promise<Map<string, string[]>> {
  receiver.setSecret(SECRET);
  const byPath = new Map<string, string[]>();
  await store.transaction(async (tx) => {
    const repo = tx.webhooks;
    for (let e = 0; e < endpoints; e++) {
      const ep = await repo.createEndpoint({ url: `${receiver.url}?ep=${e}`, events: ['bounce.hard'], enabled: true });
      await tx.sql.run('UPDATE webhook_endpoints SET secret = ? WHERE id = ?', [SECRET, ep.id]);
      const ids: string[] = [];
      for (let i = 0; i < perEndpoint; i++) {
        const eventId = `msg_${tag}e${e}n${i}`;
        const payload = JSON.stringify({ type: 'bounce.hard', timestamp: new Date().toISOString(), data: { n: i } });
        await repo.enqueue({ endpointId: ep.id, eventId, type: 'bounce.hard', payload }, new Date(), HOUR);
        ids.push(eventId);
      }
      byPath.set(`/hook?ep=${e}`, ids);
    }
  });
  return byPath;
}

/** What the receiver got, per endpoint, in arrival order. */
function receivedByPath(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of receiver.received) out.set(r.path, [...(out.get(r.path) ?? []), r.id]);
  return out;
}

describe('webhooks with two rebound processes on one store', () => {
  it('delivers each event exactly once, in order per endpoint, while both deliverers work the queue', async () => {
    // More endpoints than one deliverer sends to at once (8), so the second finds work too.
    const expected = await queue(a, 12, 5, 'both');
    const one = deliverer(a, 'host-a:1:aaaa');
    const two = deliverer(b, 'host-b:2:bbbb');
    one.d.kick();
    two.d.kick();
    await waitFor('60 deliveries', () => receiver.received.length >= 60, { tries: 400 });
    await sleep(300);
    expect(receiver.received).toHaveLength(60);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(receivedByPath()).toEqual(expected);
    expect(await a.sql.all('SELECT state, COUNT(*) AS n FROM webhook_deliveries GROUP BY state')).toEqual([{ state: 'delivered', n: 60 }]);
    // Both processes sent some: the queue was shared, not held by one.
    expect(one.delivered()).toBeGreaterThan(0);
    expect(two.delivered()).toBeGreaterThan(0);
    expect(one.delivered() + two.delivered()).toBe(60);
  });

  it('leaves a delivery another process has claimed, and sends it once that claim has run out', async () => {
    const expected = await queue(a, 1, 2, 'dead');
    const repo = b.webhooks;
    const [head] = await repo.heads();
    // A process claimed the head and died before sending it.
    expect(await repo.claim(head!.id, 'dead-host:99:dead', 1500)).toBe(true);
    const live = deliverer(a, 'host-a:1:aaaa');
    live.d.kick();
    await sleep(800);
    // The head is not sent, and nothing behind it jumps the queue.
    expect(receiver.received).toHaveLength(0);
    await waitFor('both deliveries', () => receiver.received.length >= 2, { tries: 100 });
    await sleep(200);
    expect(receivedByPath()).toEqual(expected);
    expect(live.delivered()).toBe(2);
  });

  it('gives a head to one process only when both read the queue before either claims it', async () => {
    await queue(a, 1, 1, 'race');
    const ra = a.webhooks;
    const rb = b.webhooks;
    // Two processes each read the same head (neither has claimed it yet) ...
    const [ha] = await ra.heads();
    const [hb] = await rb.heads();
    expect(ha!.id).toBe(hb!.id);
    // ... and then both try to claim it: the database lets one.
    expect(await ra.claim(ha!.id, 'host-a:1:aaaa', 60_000)).toBe(true);
    expect(await rb.claim(hb!.id, 'host-b:2:bbbb', 60_000)).toBe(false);
    expect(await rb.delivery(hb!.id)).toMatchObject({ claimed_by: 'host-a:1:aaaa' });
  });
});

describe('a deliverer stopped while it claims', () => {
  it('sends nothing after stop() resolves and gives the claim back', async () => {
    await queue(a, 1, 1, 'stop');
    // The claim is held up until the test lets it through (the write lock of a busy store
    // does this in production); stop() is called meanwhile.
    let letThrough: () => void = () => {};
    const gate = new Promise<void>((r) => (letThrough = r));
    let claiming = false;
    const real = a.webhooks;
    const slowClaim = async (...args: Parameters<typeof real.claim>) => {
      claiming = true;
      await gate;
      return real.claim(...args);
    };
    // The real repository with its claim held up (its methods use private fields: bound to it).
    const slowRepo = new Proxy(real, {
      get: (target, key) => {
        if (key === 'claim') return slowClaim;
        const v = Reflect.get(target, key) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const d = createWebhookDeliverer({
      webhooks: slowRepo,
      log: capturingLogger().log,
      allowPrivate: true,
      timeoutMs: 2000,
      retryForMs: HOUR,
      backoff: { initialMs: 50, maxMs: 200 },
      holder: 'host-a:1:aaaa',
      claimTtlMs: 60_000,
    });
    d.kick();
    await waitFor('the claim to start', () => claiming, { tries: 100 });
    let stopped = false;
    const stopping = d.stop().then(() => (stopped = true));
    await sleep(50);
    // Still claiming: stop() waits for it instead of resolving with a send about to start.
    expect(stopped).toBe(false);
    letThrough();
    await stopping;
    await sleep(200);
    expect(receiver.received).toHaveLength(0);
    const [row] = await a.sql.all<{ claimed_by: string | null; attempts: number }>('SELECT claimed_by, attempts FROM webhook_deliveries');
    expect(row).toMatchObject({ claimed_by: null, attempts: 0 });
  });
});
