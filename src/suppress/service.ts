// The suppression list's running parts, as app.ts starts them: the socketmap and policy
// servers Postfix asks, and the sweep that deletes expired entries (lookups already ignore
// them; the sweep writes their 'expired' events and tells the change listeners).

import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { StatusBoard } from '../status.ts';
import type { Store } from '../store/store.ts';
import { createBoundedServer, type BoundedServer } from './bounded-server.ts';
import { policyAnswer, policyFramer } from './policy-server.ts';
import { netstringFramer, socketmapAnswer } from './socketmap.ts';

/** A lookup key is an address (254 bytes) plus a map name: a few hundred bytes at most. */
const MAX_SOCKETMAP_REQUEST = 2048;
/** About 40 attributes, a TLS certificate subject among them. */
const MAX_POLICY_REQUEST = 16 * 1024;
/** How often the expiry sweep runs; lookups are exact in between. */
const SWEEP_INTERVAL_MS = 60_000;

export interface SuppressionService {
  start(): Promise<void>;
  stop(): Promise<void>;
  addresses(): { socketmap: string[]; policy: string[] };
  /** Runs the expiry sweep now; returns how many entries it removed. */
  sweep(): Promise<number>;
}

export function createSuppressionService(opts: {
  config: Config['suppress'];
  store: Store;
  log: Logger;
  metrics?: Metrics;
  board?: StatusBoard;
  clock?: () => Date;
}): SuppressionService {
  const { config, store, metrics } = opts;
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log.child({ component: 'suppress' });
  const deps = { store, metrics, clock, log };
  const servers: ['socketmap' | 'policy', BoundedServer][] = [];
  if (config.socketmapListen.length > 0) {
    servers.push([
      'socketmap',
      createBoundedServer({
        name: 'socketmap',
        listen: config.socketmapListen,
        maxConnections: config.maxConnections,
        idleTimeout: config.idleTimeout,
        maxRequestBytes: MAX_SOCKETMAP_REQUEST,
        newFramer: () => netstringFramer(MAX_SOCKETMAP_REQUEST),
        answer: (r) => socketmapAnswer(deps, r),
        log: opts.log,
      }),
    ]);
  }
  if (config.policyListen.length > 0) {
    servers.push([
      'policy',
      createBoundedServer({
        name: 'policy',
        listen: config.policyListen,
        maxConnections: config.maxConnections,
        idleTimeout: config.idleTimeout,
        maxRequestBytes: MAX_POLICY_REQUEST,
        newFramer: policyFramer,
        answer: (r) => policyAnswer({ ...deps, exemptSenders: config.policyExemptSenders }, r),
        log: opts.log,
      }),
    ]);
  }
  let timer: NodeJS.Timeout | undefined;
  const started: BoundedServer[] = [];

  async function sweep(): Promise<number> {
    try {
      const n = await store.suppressions.purgeExpired(clock());
      if (n > 0) log.info({ expired: n }, 'expired suppression entries removed');
      return n;
    } catch (err) {
      log.error({ err }, 'expiry sweep failed; it runs again later');
      return 0;
    }
  }

  return {
    async start() {
      await sweep();
      timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
      timer.unref();
      for (const [name, server] of servers) {
        await server.start();
        started.push(server);
        opts.board?.report(name, { ok: true, detail: `listening on ${server.addresses().join(', ')}` });
      }
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      while (started.length > 0) await started.pop()!.stop();
    },
    addresses: () => ({
      socketmap: servers.find(([n]) => n === 'socketmap')?.[1].addresses() ?? [],
      policy: servers.find(([n]) => n === 'policy')?.[1].addresses() ?? [],
    }),
    sweep,
  };
}
