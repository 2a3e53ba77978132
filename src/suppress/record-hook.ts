// The ingest hook that keeps the suppression list: it runs inside the commit of the bounce
// that causes an entry (ingest's recordHooks), so a crash leaves both or neither. Hard
// bounces suppress at once; soft ones count strikes and suppress for a while once there are
// enough within the window; complaints only when the setting says so.

import type { RecordHook } from '../ingest.ts';
import { DAY_MS } from '../core/utc-day.ts';
import { decide, expiryAfter, type SuppressionRule } from './policy.ts';
import type { NewSuppression } from './repository.ts';

export function createSuppressionHook(rules: readonly SuppressionRule[]): RecordHook {
  return async ({ classification: c, bounces, store, now }) => {
    // Collected, then written in one call: one savepoint for a message's entries, not one
    // per failed recipient (a forged report names 500). Strikes touch only their own table,
    // so counting them first leaves every entry as the bounce-by-bounce order made it.
    const entries: NewSuppression[] = [];
    for (const b of bounces) {
      const rule = decide(rules, {
        kind: c.kind,
        bounceType: b.recipient.bounceType,
        reason: b.recipient.reason,
        status: b.recipient.enhancedCode,
        replyCode: b.recipient.replyCode,
        address: b.row.emailTo,
        aboutReboundNotice: c.envelope.aboutReboundNotice,
        feedbackType: b.recipient.feedbackType,
        mayWorkLater: b.recipient.mayWorkLater,
      });
      if (!rule) continue;
      const what = [b.recipient.enhancedCode, b.recipient.replyCode].filter(Boolean).join(' ');
      const a = rule.action;
      if (a.type === 'suppress') {
        entries.push({
          address: b.row.emailTo,
          reason: c.kind === 'complaint' ? 'complaint' : b.recipient.reason,
          source: a.source,
          rule: rule.name,
          bounceId: b.id,
          note: `${c.kind === 'complaint' ? `complaint (${b.recipient.feedbackType ?? 'abuse'})` : 'hard bounce'} ${what}`.trim(),
          by: 'rebound',
          expiresAt: expiryAfter(now, a.days),
        });
      } else {
        const strikes = await store.suppressions.strike(b.row.emailTo, b.id, now, a.windowDays * DAY_MS);
        if (strikes >= a.count) {
          entries.push({
            address: b.row.emailTo,
            reason: b.recipient.reason,
            source: 'escalation',
            rule: rule.name,
            bounceId: b.id,
            note: `${strikes} soft bounces within ${a.windowDays} days`,
            by: 'rebound',
            expiresAt: expiryAfter(now, a.days),
          });
        }
      }
    }
    // An address the list cannot hold (a quoted local part, an IP literal) is recorded as a
    // bounce but never suppressed (addMany leaves it out); anything else that fails rolls
    // the message back (4xx).
    if (entries.length > 0) await store.suppressions.addMany(entries, now);
  };
}
