// Classification of large messages off the event loop. A message of a few kilobytes
// classifies in well under a millisecond, less than a round trip to another thread; one of
// megabytes takes tens of milliseconds, during which every other LMTP connection would wait.
// Those go to one worker thread, started on the first such message; anything that goes
// wrong there (the worker fails to start, dies, or answers with an error) falls back to
// classifying in this thread, so a message is never lost to the pool.

import { Worker } from 'node:worker_threads';
import { classify } from '../core/classify.ts';
import type { Classification, ClassifyOptions } from '../core/types.ts';

/** From this size on a message is classified in the worker (the 9.5 MB bench message: ~25-55 ms). */
export const OFF_THREAD_FROM_BYTES = 512 * 1024;
/** A worker idle this long is stopped: its ~45 MB (a second copy of the classifier) come back. */
const IDLE_STOP_MS = 30_000;

interface Pending {
  resolve: (c: Classification) => void;
  reject: (e: unknown) => void;
}

export interface ClassifyPool {
  classify(raw: Buffer, opts?: ClassifyOptions): Promise<Classification>;
  close(): Promise<void>;
}

export function createClassifyPool(thresholdBytes = OFF_THREAD_FROM_BYTES): ClassifyPool {
  let worker: Worker | undefined;
  let nextId = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  const pending = new Map<number, Pending>();

  function stopWhenIdle(): void {
    clearTimeout(idleTimer);
    if (pending.size > 0) return;
    idleTimer = setTimeout(() => {
      const w = worker;
      worker = undefined;
      void w?.terminate();
    }, IDLE_STOP_MS);
    idleTimer.unref();
  }

  function failAll(err: unknown): void {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = undefined;
  }

  function start(): Worker {
    const w = new Worker(new URL('./worker.ts', import.meta.url));
    // The pool must not keep the process alive: stop() of the app ends it, or exit does.
    w.unref();
    w.on('message', (m: { id: number; result?: Classification; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result!);
      stopWhenIdle();
    });
    w.on('error', failAll);
    w.on('exit', () => {
      // Whatever it still had is classified in this thread (the callers fall back).
      for (const p of pending.values()) p.reject(new Error('classify worker exited'));
      pending.clear();
      if (worker === w) worker = undefined;
    });
    return w;
  }

  return {
    async classify(raw, opts = {}) {
      if (raw.length < thresholdBytes) return classify(raw, opts);
      clearTimeout(idleTimer);
      try {
        worker ??= start();
        const id = nextId++;
        const w = worker;
        const answer = new Promise<Classification>((resolve, reject) => pending.set(id, { resolve, reject }));
        // A copy goes over (the caller keeps its buffer for the commit).
        w.postMessage({ id, raw, opts });
        return await answer;
      } catch {
        // The worker could not do it: this thread does, as for a small message.
        return classify(raw, opts);
      }
    },
    async close() {
      clearTimeout(idleTimer);
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
