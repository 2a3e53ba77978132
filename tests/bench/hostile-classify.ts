// The classifier over the inputs built to stall a scan (tests/core/hostile-messages.ts, the very
// inputs tests/core/hostile-input.test.ts asserts the answers for), each timed beside an ordinary
// notice of the same byte count measured in the same run: a Postfix failure notice (one unknown
// user) whose text part is padded with ordinary sentences. A linear scan costs about what the
// ordinary notice costs; a scan that is not linear stands out as the ratio. Texts handed to
// replyCodeInText and notesFailureReasons alone are timed beside ordinary text of the same
// length through the same function.
//
// Each input runs in a worker thread: a warm-up call of each, then the ordinary and the hostile
// input alternately, up to REPS calls each or SOFT_MS, median. An input whose calls hold the
// worker past HARD_MS in all is stopped (a synchronous scan cannot be interrupted from
// JavaScript, only by ending its thread; a fresh worker takes the next input), and the part
// starts no input after TOTAL_MS, so a scan that has turned quadratic still leaves a table. Inputs over RATIO times their baseline are listed at the end and miss their goal.
// `npm run bench -- hostile-classify`.
//
// usage: node tests/bench/hostile-classify.ts [--json]

import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { classify } from '../../src/core/classify.ts';
import { notesFailureReasons } from '../../src/core/lhost/notes.ts';
import { replyCodeInText } from '../../src/core/prose.ts';
import * as hostile from '../core/hostile-messages.ts';
import { postfixNotice, postfixRemote } from '../core/postfix-notice.ts';
import { figure, loadNote, median, report, round, say, type Figure } from './lib.ts';

const RATIO = 20;
const REPS = 5;
const SOFT_MS = 1_500;
const HARD_MS = 15_000;
const TOTAL_MS = 150_000;

type Via = 'classify' | 'replyCodeInText' | 'notesFailureReasons';

interface Input {
  name: string;
  via: Via;
  build: () => Buffer | string;
}

const INPUTS: Input[] = [
  { name: 'binary garbage', via: 'classify', build: hostile.binaryGarbage },
  { name: 'multipart nested 200 levels', via: 'classify', build: () => hostile.malformedMime().nested },
  { name: 'multipart, empty boundary', via: 'classify', build: () => hostile.malformedMime().emptyBoundary },
  { name: 'unterminated message/rfc822', via: 'classify', build: () => hostile.malformedMime().unterminated },
  { name: '20 MB returned message', via: 'classify', build: hostile.twentyMegabytes },
  { name: 'header line of 1 MB', via: 'classify', build: hostile.megabyteHeaderLine },
  { name: 'SES JSON nested 200,000 levels', via: 'classify', build: () => hostile.sesJson().nested },
  { name: 'SES JSON string never closed', via: 'classify', build: () => hostile.sesJson().unterminated },
  { name: 'complaint of 25,000 field lines', via: 'classify', build: hostile.complaintOfManyLines },
  { name: 'away reply, Subject of prefixes', via: 'classify', build: hostile.awayAfterReplyPrefixes },
  { name: 'Subject of prefixes past the cut', via: 'classify', build: hostile.awayPastHeaderBytes },
  { name: "a stranger's 200,000 lines", via: 'classify', build: hostile.strangersLines },
  { name: '5,000 addresses on a line', via: 'classify', build: hostile.fiveThousandAddresses },
  { name: '200,000 blanks after an address', via: 'classify', build: hostile.blanksAfterAddress },
  { name: '3,000 open quotes after "a b"@', via: 'classify', build: hostile.openQuotes },
  { name: 'Sendmail, 200,000 dashes', via: 'classify', build: hostile.sendmailDashes },
  { name: '70,000 blank lines', via: 'classify', build: hostile.blankLinePadding },
  { name: "delay, 200,000 '@'", via: 'classify', build: hostile.atSigns },
  { name: '200,000 letters, address', via: 'classify', build: () => hostile.lettersThenAddress(false) },
  { name: '200,000 letters, ": address"', via: 'classify', build: () => hostile.lettersThenAddress(true) },
  ...hostile.codeLikeRuns().map((text) => ({
    name: `'${text.slice(0, 6)}' × ${Math.floor(text.length / 6).toLocaleString('en-US')}`,
    via: 'replyCodeInText' as const,
    build: () => text,
  })),
  { name: 'error_code, 40,000 blanks, 550', via: 'replyCodeInText', build: hostile.blanksBeforeCode },
  { name: '100,000 reasons, then addresses', via: 'notesFailureReasons', build: () => hostile.notesSections().reasonsThenAddresses },
  { name: '100,000 addresses', via: 'notesFailureReasons', build: () => hostile.notesSections().addresses },
  { name: 'a reason of 500 lines', via: 'notesFailureReasons', build: () => hostile.notesSections().longReason },
];

const SENTENCES = [
  'Thank you for your order; the parcel leaves our store on Monday and should arrive within three days.',
  'Our opening hours over the holidays are shorter than usual, so please plan your visit ahead of time.',
  'The meeting notes are attached below, together with the agenda for the next session in the spring.',
  'If the colours of the printed catalogue look different from the website, the printer is to blame.',
];

/** `n` characters of ordinary prose, in lines. */
function prose(n: number): string {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `${SENTENCES[i % SENTENCES.length]} (${i})\n`;
  return s.slice(0, n);
}

const NOTICE = postfixNotice('failed', [
  postfixRemote('a@example.net', '5.1.1', '550 5.1.1 <a@example.net>: User unknown', 'RCPT TO command'),
]);
const DELIVERY_REPORT = '\n\n--4D5E620CB94.1796185222/mx.example.org\nContent-Description: Delivery report';

/** The ordinary input of the same size: what a linear scan of `x` should cost about as much as. */
function ordinary(via: Via, x: Buffer | string): Buffer | string {
  if (via === 'classify') {
    const text = NOTICE.toString('latin1');
    if (!text.includes(DELIVERY_REPORT)) throw new Error('hostile-classify: the Postfix notice no longer has its delivery report part');
    const padding = prose(Math.max(0, x.length - text.length - 1));
    return Buffer.from(text.replace(DELIVERY_REPORT, `\n${padding}${DELIVERY_REPORT}`), 'latin1');
  }
  const head = via === 'notesFailureReasons' ? '------- Failure Reasons --------\n' : '';
  return head + prose(Math.max(0, x.length - head.length));
}

/** Runs the input through its function; a short account of the answer. */
async function answer(via: Via, x: Buffer | string): Promise<string> {
  if (via === 'classify') {
    const c = await classify(x as Buffer);
    return `${c.kind}, ${c.recipients.length} recipient${c.recipients.length === 1 ? '' : 's'}`;
  }
  if (via === 'replyCodeInText') return `code '${replyCodeInText(x as string)}'`;
  const found = notesFailureReasons(x as string, new Set());
  return found ? `${found.length} recipient${found.length === 1 ? '' : 's'}` : 'none';
}

interface Measured {
  index: number;
  bytes: number;
  baseBytes: number;
  hostileMs: number[];
  baseMs: number[];
  answer: string;
}

async function timed(via: Via, x: Buffer | string): Promise<number> {
  const start = performance.now();
  await answer(via, x);
  return performance.now() - start;
}

/** In the worker: one input and its baseline, alternately. */
async function measure(index: number): Promise<Measured> {
  const input = INPUTS[index]!;
  const x = input.build();
  const base = ordinary(input.via, x);
  const warmBase = await timed(input.via, base);
  const warmHostile = await timed(input.via, x);
  const hostileMs: number[] = [];
  const baseMs: number[] = [];
  if (warmHostile > SOFT_MS) {
    // Too slow to repeat: the warm-up call is the figure.
    hostileMs.push(warmHostile);
    baseMs.push(warmBase);
  } else {
    const end = performance.now() + SOFT_MS;
    while (hostileMs.length < REPS && (hostileMs.length === 0 || performance.now() < end)) {
      baseMs.push(await timed(input.via, base));
      hostileMs.push(await timed(input.via, x));
    }
  }
  return { index, bytes: x.length, baseBytes: base.length, hostileMs, baseMs, answer: await answer(input.via, x) };
}

if (!isMainThread) {
  // Warm the classifier's code before the first input is timed.
  for (let i = 0; i < 20; i++) await classify(ordinary('classify', Buffer.alloc(3000)) as Buffer);
  parentPort!.on('message', (index: number) => {
    void measure(index).then((m) => parentPort!.postMessage(m));
  });
}

type Outcome = { index: number; measured?: Measured; stoppedMs?: number; skipped?: boolean };

/** In the main thread: every input through workers, each call bounded by HARD_MS. */
async function runAll(): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const started = performance.now();
  let worker: Worker | undefined;
  for (let index = 0; index < INPUTS.length; index++) {
    if (performance.now() - started > TOTAL_MS) {
      outcomes.push({ index, skipped: true });
      continue;
    }
    worker ??= new Worker(new URL(import.meta.url));
    const w = worker;
    const t0 = performance.now();
    const outcome = await new Promise<Outcome>((resolve) => {
      const done = (o: Outcome) => {
        clearTimeout(timer);
        w.off('message', onMessage).off('error', onError);
        resolve(o);
      };
      const onMessage = (m: Measured) => done({ index, measured: m });
      const onError = (e: Error) => {
        say(`hostile-classify: ${INPUTS[index]!.name}: the worker failed: ${e.message}`);
        done({ index, stoppedMs: NaN });
      };
      const timer = setTimeout(() => {
        void w.terminate();
        done({ index, stoppedMs: performance.now() - t0 });
      }, HARD_MS);
      w.on('message', onMessage).on('error', onError);
      w.postMessage(index);
    });
    if (!outcome.measured) worker = undefined;
    outcomes.push(outcome);
  }
  await worker?.terminate();
  return outcomes;
}

const bytesText = (n: number) => (n >= 1024 * 1024 ? `${round(n / (1024 * 1024), 1)} MB` : n >= 1024 ? `${round(n / 1024)} KB` : `${n} B`);
const baselineName: Record<Via, string> = {
  classify: 'ordinary notice',
  replyCodeInText: 'replyCodeInText, ordinary text',
  notesFailureReasons: 'notesFailureReasons, ordinary text',
};

export async function benchHostileClassify(): Promise<Figure[]> {
  say(`hostile-classify: ${INPUTS.length} inputs, each beside an ordinary one of the same size; ${loadNote()}`);
  const outcomes = await runAll();
  const figures: Figure[] = [];
  const rows: string[][] = [['input', 'via', 'size', 'ms/msg', 'baseline ms', 'ratio', 'answer']];
  const over: string[] = [];
  for (const o of outcomes) {
    const input = INPUTS[o.index]!;
    const label = input.via === 'classify' ? input.name : `${input.via}: ${input.name}`;
    if (!o.measured) {
      const why = o.skipped ? `not run: the part's ${TOTAL_MS / 1000} s were spent` : `stopped after ${round(o.stoppedMs ?? NaN)} ms`;
      figures.push({ ...figure(label, o.skipped ? NaN : round(o.stoppedMs ?? NaN), 'ms/msg', undefined, why), met: false });
      rows.push([input.name, input.via, '', why, '', '', '']);
      if (!o.skipped) over.push(`${label} (${why})`);
      continue;
    }
    const m = o.measured;
    const ms = median(m.hostileMs);
    const base = median(m.baseMs);
    const ratio = ms / base;
    if (ratio > RATIO) over.push(`${label} (${round(ratio)}×)`);
    figures.push(
      figure(
        label,
        round(ms, 2),
        'ms/msg',
        { atMost: round(RATIO * base, 2) },
        `${round(ratio, 1)}× the ${baselineName[input.via]} of the same ${bytesText(m.bytes)}: ${round(base, 2)} ms; median of ${m.hostileMs.length}`,
      ),
    );
    rows.push([input.name, input.via, bytesText(m.bytes), ms.toFixed(2), base.toFixed(2), `${ratio.toFixed(1)}×`, m.answer]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  say(
    rows
      .map((r) =>
        r
          .map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
          .join('  ')
          .trimEnd(),
      )
      .join('\n'),
  );
  say(
    over.length
      ? `hostile-classify: over ${RATIO}× their baseline: ${over.join('; ')}`
      : `hostile-classify: no input over ${RATIO}× its baseline; ${loadNote()}`,
  );
  return figures;
}

if (isMainThread && import.meta.main) {
  report('hostile-classify', await benchHostileClassify());
}
