// Sends the outbox. Every state lives in the outbox table (pending, failed with the next
// attempt time, sent, problem), so a relay that is down for hours or a restart in between
// loses nothing: the next pass picks up whatever is due. One send pass runs at a time; kick()
// after an ingest commit, the retry job and a manual retry all go through the same queue, so
// no row is ever sent twice at once. Other rebound processes on the same store send from the
// same outbox: each row is claimed before it is sent (store/outbox.ts), so exactly one of
// them sends it, and a row claimed by a process that died is sent by another after CLAIM_TTL.

import { backoffDelay } from '../backoff.ts';
import type { Config } from '../config.ts';
import { errorText } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { StatusBoard } from '../status.ts';
import type { BounceRow } from '../store/bounces.ts';
import type { OutboxRow } from '../store/outbox.ts';
import type { Repositories, Store } from '../store/store.ts';
import { readStoredClassification } from '../store/stored-classification.ts';
import { createMailer, SendError, type Mailer } from './mailer.ts';
import { buildNotice, noticeMessageId } from './notice-content.ts';
import { failedAddresses, planNotices, whyNoNotice, type MessageFacts, type NoticeSubject } from './notices.ts';
import { createEmailTemplates, type EmailTemplates } from './templates.ts';

export interface NotifierOptions {
  config: Config;
  store: Store;
  log: Logger;
  board?: StatusBoard;
  metrics?: Metrics;
  /** Defaults to nodemailer through config.smtp. */
  mailer?: Mailer;
  templates?: EmailTemplates;
  clock?: () => Date;
  /** First retry delay, doubled per failed attempt. */
  backoffBaseMs?: number;
  /** Longest retry delay. */
  backoffMaxMs?: number;
  /** Who claims the rows (default config.instance.id). */
  holder?: string;
  /** How long a claim holds (default config.instance.claimTtlMs). */
  claimTtlMs?: number;
}

export interface Notifier {
  /** Starts a send pass now unless one is already waiting to start (never blocks). */
  kick(): void;
  /** Sends every due outbox row (waits for a pass in progress first). */
  sendDue(): Promise<{ sent: number; failed: number }>;
  /** Makes a bounce's notice due now (or plans one) and sends it; says what happened. */
  retry(bounceId: number): Promise<{ queued: boolean; message: string }>;
  /** Finishes the pass in progress, starts no new one, closes the SMTP transport. */
  stop(): Promise<void>;
}

export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_MAX_MS = 4 * 3_600_000;
/** Rows fetched per query; a pass keeps fetching until nothing new is due. */
const BATCH = 50;

export function createNotifier(opts: NotifierOptions): Notifier {
  const { config, store, board, metrics } = opts;
  const log = opts.log.child({ component: 'notifier' });
  const clock = opts.clock ?? (() => new Date());
  const mailer = opts.mailer ?? createMailer(config.smtp);
  const templates = opts.templates ?? createEmailTemplates();
  const holder = opts.holder ?? config.instance.id;
  const claimTtlMs = opts.claimTtlMs ?? config.instance.claimTtlMs;
  const backoff = { initialMs: opts.backoffBaseMs ?? BACKOFF_BASE_MS, maxMs: opts.backoffMaxMs ?? BACKOFF_MAX_MS };

  board?.report('relay', { ok: true, detail: `relay ${mailer.relay}; no notice sent yet` });

  let chain: Promise<unknown> = Promise.resolve();
  let waiting = false;
  let stopped = false;

  /** Queues a pass behind the one running; passes never overlap. */
  function queuePass(): Promise<{ sent: number; failed: number }> {
    waiting = true;
    const p = chain.then(() => {
      waiting = false;
      return stopped ? { sent: 0, failed: 0 } : pass();
    });
    chain = p.catch((err) => log.error({ err }, 'send pass failed'));
    return p;
  }

  async function pass(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    // Rows tried in this pass are not tried again in it, whatever their next attempt time.
    const tried = new Set<number>();
    for (;;) {
      if (stopped) break;
      let claimed: OutboxRow[];
      try {
        // One batch more than the rows that failed in this pass (only those can be due again
        // and come back): not BATCH + every row tried, which grew with each one sent until a
        // long pass claimed the whole outbox, leaving other instances idle and stranding all
        // of it for CLAIM_TTL when this process died.
        claimed = await store.outbox.claimDue(holder, claimTtlMs, clock(), BATCH + failed);
      } catch (err) {
        // Nothing is sent unclaimed (another instance might send it too); the rows stay due.
        // A pass that could not start fails (the retry job logs it); one that has sent some
        // reports what it sent.
        if (tried.size === 0) throw err;
        log.error({ err }, 'could not claim the due notices; they wait for the next pass');
        break;
      }
      const rows = claimed.filter((r) => !tried.has(r.id));
      for (const r of claimed) if (tried.has(r.id)) await store.outbox.releaseClaim(r.id, holder);
      if (rows.length === 0) break;
      for (const [i, row] of rows.entries()) {
        if (stopped) {
          // Not sent: back to the queue now, for this process's next start or another instance.
          for (const r of rows.slice(i)) await store.outbox.releaseClaim(r.id, holder);
          break;
        }
        tried.add(row.id);
        // A batch is claimed at once but sent one by one: a row whose claim ran out while the
        // rows before it were sent may have been taken (and sent) by another instance.
        if (!(await store.outbox.confirmClaim(row.id, holder, claimTtlMs, clock()))) {
          log.info({ outboxId: row.id }, 'notice taken by another instance; not sent here');
          continue;
        }
        if (await sendRow(row)) sent++;
        else failed++;
      }
    }
    if (sent + failed > 0) log.info({ sent, failed }, 'send pass done');
    return { sent, failed };
  }

  /** The recipients to use now: in test mode only NOTIFY_CC_TEST, whatever was planned. */
  function recipientsNow(row: OutboxRow): string[] {
    if (config.testMode) return config.notify.ccTest;
    return row.recipients
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  async function sendRow(row: OutboxRow): Promise<boolean> {
    const bounce = row.bounce_id === null ? undefined : await store.bounces.get(row.bounce_id);
    if (!bounce) {
      // Nothing to say without the bounce; no retry can fix that.
      await store.outbox.markFailed(row.id, `bounce #${row.bounce_id} not found`, clock(), true);
      log.error({ outboxId: row.id, bounceId: row.bounce_id }, 'outbox row without its bounce; marked problem');
      return false;
    }
    const recipients = recipientsNow(row);
    if (recipients.length === 0) {
      await fail(row, bounce, new SendError('permanent', 'no recipients (NOTIFY_CC_TEST is empty in test mode)', 'ENORCPT'));
      return false;
    }
    let result: Awaited<ReturnType<typeof mailer.send>>;
    try {
      const mail = buildNotice(config, templates, bounce, recipients, await store.suppressions.addedByBounce(bounce.id));
      result = await mailer.send({ ...mail, messageId: noticeMessageId(config, row.id, row.created_at) });
    } catch (err) {
      const e =
        err instanceof SendError
          ? err
          : new SendError('permanent', `could not build the notice: ${errorText(err)}`, 'ERENDER', undefined, err);
      await fail(row, bounce, e);
      return false;
    }
    // Sent: from here on no failure is the relay's. If the store cannot record it (locked,
    // closed), say so; the row stays due and the notice may go out once more, which beats
    // counting a delivered notice as a failed attempt.
    try {
      await store.transaction(async (tx) => {
        await tx.outbox.markSent(row.id, clock());
        // Back to Processed after a retry; a Skipped row (a notified auto-reply) stays Skipped.
        const now = await tx.bounces.get(bounce.id);
        if (now && (now.status === 'retry_queued' || now.status === 'Problem')) await tx.bounces.setStatus(bounce.id, 'Processed', '');
      });
    } catch (err) {
      log.error({ err, bounceId: bounce.id, outboxId: row.id }, 'notice sent, but the store could not record it; it may be sent again');
    }
    metrics?.noticesSent.inc();
    board?.report('relay', {
      ok: true,
      detail: `last notice accepted by ${mailer.relay}`,
      facts: { lastResponse: result.response.slice(0, 200), lastSentAt: clock().toISOString() },
    });
    if (result.rejected.length > 0) {
      log.warn({ bounceId: bounce.id, rejected: result.rejected }, 'relay refused some notice recipients; sent to the rest');
    }
    log.info({ bounceId: bounce.id, outboxId: row.id, recipients: result.accepted.length, response: result.response }, 'notice sent');
    return true;
  }

  async function fail(row: OutboxRow, bounce: BounceRow, e: SendError): Promise<void> {
    const attempts = row.attempts + 1;
    // RETRY_MAX counts retries after the first attempt.
    const giveUp = attempts > config.notify.retryMax;
    const next = new Date(clock().getTime() + backoffDelay(attempts, backoff));
    const message = `${e.kind}: ${e.message}`;
    await store.transaction(async (tx) => {
      await tx.outbox.markFailed(row.id, message, next, giveUp);
      await tx.bounces.setStatus(bounce.id, giveUp ? 'Problem' : 'retry_queued', message, attempts);
    });
    metrics?.noticesFailed.inc({ kind: e.kind });
    if (e.code !== 'ENORCPT' && e.code !== 'ERENDER') {
      board?.report('relay', { ok: false, detail: message, facts: { lastFailureAt: clock().toISOString() } });
    }
    log.warn(
      { bounceId: bounce.id, outboxId: row.id, attempts, giveUp, nextAttemptAt: giveUp ? null : next.toISOString(), error: message },
      giveUp ? 'notice failed for the last time; bounce marked Problem' : 'notice failed; will retry',
    );
  }

  /** The rule facts of a recorded bounce's message, from its stored classification. */
  async function factsFromStore(tx: Repositories, b: BounceRow): Promise<MessageFacts> {
    const message = await tx.messages.get(b.message_id);
    // An unreadable stored classification reads as {}: the bounce row's own columns serve.
    const c = readStoredClassification(message?.classification ?? '{}');
    return {
      originalFrom: c.original?.from ?? b.original_from,
      originalCc: c.original?.cc ?? (b.email_cc ? [b.email_cc] : []),
      envelopeTo: (message?.envelope_to ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      failedInReport: failedAddresses(c.recipients ?? []),
      aboutReboundNotice: c.envelope?.aboutReboundNotice ?? false,
    };
  }

  async function retry(bounceId: number): Promise<{ queued: boolean; message: string }> {
    if (stopped) return { queued: false, message: 'rebound is shutting down' };
    const bounce = await store.bounces.get(bounceId);
    if (!bounce) return { queued: false, message: `there is no bounce #${bounceId}` };
    const outcome = await store.transaction(async (tx): Promise<{ queued: boolean; message: string }> => {
      const requeued = await tx.outbox.requeueForBounce(bounceId, clock());
      if (requeued > 0) {
        await tx.bounces.setStatus(bounceId, 'retry_queued', bounce.last_error, 0);
        return { queued: true, message: 'the notice is queued again and is being sent now' };
      }
      const s: NoticeSubject = { bounceId, kind: bounce.kind, bounceType: bounce.bounce_type, failedAddress: bounce.email_to };
      const facts = await factsFromStore(tx, bounce);
      const why = whyNoNotice(config, s, facts.aboutReboundNotice);
      if (why) return { queued: false, message: `no notice: ${why}` };
      // The same rules and caps as at intake: a retry is no way around them.
      const plan = await planNotices(config, tx, facts, [s], clock());
      const note = plan.notes.get(bounceId);
      if (note !== undefined) await tx.bounces.setNoticeNote(bounceId, note);
      const recipients = plan.notices[0]?.recipients ?? [];
      if (recipients.length === 0) {
        if (note?.startsWith('no notice')) return { queued: false, message: note };
        return {
          queued: false,
          message: config.testMode
            ? 'no notice: NOTIFY_CC_TEST is empty'
            : 'no notice: nobody to tell (NOTIFY_CC is empty and the message had no usable Cc)',
        };
      }
      const sentBefore = (await tx.outbox.forBounce(bounceId)).some((r) => r.state === 'sent');
      await tx.outbox.add({ bounceId, kind: 'notice', recipients }, clock());
      await tx.bounces.setStatus(bounceId, 'retry_queued', bounce.last_error, 0);
      return { queued: true, message: sentBefore ? 'the notice is being sent again' : 'a notice is planned and being sent now' };
    });
    log.info({ bounceId, ...outcome }, 'manual retry');
    if (outcome.queued) await queuePass();
    const after = await store.bounces.get(bounceId);
    if (outcome.queued && after) {
      const tail = after.status === 'Processed' ? ' (sent)' : after.last_error ? ` (not sent yet: ${after.last_error})` : '';
      return { queued: true, message: outcome.message + tail };
    }
    return outcome;
  }

  return {
    kick() {
      if (stopped || waiting) return;
      void queuePass().catch(() => {});
    },
    sendDue: () => queuePass(),
    retry,
    async stop() {
      stopped = true;
      await chain;
      mailer.close();
    },
  };
}
