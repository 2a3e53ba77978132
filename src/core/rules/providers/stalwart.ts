// Stalwart Mail Server's SMTP replies, its local delivery's statuses and the errors its own
// delivery reports name (stalwartlabs/mail-server: crates/smtp/src/inbound/ehlo.rs,
// crates/email/src/message/delivery.rs, crates/smtp/src/outbound/lookup.rs).
// Known by Stalwart's own wording.

import type { ReasonRule } from '../reasons.ts';

export const STALWART_RULES: readonly ReasonRule[] = [
  // ehlo.rs: the EHLO name is not a valid domain ("550 5.5.0 Invalid EHLO domain."): the
  // sending host is refused for the name it gave, not a command syntax error of ours.
  {
    id: 'blocked/stalwart-ehlo-domain',
    reason: 'blocked',
    phrases: [String.raw`\binvalid ehlo domain\b`],
    hints: ['invalid ehlo'],
    quote: '550 5.5.0 Invalid EHLO domain.',
  },
  // delivery.rs: the account lacks the permission to receive mail (an administrator took it
  // away): the account exists but takes nothing, like a suspended one.
  {
    id: 'suspend/stalwart-not-authorized-to-receive',
    reason: 'suspend',
    phrases: [String.raw`\bthis account is not authorized to receive email\b`],
    hints: ['not authorized to receive'],
    quote: '550 5.5.0 This account is not authorized to receive email.',
  },
  // outbound/lookup.rs (55e62a6): the MX host's name has no address record, a permanent
  // failure its report writes as "<a@b> (connection to 'mx.example.net' failed: record not
  // found for MX)": the host named to receive the domain's mail does not exist.
  {
    id: 'hostunknown/stalwart-mx-host-not-found',
    reason: 'hostunknown',
    phrases: [String.raw`\brecord not found for mx\b`],
    hints: ['record not found for mx'],
    quote: "<user@example.net> (connection to 'mx.example.net' failed: record not found for MX)",
  },
  // crates/email/src/message/delivery.rs: the directory could not be asked for the recipient
  // (a temporary failure, which crates/smtp/src/outbound/local.rs reports as "451 (4.3.0)
  // 'Address lookup failed.'", made final with that reply when the queue gives up). The
  // receiving system's own failure, never a missing mailbox: read with its 4xx reply, before
  // the general "address lookup failure" of a mailbox lookup.
  {
    id: 'systemerror/stalwart-address-lookup-failed',
    reason: 'systemerror',
    phrases: [String.raw`\b4\d\d (?:4\.\d\.\d )?address lookup failed\.`],
    hints: ['address lookup failed'],
    quote: 'Diagnostic-Code: smtp;451 Address lookup failed.',
  },
];
