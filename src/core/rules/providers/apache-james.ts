// Apache James's SMTP hooks, read in its source (apache/james-project):
// protocols/smtp/src/main/java/org/apache/james/protocols/smtp/core/fastfail/DNSRBLHandler.java
// and AbstractGreylistHandler.java; the remote delivery's error for a domain with no mail
// server or a lookup that failed for now (server/mailet/remote-delivery, MailDelivrer). Its
// other replies ("Unknown user:", "Requested action not taken: relaying denied", the URI block
// list's "Rejected: message contains domain ... listed by ...") are read by the general rules.

import type { ReasonRule } from '../reasons.ts';

export const APACHE_JAMES_RULES: readonly ReasonRule[] = [
  // DNSRBLHandler, when the connecting IP is listed by a configured DNS block list and the list
  // gave no TXT record: "554 5.7.1 Rejected: unauthenticated e-mail from <ip> is restricted.
  // Contact the postmaster for details." (Java prints the address as "/192.0.2.1"). The
  // sending host on a block list, not a security setting of the recipient.
  {
    id: 'blocked/james-dnsrbl',
    reason: 'blocked',
    phrases: [String.raw`\brejected: unauthenticated e-mail from \S{1,64} is restricted\b`],
    hints: ['unauthenticated e-mail from'],
    quote: '554 5.7.1 Rejected: unauthenticated e-mail from /192.0.2.1 is restricted.  Contact the postmaster for details.',
  },
  // AbstractGreylistHandler's two replies, "451 4.4.3 Temporary rejected: Reconnect to fast.
  // Please try again later" (a retry before the greylisting period passed) and "451 4.4.3
  // Temporary rejected: Please try again later" (a triplet seen for the first time):
  // greylisting, as expired/greylisted reads it elsewhere. The 4.4.3 code (directory server
  // failure) says nothing about DNS here.
  {
    id: 'expired/james-greylist',
    reason: 'expired',
    phrases: [String.raw`\btemporary rejected: (?:reconnect to fast\. )?please try again later\b`],
    hints: ['temporary rejected'],
    quote: '451 4.4.3 Temporary rejected: Reconnect to fast. Please try again later',
  },
  // MailDelivrer.handleNoTargetServer: "There are no DNS entries for the hostname <host>.  I
  // cannot determine where to send this message.", a permanent failure once its DNS retries
  // (dnsProblemRetry) ran out, which its DSNBounce gives 5.1.2 (bad destination system): the
  // recipient's domain names no mail server.
  {
    id: 'hostunknown/james-no-dns-entries',
    reason: 'hostunknown',
    phrases: [String.raw`\bthere are no dns entries for the hostname\b`],
    hints: ['no dns entries for the hostname'],
    quote: 'There are no DNS entries for the hostname example.net.  I cannot determine where to send this message.',
  },
  // MailDelivrer.tryDeliver when the DNS lookup of the recipient's domain failed for now
  // (TemporaryResolutionException): "Temporary problem looking up mail server for host:
  // <host>.  I cannot determine where to send this message.", a temporary failure its retries
  // may end in a bounce. The name could not be looked up, nothing is known of the domain
  // (README rule 4): never hard.
  {
    id: 'networkerror/james-temporary-lookup',
    reason: 'networkerror',
    phrases: [String.raw`\btemporary problem looking up mail server for host\b`],
    hints: ['temporary problem looking up'],
    traits: ['temporary-dns', 'dns'],
    quote: 'Temporary problem looking up mail server for host: example.net.  I cannot determine where to send this message.',
  },
];
