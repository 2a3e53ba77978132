// Sign-in throttling, after OWASP's Authentication Cheat Sheet ("Login Throttling", and
// "Slow Down Online Guessing Attacks with Device Cookies"). Three layers:
//
// - per client: after FREE_FAILURES failed sign-ins from one address (an IPv6 client by its
//   /64, which one host can fill), each further attempt must wait twice as long as the
//   previous one (1 s, 2 s, 4 s ... up to MAX_LOCK_MS);
// - per device: a browser that signed in before carries a signed device cookie; its attempts
//   are throttled by that cookie alone (the same doubling), never by the two other layers, so
//   neither an attacker behind the admin's address nor a flood from everywhere locks the
//   admin's own browser out;
// - a global backstop for the attempts without a device cookie: a bucket of GLOBAL_BURST
//   failures that refills one every GLOBAL_REFILL_MS. It bounds a guesser spread over many
//   addresses to ~1,200 guesses an hour, and it holds no lock that outlasts the flood: once
//   the failures stop, the wait is gone within one refill.
//
// A refusal is logged once per lock (per client or device) and once per GLOBAL_LOG_MS for
// the backstop, not once per request: a flood must not become a flood of log lines.

import { DAY_MS } from '../core/utc-day.ts';

const FREE_FAILURES = 3;
const BASE_LOCK_MS = 1000;
/** 15 minutes: long enough to make guessing hopeless, short enough that the admin gets back in. */
const MAX_LOCK_MS = 15 * 60_000;
/** Entries forgotten after a day without failures; the map holds at most MAX_KEYS. */
const FORGET_MS = DAY_MS;
const MAX_KEYS = 50_000;
/** Failures without a device cookie, from all addresses together, before the backstop slows them. */
const GLOBAL_BURST = 100;
/** One more such failure allowed per this long once the burst is spent. */
const GLOBAL_REFILL_MS = 3000;
/** The backstop's refusals are logged at most once per this long, with their count. */
const GLOBAL_LOG_MS = 60_000;

export interface SignInAttempt {
  /** The client's address (src/web/client-address.ts). */
  ip: string;
  /** The id in a valid device cookie, when the browser has one. */
  device?: string;
}

export interface Refusal {
  waitMs: number;
  /** Which layer refuses: the address's lock, the device's lock or the global backstop. */
  scope: 'client' | 'device' | 'global';
  /** True for the first refusal of this lock (or of this log window): the one to log. */
  log: boolean;
  /** Refusals of the backstop since its last log line (scope global only). */
  refusedSinceLog?: number;
}

interface Entry {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
  /** lockedUntil of the lock whose refusal was last logged. */
  loggedLock: number;
}

/** The throttling key of an address: IPv4 as it is, IPv6 by its /64 (one host's share). */
export function clientKey(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export class SignInThrottle {
  #m = new Map<string, Entry>();
  #now: () => number;
  #globalTokens = GLOBAL_BURST;
  #globalAt: number;
  #globalLoggedAt = -Infinity;
  #globalRefused = 0;

  constructor(now: () => number) {
    this.#now = now;
    this.#globalAt = now();
  }

  /** Whether this attempt must wait, and which layer says so; undefined when it may try now. */
  refusal(a: SignInAttempt): Refusal | undefined {
    const now = this.#now();
    if (a.device !== undefined) return this.#locked(`device:${a.device}`, 'device', now);
    const client = this.#locked(`ip:${clientKey(a.ip)}`, 'client', now);
    if (client) return client;
    this.#refill(now);
    if (this.#globalTokens >= 1) return undefined;
    this.#globalRefused += 1;
    const waitMs = Math.ceil((1 - this.#globalTokens) * GLOBAL_REFILL_MS);
    if (now - this.#globalLoggedAt < GLOBAL_LOG_MS) return { waitMs, scope: 'global', log: false };
    this.#globalLoggedAt = now;
    const refusedSinceLog = this.#globalRefused;
    this.#globalRefused = 0;
    return { waitMs, scope: 'global', log: true, refusedSinceLog };
  }

  failed(a: SignInAttempt): { failures: number; lockMs: number } {
    const now = this.#now();
    if (a.device === undefined) {
      this.#refill(now);
      this.#globalTokens = Math.max(0, this.#globalTokens - 1);
    }
    const e = this.#bump(a.device !== undefined ? `device:${a.device}` : `ip:${clientKey(a.ip)}`, now);
    return { failures: e.failures, lockMs: Math.max(0, e.lockedUntil - now) };
  }

  succeeded(a: SignInAttempt): void {
    this.#m.delete(a.device !== undefined ? `device:${a.device}` : `ip:${clientKey(a.ip)}`);
  }

  #locked(key: string, scope: 'client' | 'device', now: number): Refusal | undefined {
    const e = this.#m.get(key);
    if (!e || e.lockedUntil <= now) return undefined;
    const log = e.loggedLock !== e.lockedUntil;
    e.loggedLock = e.lockedUntil;
    return { waitMs: e.lockedUntil - now, scope, log };
  }

  #refill(now: number): void {
    this.#globalTokens = Math.min(GLOBAL_BURST, this.#globalTokens + (now - this.#globalAt) / GLOBAL_REFILL_MS);
    this.#globalAt = now;
  }

  #bump(key: string, now: number): Entry {
    let e = this.#m.get(key);
    if (!e || now - e.lastFailure > FORGET_MS) e = { failures: 0, lockedUntil: 0, lastFailure: now, loggedLock: 0 };
    e.failures += 1;
    e.lastFailure = now;
    if (e.failures > FREE_FAILURES)
      e.lockedUntil = now + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** Math.min(30, e.failures - FREE_FAILURES - 1));
    this.#m.delete(key);
    if (this.#m.size >= MAX_KEYS) {
      const first = this.#m.keys().next();
      if (!first.done) this.#m.delete(first.value);
    }
    this.#m.set(key, e);
    return e;
  }
}
