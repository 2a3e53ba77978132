// The grouped-commit queue: a store concern apart from what is written. Writes that arrive
// together (several LMTP connections) share one transaction, each in its own savepoint, so
// one fsync serves many of them while each caller hears only after its own data is durable.
// A write that throws rolls back alone; a commit or flush that fails rejects every write of
// its batch, as if nothing were stored (a row that did reach the disk is recognised when it
// is offered again).
//
// Each batch is an IMMEDIATE transaction: it takes the write lock at BEGIN. A deferred one
// reads first (the duplicate checks) and then upgrades to a write, and SQLite cannot wait for
// an upgrade (the busy handler is not called for a transaction that already reads), so a
// lock held by another process (an admin's sqlite3, `rebound import`) made every delivery
// answer 451 at once. The wait for the lock happens here, between attempts on the event loop,
// not inside SQLite's busy handler, which would stop every other connection meanwhile.

import { ReboundError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Store } from './store.ts';

/** Pause between two attempts to take a write lock another process holds. */
const LOCK_RETRY_MS = 20;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function isBusy(err: unknown): boolean {
  return String((err as { code?: unknown })?.code ?? '').startsWith('SQLITE_BUSY');
}

export interface CommitQueue {
  /** Runs `write` inside the next grouped transaction; resolves once it is on disk. */
  run<T>(write: () => T): Promise<T>;
  /** Resolves when every write queued so far has been committed or failed. */
  drain(): Promise<void>;
}

interface Job {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Told of each commit that reached the disk: how many writes it carried, how long it took. */
export type CommitObserver = (batch: { writes: number; seconds: number }) => void;

export function createCommitQueue(store: Store, log: Logger, observe?: CommitObserver): CommitQueue {
  let queue: Job[] = [];
  let scheduled = false;
  let idle: Promise<void> = Promise.resolve();
  let markIdle: () => void = () => {};

  /** The last commit's wait for the disk, while it lasts. */
  let syncing: Promise<void> | undefined;

  async function flush(): Promise<void> {
    // The next group commits once the previous one is on disk: writes arriving during the
    // flush join one larger commit instead of one commit each (the commit's page writes, not
    // the flush, are what the event loop pays for), and they could not be acknowledged before
    // that flush ends anyway.
    if (syncing) await syncing.catch(() => undefined);
    scheduled = false;
    const jobs = queue;
    queue = [];
    const done = markIdle;
    const started = performance.now();
    let outcomes: { job: Job; value?: unknown; error?: unknown; failed: boolean }[] = [];
    const batch = store.db.transaction(() => {
      outcomes = [];
      for (const job of jobs) {
        try {
          // A nested transaction is a savepoint: a failing job rolls back alone.
          outcomes.push({ job, value: store.db.transaction(job.write)(), failed: false });
        } catch (error) {
          outcomes.push({ job, error, failed: true });
        }
      }
    });
    try {
      refuseIfFilesReplaced();
      await withLockWait(() => batch.immediate());
      // Acknowledge only what is on disk; the flush runs off the event loop and serves every
      // commit made before it started.
      const durable = store.durable();
      syncing = durable;
      try {
        await durable;
      } finally {
        if (syncing === durable) syncing = undefined;
      }
      // The files may have gone while this batch was written: then it is in a file that
      // disappears with the process, and must not be acknowledged (the -wal's rescue may
      // still copy it into the database: offered again, it is recognised as a duplicate).
      refuseIfFilesReplaced();
      store.health.noteCommit(true);
      observe?.({ writes: jobs.length, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      if (!(error instanceof ReboundError)) store.health.noteCommit(false, error);
      log.error({ err: error, writes: jobs.length }, 'commit failed; the messages will be offered again');
      for (const job of jobs) job.reject(error);
      done();
      return;
    }
    for (const o of outcomes) {
      if (o.failed) {
        log.error({ err: o.error }, 'a write failed and was rolled back alone; it will be offered again');
        o.job.reject(o.error);
      } else {
        o.job.resolve(o.value);
      }
    }
    done();
  }

  function refuseIfFilesReplaced(): void {
    const fault = store.health.filesFault();
    if (fault) throw new ReboundError('store-files-replaced', `database ${fault}`, { temporary: true });
  }

  // Set with db.exec(), a few microseconds each. Not db.pragma(), which costs ~0.2 ms a call
  // (more than a small commit), and not a statement prepared once: SQLite applies these
  // pragmas when it compiles them, so running a prepared one again did nothing, and the
  // first attempt waited the whole busy timeout inside SQLite with the event loop held.
  const lockWaitMs = store.health.lockWaitMs;
  const beforeAttempt = 'PRAGMA busy_timeout = 0';
  const afterAttempt = `PRAGMA busy_timeout = ${lockWaitMs}`;

  /**
   * Runs the batch; while another process holds the write lock, tries again every
   * LOCK_RETRY_MS up to the busy timeout. BEGIN IMMEDIATE fails before any job ran, and a
   * failed attempt is rolled back whole, so an attempt may be repeated.
   */
  async function withLockWait(attempt: () => void): Promise<void> {
    const deadline = Date.now() + lockWaitMs;
    for (;;) {
      try {
        store.db.exec(beforeAttempt);
        attempt();
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
      } finally {
        if (store.db.open) store.db.exec(afterAttempt);
      }
      await sleep(LOCK_RETRY_MS);
    }
  }

  return {
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (v: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          const previous = idle;
          idle = new Promise<void>((r) => (markIdle = r)).then(() => previous);
          setImmediate(() => void flush());
        }
      });
    },
    drain: () => idle,
  };
}
