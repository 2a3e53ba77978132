// The classifier: one received message in, what it is and why out. Pure: bytes to data,
// no database, no clock, no network; it never throws (unreadable input gives an error result).
//
// Flow: scan the MIME structure (mime.ts) -> an ARF feedback report makes a complaint; an
// RFC 3464 delivery-status part gives recipients and their fields (dsn.ts); otherwise the
// human-readable notice is read for failed addresses (prose.ts). recipients.ts gathers each
// recipient's fields; its reason comes from reason.ts (the text rules of rules/, the status
// and reply codes, the SMTP command) and its hard/soft call from hardness.ts, and every
// result records which rule or field decided it.

import type { Classification, ClassifyOptions, MessageKind, RecipientResult } from './types.ts';
import {
  decodeHeaderValue,
  entityText,
  headerValue,
  parseEntity,
  parseHeaderBlock,
  splitHeaderBody,
  toLfBinary,
  type Header,
  type MimeEntity,
  DSN_TYPES,
  MAX_NESTING_DEPTH,
  MAX_TEXT_CHARS,
  RETURNED_MESSAGE_TYPES,
} from './mime.ts';
import { parseDeliveryStatus, MAX_DSN_RECIPIENTS, recipientsWithAddresses } from './dsn.ts';
import { readSesNotification } from './lhost/amazon-ses.ts';
import { MAX_COMPLAINT_RECIPIENTS } from './lhost/arf.ts';
import { notesFailureReasons } from './lhost/notes.ts';
import { isPecEnvelope, readPecNotice } from './lhost/pec.ts';
import { refusalNotDead, refusalStatement, refusedAddress, returnedToAndCc } from './lhost/list-refusal.ts';
import { addressesIn, emptyOriginal, isReboundNotice, originalCuts, readOriginal, DEFAULT_TRACKING_HEADER } from './original.ts';
import { findProseRecipients, splitReturnedMessage, textOutsideBlocks, withoutGatewayFooters } from './prose.ts';
import {
  isAutoReply,
  isAutoReplyNotBounce,
  isListMailingWithoutAutoReplyFields,
  isBounceLike,
  isDelayNotice,
  isProseComplaint,
  proseFeedbackType,
  isRequestedReport,
  saysDeliverable,
  isSuccessReport,
  withoutSuccessHedge,
  looksLikeWholeBounce,
  isPersonsReply,
  isDaemonSender,
  isApplicationRefusal,
  filterRejectionRecipient,
  challengeNotice,
  isListNotice,
  BOUNCE_SUBJECT,
} from './detection.ts';
import {
  complaintRecipients,
  fromDsn,
  fromProse,
  nonBounceRecipient,
  noticeRecipients,
  notRecipients,
  failedInNotice,
  sesDeliveryStatus,
  verpRecipient,
  withSesHint,
} from './recipients.ts';
import { fullParseTrigger, readWithMailparser, FULL_PARSE_TIMEOUT_MS, type FullParseTrigger } from './full-parse.ts';

export { MAX_DIAGNOSTIC_CHARS } from './recipients.ts';

/** A bounce forwarded inside a bounce is looked into this many levels deep. */
const MAX_FORWARD_DEPTH = 2;

/**
 * Classifies one message; never throws. The bounded scanner reads it first; a message the
 * scan shows it could not read whole (past its bounds, an unknown charset, a report with no
 * recipient found) is read again by mailparser (full-parse.ts) and decided by the same code.
 */
export async function classify(raw: Buffer, opts: ClassifyOptions = {}): Promise<Classification> {
  const { result, trigger } = classifyFast(raw, opts);
  if (!trigger) return result;
  return classifyWithFullParser(raw, opts, result, trigger);
}

/**
 * classify()'s first half: the scanner's answer, and why the full parser must read the
 * message too ('' when the answer stands). Lets the service send only those messages to the
 * worker thread, where mailparser is loaded (classify-thread.ts).
 */
export function classifyFast(raw: Buffer, opts: ClassifyOptions = {}): { result: Classification; trigger: FullParseTrigger } {
  const scanned = scanAndClassify(raw, opts);
  let trigger: FullParseTrigger;
  try {
    trigger = Buffer.isBuffer(raw) ? fullParseTrigger(raw, scanned.root, scanned.result) : '';
  } catch {
    trigger = '';
  }
  return { result: scanned.result, trigger };
}

/**
 * The slow path: mailparser reads the message, classifyEntity decides. Its answer replaces
 * the scanner's unless it found nothing where the scanner found recipients. A mailparser
 * failure or timeout keeps the scanner's recipients when there were any, else gives the
 * error result.
 */
export async function classifyWithFullParser(
  raw: Buffer,
  opts: ClassifyOptions,
  fast: Classification,
  trigger: Exclude<FullParseTrigger, ''>,
  timeoutMs = FULL_PARSE_TIMEOUT_MS,
): Promise<Classification> {
  let full: Classification;
  try {
    const root = await readWithMailparser(raw, timeoutMs);
    if (root.headers.length === 0) throw new Error('no header fields');
    full = classifyEntity(root, opts);
  } catch (err) {
    if (fast.recipients.length) return fast;
    return errorResult(`unreadable message (full parse after ${trigger}): ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!full.recipients.length && fast.recipients.length) return fast;
  for (const r of full.recipients) r.decidedBy.unshift('parser:mailparser', `full-parse:${trigger}`);
  return full;
}

/** Classifies one message synchronously with the bounded scanner alone; never throws. */
export function classifySync(raw: Buffer, opts: ClassifyOptions = {}): Classification {
  return scanAndClassify(raw, opts).result;
}

/** The fast path: scan and decide. The scanned tree is returned for the slow-path check. */
function scanAndClassify(raw: Buffer, opts: ClassifyOptions): { result: Classification; root?: MimeEntity } {
  try {
    if (!Buffer.isBuffer(raw)) return { result: errorResult('input is not a byte buffer') };
    if (raw.length === 0) return { result: errorResult('empty message') };
    const text = toLfBinary(raw);
    const root = parseEntity(text);
    if (root.headers.length === 0) return { result: errorResult('no header fields: not an email message'), root };
    return { result: classifyEntity(root, opts), root };
  } catch (err) {
    return { result: errorResult(`unreadable message: ${err instanceof Error ? err.message : String(err)}`) };
  }
}

function errorResult(message: string): Classification {
  return {
    kind: 'not-bounce',
    recipients: [],
    original: emptyOriginal(),
    envelope: { subject: '', from: '', date: '', messageId: '', aboutReboundNotice: false },
    error: message,
  };
}

interface Located {
  report?: MimeEntity;
  /** An MDN's message/disposition-notification part (a Sieve reject's, RFC 5429 2.1). */
  mdn?: MimeEntity;
  feedback?: MimeEntity;
  returned?: MimeEntity;
  texts: MimeEntity[];
}

/** Finds the parts that matter, without descending into the returned message. */
function locateParts(root: MimeEntity): Located {
  const found: Located = { texts: [] };
  const visit = (e: MimeEntity, depth: number) => {
    if (depth > MAX_NESTING_DEPTH) return;
    if (e.parts.length) {
      for (const p of e.parts) visit(p, depth + 1);
      return;
    }
    if (DSN_TYPES.has(e.contentType)) found.report ??= e;
    else if (e.contentType === 'message/feedback-report') found.feedback ??= e;
    else if (e.contentType === 'message/disposition-notification') found.mdn ??= e;
    else if (RETURNED_MESSAGE_TYPES.has(e.contentType)) found.returned ??= e;
    else if (e.contentType === 'text/plain' || e.contentType === 'text/html' || (e.contentType.startsWith('text/') && e !== root))
      found.texts.push(e);
  };
  visit(root, 0);
  return found;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(?:script|style)[\s\S]*?<\/(?:script|style)>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/gi, '&')
    .replace(/[ \t]+/g, ' ');
}

function textOf(e: MimeEntity): string {
  const t = entityText(e);
  return e.contentType === 'text/html' ? htmlToText(t) : t;
}

function classifyEntity(root: MimeEntity, opts: ClassifyOptions): Classification {
  const top = root.headers;
  const topGet = (n: string) => decodeHeaderValue(headerValue(top, n)).trim();
  const envelopeFrom = topGet('from');
  const subject = topGet('subject');
  const located = locateParts(root);

  // The human-readable notice and the returned message.
  let notice = '';
  let returnedText = '';
  let returnedHeaders: Header[] = [];
  if (root.parts.length === 0 && !RETURNED_MESSAGE_TYPES.has(root.contentType) && !DSN_TYPES.has(root.contentType)) {
    const split = splitReturnedMessage(textOf(root));
    notice = withoutGatewayFooters(split.notice);
    returnedText = split.returned;
    if (split.returned) returnedHeaders = parseHeaderBlock(splitHeaderBody(split.returned).head);
  } else {
    const texts = located.texts.filter((t) => t.contentType !== 'text/rfc822-headers');
    const plain = texts.find((t) => t.contentType === 'text/plain' && t.body.trim()) ?? texts.find((t) => t.body.trim());
    if (plain) {
      const split = splitReturnedMessage(textOf(plain));
      notice = withoutGatewayFooters(split.notice);
      if (!located.returned && split.returned) returnedHeaders = parseHeaderBlock(splitHeaderBody(split.returned).head);
    }
  }
  if (located.returned?.message) returnedHeaders = located.returned.message.headers;
  else if (located.returned) returnedHeaders = parseHeaderBlock(splitHeaderBody(entityText(located.returned)).head);

  const original = returnedHeaders.length ? readOriginal(returnedHeaders, opts.trackingHeader ?? DEFAULT_TRACKING_HEADER) : emptyOriginal();
  const envelope = {
    subject,
    from: addressesIn(envelopeFrom)[0] ?? '',
    date: topGet('date'),
    messageId: topGet('message-id').replace(/^<|>$/g, ''),
    aboutReboundNotice: isReboundNotice(returnedHeaders),
  };
  // What the bounds below leave out; filled as the message is read, shown with the result.
  const truncated: string[] = [...originalCuts(returnedHeaders)];
  const result = (kind: MessageKind, recipients: RecipientResult[]): Classification => ({
    kind,
    recipients,
    original,
    envelope,
    ...(truncated.length ? { truncated } : {}),
  });

  // An Italian certified-mail (PEC) provider's envelope (a transport envelope, or the anomaly
  // envelope that wraps mail from outside PEC, a bounce included) carries the message it
  // delivers as an attachment: that message is what arrived, the envelope's text is the
  // provider's (lhost/pec.ts).
  const carried = located.returned?.message;
  if (isPecEnvelope(top) && carried?.headers.length && root.depth < MAX_FORWARD_DEPTH) {
    const nested = classifyEntity(carried, opts);
    for (const r of nested.recipients) r.decidedBy.unshift('pec:envelope');
    return { ...nested, envelope };
  }

  // ARF complaint (RFC 5965): a message/feedback-report part, or its fields in a text part.
  const reportType = (root.params['report-type'] ?? '').toLowerCase();
  const feedbackFields = located.feedback
    ? parseHeaderBlock(entityText(located.feedback).replace(/^\n+/, ''))
    : feedbackFieldsInText(located.texts);
  if (located.feedback || reportType === 'feedback-report' || feedbackFields.length) {
    const reported = returnedHeaders.length ? returnedHeaders : reportedHeadersInText(located.texts);
    const complaint = complaintRecipients(feedbackFields, reported);
    if (complaint.namedInReport)
      truncated.push(
        `the feedback report names ${complaint.namedInReport} or more recipients; only the first ${complaint.recipients.length} were taken`,
      );
    return result('complaint', complaint.recipients);
  }
  // Apple Mail's one-click unsubscribe: an opt-out complaint from the From address.
  if (/^\s*true/i.test(headerValue(top, 'x-apple-unsubscribe'))) {
    const who = addressesIn(envelopeFrom)[0] ?? '';
    return result('complaint', [{ ...nonBounceRecipient(who, 'feedback', ['header:X-Apple-Unsubscribe']), feedbackType: 'opt-out' }]);
  }
  // Microsoft's JMRP complaints: the reported message attached with the complainer's address
  // in X-HmXmrOriginalRecipient, and no feedback-report part.
  // An older feedback loop's report, or a forwarded spam report: the reported message attached
  // and words saying it was reported, but no feedback-report part. Either names one recipient
  // through the reported message (lhost/arf.ts), or nobody.
  // An automatic reply is never a prose complaint: an Out of Office may mention complaints
  // ("for a spam complaint, write to abuse@...") and quote the message it answers.
  const jmrp = addressesIn(headerValue(returnedHeaders, 'x-hmxmroriginalrecipient')).length > 0;
  const proseComplaint =
    !jmrp &&
    located.returned &&
    !located.report &&
    isProseComplaint(notice, subject) &&
    !isBounceLike(top, envelopeFrom, subject, notice) &&
    !isAutoReply(top, envelopeFrom, subject) &&
    !isAutoReplyNotBounce(top, envelopeFrom, subject);
  if (jmrp || proseComplaint) {
    // A prose report of a failed authentication (OpenDMARC's words) keeps its type, so that
    // it never suppresses the recipient as a complaint would.
    const type = jmrp ? 'abuse' : proseFeedbackType(notice, subject);
    const complaint = complaintRecipients([], returnedHeaders, type);
    if (!jmrp) for (const r of complaint.recipients) r.decidedBy.unshift('complaint:prose');
    return result('complaint', complaint.recipients);
  }

  // Addresses that are surely not failed recipients.
  const { exclude, weak } = notRecipients(envelopeFrom, topGet('to'), original.from);
  // An Italian certified-mail provider's notice of non-delivery names its recipient in its
  // certification data (lhost/pec.ts), not in words the prose reader knows.
  const pec = readPecNotice(top, root);
  const proseRecipients =
    pec?.recipients ?? (notice ? (notesFailureReasons(notice, exclude) ?? findProseRecipients(notice, exclude, weak)) : []);

  // RFC 3464 delivery-status part; some MTAs put the same fields inline in a text part.
  // Decoded once, here: without a charset label 8-bit text is read as UTF-8 (as RFC 6533
  // requires of message/global-delivery-status, whatever its label says).
  let dsnText = located.report
    ? entityText(located.report, located.report.contentType === 'message/global-delivery-status' ? 'utf-8' : undefined)
    : '';
  // entityText stops at MAX_TEXT_CHARS: the report's last group may then be cut in half.
  let dsnCutShort = dsnText.length >= MAX_TEXT_CHARS;
  if (!dsnText) {
    const inline = inlineDeliveryStatus(notice);
    dsnText = inline.text;
    dsnCutShort = inline.cutShort;
  }
  const dsn = dsnText ? parseDeliveryStatus(dsnText, dsnCutShort) : undefined;
  if (dsn?.recipientGroupsInReport !== undefined) {
    truncated.push(
      `the delivery-status report names ${dsn.recipientGroupsInReport}${dsnCutShort ? ' or more' : ''} recipients; only the first ${dsn.recipients.length} were read (limit ${MAX_DSN_RECIPIENTS})`,
    );
  } else if (dsnCutShort) {
    truncated.push(
      `the delivery-status report is longer than ${MAX_TEXT_CHARS} characters; only the recipients before that point were read`,
    );
  }
  const failedHeader = addressesIn(topGet('x-failed-recipients'));
  const dsnRecipients = recipientsWithAddresses(dsn, [...proseRecipients.map((p) => p.address), ...failedHeader]);
  // Amazon SES events delivered by mail (JSON in the body) carry the same fields as a DSN.
  const ses = dsnRecipients.length ? undefined : readSesNotification(notice);
  if (ses?.type === 'complaint') {
    return result(
      'complaint',
      // Anyone can mail this JSON: believe no more complainers than an ARF report's fields.
      ses.recipients.slice(0, MAX_COMPLAINT_RECIPIENTS).map((r) => ({
        ...nonBounceRecipient(r.address, 'feedback', [`ses:Complaint ${ses.feedbackType}`]),
        feedbackType: ses.feedbackType,
      })),
    );
  }
  if (ses) dsnRecipients.push(...sesDeliveryStatus(ses));

  // An Out of Office that quotes a bounce: the quoted failure is not this message's.
  // Who replied: the From, else the Return-Path (RFC 3834 section 3.3 asks for a null one).
  const replier = addressesIn(envelopeFrom)[0] ?? addressesIn(topGet('return-path'))[0] ?? '';
  // A list's or a help desk's refusal of the sender's message: a refusal of that message,
  // whatever automatic-reply fields the product writes on it (Discourse, OTRS, osTicket).
  const refusal = !located.report && isApplicationRefusal(top, envelopeFrom, subject, notice);
  // A challenge-response system holds the message until its sender proves a person sent it:
  // an automatic reply asking for action, the message on hold (never a dead address). Its word
  // that the answer was accepted says the message was delivered.
  const challenge =
    !dsnRecipients.length && !located.report && !failedHeader.length && !refusal
      ? challengeNotice(top, envelopeFrom, subject, notice)
      : undefined;
  if (challenge?.state === 'held')
    return result('autoreply', [{ ...nonBounceRecipient(replier, 'onhold', ['autoreply:challenge']), diagnostic: challenge.words }]);
  // Its word that the answer was accepted is no failure and no automatic reply; it names no
  // recipient as delivered either: anyone can write those words, and a "delivered" answer must
  // never lift an address's suppression.
  if (challenge?.state === 'released') return result('not-bounce', []);
  if (!dsnRecipients.length && !located.report && !failedHeader.length && !refusal && isAutoReplyNotBounce(top, envelopeFrom, subject)) {
    if (isListMailingWithoutAutoReplyFields(top)) return result('not-bounce', []);
    return result('autoreply', [nonBounceRecipient(replier, 'vacation', ['autoreply:headers'])]);
  }

  const recipients: RecipientResult[] = [];
  if (dsnRecipients.length) {
    const shared =
      dsnRecipients.length > 1
        ? textOutsideBlocks(
            notice,
            proseRecipients,
            dsnRecipients.flatMap((r) => [r.finalRecipient, r.originalRecipient].filter(Boolean)),
          )
        : undefined;
    for (const r of dsnRecipients) recipients.push(fromDsn(r, proseRecipients, notice, dsn?.message ?? {}, shared));
    // An SES event's recipients are all of dsnRecipients, in order: each takes its subtype's reason.
    if (ses) ses.recipients.forEach((s, i) => (recipients[i] = withSesHint(recipients[i], s)));
  } else {
    // Exchange's "Delivered:" notice reads like a bounce to isBounceLike; its "Relayed:" like nothing.
    const reportsSuccess = !failedHeader.length && isSuccessReport(envelopeFrom, subject, notice);
    const looksLikeBounce = Boolean(located.report) || Boolean(pec) || isBounceLike(top, envelopeFrom, subject, notice);
    if (looksLikeBounce || reportsSuccess) {
      // A refusal that is a bounce by its refusal alone (no delivery system's sender, no bounce's
      // subject, no report) names no failed recipient in its text: addresses it quotes (a
      // person's "550 User unknown" a help desk passes back) are not this message's failures.
      const refusalOnly = refusal && !failedHeader.length && !isDaemonSender(envelopeFrom) && !BOUNCE_SUBJECT.test(subject);
      const found = noticeRecipients(refusalOnly ? [] : proseRecipients, failedHeader, weak, () => verpRecipient(opts, returnedHeaders));
      // The recipient a refusal names of itself (a list's, a help desk's, a Sieve reject's):
      // the refusal's own words decide its reason, and never make that address dead.
      let fromRefusal: 'rejected' | 'filtered' | undefined = refusalOnly ? 'rejected' : undefined;
      if (pec) found.decidedBy.unshift(...pec.decidedBy);
      // A Sieve reject's MDN whose text names no address (Cyrus's "Your message was automatically
      // rejected by Sieve"): the recipient is its disposition-notification part's Final-Recipient.
      if (!found.recipients.length && located.mdn) {
        const refuser = filterRejectionRecipient(notice, entityText(located.mdn), returnedToAndCc(returnedHeaders));
        if (refuser) {
          found.recipients = [{ address: refuser, lines: [] }];
          found.decidedBy.push('mdn:Final-Recipient');
          fromRefusal = 'filtered';
        }
      }
      if (!found.recipients.length && refusal) {
        const refused = refusedAddress(top, returnedHeaders, envelopeFrom, subject, notice);
        if (refused) {
          found.recipients = [{ address: refused.address, lines: [] }];
          found.decidedBy.push(`refusal:${refused.from}`);
          fromRefusal = 'rejected';
        }
      }
      const delayed = pec ? pec.delayed : isDelayNotice(notice, subject);
      // A success report's "you may still receive notifications of delivery errors" is no failure's text.
      const failureText = reportsSuccess ? withoutSuccessHedge(notice) : fromRefusal ? refusalStatement(subject, notice) : notice;
      const shared =
        found.recipients.length > 1
          ? textOutsideBlocks(
              failureText,
              proseRecipients,
              found.recipients.map((p) => p.address),
            )
          : undefined;
      const named = failedInNotice(found.recipients, notice, delayed);
      const failures = looksLikeBounce
        ? named.map((p) =>
            // One of several named (others still being tried) reads its own block, not the whole notice.
            fromProse(p, failureText, delayed, found.decidedBy, found.recipients.length === 1, shared),
          )
        : [];
      // A notice that reads like a bounce is a success report only if no recipient's text
      // carries a reply code, a status or a reason rule's match: "delivered to the server of
      // example.net, but the mailbox is full" is a failure.
      const succeeded = reportsSuccess && !failures.some(carriesFailure);
      if (succeeded)
        for (const p of found.recipients)
          recipients.push({ ...nonBounceRecipient(p.address, 'delivered', ['success:notice']), action: 'delivered' });
      else if (isRequestedReport(notice))
        // A report the sender asked for (sendmail -bv / -v) holds successes and failures side
        // by side: a recipient whose own line says delivery works, and carries no failure, is one.
        failures.forEach((f, i) =>
          recipients.push(
            !carriesFailure(f) && saysDeliverable(named[i].lines)
              ? { ...nonBounceRecipient(f.address, 'delivered', ['report:requested', 'success:recipient line']), action: 'delivered' }
              : f,
          ),
        );
      else if (fromRefusal) {
        // A list's, a help desk's or a mailbox filter's refusal says it refused; it never says its
        // own address, nor the one the post was written to, is dead, whatever a quoted reply or a
        // filter's reason text beside it says.
        const refusedAs = fromRefusal;
        recipients.push(...failures.map((f) => (f.bounceType === 'hard' ? refusalNotDead(f, refusedAs) : f)));
      } else recipients.push(...failures);
    }
  }

  if (recipients.length === 0) {
    // A bounce forwarded as an attachment or quoted whole: classify the inner one.
    const inner = located.returned?.message ?? (returnedText ? parseEntity(returnedText, root.depth + 1) : undefined);
    if (
      inner &&
      root.depth < MAX_FORWARD_DEPTH &&
      // A list's probe or bounce warning attaches a bounce of the list's mail to its reader.
      !isListNotice(top) &&
      inner.headers.length &&
      // A person's forward of a shop's or a parcel service's "could not be delivered" mail is
      // no notice: from a person, the inner message must be a report or a delivery system's.
      looksLikeWholeBounce(inner, isDaemonSender(envelopeFrom)) &&
      !isPersonsReply(envelopeFrom, subject)
    ) {
      const nested = classifyEntity(inner, opts);
      if (nested.recipients.length) {
        for (const r of nested.recipients) r.decidedBy.unshift('forwarded-bounce');
        return { ...nested, envelope };
      }
    }
    if (isAutoReply(top, envelopeFrom, subject)) {
      return result('autoreply', [nonBounceRecipient(replier, 'vacation', ['autoreply:headers'])]);
    }
    return result('not-bounce', []);
  }

  // A VERP envelope names the recipient when the report names none we can read.
  for (const r of recipients) {
    if (!r.address) {
      const verp = verpRecipient(opts, returnedHeaders);
      if (verp) {
        r.address = verp;
        r.decidedBy.push('verp');
      }
    }
  }

  let kind: MessageKind;
  if (recipients.some((r) => r.action === 'failed')) kind = 'bounce';
  else if (recipients.some((r) => r.action === 'delayed')) kind = 'delay';
  else if (recipients.every((r) => r.reason === 'delivered')) kind = 'not-bounce';
  else kind = 'bounce';
  return result(kind, recipients);
}

/** DSN fields written inline in a text part (no message/delivery-status part). */
function inlineDeliveryStatus(notice: string): { text: string; cutShort: boolean } {
  const at = notice.search(/^(?:Reporting-MTA|Final-Recipient|Original-Recipient)\s*:/im);
  if (at < 0) return { text: '', cutShort: false };
  const tail = notice.slice(at, at + INLINE_DSN_CHARS);
  return /^(?:Status|Action)\s*:/im.test(tail)
    ? { text: tail, cutShort: notice.length > at + INLINE_DSN_CHARS }
    : { text: '', cutShort: false };
}

/**
 * Feedback-report fields written in a text part instead of a message/feedback-report part:
 * a part that starts with Feedback-Type and carries RFC 5965's Version or User-Agent.
 * [] when no part does.
 */
function feedbackFieldsInText(texts: MimeEntity[]): Header[] {
  for (const t of texts.slice(0, MAX_PARTS_SEARCHED)) {
    // Every message's text parts pass here: look at the start, and copy a body only when it is one.
    if (!/^\s*feedback-type\s*:/i.test(t.body.slice(0, FEEDBACK_START_CHARS))) continue;
    const fields = parseHeaderBlock(splitHeaderBody(t.body.replace(/^\s+/, '')).head);
    if (headerValue(fields, 'version') || headerValue(fields, 'user-agent')) return fields;
  }
  return [];
}

/**
 * The reported message's header fields when a report pastes it into a text part (after the
 * human-readable one) instead of attaching it: a part that starts with a From, To or
 * Subject field.
 */
function reportedHeadersInText(texts: MimeEntity[]): Header[] {
  for (const t of texts.slice(1, MAX_PARTS_SEARCHED)) {
    const text = entityText(t).replace(/^\s+/, '');
    if (!/^(?:[a-z0-9-]+:.*\n)*(?:from|to|subject):/i.test(text.slice(0, 4096))) continue;
    return parseHeaderBlock(splitHeaderBody(text).head);
  }
  return [];
}

/** Text parts of a report looked at for feedback fields or a pasted reported message. */
const MAX_PARTS_SEARCHED = 8;
/** Characters at a text part's start where its feedback fields must begin (blank lines first). */
const FEEDBACK_START_CHARS = 1024;

/** Inline delivery-status fields read from a text part, at most. */
const INLINE_DSN_CHARS = 64 * 1024;

/** A recipient read from a notice whose own text says it failed: a reply code, a status, a reason rule's match. */
function carriesFailure(r: RecipientResult): boolean {
  return Boolean(r.replyCode) || r.decidedBy.some((d) => /^(?:text:status |rule:|named-cause:)/.test(d));
}
