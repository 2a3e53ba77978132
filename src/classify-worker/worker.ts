// The worker thread of pool.ts: classifies the messages it is sent with the same classify()
// as the main thread, and answers with the result (structured clone) or the error's text.

import { parentPort } from 'node:worker_threads';
import { classify } from '../core/classify.ts';
import type { ClassifyOptions } from '../core/types.ts';

parentPort!.on('message', (m: { id: number; raw: Uint8Array; opts: ClassifyOptions }) => {
  classify(Buffer.from(m.raw.buffer, m.raw.byteOffset, m.raw.byteLength), m.opts).then(
    (result) => parentPort!.postMessage({ id: m.id, result }),
    (err: unknown) => parentPort!.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
