// The HTTP API under /api/v1 as one Koa middleware, mounted on the dashboard's app before
// its session: requests here are authorised by a Bearer token only (RFC 6750), never by
// the dashboard's cookie, so they need no CSRF token and a signed-in browser cannot be
// tricked into an API write. Each route is a definition (src/api/routes.ts) whose zod
// schemas validate the request here and make the OpenAPI document (src/api/openapi.ts).
// Every answer is JSON (except a raw message); errors are {"error": {"code", "message"}},
// and an unexpected failure is logged and answered with a generic 500: no stack, no SQL.

import type Koa from 'koa';
import type { z } from 'zod';
import type { Logger } from '../log.ts';
import type { TokenRow, TokenScope, TokensRepository } from './tokens.ts';
import type { TokenThrottle } from './throttle.ts';

export const API_PREFIX = '/api/v1';
/** JSON bodies are a few addresses at most. */
const MAX_BODY_BYTES = 64 * 1024;

export class ApiError extends Error {
  status: number;
  code: string;
  fields?: { field: string; message: string }[];
  headers?: Record<string, string>;
  constructor(
    status: number,
    code: string,
    message: string,
    extra: { fields?: { field: string; message: string }[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = extra.fields;
    this.headers = extra.headers;
  }
}

export type Method = 'get' | 'post' | 'put' | 'delete';

export interface ApiRequest<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  token: TokenRow | undefined;
  ctx: Koa.Context;
}

export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  /** OpenAPI path template below /api/v1, e.g. /bounces/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** public: no token; read: any live token; write: a read-write token. */
  scope: 'public' | TokenScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  /** Other answers this route gives besides the common ones (401, 403, 429, 500). */
  errors?: number[];
  /** Returns the JSON body; or sets ctx.body itself and returns undefined. */
  handler(req: ApiRequest<P, Q, B>): unknown;
}

/** A route definition with the handler's inputs typed from its schemas. */
export function route<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  def: Omit<RouteDef, 'params' | 'query' | 'body' | 'handler'> & {
    params?: P;
    query?: Q;
    body?: B;
    handler(
      req: ApiRequest<
        P extends z.ZodType ? z.output<P> : undefined,
        Q extends z.ZodType ? z.output<Q> : undefined,
        B extends z.ZodType ? z.output<B> : undefined
      >,
    ): unknown;
  },
): RouteDef {
  return def as unknown as RouteDef;
}

interface Compiled {
  def: RouteDef;
  re: RegExp;
  names: string[];
}

function compile(def: RouteDef): Compiled {
  const names: string[] = [];
  const re = new RegExp(
    `^${def.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`,
  );
  return { def, re, names };
}

function issuesToFields(where: string, error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: [where, ...i.path.map(String)].join('.'), message: i.message }));
}

function validate<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value);
  if (!r.success) {
    const fields = issuesToFields(where, r.error);
    throw new ApiError(400, 'invalid_request', `invalid ${fields.map((f) => f.field).join(', ')}: ${fields[0]!.message}`, { fields });
  }
  return r.data;
}

async function readJson(ctx: Koa.Context): Promise<unknown> {
  if (ctx.request.type !== 'application/json') throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
  if (Number(ctx.get('content-length') || 0) > MAX_BODY_BYTES)
    throw new ApiError(413, 'payload_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'payload_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError(400, 'invalid_request', 'the body is not valid JSON', { fields: [{ field: 'body', message: 'not valid JSON' }] });
  }
}

export interface ApiMiddlewareOptions {
  routes: RouteDef[];
  tokens: TokensRepository;
  throttle: TokenThrottle;
  log: Logger;
  now: () => Date;
}

const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

async function authenticate(ctx: Koa.Context, o: ApiMiddlewareOptions, need: TokenScope): Promise<TokenRow> {
  const challenge = { 'WWW-Authenticate': 'Bearer realm="rebound"' };
  const m = BEARER.exec(ctx.get('authorization'));
  if (!m) throw new ApiError(401, 'unauthorized', 'send an API token: Authorization: Bearer <token>', { headers: challenge });
  const token = await o.tokens.authenticate(m[1]!, o.now());
  if (!token) {
    o.log.warn({ ip: ctx.ip, path: ctx.path }, 'API request with an unknown or revoked token');
    throw new ApiError(401, 'unauthorized', 'the token is unknown or revoked', {
      headers: { 'WWW-Authenticate': 'Bearer realm="rebound", error="invalid_token"' },
    });
  }
  const wait = o.throttle.take(token.id);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new ApiError(429, 'rate_limited', `too many requests with this token; try again in ${seconds} s`, {
      headers: { 'Retry-After': String(seconds) },
    });
  }
  if (need === 'write' && token.scope !== 'write') {
    throw new ApiError(403, 'forbidden', 'this token is read-only; writes need a read-write token', {
      headers: { 'WWW-Authenticate': 'Bearer realm="rebound", error="insufficient_scope"' },
    });
  }
  return token;
}

export function apiMiddleware(o: ApiMiddlewareOptions): Koa.Middleware {
  const compiled = o.routes.map(compile);
  const log = o.log.child({ component: 'api' });
  return async (ctx, next) => {
    if (ctx.path !== API_PREFIX && !ctx.path.startsWith(`${API_PREFIX}/`)) return next();
    ctx.set('Cache-Control', 'no-store');
    const sub = ctx.path.slice(API_PREFIX.length) || '/';
    try {
      const method = (ctx.method === 'HEAD' ? 'get' : ctx.method.toLowerCase()) as Method;
      const matches = compiled.map((c) => ({ c, m: c.re.exec(sub) })).filter((x) => x.m);
      if (matches.length === 0) throw new ApiError(404, 'not_found', 'no such API route');
      const hit = matches.find((x) => x.c.def.method === method);
      if (!hit) {
        const allow = [...new Set(matches.map((x) => x.c.def.method.toUpperCase()))].join(', ');
        throw new ApiError(405, 'method_not_allowed', `use ${allow} here`, { headers: { Allow: allow } });
      }
      const def = hit.c.def;
      const token = def.scope === 'public' ? undefined : await authenticate(ctx, o, def.scope);
      const rawParams: Record<string, string> = {};
      hit.c.names.forEach((n, i) => {
        try {
          rawParams[n] = decodeURIComponent(hit.m![i + 1]!);
        } catch {
          rawParams[n] = hit.m![i + 1]!;
        }
      });
      const params = validate(def.params, rawParams, 'path');
      const query = validate(def.query, ctx.query, 'query');
      const body = def.body ? validate(def.body, await readJson(ctx), 'body') : undefined;
      const out = await def.handler({ params, query, body, token, ctx });
      if (out !== undefined) {
        ctx.status = def.response.status;
        ctx.body = out;
      }
    } catch (err) {
      if (err instanceof ApiError) {
        for (const [k, v] of Object.entries(err.headers ?? {})) ctx.set(k, v);
        ctx.status = err.status;
        ctx.body = { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
        return;
      }
      log.error({ err, method: ctx.method, path: ctx.path }, 'API request failed');
      ctx.status = 500;
      ctx.body = { error: { code: 'internal', message: 'internal error; the details are in the log' } };
    }
  };
}
