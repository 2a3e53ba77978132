// How servers word the reason `notaccept` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

/** The clause ends here: a full stop, a bracket, a code, the end of the text. */
const END_OF_CLAUSE = String.raw`(?=$|[.;,:)\]]| [(\[]| \d| for (?:this|the) (?:domain|recipient))`;

export const NOTACCEPT_RULES: readonly ReasonRule[] = [
  {
    id: 'notaccept/null-mx',
    reason: 'notaccept',
    phrases: [
      String.raw`null mx`,
      String.raw`no mx found`,
      String.raw`couldn'?t find a mail exchanger`,
      // Postfix before RFC 7505 support (3.0) read a null MX ("MX 0 .") as a malformed reply
      // to the MX query and failed for good (5.4.4); other errors of that query are no null MX.
      String.raw`name service error for name=\S+ type=mx: malformed or unexpected name server reply`,
      // The domain takes no mail at all: the words end there. "does not accept mail from
      // <ip>", "over IPv6", "at this time" refuse the sender, a transport or a moment, not
      // every message to the domain.
      String.raw`does not accept (?:any )?(?:e-?)?mail${END_OF_CLAUSE}`,
      String.raw`not accepting (?:any )?(?:e-?)?mail${END_OF_CLAUSE}`,
      String.raw`accepts? no (?:e-?)?mail${END_OF_CLAUSE}`,
      String.raw`no mx (?:record|host)`,
      // Not "does not accept mail from ...", "sender ...", "unsigned bounces": those refuse a
      // sender or a kind of message, not every message to the domain (MailCleaner's Exim ACLs,
      // rejected/mailcleaner-sender).
      String.raw`domain (?:does not|doesn't) (?:receive|accept)(?! (?:e-?)?mails? from\b| senders?\b| unsigned\b| bounces?\b)`,
      String.raw`host does not accept mail`,
      // Exim's dnslookup router for an MX whose target is "." (RFC 7505's null MX; src/src/
      // routers/dnslookup.c).
      String.raw`an mx or srv record indicated no smtp service`,
    ],
    quote: '556 5.1.10 Recipient address has null MX',
  },
  // RFC 3463's descriptions as servers print them beside or instead of the code (OpenSMTPD's usr.sbin/smtpd/esc.c, Zimbra's LmtpReply.java): X.3.2.
  {
    id: 'notaccept/rfc3463-not-accepting',
    reason: 'notaccept',
    phrases: [String.raw`system not accepting network messages`],
    quote: '554 5.3.2 System not accepting network messages',
  },
];
