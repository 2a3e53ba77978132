// A dashboard with the API mounted, as the composition root mounts it: a real store filled
// through the real ingestor, the app on an ephemeral loopback port, and two tokens.

import { readFileSync } from 'node:fs';
import type { RouteDef } from '../../src/api/router.ts';
import { createApi } from '../../src/api/api.ts';
import { tokenPages } from '../../src/api/token-pages.ts';
import { createIngestor } from '../../src/ingest.ts';
import type { Logger } from '../../src/log.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { StatusBoard } from '../../src/status.ts';
import { BounceQueries } from '../../src/store/bounce-queries.ts';
import type { Store } from '../../src/store/store.ts';
import { createWebApp } from '../../src/web/app.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { openTestStore } from '../harness/test-store.ts';
import { corpusFiles, testConfig } from '../web/fixture.ts';

export interface ApiFixture {
  store: Store;
  base: string;
  readToken: string;
  writeToken: string;
  retries: number[];
  routes: RouteDef[];
  document: Record<string, unknown>;
  close(): Promise<void>;
}

export async function startApi(
  o: { env?: Record<string, string>; files?: string[]; log?: Logger; extraRoutes?: RouteDef[] } = {},
): Promise<ApiFixture> {
  const config = testConfig(o.env);
  // The run's engine (tests/harness/test-store.ts): SQLite in a temporary folder, or PostgreSQL.
  const store = await openTestStore({ synchronous: 'normal' });
  const log = o.log ?? silentLogger();
  const ingestor = createIngestor({ store, log: silentLogger() });
  for (const f of o.files ?? corpusFiles())
    await ingestor.ingest({ raw: readFileSync(f), source: 'import', envelopeTo: ['bounce@bounces.test'] });
  await ingestor.drain();
  const retries: number[] = [];
  const retry = async (id: number) => {
    retries.push(id);
    return { queued: true, message: `Notice for bounce ${id} queued.` };
  };
  const api = createApi({
    store,
    queries: new BounceQueries(store.sql),
    log,
    retry,
    rateLimit: config.api.rateLimit,
    extraRoutes: o.extraRoutes,
  });
  const app = createWebApp({
    config,
    store,
    log,
    board: new StatusBoard(),
    metrics: new Metrics(),
    retry,
    api: api.middleware,
    pages: [tokenPages],
  });
  const server: WebServer = await startWebServer(app, { host: '127.0.0.1', port: 0 });
  const tokens = store.tokens;
  return {
    store,
    base: server.address(),
    readToken: (await tokens.create('reader', 'read')).token,
    writeToken: (await tokens.create('writer', 'write')).token,
    retries,
    routes: api.routes,
    document: api.document,
    async close() {
      await server.stop();
      await store.dispose();
    },
  };
}

/** fetch against the API with an optional token and JSON body. */
export async function call(
  base: string,
  method: string,
  p: string,
  o: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let body: string | undefined;
  if (o.body !== undefined) {
    body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    headers['content-type'] ??= 'application/json';
  }
  return fetch(`${base}/api/v1${p}`, { method, headers, body, redirect: 'manual' });
}
