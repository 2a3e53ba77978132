// The API's middleware as the service mounts it: the routes, their zod schemas and the
// OpenAPI document are loaded at the first request under /api/v1, not at start. zod alone
// holds ~8 MB resident; a service whose API is never called does not pay for it
// (tests/bench/idle.ts).

import type Koa from 'koa';
import type { ApiOptions } from './api.ts';
import { API_PREFIX } from './router.ts';

export function lazyApiMiddleware(o: ApiOptions): Koa.Middleware {
  let loaded: Promise<Koa.Middleware> | undefined;
  return async (ctx, next) => {
    if (ctx.path !== API_PREFIX && !ctx.path.startsWith(`${API_PREFIX}/`)) return next();
    // One load for concurrent first requests; a failed load (a broken install) is tried
    // again by the next request rather than remembered.
    loaded ??= import('./api.ts').then(
      ({ createApi }) => createApi(o).middleware,
      (err: unknown) => {
        loaded = undefined;
        throw err;
      },
    );
    return (await loaded)(ctx, next);
  };
}
