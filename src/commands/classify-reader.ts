// Reads the files of `rebound classify` on a thread of its own, in the order given, in
// batches, ahead of the classifier. Opening and reading thousands of small files was about a
// tenth of the command's time on its one thread (tests/bench/RESULTS.md); here it runs beside
// the classification, and the thread starts while the classifier's modules load. The thread
// runs only node:fs (no TypeScript, no classifier), so it costs little to start. At most a few
// batches are read ahead, so memory does not grow with the number of files.

import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** One file's bytes, or why it could not be read (as readError words it). */
export type ReadFile = { file: string; raw: Buffer } | { file: string; err: string };

/** Files per batch: one message between the threads per batch. */
const BATCH_FILES = 32;
/** Batches read ahead of the classifier at most. */
const BATCHES_AHEAD = 8;

/** Why a file could not be read: the error code ("ENOENT"), else its message. */
export function readError(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}

/**
 * The reading thread, as a plain JavaScript module (a data: URL: neither a file to find nor
 * TypeScript to strip). It reads batch after batch while it has credit: a counter the two
 * threads share, which the classifying thread raises by one for each batch it takes
 * (Atomics: a message per credit cost the classifying thread more than the read itself).
 * Each file's bytes travel in an ArrayBuffer of their own, moved (not copied) to the other
 * thread; a small file read into Node's shared buffer pool is copied out first.
 */
const READER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
const { files, batchFiles, credit } = workerData;
const readError = (err) => (err && err.code) ?? (err instanceof Error ? err.message : String(err));
for (let next = 0; next < files.length; ) {
  // Wait for credit; a bounded wait, so a stop is noticed even if a wake-up is missed.
  while (Atomics.load(credit, 0) <= 0) Atomics.wait(credit, 0, Atomics.load(credit, 0), 1000);
  Atomics.sub(credit, 0, 1);
  const end = Math.min(next + batchFiles, files.length);
  const items = [];
  const moved = [];
  for (let i = next; i < end; i++) {
    try {
      let bytes = readFileSync(files[i]);
      if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) bytes = new Uint8Array(bytes);
      items.push(bytes);
      moved.push(bytes.buffer);
    } catch (err) {
      items.push(readError(err));
    }
  }
  parentPort.postMessage({ start: next, items }, moved);
  next = end;
}
`;
const READER_URL = new URL(`data:text/javascript,${encodeURIComponent(READER_SOURCE)}`);

interface Batch {
  start: number;
  items: (Uint8Array | string)[];
}

/** Reads one file on the calling thread. */
export function readOne(file: string): ReadFile {
  try {
    return { file, raw: readFileSync(file) };
  } catch (err) {
    return { file, err: readError(err) };
  }
}

/**
 * The files read in order. The reading thread is started at once; the files are handed out
 * as its batches come in. If the thread cannot start or fails, the files it did not deliver
 * are read on the calling thread, so every file is still read once and in order.
 */
export function readAhead(files: readonly string[]): AsyncIterable<ReadFile> {
  const batches = new Map<number, Batch>();
  let wake: (() => void) | undefined;
  let failed = false;
  let worker: Worker | undefined;
  /** Batches the reading thread may read before it waits (shared with it). */
  const credit = new Int32Array(new SharedArrayBuffer(4));
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  try {
    Atomics.store(credit, 0, BATCHES_AHEAD);
    worker = new Worker(READER_URL, {
      workerData: { files, batchFiles: BATCH_FILES, credit },
      // The reading thread needs little of V8's heap; the files' bytes are outside it.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    worker.unref();
    worker.on('message', (b: Batch) => {
      batches.set(b.start, b);
      notify();
    });
    const lost = () => {
      failed = true;
      notify();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
  } catch {
    failed = true;
  }
  return {
    async *[Symbol.asyncIterator]() {
      try {
        let at = 0;
        while (at < files.length) {
          const batch = batches.get(at);
          if (batch) {
            batches.delete(at);
            Atomics.add(credit, 0, 1);
            Atomics.notify(credit, 0);
            for (const item of batch.items) {
              const file = files[at++]!;
              yield typeof item === 'string'
                ? { file, err: item }
                : { file, raw: Buffer.from(item.buffer, item.byteOffset, item.byteLength) };
            }
            continue;
          }
          if (failed) {
            yield readOne(files[at++]!);
            continue;
          }
          await new Promise<void>((r) => (wake = r));
        }
      } finally {
        void worker?.terminate();
      }
    },
  };
}
