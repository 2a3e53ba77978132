// Who failed, and the fields of each failed recipient: from an RFC 3464 delivery-status
// report, from the addresses a notice written for people names (prose.ts), from the
// X-Failed-Recipients header, from a VERP envelope, from an ARF complaint or an Amazon SES
// event. Each recipient's reason is decided by reason.ts and its hard/soft call by
// hardness.ts; this module gathers what they read.

import type { ClassifyOptions, Reason, RecipientResult } from './types.ts';
import { headerValue, type Header } from './mime.ts';
import { isInternalMailbox, isMailbox, normaliseAddress, splitTyped, type DsnRecipientFields } from './dsn.ts';
import { complaintRecipients as arfComplaintRecipients } from './lhost/arf.ts';
import type { SesNotification, SesRecipient } from './lhost/amazon-ses.ts';
import { addressesIn, decodeVerp } from './original.ts';
import {
  codesInText,
  foundAddressesIn,
  namesAddress,
  replyCodeInText,
  statusInText,
  wholeReplyFromTranscript,
  withoutQuotedFields,
  type NoticeShares,
  type ProseRecipient,
} from './prose.ts';
import { decideReason } from './reason.ts';
import { POWERMTA_CATEGORY_FIELD } from './rules/providers/powermta.ts';
import { bounceTypeOf, NON_BOUNCE_REASONS } from './hardness.ts';
import { REMOVED_WHILE_DELAYED_PHRASES } from './rules/detection.ts';
import { POSTFIX_COMMAND_EXIT_TEXTS } from './rules/reasons/mailererror.ts';
import {
  GUESSED_CAUSE_WORDS,
  REMOTE_HOST_WORDS,
  SENDMAIL_SUMMARY_LINES,
  STATUS_CLASS_COMMENTS,
  STILL_QUEUED_AFTER_ADDRESS,
  TRANSCRIPT_HEADING,
} from './rules/notice.ts';

/** Diagnostic text kept per recipient. */
export const MAX_DIAGNOSTIC_CHARS = 1000;
/** A recipient with no lines of its own shows this much of the notice as its diagnostic. */
const NOTICE_AS_DIAGNOSTIC_CHARS = 4000;
/** A comment in a Status field (RFC 822 comment syntax), of a readable length. */
const STATUS_COMMENT = /\(([^()]{4,200})\)/;
/** Characters after the sentence naming the only recipient read for the paragraph that says why. */
const WHY_PARAGRAPH_CHARS = 2048;
const GUESSED_CAUSE = new RegExp(GUESSED_CAUSE_WORDS.join('|'), 'i');

/**
 * The paragraph that says why the only recipient failed: the rest of the sentence naming it
 * and the paragraph right after (the notice's other paragraphs are boilerplate: help lines,
 * guesses, the sender's own text). A paragraph of guesses says nothing. Undefined when the
 * naming sentence is not found in the notice as written.
 */
function whyParagraph(notice: string, block: string): string | undefined {
  const last = block
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
  if (!last) return undefined;
  const at = notice.indexOf(last);
  if (at < 0) return undefined;
  const after = notice.slice(at + last.length, at + last.length + WHY_PARAGRAPH_CHARS).replace(/^\s+/, '');
  const paragraph = after.split(/\n[ \t]*\n/)[0] ?? '';
  const guess = GUESSED_CAUSE.exec(paragraph);
  if (!guess) return paragraph;
  // The words before the guess name the cause, unless they too only list possible ones
  // ("does not exist or is over quota. If you think ..."): then nothing is named.
  const before = paragraph.slice(0, guess.index);
  return LIST_OF_CAUSES.test(before) ? '' : before;
}
/**
 * Possible causes listed or hedged, which name none: "either", a cause joined to another by
 * "or" ("does not exist or is over quota"; an instruction's "try again later or contact ..."
 * in another sentence is not, nor one cause in two words, "disabled or discontinued"),
 * "perhaps", "possibly", "may be", "might".
 */
const CAUSE_WORDS = 'exist|unknown|invalid|full|quota|disabled|inactive|suspended|blocked';
const LIST_OF_CAUSES = new RegExp(
  String.raw`\b(?:either|perhaps|possibly|maybe|may be|might)\b|\b(?:${CAUSE_WORDS})\b[^.\n]{0,60}?\b(?:or|oder|ou|lub|eller|veya)\b[^.\n]{0,40}?\b(?:${CAUSE_WORDS})\b`,
  'i',
);
const REMOVED_WHILE_DELAYED = new RegExp(REMOVED_WHILE_DELAYED_PHRASES.join('|'), 'im');
const SENDMAIL_SUMMARY_LINE = new RegExp(SENDMAIL_SUMMARY_LINES.join('|'), 'i');

/** A recipient's lines without Sendmail's summary of a refusal it also quotes (rules/notice.ts). */
function serverWordsOf(lines: readonly string[]): string[] {
  if (!lines.some((line) => line.trimStart().startsWith('<<<'))) return [...lines];
  return lines.filter((line) => !SENDMAIL_SUMMARY_LINE.test(line.trim()));
}

const TRANSCRIPT = new RegExp(TRANSCRIPT_HEADING, 'im');
const STILL_QUEUED = new RegExp(`^${STILL_QUEUED_AFTER_ADDRESS}`, 'i');

/** A line of the recipient's says it is still being tried ("<addr>... Deferred:", Sendmail). */
function saysStillQueued(p: ProseRecipient): boolean {
  const address = p.address.toLowerCase();
  return p.lines.some((line) => {
    const at = line.toLowerCase().indexOf(address);
    return at >= 0 && !/[\w.+-]/.test(line[at - 1] ?? '') && STILL_QUEUED.test(line.slice(at + address.length));
  });
}

/**
 * The recipients a failure notice reports as failed: not one its transcript names only as
 * still being tried (Sendmail's "<addr>... Deferred:" with no line above its transcript
 * listing that address), unless that would leave none. A delay notice's are all of them.
 */
export function failedInNotice(recipients: readonly ProseRecipient[], notice: string, delayed: boolean): readonly ProseRecipient[] {
  if (delayed || !recipients.some(saysStillQueued)) return recipients;
  // Without a transcript heading, nothing tells the lists from the transcript: the line decides.
  const heading = TRANSCRIPT.exec(notice);
  const listed = heading
    ? foundAddressesIn(notice.slice(0, heading.index), new Set(recipients.map((p) => p.address.toLowerCase())))
    : new Set<string>();
  const failed = recipients.filter((p) => listed.has(p.address.toLowerCase()) || !saysStillQueued(p));
  return failed.length ? failed : recipients;
}

const STATUS_CLASS_COMMENT = new RegExp(`^(?:${STATUS_CLASS_COMMENTS.join('|')})$`, 'i');
/** The remote server a notice names: Postfix's "host mx.example.org[192.0.2.1] said:". */
const REMOTE_HOST = new RegExp(`(?:${REMOTE_HOST_WORDS.join('|')})\\s+([a-z0-9.-]+\\.[a-z]{2,})\\b`, 'i');

/**
 * Addresses of a notice that are surely not failed recipients (`exclude`: the bounce's own
 * From) and those taken only when a line starts with them (`weak`: the bounce's To and the
 * original sender; people do mail themselves).
 */
export function notRecipients(envelopeFrom: string, to: string, originalFrom: string): { exclude: Set<string>; weak: Set<string> } {
  const exclude = new Set<string>();
  for (const a of addressesIn(envelopeFrom)) exclude.add(a.toLowerCase());
  const weak = new Set<string>();
  for (const a of addressesIn(to)) weak.add(a.toLowerCase());
  if (originalFrom) weak.add(originalFrom.toLowerCase());
  return { exclude, weak };
}

/**
 * The failed recipients of a notice with no delivery-status report: the addresses it names,
 * checked against X-Failed-Recipients (Exim, Google) when present; else that header's list;
 * else the VERP envelope. Each with the trail entries that say where it came from.
 */
export function noticeRecipients(
  named: ProseRecipient[],
  failedHeader: string[],
  weak: Set<string>,
  verp: () => string,
): { recipients: ProseRecipient[]; decidedBy: string[] } {
  let recipients = named;
  const decidedBy: string[] = [];
  // X-Failed-Recipients lists the failed addresses: a notice that names only the sender it
  // writes to ("kijitora@example.jp 様", a greeting) names no failed one.
  if (failedHeader.length) {
    const listed = new Set(failedHeader.map((a) => a.toLowerCase()));
    recipients = recipients.filter((p) => listed.has(p.address.toLowerCase()) || !weak.has(p.address.toLowerCase()));
  }
  if (!recipients.length && failedHeader.length) {
    recipients = failedHeader.map((address) => ({ address, lines: [] }));
    decidedBy.push('header:X-Failed-Recipients');
  }
  if (!recipients.length) {
    const address = verp();
    if (address) {
      recipients = [{ address, lines: [] }];
      decidedBy.push('verp');
    }
  }
  return { recipients, decidedBy };
}

export function verpRecipient(opts: ClassifyOptions, returned: Header[]): string {
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

/**
 * `fields`: the feedback report's fields; `reported`: the reported message's header fields;
 * `knownType`: the feedback type when it was read elsewhere (a complaint written as prose).
 */
export function complaintRecipients(
  fields: Header[],
  reported: Header[],
  knownType?: string,
): { recipients: RecipientResult[]; namedInReport?: number } {
  const found = arfComplaintRecipients(fields, reported, knownType);
  const recipients = found.addresses.map((a) => ({
    ...nonBounceRecipient(a, 'feedback', [`arf:Feedback-Type ${found.feedbackType}`, found.source]),
    feedbackType: found.feedbackType,
  }));
  return { recipients, namedInReport: found.namedInReport };
}

/** An Amazon SES bounce or delivery event as delivery-status fields (see lhost/amazon-ses.ts). */
export function sesDeliveryStatus(ses: SesNotification): DsnRecipientFields[] {
  return ses.recipients.map((r) => {
    // SES writes the Diagnostic-Code as a DSN does: "smtp; 550 5.1.1 user unknown".
    const typed = splitTyped(r.diagnostic);
    return {
      finalRecipient: normaliseAddress(r.address),
      originalRecipient: '',
      // A Bounce event is final whatever its bounceType: SES sends a Transient one only "when
      // SES fails to deliver the email after retrying for a period of time" (API
      // EventDestination, BOUNCE); the event that says SES is still trying is DeliveryDelay.
      action: r.action || (ses.type === 'delivery' ? 'delivered' : ses.type === 'delay' ? 'delayed' : 'failed'),
      status: r.status,
      diagnosticType: typed.type,
      diagnostic: typed.value,
      remoteMta: ses.reportingMta,
      lastAttempt: '',
      fields: {},
    };
  });
}

/** Reasons that say the server's words and codes named no cause (a delay's own default too). */
const NO_CAUSE: ReadonlySet<Reason> = new Set<Reason>(['onhold', 'undefined']);

/**
 * The reason an SES bounce subtype or delay type names (lhost/amazon-ses.ts), applied to the
 * recipient read from the event's fields: when the server's words and codes named no cause
 * (a delay with no cause is `expired`), or always when the hint is SES's own decision (its
 * suppression list: the 5.1.1 beside it is SES's, no server was asked).
 */
export function withSesHint(r: RecipientResult, ses: SesRecipient): RecipientResult {
  return neverHardWhenTransient(withSubtypeReason(r, ses), ses);
}

/**
 * SES calls a Transient bounce one "you may be able to send to in the future": whatever words
 * the server wrote ("550 5.1.1 User unknown" under Transient/General), it is never a reason to
 * suppress the address.
 */
function neverHardWhenTransient(r: RecipientResult, ses: SesRecipient): RecipientResult {
  if (!ses.transient) return r;
  if (r.bounceType !== 'hard') return { ...r, mayWorkLater: true };
  return { ...r, bounceType: 'soft', mayWorkLater: true, decidedBy: [...r.decidedBy, 'ses:bounceType Transient (never hard)'] };
}

function withSubtypeReason(r: RecipientResult, ses: SesRecipient): RecipientResult {
  if (!ses.hint || r.reason === ses.hint || NON_BOUNCE_REASONS.has(r.reason)) return r;
  const noCause = NO_CAUSE.has(r.reason) || (r.action === 'delayed' && r.reason === 'expired');
  if (!noCause && !ses.hintDecides) return r;
  const reason = ses.hint;
  const out = { ...r, reason, decidedBy: [...r.decidedBy, ses.hintSource ?? `ses:${reason}`] };
  return { ...out, bounceType: bounceTypeOf(out) };
}

export function nonBounceRecipient(address: string, reason: Reason, decidedBy: string[]): RecipientResult {
  return {
    address,
    action: '',
    enhancedCode: '',
    replyCode: '',
    reason,
    bounceType: 'none',
    diagnostic: '',
    remoteMta: '',
    lastAttempt: '',
    decidedBy,
  };
}

function flatten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DIAGNOSTIC_CHARS ? flat.slice(0, MAX_DIAGNOSTIC_CHARS) : flat;
}

export function fromDsn(
  r: DsnRecipientFields,
  prose: ProseRecipient[],
  notice: string,
  perMessage: Record<string, string>,
  sharesOf?: NoticeShares,
): RecipientResult {
  // The Final-Recipient, unless it is missing or names only an internal host (Messaging Server's
  // "user@ims-ms-daemon") where the Original-Recipient names the address the sender wrote.
  const finalUsable =
    isMailbox(r.finalRecipient) &&
    !(isInternalMailbox(r.finalRecipient) && isMailbox(r.originalRecipient) && !isInternalMailbox(r.originalRecipient));
  const address = finalUsable || !isMailbox(r.originalRecipient) ? r.finalRecipient : r.originalRecipient;
  const decidedBy: string[] = [];
  // Sendmail 8.17 writes the server's answer to its QUIT ("221 2.0.0 Bye") as the
  // Diagnostic-Code of a recipient deferred by a refusal in the greeting (recorded: Yahoo's
  // "421 4.7.0 [TSS04] ..."): a success reply says nothing about a recipient that failed or
  // was delayed, so its block in the notice decides.
  const failedOrDelayed = r.action === 'failed' || r.action === 'delayed';
  const reportDiagnostic = failedOrDelayed && SUCCESS_REPLY.test(r.diagnostic) ? '' : r.diagnostic;
  if (reportDiagnostic !== r.diagnostic) decidedBy.push('dsn:success-reply-ignored');
  // A multi-line reply the report cut to its first line (Sendmail): the whole of it.
  let diagnostic = wholeReplyFromTranscript(reportDiagnostic, notice);
  const block =
    prose.find((p) => p.address.toLowerCase() === address.toLowerCase()) ??
    prose.find((p) => r.originalRecipient && p.address.toLowerCase() === r.originalRecipient.toLowerCase()) ??
    prose.find((p) => r.finalRecipient && p.address.toLowerCase() === r.finalRecipient.toLowerCase());
  const blockText = block ? block.lines.join('\n') : '';
  const share = sharesOf?.(block?.lines ?? [], r.finalRecipient, r.originalRecipient);
  const shared = share?.outside;
  if (!diagnostic && blockText) diagnostic = blockText;
  // No field and no block of its own: a line of the notice naming this address with a reply
  // ("The remote server returned: 550 5.1.1 <a@b> ...") is this recipient's diagnostic.
  const addressLine = replyLineNaming(notice, address);
  let statusSource = 'dsn:Diagnostic-Code';
  if (!diagnostic) {
    const line = addressLine.text.trim();
    // Never one whose status is of another class than the report's (a 4.x.x recipient is not
    // made permanent by a line of the notice).
    const lineStatus = statusInText(line);
    if (line && (!lineStatus || !r.status || lineStatus[0] === r.status[0])) {
      diagnostic = line;
      statusSource = 'notice:line naming the address';
    }
  }
  // Some MTAs explain the code in a comment of the Status field itself (RFC 3464 fields may
  // carry RFC 822 comments): "Status: 4.0.0 (example.net: host name lookup failure)".
  const statusComment = STATUS_COMMENT.exec(r.fields['status'] ?? '')?.[1] ?? '';
  if (!diagnostic && statusComment && !STATUS_CLASS_COMMENT.test(statusComment.trim())) diagnostic = statusComment;
  let status = r.status;
  if (status) decidedBy.push(`dsn:Status ${status}`);
  const statusInDiag = statusInText(diagnostic);
  // The code in the server's own reply is more precise than the reporting MTA's summary.
  if (statusInDiag && statusInDiag !== status) {
    status = statusInDiag;
    decidedBy.push(`${statusSource} ${statusInDiag}`);
  }
  const reportReply = replyCodeInText(reportDiagnostic);
  const replyCode = reportReply || replyCodeInText(blockText) || addressLine.code || (SUCCESS_REPLY.exec(r.diagnostic)?.[1] ?? '');
  // A Status made of the reply code's digits when the reply carried no status of its own
  // (Stalwart's dsn.rs `write_dsn_status`: "554 Transaction failed" gives "Status: 5.5.4") names
  // no subject of RFC 3463: it is shown as written, but only its class decides the reason. Only
  // where the notice says the reply had none (Stalwart's "with code 554 (0.0.0)"): another
  // MTA's real 5.2.1 beside a 521 reply keeps deciding.
  let reasonStatus = status;
  if (!statusInDiag && madeOfReplyCode(status, reportReply) && STATUS_NOT_SENT.test(blockText)) {
    reasonStatus = `${status[0]}.0.0`;
    decidedBy.push(`dsn:Status made of the reply code, read as ${reasonStatus}`);
  }
  let action = r.action;
  if (!action) action = status.startsWith('4') ? 'delayed' : status.startsWith('2') ? 'delivered' : 'failed';
  // A recipient the MTA says it removed from its queue is final, whatever its report's Action.
  if (action === 'delayed' && REMOVED_WHILE_DELAYED.test(diagnostic)) {
    action = 'failed';
    decidedBy.push('dsn:delayed but removed from the queue');
  }
  // With other recipients in the report, the notice around this one is the text outside their
  // blocks: another recipient's wording never decides this one's reason.
  // The only recipient, with no Diagnostic-Code, its block just the sentence naming it ("Ihre
  // Nachricht an <a> konnte nicht zugestellt werden.") and its status only a class (X.0.0):
  // the why may stand a paragraph below, in the notice, as a notice without a report is read.
  const onlyNamed = shared === undefined && !r.diagnostic && blockText !== '' && (!status || /^\d\.0\.0$/.test(status));
  const context = onlyNamed ? `${blockText}\n${whyParagraph(notice, blockText) ?? notice}` : blockText || (shared ?? notice);
  const around = share === undefined ? notice : share.around;
  const mtaCategory = r.fields[POWERMTA_CATEGORY_FIELD];
  const decided = programExit(
    decideReason({ status: reasonStatus, replyCode, diagnostic, context, notice: around, action, decidedBy, mtaCategory }),
    r,
    decidedBy,
  );
  return finish({
    address: normaliseAddress(address),
    action,
    enhancedCode: status,
    replyCode,
    reason: decided,
    bounceType: 'none',
    diagnostic: flatten(diagnostic),
    remoteMta: r.remoteMta,
    lastAttempt: r.lastAttempt || perMessage['arrival-date'] || '',
    decidedBy,
  });
}

/**
 * A recipient read from a notice for people. Its codes come from its own block; the only
 * recipient, or one with no lines, reads the whole notice; another reads `shared`, the
 * notice's text outside every recipient's block (textOutsideBlocks), never another's block.
 */
export function fromProse(
  p: ProseRecipient,
  notice: string,
  delayed: boolean,
  decidedExtra: string[],
  only: boolean,
  sharesOf?: NoticeShares,
): RecipientResult {
  const decidedBy = [p.lines.length ? 'prose:recipient' : '', ...decidedExtra].filter(Boolean);
  // A recipient the MTA says it removed from its queue is final, whatever the notice calls it
  // (OpenSMTPD's "<addr>: Envelope expired" under its delay layout), as in fromDsn.
  if (delayed && REMOVED_WHILE_DELAYED.test(p.lines.join('\n'))) {
    delayed = false;
    decidedBy.push('text:delayed but removed from the queue');
  }
  const ownLines = serverWordsOf(p.lines);
  const blockText = ownLines.join('\n');
  const share = sharesOf?.(ownLines, p.address);
  const shared = share?.outside ?? '';
  const context = blockText || notice;
  const wholeNotice = only || !blockText;
  const ownCodes = codesInText(blockText);
  // A block with a reply but no status (Sendmail's "(reason: 550 <a@b>... User unknown)" from a
  // server without enhanced codes) takes the status the MTA itself wrote in its notice (its
  // transcript's summary "550 5.1.1 <a@b>... User unknown"), when this recipient is the only one.
  const sharedCodes =
    ownCodes.status || (ownCodes.replyCode && !only) ? undefined : codesInText(wholeNotice ? withoutQuotedFields(notice) : shared);
  if (sharedCodes && !wholeNotice && (sharedCodes.status || sharedCodes.replyCode)) decidedBy.push('text:outside-blocks');
  const status = ownCodes.status || (sharedCodes?.status ?? '');
  if (status) decidedBy.push(`text:status ${status}`);
  const replyCode = ownCodes.replyCode || (sharedCodes?.replyCode ?? '');
  const action = delayed ? 'delayed' : 'failed';
  const reason = decideReason({
    status,
    replyCode,
    diagnostic: blockText,
    context: wholeNotice ? notice : (share?.around ?? blockText),
    action,
    decidedBy,
  });
  const remote = REMOTE_HOST.exec(context);
  return finish({
    address: p.address,
    action,
    enhancedCode: status,
    replyCode,
    reason,
    bounceType: 'none',
    diagnostic: flatten(blockText || notice.slice(0, NOTICE_AS_DIAGNOSTIC_CHARS)),
    remoteMta: remote ? remote[1].toLowerCase() : '',
    lastAttempt: '',
    decidedBy,
  });
}

/** A success reply opening the Diagnostic-Code of a delivery report ("smtp; 250 2.1.5 Ok"). */
const SUCCESS_REPLY = /^\s*(2[0-5]\d)(?=[ -]|$)/;

/** Stalwart's notice line for a reply that carried no enhanced status code (dsn.rs: "with code 554 (0.0.0)"). */
const STATUS_NOT_SENT = /\bwith code [45]\d\d \(0\.0\.0\)/;

/** A status whose digits are a 4xx/5xx reply code's (5.5.4 and 554), with a subject other than 0. */
function madeOfReplyCode(status: string, replyCode: string): boolean {
  return /^[45]\.[1-9]\.\d$/.test(status) && replyCode === status.replace(/\./g, '');
}

/**
 * A program the message was piped to failed: Sendmail names it in the recipient's
 * X-Actual-Recipient ("X-Unix; |/usr/local/bin/import", sendmail/savemail.c errbody()), Postfix
 * writes the command's output or its exit status under the diagnostic type x-unix
 * ("Diagnostic-Code: x-unix; internal software error", src/global/pipe_command.c and
 * sys_exits.c). What failed is that program, the local mailer, and the texts for its exit
 * status (sendmail/sysexits.c, 8.17: "554 Service unavailable" for EX_UNAVAILABLE, "501 Data
 * format error" for EX_DATAERR, "554 Remote protocol error" for EX_PROTOCOL; Postfix's "service
 * unavailable", "permission denied", "temporary failure" ..., rules/reasons/mailererror.ts) name the exit code, not a fault
 * of the receiving system, of the content or of an SMTP dialogue there never was.
 */
const PROGRAM_RECIPIENT = /^\s*x-unix\s*;\s*"?\|/i;
const COMMAND_EXIT_TEXT = new RegExp(`^(?:${POSTFIX_COMMAND_EXIT_TEXTS.join('|')})$`, 'i');
/** The reasons those exit texts and codes give that say no more than "the program failed". */
const PROGRAM_EXIT_REASONS: ReadonlySet<Reason> = new Set<Reason>([
  'systemerror',
  'contenterror',
  'syntaxerror',
  'securityerror',
  'onhold',
  'undefined',
]);

/** `mailererror` for a program's failure whose exit text named no cause of its own. */
function programExit(reason: Reason, r: DsnRecipientFields, decidedBy: string[]): Reason {
  // A delay with no words a rule knows is `expired` by default (README rule 3): an exit text names more.
  const delayDefault = reason === 'expired' && r.action === 'delayed';
  if (!PROGRAM_EXIT_REASONS.has(reason) && !delayDefault) return reason;
  if (PROGRAM_RECIPIENT.test(r.fields['x-actual-recipient'] ?? '')) decidedBy.push('dsn:X-Actual-Recipient program:mailererror');
  else if (r.diagnosticType === 'x-unix' && COMMAND_EXIT_TEXT.test(r.diagnostic.trim()))
    decidedBy.push('dsn:Diagnostic-Code x-unix exit status:mailererror');
  else return reason;
  return 'mailererror';
}

/** Characters of a notice searched for the line that names a recipient (hostile input bound). */
const ADDRESS_LINE_WINDOW_CHARS = 20_000;
/**
 * Indented lines that may continue the recipient's line (a wrapped reply is two or three).
 * A bound, not a taste: without it a stranger's notice of thousands of indented lines naming
 * the address was joined again from each of them, quadratic in its lines, for each recipient.
 */
const ADDRESS_LINE_CONTINUATIONS = 8;

/**
 * The notice's line that names the recipient and holds a reply code, with the indented lines
 * that continue it: the reply code when the report's own fields carry none (Sendmail's
 * transcript "550 5.0.0 <user@example.net>... Insufficient permission" beside a
 * Diagnostic-Code of "X-Unix; 77"), and the whole line when it has no diagnostic at all.
 */
function replyLineNaming(notice: string, address: string): { text: string; code: string } {
  const none = { text: '', code: '' };
  if (!notice || !address) return none;
  const needle = address.toLowerCase();
  const window = notice.slice(0, ADDRESS_LINE_WINDOW_CHARS);
  const lower = window.toLowerCase();
  if (!lower.includes(needle)) return none;
  const lines = window.split('\n');
  const lowerLines = lower.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lowerLines[i].includes(needle) || !namesAddress(lowerLines[i], needle)) continue;
    let text = lines[i];
    let j = i + 1;
    for (; j < lines.length && j <= i + ADDRESS_LINE_CONTINUATIONS && /^[ \t]+\S/.test(lines[j]); j++) text += ' ' + lines[j].trim();
    const code = replyCodeInText(text);
    if (code) return { text, code };
    // The lines just joined were read with this one; a later line naming the address starts afresh.
    i = j - 1;
  }
  return none;
}

/** Fills the status when the text gave none, and the hard/soft call. */
function finish(r: RecipientResult): RecipientResult {
  if (!r.enhancedCode && !NON_BOUNCE_REASONS.has(r.reason)) {
    const cls = /^[45]/.test(r.replyCode) ? r.replyCode[0] : r.action === 'delayed' ? '4' : '5';
    r.enhancedCode = `${cls}.0.0`;
  }
  r.bounceType = bounceTypeOf(r);
  return r;
}
