// Sign-in, sign-out and the guard in front of every page that is not public. One admin
// account; the password is ADMIN_PASS, or the generated one whose scrypt hash the
// composition root passes in.

import { randomBytes } from 'node:crypto';
import type Koa from 'koa';
import type { Router } from '@koa/router';
import { DAY_MS } from '../core/utc-day.ts';
import { formString, type Form } from './body.ts';
import { equalsPlain, verifyPassword } from './password.ts';
import { csrfToken, session } from './session.ts';
import type { SignInAttempt, SignInThrottle } from './throttle.ts';
import type { WebDeps } from './deps.ts';

export interface PasswordCheck {
  (typed: string): boolean;
}

/** The password check, decided once: a plain ADMIN_PASS, else the generated password's hash. */
export function passwordCheck(adminPass: string, adminPasswordHash: string | undefined): PasswordCheck {
  if (adminPass) return (typed) => equalsPlain(typed, adminPass);
  if (adminPasswordHash) {
    if (!adminPasswordHash.startsWith('scrypt$')) throw new Error('adminPasswordHash is not a scrypt$<salt>$<hash> value');
    return (typed) => verifyPassword(typed, adminPasswordHash);
  }
  throw new Error('the web app needs ADMIN_PASS or a generated password hash (adminPasswordHash)');
}

function isSignedIn(ctx: Koa.Context): boolean {
  return Boolean(ctx.session && session(ctx).user);
}

/** Where to go after signing in: only a local path, never another site (open redirect). */
function safeNext(v: string): string {
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(v) && !v.startsWith('/login') ? v : '/';
}

const FAILURE_TEXT = 'Sign-in failed. Check the password and try again.';

/**
 * The device cookie (OWASP: "Slow Down Online Guessing Attacks with Device Cookies"): given
 * at sign-in, signed with the session keys, sent only to /login. A browser that has one is
 * throttled by it alone, so a flood from other addresses does not lock the admin's browser out.
 */
const DEVICE_COOKIE = 'rebound.device';
const DEVICE_COOKIE_MAX_AGE_MS = 90 * DAY_MS;

function signInAttempt(ctx: Koa.Context): SignInAttempt {
  const device = ctx.cookies.get(DEVICE_COOKIE, { signed: true });
  return device && /^[A-Za-z0-9_-]{16,64}$/.test(device) ? { ip: ctx.ip, device } : { ip: ctx.ip };
}

export function authRoutes(router: Router, deps: WebDeps, check: PasswordCheck, throttle: SignInThrottle): void {
  const log = deps.log;
  const render = (ctx: Koa.Context, status: number, error: string, next: string) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = deps.views.render('login.njk', { csrf: csrfToken(ctx), error, next, title: 'Sign in' });
  };

  router.get('/login', (ctx) => {
    if (isSignedIn(ctx)) return ctx.redirect(safeNext(String(ctx.query.next ?? '/')));
    render(ctx, 200, '', safeNext(String(ctx.query.next ?? '/')));
  });

  router.post('/login', async (ctx) => {
    const form = ctx.state.form as Form;
    const next = safeNext(formString(form, 'next'));
    const ip = ctx.ip;
    const attempt = signInAttempt(ctx);
    const refused = throttle.refusal(attempt);
    if (refused) {
      const waitSeconds = Math.ceil(refused.waitMs / 1000);
      // Once per lock (or per minute for the global backstop), not once per request.
      if (refused.log) {
        log.warn(
          { ip, scope: refused.scope, waitSeconds, refusedSinceLastLine: refused.refusedSinceLog },
          'sign-in refused: too many failures, throttled',
        );
      }
      ctx.set('Retry-After', String(waitSeconds));
      return render(ctx, 429, `Too many failed sign-ins. Wait ${waitSeconds} seconds and try again.`, next);
    }
    const typed = formString(form, 'password');
    // Bounded so a megabyte "password" cannot make scrypt or sha256 the attack.
    if (typed.length > 0 && typed.length <= 1024 && check(typed)) {
      throttle.succeeded(attempt);
      ctx.cookies.set(DEVICE_COOKIE, randomBytes(18).toString('base64url'), {
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        path: '/login',
        maxAge: DEVICE_COOKIE_MAX_AGE_MS,
      });
      const s = session(ctx);
      s.user = 'admin';
      s.createdAt = deps.now().getTime();
      s.seenAt = s.createdAt;
      // A new session id and a new CSRF token at sign-in (session fixation).
      delete s.csrf;
      csrfToken(ctx);
      await ctx.session!.regenerate();
      log.info({ ip }, 'signed in');
      return ctx.redirect(next);
    }
    const r = throttle.failed(attempt);
    // Never the typed password: not even its length.
    log.warn({ ip, device: attempt.device !== undefined, failures: r.failures, lockSeconds: Math.ceil(r.lockMs / 1000) }, 'sign-in failed');
    render(ctx, 401, FAILURE_TEXT, next);
  });

  router.post('/logout', (ctx) => {
    ctx.session = null;
    ctx.redirect('/login');
  });
}

/** How often a signed-in session's last-seen time is moved on. */
const SEEN_AT_STEP_MS = 60_000;

/** Sessions end after the idle time and after the absolute time, whatever the cookie says. */
export function sessionExpiry(deps: WebDeps): Koa.Middleware {
  const idleMs = deps.config.web.sessionIdleMinutes * 60_000;
  const maxMs = deps.config.web.sessionMaxHours * 3_600_000;
  return async (ctx, next) => {
    if (isSignedIn(ctx)) {
      const s = session(ctx);
      const now = deps.now().getTime();
      if (now - (s.seenAt ?? 0) > idleMs || now - (s.createdAt ?? 0) > maxMs) {
        deps.log.info({ ip: ctx.ip }, 'session expired');
        ctx.session = null;
      } else if (now - (s.seenAt ?? 0) >= SEEN_AT_STEP_MS) {
        // Moved on at most once a minute: a changed session is a database write (sessions
        // live in the store), and a write per page view is work for nothing. The idle limit
        // is in minutes, so it stays exact to the minute.
        s.seenAt = now;
      }
    }
    await next();
  };
}

/** Pages need a session; a page view goes to the sign-in form, an API call gets 401. */
export function requireSignIn(): Koa.Middleware {
  return async (ctx, next) => {
    if (isSignedIn(ctx)) return next();
    if (ctx.path.startsWith('/api/') || ctx.method !== 'GET') {
      ctx.status = 401;
      ctx.body = { error: 'sign in first' };
      return;
    }
    ctx.redirect(`/login?next=${encodeURIComponent(ctx.originalUrl)}`);
  };
}
