// What a bounce notice says: built from the recorded bounce row alone, so a notice queued
// before a restart renders the same afterwards. The loop-safety headers live here.

import type { Config } from '../config.ts';
import { describeStatus } from '../core/status-codes.ts';
import type { BounceRow } from '../store/bounces.ts';
import type { OutgoingMail } from './mailer.ts';
import { reasonInWords } from './reason-words.ts';
import { cleanText, oneLine, type EmailTemplates } from './templates.ts';

/** The header that marks rebound's own notices; the classifier looks for it in returned headers. */
export const NOTICE_HEADER = 'X-Rebound-Notice';

/**
 * Diagnostic texts beyond this are cut: a hostile bounce may carry megabytes, and a notice is
 * no place to relay a stranger's essay (the classifier keeps 1000 as well).
 */
export const MAX_DIAGNOSTIC_CHARS = 1000;
/** Original subjects and other one-line fields beyond this are cut. */
export const MAX_LINE_CHARS = 200;
/** The original subject in the notice's own Subject line, at most (quoted, marked as such). */
export const MAX_SUBJECT_QUOTE_CHARS = 60;

/**
 * A stranger's text as quoted lines for the plain-text notice: each line prefixed with "> "
 * (the mail convention for quoted text), so it never reads as rebound's own words.
 */
export function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((l) => `  > ${l}`)
    .join('\n');
}

export function bounceUrl(config: Config, bounceId: number): string {
  return `${config.publicUrl}/bounces/${bounceId}`;
}

/** The data both notice templates receive. Every string here is unescaped; HTML escapes it. */
export function noticeData(config: Config, b: BounceRow, suppressed?: { at: string; expiresAt: string | null }) {
  const status = describeStatus(b.status_code);
  return {
    id: b.id,
    failedAddress: oneLine(b.email_to, MAX_LINE_CHARS),
    soft: b.bounce_type === 'soft',
    hard: b.bounce_type === 'hard',
    kind: b.kind,
    bounceType: b.bounce_type,
    reason: b.reason,
    reasonText: reasonInWords(b.reason),
    statusCode: b.status_code,
    statusMeaning: status.meaning,
    statusClass: status.class,
    replyCode: b.reply_code,
    diagnostic: cleanText(b.diagnostic, MAX_DIAGNOSTIC_CHARS),
    diagnosticQuoted: quoteLines(cleanText(b.diagnostic, MAX_DIAGNOSTIC_CHARS)),
    remoteMta: oneLine(b.remote_mta, MAX_LINE_CHARS),
    receivedAt: b.date,
    original: {
      subject: oneLine(b.original_subject, MAX_LINE_CHARS),
      date: oneLine(b.original_date, MAX_LINE_CHARS),
      messageId: oneLine(angleMessageId(b.original_message_id) ?? b.original_message_id, MAX_LINE_CHARS),
      from: oneLine(b.original_from, MAX_LINE_CHARS),
      to: oneLine(b.original_to, MAX_LINE_CHARS),
    },
    url: bounceUrl(config, b.id),
    testMode: config.testMode,
    maxQuoted: MAX_DIAGNOSTIC_CHARS,
    // Set when this bounce put the address on the suppression list (src/suppress/).
    suppressed: suppressed ? { since: suppressed.at.slice(0, 10), until: suppressed.expiresAt?.slice(0, 10) ?? '' } : undefined,
  };
}

/**
 * A stored Message-ID in its written form `<id@host>` (RFC 5322 section 3.6.4); the store may
 * hold it with or without the angle brackets. Undefined when it does not look like one.
 */
export function angleMessageId(stored: string): string | undefined {
  const id = stored.trim().replace(/^<(.*)>$/, '$1');
  return /^[^<>\s@]+@[^<>\s@]+$/.test(id) ? `<${id}>` : undefined;
}

/**
 * The subject line: what failed, for whom, and the original subject as a short quotation
 * (the bounce's sender wrote it: in quotes after "re:", never as rebound's own words).
 */
export function noticeSubject(b: BounceRow): string {
  const what = b.bounce_type === 'soft' ? 'Not delivered (temporary failure)' : 'Undeliverable';
  const about = oneLine(b.original_subject.replace(/"/g, "'"), MAX_SUBJECT_QUOTE_CHARS);
  return oneLine(`[rebound] ${what}: ${oneLine(b.email_to, 100)}${about ? ` (re: "${about}")` : ''}`, 200);
}

/**
 * The headers of every mail rebound sends (notices, the daily summary). `marker` says what the
 * mail is about (a bounce id, 'summary DAY'); a bounce that returns it is recorded but never
 * notified.
 */
export function loopSafetyHeaders(marker: string): Record<string, string> {
  return {
    // RFC 3834 section 5: an automatic message that is not a reply; well-behaved
    // responders (vacation, other bounce processors) do not answer it.
    'Auto-Submitted': 'auto-generated',
    [NOTICE_HEADER]: marker,
    // Exchange/Outlook: no out-of-office or other automatic replies to this.
    'X-Auto-Response-Suppress': 'All',
  };
}

/**
 * The Message-ID of one outbox row's notice, the same on every send of that row. A notice can
 * go out twice (the relay said 250, then the process died before recording it, and another
 * instance sent the row again after the claim ran out): with the same Message-ID, mail systems
 * that drop duplicates (by Message-ID) show it once. The row's creation time keeps ids of a
 * new database apart from an old one's.
 */
export function noticeMessageId(config: Config, outboxId: number, createdAt: string): string {
  return reboundMessageId(config, 'notice', [String(outboxId), base36Time(createdAt)]);
}

/**
 * A Message-ID the same each time the same mail is sent again, `<rebound.KIND.PART...@domain>`
 * with NOTIFY_FROM's domain: a receiver can tell a repeat by it.
 */
export function reboundMessageId(config: Config, kind: string, parts: readonly string[]): string {
  const domain = config.notify.from.split('@').pop() || 'localhost';
  return `<rebound.${[kind, ...parts].join('.')}@${domain}>`;
}

/** An ISO time as milliseconds in base 36 (short in a Message-ID); '0' if it is not a time. */
export function base36Time(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms.toString(36) : '0';
}

/** The whole notice, ready for the mailer. */
export function buildNotice(
  config: Config,
  templates: EmailTemplates,
  b: BounceRow,
  recipients: string[],
  suppressed?: { at: string; expiresAt: string | null },
): OutgoingMail {
  const { text, html } = templates.render('notice', noticeData(config, b, suppressed));
  const inReplyTo = angleMessageId(b.original_message_id);
  return {
    from: config.notify.from,
    to: recipients,
    subject: noticeSubject(b),
    text,
    html,
    headers: loopSafetyHeaders(String(b.id)),
    // Threads the notice under the message that bounced in the readers' mail clients.
    ...(inReplyTo ? { inReplyTo, references: inReplyTo } : {}),
  };
}
