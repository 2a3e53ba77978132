// Classifies large messages on a worker thread. Scanning a forged megabyte DSN (thousands of
// recipient groups, a Cc list of thousands) costs tens to hundreds of milliseconds of CPU; on
// the main thread that would hold every LMTP connection, the dashboard and the notifier for
// as long (issue 11: no single message may hold the event loop for more than 50 ms). Small
// messages, nearly all of them, are classified in place: the hop to a thread and back costs
// more than their scan; only those the scanner cannot read whole go to the thread too, for
// mailparser (which the main thread then never loads). One worker, started at the first
// message it gets and unref'd, so it never keeps the process alive. If the worker fails,
// the message is classified in place: slower, never lost.

import { Worker } from 'node:worker_threads';
import type * as Classifier from './classify.ts';
import type { Classification, ClassifyOptions } from './types.ts';

/** Messages at least this large go to the worker (a 64 KiB scan takes a few ms). */
export const OFF_THREAD_BYTES = 64 * 1024;
/** A worker that has not answered in this long is replaced, and the message classified in place. */
const WORKER_TIMEOUT_MS = 60_000;
/**
 * A worker idle this long is stopped: its heap (tens of MB after a megabyte DSN, which its
 * garbage collector has no reason to give back) goes back to the system with it. The next
 * large message starts a new one (off the main thread; some ms).
 */
export const WORKER_IDLE_MS = 5_000;
/** The worker's heap, bounded: a message that needs more fails over to the main thread. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

const WORKER_URL = new URL('./classify-worker.ts', import.meta.url);

/**
 * The classifier and its compiled rules, loaded with the first message, not at start: a
 * service that receives nothing does not hold them (~2 MB resident, tests/bench/idle.ts).
 */
let classifier: Promise<typeof Classifier> | undefined;
// A failed load (EMFILE under load, say) is not kept: the next message tries again.
const loadClassifier = () =>
  (classifier ??= import('./classify.ts').catch((err: unknown) => {
    classifier = undefined;
    throw err;
  }));

interface Pending {
  worker: Worker;
  resolve: (c: Classification) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export interface ThreadedClassifier {
  classify(raw: Buffer, opts?: ClassifyOptions): Promise<Classification>;
  /** Messages classified on the worker so far (for tests and the bench). */
  readonly offThread: number;
  /** Workers started so far. */
  readonly started: number;
  /** True while a worker is running. */
  readonly running: boolean;
  /** The running worker's V8 heap, bytes (for the bench's memory probes); undefined when none runs. */
  heap(): Promise<{ used: number; total: number } | undefined>;
  close(): Promise<void>;
}

export function createThreadedClassifier(opts: { minBytes?: number; timeoutMs?: number; idleMs?: number } = {}): ThreadedClassifier {
  const minBytes = opts.minBytes ?? OFF_THREAD_BYTES;
  const timeoutMs = opts.timeoutMs ?? WORKER_TIMEOUT_MS;
  const idleMs = opts.idleMs ?? WORKER_IDLE_MS;
  let worker: Worker | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let started = 0;
  let nextId = 1;
  let offThread = 0;
  const pending = new Map<number, Pending>();

  /** Fails the jobs of one worker (all when `of` is undefined): a stopped worker answers none. */
  function failAll(err: Error, of?: Worker): void {
    for (const [id, p] of pending) {
      if (of && p.worker !== of) continue;
      clearTimeout(p.timer);
      pending.delete(id);
      p.reject(err);
    }
  }

  /** Stops the worker once nothing is pending for idleMs. */
  function armIdleStop(): void {
    clearTimeout(idleTimer);
    if (pending.size > 0 || !worker) return;
    const w = worker;
    idleTimer = setTimeout(() => {
      if (worker !== w || pending.size > 0) return;
      worker = undefined;
      void w.terminate();
    }, idleMs);
    idleTimer.unref();
  }

  function start(): Worker {
    const w = new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS });
    started++;
    w.unref();
    w.on('message', (m: { id: number; result?: Classification; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.result) p.resolve(m.result);
      else p.reject(new Error(m.error ?? 'no result'));
      armIdleStop();
    });
    w.on('error', (err) => {
      if (worker === w) worker = undefined;
      failAll(err, w);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      failAll(new Error(`classifier thread exited (${code})`), w);
    });
    return w;
  }

  function onWorker(raw: Buffer, o: ClassifyOptions): Promise<Classification> {
    clearTimeout(idleTimer);
    worker ??= start();
    const w = worker;
    const id = nextId++;
    return new Promise<Classification>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`classifier thread gave no answer within ${timeoutMs} ms`));
        if (worker === w) worker = undefined;
        void w.terminate();
      }, timeoutMs);
      timer.unref();
      pending.set(id, { worker: w, resolve, reject, timer });
      if (raw.buffer instanceof SharedArrayBuffer) {
        // Shared memory (a large LMTP message, src/intake/received-bytes.ts): the thread reads
        // these very bytes, and nothing writes to them any more.
        w.postMessage({ id, raw, opts: o });
        return;
      }
      // A copy of just these bytes, moved to the thread: raw may be a view into a larger buffer.
      const bytes = new Uint8Array(raw);
      w.postMessage({ id, raw: bytes, opts: o }, [bytes.buffer]);
    });
  }

  return {
    async classify(raw, o = {}) {
      const { classify, classifyFast, classifyWithFullParser } = await loadClassifier();
      if (!Buffer.isBuffer(raw) || raw.length < minBytes) {
        // A small message is scanned in place; the few the scanner cannot read whole go to
        // the worker for mailparser, so the service's own thread never loads it (~6 MB
        // resident, and a module load of ~100 ms on the event loop at the first one).
        const fast = classifyFast(raw, o);
        if (!fast.trigger) return fast.result;
        try {
          const result = await onWorker(raw, o);
          offThread++;
          return result;
        } catch {
          return classifyWithFullParser(raw, o, fast.result, fast.trigger);
        }
      }
      try {
        const result = await onWorker(raw, o);
        offThread++;
        return result;
      } catch {
        return classify(raw, o);
      }
    },
    get offThread() {
      return offThread;
    },
    get started() {
      return started;
    },
    get running() {
      return worker !== undefined;
    },
    async heap() {
      const h = await worker?.getHeapStatistics().catch(() => undefined);
      return h && { used: h.used_heap_size, total: h.total_heap_size };
    },
    async close() {
      clearTimeout(idleTimer);
      const w = worker;
      worker = undefined;
      failAll(new Error('classifier thread closed'));
      if (w) await w.terminate();
    },
  };
}

let shared: ThreadedClassifier | undefined;

/**
 * classify() with large messages on the process's one shared worker thread: ingest's
 * default classifier.
 */
export function classifyOffThread(raw: Buffer, opts?: ClassifyOptions): Promise<Classification> {
  shared ??= createThreadedClassifier();
  return shared.classify(raw, opts);
}

/** The shared worker's V8 heap (see ThreadedClassifier.heap): for the bench's memory probes. */
export function sharedClassifierHeap(): Promise<{ used: number; total: number } | undefined> {
  return shared?.heap() ?? Promise.resolve(undefined);
}
