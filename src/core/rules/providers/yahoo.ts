// Yahoo/AOL's published SMTP errors (https://senders.yahooinc.com/smtp-error-codes/).

import type { ReasonRule } from '../reasons.ts';

export const YAHOO_RULES: readonly ReasonRule[] = [
  // Yahoo/AOL's published SMTP errors (https://senders.yahooinc.com/smtp-error-codes/).
  {
    id: 'blocked/yahoo-deferred',
    reason: 'blocked',
    phrases: [
      // "421 4.7.1 Messages from x.x.x.x permanently deferred" is the same block without "All"
      // (Yahoo's SMTP error list).
      String.raw`(?:all )?messages from \S+ (?:will be )?permanently deferred`,
      String.raw`connections will not be accepted from \S+`,
      // Yahoo's older code GL01 ("421 4.7.0 [GL01] Message from (192.0.2.1) temporarily
      // deferred"): the sending IP held back, as its postmaster error pages describe it.
      String.raw`\[gl01\] message from \S+ temporarily deferred`,
      // Its numbered deferrals, "421 Message from (x.x.x.x) temporarily deferred - 4.16.50" and
      // "421 Message temporarily deferred - [numeric code]": the IP or its subnet held back for
      // complaints and a poor sending reputation (Yahoo's postmaster help, SLN3437).
      String.raw`message (?:from \S+ )?temporarily deferred - 4\.16\.\d+`,
    ],
    quote: '553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed.',
  },
  {
    id: 'rejected/yahoo-sender-domain',
    reason: 'rejected',
    phrases: [String.raw`unresolvable rfc\.?5321 from domain`],
    traits: ['sender'],
    quote: '451 Message temporarily deferred due to unresolvable RFC.5321 from domain',
  },
  // Yahoo's help page "Email sent to Yahoo Mail addresses is rejected"
  // (https://help.yahoo.com/kb/SLN3444.html): VS99-IP1 refuses the connection; the VS1 codes
  // deprioritise a server that sends to many unknown recipients. Both are about the sending
  // host, not the address they answer.
  {
    id: 'blocked/yahoo-vs-codes',
    reason: 'blocked',
    phrases: [String.raw`\bvs99-ip\d*\b`, String.raw`excessive unknown recipients - possible open relay`],
    quote: '451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)',
  },
  // Yahoo's "delivery error: dd" replies come from its mail store once it looked the
  // address up (the same store that writes "dd This user doesn't have a yahoo.com account"):
  // "Not a valid recipient" is a lookup of the mailbox, whatever phase the report names.
  {
    id: 'userunknown/yahoo-delivery-error',
    reason: 'userunknown',
    phrases: [String.raw`delivery error: dd (?:sorry,? )?not a valid recipient`],
    traits: ['mailbox-lookup'],
    quote: '554 delivery error: dd Not a valid recipient - atlas-x.mail.example.net',
  },
];
