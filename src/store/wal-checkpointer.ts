// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the COMMIT that
// takes the WAL past 1,000 pages: it copies those pages into the database file and fsyncs it,
// on the thread that committed. For rebound that was the event loop: a COMMIT that usually
// takes a few ms took tens of ms every few MB written (a 9.5 MB message's commit copied its
// 2,400 pages back at once; issues 11 and 17). So the service's writer connection does not
// checkpoint (wal_autocheckpoint = 0) and a worker thread with its own connection does, a few
// times a second while the WAL is being written (PASSIVE: it waits for no lock and holds
// none that the writer needs). Durability is unchanged: a transaction is durable once its WAL
// frames are flushed (wal-sync.ts), and a checkpoint syncs what it copies before SQLite
// reuses the WAL.
//
// The worker starts when the WAL is first written and stops after CHECKPOINT_IDLE_MS without
// writes (an idle service holds no thread). If it fails, the writer checkpoints for itself
// again (SQLite's default): slower, never unsafe.

import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../log.ts';

/** How often the WAL is looked at (an async stat) while the service runs. */
export const CHECKPOINT_INTERVAL_MS = 250;
/**
 * No checkpoint while the WAL file is smaller than this: SQLite's own threshold (1,000 pages of
 * 4 KiB). A WAL file keeps its size when SQLite starts it over, so once it is this large every
 * change is checkpointed (a few times a second at most, on the worker).
 */
export const CHECKPOINT_MIN_WAL_BYTES = 4 * 1024 * 1024;
/** A worker with nothing to do for this long is stopped. */
export const CHECKPOINT_IDLE_MS = 5_000;
/** SQLite's own default, restored on the writer when the worker cannot run. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

const WORKER_URL = new URL('./wal-checkpoint-worker.ts', import.meta.url);

export interface CheckpointResult {
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

export interface WalCheckpointer {
  /** Checkpoints now (if the WAL changed since the last one); resolves with what it did. */
  checkpoint(): Promise<CheckpointResult | undefined>;
  /** Checkpoints done on the worker so far (for tests and the bench). */
  readonly done: number;
  /** True while the worker thread runs. */
  readonly running: boolean;
  close(): Promise<void>;
}

/** Where the checkpointer says that its thread failed (warn) and a round was not done (debug). */
export type CheckpointLog = Pick<Logger, 'warn'> & Partial<Pick<Logger, 'debug'>>;

export function startWalCheckpointer(
  db: Database,
  file: string,
  opts: {
    log?: CheckpointLog;
    intervalMs?: number;
    idleMs?: number;
    minWalBytes?: number;
    skip?: () => boolean;
    /** The worker's module; tests give one that fails, to see the writer take over. */
    workerUrl?: URL;
  } = {},
): WalCheckpointer {
  const walPath = `${file}-wal`;
  // The -wal as opened: the worker checkpoints only while it is still that file.
  const opened = statSync(walPath, { throwIfNoEntry: false });
  const idleMs = opts.idleMs ?? CHECKPOINT_IDLE_MS;
  const minWalBytes = opts.minWalBytes ?? CHECKPOINT_MIN_WAL_BYTES;
  let worker: Worker | undefined;
  let inFlight: Promise<CheckpointResult | undefined> | undefined;
  let lastSeen = '';
  let lastWrite = Date.now();
  let done = 0;
  let failed = false;
  let closed = false;
  if (!opened) {
    // No -wal to watch (not in WAL mode): SQLite's own checkpoints, as without this.
    return { checkpoint: async () => undefined, done: 0, running: false, close: async () => undefined };
  }
  db.exec('PRAGMA wal_autocheckpoint = 0');
  // A WAL file keeps its size when SQLite starts it over; truncated to this at each restart, its
  // size says again how much was written since the last checkpoint (below minWalBytes: nothing
  // to do), instead of asking for a checkpoint at every write once it once grew large.
  db.exec(`PRAGMA journal_size_limit = ${Math.floor(minWalBytes / 4)}`);

  function fallBack(err: unknown): void {
    if (failed || closed) return;
    failed = true;
    clearInterval(timer);
    opts.log?.warn({ err }, 'WAL checkpoint thread failed; the writer checkpoints for itself again');
    if (db.open) db.exec(`PRAGMA wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  }

  function start(): Worker {
    const w = new Worker(opts.workerUrl ?? WORKER_URL, {
      workerData: { file, wal: { dev: opened!.dev, ino: opened!.ino } },
      resourceLimits: { maxOldGenerationSizeMb: 16 },
    });
    w.unref();
    w.on('error', (err) => {
      if (worker === w) worker = undefined;
      fallBack(err);
    });
    w.on('exit', () => {
      if (worker === w) worker = undefined;
    });
    return w;
  }

  function ask(w: Worker): Promise<CheckpointResult | undefined> {
    return new Promise((resolve) => {
      const onMessage = (m: { ok: boolean; gone?: boolean; log?: number; checkpointed?: number; error?: string }) => {
        w.off('exit', onExit);
        if (m.gone) {
          // The -wal at the path is not the opened one: no more checkpoints here; the store's
          // write health reports it and copies what the old one holds (write-health.ts).
          stopForGood();
          resolve(undefined);
        } else if (m.ok) {
          done++;
          resolve({ log: m.log!, checkpointed: m.checkpointed! });
        } else {
          // SQLITE_BUSY and the like: the next round tries again.
          opts.log?.debug?.({ error: m.error }, 'WAL checkpoint not done');
          resolve(undefined);
        }
      };
      const onExit = () => {
        w.off('message', onMessage);
        resolve(undefined);
      };
      w.once('message', onMessage);
      w.once('exit', onExit);
      w.postMessage('checkpoint');
    });
  }

  function stopForGood(): void {
    closed = true;
    clearInterval(timer);
    const w = worker;
    worker = undefined;
    void w?.terminate();
  }

  async function round(): Promise<CheckpointResult | undefined> {
    const s = await stat(walPath).catch(() => undefined);
    const seen = s ? `${s.size}:${s.mtimeMs}` : '';
    if (closed || failed) return undefined;
    if (!s || s.size < minWalBytes || seen === lastSeen) {
      if (worker && Date.now() - lastWrite > idleMs) {
        const w = worker;
        worker = undefined;
        await w.terminate();
      }
      return undefined;
    }
    // Asked only before a checkpoint: the store's files check stats both files, and the store
    // runs it on its own timer anyway; the rounds in between need nothing from it.
    if (opts.skip?.()) {
      stopForGood();
      return undefined;
    }
    lastWrite = Date.now();
    worker ??= start();
    const result = await ask(worker);
    // The checkpoint itself touches the WAL's header only when it restarts it: what it saw
    // before it is what must change for the next one to have work.
    if (result) lastSeen = seen;
    return result;
  }

  function checkpoint(): Promise<CheckpointResult | undefined> {
    inFlight ??= round()
      .catch((err: unknown) => {
        fallBack(err);
        return undefined;
      })
      .finally(() => (inFlight = undefined));
    return inFlight;
  }

  const timer = setInterval(() => void checkpoint(), opts.intervalMs ?? CHECKPOINT_INTERVAL_MS);
  timer.unref();

  return {
    checkpoint,
    get done() {
      return done;
    },
    get running() {
      return worker !== undefined;
    },
    async close() {
      closed = true;
      clearInterval(timer);
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
