// Sign-in throttling: after FREE_FAILURES failed sign-ins from one address, each further
// attempt must wait twice as long as the previous one (1 s, 2 s, 4 s ... up to MAX_LOCK_MS).
// A global budget on top slows a guesser who spreads attempts over many addresses.

import { DAY_MS } from '../core/utc-day.ts';

const FREE_FAILURES = 3;
const BASE_LOCK_MS = 1000;
/** 15 minutes: long enough to make guessing hopeless, short enough that the admin gets back in. */
const MAX_LOCK_MS = 15 * 60_000;
/** Entries forgotten after a day without failures; the map holds at most MAX_KEYS. */
const FORGET_MS = DAY_MS;
const MAX_KEYS = 50_000;
const GLOBAL_KEY = '*';
/** Failures from all addresses together before everyone is throttled. */
const GLOBAL_FREE_FAILURES = 100;

interface Entry {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

export class SignInThrottle {
  #m = new Map<string, Entry>();
  #now: () => number;
  constructor(now: () => number) {
    this.#now = now;
  }

  /** ms until this address may try again; 0 when it may try now. */
  waitFor(ip: string): number {
    const now = this.#now();
    const wait = (k: string) => Math.max(0, (this.#m.get(k)?.lockedUntil ?? 0) - now);
    return Math.max(wait(ip), wait(GLOBAL_KEY));
  }

  failed(ip: string): { failures: number; lockMs: number } {
    const e = this.#bump(ip, FREE_FAILURES);
    this.#bump(GLOBAL_KEY, GLOBAL_FREE_FAILURES);
    return { failures: e.failures, lockMs: Math.max(0, e.lockedUntil - this.#now()) };
  }

  succeeded(ip: string): void {
    this.#m.delete(ip);
  }

  #bump(key: string, free: number): Entry {
    const now = this.#now();
    let e = this.#m.get(key);
    if (!e || now - e.lastFailure > FORGET_MS) e = { failures: 0, lockedUntil: 0, lastFailure: now };
    e.failures += 1;
    e.lastFailure = now;
    if (e.failures > free) e.lockedUntil = now + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** Math.min(30, e.failures - free - 1));
    this.#m.delete(key);
    if (this.#m.size >= MAX_KEYS) {
      const first = this.#m.keys().next();
      if (!first.done) this.#m.delete(first.value);
    }
    this.#m.set(key, e);
    return e;
  }
}
