// Durability without blocking: SQLite runs with synchronous=NORMAL (a commit writes its WAL
// frames but does not fsync), and before ingest acknowledges a message (LMTP 250, IMAP move)
// it waits for an fdatasync of the WAL file done on libuv's thread pool. The event loop keeps
// receiving and classifying while the disk flushes, and one flush serves every commit made
// before it started. In WAL mode a transaction is durable once its frames, commit frame
// included, are on disk in the WAL (https://sqlite.org/wal.html); a checkpoint syncs the WAL
// itself before copying it back, so frames checkpointed meanwhile are durable too.

import { open, type FileHandle } from 'node:fs/promises';

export interface DurabilityBarrier {
  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** For a database with no file (':memory:') or when durability is traded for speed. */
export const NO_SYNC: DurabilityBarrier = { sync: async () => {}, close: async () => {} };

export function walSync(walPath: string): DurabilityBarrier {
  let handle: FileHandle | undefined;
  let inFlight: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  async function flush(): Promise<void> {
    try {
      handle ??= await open(walPath, 'r');
    } catch (err) {
      // No WAL file: nothing has been written through it, so nothing waits to be flushed.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    try {
      await handle.datasync();
    } catch (err) {
      const h = handle;
      handle = undefined;
      await h.close().catch(() => undefined);
      throw err;
    }
  }

  return {
    sync() {
      if (!inFlight) {
        inFlight = flush().finally(() => (inFlight = undefined));
        return inFlight;
      }
      // A flush is under way, but it may have started before the caller's commit: the caller
      // needs the next one. Every caller arriving meanwhile shares that next flush.
      next ??= inFlight
        .catch(() => undefined)
        .then(() => {
          next = undefined;
          return this.sync();
        });
      return next;
    },
    async close() {
      const h = handle;
      handle = undefined;
      await Promise.allSettled([inFlight, next]);
      await h?.close().catch(() => undefined);
    },
  };
}
