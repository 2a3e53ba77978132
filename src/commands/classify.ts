// `rebound classify [--explain] [--jobs N] [FILE ...]`: classifies message files (stdin when
// none, or "-") and prints one JSON object per line per file; with --explain, the result in
// plain words with the decision trail (classify-explain.ts). Exit 0 when every file was read;
// 1 when one could not be (named on stderr; the others are still printed).
//
// With --jobs N it shares the files with N-1 worker threads (classify-files-worker.ts), in
// batches; the output stays in the order of the arguments, and at most a few batches per
// thread wait to be printed, so memory does not grow with the number of files. One thread is
// the default: each thread loads and warms up the classifier itself, and over a few thousand
// files on this project's 2-core machine that cost more than the second core gave back
// (`--jobs 2` was slower in wall time in 8 rounds of 10, tests/bench/RESULTS.md). On a
// machine with idle cores and many files, --jobs is there to try.

import { resolve } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { classify } from '../core/classify.ts';
import { classifyFile, formatResult, type FileOutput } from './classify-files.ts';
import type { Batch, BatchDone } from './classify-files-worker.ts';

export { toOutputLine } from './classify-files.ts';

/** Files per batch handed to a thread: big enough that messages are few, small enough to share evenly. */
const BATCH_FILES = 32;
/** Batches handed out but not printed yet, per thread: bounds memory when one thread lags. */
const BATCHES_AHEAD_PER_THREAD = 4;

const WORKER_URL = new URL('./classify-files-worker.ts', import.meta.url);

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes outputs in order, stdout in batches (one write per file costs more than classifying it). */
class Printer {
  failed = 0;
  private pending: string[] = [];
  print(o: FileOutput): void {
    if ('out' in o) {
      this.pending.push(o.out);
      if (this.pending.length >= 256) this.flush();
      return;
    }
    this.flush();
    process.stderr.write(o.err);
    this.failed++;
  }
  flush(): void {
    if (this.pending.length) process.stdout.write(this.pending.join(''));
    this.pending = [];
  }
}

function parseJobs(args: string[]): { jobs: number | undefined; rest: string[] } {
  const rest: string[] = [];
  let jobs: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--jobs(?:=(.*))?$/.exec(a);
    if (!m) {
      rest.push(a);
      continue;
    }
    const v = m[1] ?? args[++i];
    if (!v || !/^[1-9][0-9]{0,2}$/.test(v)) throw new Error(`--jobs takes a whole number from 1 to 999, not "${v ?? ''}"`);
    jobs = Number(v);
  }
  return { jobs, rest };
}

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseJobs>;
  try {
    parsed = parseJobs(args);
  } catch (err) {
    process.stderr.write(`rebound classify: ${(err as Error).message}\n`);
    return 2;
  }
  const explaining = parsed.rest.includes('--explain');
  const named = parsed.rest.filter((a) => a !== '--explain');
  const files = named.length ? named : ['-'];
  const printer = new Printer();
  const threads = Math.min(parsed.jobs ?? 1, files.length);
  if (threads > 1 && !files.includes('-')) {
    await classifyOnThreads(files, explaining, threads, printer);
  } else {
    for (const file of files) printer.print(await classifyOne(file, explaining));
  }
  printer.flush();
  return printer.failed ? 1 : 0;
}

async function classifyOne(file: string, explaining: boolean): Promise<FileOutput> {
  if (file !== '-') return classifyFile(file, explaining);
  let raw: Buffer;
  try {
    raw = await readStdin();
  } catch (err) {
    return { err: `rebound classify: cannot read -: ${(err as Error).message}\n` };
  }
  return { out: await formatResult('-', await classify(raw), explaining) };
}

/**
 * The main thread and threads-1 workers take batches of files in turn; batches are printed
 * in order as they complete. Each worker has two batches queued, so it never waits for the
 * main thread (which reads the workers' answers only between its own batches). A worker that
 * fails hands its batches back: every file is still classified and printed once.
 */
async function classifyOnThreads(files: string[], explaining: boolean, threads: number, printer: Printer): Promise<void> {
  const batchCount = Math.ceil(files.length / BATCH_FILES);
  const maxAhead = threads * BATCHES_AHEAD_PER_THREAD;
  const done = new Map<number, FileOutput[]>();
  const redo: number[] = [];
  let nextBatch = 0;
  let nextPrint = 0;
  let wake: (() => void) | undefined;
  const filesOf = (b: number) => files.slice(b * BATCH_FILES, (b + 1) * BATCH_FILES);
  const take = (): number | undefined => {
    if (redo.length) return redo.shift();
    if (nextBatch >= batchCount || nextBatch - nextPrint >= maxAhead) return undefined;
    return nextBatch++;
  };
  const feeders: (() => void)[] = [];
  const complete = (b: number, outputs: FileOutput[]) => {
    done.set(b, outputs);
    for (let o = done.get(nextPrint); o; o = done.get(nextPrint)) {
      done.delete(nextPrint++);
      for (const out of o) printer.print(out);
    }
    // Printing freed slots: workers that found none get theirs; a waiting main thread looks again.
    for (const feed of feeders) feed();
    const w = wake;
    wake = undefined;
    w?.();
  };

  const workers: Worker[] = [];
  for (let i = 1; i < threads; i++) {
    const w = new Worker(WORKER_URL, { workerData: { explaining } });
    const queued: number[] = [];
    let gone = false;
    const feed = () => {
      while (!gone && queued.length < 2) {
        const b = take();
        if (b === undefined) return;
        queued.push(b);
        w.postMessage({ batch: b, files: filesOf(b) } satisfies Batch);
      }
    };
    const lost = () => {
      if (gone) return;
      gone = true;
      redo.push(...queued.splice(0));
      const v = wake;
      wake = undefined;
      v?.();
    };
    w.on('message', (m: BatchDone) => {
      queued.splice(queued.indexOf(m.batch), 1);
      complete(m.batch, m.outputs);
    });
    w.on('error', lost);
    w.on('exit', lost);
    workers.push(w);
    feeders.push(feed);
    feed();
  }

  try {
    while (nextPrint < batchCount) {
      const b = take();
      if (b === undefined) {
        // Nothing to take now: wait for a worker's batch (or its failure), then look again.
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      const outputs: FileOutput[] = [];
      for (const file of filesOf(b)) outputs.push(await classifyFile(file, explaining));
      complete(b, outputs);
      // The workers' answers are read in the event loop's turn: take it between batches.
      await yieldToLoop();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

// Runnable on its own: node src/commands/classify.ts FILE...
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
