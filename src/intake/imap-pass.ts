// One pass over the IMAP inbox: every message in it, oldest UID first, goes through the one
// funnel (ingest) and is MOVEd to the processed, skipped or problem folder only after ingest
// has committed it. A message ingest could not store stays where it is for the next pass.
//
// Where the pass is in the folder (UIDVALIDITY and the highest UID committed) is kept in the
// imap_state table. Messages are moved out after commit, so a message at or below that UID
// that is still in the inbox is one whose MOVE did not happen (connection lost, server or
// rebound killed between commit and MOVE): it is moved on by the status already recorded
// for its bytes, without ingesting it again. Whatever slips through that net (a recreated
// folder, a lost state row) is still recorded once, because ingest dedupes by content.

import type { ImapFlow } from 'imapflow';
import type { ImapFolders } from '../config.ts';
import { ReboundError } from '../errors.ts';
import { sha256, type Ingestor } from '../ingest.ts';
import type { Logger } from '../log.ts';
import type { ImapPosition } from '../store/imap-state.ts';
import type { ProcessingStatus } from '../store/messages.ts';
import type { Store } from '../store/store.ts';

export interface PollCounts {
  /** Moved to the processed folder (bounces, delays, complaints). */
  processed: number;
  /** Moved to the skipped folder (not a bounce, auto-replies). */
  skipped: number;
  /** Moved to the problem folder (unreadable, too big). */
  problem: number;
  /** Left in the inbox because they could not be stored; tried again next poll. */
  failed: number;
}

export interface PollResult extends PollCounts {
  startedAt: string;
  finishedAt: string;
  /**
   * 'ok': every message found was handled; 'incomplete': messages were left for the next
   * poll (store failing, stop requested, a MOVE refused); 'error': the pass broke off
   * (connection lost, login refused).
   */
  outcome: 'ok' | 'incomplete' | 'error';
  /** Messages in the inbox when the pass searched it. */
  found: number;
  /** Of the moved messages, those already recorded before (same bytes or same bounces). */
  duplicates: number;
  /** Committed but not moved (the MOVE was refused); moved on a later pass. */
  notMoved: number;
  error?: string;
}

/** One message's fate, for the metrics (source 'imap'). */
export type MessageOutcome = 'processed' | 'skipped' | 'problem' | 'duplicate' | 'failed' | 'too-big';

export interface PassContext {
  client: ImapFlow;
  folders: ImapFolders;
  /** imap_state key: user@host/folder. */
  stateKey: string;
  store: Store;
  ingestor: Ingestor;
  log: Logger;
  batchSize: number;
  /** Bigger messages are not downloaded: they go to the problem folder. */
  maxMessageSize: number;
  /** True when stop() was called: the pass ends after the message in hand. */
  shouldStop: () => boolean;
  onMessage?: (outcome: MessageOutcome) => void;
}

/** The connection broke mid-pass; the caller reconnects. */
/** The connection went during a step: temporary (the message stays; the poller reconnects). */
export class ImapConnectionLost extends ReboundError {
  constructor(what: string, cause?: unknown) {
    const c = cause as { code?: string; message?: string } | undefined;
    const why = c ? [c.code, c.message].filter(Boolean).join(': ') : '';
    super('imap-connection-lost', why ? `connection lost during ${what} (${why})` : `connection lost during ${what}`, {
      temporary: true,
      cause,
    });
    this.name = 'ImapConnectionLost';
  }
}

export function emptyResult(startedAt: Date): PollResult {
  const at = startedAt.toISOString();
  return {
    startedAt: at,
    finishedAt: at,
    outcome: 'ok',
    found: 0,
    processed: 0,
    skipped: 0,
    problem: 0,
    failed: 0,
    duplicates: 0,
    notMoved: 0,
  };
}

/** Creates the inbox and the three destination folders where missing (ALREADYEXISTS is fine). */
export async function ensureFolders(client: ImapFlow, folders: ImapFolders, log: Logger): Promise<void> {
  const existing = new Set((await client.list()).map((f) => f.path));
  for (const f of [folders.inbox, folders.processed, folders.skipped, folders.problem]) {
    if (existing.has(f) || f.toUpperCase() === 'INBOX') continue;
    const r = await client.mailboxCreate(f);
    if (r.created) log.info({ folder: f }, 'IMAP folder created');
  }
}

/** Works the inbox once; counts go into `result` as they happen, so a broken pass still reports. */
export async function workInbox(ctx: PassContext, result: PollResult): Promise<void> {
  const { client, folders } = ctx;
  if (!client.mailbox || client.mailbox.path !== folders.inbox) await client.mailboxOpen(folders.inbox);
  // Dovecot shows new mail to an already selected mailbox only after a NOOP (or IDLE):
  // without it SEARCH missed a new message for ~4 s (test-servers README, pitfall 5).
  await client.noop();
  const mailbox = client.mailbox;
  if (!mailbox) throw new ImapConnectionLost('SELECT');
  const pos = await readPosition(ctx, Number(mailbox.uidValidity));

  const found = mailbox.exists === 0 ? [] : await client.search({ all: true }, { uid: true });
  if (found === false || found === undefined) throw new ImapConnectionLost('SEARCH');
  const uids = [...found].sort((a, b) => a - b);
  result.found = uids.length;

  // UIDs are small numbers; the messages themselves are fetched one at a time, so a folder of
  // 10,000 old messages never sits in memory. Sizes come per batch, to skip oversized ones.
  for (let i = 0; i < uids.length; i += ctx.batchSize) {
    const batch = uids.slice(i, i + ctx.batchSize);
    const sizes = new Map<number, number>();
    for await (const m of client.fetch(uidSet(batch), { uid: true, size: true }, { uid: true })) sizes.set(m.uid, m.size ?? 0);
    if (!client.usable) throw new ImapConnectionLost('FETCH');
    for (const uid of batch) {
      if (ctx.shouldStop()) {
        result.outcome = 'incomplete';
        return;
      }
      const size = sizes.get(uid);
      if (size === undefined) continue; // expunged by another client since the SEARCH
      if ((await handleMessage(ctx, result, pos, uid, size)) === 'stop') return;
    }
  }
}

async function readPosition(ctx: PassContext, uidvalidity: number): Promise<ImapPosition> {
  let stored: ImapPosition | undefined;
  try {
    stored = await ctx.store.imapState.get(ctx.stateKey);
  } catch (err) {
    // The store is failing: start from 0, so every message goes to ingest, which then
    // refuses it and leaves it in the inbox (reported as a storage failure, not an IMAP one).
    ctx.log.warn({ err, mailbox: ctx.stateKey }, 'could not read the IMAP position');
    return { uidvalidity, lastUid: 0 };
  }
  if (stored && stored.uidvalidity === uidvalidity) return { ...stored };
  if (stored) {
    // RFC 3501 section 2.3.1.1: a new UIDVALIDITY means the old UIDs mean nothing any more
    // (the folder was deleted and created again, or the server rebuilt its index).
    ctx.log.warn(
      { mailbox: ctx.stateKey, oldUidValidity: stored.uidvalidity, newUidValidity: uidvalidity, oldLastUid: stored.lastUid },
      'UIDVALIDITY changed: the folder was recreated; working through all of it again (messages already recorded are recognised by content)',
    );
  }
  const pos = { uidvalidity, lastUid: 0 };
  await savePosition(ctx, pos);
  return pos;
}

async function savePosition(ctx: PassContext, pos: ImapPosition): Promise<void> {
  try {
    await ctx.store.imapState.set(ctx.stateKey, pos);
  } catch (err) {
    // Not fatal: without the row, a restart re-reads the message and ingest dedupes it.
    ctx.log.warn({ err, mailbox: ctx.stateKey }, 'could not save the IMAP position');
  }
}

async function handleMessage(ctx: PassContext, result: PollResult, pos: ImapPosition, uid: number, size: number): Promise<'next' | 'stop'> {
  const { client, log } = ctx;
  const mlog = log.child({ uid, folder: ctx.folders.inbox });
  let status: ProcessingStatus;
  let outcome: MessageOutcome;
  if (size > ctx.maxMessageSize) {
    // Never downloaded, never recorded; kept in the problem folder for a human to look at.
    mlog.warn({ size, limit: ctx.maxMessageSize }, 'message over the size limit; moving it to the problem folder unread');
    status = 'Problem';
    outcome = 'too-big';
  } else {
    const msg = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (!msg || !msg.source) {
      if (!client.usable) throw new ImapConnectionLost('FETCH');
      mlog.info('message vanished before it was downloaded');
      return 'next';
    }
    const raw = msg.source;
    let known: { status: ProcessingStatus } | undefined;
    if (uid <= pos.lastUid) {
      // Committed on an earlier pass, but the MOVE did not happen: move it on by its
      // recorded status instead of classifying and storing it again.
      try {
        known = await ctx.store.messages.findBySha256(sha256(raw));
      } catch (err) {
        return failed(ctx, result, mlog, err);
      }
    }
    if (known) {
      status = known.status;
      outcome = 'duplicate';
      mlog.info({ status }, 'message recorded before but not moved; moving it now');
    } else {
      try {
        const r = await ctx.ingestor.ingest({ raw, source: 'imap', ...envelopeFromHeaders(raw) });
        status = r.outcome;
        outcome = r.duplicate ? 'duplicate' : (r.outcome.toLowerCase() as MessageOutcome);
      } catch (err) {
        return failed(ctx, result, mlog, err);
      }
      if (uid > pos.lastUid) {
        pos.lastUid = uid;
        await savePosition(ctx, pos);
      }
    }
  }
  const dest = status === 'Processed' ? ctx.folders.processed : status === 'Skipped' ? ctx.folders.skipped : ctx.folders.problem;
  if (!(await move(ctx, uid, dest, mlog))) {
    result.notMoved++;
    result.outcome = 'incomplete';
    ctx.onMessage?.(outcome);
    return 'next';
  }
  if (outcome === 'duplicate') result.duplicates++;
  if (status === 'Processed') result.processed++;
  else if (status === 'Skipped') result.skipped++;
  else result.problem++;
  ctx.onMessage?.(outcome);
  mlog.debug({ dest, outcome }, 'message moved');
  return 'next';
}

/** Ingest (or the store) refused: the message stays in the inbox, the pass ends here. */
function failed(ctx: PassContext, result: PollResult, mlog: Logger, err: unknown): 'stop' {
  result.failed++;
  result.outcome = 'incomplete';
  result.error = `could not store a message: ${(err as Error)?.message ?? String(err)}`;
  ctx.onMessage?.('failed');
  mlog.error({ err }, 'message not stored; it stays in the inbox and is tried again next poll');
  return 'stop';
}

/** UID MOVE (RFC 6851; imapflow falls back to COPY + EXPUNGE). Creates a vanished destination once. */
async function move(ctx: PassContext, uid: number, dest: string, mlog: Logger): Promise<boolean> {
  const { client } = ctx;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const moved = await client.messageMove(String(uid), dest, { uid: true });
    if (moved) return true;
    if (!client.usable) throw new ImapConnectionLost('MOVE');
    if (attempt === 1) {
      // Someone deleted the destination folder since connect (the server said TRYCREATE).
      await client.mailboxCreate(dest).catch(() => undefined);
    }
  }
  mlog.error({ dest }, 'MOVE refused; the message is recorded and will be moved on a later poll');
  return false;
}

/**
 * The envelope as the delivering MTA wrote it into the top header block: Return-Path (the
 * envelope sender, <> for a bounce) and X-Original-To / Delivered-To (the address it was
 * delivered to, maybe VERP-encoded). LMTP hands ingest the same facts from the SMTP envelope.
 * Only the first occurrence counts: it is the one added by the last hop, our own server.
 */
export function envelopeFromHeaders(raw: Buffer): { envelopeFrom?: string; envelopeTo?: string[] } {
  // A header block longer than this is hostile or broken; the envelope is then unknown.
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = (end < 0 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const first = (name: string): string | undefined => {
    const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block);
    return m ? m[1]!.trim() : undefined;
  };
  const bare = (v: string): string => v.replace(/^<(.*)>$/, '$1').trim();
  const out: { envelopeFrom?: string; envelopeTo?: string[] } = {};
  const rp = first('Return-Path');
  if (rp !== undefined) out.envelopeFrom = bare(rp);
  const to = first('X-Original-To') ?? first('Delivered-To');
  if (to !== undefined && /^[^\s@<>]+@[^\s@<>]+$/.test(bare(to))) out.envelopeTo = [bare(to)];
  return out;
}

/** A compact UID set ("1:5,7,9:12", RFC 3501 section 9 sequence-set) for an ascending list. */
export function uidSet(uids: number[]): string {
  const parts: string[] = [];
  let start = uids[0];
  let prev = uids[0];
  for (let i = 1; i <= uids.length; i++) {
    const u = uids[i];
    if (u !== undefined && prev !== undefined && u === prev + 1) {
      prev = u;
      continue;
    }
    if (start !== undefined && prev !== undefined) parts.push(start === prev ? String(start) : `${start}:${prev}`);
    start = u;
    prev = u;
  }
  return parts.join(',');
}
