// The dashboard alone over a store the caller opened: the real web app (createWebApp) with a
// status board, metrics and logger of its own, on an ephemeral loopback port. Nothing else of
// rebound is loaded, so a benchmark process that serves it measures the dashboard only.

import type { Config } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { StatusBoard } from '../../src/status.ts';
import type { Store } from '../../src/store/store.ts';
import { createWebApp } from '../../src/web/app.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';

/** Serves the dashboard on 127.0.0.1 (a free port); a notice retry queues nothing and answers `retryMessage`. */
export function serveWebApp(config: Config, store: Store, retryMessage: string): Promise<WebServer> {
  const app = createWebApp({
    config,
    store,
    log: silentLogger(),
    board: new StatusBoard(),
    metrics: new Metrics(),
    retry: async () => ({ queued: false, message: retryMessage }),
  });
  return startWebServer(app, { host: '127.0.0.1', port: 0 });
}
