// The composition root: wires configuration, store, ingest, intake (LMTP, IMAP), notifier,
// jobs and the dashboard, and stops them in reverse order. Nothing here listens by itself
// until start(); main.ts owns the process (signals, exit codes).

import type { Config } from './config.ts';
import { createIngestor, type Ingestor, type IngestResult } from './ingest.ts';
import { createLmtpServer } from './intake/lmtp.ts';
import { createScheduler } from './jobs/scheduler.ts';
import type { Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { createNoticePlanner } from './notify/notices.ts';
import { createNotifier } from './notify/notifier.ts';
import { StatusBoard } from './status.ts';
import { openConfiguredStore } from './store/data-files.ts';
import type { Store } from './store/store.ts';
import { createSuppressionService } from './suppress/service.ts';
import { announceSuppressionChanges, recordHooks } from './record-hooks.ts';
import { createWebApp } from './web/app.ts';
import { lazyApiMiddleware } from './api/lazy.ts';
import { tokenPages } from './api/token-pages.ts';
import { BounceQueries } from './store/bounce-queries.ts';
import { createWebhookDeliverer } from './webhooks/deliverer.ts';
import { webhookPages } from './webhooks/pages.ts';
import { generatePassword, hashPassword, STORED_PASSWORD_KEY } from './web/password.ts';
import { startWebServer } from './web/server.ts';

export interface App {
  config: Config;
  store: Store;
  ingestor: Ingestor;
  board: StatusBoard;
  metrics: Metrics;
  /** Where the parts listen, once started: { lmtp: [...], web: 'http://...' }. */
  addresses(): { lmtp: string[]; web: string };
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface Stoppable {
  name: string;
  stop(): Promise<void> | void;
}

// Each part makes its own child logger ({component: 'lmtp'}, ...) from the one passed in.
/** `clock`: the time ingest and the suppression list go by (tests move it; default: now). */
export function buildApp(config: Config, log: Logger, opts: { clock?: () => Date } = {}): App {
  // A data folder or database it cannot use stops the start naming the path and the variable.
  const store = openConfiguredStore(config, log.child({ component: 'store' }));
  const board = new StatusBoard();
  const metrics = new Metrics();

  const notifier = createNotifier({ config, store, log, board, metrics });
  const webhooks = createWebhookDeliverer({
    webhooks: store.webhooks,
    log,
    allowPrivate: config.webhooks.allowPrivate,
    timeoutMs: config.webhooks.timeoutMs,
    retryForMs: config.webhooks.retryForMs,
    holder: config.instance.id,
    claimTtlMs: config.instance.claimTtlMs,
  });
  // suppression.added/removed: queued inside each change's transaction (a bounce, the API,
  // the dashboard, an expiry), sent after it.
  announceSuppressionChanges(store, config, () => webhooks.kick());
  const ingestor = createIngestor({
    store,
    log: log.child({ component: 'ingest' }),
    trackingHeader: config.trackingHeader,
    planNotices: createNoticePlanner(config),
    // Run in the bounce's own transaction (record-hooks.ts): its webhook event, the suppression list.
    recordHooks: recordHooks(config),
    ...(opts.clock ? { clock: opts.clock } : {}),
    metrics,
    onCommitted: (r: IngestResult) => {
      if (r.bounceIds.length === 0) return;
      webhooks.kick();
      metrics.bouncesRecorded.inc({ kind: r.kind }, r.bounceIds.length);
      // Its notices are in the outbox now: send them without waiting for the retry job.
      notifier.kick();
    },
  });

  const lmtp = config.lmtp.enabled ? createLmtpServer({ config: config.lmtp, ingestor, log, board, metrics }) : undefined;
  const scheduler = createScheduler({ config, notifier, store, log });
  const suppression = createSuppressionService({ config: config.suppress, store, log, metrics, board, clock: opts.clock });

  let web: { address(): string; stop(): Promise<void> } | undefined;
  const started: Stoppable[] = [];

  async function adminPasswordHash(): Promise<string | undefined> {
    if (config.web.adminPass) return undefined;
    let hash = await store.settings.get(STORED_PASSWORD_KEY);
    if (!hash) {
      const pass = generatePassword();
      hash = hashPassword(pass);
      await store.settings.set(STORED_PASSWORD_KEY, hash);
      // Printed once, at the first start; only its hash is kept.
      log.warn(
        { component: 'web', generatedPassword: pass },
        'ADMIN_PASS is not set: generated a dashboard password (shown only now; `rebound password` sets another)',
      );
    }
    return hash;
  }

  return {
    config,
    store,
    ingestor,
    board,
    metrics,
    addresses: () => ({ lmtp: lmtp?.addresses() ?? [], web: web?.address() ?? '' }),

    async start() {
      // Start order: the parts that work in the background first, the listeners last, so
      // nothing is accepted before everything behind it runs. stop() undoes it backwards.
      try {
        // PostgreSQL: the schema is migrated (once, under a lock) before any part uses it.
        await store.ready();
        // mailparser is not loaded here: the messages that need it are read on the
        // classifier's worker thread (core/classify-thread.ts).
        notifier.kick();
        started.push({ name: 'notifier', stop: () => notifier.stop() });
        // Events queued before a stop or a crash go out now.
        webhooks.kick();
        started.push({ name: 'webhooks', stop: () => webhooks.stop() });
        scheduler.start();
        started.push({ name: 'jobs', stop: () => scheduler.stop() });
        if (config.imapMailboxes.length > 0) {
          // imapflow (~30 MB resident) is loaded only when a mailbox is configured.
          const { createImapPollers } = await import('./intake/imap-mailboxes.ts');
          const imap = createImapPollers(config.imapMailboxes, {
            ingestor,
            store,
            log,
            board,
            metrics,
            // One instance at a time polls each mailbox (several instances on one store).
            lease: { holder: config.instance.id, ttlMs: config.instance.leaseTtlMs },
          });
          await imap.start();
          started.push({ name: 'imap', stop: () => imap.stop() });
        }
        if (config.web.enabled) {
          const devSecret = !config.web.sessionSecret;
          const retry = (id: number) => notifier.retry(id);
          // One set of prepared list and count statements for the dashboard and the API.
          const queries = new BounceQueries(store.sql);
          const passwordHash = await adminPasswordHash();
          const app = createWebApp({
            config,
            store,
            queries,
            log,
            board,
            metrics,
            retry,
            adminPasswordHash: passwordHash,
            devSecret,
            api: lazyApiMiddleware({ store, queries, log, retry, rateLimit: config.api.rateLimit }),
            pages: [tokenPages, webhookPages(webhooks, { allowPrivate: config.webhooks.allowPrivate })],
          });
          web = await startWebServer(app, config.web);
          started.push({ name: 'web', stop: () => web!.stop() });
          log.info({ component: 'web', url: web.address() }, 'dashboard listening');
        }
        // Before LMTP: Postfix may ask about a recipient as soon as it can deliver again.
        await suppression.start();
        started.push({ name: 'suppression', stop: () => suppression.stop() });
        if (lmtp) {
          await lmtp.start();
          started.push({ name: 'lmtp', stop: () => lmtp.stop() });
        }
      } catch (err) {
        await this.stop();
        throw err;
      }
    },

    async stop() {
      // Reverse order: stop taking mail and requests (LMTP, web) and let what is in flight
      // finish, then the poller, the jobs and the notifier, then the pending commits, and
      // last the database.
      while (started.length > 0) {
        const part = started.pop()!;
        try {
          await part.stop();
        } catch (err) {
          log.error({ err, part: part.name }, 'stopping a part failed');
        }
      }
      await ingestor.drain();
      await store.close();
    },
  };
}
