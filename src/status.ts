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

/**
 * The parts that report. Writers and readers share these names (and LAST_POLL_AT below), so a
 * renamed part or fact is a type error rather than a /health that silently stops seeing it.
 */
export type PartName = 'lmtp' | 'imap' | `imap:${string}` | 'relay' | 'socketmap' | 'policy';

/** The IMAP part's fact holding its last finished poll (ISO 8601; null before the first): /health reads it. */
export const LAST_POLL_AT = 'lastPollAt';

export class StatusBoard {
  #parts = new Map<PartName, PartStatus>();
  #clock: () => Date;
  constructor(clock: () => Date = () => new Date()) {
    this.#clock = clock;
  }

  report(part: PartName, s: { ok: boolean; detail: string; facts?: PartStatus['facts'] }): void {
    this.#parts.set(part, { ...s, updatedAt: this.#clock().toISOString() });
  }

  remove(part: PartName): void {
    this.#parts.delete(part);
  }

  get(part: PartName): PartStatus | undefined {
    return this.#parts.get(part);
  }

  all(): Partial<Record<PartName, PartStatus>> {
    return Object.fromEntries(this.#parts);
  }
}
