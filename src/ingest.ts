// The one funnel: LMTP, IMAP and file import all call ingest(). It classifies the message,
// then records the message, its bounces and their notices in one transaction, and resolves
// only after the commit: a caller that answers 250 or moves the message on a resolved
// promise never loses a bounce. Any failure to commit rejects with a temporary
// ReboundError, so the caller answers 4xx or leaves the message where it is.
//
// Commits are grouped (store/commit-queue.ts): this file only turns a classification into
// rows.

import { createHash } from 'node:crypto';
import { classifyOffThread } from './core/classify-thread.ts';
import { domainOf } from './core/address.ts';
import { formatDecisionTrail } from './core/decision.ts';
import { bounceDate } from './core/message-date.ts';
import type { Classification, ClassifyOptions, MessageKind, RecipientResult } from './core/types.ts';
import { ReboundError } from './errors.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { NewBounce } from './store/bounces.ts';
import type { MessageSource, ProcessingStatus } from './store/messages.ts';
import { rawPartCount } from './store/raw-parts.ts';
import { createCommitQueue } from './store/commit-queue.ts';
import type { Repositories, Store } from './store/store.ts';

export interface IngestInput {
  raw: Buffer;
  source: MessageSource;
  envelopeFrom?: string;
  /** RCPT TO addresses (the bounce address, maybe VERP-encoded). */
  envelopeTo?: string[];
  receivedAt?: Date;
  /** The SHA-256 of `raw` (hex), when the caller computed it while the bytes arrived. */
  sha256?: string;
}

export interface IngestResult {
  messageId: number;
  /** True when this message (same bytes, or the same bounces) was already recorded. */
  duplicate: boolean;
  /** For a copy with other bytes whose bounces were all recorded: the first copy's id. */
  duplicateOf?: number;
  kind: MessageKind;
  /** What became of the message: Processed, Skipped or Problem (its row's status column). */
  outcome: ProcessingStatus;
  /** Ids of the bounce rows this call recorded (empty for a duplicate). */
  bounceIds: number[];
  /** Notices queued with them (0 for a duplicate). */
  noticesQueued?: number;
  /** The recorded rows in brief, for logs and adapters. */
  recorded?: { id: number; address: string; reason: string; enhancedCode: string }[];
  /** Set when the message could not be read (outcome Problem). */
  error?: string;
}

/** A bounce just recorded, as the notice planner sees it. */
export interface RecordedBounce {
  id: number;
  row: NewBounce;
  recipient: RecipientResult;
}

/**
 * Decides which notices to queue for the bounces of one message (the notifier's rules). Runs
 * inside the message's transaction: it may note on the bounces why a notice was held back.
 * `store` is the transaction's repositories (use no other: the store's own wait for it).
 */
export type NoticePlanner = ((ctx: {
  classification: Classification;
  bounces: RecordedBounce[];
  store: Repositories;
  messageId: number;
  /** RCPT TO of the delivery (the bounce address, maybe VERP-encoded); [] when unknown. */
  envelopeTo: string[];
  now: Date;
  log?: Logger;
}) => Promise<{ bounceId: number; recipients: string[] }[]>) & {
  /**
   * When it answers a note, no bounce of the message gets a notice: the rows are written with
   * that note and the planner is not called (one statement less per message for an imported
   * archive of old bounces).
   */
  noteBeforeInsert?: (classification: Classification, now: Date) => string | undefined;
};

/**
 * A step that runs inside the commit of a message whose bounces were just recorded (the
 * suppression list, the webhook queue, ...): what it writes lands with the bounce or not at
 * all. It must not do I/O outside the store; throwing rolls the message back (4xx). `store`
 * is the transaction's repositories: the store's own would wait for this transaction to end.
 */
export type RecordHook = (ctx: {
  messageId: number;
  classification: Classification;
  bounces: RecordedBounce[];
  store: Repositories;
  now: Date;
}) => Promise<void>;

export interface IngestorOptions {
  store: Store;
  log: Logger;
  classify?: (raw: Buffer, opts?: ClassifyOptions) => Promise<Classification>;
  trackingHeader?: string;
  planNotices?: NoticePlanner;
  /** Run in order inside the transaction, after the bounces and notices are written. */
  recordHooks?: RecordHook[];
  /** Called after each commit (outside the transaction), e.g. to wake the notifier. */
  onCommitted?: (result: IngestResult) => void;
  clock?: () => Date;
  /** Where classification times and commit sizes go (/metrics). */
  metrics?: Pick<Metrics, 'classifySeconds' | 'commitBatchSize' | 'commitSeconds'>;
}

export interface Ingestor {
  ingest(input: IngestInput): Promise<IngestResult>;
  /** Resolves when every write queued so far has been committed or failed. */
  drain(): Promise<void>;
}

export function sha256(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

/**
 * Below this many bytes a message is hashed in place: a WebCrypto digest copies the bytes and
 * hops to the thread pool and back, about 68 µs of CPU for a 5 KB DSN against 8 µs in place
 * (46 µs in place at 64 KB). `rebound import` paid the hop for every message (tests/bench/RESULTS.md).
 */
export const SHA256_IN_PLACE_BYTES = 64 * 1024;

/**
 * sha256() off the event loop (WebCrypto digests on libuv's thread pool): hashing a 10 MB
 * message takes tens of ms of CPU, which would otherwise hold every other connection. Small
 * messages are hashed in place (SHA256_IN_PLACE_BYTES).
 */
export async function sha256OffLoop(raw: Buffer): Promise<string> {
  // WebCrypto refuses a view on shared memory (a large LMTP message, intake/received-bytes.ts).
  if (raw.length < SHA256_IN_PLACE_BYTES || raw.buffer instanceof SharedArrayBuffer) return sha256(raw);
  return Buffer.from(await crypto.subtle.digest('SHA-256', raw)).toString('hex');
}

/**
 * The original's To and Cc as stored on each bounce row (the dashboard's columns): cut at
 * this many characters. The whole lists (themselves bounded by the classifier) are in the
 * message's stored classification; a row per failed recipient need not repeat a forged list
 * whole (500 rows x 500 addresses would be megabytes per message).
 */
export const MAX_BOUNCE_CC_CHARS = 2000;

/**
 * And all the rows of one message together repeat each list at most about this many
 * characters: 500 rows of 2,000 characters were 2 MB of pages per list for one forged
 * report, most of what its commit then wrote (issue 11). 50 rows still get 2,000
 * characters each; 500 get MIN_BOUNCE_CC_CHARS.
 */
export const MAX_MESSAGE_CC_CHARS = 100_000;
const MIN_BOUNCE_CC_CHARS = 200;

/** How many characters of an address list each of a message's `rows` bounce rows keeps. */
export function bounceCcBudget(rows: number): number {
  return Math.min(MAX_BOUNCE_CC_CHARS, Math.max(MIN_BOUNCE_CC_CHARS, Math.floor(MAX_MESSAGE_CC_CHARS / Math.max(1, rows))));
}

/** An address-list column of a bounce row: the addresses, cut at `max` characters with a count. */
export function bounceCcColumn(cc: readonly string[], max = MAX_BOUNCE_CC_CHARS): string {
  const all = cc.join(', ');
  if (all.length <= max) return all;
  const cut = all.slice(0, max);
  const kept = cut
    .slice(0, Math.max(0, cut.lastIndexOf(',')))
    .split(', ')
    .filter(Boolean);
  return `${kept.join(', ')} … (${cc.length - kept.length} more)`;
}

function statusFor(c: Classification): ProcessingStatus {
  if (c.error) return 'Problem';
  return c.kind === 'not-bounce' || c.kind === 'autoreply' ? 'Skipped' : 'Processed';
}

/**
 * The key under which a bounce is "the same bounce": the original message (or, when it is
 * unknown, the bounce message itself), the recipient, and the outcome. Postfix retrying a
 * delivery, or the same DSN reaching rebound by LMTP and by IMAP, gives the same key.
 */
export function dedupeKey(c: Classification, r: RecipientResult, rawSha: string): string {
  const about = c.original.messageId || c.envelope.messageId || rawSha;
  return sha256(Buffer.from([about, r.address.toLowerCase(), c.kind, r.action, r.enhancedCode].join('\n')));
}

export function createIngestor(opts: IngestorOptions): Ingestor {
  const { store, log } = opts;
  // Large messages are classified on a worker thread, so none holds the event loop long.
  const classify = opts.classify ?? classifyOffThread;
  const clock = opts.clock ?? (() => new Date());
  const metrics = opts.metrics;
  const commits = createCommitQueue(
    store,
    log,
    metrics &&
      ((b) => {
        metrics.commitBatchSize.observe(b.writes);
        metrics.commitSeconds.observe(b.seconds);
      }),
  );

  function afterCommit(result: IngestResult): void {
    try {
      opts.onCommitted?.(result);
    } catch (err) {
      log.error({ err }, 'onCommitted hook failed');
    }
  }

  async function record(
    tx: Repositories,
    input: IngestInput,
    c: Classification,
    rawSha: string,
    receivedAt: string,
    rawPartCount: number,
  ): Promise<IngestResult> {
    const existing = await tx.messages.findBySha256(rawSha);
    if (existing) {
      return { messageId: existing.id, duplicate: true, kind: existing.kind as MessageKind, outcome: existing.status, bounceIds: [] };
    }
    const status = statusFor(c);
    const keys = c.recipients.map((r) => dedupeKey(c, r, rawSha));
    // Every bounce in it recorded already (LMTP and IMAP both, or a copy with other
    // headers): the message is kept, pointing at the first copy, and adds no bounce rows.
    const knownIds: (number | undefined)[] = [];
    for (const k of keys) knownIds.push(await tx.bounces.idByDedupeKey(k));
    const firstCopy =
      knownIds.length > 0 && knownIds.every((id) => id !== undefined) ? (await tx.bounces.get(knownIds[0]!))!.message_id : undefined;
    // Its parts, written before this transaction, all there and no longer pending.
    if (rawPartCount > 0) await tx.rawParts.settle(rawSha, rawPartCount);
    const messageId = await tx.messages.insert({
      receivedAt,
      source: input.source,
      sha256: rawSha,
      raw: input.raw,
      rawPartCount,
      envelopeFrom: input.envelopeFrom ?? '',
      envelopeTo: input.envelopeTo ?? [],
      kind: c.kind,
      status,
      error: c.error ?? '',
      subject: c.envelope.subject,
      classification: JSON.stringify(c),
      duplicateOf: firstCopy ?? null,
      truncated: c.truncated?.join('; ') ?? '',
    });
    if (firstCopy !== undefined) {
      return { messageId, duplicate: true, duplicateOf: firstCopy, kind: c.kind, outcome: status, bounceIds: [] };
    }
    const recorded: RecordedBounce[] = [];
    // Once per message, not per recipient: a forged report can pair 500 recipients with a
    // long Cc list.
    const ccChars = bounceCcBudget(c.recipients.length);
    const emailCc = bounceCcColumn(c.original.cc, ccChars);
    const originalTo = bounceCcColumn(c.original.to, ccChars);
    // An imported archive or an IMAP backlog is received today but bounced long ago.
    const bouncedAt = bounceDate(c.envelope.date, new Date(receivedAt));
    const heldNote = opts.planNotices?.noteBeforeInsert?.(c, clock());
    for (const [i, r] of c.recipients.entries()) {
      const row: NewBounce = {
        messageId,
        date: receivedAt,
        bouncedAt: bouncedAt.toISOString(),
        emailTo: r.address.toLowerCase(),
        emailCc,
        status: c.kind === 'autoreply' ? 'Skipped' : 'Processed',
        reason: r.reason,
        domain: domainOf(r.address),
        kind: c.kind,
        bounceType: r.bounceType,
        action: r.action,
        statusCode: r.enhancedCode,
        replyCode: r.replyCode,
        diagnostic: r.diagnostic,
        remoteMta: r.remoteMta,
        decidedBy: formatDecisionTrail(r.decidedBy),
        originalMessageId: c.original.messageId,
        originalFrom: c.original.from,
        originalTo,
        originalSubject: c.original.subject,
        originalDate: c.original.date,
        trackingId: c.original.trackingId,
        dedupeKey: keys[i]!,
        ...(heldNote ? { noticeNote: heldNote } : {}),
      };
      const id = await tx.bounces.insert(row);
      if (id !== undefined) recorded.push({ id, row, recipient: r });
    }
    let noticesQueued = 0;
    if (opts.planNotices && !heldNote && recorded.length > 0) {
      const now = clock();
      const planned = await opts.planNotices({
        classification: c,
        bounces: recorded,
        store: tx,
        messageId,
        envelopeTo: input.envelopeTo ?? [],
        now,
        log,
      });
      for (const n of planned) {
        await tx.outbox.add({ bounceId: n.bounceId, kind: 'notice', recipients: n.recipients }, now);
        noticesQueued += 1;
      }
    }
    if (recorded.length > 0) {
      const now = clock();
      for (const hook of opts.recordHooks ?? []) await hook({ messageId, classification: c, bounces: recorded, store: tx, now });
    }
    return {
      messageId,
      duplicate: false,
      kind: c.kind,
      outcome: status,
      bounceIds: recorded.map((b) => b.id),
      noticesQueued,
      recorded: recorded.map((b) => ({ id: b.id, address: b.row.emailTo, reason: b.row.reason, enhancedCode: b.row.statusCode })),
      ...(c.error ? { error: c.error } : {}),
    };
  }

  /**
   * A large message's bytes go to raw_parts before its commit (src/store/raw-parts.ts says
   * why), none for a message recorded already (record() answers it as a duplicate).
   */
  async function writeRawParts(raw: Buffer, rawSha: string): Promise<number> {
    if (rawPartCount(raw.length) === 0) return 0;
    if (await store.messages.findBySha256(rawSha)) return 0;
    return store.rawParts.write(rawSha, raw, clock());
  }

  return {
    async ingest(input) {
      const receivedAt = (input.receivedAt ?? clock()).toISOString();
      const rawSha = input.sha256 ?? (await sha256OffLoop(input.raw));
      // The classifier never throws; a message it cannot read comes back with `error`.
      const classified = metrics?.classifySeconds.startTimer();
      const c = await classify(input.raw, {
        trackingHeader: opts.trackingHeader,
        envelopeRecipients: input.envelopeTo,
      });
      classified?.();
      let result: IngestResult;
      try {
        const rawPartCount = await writeRawParts(input.raw, rawSha);
        result = await commits.run((tx) => record(tx, input, c, rawSha, receivedAt, rawPartCount));
      } catch (error) {
        throw storeError(error);
      }
      afterCommit(result);
      logResult(log, input, c, result);
      return result;
    },
    drain: () => commits.drain(),
  };
}

function logResult(log: Logger, input: IngestInput, c: Classification, r: IngestResult): void {
  // A bound cut the message: said once, whatever else is logged about it.
  if (c.truncated && !r.duplicate) {
    log.warn({ source: input.source, messageId: r.messageId, truncated: c.truncated }, `message cut short: ${c.truncated.join('; ')}`);
  }
  if (r.duplicate) {
    log.info({ source: input.source, messageId: r.messageId }, 'duplicate message, already recorded');
    return;
  }
  if (r.outcome === 'Problem') {
    log.warn({ source: input.source, messageId: r.messageId, error: r.error }, 'message could not be read; kept as Problem');
    return;
  }
  if (r.bounceIds.length === 0) {
    log.info({ source: input.source, messageId: r.messageId, kind: r.kind }, 'message recorded, not a bounce');
    return;
  }
  logRecorded(log, input, c, r, r.recorded ?? [], 0);
}

/**
 * "bounce recorded" lines logged in one go: a forged report names 500 failed recipients, and
 * 500 log lines (serialised and redacted on the event loop) held it for tens of ms. The rest
 * follow a few turns of the loop later, so other connections are answered in between.
 */
const LOG_LINES_PER_TURN = 50;

function logRecorded(
  log: Logger,
  input: IngestInput,
  c: Classification,
  r: IngestResult,
  recorded: NonNullable<IngestResult['recorded']>,
  from: number,
): void {
  const to = Math.min(recorded.length, from + LOG_LINES_PER_TURN);
  for (const b of recorded.slice(from, to)) {
    log.info(
      {
        source: input.source,
        messageId: r.messageId,
        bounceId: b.id,
        kind: c.kind,
        recipient: b.address,
        reason: b.reason,
        status: b.enhancedCode,
      },
      'bounce recorded',
    );
  }
  if (to < recorded.length) setImmediate(() => logRecorded(log, input, c, r, recorded, to));
}

function storeError(err: unknown): ReboundError {
  const code = (err as { code?: string })?.code ?? 'unknown';
  return new ReboundError('store-unavailable', `could not store the message (${code})`, { temporary: true, cause: err });
}
