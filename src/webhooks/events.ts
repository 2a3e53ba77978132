// What a webhook says: the event type of a recorded bounce and the JSON body a sender's
// system needs to find its own message (address, type and reason, codes, diagnostic,
// original Message-ID, tracking header, VERP address, time, link). The bodies follow the
// Standard Webhooks shape: {type, timestamp, data}.
//
// Events are queued by a record hook inside the bounce's own transaction (src/ingest.ts
// recordHooks): a crash loses none, and none is queued for a bounce that was not stored.

import { decodeVerp } from '../core/original.ts';
import { NOT_A_RECIPIENT_COMPLAINT } from '../core/lhost/arf.ts';
import type { RecordHook, RecordedBounce } from '../ingest.ts';
import { newEventId, type EndpointRow, type EventType, type WebhooksRepository } from './store.ts';

/**
 * The event a recorded bounce row causes, or undefined (auto-replies, rows with no type). A
 * feedback report that is no recipient's complaint (a DMARC/authentication failure report, a
 * not-spam report) causes none: a sender's system takes `complaint` as "stop mailing this
 * address", as rebound's own suppression list never does for these.
 */
export function bounceEventType(kind: string, bounceType: string, feedbackType?: string): EventType | undefined {
  if (kind === 'bounce') return bounceType === 'hard' ? 'bounce.hard' : bounceType === 'soft' ? 'bounce.soft' : undefined;
  if (kind === 'delay') return 'bounce.delay';
  if (kind === 'complaint') return feedbackType && NOT_A_RECIPIENT_COMPLAINT.includes(feedbackType) ? undefined : 'complaint';
  return undefined;
}

export function eventBody(type: string, at: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}

export function bounceData(b: RecordedBounce, verpAddress: string, publicUrl: string): Record<string, unknown> {
  const r = b.row;
  return {
    bounce_id: b.id,
    address: r.emailTo,
    domain: r.domain,
    kind: r.kind,
    bounce_type: r.bounceType,
    reason: r.reason,
    // A complaint's ARF Feedback-Type (abuse, fraud, virus, other, ...); null for bounces.
    feedback_type: r.kind === 'complaint' ? (b.recipient.feedbackType ?? 'abuse') : null,
    action: r.action,
    status_code: r.statusCode,
    reply_code: r.replyCode,
    diagnostic: r.diagnostic,
    remote_mta: r.remoteMta,
    original_message_id: r.originalMessageId,
    original_from: r.originalFrom,
    original_subject: r.originalSubject,
    tracking_id: r.trackingId,
    verp_address: verpAddress,
    received_at: r.date,
    url: `${publicUrl}/bounces/${b.id}`,
    api_url: `${publicUrl}/api/v1/bounces/${b.id}`,
  };
}

/**
 * Queues `type` for every enabled endpoint that subscribes to it; returns how many
 * deliveries were queued. Call it inside the transaction of the fact it reports, with that
 * transaction's repository.
 */
export async function queueEvent(
  webhooks: WebhooksRepository,
  e: { type: string; data: Record<string, unknown>; bounceId?: number },
  now: Date,
  retryForMs: number,
  subscribersOf: (type: string) => Promise<EndpointRow[]> = (type) => webhooks.subscribers(type),
): Promise<number> {
  const endpoints = await subscribersOf(e.type);
  if (endpoints.length === 0) return 0;
  const eventId = newEventId();
  const payload = eventBody(e.type, now, e.data);
  for (const ep of endpoints)
    await webhooks.enqueue({ endpointId: ep.id, eventId, type: e.type, payload, bounceId: e.bounceId ?? null }, now, retryForMs);
  return endpoints.length;
}

export interface WebhookHookOptions {
  publicUrl: string;
  /** How long a delivery is retried before it is marked failed, ms. */
  retryForMs: number;
}

/** The record hook (IngestorOptions.recordHooks) that queues the bounce events. */
export function webhookRecordHook(o: WebhookHookOptions): RecordHook {
  return async ({ messageId, bounces, store, now }) => {
    let verp: string | undefined;
    // The endpoints are read once per message and event type, not once per failed recipient
    // (a forged report names up to 500).
    const subscribers = new Map<string, EndpointRow[]>();
    const subscribersOf = async (type: string) => {
      let found = subscribers.get(type);
      if (!found) subscribers.set(type, (found = await store.webhooks.subscribers(type)));
      return found;
    };
    for (const b of bounces) {
      const type = bounceEventType(b.row.kind, b.row.bounceType, b.recipient.feedbackType);
      if (!type) continue;
      // No endpoint wants it (the usual case, and every message of an import without
      // webhooks): the message row is not read back for nothing.
      if ((await subscribersOf(type)).length === 0) continue;
      // The VERP-encoded envelope recipient (the bounce address the mail came back to), read once.
      verp ??= ((await store.messages.get(messageId))?.envelope_to ?? '').split(',').find((a) => decodeVerp(a) !== '') ?? '';
      await queueEvent(store.webhooks, { type, data: bounceData(b, verp, o.publicUrl), bounceId: b.id }, now, o.retryForMs, subscribersOf);
    }
  };
}
