// Sessions: koa-session with the data kept server-side, in the database (table `sessions`,
// migration 014), and only a random id in the signed cookie. So signing out really ends a
// session (a cookie-held session would stay valid until it expires), a restart signs nobody
// out, and every rebound instance on the same store serves every admin.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type Koa from 'koa';
import { DAY_MS } from '../core/utc-day.ts';
import type { SqlRunner } from '../store/sql/driver.ts';

export interface SessionData {
  csrf?: string;
  user?: string;
  /** ms since epoch: sign-in time (absolute expiry) and last request (idle expiry). */
  createdAt?: number;
  seenAt?: number;
  flash?: { kind: 'success' | 'danger' | 'info'; text: string };
}

/**
 * Sessions kept at most: every visit to the sign-in form makes one (its CSRF token), so a
 * flood of anonymous visits would grow the table without end. Past this the signed-out ones
 * go first, oldest first, so the flood cannot sign the admin out.
 */
export const MAX_SESSIONS = 10_000;
/** Expired rows are deleted at most this often (on a write), not on every request. */
const PRUNE_EVERY_MS = 60_000;

/** koa-session's external store over the `sessions` table (SQL both engines speak). */
const GET = 'SELECT data FROM sessions WHERE id = ? AND expires_at > ?';
const SET = `INSERT INTO sessions (id, data, signed_in, expires_at) VALUES (@id, @data, @signedIn, @expiresAt)
   ON CONFLICT (id) DO UPDATE SET data = excluded.data, signed_in = excluded.signed_in, expires_at = excluded.expires_at`;
const DESTROY = 'DELETE FROM sessions WHERE id = ?';
const COUNT = 'SELECT COUNT(*) AS n FROM sessions';
const EVICT = 'DELETE FROM sessions WHERE id IN (SELECT id FROM sessions ORDER BY signed_in, expires_at LIMIT ?)';
const PRUNE = 'DELETE FROM sessions WHERE expires_at <= ?';

export class DatabaseSessionStore {
  #now: () => number;
  #sql: SqlRunner;
  #prunedAt = 0;
  constructor(sql: SqlRunner, now: () => number) {
    this.#now = now;
    this.#sql = sql;
  }

  async get(key: string): Promise<SessionData | undefined> {
    const row = await this.#sql.get<{ data: string }>(GET, [key, new Date(this.#now()).toISOString()]);
    if (row === undefined) return undefined;
    try {
      return JSON.parse(row.data) as SessionData;
    } catch {
      return undefined;
    }
  }

  async set(key: string, data: SessionData, maxAge: number): Promise<void> {
    const now = this.#now();
    if (now - this.#prunedAt >= PRUNE_EVERY_MS) {
      await this.#sql.run(PRUNE, [new Date(now).toISOString()]);
      this.#prunedAt = now;
    }
    const over = ((await this.#sql.get<{ n: number }>(COUNT))?.n ?? 0) - MAX_SESSIONS + 1;
    if (over > 0) await this.#sql.run(EVICT, [over]);
    await this.#sql.run(SET, {
      id: key,
      data: JSON.stringify(data),
      signedIn: data.user ? 1 : 0,
      expiresAt: new Date(now + (Number.isFinite(maxAge) ? maxAge : DAY_MS)).toISOString(),
    });
  }

  async destroy(key: string): Promise<void> {
    await this.#sql.run(DESTROY, [key]);
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
