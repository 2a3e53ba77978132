// What every ingest of this installation runs inside a bounce's own commit, whichever way the
// bounce came in (LMTP, IMAP, `rebound import`): its webhook event, then the suppression list,
// whose change listener queues suppression.added after it. One list, so an imported bounce
// suppresses and is announced exactly as a delivered one is.

import type { Config } from './config.ts';
import type { RecordHook } from './ingest.ts';
import type { Store } from './store/store.ts';
import { rulesFromSettings } from './suppress/policy.ts';
import { createSuppressionHook } from './suppress/record-hook.ts';
import { webhookRecordHook } from './webhooks/events.ts';
import { queueSuppressionEvents } from './webhooks/suppression-events.ts';

export function recordHooks(config: Config): RecordHook[] {
  return [
    webhookRecordHook({ publicUrl: config.publicUrl, retryForMs: config.webhooks.retryForMs }),
    createSuppressionHook(rulesFromSettings(config.suppress)),
  ];
}

/**
 * Queues suppression.added/removed webhooks inside each change's transaction (a bounce, the
 * API, the dashboard, the CLI, an expiry); the service's deliverer sends them. Returns the
 * function that stops listening.
 */
export function announceSuppressionChanges(store: Store, config: Config, onQueued?: () => void): () => void {
  return queueSuppressionEvents(store, {
    publicUrl: config.publicUrl,
    retryForMs: config.webhooks.retryForMs,
    ...(onQueued ? { onQueued } : {}),
  });
}
