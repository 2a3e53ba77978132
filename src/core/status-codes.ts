// The enhanced mail system status codes: RFC 3463 defines the class.subject.detail
// structure and the first codes; RFC 5248 created the IANA registry, which later RFCs
// extended (4468, 4954, 6531, 6710, 7293, 7372, 7505, 8617, 8689). This module knows every
// registered code, describes any code in plain words, and says which bounce reason a code
// settles on its own (and which codes are too vague to settle anything).

import type { Reason } from './types.ts';

/** RFC 3463 section 3.1: the class sub-code. */
export const STATUS_CLASSES: Readonly<Record<string, string>> = {
  '2': 'Success: the message was delivered',
  '4': 'Persistent transient failure: the message may be delivered if sent again later',
  '5': 'Permanent failure: sending the same message again will not work',
};

/** RFC 3463 section 3.2: the subject sub-code. */
export const STATUS_SUBJECTS: Readonly<Record<string, string>> = {
  '0': 'Other or undefined status',
  '1': 'Addressing status',
  '2': 'Mailbox status',
  '3': 'Mail system status',
  '4': 'Network and routing status',
  '5': 'Mail delivery protocol status',
  '6': 'Message content or media status',
  '7': 'Security or policy status',
};

/**
 * Every registered detail code (IANA "SMTP Enhanced Status Codes", Enumerated Status Codes),
 * keyed by subject.detail, with the meaning in plain words and the defining RFC.
 */
export const STATUS_DETAILS: Readonly<Record<string, { meaning: string; rfc: string }>> = {
  '0.0': { meaning: 'Other undefined status', rfc: 'RFC 3463' },
  '1.0': { meaning: 'Other address status', rfc: 'RFC 3463' },
  '1.1': { meaning: 'Bad destination mailbox address: the mailbox does not exist', rfc: 'RFC 3463' },
  '1.2': { meaning: 'Bad destination system address: the domain does not exist or does not accept mail', rfc: 'RFC 3463' },
  '1.3': { meaning: 'Bad destination mailbox address syntax', rfc: 'RFC 3463' },
  '1.4': { meaning: 'Destination mailbox address ambiguous', rfc: 'RFC 3463' },
  '1.5': { meaning: 'Destination address valid', rfc: 'RFC 3463' },
  '1.6': { meaning: 'Destination mailbox has moved, no forwarding address', rfc: 'RFC 3463' },
  '1.7': { meaning: "Bad sender's mailbox address syntax", rfc: 'RFC 3463' },
  '1.8': { meaning: "Bad sender's system address", rfc: 'RFC 3463' },
  '1.9': { meaning: 'Message relayed to a non-compliant mailer', rfc: 'RFC 3886' },
  '1.10': { meaning: 'Recipient address has a null MX: the domain accepts no mail', rfc: 'RFC 7505' },
  '2.0': { meaning: 'Other or undefined mailbox status', rfc: 'RFC 3463' },
  '2.1': { meaning: 'Mailbox disabled, not accepting messages', rfc: 'RFC 3463' },
  '2.2': { meaning: 'Mailbox full', rfc: 'RFC 3463' },
  '2.3': { meaning: 'Message length exceeds an administrative limit', rfc: 'RFC 3463' },
  '2.4': { meaning: 'Mailing list expansion problem', rfc: 'RFC 3463' },
  '3.0': { meaning: 'Other or undefined mail system status', rfc: 'RFC 3463' },
  '3.1': { meaning: 'Mail system full', rfc: 'RFC 3463' },
  '3.2': { meaning: 'System not accepting network messages', rfc: 'RFC 3463' },
  '3.3': { meaning: 'System not capable of the selected features', rfc: 'RFC 3463' },
  '3.4': { meaning: 'Message too big for the system', rfc: 'RFC 3463' },
  '3.5': { meaning: 'System incorrectly configured', rfc: 'RFC 3463' },
  '3.6': { meaning: 'Requested priority was changed', rfc: 'RFC 6710' },
  '4.0': { meaning: 'Other or undefined network or routing status', rfc: 'RFC 3463' },
  '4.1': { meaning: 'No answer from host', rfc: 'RFC 3463' },
  '4.2': { meaning: 'Bad connection', rfc: 'RFC 3463' },
  '4.3': { meaning: 'Directory server failure', rfc: 'RFC 3463' },
  '4.4': { meaning: 'Unable to route', rfc: 'RFC 3463' },
  '4.5': { meaning: 'Mail system congestion', rfc: 'RFC 3463' },
  '4.6': { meaning: 'Routing loop detected', rfc: 'RFC 3463' },
  '4.7': { meaning: 'Delivery time expired', rfc: 'RFC 3463' },
  '5.0': { meaning: 'Other or undefined protocol status', rfc: 'RFC 3463' },
  '5.1': { meaning: 'Invalid command', rfc: 'RFC 3463' },
  '5.2': { meaning: 'Syntax error', rfc: 'RFC 3463' },
  '5.3': { meaning: 'Too many recipients', rfc: 'RFC 3463' },
  '5.4': { meaning: 'Invalid command arguments', rfc: 'RFC 3463' },
  '5.5': { meaning: 'Wrong protocol version', rfc: 'RFC 3463' },
  '5.6': { meaning: 'Authentication exchange line is too long', rfc: 'RFC 4954' },
  '6.0': { meaning: 'Other or undefined media error', rfc: 'RFC 3463' },
  '6.1': { meaning: 'Media not supported', rfc: 'RFC 3463' },
  '6.2': { meaning: 'Conversion required and prohibited', rfc: 'RFC 3463' },
  '6.3': { meaning: 'Conversion required but not supported', rfc: 'RFC 3463' },
  '6.4': { meaning: 'Conversion with loss performed', rfc: 'RFC 3463' },
  '6.5': { meaning: 'Conversion failed', rfc: 'RFC 3463' },
  '6.6': { meaning: 'Message content not available', rfc: 'RFC 4468' },
  '6.7': { meaning: 'Non-ASCII addresses not permitted for that sender or recipient', rfc: 'RFC 6531' },
  '6.8': { meaning: 'UTF-8 string reply is required, but not permitted by the SMTP client', rfc: 'RFC 6531' },
  '6.9': { meaning: 'UTF-8 header message cannot be transferred to one or more recipients', rfc: 'RFC 6531' },
  '6.10': { meaning: 'UTF-8 string reply is required (duplicate of X.6.8, deprecated)', rfc: 'RFC 6531' },
  '7.0': { meaning: 'Other or undefined security status', rfc: 'RFC 3463' },
  '7.1': { meaning: 'Delivery not authorized, message refused', rfc: 'RFC 3463' },
  '7.2': { meaning: 'Mailing list expansion prohibited', rfc: 'RFC 3463' },
  '7.3': { meaning: 'Security conversion required but not possible', rfc: 'RFC 3463' },
  '7.4': { meaning: 'Security features not supported', rfc: 'RFC 3463' },
  '7.5': { meaning: 'Cryptographic failure', rfc: 'RFC 3463' },
  '7.6': { meaning: 'Cryptographic algorithm not supported', rfc: 'RFC 3463' },
  '7.7': { meaning: 'Message integrity failure', rfc: 'RFC 3463' },
  '7.8': { meaning: 'Authentication credentials invalid', rfc: 'RFC 4954' },
  '7.9': { meaning: 'Authentication mechanism is too weak', rfc: 'RFC 4954' },
  '7.10': { meaning: 'Encryption needed', rfc: 'RFC 5248' },
  '7.11': { meaning: 'Encryption required for the requested authentication mechanism', rfc: 'RFC 4954' },
  '7.12': { meaning: 'A password transition is needed', rfc: 'RFC 4954' },
  '7.13': { meaning: 'User account disabled', rfc: 'RFC 5248' },
  '7.14': { meaning: 'Trust relationship required', rfc: 'RFC 5248' },
  '7.15': { meaning: 'Priority level is too low', rfc: 'RFC 6710' },
  '7.16': { meaning: 'Message is too big for the specified priority', rfc: 'RFC 6710' },
  '7.17': { meaning: 'Mailbox owner has changed', rfc: 'RFC 7293' },
  '7.18': { meaning: 'Domain owner has changed', rfc: 'RFC 7293' },
  '7.19': { meaning: 'RRVS test cannot be completed', rfc: 'RFC 7293' },
  '7.20': { meaning: 'No passing DKIM signature found', rfc: 'RFC 7372' },
  '7.21': { meaning: 'No acceptable DKIM signature found', rfc: 'RFC 7372' },
  '7.22': { meaning: 'No valid author-matched DKIM signature found', rfc: 'RFC 7372' },
  '7.23': { meaning: 'SPF validation failed', rfc: 'RFC 7372' },
  '7.24': { meaning: 'SPF validation error', rfc: 'RFC 7372' },
  '7.25': { meaning: 'Reverse DNS validation failed', rfc: 'RFC 7372' },
  '7.26': { meaning: 'Multiple authentication checks failed', rfc: 'RFC 7372' },
  '7.27': { meaning: 'Sender address has a null MX', rfc: 'RFC 7505' },
  '7.28': { meaning: 'Mail flood detected', rfc: 'RFC 8904' },
  '7.29': { meaning: 'ARC validation failure', rfc: 'RFC 8617' },
  '7.30': { meaning: 'REQUIRETLS support required', rfc: 'RFC 8689' },
};

/**
 * The reason a status code settles by itself, keyed by the full code or by subject.detail
 * (applies to both 4 and 5 classes). Vague codes (X.0.0, X.7.1, X.5.0 ...) are absent on
 * purpose: those need the diagnostic text to say more. Names are Sisimai's.
 */
const REASON_BY_CODE: Readonly<Record<string, Reason>> = {
  '2.1.5': 'delivered',
  '2.0.0': 'delivered',
  '1.1': 'userunknown',
  '1.2': 'hostunknown',
  '1.3': 'userunknown',
  '1.4': 'userunknown',
  '1.6': 'hasmoved',
  '1.7': 'rejected',
  '1.8': 'rejected',
  '1.9': 'systemerror',
  '1.10': 'notaccept',
  '2.1': 'suspend',
  '2.2': 'mailboxfull',
  '2.3': 'exceedlimit',
  '2.4': 'systemerror',
  '3.1': 'systemfull',
  '3.2': 'notaccept',
  '3.3': 'systemerror',
  '3.4': 'mesgtoobig',
  '3.5': 'systemerror',
  '4.1': 'networkerror',
  '4.2': 'networkerror',
  '4.3': 'systemerror',
  '4.4': 'notaccept',
  '4.5': 'toomanyconn',
  '4.6': 'networkerror',
  '4.7': 'expired',
  '5.3': 'toomanyconn',
  '5.2': 'syntaxerror',
  '5.4': 'syntaxerror',
  '5.5': 'syntaxerror',
  '6.0': 'contenterror',
  '6.1': 'contenterror',
  '6.2': 'contenterror',
  '6.3': 'contenterror',
  '6.5': 'contenterror',
  '6.6': 'contenterror',
  // X.6.7 (RFC 6531, "Non-ASCII addresses not permitted for that sender or recipient"): an
  // address in a form the transaction did not allow, most often a client that did not declare
  // SMTPUTF8 (Postfix's "553 5.6.7 Must declare SMTPUTF8 to send unicode address", maddy's
  // "553 5.6.7 SMTPUTF8 is required for non-ASCII recipients"), the sender's as often as the
  // recipient's: the message's form, as the rest of X.6, never a mailbox that does not exist.
  '6.7': 'contenterror',
  '6.8': 'contenterror',
  '6.9': 'contenterror',
  '6.10': 'contenterror',
  '7.3': 'securityerror',
  '7.4': 'securityerror',
  '7.5': 'securityerror',
  '7.6': 'securityerror',
  '7.7': 'securityerror',
  '7.8': 'securityerror',
  '7.9': 'securityerror',
  '7.10': 'failedstarttls',
  '7.11': 'failedstarttls',
  '7.12': 'securityerror',
  '7.13': 'suspend',
  '7.14': 'securityerror',
  '7.15': 'rejected',
  '7.16': 'mesgtoobig',
  '7.17': 'hasmoved',
  '7.18': 'hasmoved',
  '7.19': 'securityerror',
  '7.20': 'authfailure',
  '7.21': 'authfailure',
  '7.22': 'authfailure',
  '7.23': 'authfailure',
  '7.24': 'authfailure',
  '7.25': 'requireptr',
  '7.26': 'authfailure',
  '7.27': 'notaccept',
  '7.28': 'speeding',
  '7.29': 'authfailure',
  '7.30': 'failedstarttls',
};

export interface StatusDescription {
  code: string;
  /** Meaning of the class digit, '' when unknown. */
  class: string;
  /** Meaning of the subject digit, '' when unknown. */
  subject: string;
  /** Meaning of the registered detail code, '' when the detail is not registered. */
  detail: string;
  /** One line in plain words: the detail when registered, else the subject, else ''. */
  meaning: string;
  /** Reason the code settles by itself, or undefined when the code is too vague. */
  reason?: Reason;
}

const STATUS_SHAPE = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

/** True for a syntactically valid enhanced status code (RFC 3463 section 2). */
export function isStatusCode(code: string): boolean {
  return STATUS_SHAPE.test(code);
}

/** Describes an enhanced status code such as '5.1.1' in plain words. */
export function describeStatus(code: string): StatusDescription {
  const m = STATUS_SHAPE.exec(code.trim());
  if (!m) return { code, class: '', subject: '', detail: '', meaning: '' };
  const [, cls, subject, detail] = m;
  const key = `${Number(subject)}.${Number(detail)}`;
  const normal = `${cls}.${key}`;
  const registered = STATUS_DETAILS[key];
  const subjectMeaning = STATUS_SUBJECTS[String(Number(subject))] ?? '';
  return {
    code: normal,
    class: STATUS_CLASSES[cls] ?? '',
    subject: subjectMeaning,
    detail: registered?.meaning ?? '',
    meaning: registered?.meaning ?? subjectMeaning,
    reason: reasonForStatus(normal),
  };
}

/** The reason a status code settles by itself, or undefined when the text must decide. */
export function reasonForStatus(code: string): Reason | undefined {
  const m = STATUS_SHAPE.exec(code);
  if (!m) return undefined;
  const key = `${Number(m[2])}.${Number(m[3])}`;
  const full = `${m[1]}.${key}`;
  if (full in REASON_BY_CODE) return REASON_BY_CODE[full];
  if (m[1] === '2') return 'delivered';
  return REASON_BY_CODE[key];
}

/**
 * Codes precise enough to overrule the diagnostic wording (their text is often generic, as
 * "5.1.6 not our customer" or "5.2.3 message size exceeds fixed maximum"). Not 5.1.10:
 * Microsoft sends it for "Recipient not found by SMTP address lookup", not only for the
 * null MX of RFC 7505, so the words must decide. Not X.7.27 either: Gmail sends 4.7.27 and
 * 5.7.27 for "SPF did not pass" (support.google.com/a/answer/3726730), a refusal of the sender
 * that RFC 7505's "sender address has null MX" meaning would make a hard bounce; the words
 * decide, and X.7.27 still gives notaccept when they name nothing.
 */
const DECISIVE_DETAILS = new Set(['1.6', '2.3', '7.20', '7.21', '7.22', '7.23', '7.24', '7.26']);

/**
 * Decisive codes that yield to words naming another cause (a rule that is not `weak`): Gmail
 * sends "451 4.7.23 ... doesn't have a PTR record" for the sending IP's reverse DNS
 * (support.google.com/a/answer/3726730), not RFC 7372's "SPF validation error"; "550 5.7.23
 * Message rejected" still reads as the SPF failure the code names.
 */
const DECISIVE_UNLESS_NAMED = new Set(['7.23']);

/**
 * The reason a code's class and subject give when nothing else in the bounce says more
 * (RFC 3463 section 3), read with the SMTP command the error followed where the subject
 * alone is ambiguous. Used only after every text rule has had its say (rules/README.md,
 * rule 7). X.0.x says nothing beyond the class: the reply code decides.
 */
export function fallbackReasonForStatus(code: string, command = ''): Reason | undefined {
  const m = STATUS_SHAPE.exec(code);
  if (!m || m[1] === '2') return undefined;
  const subject = Number(m[2]);
  switch (subject) {
    // Addressing: about the recipient's address when answered to RCPT, the sender's to MAIL.
    case 1:
      return command === 'RCPT' ? 'userunknown' : command === 'MAIL' ? 'rejected' : undefined;
    // Mailbox status: the mailbox exists but something about it refused (RFC 3463 X.2.0).
    case 2:
      return 'filtered';
    case 3:
      return 'systemerror';
    // Network and routing: permanent ones are unroutable, temporary ones a network problem.
    case 4:
      return 'networkerror';
    case 5:
      return 'syntaxerror';
    case 6:
      return 'contenterror';
    case 7:
      return 'securityerror';
    default:
      return undefined;
  }
}

/**
 * True when the code's reason should win over the text rules; for X.7.23, only when no rule
 * that names a cause (not `weak`, not about the sender) matched the words (`wordsNameACause`).
 */
export function isDecisiveStatus(code: string, wordsNameACause = false): boolean {
  const m = STATUS_SHAPE.exec(code);
  if (!m) return false;
  const detail = `${Number(m[2])}.${Number(m[3])}`;
  return DECISIVE_DETAILS.has(detail) && !(wordsNameACause && DECISIVE_UNLESS_NAMED.has(detail));
}
