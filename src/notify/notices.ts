// The notice planner: which bounces get a notice and who receives it. ingest() calls it inside
// the bounce's transaction and writes the outbox rows it returns, so a recorded bounce and its
// queued notice are committed together or not at all. Pure apart from one read-only question
// to the store (is an address known to bounce hard).

import type { Config } from '../config.ts';
import { bounceDate } from '../core/message-date.ts';
import type { Classification, MessageKind } from '../core/types.ts';
import type { NoticePlanner, RecordedBounce } from '../ingest.ts';
import type { Store } from '../store/store.ts';
import { chooseRecipients } from './recipients.ts';

/** What one notice is about, as far as the rules care. */
export interface NoticeSubject {
  bounceId: number;
  kind: MessageKind | string;
  /** hard, soft or none. */
  bounceType: string;
  /** The address that failed. */
  failedAddress: string;
  /** Every address that failed in the same report. */
  failedInReport: string[];
  /** Cc of the original message. */
  originalCc: string[];
  /** True when the bounce is about a notice rebound sent (loop marker in the returned headers). */
  aboutReboundNotice: boolean;
}

/**
 * The NOTIFY_ON category of a bounce: hard or soft for a failed delivery, else the message's
 * kind (delay, autoreply, complaint). '' for anything never notified.
 */
export function noticeCategory(kind: string, bounceType: string): string {
  if (kind === 'bounce') return bounceType === 'hard' || bounceType === 'soft' ? bounceType : '';
  if (kind === 'delay' || kind === 'autoreply' || kind === 'complaint') return kind;
  return '';
}

/** Why a bounce gets no notice, or undefined when it gets one. */
export function whyNoNotice(config: Config, s: NoticeSubject): string | undefined {
  if (s.aboutReboundNotice) return 'it is a bounce of a rebound notice (loop safety)';
  const category = noticeCategory(s.kind, s.bounceType);
  if (!category) return `a ${s.kind} with type ${s.bounceType} is never notified`;
  if (!config.notify.on.includes(category)) return `${category} results are not notified (NOTIFY_ON=${config.notify.on.join(',')})`;
  return undefined;
}

/**
 * The recipients of a notice. Test mode: NOTIFY_CC_TEST and nobody else. Normal mode:
 * NOTIFY_CC plus the original Cc. Both minus the failed addresses, known hard bouncers,
 * system addresses and rebound's own address.
 */
export function noticeRecipients(config: Config, store: Pick<Store, 'bounces'>, s: NoticeSubject): string[] {
  const wanted = config.testMode ? config.notify.ccTest : [...config.notify.cc, ...s.originalCc];
  return chooseRecipients({
    wanted,
    failed: [s.failedAddress, ...s.failedInReport],
    self: config.notify.from,
    isKnownBouncing: (a) => store.bounces.isKnownHardBouncing(a),
  });
}

/** The addresses that failed (hard or soft) in one report: none of them hears about it. */
export function failedAddresses(recipients: readonly Pick<Classification['recipients'][number], 'address' | 'bounceType'>[]): string[] {
  return recipients.filter((r) => r.bounceType === 'hard' || r.bounceType === 'soft').map((r) => r.address);
}

/** The rule-relevant facts of one freshly recorded bounce. */
export function subjectOf(c: Classification, b: RecordedBounce): NoticeSubject {
  return {
    bounceId: b.id,
    kind: c.kind,
    bounceType: b.recipient.bounceType,
    failedAddress: b.recipient.address,
    failedInReport: failedAddresses(c.recipients),
    originalCc: c.original.cc,
    aboutReboundNotice: c.envelope.aboutReboundNotice,
  };
}

export interface NoticePlannerOptions {
  /**
   * Only bounces younger than this (ms, by their own Date header) get a notice: an imported
   * archive of old bounces must not mail colleagues about each of them.
   */
  maxAgeMs?: number;
  clock?: () => Date;
}

/** The planner ingest() calls: one notice per recorded hard/soft bounce that has anyone to tell. */
export function createNoticePlanner(config: Config, opts: NoticePlannerOptions = {}): NoticePlanner {
  const clock = opts.clock ?? (() => new Date());
  return ({ classification, bounces, store }) => {
    const out: { bounceId: number; recipients: string[] }[] = [];
    if (opts.maxAgeMs !== undefined) {
      const now = clock();
      if (now.getTime() - bounceDate(classification.envelope.date, now).getTime() >= opts.maxAgeMs) return out;
    }
    for (const b of bounces) {
      const s = subjectOf(classification, b);
      if (whyNoNotice(config, s) !== undefined) continue;
      const recipients = noticeRecipients(config, store, s);
      if (recipients.length > 0) out.push({ bounceId: b.id, recipients });
    }
    return out;
  };
}
