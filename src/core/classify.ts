// The classifier: one received message in, what it is and why out. Pure: bytes to data,
// no database, no clock, no network; it never throws (unreadable input gives an error result).
//
// Flow: scan the MIME structure (mime.ts) -> an ARF feedback report makes a complaint; an
// RFC 3464 delivery-status part gives recipients and their fields (dsn.ts); otherwise the
// human-readable notice is read for failed addresses (prose.ts). Each recipient's reason comes
// from the text rules (rules/) or the status code (status-codes.ts), and every result records
// which rule or field decided it.

import type { BounceType, Classification, ClassifyOptions, MessageKind, Reason, RecipientResult } from './types.ts';
import {
  decodeHeaderValue, entityText, headerValue, parseEntity, parseHeaderBlock, splitHeaderBody,
  toLfBinary, type Header, type MimeEntity, DSN_TYPES, MAX_NESTING_DEPTH, RETURNED_MESSAGE_TYPES,
} from './mime.ts';
import { isMailbox, normaliseAddress, parseDeliveryStatus, recipientsWithAddresses, splitTyped, type DsnRecipientFields } from './dsn.ts';
import { complaintRecipients as arfComplaintRecipients } from './lhost/arf.ts';
import { readSesNotification, type SesNotification } from './lhost/amazon-ses.ts';
import { addressesIn, decodeVerp, emptyOriginal, isReboundNotice, readOriginal, DEFAULT_TRACKING_HEADER } from './original.ts';
import { findProseRecipients, replyCodeInText, splitReturnedMessage, statusInText, type ProseRecipient } from './prose.ts';
import { matchReason, ruleMatches } from './rules/compile.ts';
import { fallbackReasonForStatus, isDecisiveStatus, reasonForStatus } from './status-codes.ts';
import { fullParseTrigger, readWithMailparser, FULL_PARSE_TIMEOUT_MS, type FullParseTrigger } from './full-parse.ts';

/** A bounce forwarded inside a bounce is looked into this many levels deep. */
const MAX_FORWARD_DEPTH = 2;
/** Diagnostic text kept per recipient. */
export const MAX_DIAGNOSTIC_CHARS = 1000;

const HARD_REASONS = new Set<Reason>(['userunknown', 'hostunknown', 'hasmoved']);
const NON_BOUNCE_REASONS = new Set<Reason>(['feedback', 'vacation', 'delivered']);

/** Local parts and display names of automatic senders: never a failed recipient. */
const DAEMON_SENDER = /^(?:mailer-daemon|post[_-]?master|mail[ -]?delivery[ -]?(?:system|subsystem)?|maildelivery|mdaemon|mail[_-]?daemon|bounces?|double-bounce|nobody|noreply|no-reply|root)$/i;
/** Subjects of delivery failure notices across MTAs and languages. */
const BOUNCE_SUBJECT = /undeliver|undelivered|returned mail|return(?:ed)? to sender|delivery (?:status notification|failure|failed|has failed|problem|report|notification)|failure notice|mail delivery|non[- ]?delivery|could not be delivered|delivery unsuccessful|nicht zustellbar|unzustellbar|non remis|échec de la remise|no se puede entregar|mail failure|failed mail|mail (?:system )?error|warning: could not send|delayed mail|message not delivered|bounce|rejected|not delivered|permanent (?:error|failure)|unsuccessful|returned|配信|不達|エラー/i;
/** Phrases in a notice that say delivery failed. */
const FAILURE_STATEMENT = /could not be delivered|couldn'?t be delivered|wasn'?t delivered|was not delivered|undeliverable|delivery (?:has )?failed|failed to deliver|permanent(?:ly)? (?:error|fail)|unable to deliver|not able to deliver|delivery to the following|following (?:address|recipient)|could not deliver|failure notice|returned to sender|message was rejected|was rejected|delivery problem|not be delivered|failed permanently|delivery error|did not reach|error delivering|delivery failure|bounced|kein zustellung|nicht zugestellt|no se ha podido entregar/i;
/** Notices that say delivery is only delayed and still being tried (a warning, not a bounce). */
const DELAY_STATEMENT = /(?:will (?:continue|keep) (?:trying|to try|attempting)|still (?:trying|being retried|be retried)|will (?:be )?retr(?:y|ied)|not yet been delivered|has been delayed|is delayed|delay(?:ed)? (?:warning|notification|mail)|no action is required on your part|warning: (?:could not send|message .* delayed)|delivery attempts will continue)/i;
const GIVEN_UP = /gave up|given up|giving up|permanent|failed permanently|could not be delivered|will not be delivered|has been returned|no further attempts|undeliverable/i;
const AUTOREPLY_SUBJECT = /^(?:re:\s*)?(?:auto(?:matic)?[ -]?(?:reply|response|answer|antwort)|auto:|autoreply|out of (?:the )?office|away from|on vacation|vacation|abwesen|absence|r[ée]ponse automatique|respuesta autom|自動応答|不在)/i;

/**
 * Classifies one message; never throws. The bounded scanner reads it first; a message the
 * scan shows it could not read whole (past its bounds, an unknown charset, a report with no
 * recipient found) is read again by mailparser (full-parse.ts) and decided by the same code.
 */
export async function classify(raw: Buffer, opts: ClassifyOptions = {}): Promise<Classification> {
  const scanned = scanAndClassify(raw, opts);
  let trigger: FullParseTrigger;
  try {
    trigger = Buffer.isBuffer(raw) ? fullParseTrigger(raw, scanned.root, scanned.result) : '';
  } catch {
    trigger = '';
  }
  if (!trigger) return scanned.result;
  return classifyWithFullParser(raw, opts, scanned.result, trigger);
}

/**
 * The slow path: mailparser reads the message, classifyEntity decides. Its answer replaces
 * the scanner's unless it found nothing where the scanner found recipients. A mailparser
 * failure or timeout keeps the scanner's recipients when there were any, else gives the
 * error result.
 */
export async function classifyWithFullParser(
  raw: Buffer, opts: ClassifyOptions, fast: Classification, trigger: Exclude<FullParseTrigger, ''>, timeoutMs = FULL_PARSE_TIMEOUT_MS,
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
    else if (RETURNED_MESSAGE_TYPES.has(e.contentType)) found.returned ??= e;
    else if (e.contentType === 'text/plain' || e.contentType === 'text/html' || (e.contentType.startsWith('text/') && e !== root)) found.texts.push(e);
  };
  visit(root, 0);
  return found;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(?:script|style)[\s\S]*?<\/(?:script|style)>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ').replace(/&lt;/gi, '<').replace(/&gt;/gi, '>').replace(/&quot;/gi, '"').replace(/&#39;/g, "'").replace(/&amp;/gi, '&')
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
    notice = split.notice;
    returnedText = split.returned;
    if (split.returned) returnedHeaders = parseHeaderBlock(splitHeaderBody(split.returned).head);
  } else {
    const texts = located.texts.filter((t) => t.contentType !== 'text/rfc822-headers');
    const plain = texts.find((t) => t.contentType === 'text/plain' && t.body.trim()) ?? texts.find((t) => t.body.trim());
    if (plain) {
      const split = splitReturnedMessage(textOf(plain));
      notice = split.notice;
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
  const result = (kind: MessageKind, recipients: RecipientResult[]): Classification => ({ kind, recipients, original, envelope });

  // ARF complaint (RFC 5965): a message/feedback-report part.
  const reportType = (root.params['report-type'] ?? '').toLowerCase();
  if (located.feedback || reportType === 'feedback-report') {
    return result('complaint', complaintRecipients(located.feedback, original));
  }
  // Apple Mail's one-click unsubscribe: an opt-out complaint from the From address.
  if (/^\s*true/i.test(headerValue(top, 'x-apple-unsubscribe'))) {
    const who = addressesIn(envelopeFrom)[0] ?? '';
    return result('complaint', [nonBounceRecipient(who, 'feedback', ['header:X-Apple-Unsubscribe'])]);
  }
  // Microsoft's JMRP complaints: the reported message attached with the complainer's address
  // in X-HmXmrOriginalRecipient, and no feedback-report part.
  const jmrp = headerValue(returnedHeaders, 'x-hmxmroriginalrecipient');
  if (jmrp && addressesIn(jmrp).length) {
    return result('complaint', addressesIn(jmrp).map((a) => nonBounceRecipient(a, 'feedback', ['arf:X-HmXmrOriginalRecipient'])));
  }

  // Addresses that are surely not failed recipients.
  const exclude = new Set<string>();
  for (const a of addressesIn(envelopeFrom)) exclude.add(a.toLowerCase());
  const weak = new Set<string>();
  for (const a of addressesIn(topGet('to'))) weak.add(a.toLowerCase());
  if (original.from) weak.add(original.from.toLowerCase());
  const proseRecipients = notice ? findProseRecipients(notice, exclude, weak) : [];

  // RFC 3464 delivery-status part; some MTAs put the same fields inline in a text part.
  let dsnText = located.report ? entityText(located.report) : '';
  if (located.report?.contentType === 'message/global-delivery-status' || /[^\x00-\x7f]/.test(dsnText)) dsnText = utf8IfValid(dsnText);
  if (!dsnText) dsnText = inlineDeliveryStatus(notice);
  const dsn = dsnText ? parseDeliveryStatus(dsnText) : undefined;
  const failedHeader = addressesIn(topGet('x-failed-recipients'));
  const dsnRecipients = recipientsWithAddresses(dsn, [...proseRecipients.map((p) => p.address), ...failedHeader]);
  // Amazon SES events delivered by mail (JSON in the body) carry the same fields as a DSN.
  const ses = dsnRecipients.length ? undefined : readSesNotification(notice);
  if (ses?.type === 'complaint') {
    return result('complaint', ses.recipients.map((r) => nonBounceRecipient(r.address, 'feedback', [`ses:Complaint ${ses.feedbackType}`])));
  }
  if (ses) dsnRecipients.push(...sesDeliveryStatus(ses));

  const recipients: RecipientResult[] = [];
  if (dsnRecipients.length) {
    for (const r of dsnRecipients) recipients.push(fromDsn(r, proseRecipients, notice, dsn?.message ?? {}));
  } else {
    const looksLikeBounce = Boolean(located.report) || isBounceLike(top, envelopeFrom, subject, notice);
    if (looksLikeBounce) {
      let prose: ProseRecipient[] = proseRecipients;
      const decidedExtra: string[] = [];
      // X-Failed-Recipients (Exim, Google) lists the failed addresses: a notice that names only
      // the sender it writes to ("kijitora@example.jp 様", a greeting) names no failed one.
      if (failedHeader.length) {
        const listed = new Set(failedHeader.map((a) => a.toLowerCase()));
        prose = prose.filter((p) => listed.has(p.address.toLowerCase()) || !weak.has(p.address.toLowerCase()));
      }
      if (!prose.length && failedHeader.length) {
        prose = failedHeader.map((address) => ({ address, lines: [] }));
        decidedExtra.push('header:X-Failed-Recipients');
      }
      if (!prose.length) {
        const verp = verpRecipient(opts, returnedHeaders);
        if (verp) {
          prose = [{ address: verp, lines: [] }];
          decidedExtra.push('verp');
        }
      }
      const delayed = DELAY_STATEMENT.test(notice.slice(0, 8192) + '\n' + subject) && !GIVEN_UP.test(notice.slice(0, 8192));
      for (const p of prose) recipients.push(fromProse(p, notice, delayed, decidedExtra, prose.length === 1));
    }
  }

  if (recipients.length === 0) {
    // A bounce forwarded as an attachment or quoted whole: classify the inner one.
    const inner = located.returned?.message ?? (returnedText ? parseEntity(returnedText, root.depth + 1) : undefined);
    if (inner && root.depth < MAX_FORWARD_DEPTH && inner.headers.length && looksLikeWholeBounce(inner)) {
      const nested = classifyEntity(inner, opts);
      if (nested.recipients.length) {
        for (const r of nested.recipients) r.decidedBy.unshift('forwarded-bounce');
        return { ...nested, envelope };
      }
    }
    if (isAutoReply(top, envelopeFrom, subject)) {
      const who = addressesIn(envelopeFrom)[0] ?? '';
      return result('autoreply', [nonBounceRecipient(who, 'vacation', ['autoreply:headers'])]);
    }
    return result('not-bounce', []);
  }

  // A VERP envelope names the recipient when the report names none we can read.
  for (const r of recipients) {
    if (!r.address) {
      const verp = verpRecipient(opts, returnedHeaders);
      if (verp) { r.address = verp; r.decidedBy.push('verp'); }
    }
  }

  let kind: MessageKind;
  if (recipients.some((r) => r.action === 'failed')) kind = 'bounce';
  else if (recipients.some((r) => r.action === 'delayed')) kind = 'delay';
  else if (recipients.every((r) => r.reason === 'delivered')) kind = 'not-bounce';
  else kind = 'bounce';
  return result(kind, recipients);
}

/** A forwarded message that is itself a delivery report. */
function looksLikeWholeBounce(e: MimeEntity): boolean {
  const from = headerValue(e.headers, 'from');
  return e.contentType === 'multipart/report' || /mailer-daemon|postmaster|mail delivery/i.test(from)
    || BOUNCE_SUBJECT.test(decodeHeaderValue(headerValue(e.headers, 'subject')));
}

function utf8IfValid(binary: string): string {
  const decoded = Buffer.from(binary, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? binary : decoded;
}

/** DSN fields written inline in a text part (no message/delivery-status part). */
function inlineDeliveryStatus(notice: string): string {
  const at = notice.search(/^(?:Reporting-MTA|Final-Recipient|Original-Recipient)\s*:/im);
  if (at < 0) return '';
  const tail = notice.slice(at, at + 64 * 1024);
  return /^(?:Status|Action)\s*:/im.test(tail) ? tail : '';
}

function isBounceLike(top: Header[], from: string, subject: string, notice: string): boolean {
  if (headerValue(top, 'x-failed-recipients')) return true;
  const fromAddr = addressesIn(from)[0] ?? '';
  const local = fromAddr.split('@')[0] ?? '';
  const display = from.replace(/<[^>]*>/, '').replace(/"/g, '').trim();
  const daemon = DAEMON_SENDER.test(local) || DAEMON_SENDER.test(display) || /mailer-daemon|postmaster/i.test(from);
  const bounceSubject = BOUNCE_SUBJECT.test(subject);
  const failure = FAILURE_STATEMENT.test(notice.slice(0, 16384));
  return (daemon || bounceSubject) && (failure || bounceSubject || daemon && /\b[245]\d\d\b/.test(notice));
}

function isAutoReply(top: Header[], from: string, subject: string): boolean {
  const local = (addressesIn(from)[0] ?? '').split('@')[0] ?? '';
  if (DAEMON_SENDER.test(local) || /mailer-daemon|postmaster/i.test(from)) return false;
  const autoSubmitted = headerValue(top, 'auto-submitted').toLowerCase();
  if (autoSubmitted.startsWith('auto-replied')) return true;
  if (headerValue(top, 'x-autoreply') || headerValue(top, 'x-autorespond') || headerValue(top, 'x-autoresponder')) return true;
  if (/auto[_-]?reply/i.test(headerValue(top, 'precedence'))) return true;
  return AUTOREPLY_SUBJECT.test(subject);
}

function verpRecipient(opts: ClassifyOptions, returned: Header[]): string {
  const candidates = [
    ...(opts.envelopeRecipients ?? []),
    ...addressesIn(headerValue(returned, 'return-path')),
    ...addressesIn(headerValue(returned, 'sender')),
  ];
  for (const c of candidates) {
    const decoded = decodeVerp(c);
    if (decoded) return decoded;
  }
  return '';
}

function complaintRecipients(feedback: MimeEntity | undefined, original: { to: string[] }): RecipientResult[] {
  const fields = feedback ? parseHeaderBlock(entityText(feedback).replace(/^\n+/, '')) : [];
  const found = arfComplaintRecipients(fields, original.to);
  return found.addresses.map((a) => nonBounceRecipient(a, 'feedback', [`arf:Feedback-Type ${found.feedbackType}`, found.source]));
}

/** An Amazon SES bounce or delivery event as delivery-status fields (see lhost/amazon-ses.ts). */
function sesDeliveryStatus(ses: SesNotification): DsnRecipientFields[] {
  return ses.recipients.map((r) => {
    // SES writes the Diagnostic-Code as a DSN does: "smtp; 550 5.1.1 user unknown".
    const typed = splitTyped(r.diagnostic);
    return {
      finalRecipient: normaliseAddress(r.address), originalRecipient: '',
      action: r.action || (ses.type === 'delivery' ? 'delivered' : ses.bounceType === 'Transient' ? 'delayed' : 'failed'),
      status: r.status, diagnosticType: typed.type, diagnostic: typed.value,
      remoteMta: ses.reportingMta, lastAttempt: '', fields: {},
    };
  });
}

function nonBounceRecipient(address: string, reason: Reason, decidedBy: string[]): RecipientResult {
  return { address, action: '', status: '', replyCode: '', reason, bounceType: 'none', diagnostic: '', remoteMta: '', lastAttempt: '', decidedBy };
}

function flatten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DIAGNOSTIC_CHARS ? flat.slice(0, MAX_DIAGNOSTIC_CHARS) : flat;
}

function fromDsn(r: DsnRecipientFields, prose: ProseRecipient[], notice: string, perMessage: Record<string, string>): RecipientResult {
  const address = isMailbox(r.finalRecipient) || !isMailbox(r.originalRecipient) ? r.finalRecipient : r.originalRecipient;
  const decidedBy: string[] = [];
  let diagnostic = r.diagnostic;
  const block = prose.find((p) => p.address.toLowerCase() === address.toLowerCase())
    ?? prose.find((p) => r.originalRecipient && p.address.toLowerCase() === r.originalRecipient.toLowerCase());
  const blockText = block ? block.lines.join('\n') : '';
  if (!diagnostic && blockText) diagnostic = blockText;
  // Some MTAs explain the code in a comment of the Status field itself (RFC 3464 fields may
  // carry RFC 822 comments): "Status: 4.0.0 (example.net: host name lookup failure)".
  const statusComment = /\(([^()]{4,200})\)/.exec(r.fields['status'] ?? '')?.[1] ?? '';
  if (!diagnostic && statusComment && !/^(?:permanent|temporary|transient) (?:failure|error)$/i.test(statusComment.trim())) diagnostic = statusComment;
  let status = r.status;
  if (status) decidedBy.push(`dsn:Status ${status}`);
  const statusInDiag = statusInText(diagnostic);
  // The code in the server's own reply is more precise than the reporting MTA's summary.
  if (statusInDiag && statusInDiag !== status) {
    status = statusInDiag;
    decidedBy.push(`dsn:Diagnostic-Code ${statusInDiag}`);
  }
  let action = r.action;
  if (!action) action = status.startsWith('4') ? 'delayed' : status.startsWith('2') ? 'delivered' : 'failed';
  const replyCode = replyCodeInText(r.diagnostic) || replyCodeInText(blockText);
  const decided = decideReason({ status, replyCode, diagnostic, context: blockText || notice, notice, action, decidedBy });
  return finish({
    address: normaliseAddress(address), action, status, replyCode, reason: decided,
    bounceType: 'none', diagnostic: flatten(diagnostic), remoteMta: r.remoteMta, lastAttempt: r.lastAttempt || perMessage['arrival-date'] || '', decidedBy,
  });
}

function fromProse(p: ProseRecipient, notice: string, delayed: boolean, decidedExtra: string[], only: boolean): RecipientResult {
  const decidedBy = [p.lines.length ? 'prose:recipient' : '', ...decidedExtra].filter(Boolean);
  const blockText = p.lines.join('\n');
  const context = blockText || notice;
  const status = statusInText(blockText) || (only || !blockText ? statusInText(notice) : '');
  if (status) decidedBy.push(`text:status ${status}`);
  const replyCode = replyCodeInText(blockText) || (only || !blockText ? replyCodeInText(notice) : '');
  const action = delayed ? 'delayed' : 'failed';
  const reason = decideReason({ status, replyCode, diagnostic: blockText, context: notice, action, decidedBy });
  const remote = /(?:host|server|mx)\s+([a-z0-9.-]+\.[a-z]{2,})\b/i.exec(context);
  return finish({
    address: p.address, action, status, replyCode, reason, bounceType: 'none',
    diagnostic: flatten(blockText || notice.slice(0, 4000)), remoteMta: remote ? remote[1].toLowerCase() : '', lastAttempt: '', decidedBy,
  });
}

interface ReasonInput {
  status: string;
  replyCode: string;
  diagnostic: string;
  context: string;
  /** The whole human-readable notice, when the context is narrower. */
  notice?: string;
  action: string;
  decidedBy: string[];
}

/**
 * Decides a recipient's reason: the text rules on the server's diagnostic first (they say
 * what happened in the server's words), then what the status code settles on its own, then
 * the rules on the whole notice; 'undefined' when nothing says more.
 */
function decideReason(input: ReasonInput): Reason {
  const { status, diagnostic, context, action, decidedBy } = input;
  if (action === 'delivered' || action === 'relayed' || action === 'expanded' || status.startsWith('2.')) {
    decidedBy.push(`dsn:Action ${action || 'delivered'}`);
    return 'delivered';
  }
  const command = smtpCommandIn(diagnostic) || smtpCommandIn(context);
  const byStatus = status ? reasonForStatus(status) : undefined;
  const byText = diagnostic ? matchReason(diagnostic) : undefined;
  let reason: Reason | undefined;
  // The server's words first; then what a precise status code settles (vague ones map to nothing).
  if (byStatus && isDecisiveStatus(status)) {
    decidedBy.push(`status-code:${status}`);
    reason = byStatus;
  } else if (byText) {
    decidedBy.push(`rule:${byText.id}`);
    reason = byText.reason;
  } else if (byStatus) {
    decidedBy.push(`status-code:${status}`);
    reason = byStatus;
  }
  // "Access denied" with a security-class code (X.7.x) is the security refusal the code
  // names, not a refusal of the message as such.
  if (reason && WEAK_RULES.has(byText?.id ?? '') && /^[45]\.7\./.test(status) && !byStatus && command !== 'MAIL') {
    decidedBy.push(`status-class:${status}`);
    reason = 'securityerror';
  }
  if (reason) return refineByCommand(refineByPermanence(reason, input, byText?.id ?? ''), command, decidedBy, status, byText?.id ?? '', input.notice ?? context);
  const byContext = context && context !== diagnostic ? matchReason(context) : undefined;
  if (byContext) {
    decidedBy.push(`rule:${byContext.id} (notice)`);
    return refineByCommand(byContext.reason, command, decidedBy, status, byContext.id, input.notice ?? context);
  }
  if (action === 'delayed') {
    decidedBy.push('dsn:Action delayed');
    return 'expired';
  }
  // Refused in reply to MAIL FROM with no word on why: the sender was refused.
  if (command === 'MAIL' && status.startsWith('5')) {
    decidedBy.push('smtp-command:MAIL');
    return 'rejected';
  }
  // The code's class, when nothing more precise was said (X.3.0, X.6.x, X.7.x).
  const byClass = fallbackReasonForStatus(status);
  if (byClass) {
    decidedBy.push(`status-class:${status}`);
    return byClass;
  }
  const byReply = reasonForReplyCode(input.replyCode);
  if (byReply) {
    decidedBy.push(`reply-code:${input.replyCode}`);
    return byReply;
  }
  // Nothing we know says why. With a server's diagnostic in hand the reason is only
  // undecided (Sisimai's "onhold": a person can read the text); with no diagnostic at all
  // it is "undefined".
  if (diagnosticWords(input.diagnostic)) {
    decidedBy.push('default:onhold');
    return 'onhold';
  }
  decidedBy.push('default:undefined');
  return 'undefined';
}

/**
 * The SMTP command the remote server answered, as the notice or transcript says it:
 * Postfix "(in reply to end of DATA command)" (often wrapped across lines), Sendmail's
 * transcript ">>> DATA" / "<<< 550 ...", Exim "after RCPT TO:<...>" / "after end of data",
 * qmail "does not like recipient" / "most progress was RCPT TO response", DragonFly
 * "did not like our final DATA", others "SMTP command: DATA" or "[RCPT_TO]".
 */
const COMMAND_PATTERNS: readonly RegExp[] = [
  /in reply to (?:end of )?(data|rcpt to|mail from|ehlo|helo|bdat|starttls|auth)\b/i,
  /did not like our (?:final )?(data|rcpt to|mail from|ehlo|helo)\b/i,
  /\bafter (?:end of )?(data|rcpt to|rcpt|mail from|ehlo|helo|bdat)\b/i,
  /smtp command:?\s*(data|rcpt|mail|ehlo|helo)\b/i,
  /\bsmtp:(rcpt|data|mail)\b/i,
  /most progress was (rcpt) to/i,
  /\[(rcpt)_to\]/i,
  /\bfor (rcpt) to response\b/i,
  // Refused before any command: at the greeting or right after connecting.
  /after (initial connection)\b/i,
  /in reply to (?:the )?(initial greeting|greeting|banner)\b/i,
];
/** Sendmail-style transcripts: the last command sent before the server's error reply. */
const TRANSCRIPT_COMMAND = />>> ?(data|rcpt to|mail from|ehlo|helo|bdat|quit)\b[^\n]*\n(?:[^\n]*\n)?<<< ?[45]\d\d/gi;

export function smtpCommandIn(text: string): string {
  if (!text) return '';
  const slice = text.length > 8192 ? text.slice(0, 8192) : text;
  let last = '';
  if (slice.includes('>>>')) for (const m of slice.matchAll(TRANSCRIPT_COMMAND)) last = m[1];
  if (last) return commandName(last);
  const flat = slice.replace(/\s+/g, ' ');
  for (const re of COMMAND_PATTERNS) {
    const m = re.exec(flat);
    if (m) return commandName(m[1]);
  }
  // qmail's "does not like recipient" is its answer to RCPT TO.
  if (/does not like recipient/i.test(flat)) return 'RCPT';
  return '';
}

function commandName(raw: string): string {
  const c = raw.toUpperCase();
  if (/CONNECTION|GREETING|BANNER/.test(c)) return 'CONN';
  return c.startsWith('RCPT') ? 'RCPT' : c.startsWith('MAIL') ? 'MAIL' : c;
}

/**
 * A name that could not be resolved for now is a network problem, not an unknown host; and
 * connection failures in a report that gave up mean the retries ran out (expired).
 */
function refineByPermanence(reason: Reason, input: ReasonInput, ruleId: string): Reason {
  if (reason === 'hostunknown' && input.status.startsWith('4')) {
    input.decidedBy.push('temporary:networkerror');
    return 'networkerror';
  }
  if (ruleId === 'networkerror/connection' && (input.action === 'failed' || input.action === 'expired') && !/^5\.[1-7]\.[1-9]/.test(input.status)) {
    input.decidedBy.push('gave-up:expired');
    return 'expired';
  }
  return reason;
}

/** Rules whose words say only "refused": a code or the SMTP phase can say more. */
const WEAK_RULES = new Set(['rejected/refused']);

/** Reasons that say only "refused": the SMTP phase can say more. */
const VAGUE_REFUSALS = new Set<Reason>(['rejected', 'undefined', 'onhold', 'systemerror', 'securityerror']);

/**
 * Which SMTP phase an "unknown user" wording came from decides what it means (Sisimai's rule).
 * A status code in the addressing class (X.1.1 bad mailbox, X.1.0, X.1.3, vendor X.1.nnn)
 * settles it as userunknown, and so does a wording only a mailbox lookup produces
 * (MAILBOX_LOOKUP_RULES). Otherwise: said in reply to RCPT TO (or earlier) it is
 * userunknown; said to DATA or after the message was taken, or with no phase named at all,
 * the refusal is not proof that the mailbox is missing: a filter at the recipient's side
 * refused the message (`filtered`, a soft bounce).
 */
function refineByCommand(reason: Reason, command: string, decidedBy: string[], status = '', ruleId = '', notice = ''): Reason {
  // Refused at the greeting or to EHLO/HELO: nothing of the message or its sender was seen
  // yet, so a vague refusal is about the sending host (blocked).
  if ((command === 'CONN' || command === 'EHLO' || command === 'HELO') && VAGUE_REFUSALS.has(reason)) {
    decidedBy.push(`smtp-command:${command}`);
    return 'blocked';
  }
  // Refused in reply to MAIL FROM: the envelope sender was refused (Sisimai's rejected).
  if (command === 'MAIL' && VAGUE_REFUSALS.has(reason)) {
    decidedBy.push('smtp-command:MAIL');
    return 'rejected';
  }
  if (reason !== 'userunknown') return reason;
  if (/^[45]\.1\.(?:[0135]|\d{3})$/.test(status)) return reason;
  if (command === 'DATA' || command === 'BDAT') {
    decidedBy.push(`smtp-command:${command}`);
    return 'filtered';
  }
  if (command || MAILBOX_LOOKUP_RULES.has(ruleId)) return reason;
  // The reporting MTA's own heading can say it too (Gmail's "Address not found").
  if (notice && ruleMatches('userunknown/mailbox-lookup', notice)) return reason;
  decidedBy.push('smtp-command:none');
  return 'filtered';
}

/** Rules whose wording comes from a mailbox lookup, not from an SMTP-time filter. */
const MAILBOX_LOOKUP_RULES = new Set(['userunknown/mailbox-lookup', 'userunknown/orange-recipient']);

/** True when a diagnostic says something beyond the recipient's address and codes. */
function diagnosticWords(text: string): boolean {
  if (!text) return false;
  const rest = text.slice(0, 2000).replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, ' ').replace(/\b\d{3}\b|\b[245]\.\d{1,3}\.\d{1,3}\b/g, ' ');
  return /\p{L}{3,}/u.test(rest);
}

/** Reply codes that say what went wrong by themselves (RFC 5321 section 4.2.3). */
function reasonForReplyCode(reply: string): Reason | undefined {
  if (/^50[0-4]$/.test(reply)) return 'syntaxerror';
  if (reply === '552') return 'mailboxfull';
  if (reply === '452') return 'mailboxfull';
  return undefined;
}

/** Fills the status when the text gave none, and the hard/soft call. */
function finish(r: RecipientResult): RecipientResult {
  if (!r.status && !NON_BOUNCE_REASONS.has(r.reason)) {
    const cls = /^[45]/.test(r.replyCode) ? r.replyCode[0] : r.action === 'delayed' ? '4' : '5';
    r.status = `${cls}.0.0`;
  }
  r.bounceType = bounceTypeOf(r);
  return r;
}

/** Sisimai's call: hard for userunknown, hostunknown, hasmoved, and notaccept with a 5xx. */
export function bounceTypeOf(r: Pick<RecipientResult, 'reason' | 'status' | 'replyCode' | 'action'>): BounceType {
  if (NON_BOUNCE_REASONS.has(r.reason)) return 'none';
  if (r.action === 'delayed') return 'none';
  if (HARD_REASONS.has(r.reason)) return 'hard';
  if (r.reason === 'notaccept' && (r.status.startsWith('5') || r.replyCode.startsWith('5'))) return 'hard';
  return 'soft';
}

