// The worker-thread side of wal-checkpointer.ts: a connection of its own to the database that
// copies the WAL back into the database file when asked (a PASSIVE checkpoint: it never waits
// for, nor blocks, the service's writer or readers). Nothing else runs here.
//
// It checks before every checkpoint that the -wal file at the path is still the one the
// service opened (device and inode): a connection that found it gone would create a new, empty
// one, and the service would then see the -wal "replaced" instead of "removed" and could not
// copy the commits held in the old one (write-health.ts). The connection opens only then, too.

import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { file, wal } = workerData as { file: string; wal: { dev: number; ino: number } };
let db: Database.Database | undefined;

function walIsTheOpenedOne(): boolean {
  const s = statSync(`${file}-wal`, { throwIfNoEntry: false });
  return s !== undefined && s.dev === wal.dev && s.ino === wal.ino;
}

parentPort?.on('message', () => {
  try {
    if (!walIsTheOpenedOne()) {
      parentPort!.postMessage({ ok: false, gone: true });
      return;
    }
    db ??= new Database(file, { fileMustExist: true });
    // [{ busy, log, checkpointed }]: frames in the WAL, and how many are now in the database.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    // Removed between the check and the checkpoint (microseconds): say so, and stop.
    if (!walIsTheOpenedOne()) {
      parentPort!.postMessage({ ok: false, gone: true });
      return;
    }
    parentPort!.postMessage({ ok: true, ...result });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
