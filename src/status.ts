// What each running part says about itself (LMTP listening, last IMAP poll, relay's last
// answer), for the health endpoint, the dashboard and the metrics. Parts write, readers read.

export interface PartStatus {
  /** False when the part is enabled but not working. */
  ok: boolean;
  /** A short plain-words state: 'listening on 127.0.0.1:2424', 'login failed: ...'. */
  detail: string;
  /** When the part last reported, ISO 8601. */
  updatedAt: string;
  /** Anything else worth showing: counts, last poll time, ... */
  facts?: Record<string, string | number | boolean | null>;
}

export class StatusBoard {
  #parts = new Map<string, PartStatus>();
  #clock: () => Date;
  constructor(clock: () => Date = () => new Date()) {
    this.#clock = clock;
  }

  report(part: string, s: { ok: boolean; detail: string; facts?: PartStatus['facts'] }): void {
    this.#parts.set(part, { ...s, updatedAt: this.#clock().toISOString() });
  }

  remove(part: string): void {
    this.#parts.delete(part);
  }

  get(part: string): PartStatus | undefined {
    return this.#parts.get(part);
  }

  all(): Record<string, PartStatus> {
    return Object.fromEntries(this.#parts);
  }
}
