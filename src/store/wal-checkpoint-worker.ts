// The worker-thread side of wal-checkpointer.ts: a connection of its own to the database that
// copies the WAL back into the database file when asked (a PASSIVE checkpoint: it never waits
// for, nor blocks, the service's writer or readers). Nothing else runs here.

import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file } = workerData as { file: string };
const db = new Database(file, { fileMustExist: true });

parentPort?.on('message', () => {
  try {
    // [{ busy, log, checkpointed }]: frames in the WAL, and how many are now in the database.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    parentPort!.postMessage({ ok: true, ...result });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
