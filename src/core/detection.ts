// Detection: is a message a bounce, a delay warning, an automatic reply? The phrases are data
// in rules/detection.ts; this module compiles them once and applies them to bounded windows
// of the notice (a stranger writes the input).

import { decodeHeaderValue, headerValue, type Header, type MimeEntity } from './mime.ts';
import { addressesIn } from './original.ts';
import {
  APPLICATION_REFUSAL_PHRASES,
  AUTH_FAILURE_REPORT_PHRASES,
  AUTOREPLY_HEADER_FIELDS,
  AUTOREPLY_HINT_FIELDS,
  AUTOREPLY_HINTED_SUBJECT_WORDS,
  AUTOREPLY_SUBJECT_PHRASES,
  AUTOREPLY_SUBJECT_PREFIXES,
  BOUNCE_SUBJECT_PHRASES,
  CHALLENGE_PHRASES,
  CHALLENGE_RELEASED_PHRASES,
  COMPLAINT_STATEMENT_PHRASES,
  COMPLAINT_WHOLE_SUBJECTS,
  CONDITIONAL_FAILURE_PHRASES,
  DAEMON_FROM_PHRASES,
  DAEMON_FROM_REPORT_PHRASES,
  DAEMON_SENDER_NAMES,
  DELAY_STATEMENT_PHRASES,
  FAILURE_STATEMENT_PHRASES,
  FILTER_REJECTION_PHRASES,
  GIVEN_UP_PHRASES,
  LOCALISED_BOUNCE_SUBJECT_PREFIXES,
  LOCALISED_FAILURE_STATEMENT_PHRASES,
  LIST_NOTICE_FIELDS,
  LIST_ROLE_ADDRESS_SUFFIXES,
  LOOP_GUARD_FIELDS,
  LOOK_ALIKE_SUBJECT_PREFIXES,
  MAILING_LIST_FIELDS,
  FORWARD_SUBJECT_PREFIXES,
  FORWARDED_FROM_LABELS,
  MORE_FORWARD_SUBJECT_PREFIXES,
  DANO_NORWEGIAN_FORWARD_PREFIXES,
  DANO_NORWEGIAN_FROM_LABELS,
  PERSON_REPLY_SUBJECT_PREFIXES,
  NOREPLY_SENDER_NAMES,
  NOT_SUCCESS_PHRASES,
  REPLY_SUBJECT_PREFIXES,
  REQUESTED_REPORT_PHRASES,
  REQUESTED_REPORT_SUCCESS_PHRASES,
  SUCCESS_HEDGE_PHRASES,
  SUCCESS_STATEMENT_PHRASES,
  SUCCESS_SUBJECT_PHRASES,
} from './rules/detection.ts';

/** Characters of the notice searched for delay and give-up statements. */
export const STATEMENT_WINDOW_CHARS = 8192;
/** Characters of the notice searched for a statement that delivery failed. */
export const FAILURE_WINDOW_CHARS = 16384;

const anyOf = (phrases: readonly string[]) => phrases.join('|');
const DAEMON_SENDER = new RegExp(`^(?:${anyOf(DAEMON_SENDER_NAMES)})$`, 'i');
const DAEMON_FROM = new RegExp(anyOf(DAEMON_FROM_PHRASES), 'i');
const DAEMON_FROM_REPORT = new RegExp(anyOf(DAEMON_FROM_REPORT_PHRASES), 'i');
const NOREPLY_SENDER = new RegExp(`^(?:${anyOf(NOREPLY_SENDER_NAMES)})$`, 'i');
// Reply prefixes, and the tags gateways put first ("[EXTERNAL] Automatic reply: ...").
const REPLY_PREFIX = `(?:(?:${anyOf(REPLY_SUBJECT_PREFIXES)})\\s*:\\s*|\\[[^\\]\\n]{1,40}\\]\\s*)*`;
/**
 * A bounce subject: an English or older phrase anywhere, or a localised Exchange prefix
 * opening the subject with its colon ("Non recapitabile: offerta", "AW: Onbestelbaar: ...").
 */
export const BOUNCE_SUBJECT = new RegExp(
  `${anyOf(BOUNCE_SUBJECT_PHRASES)}|^\\s*${REPLY_PREFIX}(?:${anyOf(LOCALISED_BOUNCE_SUBJECT_PREFIXES)})\\s*[:：]`,
  'iu',
);
/**
 * A subject a read receipt, a meeting response or cancellation, or a message recall opens
 * ("Read: ", "Accepted: ", "Message Recall Report for message: "), gateway tags allowed before
 * it: the rest is the sender's own subject, never read as a bounce's.
 */
const LOOK_ALIKE_SUBJECT = new RegExp(`^\\s*(?:\\[[^\\]\\n]{1,40}\\]\\s*)*(?:${anyOf(LOOK_ALIKE_SUBJECT_PREFIXES)})`, 'iu');
/** A subject a forward (not a reply) opens: "Fwd:", "WG:", "TR:", "RV:", "I:", "PD:". */
const FORWARD_FIRST = new RegExp(`^\\s*(?:${anyOf([...FORWARD_SUBJECT_PREFIXES, ...MORE_FORWARD_SUBJECT_PREFIXES])})\\s*:`, 'i');
/** A subject a person's reply opens: "Re:", "AW:", "SV:", "VS:", "Antw:", "R:", "Rif:", "Odp:", "Ynt:". */
const PERSONS_REPLY_FIRST = new RegExp(`^\\s*(?:${anyOf(PERSON_REPLY_SUBJECT_PREFIXES)})\\s*:`, 'i');
/** A person's reply (not a forward) to a message: what it quotes is the person's, not a notice to read. */
export function isPersonsReply(from: string, subject: string): boolean {
  return PERSONS_REPLY_FIRST.test(subject) && !isDaemonSender(from);
}
/** A server's reply in a forwarded notice's text: the reply code and its enhanced status ("550 5.1.1"). */
const REPLY_IN_NOTICE = /\b[45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}\b/;
/** The quoted header line of a forwarded message, its sender: "From:", "Von:", "Lähettäjä:", ... (FORWARDED_FROM_LABELS). */
const FORWARDED_FROM_LINE = new RegExp(`^[ \\t>]*(?:${anyOf(FORWARDED_FROM_LABELS)})[ \\t]*:[ \\t]*([^\\n]{1,200})$`, 'gimu');
/** A subject Danish Outlook's forward opens ("VS:"), a Finnish or Estonian reply's too. */
const DANO_NORWEGIAN_FORWARD_FIRST = new RegExp(`^\\s*(?:${anyOf(DANO_NORWEGIAN_FORWARD_PREFIXES)})\\s*:`, 'i');
/** The quoted sender line under the Danish or Norwegian label ("Fra:", "Frå:"). */
const DANO_NORWEGIAN_FROM_LINE = new RegExp(`^[ \\t>]*(?:${anyOf(DANO_NORWEGIAN_FROM_LABELS)})[ \\t]*:[ \\t]*([^\\n]{1,200})$`, 'gimu');
/** How a mail client shows Exchange Online's NDR sender: "Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@...>". */
const FORWARDED_SYSTEM_SENDER = /\bmicrosoft outlook\b|\bmicrosoftexchange[0-9a-f]{32}@/i;
/** Forwarded sender lines looked at in a forward's opening. */
const MAX_FORWARDED_FROM_LINES = 8;

/** The forward's quoted header block names a delivery system as the sender (MAILER-DAEMON, postmaster, Microsoft Outlook ...). */
function forwardsDaemonMail(window: string, fromLine: RegExp = FORWARDED_FROM_LINE): boolean {
  fromLine.lastIndex = 0;
  for (let n = 0; n < MAX_FORWARDED_FROM_LINES; n++) {
    const line = fromLine.exec(window);
    if (!line) return false;
    if (isDaemonSender(line[1]!) || DAEMON_FROM_REPORT.test(line[1]!) || FORWARDED_SYSTEM_SENDER.test(line[1]!)) return true;
  }
  return false;
}
/** A subject a reply or a forward opens ("WG: Unzustellbar: Frage"). */
const REPLY_FIRST = new RegExp(`^\\s*(?:${anyOf(REPLY_SUBJECT_PREFIXES)})\\s*:`, 'i');
const FAILURE_STATEMENT = new RegExp(anyOf(FAILURE_STATEMENT_PHRASES), 'i');
const FILTER_REJECTION = new RegExp(anyOf(FILTER_REJECTION_PHRASES), 'i');
const LOCALISED_FAILURE_STATEMENT = new RegExp(anyOf(LOCALISED_FAILURE_STATEMENT_PHRASES), 'iu');
const DELAY_STATEMENT = new RegExp(`(?:${anyOf(DELAY_STATEMENT_PHRASES)})`, 'i');
const GIVEN_UP = new RegExp(anyOf(GIVEN_UP_PHRASES), 'i');
/** "Automatic reply: ...", "AW: Automatische Antwort: ...", "Out of office until Monday". */
const AUTOREPLY_SUBJECT = new RegExp(
  `^\\s*${REPLY_PREFIX}(?:(?:${anyOf(AUTOREPLY_SUBJECT_PREFIXES)})\\s*(?::|：|-\\s|$)|(?:${anyOf(AUTOREPLY_SUBJECT_PHRASES)}))`,
  'iu',
);
const fieldTests = (list: readonly [string, string][]) => list.map(([name, value]) => ({ name, value: new RegExp(value, 'i') }));
const AUTOREPLY_FIELDS = fieldTests(AUTOREPLY_HEADER_FIELDS);
const AUTOREPLY_HINTS = fieldTests(AUTOREPLY_HINT_FIELDS);
const AUTOREPLY_HINTED_SUBJECT = new RegExp(anyOf(AUTOREPLY_HINTED_SUBJECT_WORDS), 'iu');
/** Senders whose mail is never an automatic reply (a report we could not read is not one). */
const NEVER_AUTOREPLY_LOCAL = /^(?:mailer-daemon|mail-daemon|mdaemon|post[_-]?master|root|double-bounce)$/i;
/** "You'll be notified if the delivery fails permanently": a promise, not a failure. */
const CONDITIONAL_FAILURE = new RegExp(anyOf(CONDITIONAL_FAILURE_PHRASES), 'gi');

const SUCCESS_SUBJECT = new RegExp(anyOf(SUCCESS_SUBJECT_PHRASES), 'iu');
const SUCCESS_STATEMENT = new RegExp(anyOf(SUCCESS_STATEMENT_PHRASES), 'iu');
const NOT_SUCCESS = new RegExp(anyOf(NOT_SUCCESS_PHRASES), 'iu');
const SUCCESS_HEDGE = new RegExp(anyOf(SUCCESS_HEDGE_PHRASES), 'giu');

/**
 * A success report written as prose (no delivery-status part): a success subject or
 * statement, and not one word of failure or delay in the notice's head.
 */
export function isSuccessNotice(notice: string, subject: string): boolean {
  const head = notice.slice(0, STATEMENT_WINDOW_CHARS);
  const successSubject = SUCCESS_SUBJECT.test(subject);
  // The words after "Delivered:" and a quoted "Subject:" line are the sender's own subject
  // ("Delivered: Your account limit"), not the report's: only the report's words can say failure.
  const ownWords = withoutSuccessHedge(head.replace(QUOTED_SUBJECT_LINE, ''));
  return (successSubject || SUCCESS_STATEMENT.test(head)) && !NOT_SUCCESS.test(ownWords) && (successSubject || !NOT_SUCCESS.test(subject));
}

/** The notice without a success report's hedge about failures that may still come from other systems. */
export function withoutSuccessHedge(notice: string): string {
  return notice.replace(SUCCESS_HEDGE, ' ');
}

/** A "Subject: ..." line of the notice: the returned message's subject quoted. */
const QUOTED_SUBJECT_LINE = /^[ \t]*subject:[^\n]*$/gim;

const REQUESTED_REPORT = new RegExp(anyOf(REQUESTED_REPORT_PHRASES), 'i');
const REQUESTED_REPORT_SUCCESS = new RegExp(anyOf(REQUESTED_REPORT_SUCCESS_PHRASES), 'i');

/** A delivery report the sender asked for (Postfix's `sendmail -bv` / `-v` report): no failure notice by itself. */
export function isRequestedReport(notice: string): boolean {
  return REQUESTED_REPORT.test(notice.slice(0, STATEMENT_WINDOW_CHARS));
}

/** A recipient's own lines in a requested report say that delivery works (or would). */
export function saysDeliverable(lines: readonly string[]): boolean {
  return REQUESTED_REPORT_SUCCESS.test(lines.slice(0, REPORT_LINES_READ).join(' ').slice(0, REPORT_LINE_CHARS));
}
/** A recipient's lines, and characters of them, read for a requested report's success words. */
const REPORT_LINES_READ = 4;
const REPORT_LINE_CHARS = 2048;

/** A success report to read recipients from even when it reads like no bounce: a daemon's, or with a success subject. */
export function isSuccessReport(from: string, subject: string, notice: string): boolean {
  // The sender and subject first: reading the notice (8 KB against the success and failure
  // phrases of every language) is the costly half, and most notices need not be read.
  return (SUCCESS_SUBJECT.test(subject) || isDaemonSender(from)) && isSuccessNotice(notice, subject);
}

const COMPLAINT_STATEMENT = new RegExp(anyOf(COMPLAINT_STATEMENT_PHRASES), 'im');
const COMPLAINT_WHOLE_SUBJECT = new RegExp(`^\\s*(?:${COMPLAINT_WHOLE_SUBJECTS.join('|')})\\s*$`, 'i');

/** Characters, and within them non-blank lines, of the notice's opening read for a complaint statement. */
export const COMPLAINT_OPENING_CHARS = 1024;
export const COMPLAINT_OPENING_LINES = 5;

/**
 * A complaint written as prose (no ARF part): its subject or its opening lines say it reports
 * a message as spam. A feedback loop says so first; a person's text or an Out of Office that
 * mentions complaints further down ("for a spam complaint, write to abuse@...") is no report.
 */
export function isProseComplaint(notice: string, subject: string): boolean {
  const opening = notice
    .slice(0, COMPLAINT_OPENING_CHARS)
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, COMPLAINT_OPENING_LINES)
    .join('\n');
  return COMPLAINT_STATEMENT.test(subject) || COMPLAINT_WHOLE_SUBJECT.test(subject) || COMPLAINT_STATEMENT.test(opening);
}

const AUTH_FAILURE_REPORT = new RegExp(anyOf(AUTH_FAILURE_REPORT_PHRASES), 'im');

/**
 * The feedback type of a complaint written as prose: 'auth-failure' when its subject or
 * opening says it reports a failed authentication (RFC 6591), else 'abuse'.
 */
export function proseFeedbackType(notice: string, subject: string): string {
  return AUTH_FAILURE_REPORT.test(subject) || AUTH_FAILURE_REPORT.test(notice.slice(0, COMPLAINT_OPENING_CHARS)) ? 'auth-failure' : 'abuse';
}

/** Mail from a delivery system (MAILER-DAEMON, postmaster, "Mail Delivery System", no-reply). */
export function isDaemonSender(from: string): boolean {
  const local = (addressesIn(from)[0] ?? '').split('@')[0] ?? '';
  const display = from
    .replace(/<[^>]*>/, '')
    .replace(/"/g, '')
    .trim();
  return DAEMON_SENDER.test(local) || DAEMON_SENDER.test(display) || DAEMON_FROM_REPORT.test(from);
}

/**
 * An automatic reply that quotes a bounce (an Out of Office answering a delivery report): a
 * person's address, an automatic-reply subject, or an automatic-reply header with a subject
 * that is not a bounce's. Decided before the notice is searched for failed recipients.
 */
export function isAutoReplyNotBounce(top: Header[], from: string, subject: string): boolean {
  if (isDaemonSender(from)) return false;
  if (AUTOREPLY_SUBJECT.test(subject)) return true;
  return !BOUNCE_SUBJECT.test(subject) && AUTOREPLY_FIELDS.some((t) => t.value.test(headerValue(top, t.name).trim()));
}

/** A mailing list's message (its List- fields): no automatic reply by its subject or hints alone. */
function isListMailing(top: Header[]): boolean {
  return MAILING_LIST_FIELDS.some((name) => headerValue(top, name).trim() !== '');
}

/**
 * A mailing list's message with an automatic-reply subject but no automatic-reply field (a
 * newsletter's "Out of office?", a list passing on a member's away notice): neither an
 * automatic reply nor, whatever failure it quotes, a notice of its own.
 */
export function isListMailingWithoutAutoReplyFields(top: Header[]): boolean {
  return isListMailing(top) && !AUTOREPLY_FIELDS.some((t) => t.value.test(headerValue(top, t.name).trim()));
}

const LIST_NOTICE = fieldTests(LIST_NOTICE_FIELDS);
const LOOP_GUARD = fieldTests(LOOP_GUARD_FIELDS);
/** A mailing list manager's own notice to one person (Mailman's X-List-Administrivia, ezmlm's Mailing-List). */
export function isListNotice(top: Header[]): boolean {
  return LIST_NOTICE.some((t) => t.value.test(headerValue(top, t.name).trim()));
}

const APPLICATION_REFUSAL = new RegExp(anyOf(APPLICATION_REFUSAL_PHRASES), 'i');
/** Characters of the notice's opening read for a list's or a help desk's refusal. */
export const REFUSAL_OPENING_CHARS = 2048;
/** Characters of a subject read for a refusal's words: a stranger's subject may be any length. */
const REFUSAL_SUBJECT_CHARS = 1000;
const LIST_ROLE_ADDRESS = new RegExp(`[-+](?:${anyOf(LIST_ROLE_ADDRESS_SUFFIXES)})(?:[-+][^@]{0,64})?@`, 'i');
/** A list's role address split into the list's name and domain ("mylist+bounces-help@lists.example.org"). */
const LIST_ROLE_PARTS = new RegExp(
  `^([^@\\s]{1,64}?)[-+](?:${anyOf(LIST_ROLE_ADDRESS_SUFFIXES)})(?:[-+][^@]{0,64})?@([^@\\s]{1,255})$`,
  'i',
);

/**
 * Mail from a list's role address that names the list's own address (mlmmj's "+bounces-help"
 * writes "the Mlmmj program managing the <mylist@...> mailing list"): the list's program. A
 * person's it-help@ or sales-admin@ names no list it would be the role address of.
 */
function isNamedListsRoleAddress(from: string, text: string): boolean {
  const list = listOfRoleAddress(from);
  return list !== '' && text.toLowerCase().includes(list);
}

/** The list address a list's role address writes for ("mylist+owner@h" gives "mylist@h"), or ''. */
export function listOfRoleAddress(from: string): string {
  const parts = LIST_ROLE_PARTS.exec(addressesIn(from)[0] ?? '');
  return parts ? `${parts[1]}@${parts[2]}`.toLowerCase() : '';
}

/** A mailing list's role address (LIST_ROLE_ADDRESS_SUFFIXES): it writes notices, it is never refused. */
export function isListRoleAddress(address: string): boolean {
  return LIST_ROLE_ADDRESS.test(address);
}

const CHALLENGE = new RegExp(anyOf(CHALLENGE_PHRASES), 'iu');
const CHALLENGE_RELEASED = new RegExp(anyOf(CHALLENGE_RELEASED_PHRASES), 'iu');

/**
 * A server's code before a challenge's request: a reply code with an enhanced status ("550
 * 5.1.1") or an enhanced status alone ("(#5.1.1)", qmail's); never a bare number ("PO 450").
 */
const CHALLENGE_PRECEDING_FAILURE_CODE = /\b[45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}\b|(?<![\d.])[45]\.\d{1,3}\.\d{1,3}\b/;
/** A returned message's header lines (From:, Subject:) at a line's start. */
const CHALLENGE_PRECEDING_RETURNED_HEADER = /^(?:from|to|subject|date|message-id)[ \t]*:/i;
/** Characters of a challenge's opening its request must start within when no program field marks it. */
const CHALLENGE_OPENING_CHARS = 1000;
/** Characters after a challenge's phrase kept as its words, up to the end of its sentence. */
const CHALLENGE_WORDS_CHARS = 400;

/**
 * A challenge-response system's notice: 'held', its request that the sender prove a person
 * sent the message it holds (CHALLENGE_PHRASES in its opening, the lines the product wraps
 * joined), an automatic reply asking for action, never a failure; 'released', its word that
 * the sender's answer was accepted and the message delivered (CHALLENGE_RELEASED_PHRASES).
 * `words` is the system's own text, from its phrase to the end of that sentence, for the
 * sender to read. A person's reply to or forward of one is a letter, unless a program wrote it
 * (isProgramWritten); a bounce quoting one is a bounce.
 */
export function challengeNotice(
  top: Header[],
  from: string,
  subject: string,
  notice: string,
): { state: 'held' | 'released'; words: string } | undefined {
  if (REPLY_FIRST.test(subject) && !isProgramWritten(top, from)) return undefined;
  // A bounce (its subject says so) whose text quotes a challenge is that bounce; a list's
  // posting or a newsletter quoting one is neither.
  if (BOUNCE_SUBJECT.test(subject) || isListMailing(top)) return undefined;
  // The system's own words, not the lines a reply quotes ("> ...").
  const own = notice
    .slice(0, REFUSAL_OPENING_CHARS)
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n');
  const opening = own.replace(/\s+/g, ' ').replace(/’/g, "'");
  const held = CHALLENGE.exec(opening);
  const found = held ?? CHALLENGE_RELEASED.exec(opening);
  if (!found) return undefined;
  // A failure stated, or a server's reply quoted, before the request: a bounce whose text goes
  // on to quote a challenge (the returned message's). Some systems send their requests from
  // noreply@ or MAILER-DAEMON, so the sender alone does not tell.
  const head = opening.slice(0, found.index);
  if (FAILURE_STATEMENT.test(head) || LOCALISED_FAILURE_STATEMENT.test(head) || CHALLENGE_PRECEDING_FAILURE_CODE.test(head))
    return undefined;
  // A delivery system's notice whose returned message's header lines come before the request.
  if (isDaemonSender(from)) {
    let folded = 0;
    for (const line of own.split('\n')) {
      const width = line.replace(/\s+/g, ' ').length;
      if (folded + width >= found.index) break;
      if (CHALLENGE_PRECEDING_RETURNED_HEADER.test(line)) return undefined;
      folded += width + 1;
    }
  }
  // A request opens the system's message, as its own sentence; a person's letter speaking of
  // one comes later or quotes it ('I got this back: "The message you sent ..."'), unless a
  // program wrote it.
  const ownSentence = !/["“”„«'‘]\s?$/.test(opening.slice(Math.max(0, found.index - 2), found.index));
  if ((found.index > CHALLENGE_OPENING_CHARS || !ownSentence) && !isProgramWritten(top, from)) return undefined;
  const rest = opening.slice(found.index, found.index + found[0].length + CHALLENGE_WORDS_CHARS);
  const end = rest.slice(found[0].length).search(/[.!?](?:\s|$)/);
  return { state: held ? 'held' : 'released', words: (end >= 0 ? rest.slice(0, found[0].length + end + 1) : rest).trim() };
}

/**
 * Mail a program wrote, not a person: a delivery system's address, a list manager's notice, an
 * automatic-reply field, a loop guard (LOOP_GUARD_FIELDS). Never by "Precedence: bulk" alone (a
 * newsletter writes it), by its subject (a stranger writes it) nor by an address alone that
 * ends like a list's role address (a person may be it-help@ or sales-admin@).
 */
export function isProgramWritten(top: Header[], from: string): boolean {
  return (
    isDaemonSender(from) ||
    isListNotice(top) ||
    AUTOREPLY_FIELDS.some((t) => t.value.test(headerValue(top, t.name).trim())) ||
    LOOP_GUARD.some((t) => t.value.test(headerValue(top, t.name).trim()))
  );
}

/**
 * A mailing list's or a help desk's refusal of the message a person sent it (its subject, or
 * its opening with the lines the product wraps joined): a refusal, never a dead address. Only
 * from a program (isProgramWritten): a person's letter, a list's posting or a newsletter that
 * quotes such words is none, nor is an Out of Office that quotes one. A list manager's own
 * notice from the list's role address is one even under a reply's subject (Mailman keeps "Re:"
 * of the post it refuses).
 */
export function isApplicationRefusal(top: Header[], from: string, subject: string, notice: string): boolean {
  // A list manager's notice keeps the post's "Re:" only from the list's own role address.
  const listNotice = isListNotice(top) && isListRoleAddress(addressesIn(from)[0] ?? '');
  const awaySubject = AUTOREPLY_SUBJECT.test(subject) || AUTOREPLY_HINTED_SUBJECT.test(subject.slice(0, REFUSAL_SUBJECT_CHARS));
  if (!listNotice && (REPLY_FIRST.test(subject) || awaySubject || isListMailing(top))) return false;
  // A bounce's subject already makes a message read as a notice (isBounceLike); a refusal's
  // words in a letter without one are a person's.
  const opening = notice.slice(0, REFUSAL_OPENING_CHARS).replace(/\s+/g, ' ').replace(/’/g, "'");
  const cutSubject = subject.slice(0, REFUSAL_SUBJECT_CHARS);
  if (!isProgramWritten(top, from) && !BOUNCE_SUBJECT.test(subject) && !isNamedListsRoleAddress(from, `${cutSubject}\n${opening}`))
    return false;
  return APPLICATION_REFUSAL.test(cutSubject) || APPLICATION_REFUSAL.test(opening);
}

/** A notice that says delivery is still being tried and has not given up. */
export function isDelayNotice(notice: string, subject: string): boolean {
  const head = notice.slice(0, STATEMENT_WINDOW_CHARS);
  return DELAY_STATEMENT.test(head + '\n' + subject) && !GIVEN_UP.test(head.replace(CONDITIONAL_FAILURE, ' '));
}

/** A forwarded message that is itself a delivery report. */
export function looksLikeWholeBounce(e: MimeEntity, subjectSuffices = true): boolean {
  const from = headerValue(e.headers, 'from');
  return (
    e.contentType === 'multipart/report' ||
    DAEMON_FROM_REPORT.test(from) ||
    (subjectSuffices && BOUNCE_SUBJECT.test(decodeHeaderValue(headerValue(e.headers, 'subject'))))
  );
}

/** A message from an automatic sender, or with a failure subject, that reads like a bounce. */
export function isBounceLike(top: Header[], from: string, subject: string, notice: string): boolean {
  if (headerValue(top, 'x-failed-recipients')) return true;
  const fromAddr = addressesIn(from)[0] ?? '';
  const local = fromAddr.split('@')[0] ?? '';
  const display = from
    .replace(/<[^>]*>/, '')
    .replace(/"/g, '')
    .trim();
  const daemon = DAEMON_SENDER.test(local) || DAEMON_SENDER.test(display) || DAEMON_FROM.test(from);
  // A noreply@ sender is a shop's, a bank's or a carrier's as often as a delivery system's
  // (KDDI's English notice comes from no-reply@ too: the English statements still count).
  const deliverySystem = daemon && !NOREPLY_SENDER.test(local) && !NOREPLY_SENDER.test(display);
  // A person's reply to, or forward of, a bounce ("WG: Unzustellbar: Frage") is a letter.
  // A forward (not a reply) of a delivery system's own notice (a ticket system or a colleague
  // passing an NDR on) is that notice: its quoted header names the delivery system as sender,
  // and it holds the notice's statement and a server's reply ("550 5.1.1").
  const window = notice.slice(0, FAILURE_WINDOW_CHARS);
  const forwardedNotice = (fromLine?: RegExp): boolean => {
    return (
      forwardsDaemonMail(window, fromLine) &&
      (FAILURE_STATEMENT.test(window) || LOCALISED_FAILURE_STATEMENT.test(window)) &&
      REPLY_IN_NOTICE.test(window)
    );
  };
  // A read receipt's or a meeting response's prefix over a bounce's subject ("Accepted:
  // Undeliverable: ..."): only a delivery system's statements make it a notice.
  const lookAlike = LOOK_ALIKE_SUBJECT.test(subject);
  const bounceSubject =
    !lookAlike &&
    BOUNCE_SUBJECT.test(subject) &&
    (daemon ||
      !REPLY_FIRST.test(subject) ||
      (FORWARD_FIRST.test(subject) && forwardedNotice()) ||
      (DANO_NORWEGIAN_FORWARD_FIRST.test(subject) && forwardedNotice(DANO_NORWEGIAN_FROM_LINE)));
  // A list's or a help desk's refusal of the sender's message names no failure of delivery.
  if (isApplicationRefusal(top, from, subject, notice)) return true;
  // The notice's statements are read only when the sender or subject asks for them: the
  // failure and delay phrases (14 languages) over 16 KB are the costly part of this test.
  if (!daemon && !bounceSubject) return false;
  if (bounceSubject) return true;
  if (FAILURE_STATEMENT.test(window) || (deliverySystem && (LOCALISED_FAILURE_STATEMENT.test(window) || FILTER_REJECTION.test(window))))
    return true;
  // A postmaster's or MAILER-DAEMON's warning that it will keep trying is a report even when
  // its subject is in a language we have no subject for and it quotes no reply code. Only
  // those senders: a shop's no-reply mail says "your order is delayed".
  const delayWarning = DAEMON_FROM_REPORT.test(from) && DELAY_STATEMENT.test(notice.slice(0, STATEMENT_WINDOW_CHARS));
  return delayWarning || (daemon && /\b[245]\d\d\b/.test(notice));
}

/** Characters of an MDN's disposition-notification part searched for its fields (hostile input bound). */
const MDN_FIELDS_CHARS = 4096;
const MDN_FINAL_RECIPIENT = /^final-recipient[ \t]*:[ \t]*rfc822[ \t]*;[ \t]*<?([^\s<>]{1,254}@[^\s<>]{1,254})>?[ \t]*$/im;
const MDN_NAMED_RECIPIENT = /your message to <([^\s<>]{1,254}@[^\s<>]{1,254})> was automatically rejected/i;
const MDN_DELETED = /^disposition[ \t]*:[ \t]*automatic-action\/mdn-sent-automatically[ \t]*;[ \t]*deleted\b/im;

/**
 * The recipient whose own mail filter refused the message, from a Sieve reject's MDN
 * (FILTER_REJECTION_PHRASES in rules/detection.ts): its disposition-notification part's
 * Final-Recipient, when the part says the message was deleted automatically and the notice's
 * opening holds a mailbox server's rejection line. A read receipt's "deleted" has no such line.
 */
export function filterRejectionRecipient(notice: string, mdnFields: string, returnedTo: readonly string[]): string | undefined {
  const opening = notice.slice(0, FAILURE_WINDOW_CHARS);
  if (!FILTER_REJECTION.test(opening)) return undefined;
  const fields = mdnFields.slice(0, MDN_FIELDS_CHARS);
  if (!MDN_DELETED.test(fields)) return undefined;
  // The address the rejection line names decides ("Your message to <a> was automatically
  // rejected"); else the Final-Recipient only when the returned message was written to it:
  // an MDN's fields are anyone's to write.
  const named = MDN_NAMED_RECIPIENT.exec(opening)?.[1];
  if (named) return named;
  const final = MDN_FINAL_RECIPIENT.exec(fields)?.[1];
  return final && returnedTo.some((a) => a.toLowerCase() === final.toLowerCase()) ? final : undefined;
}

/** An automatic reply (RFC 3834 Auto-Submitted, the common X- headers, or its subject). */
export function isAutoReply(top: Header[], from: string, subject: string): boolean {
  const local = (addressesIn(from)[0] ?? '').split('@')[0] ?? '';
  if (NEVER_AUTOREPLY_LOCAL.test(local) || DAEMON_FROM_REPORT.test(from)) return false;
  const has = (tests: typeof AUTOREPLY_FIELDS) => tests.some((t) => t.value.test(headerValue(top, t.name).trim()));
  if (has(AUTOREPLY_FIELDS)) return true;
  if (isListMailing(top)) return false;
  if (AUTOREPLY_SUBJECT.test(subject)) return true;
  // The hints (Precedence: bulk, X-Auto-Response-Suppress) count only with a subject's word.
  return has(AUTOREPLY_HINTS) && AUTOREPLY_HINTED_SUBJECT.test(subject);
}
