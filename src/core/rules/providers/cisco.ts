// Cisco Secure Email (IronPort) AsyncOS's default SMTP responses, as its user guide and CLI
// reference give them (AsyncOS for Cisco Email Security Appliances User Guide, "Defining Which
// Hosts Are Allowed to Connect Using the Host Access Table (HAT)": the mail flow policies'
// "Max. Recipients Per Hour Code / Exceeded Text"; the CLI Reference's listenerconfig
// examples). Its other defaults are read by the general rules: the BLOCKED policy's reject
// banner ("554 Your access to this mail system has been rejected due to the sending MTA's poor
// reputation ..."), the LDAP acceptance query's "550 #5.1.0 Address rejected", the envelope
// sender verification's "Domain of sender address ... does not exist / does not resolve" and
// the SPF texts ("#5.7.1 SPF unauthorized mail is prohibited", "#4.4.3 Temporary error
// occurred during SPF verification").

import type { ReasonRule } from '../reasons.ts';

export const CISCO_RULES: readonly ReasonRule[] = [
  // The mail flow policy's rate limit for the sending host ("452 Too many recipients received
  // this hour"): the sender's hourly pace, not too many recipients in one transaction.
  {
    id: 'speeding/cisco-recipients-per-hour',
    reason: 'speeding',
    phrases: [String.raw`too many recipients received this hour`],
    hints: ['this hour'],
    quote: '452 Too many recipients received this hour',
  },
  // HAT delayed rejection: a connection the Host Access Table rejects is let through to RCPT TO,
  // and "All RCPT TO commands are rejected with text explaining that access to send e-mail is
  // refused" (user guide, "LDAP Queries: HAT Delayed Rejection"); admins quote it as "550
  // #5.7.1 Your access to submit messages to this e-mail system has been rejected", in AsyncOS's
  // "#5.7.1" form, and a hosting provider's changelog tells it as a matter of its IPs'
  // reputation (MXroute, "Adjustments to outbound rejections"). The sending host is refused, not
  // the recipient's address.
  {
    id: 'blocked/cisco-hat-delayed-rejection',
    reason: 'blocked',
    phrases: [String.raw`your access to submit messages to this e-?mail system has been rejected`],
    hints: ['your access to submit'],
    quote: '550 #5.7.1 Your access to submit messages to this e-mail system has been rejected.',
  },
];
