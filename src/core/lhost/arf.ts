// Who complained, in an ARF feedback report (RFC 5965): the message/feedback-report part's
// Original-Rcpt-To fields name the recipients of the reported message (section 3.2, optional,
// any number of times). Some reporters redact the local part ("Redacted-Address: @example.org",
// or an Original-Rcpt-To with only "user@"); AOL-style reports then leave the reported
// message's To as the only clue. The opt-out draft's Removal-Recipient (not in RFC 5965) names
// the address asking to be removed. Authentication failure reports (RFC 6591, and DMARC's
// failure reports, RFC 7489 section 7.3) are the same format with Feedback-Type auth-failure,
// read the same way; the feedback type is kept in each row's decision trail.
//
// A report is a stranger's message, and each complaining address is suppressed: the report's
// own fields are believed up to MAX_COMPLAINT_RECIPIENTS; the reported message is only a clue,
// taken when it points at one person (a To of one address, else a Delivered-To or
// X-Original-To, Microsoft's X-HmXmrOriginalRecipient first). Its Cc is never a complainer,
// and a To of many addresses says nothing about which of them complained.
//
// When the report names nobody, the complaint still happened: its recipient is the placeholder
// UNDISCLOSED_RECIPIENT, an address under .invalid (RFC 6761 section 6.4) that can never be
// delivered to, so that a complaint with no named recipient stays one row and cannot be
// mistaken for a real address. The same placeholder is what Sisimai reports in that case.

import { decodeHeaderValue, headerValue, type Header } from '../mime.ts';
import { addressesIn } from '../original.ts';

/** The recipient of a complaint that names none (RFC 6761 section 6.4: .invalid never resolves). */
export const UNDISCLOSED_RECIPIENT = 'undisclosed-recipient-in-headers@libsisimai.org.invalid';

export interface ComplaintRecipients {
  addresses: string[];
  /** Which field named them, for the decision trail. */
  source: string;
  /** RFC 5965 Feedback-Type, lower-case ('abuse' when absent). */
  feedbackType: string;
  /** Set when the report named more addresses than were believed. */
  namedInReport?: number;
}

/** RFC 5965 Feedback-Type of a report's fields, lower-case ('abuse' when absent). */
function feedbackTypeOf(fields: Header[]): string {
  return (headerValue(fields, 'feedback-type') || 'abuse').trim().toLowerCase().split(/\s/)[0];
}

/**
 * Feedback reports that say nothing about the recipient not wanting the mail: a DMARC or
 * other authentication failure report (RFC 6591: the sender's authentication failed, sent
 * to the domain's owner, not by a recipient) and a not-spam report (the recipient moved
 * the message OUT of spam). Suppressing the address for either would punish a recipient
 * who did not complain.
 */
export const NOT_A_RECIPIENT_COMPLAINT: readonly string[] = ['auth-failure', 'not-spam'];

/** Complaining addresses believed from one report's own fields, at most. */
export const MAX_COMPLAINT_RECIPIENTS = 50;

/**
 * The complaining recipients of a feedback report. `fields` are the feedback-report part's
 * fields; `reported` the reported message's header fields (or [] when it is not there);
 * `knownType` the feedback type when the caller read it elsewhere (a report written as prose).
 */
export function complaintRecipients(fields: Header[], reported: Header[], knownType?: string): ComplaintRecipients {
  const feedbackType = knownType ?? feedbackTypeOf(fields);
  const named = (name: string) =>
    unique(fields.filter((f) => f.name === name).flatMap((f) => addressesIn(f.value, MAX_COMPLAINT_RECIPIENTS + 1)));
  const found = (addresses: string[], source: string): ComplaintRecipients => {
    const cut = addresses.length > MAX_COMPLAINT_RECIPIENTS;
    return {
      addresses: cut ? addresses.slice(0, MAX_COMPLAINT_RECIPIENTS) : addresses,
      source,
      feedbackType,
      ...(cut ? { namedInReport: addresses.length } : {}),
    };
  };
  const redacted = fields.some((f) => f.name === 'redacted-address');
  const rcptTo = named('original-rcpt-to');
  const clue = reportedRecipient(reported);
  // A redacted report's Original-Rcpt-To is a stand-in; the reported message may say who.
  if (rcptTo.length && !(redacted && clue)) return found(rcptTo, 'arf:Original-Rcpt-To');
  const removal = named('removal-recipient');
  if (removal.length) return found(removal, 'arf:Removal-Recipient');
  // "user@" or "@domain" only: the reported message is the best clue.
  if (clue)
    return found([clue.address], clue.source + (redacted || fields.some((f) => f.name === 'original-rcpt-to') ? ' (redacted report)' : ''));
  if (rcptTo.length) return found(rcptTo, 'arf:Original-Rcpt-To');
  return { addresses: [UNDISCLOSED_RECIPIENT], source: 'arf:no recipient named', feedbackType };
}

/**
 * The one recipient the reported message points at, if it points at exactly one: Microsoft's
 * X-HmXmrOriginalRecipient, then the fields the receiving system adds (Delivered-To,
 * X-Original-To), and only then a To of one address. The sender writes the To: a list mailing
 * sent by Bcc carries the list's own address there, so a To equal to the reported message's
 * From is never taken. A Delivered-To or X-Original-To below a Received field was written by
 * an earlier hop (a list or a forward that sent the message on), so only those above every
 * Received field count. Each field is read alone and must hold a single address.
 */
export function reportedRecipient(reported: Header[]): { address: string; source: string } | undefined {
  const upToTwo = (header: string) => addressesIn(decodeHeaderValue(header), 2);
  const from = new Set(reported.filter((h) => h.name === 'from').flatMap((h) => upToTwo(h.value)));
  const firstReceived = reported.findIndex((h) => h.name === 'received');
  const lastHop = firstReceived < 0 ? reported : reported.slice(0, firstReceived);
  for (const [name, label] of REPORTED_RECIPIENT_FIELDS) {
    if (name === 'received') {
      // The receiving system's own Received field names the mailbox it delivered to when
      // there was one ("... for <complainer@isp.example>"): a list's To never does.
      const top = firstReceived < 0 ? '' : decodeHeaderValue(reported[firstReceived].value).slice(0, RECEIVED_FIELD_CHARS);
      const forAddress = upToTwo(RECEIVED_FOR.exec(top)?.[1] ?? '');
      if (forAddress.length === 1 && !from.has(forAddress[0])) return { address: forAddress[0], source: label };
      continue;
    }
    const values = (RECEIVING_SYSTEM_FIELDS.has(name) ? lastHop : reported).filter((h) => h.name === name);
    if (values.length !== 1) continue;
    const addresses = upToTwo(values[0].value);
    if (addresses.length !== 1) continue;
    if (name === 'to' && from.has(addresses[0])) continue;
    return { address: addresses[0], source: label };
  }
  return undefined;
}

/** RFC 5321 section 4.4's "for" clause of a Received field, and how much of the field is read. */
const RECEIVED_FOR = /\bfor\s+<?([^\s<>;]{1,256}@[^\s<>;]{1,255})>?/i;
const RECEIVED_FIELD_CHARS = 2048;

const RECEIVING_SYSTEM_FIELDS = new Set(['delivered-to', 'x-original-to']);
const REPORTED_RECIPIENT_FIELDS: readonly [string, string][] = [
  ['x-hmxmroriginalrecipient', 'arf:X-HmXmrOriginalRecipient'],
  ['delivered-to', 'original:Delivered-To'],
  ['x-original-to', 'original:X-Original-To'],
  ['received', 'original:Received for'],
  ['to', 'original:To'],
];

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
