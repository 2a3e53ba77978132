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
// answer 451 at once. The driver waits for that lock between attempts on the event loop
// (src/store/sql/sqlite.ts), not inside SQLite's busy handler, which would stop every other
// connection meanwhile.
//
// A write's body is asynchronous and gets the repositories of its savepoint: it must use only
// those (the store's own would wait for this very transaction to end).

import { ReboundError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Repositories, Store } from './store.ts';

export interface CommitQueue {
  /** Runs `write` inside the next grouped transaction; resolves once it is on disk. */
  run<T>(write: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when every write queued so far has been committed or failed. */
  drain(): Promise<void>;
}

interface Job {
  write: (tx: Repositories) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Told of each commit that reached the disk: how many writes it carried, how long it took. */
export type CommitObserver = (batch: { writes: number; seconds: number }) => void;

/**
 * Writes in one grouped transaction at most. LMTP's groups are a few messages; `rebound
 * import` keeps a thousand in flight, and one transaction carrying all of them would hold the
 * write lock for as long as they take.
 */
export const MAX_WRITES_PER_COMMIT = 256;
/**
 * A group stops taking writes once its transaction has run this long: the rest go to the
 * next one. Other processes (the service beside an import, an admin's sqlite3) wait for the
 * write lock at most the busy timeout (5 s), and a group of forged reports naming hundreds of
 * recipients each would take longer than that.
 */
export const MAX_COMMIT_MS = 500;

export function createCommitQueue(
  store: Store,
  log: Logger,
  observe?: CommitObserver,
  limits: { maxWrites?: number; maxMs?: number } = {},
): CommitQueue {
  const maxWrites = limits.maxWrites ?? MAX_WRITES_PER_COMMIT;
  const maxMs = limits.maxMs ?? MAX_COMMIT_MS;
  const queue: Job[] = [];
  let scheduled = false;
  let idle: Promise<void> = Promise.resolve();
  let markIdle: () => void = () => {};

  /**
   * The group being committed and flushed. The next group commits once the previous one is on
   * disk: writes arriving during the flush join one larger commit instead of one commit each
   * (the commit's page writes, not the flush, are what the event loop pays for), and they
   * could not be acknowledged before that flush ends anyway.
   */
  let lastFlush: Promise<void> = Promise.resolve();

  function schedule(): void {
    scheduled = true;
    const previous = idle;
    idle = new Promise<void>((r) => (markIdle = r)).then(() => previous);
    setImmediate(() => (lastFlush = lastFlush.then(flush)));
  }

  async function flush(): Promise<void> {
    scheduled = false;
    let jobs = queue.splice(0, maxWrites);
    const done = markIdle;
    // Writes past this group's bound commit in the next one, right after it.
    if (queue.length > 0) schedule();
    const started = performance.now();
    let outcomes: { job: Job; value?: unknown; error?: unknown; failed: boolean }[] = [];
    try {
      refuseIfFilesReplaced();
      await store.transaction(async (tx) => {
        outcomes = [];
        const began = performance.now();
        for (const job of jobs) {
          if (outcomes.length > 0 && performance.now() - began > maxMs) break;
          try {
            // A savepoint each: a failing job rolls back alone.
            outcomes.push({ job, value: await tx.transaction(job.write), failed: false });
          } catch (error) {
            outcomes.push({ job, error, failed: true });
          }
        }
      });
      // What the time bound left out goes first into the next group.
      if (outcomes.length < jobs.length) {
        queue.unshift(...jobs.slice(outcomes.length));
        jobs = jobs.slice(0, outcomes.length);
        if (!scheduled) schedule();
      }
      // Acknowledge only what is on disk; the flush runs off the event loop and serves every
      // commit made before it started.
      await store.durable();
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

  return {
    run<T>(write: (tx: Repositories) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (v: unknown) => void, reject });
        if (!scheduled) schedule();
      });
    },
    drain: () => idle,
  };
}
