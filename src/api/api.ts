// The API assembled: its routes (bounces, counts, and whatever other modules add), the
// OpenAPI document made from them, and the middleware the dashboard's app mounts.

import type Koa from 'koa';
import type { Logger } from '../log.ts';
import type { BounceQueries } from '../store/bounce-queries.ts';
import type { Store } from '../store/store.ts';
import type { RetryFn } from '../web/deps.ts';
import { openApiDocument } from './openapi.ts';
import { apiMiddleware, route, type RouteDef } from './router.ts';
import { bounceRoutes } from './routes.ts';
import { suppressionRoutes } from './suppression-routes.ts';
import { TokenThrottle } from './throttle.ts';

export interface ApiOptions {
  store: Store;
  queries: BounceQueries;
  log: Logger;
  retry: RetryFn;
  /** Requests per minute per token (API_RATE_LIMIT). */
  rateLimit: number;
  /** More routes. */
  extraRoutes?: RouteDef[];
  now?: () => Date;
}

export const API_VERSION = '1.0.0';

export function createApi(o: ApiOptions): { middleware: Koa.Middleware; routes: RouteDef[]; document: Record<string, unknown> } {
  const now = o.now ?? (() => new Date());
  const routes: RouteDef[] = [
    ...bounceRoutes({ store: o.store, queries: o.queries, retry: o.retry, now }),
    ...suppressionRoutes({ store: o.store, now }),
    ...(o.extraRoutes ?? []),
  ];
  // The document describes the routes above and itself; made once.
  const docRoute = route({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'meta',
    summary: 'This OpenAPI 3.1 document',
    scope: 'public',
    response: { status: 200, description: 'The OpenAPI document' },
    handler: () => document,
  });
  routes.push(docRoute);
  const document = openApiDocument(routes, API_VERSION);
  const middleware = apiMiddleware({
    routes,
    tokens: o.store.tokens,
    throttle: new TokenThrottle(o.rateLimit, () => now().getTime()),
    log: o.log,
    now,
  });
  return { middleware, routes, document };
}
