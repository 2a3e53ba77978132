// What makes a result hard (the address is dead and should be suppressed) or soft.
// See rules/README.md, "What makes a result hard".

import type { BounceType, Reason, RecipientResult } from './types.ts';

/** Reasons that say the address itself does not work. */
export const HARD_REASONS: ReadonlySet<Reason> = new Set<Reason>(['userunknown', 'hostunknown', 'hasmoved']);
/** Results that are not bounces at all. */
export const NON_BOUNCE_REASONS: ReadonlySet<Reason> = new Set<Reason>(['feedback', 'vacation', 'delivered']);
/**
 * Reasons about the recipient's address, mailbox or domain: a refusal of the sender (MAIL
 * FROM, X.1.7, X.1.8) can never give one of these.
 */
export const RECIPIENT_REASONS: ReadonlySet<Reason> = new Set<Reason>([
  'userunknown',
  'hostunknown',
  'hasmoved',
  'notaccept',
  'mailboxfull',
  'suspend',
  'filtered',
  'exceedlimit',
]);

/**
 * Hard: userunknown, hostunknown, hasmoved, and notaccept with a permanent (5) code; the
 * class follows the reason, not the first digit ("4.1.1 user unknown" is hard). Never hard:
 * a delay (the message is still being tried) and the non-bounces.
 */
export function bounceTypeOf(r: Pick<RecipientResult, 'reason' | 'enhancedCode' | 'replyCode' | 'action'>): BounceType {
  if (NON_BOUNCE_REASONS.has(r.reason)) return 'none';
  if (r.action === 'delayed') return 'none';
  if (HARD_REASONS.has(r.reason)) return 'hard';
  if (r.reason === 'notaccept' && (r.enhancedCode.startsWith('5') || r.replyCode.startsWith('5'))) return 'hard';
  return 'soft';
}
