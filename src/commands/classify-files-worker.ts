// A worker thread of `rebound classify` (classify.ts): reads and classifies the batches of
// files it is sent, one after the other, and answers each batch with its printed text.
// Nothing else runs here.

import { parentPort, workerData } from 'node:worker_threads';
import { classifyFile, type FileOutput } from './classify-files.ts';

export interface Batch {
  batch: number;
  files: string[];
}

export interface BatchDone {
  batch: number;
  outputs: FileOutput[];
}

const explaining = (workerData as { explaining: boolean }).explaining;

parentPort?.on('message', (job: Batch) => {
  void (async () => {
    const outputs: FileOutput[] = [];
    // classifyFile never throws for a message (classify answers every input); a throw here
    // is a bug, and the thread's 'error' event hands the batch back to the main thread.
    for (const file of job.files) outputs.push(await classifyFile(file, explaining));
    parentPort!.postMessage({ batch: job.batch, outputs } satisfies BatchDone);
  })();
});
