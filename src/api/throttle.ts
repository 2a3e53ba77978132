// Per-token throttling: a token bucket per API token. A token may make API_RATE_LIMIT
// requests in a burst, and the bucket refills at API_RATE_LIMIT per minute, so a runaway
// script slows down without locking out the other tokens or the dashboard.

/** Buckets kept at most (one per token seen; tokens are few, this is only a bound). */
const MAX_BUCKETS = 10_000;

export class TokenThrottle {
  #perMinute: number;
  #now: () => number;
  #buckets = new Map<number, { level: number; at: number }>();
  constructor(perMinute: number, now: () => number = Date.now) {
    this.#perMinute = perMinute;
    this.#now = now;
  }

  /** Takes one request from the token's bucket: 0 when allowed, else ms until one is free. */
  take(tokenId: number): number {
    const now = this.#now();
    const ratePerMs = this.#perMinute / 60_000;
    let b = this.#buckets.get(tokenId);
    if (!b) {
      if (this.#buckets.size >= MAX_BUCKETS) this.#buckets.delete(this.#buckets.keys().next().value!);
      b = { level: this.#perMinute, at: now };
      this.#buckets.set(tokenId, b);
    }
    b.level = Math.min(this.#perMinute, b.level + (now - b.at) * ratePerMs);
    b.at = now;
    if (b.level >= 1) {
      b.level -= 1;
      return 0;
    }
    return Math.ceil((1 - b.level) / ratePerMs);
  }
}
