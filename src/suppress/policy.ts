// Which bounces put an address on the suppression list: the rules as data, built once from
// the settings, and a pure decision (no database, no clock) that returns the rule that
// matched, so every entry records why it was made (suppressions.rule).

import type { BounceType, MessageKind } from '../core/types.ts';
import { DAY_MS } from '../core/utc-day.ts';
import { NOT_A_RECIPIENT_COMPLAINT } from '../core/lhost/arf.ts';

export interface SuppressionSettings {
  /** Reasons that suppress at once when the failure is permanent (5xx). */
  hardReasons: string[];
  /** Days a hard-bounce entry lasts; 0 = until removed. */
  hardDays: number;
  /** Soft bounces of one address within softWindowDays that suppress it... */
  softCount: number;
  softWindowDays: number;
  /** ...for this many days. */
  softDays: number;
  /** ARF complaints suppress at once (off by default: a complaint is not a dead address). */
  complaints: boolean;
  /** Days a complaint entry lasts; 0 = until removed. */
  complaintDays: number;
}

/** One rule: what it matches and what it does. First match wins. */
export interface SuppressionRule {
  name: string;
  kinds: readonly MessageKind[];
  bounceTypes?: readonly BounceType[];
  reasons?: readonly string[];
  /** Only when the status or reply code says the failure is permanent (5.x.x / 5xx). */
  permanentOnly?: boolean;
  /** Complaints of these feedback types never match (see NOT_A_RECIPIENT_COMPLAINT). */
  exceptFeedbackTypes?: readonly string[];
  action:
    | { type: 'suppress'; source: 'bounce' | 'complaint'; days: number }
    | { type: 'strike'; count: number; windowDays: number; days: number };
}

/** What the rules look at of one recorded bounce. */
export interface BounceFacts {
  kind: MessageKind | string;
  bounceType: BounceType | string;
  reason: string;
  /** RFC 3463 status, e.g. '5.1.1'; '' when unknown. */
  status: string;
  /** SMTP reply code, e.g. '550'; '' when unknown. */
  replyCode: string;
  address: string;
  /** True when the bounce is about a notice rebound sent: it changes nothing. */
  aboutReboundNotice: boolean;
  /** A complaint's feedback type (abuse, opt-out, auth-failure, ...); absent otherwise. */
  feedbackType?: string;
  /** The sending service said the address may work later (SES Transient): never permanent. */
  mayWorkLater?: boolean;
}

export const DEFAULT_HARD_REASONS = ['userunknown', 'hostunknown', 'hasmoved', 'notaccept'] as const;

export function rulesFromSettings(s: SuppressionSettings): SuppressionRule[] {
  const rules: SuppressionRule[] = [
    {
      name: 'hard-bounce',
      kinds: ['bounce'],
      reasons: s.hardReasons,
      permanentOnly: true,
      action: { type: 'suppress', source: 'bounce', days: s.hardDays },
    },
    {
      name: 'soft-escalation',
      kinds: ['bounce'],
      bounceTypes: ['soft'],
      action: { type: 'strike', count: s.softCount, windowDays: s.softWindowDays, days: s.softDays },
    },
  ];
  if (s.complaints) {
    rules.push({
      name: 'complaint',
      kinds: ['complaint'],
      exceptFeedbackTypes: NOT_A_RECIPIENT_COMPLAINT,
      action: { type: 'suppress', source: 'complaint', days: s.complaintDays },
    });
  }
  // Delays and auto-replies match no rule: they never suppress.
  return rules;
}

/** A 5.x.x status or a 5xx reply; with neither known, the classifier's hard call. */
export function isPermanent(f: Pick<BounceFacts, 'status' | 'replyCode' | 'bounceType' | 'mayWorkLater'>): boolean {
  if (f.mayWorkLater) return false;
  if (f.status) return f.status.startsWith('5');
  if (f.replyCode) return f.replyCode.startsWith('5');
  return f.bounceType === 'hard';
}

/** The rule that applies to a bounce, or undefined when it changes nothing. */
export function decide(rules: readonly SuppressionRule[], f: BounceFacts): SuppressionRule | undefined {
  if (f.aboutReboundNotice || !f.address) return undefined;
  return rules.find(
    (r) =>
      r.kinds.includes(f.kind as MessageKind) &&
      (!r.bounceTypes || r.bounceTypes.includes(f.bounceType as BounceType)) &&
      (!r.reasons || r.reasons.includes(f.reason)) &&
      (!r.permanentOnly || isPermanent(f)) &&
      !(f.feedbackType && r.exceptFeedbackTypes?.includes(f.feedbackType)),
  );
}

/** The expiry of an entry made at `now` lasting `days` (0: never). */
export function expiryAfter(now: Date, days: number): Date | null {
  return days > 0 ? new Date(now.getTime() + days * DAY_MS) : null;
}
