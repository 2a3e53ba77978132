// AT&T's mail (att.net, the former BellSouth and Worldnet systems): the replies its block
// inquiry pages list with what each means ("Error Message Summary",
// http://rbl.att.net/block_enduser.html and worldnet.att.net/general-info/bls_info/
// block_enduser.html; "Individual Users", att.net/general-info/mail_info/block_enduser.html).
// Its "521 <ip> is blocked", "550 [suspend] Mailbox currently suspended" and "blocked by
// ldap:ou=rblmx" are read right by the general rules; these are the ones they are not.

import type { ReasonRule } from '../reasons.ts';

export const ATT_RULES: readonly ReasonRule[] = [
  // "550 unauthorized interface for <ip>": "The sending system is not recognized as a valid
  // source of e-mail" (use your ISP's mail system): the sending host.
  {
    id: 'blocked/att-unauthorized-interface',
    reason: 'blocked',
    phrases: [String.raw`\bunauthorized interface for\b`],
    quote: '550 unauthorized interface for <192.0.2.1>',
  },
  // "421-failure in DNS look-up.": "There seems to be a failure in your IP reverse DNS lookup.
  // Your IP address must have a valid reverse DNS entry"; "550 Error. Blocked for status:
  // <unknown sender>": "no identifying information has been entered into the DNS for this
  // sending system".
  {
    id: 'requireptr/att-dns',
    reason: 'requireptr',
    phrases: [String.raw`\b421-failure in dns look-?up\b`, String.raw`blocked for status: <unknown sender>`],
    quote: '421-failure in DNS look-up.',
  },
  // "550 [permfail] bellsouth.net requires valid sender domain": "We were unable to verify the
  // identity of the sending system": a refusal of the sender, nothing about the recipient.
  {
    id: 'rejected/att-sender-domain',
    reason: 'rejected',
    phrases: [String.raw`\[permfail\] \S+ requires valid sender domain`],
    traits: ['sender'],
    quote: '550 [permfail] bellsouth.net requires valid sender domain',
  },
  // "450 busy--Please try again later": "The sending system may be attempting to connect too
  // often. Like most service providers we limit the number of connections any one sender can
  // make" (the Individual Users page on its 450 error).
  {
    id: 'toomanyconn/att-busy',
    reason: 'toomanyconn',
    phrases: [String.raw`\bbusy--please try again later\b`],
    quote: '450 busy--Please try again later',
  },
];
