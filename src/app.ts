// The composition root: wires configuration, store, ingest, intake (LMTP, IMAP), notifier,
// jobs and the dashboard, and stops them in reverse order. Nothing here listens by itself
// until start(); main.ts owns the process (signals, exit codes).

import type { Config } from './config.ts';
import { preloadFullParser } from './core/full-parse.ts';
import { createIngestor, type Ingestor, type IngestResult } from './ingest.ts';
import { createLmtpServer } from './intake/lmtp.ts';
import { createScheduler } from './jobs/scheduler.ts';
import type { Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { createNoticePlanner } from './notify/notices.ts';
import { createNotifier } from './notify/notifier.ts';
import { StatusBoard } from './status.ts';
import { openStore, type Store } from './store/store.ts';
import { createWebApp } from './web/app.ts';
import { generatePassword, hashPassword } from './web/password.ts';
import { startWebServer } from './web/server.ts';

export interface App {
  config: Config;
  store: Store;
  ingestor: Ingestor;
  status: StatusBoard;
  metrics: Metrics;
  /** Where the parts listen, once started: { lmtp: [...], web: 'http://...' }. */
  addresses(): { lmtp: string[]; web: string };
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Settings key of the generated dashboard password's hash (when ADMIN_PASS is unset). */
const GENERATED_PASS_KEY = 'web.generated_admin_pass';

interface Stoppable {
  name: string;
  stop(): Promise<void> | void;
}

// Each part makes its own child logger ({component: 'lmtp'}, ...) from the one passed in.
export function buildApp(config: Config, log: Logger): App {
  const store = openStore(config.dbPath, { synchronous: config.dbSynchronous });
  const status = new StatusBoard();
  const metrics = new Metrics();

  const notifier = createNotifier({ config, store, log, status, metrics });
  const ingestor = createIngestor({
    store,
    log: log.child({ component: 'ingest' }),
    trackingHeader: config.trackingHeader,
    planNotices: createNoticePlanner(config),
    metrics,
    onCommitted: (r: IngestResult) => {
      if (r.bounceIds.length === 0) return;
      metrics.bouncesRecorded.inc({ kind: r.kind }, r.bounceIds.length);
      // Its notices are in the outbox now: send them without waiting for the retry job.
      notifier.kick();
    },
  });

  const lmtp = config.lmtp.enabled
    ? createLmtpServer({ config: config.lmtp, ingestor, log, status, metrics })
    : undefined;
  const scheduler = createScheduler({ config, notifier, store, log });

  let web: { address(): string; stop(): Promise<void> } | undefined;
  const started: Stoppable[] = [];

  function adminPasswordHash(): string | undefined {
    if (config.web.adminPass) return undefined;
    let hash = store.settings.get(GENERATED_PASS_KEY);
    if (!hash) {
      const pass = generatePassword();
      hash = hashPassword(pass);
      store.settings.set(GENERATED_PASS_KEY, hash);
      // Printed once, at the first start; only its hash is kept.
      log.warn({ component: 'web', generatedPassword: pass }, 'ADMIN_PASS is not set: generated a dashboard password (shown only now; set ADMIN_PASS to choose one)');
    }
    return hash;
  }

  return {
    config,
    store,
    ingestor,
    status,
    metrics,
    addresses: () => ({ lmtp: lmtp?.addresses() ?? [], web: web?.address() ?? '' }),

    async start() {
      // Start order: the parts that work in the background first, the listeners last, so
      // nothing is accepted before everything behind it runs. stop() undoes it backwards.
      try {
        // Loaded now, not when the first odd message needs it while LMTP clients wait.
        await preloadFullParser();
        notifier.kick();
        started.push({ name: 'notifier', stop: () => notifier.stop() });
        scheduler.start();
        started.push({ name: 'jobs', stop: () => scheduler.stop() });
        if (config.imap.enabled) {
          // imapflow (~30 MB resident) is loaded only when IMAP is configured.
          const { createImapPoller } = await import('./intake/imap.ts');
          const imap = createImapPoller({ config: config.imap, ingestor, store, log, status, metrics });
          await imap.start();
          started.push({ name: 'imap', stop: () => imap.stop() });
        }
        if (config.web.enabled) {
          const devSecret = !config.web.sessionSecret;
          const app = createWebApp({
            config,
            store,
            log,
            status,
            metrics,
            retry: (id: number) => notifier.retry(id),
            adminPasswordHash: adminPasswordHash(),
            devSecret,
          });
          web = await startWebServer(app, config.web);
          started.push({ name: 'web', stop: () => web!.stop() });
          log.info({ component: 'web', url: web.address() }, 'dashboard listening');
        }
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
      store.close();
    },
  };
}
