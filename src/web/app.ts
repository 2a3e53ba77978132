// The dashboard as a Koa app, built and never listening (src/web/server.ts listens, the
// composition root decides where). Order of the layers: security headers and the error
// guard first, then public routes (health, metrics, assets), then the session, the CSRF
// check of every POST, sign-in, and the pages behind it.

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import Koa from 'koa';
import { Router } from '@koa/router';
import type nunjucks from 'nunjucks';
import { MIN_SESSION_SECRET_LENGTH } from '../config.ts';
import { dayOf } from '../core/utc-day.ts';
import { BounceQueries } from '../store/bounce-queries.ts';
import { assetsMiddleware, loadAssets } from './assets.ts';
import { authRoutes, passwordCheck, requireSignIn, sessionExpiry } from './auth.ts';
import { BodyError, readForm } from './body.ts';
import type { WebDeps } from './deps.ts';
import { csvStreamOf, excelStreamOf, openExportRows, openPagedExportRows, type AnyExportRows } from './export.ts';
import { parseFilters } from './filters.ts';
import { healthReport, metricsText } from './health.ts';
import { suppressionRoutes } from './routes/suppressions.ts';
import { pageRoutes, notFound } from './routes/pages.ts';
import { DatabaseSessionStore, csrfMatches } from './session.ts';
import { SignInThrottle } from './throttle.ts';
import { clientAddressMiddleware, trustedProxies } from './client-address.ts';

/** The factory's inputs: what the routes share (WebDeps) less what the factory builds itself. */
export interface WebAppOptions extends Omit<WebDeps, 'queries' | 'views' | 'now'> {
  /** scrypt hash (src/web/password.ts) of the generated password, when ADMIN_PASS is unset. */
  adminPasswordHash?: string;
  /** Development only: accept a missing or weak SESSION_SECRET, with a warning in the log. */
  devSecret?: boolean;
  /** Ask for sign-in on /metrics too (default: public, like /health; it holds no addresses). */
  metricsRequireSignIn?: boolean;
  /** For tests: the clock behind session expiry, throttling and the overview's periods. */
  clock?: () => Date;
  /** Mounted before the session: the HTTP API under /api/v1 (Bearer tokens; no cookie, no CSRF). */
  api?: Koa.Middleware;
  /** More pages behind sign-in (API tokens, webhooks), added to the pages router. */
  pages?: ((router: Router, deps: WebDeps) => void)[];
  /** The list and count queries, when the caller shares them with the API (made here otherwise). */
  queries?: BounceQueries;
}

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/web/', import.meta.url));

/**
 * The Content-Security-Policy: scripts only from this origin (no inline script at all),
 * no plugins, no framing, forms only to here. img-src adds data: for Bootstrap's inline
 * SVG icons in its CSS.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "img-src 'self' data:",
].join('; ');

export function createWebApp(opts: WebAppOptions): Koa {
  const { config, log: parentLog } = opts;
  const log = parentLog.child({ component: 'web' });
  const now = opts.clock ?? (() => new Date());

  let secret = config.web.sessionSecret;
  // Shorter secrets are refused: HMAC-SHA1/256 cookie signing wants at least 256 bits of key.
  if (secret.length < MIN_SESSION_SECRET_LENGTH) {
    if (!opts.devSecret) {
      throw new Error(
        `SESSION_SECRET is ${secret ? 'too short' : 'missing'}: set at least ${MIN_SESSION_SECRET_LENGTH} random characters (e.g. openssl rand -hex 32)`,
      );
    }
    log.warn('SESSION_SECRET is missing or weak: using a development secret; never run like this in production');
    if (!secret) secret = randomBytes(32).toString('hex');
  }
  const check = passwordCheck(config.web.adminPass, opts.adminPasswordHash);

  // nunjucks at the first page rendered, not at start (a service nobody browses does not hold
  // it); synchronously, as pages render: it is a CommonJS package.
  let views: nunjucks.Environment | undefined;
  const loadViews = () => {
    const { Environment, FileSystemLoader } = createRequire(import.meta.url)('nunjucks') as typeof nunjucks;
    return new Environment(new FileSystemLoader(TEMPLATES_DIR), { autoescape: true, throwOnUndefined: false });
  };
  const deps: WebDeps = {
    config,
    store: opts.store,
    log,
    board: opts.board,
    metrics: opts.metrics,
    retry: opts.retry,
    queries: opts.queries ?? new BounceQueries(opts.store.sql),
    get views() {
      return (views ??= loadViews());
    },
    now,
  };

  const app = new Koa();
  app.keys = [secret];
  // Errors Koa meets itself (a download's stream failing after its headers went out): into
  // the JSON log, not a plain-text stack on stderr.
  app.on('error', (err: unknown, ctx?: Koa.Context) => {
    log.error(
      { err, method: ctx?.method, path: ctx?.path },
      ctx?.headerSent ? 'response failed after it began; connection cut' : 'request failed',
    );
  });
  // The client's address and protocol: proxy headers only from a proxy TRUST_PROXY names.
  app.use(clientAddressMiddleware(trustedProxies(config.web.trustProxy), config.web.cookieSecure));

  app.use(async (ctx, next) => {
    // Every answer holds addresses or the state of the service: none is kept by a browser
    // or a shared cache (the static assets set their own caching).
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Security-Policy', CSP);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    try {
      await next();
    } catch (err) {
      if (err instanceof BodyError) {
        ctx.status = err.status;
        ctx.body = err.message;
        return;
      }
      log.error({ err, method: ctx.method, path: ctx.path }, 'request failed');
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 500;
      ctx.type = 'text';
      ctx.body = 'Internal error. The details are in the log.';
    }
  });

  const publicRouter = new Router();
  publicRouter.get('/health/live', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  });
  // A monitor polls /health every few seconds: the log says when the failing parts change,
  // not once per request.
  let lastFailing = '';
  const health = async (ctx: Koa.Context) => {
    const r = await healthReport(config, opts.store, opts.board, now());
    const failing = r.failing.join(',');
    if (failing !== lastFailing) {
      if (failing) log.warn({ failing: r.failing, parts: r.parts }, 'health check failing');
      else log.info('health check ok again');
      lastFailing = failing;
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.status = r.failing.length ? 503 : 200;
    ctx.body = r;
  };
  publicRouter.get('/health', health);
  publicRouter.get('/health/ready', health);
  const metrics = async (ctx: Koa.Context) => {
    const r = await healthReport(config, opts.store, opts.board, now());
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await metricsText(opts.metrics, opts.store, deps.queries, opts.board, r);
    ctx.type = opts.metrics.contentType;
  };
  if (!opts.metricsRequireSignIn) publicRouter.get('/metrics', metrics);
  app.use(publicRouter.routes());
  app.use(assetsMiddleware(loadAssets()));
  if (opts.api) app.use(opts.api);

  const sessionStore = new DatabaseSessionStore(opts.store.sql, () => now().getTime());
  // koa-session (and crc, which it loads) at the first request that needs a session: /health,
  // /metrics, the assets and the API never do, so a service nobody signs in to does not hold
  // it (~2.5 MB resident, tests/bench/idle.ts).
  let session: Promise<Koa.Middleware> | undefined;
  app.use(async (ctx, next) => {
    session ??= import('koa-session').then(
      ({ default: createSession }) =>
        createSession(
          {
            key: 'rebound.sid',
            maxAge: config.web.sessionMaxHours * 3_600_000,
            httpOnly: true,
            signed: true,
            sameSite: 'strict',
            ...(config.web.cookieSecure === 'auto' ? {} : { secure: config.web.cookieSecure === 'always' }),
            store: sessionStore,
          } as never,
          app,
        ),
      (err: unknown) => {
        session = undefined;
        throw err;
      },
    );
    return (await session)(ctx, next);
  });
  app.use(sessionExpiry(deps));

  // Every POST: read the form (bounded), then the CSRF token must match the session's.
  app.use(async (ctx, next) => {
    if (ctx.method !== 'POST') return next();
    const form = await readForm(ctx);
    ctx.state.form = form;
    const sent = typeof form._csrf === 'string' ? form._csrf : ctx.get('x-csrf-token');
    if (!csrfMatches(ctx, sent)) {
      log.warn({ ip: ctx.ip, path: ctx.path }, 'POST refused: missing or wrong CSRF token');
      ctx.status = 403;
      ctx.type = 'text';
      ctx.body = 'Forbidden: the form has expired. Reload the page and try again.';
      return;
    }
    await next();
  });

  const throttle = new SignInThrottle(() => now().getTime());
  const authRouter = new Router();
  authRoutes(authRouter, deps, check, throttle);
  app.use(authRouter.routes());

  app.use(requireSignIn());
  const pages = new Router();
  pageRoutes(pages, deps);
  for (const add of opts.pages ?? []) add(pages, deps);
  suppressionRoutes(pages, deps);
  // The exports: exactly the rows the list's filters select, as a dated attachment.
  // The source is opened and its first row read before any header goes out (export.ts): a
  // failure then is an error page. A failure once the download runs cuts the connection
  // without HTTP's last chunk, so the browser shows the download as failed, not complete.
  const download =
    (ext: string, type: string, write: (rows: AnyExportRows) => Readable): Koa.Middleware =>
    async (ctx) => {
      const filters = parseFilters(ctx.query);
      let body: Readable;
      const db = opts.store.db;
      try {
        // SQLite: a read-only reader of the export's own (export.ts). PostgreSQL: keyset pages
        // through the store's pool, so no connection stays busy for the whole download.
        body = write(db ? openExportRows(db, filters) : await openPagedExportRows(opts.store.sql, filters));
      } catch (err) {
        log.error({ err, path: ctx.path }, 'export failed before it began: the database could not be read');
        ctx.status = 503;
        ctx.type = 'text';
        ctx.body = 'The export could not be read from the database. The details are in the log.';
        return;
      }
      body.once('error', () => ctx.res.destroy());
      ctx.type = type;
      ctx.attachment(`bounces-${dayOf(now())}.${ext}`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = body;
    };
  pages.get('/export/csv', download('csv', 'text/csv; charset=utf-8', csvStreamOf));
  pages.get(
    '/export/excel',
    download('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', (rows) => excelStreamOf(rows)),
  );
  if (opts.metricsRequireSignIn) pages.get('/metrics', metrics);
  app.use(pages.routes());
  app.use((ctx) => notFound(ctx, deps));
  return app;
}
