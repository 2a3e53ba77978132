// maddy's own errors as its delivery reports name them (foxcpp/maddy 837b1b8,
// internal/target/remote/connect.go, internal/smtpconn/smtpconn.go). Its replies as a receiving server are read by the
// general rules (tests/core/mail-server-wordings.test.ts).

import type { ReasonRule } from '../reasons.ts';

export const MADDY_RULES: readonly ReasonRule[] = [
  // The temporary one first: a 4xx reply before the status exterrors.SMTPEnchCode made
  // permanent ("451 5.4.4 MX lookup error") is a lookup that may work later (README rule 4),
  // soft, never a reason to suppress the address.
  {
    id: 'networkerror/maddy-mx-lookup-temporary',
    reason: 'networkerror',
    phrases: [String.raw`\b4\d\d [45]\.4\.4 mx lookup error\b`],
    hints: ['mx lookup error'],
    traits: ['temporary-dns', 'dns'],
    quote: '451 5.4.4 MX lookup error',
  },
  // remoteDelivery.lookupMX: the recipient domain's MX lookup failed, read with maddy's reply
  // and status before it (Haraka's "Temporary MX lookup error for <domain>" is another's), "554 5.4.4 MX lookup
  // error" when the resolver says the name does not exist (exterrors.IsTemporary false), "451
  // ... MX lookup error" when it may work later. The 5 that exterrors.SMTPEnchCode always writes
  // into the status ("451 5.4.4") leaves the temporary reply code to tell the second apart
  // (README rule 4: a temporary lookup is never hostunknown).
  {
    id: 'hostunknown/maddy-mx-lookup-error',
    reason: 'hostunknown',
    phrases: [String.raw`\b5\d\d 5\.4\.4 mx lookup error\b`],
    hints: ['mx lookup error'],
    quote: '554 5.4.4 MX lookup error',
  },
  // remoteDelivery.connect when no MX of the domain could be used, with the last error
  // smtpconn.go wrapped: "No usable MXs, last err: Network I/O error" (a net.OpError: refused,
  // reset or timed-out connection). Its reply is 451 with the 5.4.0 SMTPEnchCode writes; the
  // connection failed, and the end of the retries makes it expired (README rule 3).
  {
    id: 'networkerror/maddy-no-usable-mx',
    reason: 'networkerror',
    phrases: [String.raw`\bno usable mxs, last err: network i/o error\b`],
    hints: ['no usable mxs'],
    traits: ['connection'],
    quote: '451 5.4.0 No usable MXs, last err: Network I/O error',
  },
];
