// Reads the machine-readable part of a delivery status notification: the
// message/delivery-status body of RFC 3464 (and message/global-delivery-status of
// RFC 6533), as per-message fields and one field set per recipient.
//
// Real reports are often sloppy: no blank line between recipients, folded values, lower-case
// field names, a missing address type. The reader is lenient about all of that.

import { normaliseAddress, QUOTED_LOCAL_PART } from './address.ts';
import { decodeEncodedWords } from './mime.ts';

export interface DsnRecipientFields {
  finalRecipient: string;
  originalRecipient: string;
  action: string;
  status: string;
  /** Diagnostic type (e.g. 'smtp'), lower-case, '' when absent. */
  diagnosticType: string;
  diagnostic: string;
  remoteMta: string;
  lastAttempt: string;
  /** All fields of the group, lower-case names, raw values (X-Postfix-*, Will-Retry-Until ...). */
  fields: Record<string, string>;
}

export interface DeliveryStatusReport {
  /** Per-message fields (Reporting-MTA, Arrival-Date, X-Postfix-Queue-ID ...), lower-case names. */
  message: Record<string, string>;
  recipients: DsnRecipientFields[];
  /**
   * Set when the report names more recipient groups than MAX_DSN_RECIPIENTS: how many it
   * names in all. Only the first MAX_DSN_RECIPIENTS are in `recipients`, each whole.
   */
  recipientGroupsInReport?: number;
}

/** Recipients per report beyond this are ignored (hostile input bound). */
export const MAX_DSN_RECIPIENTS = 500;

/** Groups of per-message fields kept beyond the recipients (real reports have one). */
const MAX_MESSAGE_GROUPS = 8;

/** True for a field group about one recipient (RFC 3464 section 2.3), not the message. */
function isRecipientGroup(names: ReadonlySet<string>): boolean {
  return names.has('final-recipient') || names.has('original-recipient') || (names.has('action') && names.has('status'));
}

/**
 * Parses the body of a delivery-status part. The text must already be transfer-decoded;
 * for message/global-delivery-status it is UTF-8 (RFC 6533 section 6.2).
 *
 * `cutShort` says the text was cut before its end (a bound upstream): its last group may then
 * be half a group, and is left out and counted, never read as a recipient of its own.
 */
export function parseDeliveryStatus(text: string, cutShort = false): DeliveryStatusReport {
  const report: DeliveryStatusReport = { message: {}, recipients: [] };
  // Recipient groups seen in all; only the first MAX_DSN_RECIPIENTS are kept. A group is
  // judged whole (at its end), so a cut never leaves half a group that would make up a
  // recipient with no Action or Status.
  let seen = 0;
  let messageGroups = 0;
  let group: Array<[string, string]> = [];
  let names = new Set<string>();
  let last: [string, string] | undefined;
  const flush = (complete: boolean) => {
    if (names.size === 0) return;
    const recipient = isRecipientGroup(names);
    const fields: Record<string, string> = {};
    for (const [n, v] of group) if (!(n in fields)) fields[n] = v;
    group = [];
    names = new Set();
    last = undefined;
    if (!recipient) {
      if (complete && messageGroups++ < MAX_MESSAGE_GROUPS) Object.assign(report.message, fields);
      return;
    }
    seen++;
    if (!complete || report.recipients.length >= MAX_DSN_RECIPIENTS) return;
    report.recipients.push(recipientOf(fields));
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush(true);
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last[1] += ' ' + line.trim();
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s?(.*)$/.exec(line);
    if (!m) {
      // nullmailer 2 (nullmailer-dsn, given the whole reply by nullmailer-send) writes a
      // multi-line reply's later lines unfolded, each with its code: "550-5.7.1 unsolicited
      // mail ...". They are the Diagnostic-Code's, not lines to drop.
      if (last?.[0] === 'diagnostic-code' && /^[245]\d\d[ -]/.test(line)) last[1] += ' ' + line.trim();
      continue;
    }
    const name = m[1].toLowerCase();
    // A new recipient starts without a blank line: seen in many MTAs' reports.
    if ((name === 'final-recipient' || name === 'original-recipient') && names.has(name)) flush(true);
    names.add(name);
    // Past the bound only the count matters: the fields of a group to be dropped are not kept.
    if (report.recipients.length >= MAX_DSN_RECIPIENTS) {
      last = undefined;
      continue;
    }
    last = [name, m[2].trim()];
    group.push(last);
  }
  flush(!cutShort);
  if (seen > report.recipients.length) report.recipientGroupsInReport = seen;
  return report;
}

function recipientOf(fields: Record<string, string>): DsnRecipientFields {
  const diag = splitTyped(fields['diagnostic-code'] ?? '');
  return {
    finalRecipient: addressOf(fields['final-recipient'] ?? ''),
    originalRecipient: addressOf(fields['original-recipient'] ?? ''),
    action: (fields['action'] ?? '').trim().toLowerCase().split(/[\s(]/)[0],
    status: statusOf(fields['status'] ?? ''),
    diagnosticType: diag.type,
    // Some servers write their reply as RFC 2047 encoded words (Exchange, Japanese servers'
    // "=?iso-2022-jp?B?...?="): decoded, so that its words and codes can be read.
    diagnostic: decodeEncodedWords(diag.value),
    remoteMta: splitTyped(fields['remote-mta'] ?? '').value,
    lastAttempt: fields['last-attempt-date'] ?? '',
    fields,
  };
}

/** Splits `type; value` (RFC 3464 section 2.1.2 address-type, diagnostic-type, mta-name-type). */
export function splitTyped(value: string): { type: string; value: string } {
  const m = /^\s*([A-Za-z0-9-]{1,20})\s*;\s*(.*)$/s.exec(value);
  if (m) return { type: m[1].toLowerCase(), value: m[2].trim() };
  return { type: '', value: value.trim() };
}

/** A whole field that is one address with a quoted local part (at most 64 characters, RFC 5321 4.5.3.1.1). */
const QUOTED_LOCAL_ADDRESS = new RegExp(String.raw`^[\s<]*(${QUOTED_LOCAL_PART}@[A-Za-z0-9.[\]:-]{1,255})[\s>]*$`);

/** A local part of plain words with blanks between them, unquoted, at most 64 characters
 * (RFC 5321 4.5.3.1.1), then one domain. */
const UNQUOTED_BLANK_ADDRESS =
  /^(?=[^@]{3,64}@)([A-Za-z0-9!#$%&'*+=?^_`{}~.-]{1,63}(?: [A-Za-z0-9!#$%&'*+=?^_`{}~.-]{1,63}){1,8})@([A-Za-z0-9][A-Za-z0-9.-]{0,252})$/;

/**
 * The address of a recipient field: strips the address type, angle brackets and
 * RFC 6533 unitext escapes (\x{HEX}); RFC 3461 xtext (+HEX) is undone for rfc822 types.
 */
export function addressOf(value: string): string {
  const typed = splitTyped(value);
  let addr = typed.value;
  if (typed.type === 'utf-8') addr = addr.replace(/\\x\{([0-9A-Fa-f]{1,6})\}/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
  else if (/\+[0-9A-F]{2}/.test(addr)) addr = addr.replace(/\+([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  // A quoted local part ("first last"@example.org, RFC 5321 4.1.2) is one address with its
  // blanks and quotes; bounded, so a stranger's field of quotes is read once.
  const quoted = QUOTED_LOCAL_ADDRESS.exec(addr);
  if (quoted) return normaliseAddress(quoted[1]!);
  // The same local part with its quotes dropped ("rfc822; first last@example.org", as
  // nullmailer 2 writes it: its address parser keeps the words, not the quotes): blanks
  // between plain words before the one '@' can only have been quoted. Taking the last word
  // instead would name another mailbox (last@example.org), one a hard bounce would suppress.
  // No '|' or '/' (a program), no '<' (an address inside); bounded, so linear in the value.
  const unquoted = UNQUOTED_BLANK_ADDRESS.exec(addr.trim());
  if (unquoted) return normaliseAddress(`"${unquoted[1]!}"@${unquoted[2]!}`);
  const angle = /<([^<>\s]*@[^<>\s]*)>/.exec(addr);
  if (angle) addr = angle[1];
  else if (/\s/.test(addr.trim())) {
    // "|/usr/bin/prog user@example.org /home/x": take the address among the words.
    const word = addr.split(/\s+/).find((w) => /^[^@\s|/]+@[^@\s]+\.[^@\s]+$/.test(w));
    if (word) addr = word;
  }
  addr = addr.replace(/^["'<\s]+|["'>\s.;,]+$/g, '');
  return normaliseAddress(addr);
}

export { normaliseAddress };

function statusOf(value: string): string {
  const m = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(value);
  return m ? `${m[1]}.${Number(m[2])}.${Number(m[3])}` : '';
}

const MAILBOX = new RegExp(String.raw`^(?:[^@\s]+|${QUOTED_LOCAL_PART})@[^@\s]+$`);

/** A usable mailbox: a local part (a quoted one too), '@', a domain (not "@host" or "user@"). */
export function isMailbox(address: string): boolean {
  return MAILBOX.test(address);
}

/**
 * A mailbox at one of Oracle Messaging Server's channel hosts ("user@ims-ms-daemon", the
 * message store's channel; its channels' hosts end "-daemon"). It writes that address as the
 * Final-Recipient once it has rewritten a recipient for local delivery ("Recipient address:
 * user@ims-ms-daemon / Original address: user@host.tufts.edu / Reason: Over quota", as a site
 * running it quotes its notice, uit.tufts.edu "Bounced Message Documentation"), the address the
 * sender wrote staying in Original-Recipient. Not any one-label host: Postfix writes
 * "bob@localhost" for the member of an alias whose own address (info@example.com) is in
 * Original-Recipient, and that alias is not the mailbox that failed.
 */
export function isInternalMailbox(address: string): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return isMailbox(address) && /^[a-z0-9_-]+-daemon$/i.test(domain);
}

/**
 * The recipient groups that name someone, with unusable addresses repaired. Some MTAs write a
 * broken Final-Recipient ("rfc822; @mx.example.org", a source route left without its mailbox);
 * the Original-Recipient, or else the next address the notice or X-Failed-Recipients names
 * that no other group claims, is the recipient then. A group naming nobody is dropped.
 */
export function recipientsWithAddresses(report: DeliveryStatusReport | undefined, namedElsewhere: string[]): DsnRecipientFields[] {
  if (!report) return [];
  const claimed = new Set<string>();
  for (const r of report.recipients) {
    if (isMailbox(r.finalRecipient)) claimed.add(r.finalRecipient.toLowerCase());
    if (isMailbox(r.originalRecipient)) claimed.add(r.originalRecipient.toLowerCase());
  }
  const spare = namedElsewhere.filter((a) => isMailbox(a) && !claimed.has(a.toLowerCase()));
  const out: DsnRecipientFields[] = [];
  for (const r of report.recipients) {
    if (isMailbox(r.finalRecipient) || isMailbox(r.originalRecipient)) {
      out.push(r);
      continue;
    }
    if (!r.finalRecipient.includes('@') && !r.originalRecipient.includes('@')) continue;
    const substitute = spare.shift();
    out.push(substitute ? { ...r, finalRecipient: normaliseAddress(substitute) } : r);
  }
  return out;
}
