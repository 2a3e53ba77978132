// Whether a bounce can be committed now, on PostgreSQL. A COMMIT the server answered is
// durable, and there are no files of ours to be deleted under us: what tells the truth is the
// outcome of the last commit, and a small write through the driver when none was made
// recently (a server that answers SELECT 1 may still refuse writes: a full disk, a read-only
// standby after a failover, a role without rights).

import type { SqlDriver } from '../sql/driver.ts';
import type { StoreHealth, WriteState } from '../write-health.ts';

/** A successful commit this recent answers for the store; older, a probe write is made. */
const TRUST_COMMIT_MS = 10_000;
/** /health is public: a flood of requests makes at most one probe write per this long. */
const PROBE_MIN_INTERVAL_MS = 5_000;
const PROBE_KEY = 'health.write_probe';
const PROBE = 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

function codeOf(err: unknown): string {
  return String((err as { code?: unknown })?.code ?? 'unknown');
}

export class PostgresWriteHealth implements StoreHealth {
  #sql: SqlDriver;
  #now: () => number;
  #last: (WriteState & { at: number }) | undefined;
  #probing: Promise<WriteState> | undefined;

  constructor(sql: SqlDriver, now: () => number = Date.now) {
    this.#sql = sql;
    this.#now = now;
  }

  /** No files of rebound's own to watch: the server keeps the data. */
  filesFault(): undefined {
    return undefined;
  }

  noteCommit(ok: boolean, err?: unknown): void {
    this.#last = ok
      ? { ok: true, detail: 'last commit succeeded', at: this.#now() }
      : { ok: false, detail: `last commit failed (${codeOf(err)})`, at: this.#now() };
  }

  async check(): Promise<WriteState> {
    const now = this.#now();
    const last = this.#last;
    if (last && (last.ok ? now - last.at < TRUST_COMMIT_MS : now - last.at < PROBE_MIN_INTERVAL_MS)) return stateOf(last);
    // One probe at a time: concurrent /health requests share it.
    this.#probing ??= this.#probe(now).finally(() => (this.#probing = undefined));
    return await this.#probing;
  }

  async #probe(now: number): Promise<WriteState> {
    try {
      await this.#sql.transaction(async (tx) => {
        await tx.run(PROBE, [PROBE_KEY, new Date(now).toISOString()]);
      });
      this.#last = { ok: true, detail: 'a test write succeeded', at: now };
    } catch (err) {
      this.#last = { ok: false, detail: `a test write failed (${codeOf(err)})`, at: now };
    }
    return stateOf(this.#last);
  }
}

function stateOf(s: WriteState): WriteState {
  return { ok: s.ok, detail: s.detail };
}
