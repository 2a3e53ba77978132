// The webhook tables (migration 009): endpoints, the delivery queue and the attempt log.
// One repository owns their SQL. A delivery is one event for one endpoint; the queue of an
// endpoint is its pending deliveries in id order, and only its head is ever sent (in order,
// per endpoint). With several rebound processes on one store, the head is claimed
// (claimed_by, claimed_until; migration 015) before it is sent, so one of them sends it; the
// head stays the head until it is delivered or failed, so the order per endpoint holds too.

import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../store/db.ts';

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

export class WebhooksRepository {
  #db: Db;
  #insertEndpoint;
  #updateEndpoint;
  #setSecret;
  #deleteEndpoint;
  #endpoints;
  #endpoint;
  #enabled;
  #enqueue;
  #heads;
  #delivery;
  #attempt;
  #delivered;
  #retry;
  #failed;
  #recent;
  #attemptsOf;
  #pendingCount;
  #prune;
  #claim;
  #release;
  constructor(db: Db) {
    this.#db = db;
    this.#insertEndpoint = db.prepare(
      'INSERT INTO webhook_endpoints (url, events, enabled, secret, created_at) VALUES (@url, @events, @enabled, @secret, @now)',
    );
    this.#updateEndpoint = db.prepare('UPDATE webhook_endpoints SET url = @url, events = @events, enabled = @enabled WHERE id = @id');
    this.#setSecret = db.prepare('UPDATE webhook_endpoints SET secret = ? WHERE id = ?');
    this.#deleteEndpoint = db.prepare('DELETE FROM webhook_endpoints WHERE id = ?');
    this.#endpoints = db.prepare('SELECT * FROM webhook_endpoints ORDER BY id');
    this.#endpoint = db.prepare('SELECT * FROM webhook_endpoints WHERE id = ?');
    this.#enabled = db.prepare('SELECT * FROM webhook_endpoints WHERE enabled = 1 ORDER BY id');
    this.#enqueue = db.prepare(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, type, payload, bounce_id, next_attempt_at, give_up_at, created_at)
       VALUES (@endpointId, @eventId, @type, @payload, @bounceId, @now, @giveUpAt, @now)`,
    );
    // The head of each enabled endpoint's queue: its oldest pending delivery.
    this.#heads = db.prepare(
      `SELECT d.* FROM webhook_endpoints e
       JOIN webhook_deliveries d ON d.id = (SELECT MIN(id) FROM webhook_deliveries WHERE endpoint_id = e.id AND state = 'pending')
       WHERE e.enabled = 1 ORDER BY d.next_attempt_at, d.id`,
    );
    this.#delivery = db.prepare('SELECT * FROM webhook_deliveries WHERE id = ?');
    // Takes one head for one holder: still pending, due, and unclaimed or its claim expired.
    this.#claim = db.prepare(
      `UPDATE webhook_deliveries SET claimed_by = @holder, claimed_until = @until
       WHERE id = @id AND state = 'pending' AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)`,
    );
    this.#release = db.prepare('UPDATE webhook_deliveries SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?');
    this.#attempt = db.prepare(
      `INSERT INTO webhook_attempts (delivery_id, at, http_status, duration_ms, error, response_excerpt)
       VALUES (@deliveryId, @at, @httpStatus, @durationMs, @error, @responseExcerpt)`,
    );
    // Each outcome also ends the claim: the row is nobody's until it is due again.
    this.#delivered = db.prepare(
      `UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, finished_at = @at, last_error = '',
       claimed_by = NULL, claimed_until = NULL WHERE id = @id`,
    );
    this.#retry = db.prepare(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = @next, last_error = @error,
       claimed_by = NULL, claimed_until = NULL WHERE id = @id`,
    );
    this.#failed = db.prepare(
      `UPDATE webhook_deliveries SET state = 'failed', attempts = attempts + 1, finished_at = @at, last_error = @error,
       claimed_by = NULL, claimed_until = NULL WHERE id = @id`,
    );
    this.#recent = db.prepare('SELECT * FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id DESC LIMIT ?');
    this.#attemptsOf = db.prepare('SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY id');
    this.#pendingCount = db.prepare("SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = ? AND state = 'pending'").pluck();
    // Attempts go with their delivery (ON DELETE CASCADE).
    this.#prune = db.prepare(
      "DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries WHERE state != 'pending' AND finished_at != '' AND finished_at < ? LIMIT ?)",
    );
  }

  /** Deletes finished deliveries (and their attempts) that finished before `before`; at most `max`. */
  pruneFinished(before: Date, max = 10_000): number {
    return this.#prune.run(before.toISOString(), max).changes;
  }

  createEndpoint(e: { url: string; events: string[]; enabled: boolean }, now = new Date()): EndpointRow {
    const info = this.#insertEndpoint.run({
      url: e.url,
      events: e.events.join(','),
      enabled: e.enabled ? 1 : 0,
      secret: newSecret(),
      now: now.toISOString(),
    });
    return this.endpoint(Number(info.lastInsertRowid))!;
  }

  updateEndpoint(id: number, e: { url: string; events: string[]; enabled: boolean }): boolean {
    return this.#updateEndpoint.run({ id, url: e.url, events: e.events.join(','), enabled: e.enabled ? 1 : 0 }).changes === 1;
  }

  /** A new secret; the old one stops working at once (receivers must be given the new one). */
  rotateSecret(id: number): string | undefined {
    const secret = newSecret();
    return this.#setSecret.run(secret, id).changes === 1 ? secret : undefined;
  }

  /** Deletes the endpoint with its queue and attempt log. */
  deleteEndpoint(id: number): boolean {
    return this.#deleteEndpoint.run(id).changes === 1;
  }

  endpoints(): EndpointRow[] {
    return this.#endpoints.all() as EndpointRow[];
  }

  endpoint(id: number): EndpointRow | undefined {
    return this.#endpoint.get(id) as EndpointRow | undefined;
  }

  /** Enabled endpoints that subscribe to this event type. */
  subscribers(type: string): EndpointRow[] {
    return (this.#enabled.all() as EndpointRow[]).filter((e) => eventList(e.events).includes(type));
  }

  /**
   * Queues one event for one endpoint. Call it inside the transaction that makes the fact
   * the event reports, so both are stored or neither.
   */
  enqueue(
    e: { endpointId: number; eventId: string; type: string; payload: string; bounceId?: number | null },
    now: Date,
    retryForMs: number,
  ): number {
    const info = this.#enqueue.run({
      endpointId: e.endpointId,
      eventId: e.eventId,
      type: e.type,
      payload: e.payload,
      bounceId: e.bounceId ?? null,
      now: now.toISOString(),
      giveUpAt: new Date(now.getTime() + retryForMs).toISOString(),
    });
    return Number(info.lastInsertRowid);
  }

  /** The oldest pending delivery of each enabled endpoint, soonest due first. */
  heads(): DeliveryRow[] {
    return this.#heads.all() as DeliveryRow[];
  }

  /**
   * Claims a head (from heads()) for `holder` until now + ttlMs: true for the one instance
   * that gets it, false when another has it, sent it meanwhile, or it is not due.
   */
  claim(id: number, holder: string, ttlMs: number, now = new Date()): boolean {
    const until = new Date(now.getTime() + ttlMs).toISOString();
    return this.#claim.run({ id, holder, until, now: now.toISOString() }).changes === 1;
  }

  /** Gives a claimed delivery back unsent. */
  releaseClaim(id: number, holder: string): void {
    this.#release.run(id, holder);
  }

  delivery(id: number): DeliveryRow | undefined {
    return this.#delivery.get(id) as DeliveryRow | undefined;
  }

  /** Logs an attempt and moves the delivery on: delivered, due again at `retryAt`, or failed. */
  recordAttempt(id: number, a: Attempt, outcome: { delivered: true } | { delivered: false; retryAt?: Date }): void {
    this.#db.transaction(() => {
      this.#attempt.run({
        deliveryId: id,
        at: a.at.toISOString(),
        httpStatus: a.httpStatus,
        durationMs: a.durationMs,
        error: a.error,
        responseExcerpt: a.responseExcerpt,
      });
      const error = a.error || `HTTP ${a.httpStatus}`;
      if (outcome.delivered) this.#delivered.run({ id, at: a.at.toISOString() });
      else if (outcome.retryAt) this.#retry.run({ id, next: outcome.retryAt.toISOString(), error });
      else this.#failed.run({ id, at: a.at.toISOString(), error });
    })();
  }

  /** The endpoint's latest deliveries, newest first, each with its attempts. */
  recentDeliveries(endpointId: number, limit = 50): (DeliveryRow & { attemptLog: AttemptRow[] })[] {
    return (this.#recent.all(endpointId, limit) as DeliveryRow[]).map((d) => ({ ...d, attemptLog: this.attempts(d.id) }));
  }

  attempts(deliveryId: number): AttemptRow[] {
    return this.#attemptsOf.all(deliveryId) as AttemptRow[];
  }

  pendingCount(endpointId: number): number {
    return this.#pendingCount.get(endpointId) as number;
  }

  /**
   * "Send again": the same event (same webhook-id and body) queued anew at the end of the
   * endpoint's queue, whatever became of the first delivery.
   */
  resend(deliveryId: number, now: Date, retryForMs: number): number | undefined {
    const d = this.delivery(deliveryId);
    if (!d) return undefined;
    return this.enqueue(
      { endpointId: d.endpoint_id, eventId: d.event_id, type: d.type, payload: d.payload, bounceId: d.bounce_id },
      now,
      retryForMs,
    );
  }
}
