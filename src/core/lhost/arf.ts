// Who complained, in an ARF feedback report (RFC 5965): the message/feedback-report part's
// Original-Rcpt-To fields name the recipients of the reported message (section 3.2, optional,
// any number of times). Some reporters redact the local part ("Redacted-Address: @example.org",
// or an Original-Rcpt-To with only "user@"); AOL-style reports then leave the reported
// message's To as the only clue. The opt-out draft's Removal-Recipient (not in RFC 5965) names
// the address asking to be removed.
//
// When the report names nobody, the complaint still happened: its recipient is the placeholder
// UNDISCLOSED_RECIPIENT, an address under .invalid (RFC 6761 section 6.4) that can never be
// delivered to, so that a complaint with no named recipient stays one row and cannot be
// mistaken for a real address. The same placeholder is what Sisimai reports in that case.

import { headerValue, type Header } from '../mime.ts';
import { addressesIn } from '../original.ts';

/** The recipient of a complaint that names none (RFC 6761 section 6.4: .invalid never resolves). */
export const UNDISCLOSED_RECIPIENT = 'undisclosed-recipient-in-headers@libsisimai.org.invalid';

export interface ComplaintRecipients {
  addresses: string[];
  /** Which field named them, for the decision trail. */
  source: string;
  /** RFC 5965 Feedback-Type, lower-case ('abuse' when absent). */
  feedbackType: string;
}

/**
 * The complaining recipients of a feedback report. `fields` are the feedback-report part's
 * fields; `originalTo` the reported message's To addresses.
 */
export function complaintRecipients(fields: Header[], originalTo: string[]): ComplaintRecipients {
  const feedbackType = (headerValue(fields, 'feedback-type') || 'abuse').trim().toLowerCase().split(/\s/)[0];
  const named = (name: string) => fields.filter((f) => f.name === name).flatMap((f) => addressesIn(f.value));
  const rcptTo = named('original-rcpt-to');
  if (rcptTo.length) return { addresses: unique(rcptTo), source: 'arf:Original-Rcpt-To', feedbackType };
  // A redacted recipient ("user@" or "@domain"): the reported message's To is the best clue.
  const redacted = fields.some((f) => f.name === 'redacted-address' || (f.name === 'original-rcpt-to' && f.value.includes('@')));
  if (redacted && originalTo.length) return { addresses: unique(originalTo), source: 'original:To (redacted report)', feedbackType };
  const removal = named('removal-recipient');
  if (removal.length) return { addresses: unique(removal), source: 'arf:Removal-Recipient', feedbackType };
  // No field names the recipient: the reported message's To does, when it holds an address.
  if (originalTo.length) return { addresses: unique(originalTo), source: 'original:To', feedbackType };
  return { addresses: [UNDISCLOSED_RECIPIENT], source: 'arf:no recipient named', feedbackType };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
