// Sends the queued webhook deliveries: per endpoint one at a time, in id order (the head of
// its queue waits until it is delivered or has failed for good), endpoints side by side.
// 2xx is delivered. No answer (refused, reset, timeout), 408, 429 and 5xx are retried with
// backoff until the delivery's give_up_at; anything else (3xx, other 4xx, an address the
// settings refuse) fails at once: the same request would get the same answer. Every attempt
// is logged in webhook_attempts. The queue lives in the database, so a restart resumes it.
// Other rebound processes on the same store share the queue: a head is claimed before it is
// sent (store.ts), so each event goes out once, and a dead process's claim expires (CLAIM_TTL).

import { AsyncResource } from 'node:async_hooks';
import { backoffDelay, type BackoffLimits } from '../backoff.ts';
import { DAY_MS } from '../core/utc-day.ts';
import type { Logger } from '../log.ts';
import { newInstanceId } from '../instance-id.ts';
import { eventBody } from './events.ts';
import { sendWebhook } from './sender.ts';
import { TEST_EVENT_TYPE, newEventId, type DeliveryRow, type WebhooksRepository } from './store.ts';

export interface DelivererOptions {
  /** The store's webhooks repository. */
  webhooks: WebhooksRepository;
  log: Logger;
  allowPrivate: boolean;
  timeoutMs: number;
  retryForMs: number;
  backoff?: BackoffLimits;
  clock?: () => Date;
  /** Who claims the deliveries (default: a fresh instance id) and how long a claim holds (default 10 minutes), ms. */
  holder?: string;
  claimTtlMs?: number;
}

/** Endpoints sent to at the same time; the others wait for a free slot. */
const MAX_PARALLEL = 8;
/** The queue is looked at least this often, whatever the timers say (a row written by another process). */
const MAX_SLEEP_MS = 30_000;
const DEFAULT_BACKOFF: BackoffLimits = { initialMs: 5_000, maxMs: 30 * 60_000 };
/** Finished deliveries and their attempts are kept this long (the dashboard shows them), then deleted. */
export const KEEP_FINISHED_MS = 30 * DAY_MS;
const PRUNE_EVERY_MS = 3_600_000;
/** CLAIM_TTL's default (src/config.ts): far longer than any one request (WEBHOOK_TIMEOUT). */
const DEFAULT_CLAIM_TTL_MS = 10 * 60_000;

export function isRetryable(httpStatus: number): boolean {
  return httpStatus === 0 || httpStatus === 408 || httpStatus === 429 || httpStatus >= 500;
}

export interface WebhookDeliverer {
  /** Look at the queue now (after a commit that queued events). */
  kick(): void;
  /** Queues a "webhook.test" event for one endpoint; returns its delivery id. */
  sendTest(endpointId: number): Promise<number | undefined>;
  /** Queues a delivery's event again at the end of its endpoint's queue. */
  sendAgain(deliveryId: number): Promise<number | undefined>;
  /** Stops taking new work and waits for the requests in flight. */
  stop(): Promise<void>;
}

export function createWebhookDeliverer(o: DelivererOptions): WebhookDeliverer {
  const log = o.log.child({ component: 'webhooks' });
  const repo = o.webhooks;
  const clock = o.clock ?? (() => new Date());
  const backoff = o.backoff ?? DEFAULT_BACKOFF;
  const holder = o.holder ?? newInstanceId();
  const claimTtlMs = o.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS;
  const inFlight = new Map<number, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // Without pruning the queue would keep every event ever sent: one row per bounce and endpoint.
  const prune = async () => {
    try {
      const n = await repo.pruneFinished(new Date(clock().getTime() - KEEP_FINISHED_MS));
      if (n > 0) log.info({ deleted: n }, 'old webhook deliveries deleted');
    } catch (err) {
      log.error({ err }, 'deleting old webhook deliveries failed');
    }
  };
  const pruneTimer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  pruneTimer.unref();

  async function deliver(d: DeliveryRow): Promise<void> {
    const ep = await repo.endpoint(d.endpoint_id);
    if (!ep || !ep.enabled) {
      await repo.releaseClaim(d.id, holder);
      return;
    }
    const now = clock();
    const r = await sendWebhook({
      url: ep.url,
      secret: ep.secret,
      eventId: d.event_id,
      payload: d.payload,
      now,
      timeoutMs: o.timeoutMs,
      allowPrivate: o.allowPrivate,
    });
    const ok = r.httpStatus >= 200 && r.httpStatus < 300;
    const attempt = { at: now, httpStatus: r.httpStatus, durationMs: r.durationMs, error: r.error, responseExcerpt: r.responseExcerpt };
    const fields = {
      deliveryId: d.id,
      endpointId: ep.id,
      eventId: d.event_id,
      type: d.type,
      httpStatus: r.httpStatus,
      attempt: d.attempts + 1,
    };
    if (ok) {
      await repo.recordAttempt(d.id, attempt, { delivered: true });
      log.info(fields, 'webhook delivered');
      return;
    }
    const retryAt = new Date(clock().getTime() + backoffDelay(d.attempts + 1, backoff));
    if (!r.refused && isRetryable(r.httpStatus) && retryAt.getTime() <= Date.parse(d.give_up_at)) {
      await repo.recordAttempt(d.id, attempt, { delivered: false, retryAt });
      log.warn({ ...fields, error: r.error, retryAt }, 'webhook not delivered; will retry');
    } else {
      await repo.recordAttempt(d.id, attempt, { delivered: false });
      log.error({ ...fields, error: r.error }, 'webhook failed; not retried');
    }
  }

  // One look at the queue at a time; a call while one runs makes it look once more after.
  let pumping = false;
  let pumpAgain = false;
  /** The look at the queue under way: stop() waits for it, or it could claim after the stop. */
  let looking: Promise<void> = Promise.resolve();
  function pump(): void {
    if (stopped) return;
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    looking = pumpOnce();
    void looking.finally(() => {
      pumping = false;
      if (pumpAgain) {
        pumpAgain = false;
        pump();
      }
    });
  }

  async function pumpOnce(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    let heads: DeliveryRow[];
    try {
      heads = await repo.heads();
    } catch (err) {
      log.error({ err }, 'reading the webhook queue failed; trying again soon');
      schedule(5_000);
      return;
    }
    if (stopped) return;
    const now = clock().getTime();
    let wait = MAX_SLEEP_MS;
    for (const h of heads) {
      if (inFlight.has(h.endpoint_id)) continue;
      const due = Date.parse(h.next_attempt_at);
      if (due > now) {
        wait = Math.min(wait, due - now);
        continue;
      }
      // Full: the next finished request pumps again.
      if (inFlight.size >= MAX_PARALLEL) break;
      // Another instance is sending it: look again when its claim would have run out.
      const claimedUntil = h.claimed_until ? Date.parse(h.claimed_until) : 0;
      if (claimedUntil >= now) {
        wait = Math.min(wait, claimedUntil - now + 1);
        continue;
      }
      try {
        if (!(await repo.claim(h.id, holder, claimTtlMs, new Date(now)))) continue;
      } catch (err) {
        log.error({ err, deliveryId: h.id }, 'claiming a webhook delivery failed; trying again soon');
        wait = Math.min(wait, 5_000);
        continue;
      }
      // Stopped while claiming: give the row back unsent, for the next instance or start.
      if (stopped) {
        await repo
          .releaseClaim(h.id, holder)
          .catch((err: unknown) => log.error({ err, deliveryId: h.id }, 'giving back a webhook claim failed'));
        return;
      }
      const p = deliver(h)
        .catch(async (err: unknown) => {
          log.error({ err, deliveryId: h.id }, 'webhook delivery crashed; trying again later');
          // Logged as an attempt with a later retry, so a delivery that crashes every time
          // is retried with backoff until it gives up, never in a tight loop.
          try {
            const at = clock();
            const retryAt = new Date(at.getTime() + backoffDelay(h.attempts + 1, backoff));
            const attempt = { at, httpStatus: 0, durationMs: 0, error: 'internal error (see the log)', responseExcerpt: '' };
            await repo.recordAttempt(
              h.id,
              attempt,
              retryAt.getTime() <= Date.parse(h.give_up_at) ? { delivered: false, retryAt } : { delivered: false },
            );
          } catch (e) {
            log.error({ err: e, deliveryId: h.id }, 'could not log the crashed attempt');
          }
        })
        .finally(() => {
          inFlight.delete(h.endpoint_id);
          pump();
        });
      inFlight.set(h.endpoint_id, p);
    }
    schedule(wait);
  }

  function schedule(ms: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(pump, Math.max(0, ms));
    timer.unref();
  }

  // The kick may come from inside a change's transaction (the suppression listener); its look
  // at the queue must run outside it, in the context the deliverer was made in, or the store
  // refuses it as a transaction waiting for itself (the transaction may let the event loop turn
  // before its commit).
  const pumpOutside = AsyncResource.bind(pump);
  const kick = () => {
    if (!stopped) setImmediate(pumpOutside);
  };

  return {
    kick,
    async sendTest(endpointId) {
      const ep = await repo.endpoint(endpointId);
      if (!ep) return undefined;
      const now = clock();
      const payload = eventBody(TEST_EVENT_TYPE, now, { message: 'A test event from rebound.', endpoint_id: ep.id });
      const id = await repo.enqueue({ endpointId: ep.id, eventId: newEventId(), type: TEST_EVENT_TYPE, payload }, now, o.retryForMs);
      kick();
      return id;
    },
    async sendAgain(deliveryId) {
      const id = await repo.resend(deliveryId, clock(), o.retryForMs);
      if (id !== undefined) kick();
      return id;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(pruneTimer);
      await looking.catch(() => undefined);
      await Promise.all(inFlight.values());
    },
  };
}
