// The worker-thread side of classify-thread.ts: classifies the messages it is sent and
// answers with the result. Nothing else runs here.

import { parentPort } from 'node:worker_threads';
import { classify } from './classify.ts';
import type { ClassifyOptions } from './types.ts';

interface Job {
  id: number;
  raw: Uint8Array;
  opts: ClassifyOptions;
}

parentPort?.on('message', (job: Job) => {
  const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
  // classify never throws; the catch is for a bug, answered so the caller never waits forever.
  classify(raw, job.opts).then(
    (result) => parentPort!.postMessage({ id: job.id, result }),
    (err: unknown) => parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
