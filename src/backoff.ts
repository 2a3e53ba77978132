// How long to wait before trying again (the IMAP poller's reconnects, the notifier's resends):
// bounded exponential backoff, so a server that is down for an hour costs a few dozen
// attempts, not thousands.

export interface BackoffLimits {
  /** Wait after the first failure, ms. */
  initialMs: number;
  /** No wait is ever longer than this, ms. */
  maxMs: number;
}

/** The wait after `failures` consecutive failures (1 = the first): initial * 2^(n-1), capped. */
export function backoffDelay(failures: number, limits: BackoffLimits): number {
  const n = Math.max(1, Math.floor(failures));
  // 2 ** 30 already exceeds any sane cap; stop doubling there so the number stays finite.
  const factor = 2 ** Math.min(n - 1, 30);
  return Math.min(limits.maxMs, limits.initialMs * factor);
}
