// Sisimai's reason names in plain words, for people who read a notice and are not mail
// administrators. One sentence each: what happened and, where it helps, what to do.

import type { Reason } from '../core/types.ts';

export const REASON_WORDS: Readonly<Record<Reason, string>> = {
  userunknown: 'The mailbox does not exist at the receiving side. Check the address for typos; the person may have left.',
  hostunknown: 'The domain of the address does not exist or does not receive mail. Check the part after the @.',
  hasmoved: 'The mailbox has moved and no forwarding address is available.',
  notaccept: 'The receiving domain does not accept mail at all.',
  mailboxfull: "The recipient's mailbox is full. A later message may get through once they make room.",
  expired: 'The message could not be delivered for days and the sending server gave up.',
  filtered: 'The receiving side refused the message on its own rules (a filter or an inactive recipient).',
  rejected: 'The receiving side refused mail from this sender.',
  blocked: 'The receiving side blocks mail from our sending server or its IP address.',
  authfailure: 'The message failed the sender authentication checks (SPF, DKIM or DMARC) of the receiving side.',
  networkerror: 'A network problem prevented delivery (the receiving server could not be reached).',
  suspend: 'The mailbox is disabled or suspended.',
  policyviolation: 'The message broke a policy of the receiving side.',
  requireptr: 'The receiving side requires a valid reverse DNS name for our sending server.',
  spamdetected: 'The receiving side considered the message spam.',
  systemerror: 'The receiving mail system had an error.',
  securityerror: 'A security requirement of the receiving side was not met (authentication or encryption).',
  mailererror: 'The mail program at the receiving side failed.',
  onhold: 'The receiving side is holding the message; delivery may still happen or fail later.',
  norelaying: 'The receiving server refused to relay the message to this address.',
  notcompliantrfc: 'The receiving side rejected the message as not following the mail standards.',
  toomanyconn: 'The receiving side refused because too many connections or messages arrived at once.',
  exceedlimit: 'The message exceeded a size or count limit of the recipient.',
  mesgtoobig: 'The message is too big for the receiving side.',
  badreputation: 'The receiving side distrusts our sending IP address or domain (poor reputation).',
  contenterror: 'The receiving side could not accept the content or format of the message.',
  virusdetected: 'The receiving side found a virus in the message.',
  syntaxerror: 'The mail servers could not understand each other (protocol syntax error).',
  speeding: 'The receiving side is limiting how fast it accepts mail from us.',
  undefined: 'The reason could not be determined from the bounce; see the diagnostic text.',
  failedstarttls: 'An encrypted connection (STARTTLS) to the receiving side could not be set up.',
  systemfull: 'The receiving mail system is out of storage.',
  suppressed: 'The address is on a suppression list and the message was not sent.',
  feedback: 'The recipient reported the message as spam.',
  vacation: 'The recipient answered with an automatic reply (out of office).',
  delivered: 'The message was delivered.',
};

/** The plain-words text for a reason name; unknown names get the 'undefined' text. */
export function reasonInWords(reason: string): string {
  return (REASON_WORDS as Record<string, string>)[reason] ?? REASON_WORDS.undefined;
}
