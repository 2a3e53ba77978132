// The suppression.added and suppression.removed webhooks: queued by the suppression list's
// change listener, which runs inside the transaction of the change (a bounce's commit, a
// removal on the dashboard or through the API, an expiry), so the event lands with the
// change or not at all.

import type { Store } from '../store/store.ts';
import { afterCommit } from '../store/sql/driver.ts';
import { entryFacts, type SuppressionChange } from '../suppress/repository.ts';
import { queueEvent } from './events.ts';

export function suppressionEventData(c: SuppressionChange, publicUrl: string): Record<string, unknown> {
  const e = c.entry;
  return {
    ...entryFacts(e),
    note: c.note,
    by: c.by,
    at: c.at,
    expires_at: e.expiresAt,
    api_url: `${publicUrl}/api/v1/suppressions/${encodeURIComponent(e.address)}`,
  };
}

/**
 * Registers the listener; returns the function that unregisters it. `onQueued` (the
 * deliverer's kick) is called once the change's transaction has committed an event: a look at
 * the queue before the commit would not see it (PostgreSQL) or wait for it (SQLite).
 */
export function queueSuppressionEvents(store: Store, o: { publicUrl: string; retryForMs: number; onQueued?: () => void }): () => void {
  return store.suppressions.onChange(async (c, tx) => {
    const type = c.type === 'added' ? 'suppression.added' : 'suppression.removed';
    const n = await queueEvent(
      tx.webhooks,
      { type, data: suppressionEventData(c, o.publicUrl), bounceId: c.entry.bounceId ?? undefined },
      new Date(c.at),
      o.retryForMs,
    );
    if (n > 0 && o.onQueued) afterCommit(tx.sql, o.onQueued);
  });
}
