// Sessions: koa-session with the data kept server-side in memory and only a random id in
// the signed cookie, so signing out really ends a session (a cookie-held session would
// stay valid until it expires). A restart signs everyone out, which is fine for one admin.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type Koa from 'koa';
import { DAY_MS } from '../core/utc-day.ts';

export interface SessionData {
  csrf?: string;
  user?: string;
  /** ms since epoch: sign-in time (absolute expiry) and last request (idle expiry). */
  createdAt?: number;
  seenAt?: number;
  flash?: { kind: 'success' | 'danger' | 'info'; text: string };
}

/** Sessions kept at most; past this the oldest signed-out one goes first, so a flood of anonymous visits cannot sign the admin out. */
const MAX_SESSIONS = 10_000;

export class MemorySessionStore {
  #m = new Map<string, { data: SessionData; expires: number }>();
  #now: () => number;
  constructor(now: () => number) {
    this.#now = now;
  }
  async get(key: string): Promise<SessionData | undefined> {
    const e = this.#m.get(key);
    if (!e) return undefined;
    if (e.expires <= this.#now()) {
      this.#m.delete(key);
      return undefined;
    }
    return e.data;
  }
  async set(key: string, data: SessionData, maxAge: number): Promise<void> {
    this.#m.delete(key);
    if (this.#m.size >= MAX_SESSIONS) this.#evictOne();
    this.#m.set(key, { data, expires: this.#now() + (Number.isFinite(maxAge) ? maxAge : DAY_MS) });
  }
  async destroy(key: string): Promise<void> {
    this.#m.delete(key);
  }
  #evictOne(): void {
    const now = this.#now();
    for (const [k, e] of this.#m) {
      if (e.expires <= now || !e.data.user) {
        this.#m.delete(k);
        return;
      }
    }
    const first = this.#m.keys().next();
    if (!first.done) this.#m.delete(first.value);
  }
}

export function session(ctx: Koa.Context): SessionData {
  return ctx.session as unknown as SessionData;
}

/** The session's CSRF token, made on first use (one per session, RFC-less but OWASP's synchronizer token pattern). */
export function csrfToken(ctx: Koa.Context): string {
  const s = session(ctx);
  if (!s.csrf) s.csrf = randomBytes(24).toString('base64url');
  return s.csrf;
}

export function csrfMatches(ctx: Koa.Context, sent: unknown): boolean {
  const expected = ctx.session ? session(ctx).csrf : undefined;
  if (!expected || typeof sent !== 'string' || sent.length === 0) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function setFlash(ctx: Koa.Context, kind: 'success' | 'danger' | 'info', text: string): void {
  session(ctx).flash = { kind, text };
}

export function takeFlash(ctx: Koa.Context): SessionData['flash'] {
  if (!ctx.session) return undefined;
  const s = session(ctx);
  const f = s.flash;
  if (f) delete s.flash;
  return f;
}
