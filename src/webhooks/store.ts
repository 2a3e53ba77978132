// The webhook tables (migration 009): endpoints, the delivery queue and the attempt log.
// One repository owns their SQL. A delivery is one event for one endpoint; the queue of an
// endpoint is its pending deliveries in id order, and only its head is ever sent (in order,
// per endpoint). With several rebound processes on one store, the head is claimed
// (claimed_by, claimed_until; migration 015) before it is sent, so one of them sends it; the
// head stays the head until it is delivered or failed, so the order per endpoint holds too.

import { randomBytes, randomUUID } from 'node:crypto';
import type { SqlRunner } from '../store/sql/driver.ts';
import { claimClock } from '../store/sql/db-clock.ts';

export const EVENT_TYPES = ['bounce.hard', 'bounce.soft', 'bounce.delay', 'complaint', 'suppression.added', 'suppression.removed'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** Sent by "send a test event"; not a subscription choice. */
export const TEST_EVENT_TYPE = 'webhook.test';

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface EndpointRow {
  id: number;
  url: string;
  /** Comma-separated event types. */
  events: string;
  enabled: number;
  secret: string;
  created_at: string;
}

export interface DeliveryRow {
  id: number;
  endpoint_id: number;
  event_id: string;
  type: string;
  payload: string;
  bounce_id: number | null;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  give_up_at: string;
  created_at: string;
  finished_at: string;
  last_error: string;
  claimed_by: string | null;
  claimed_until: string | null;
}

export interface AttemptRow {
  id: number;
  delivery_id: number;
  at: string;
  http_status: number;
  duration_ms: number;
  error: string;
  response_excerpt: string;
}

export interface Attempt {
  at: Date;
  httpStatus: number;
  durationMs: number;
  error: string;
  responseExcerpt: string;
}

/** A Standard Webhooks secret: "whsec_" and base64 of 24 random bytes (the spec asks for 24 to 64). */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** The webhook-id of a new event: unique, and free of the "." that separates the signed parts. */
export function newEventId(): string {
  return `msg_${randomUUID().replaceAll('-', '')}`;
}

export function eventList(events: string): string[] {
  return events.split(',').filter(Boolean);
}

const INSERT_ENDPOINT =
  'INSERT INTO webhook_endpoints (url, events, enabled, secret, created_at) VALUES (@url, @events, @enabled, @secret, @now) RETURNING id';
const UPDATE_ENDPOINT = 'UPDATE webhook_endpoints SET url = @url, events = @events, enabled = @enabled WHERE id = @id';
const SET_SECRET = 'UPDATE webhook_endpoints SET secret = ? WHERE id = ?';
const DELETE_ENDPOINT = 'DELETE FROM webhook_endpoints WHERE id = ?';
const ENDPOINTS = 'SELECT * FROM webhook_endpoints ORDER BY id';
const ENDPOINT = 'SELECT * FROM webhook_endpoints WHERE id = ?';
const ENABLED = 'SELECT * FROM webhook_endpoints WHERE enabled = 1 ORDER BY id';
const ENQUEUE = `INSERT INTO webhook_deliveries (endpoint_id, event_id, type, payload, bounce_id, next_attempt_at, give_up_at, created_at)
   VALUES (@endpointId, @eventId, @type, @payload, @bounceId, @now, @giveUpAt, @now) RETURNING id`;
// The head of each enabled endpoint's queue: its oldest pending delivery.
const HEADS = `SELECT d.* FROM webhook_endpoints e
   JOIN webhook_deliveries d ON d.id = (SELECT MIN(id) FROM webhook_deliveries WHERE endpoint_id = e.id AND state = 'pending')
   WHERE e.enabled = 1 ORDER BY d.next_attempt_at, d.id`;
const DELIVERY = 'SELECT * FROM webhook_deliveries WHERE id = ?';
// Takes one head for one holder: still pending, due, and unclaimed or its claim expired.
const CLAIM = `UPDATE webhook_deliveries SET claimed_by = @holder, claimed_until = @until
   WHERE id = @id AND state = 'pending' AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)`;
const RELEASE = 'UPDATE webhook_deliveries SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?';
const ATTEMPT = `INSERT INTO webhook_attempts (delivery_id, at, http_status, duration_ms, error, response_excerpt)
   VALUES (@deliveryId, @at, @httpStatus, @durationMs, @error, @responseExcerpt)`;
// Each outcome also ends the claim: the row is nobody's until it is due again.
const DELIVERED = `UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, finished_at = @at, last_error = '',
   claimed_by = NULL, claimed_until = NULL WHERE id = @id`;
const RETRY = `UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = @next, last_error = @error,
   claimed_by = NULL, claimed_until = NULL WHERE id = @id`;
const FAILED = `UPDATE webhook_deliveries SET state = 'failed', attempts = attempts + 1, finished_at = @at, last_error = @error,
   claimed_by = NULL, claimed_until = NULL WHERE id = @id`;
const RECENT = 'SELECT * FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id DESC LIMIT ?';
const ATTEMPTS_OF = 'SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY id';
const PENDING_COUNT = "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE endpoint_id = ? AND state = 'pending'";
// Attempts go with their delivery (ON DELETE CASCADE).
const PRUNE =
  "DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries WHERE state != 'pending' AND finished_at != '' AND finished_at < ? LIMIT ?)";

export class WebhooksRepository {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /** Deletes finished deliveries (and their attempts) that finished before `before`; at most `max`. */
  async pruneFinished(before: Date, max = 10_000): Promise<number> {
    return (await this.#sql.run(PRUNE, [before.toISOString(), max])).changes;
  }

  async createEndpoint(e: { url: string; events: string[]; enabled: boolean }, now = new Date()): Promise<EndpointRow> {
    const row = await this.#sql.get<{ id: number }>(INSERT_ENDPOINT, {
      url: e.url,
      events: e.events.join(','),
      enabled: e.enabled ? 1 : 0,
      secret: newSecret(),
      now: now.toISOString(),
    });
    return (await this.endpoint(row!.id))!;
  }

  async updateEndpoint(id: number, e: { url: string; events: string[]; enabled: boolean }): Promise<boolean> {
    return (await this.#sql.run(UPDATE_ENDPOINT, { id, url: e.url, events: e.events.join(','), enabled: e.enabled ? 1 : 0 })).changes === 1;
  }

  /** A new secret; the old one stops working at once (receivers must be given the new one). */
  async rotateSecret(id: number): Promise<string | undefined> {
    const secret = newSecret();
    return (await this.#sql.run(SET_SECRET, [secret, id])).changes === 1 ? secret : undefined;
  }

  /** Deletes the endpoint with its queue and attempt log. */
  async deleteEndpoint(id: number): Promise<boolean> {
    return (await this.#sql.run(DELETE_ENDPOINT, [id])).changes === 1;
  }

  endpoints(): Promise<EndpointRow[]> {
    return this.#sql.all<EndpointRow>(ENDPOINTS);
  }

  endpoint(id: number): Promise<EndpointRow | undefined> {
    return this.#sql.get<EndpointRow>(ENDPOINT, [id]);
  }

  /** Enabled endpoints that subscribe to this event type. */
  async subscribers(type: string): Promise<EndpointRow[]> {
    return (await this.#sql.all<EndpointRow>(ENABLED)).filter((e) => eventList(e.events).includes(type));
  }

  /**
   * Queues one event for one endpoint. Call it inside the transaction that makes the fact
   * the event reports, so both are stored or neither.
   */
  async enqueue(
    e: { endpointId: number; eventId: string; type: string; payload: string; bounceId?: number | null },
    now: Date,
    retryForMs: number,
  ): Promise<number> {
    const row = await this.#sql.get<{ id: number }>(ENQUEUE, {
      endpointId: e.endpointId,
      eventId: e.eventId,
      type: e.type,
      payload: e.payload,
      bounceId: e.bounceId ?? null,
      now: now.toISOString(),
      giveUpAt: new Date(now.getTime() + retryForMs).toISOString(),
    });
    return row!.id;
  }

  /** The oldest pending delivery of each enabled endpoint, soonest due first. */
  heads(): Promise<DeliveryRow[]> {
    return this.#sql.all<DeliveryRow>(HEADS);
  }

  /**
   * Claims a head (from heads()) for `holder` until now + ttlMs: true for the one instance
   * that gets it, false when another has it, sent it meanwhile, or it is not due.
   */
  async claim(id: number, holder: string, ttlMs: number, hostNow = new Date()): Promise<boolean> {
    // The database's clock on PostgreSQL: instances on several hosts agree on expiry.
    const now = await claimClock(this.#sql, hostNow);
    const until = new Date(now.getTime() + ttlMs).toISOString();
    return (await this.#sql.run(CLAIM, { id, holder, until, now: now.toISOString() })).changes === 1;
  }

  /** Gives a claimed delivery back unsent. */
  async releaseClaim(id: number, holder: string): Promise<void> {
    await this.#sql.run(RELEASE, [id, holder]);
  }

  delivery(id: number): Promise<DeliveryRow | undefined> {
    return this.#sql.get<DeliveryRow>(DELIVERY, [id]);
  }

  /** Logs an attempt and moves the delivery on: delivered, due again at `retryAt`, or failed. */
  recordAttempt(id: number, a: Attempt, outcome: { delivered: true } | { delivered: false; retryAt?: Date }): Promise<void> {
    return this.#sql.transaction(async (tx) => {
      await tx.run(ATTEMPT, {
        deliveryId: id,
        at: a.at.toISOString(),
        httpStatus: a.httpStatus,
        durationMs: a.durationMs,
        error: a.error,
        responseExcerpt: a.responseExcerpt,
      });
      const error = a.error || `HTTP ${a.httpStatus}`;
      if (outcome.delivered) await tx.run(DELIVERED, { id, at: a.at.toISOString() });
      else if (outcome.retryAt) await tx.run(RETRY, { id, next: outcome.retryAt.toISOString(), error });
      else await tx.run(FAILED, { id, at: a.at.toISOString(), error });
    });
  }

  /** The endpoint's latest deliveries, newest first, each with its attempts. */
  async recentDeliveries(endpointId: number, limit = 50): Promise<(DeliveryRow & { attemptLog: AttemptRow[] })[]> {
    const out: (DeliveryRow & { attemptLog: AttemptRow[] })[] = [];
    for (const d of await this.#sql.all<DeliveryRow>(RECENT, [endpointId, limit]))
      out.push({ ...d, attemptLog: await this.attempts(d.id) });
    return out;
  }

  attempts(deliveryId: number): Promise<AttemptRow[]> {
    return this.#sql.all<AttemptRow>(ATTEMPTS_OF, [deliveryId]);
  }

  async pendingCount(endpointId: number): Promise<number> {
    return (await this.#sql.get<{ n: number }>(PENDING_COUNT, [endpointId]))?.n ?? 0;
  }

  /**
   * "Send again": the same event (same webhook-id and body) queued anew at the end of the
   * endpoint's queue, whatever became of the first delivery.
   */
  async resend(deliveryId: number, now: Date, retryForMs: number): Promise<number | undefined> {
    const d = await this.delivery(deliveryId);
    if (!d) return undefined;
    return this.enqueue(
      { endpointId: d.endpoint_id, eventId: d.event_id, type: d.type, payload: d.payload, bounceId: d.bounce_id },
      now,
      retryForMs,
    );
  }
}
