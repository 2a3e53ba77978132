// The replies of Microsoft Exchange Server's (2007 to Subscription Edition) transport agents and
// receive connectors, as they reach a sender inside another MTA's notice (Postfix's bounce(8)
// templates, the remote reply in "host ... said: <reply> (in reply to <command>)", a 4xx reply in
// its delay notice; Exim's "SMTP error from remote mail server after <command>:", deliver.c), and
// the codes Exchange writes into its own notice ("Delivery has failed to these recipients or
// groups:", its administrators' section "#550 5.x.x ... ##"). Each case asserts what a user
// sees: the kind, the failed address, the reason (Sisimai's names), hard or soft, the status and
// the reply code. Every address and host is made up; none comes from a bounce collection.
// Sources read:
//   Microsoft's Exchange Server documentation (github:MicrosoftDocs/OfficeDocs-Exchange, 52e8b70,
//     2021-07, the source of learn.microsoft.com/exchange): antispam-protection/
//     connection-filtering.md, content-filtering.md (the SCL reject and quarantine actions),
//     sender-filtering.md ("554 5.1.0 Sender Denied", at MAIL FROM), recipient-filtering.md (the
//     Recipient Block list and Recipient Lookup both answer "550 5.1.1 User unknown"; tarpitting
//     only delays it), sender-id.md (Reject: "a 5xx level SMTP error response, which includes text
//     that corresponds to the Sender ID status"), attachment-filtering.md (default text "Message
//     rejected due to unacceptable attachments"), mail-flow/message-size-limits.md ("452 4.5.3 Too
//     many recipients" from a receive connector, "550 5.5.3 RESOLVER.ADR.RecipLimit; too many
//     recipients" from the categorizer), mail-flow/connectors/allow-anonymous-relay.md ("550
//     5.7.1 Unable to relay"), mail-flow/test-smtp-with-telnet.md ("530 5.7.1 Client was not
//     authenticated", "550 5.1.1 User unknown"), mail-flow/non-delivery-reports-and-bounce-
//     messages/non-delivery-reports-and-bounce-messages.md (the on-premises NDR table: 4.3.1
//     "Insufficient system resources", 4.3.2, 4.4.7, 5.1.0 "Sender denied", 5.1.1
//     "RESOLVER.ADR.ExRecipNotFound; not found", 5.1.8 "Access denied, bad outbound sender", 5.2.1
//     "Content Filter agent quarantined this message", 5.2.2 "Mailbox full", 5.2.3
//     "RESOLVER.RST.RecipSizeLimit; message too large for this recipient", 5.3.0 "Too many related
//     errors", 5.3.4 "Message size exceeds fixed maximum message size", 5.3.5 "System incorrectly
//     configured", 5.4.4 "SMTPSEND.DNS.NonExistentDomain; nonexistent domain", 5.4.6 "Hop count
//     exceeded - possible mail loop", 5.7.1 "Unable to relay" / "Client was not authenticated",
//     5.7.900-5.7.999 "Delivery not authorized, message refused" for a mail flow rule's reject; 5.3.2
//     "STOREDRV.Deliver: Missing or bad StoreDriver MDB properties" with the ABP Routing agent);
//     ExchangeOnline/.../fix-issues-with-printers-scanners-and-lob-applications-that-send-email-
//     using-off.md ("5.7.60 SMTP; Client does not have permissions to send as this sender", "5.7.57
//     Client was not authenticated to send anonymous mail during MAIL FROM").
//   Microsoft's Exchange cmdlet reference (github:MicrosoftDocs/office-docs-powershell, 93336da,
//     2026-08): Set-IPBlockListConfig (StaticEntryRejectionResponse, MachineEntryRejectionResponse:
//     the text for an address sender reputation put on the list), Add-IPBlockListProvider (its
//     example RejectionResponse "Source IP address is listed at the Contoso.com block list
//     provider"), Set-ContentFilterConfig (RejectionResponse), Set-AttachmentFilterListConfig.
//   The Exchange transport SDK's SmtpResponse fields (learn.microsoft.com/previous-versions/office/
//     exchange-server-api/aa563688(v=exchg.150)): "552 5.3.4 Message size exceeds fixed maximum
//     message size", "550 5.7.1 Client does not have permissions to send as this sender", "452
//     4.3.1 Insufficient system resources", "550 5.1.1 User unknown".
//   The agents' defaults as the Exchange 2016 assemblies word them (decompiled, published at
//     github:evilashz/exchange-server-27065, 91e42d9): Microsoft.Exchange.Data.Directory's
//     IPBlockListConfigSchema ("External client with IP address {0} does not have permissions to
//     submit to this server." and the same with "Visit http://support.microsoft.com/kb/928123 for
//     more information."), ContentFilterConfigSchema ("Message rejected as spam by Content
//     Filtering."), the Connection Filtering agent (a block list provider with no response of its
//     own: "Recipient not authorized, your IP has been found on a block list", all with 550
//     5.7.1), the Sender ID agent ("Sender ID (PRA) Not Permitted" / "Malformed Domain" / "Domain
//     Does Not Exist", "550 5.7.1 Missing purported responsible address", "450 4.4.3 Sender ID
//     check is temporarily unavailable"), Microsoft.Exchange.Data.Transport's SmtpResponse
//     ("421 4.4.2 Message submission rate for this client has exceeded the configured limit", "421
//     4.3.2 The maximum number of concurrent [server] connections has exceeded a limit, closing
//     transmission channel", "552 5.3.4 Header size exceeds fixed maximum size", "554 5.6.0
//     Invalid message content, contains bare linefeeds", "554 5.6.1 Messages of type
//     message/partial are not supported", "550 5.7.1 Client does not have permissions to send on
//     behalf of the from address", "550 5.7.1 Submission has been disabled for this account",
//     "451 4.7.0 Temporary server error. Please try again later. PRX3", "550 5.2.1 Mailbox disabled,
//     not accepting messages", an interceptor's "530 5.3.1 Intercepted and rejected by
//     administrative action. PRJCT", an agent's "550 4.3.2 Discarded by administrative action. DROP").
// Left out: the Recipient Block list's "Recipient not authorized" (the documentation gives 550
// 5.1.1 User unknown for it); the Content Filter's "Message rejected due to content restrictions"
// (only the cmdlet page's example; rebound reads it as a content policy, MessageLabs' wording);
// Exchange's 5.1.6 "Recipient addresses in single label domains not accepted" (the X.1.6 code
// decides "moved" before any words, a decision rule this file does not change); MDaemon, Kerio
// Connect, IceWarp, MailEnable and SecurityGateway, whose default rejection texts no vendor page
// read here quotes whole.
import { describe } from 'vitest';
import { eximBounce } from './plain-bounces.ts';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';
import { oneRecipientCases, type OneRecipientRow, type VerdictCase, verdictCases } from './recipient-verdicts.ts';

const RECIPIENT = 'user@example.net';
const AFTER_RCPT = `RCPT TO:<${RECIPIENT}>`;
const AFTER_MAIL = 'MAIL FROM:<sender@example.com>';

/** Postfix's failure notice about a reply to `command` ("RCPT TO command", "end of DATA command"). */
const failed = (status: string, reply: string, command: string) =>
  postfixNotice('failed', [postfixRemote(RECIPIENT, status, reply, command, 'edge.example.net[192.0.2.25]')]);
/** Postfix's delay notice about a temporary reply, the message still queued. */
const delayed = (status: string, reply: string, command: string) =>
  postfixNotice('delayed', [postfixRemote(RECIPIENT, status, reply, command, 'edge.example.net[192.0.2.25]')]);
/** Exim's failure notice about a reply after `after`. */
const exim = (after: string, reply: string) =>
  eximBounce(['host edge.example.net [192.0.2.25]', `SMTP error from remote mail server after ${after}:`, reply]);

/**
 * Exchange 2013-2019's own notice ("Delivery has failed to these recipients or groups:", the
 * user's explanation, then the administrators' section with the code it wrote itself).
 */
const exchangeNotice = (explanation: string, admin: string) =>
  Buffer.from(
    [
      'From: Microsoft Outlook <postmaster@example.org>',
      'To: sender@example.com',
      'Subject: Undeliverable: hello',
      '',
      'Delivery has failed to these recipients or groups:',
      '',
      `${RECIPIENT} (${RECIPIENT})<mailto:${RECIPIENT}>`,
      explanation,
      '',
      '',
      '',
      '',
      '',
      'Diagnostic information for administrators:',
      '',
      'Generating server: EX1.example.org',
      '',
      RECIPIENT,
      admin,
      '',
      'Original message headers:',
      '',
      'From: Sender <sender@example.com>',
      `To: ${RECIPIENT}`,
      'Subject: hello',
      'Message-ID: <hello.1@example.com>',
      '',
    ].join('\n'),
  );

const rows = (list: readonly OneRecipientRow[]): VerdictCase[] => oneRecipientCases(RECIPIENT, list);

describe("Exchange's Connection Filtering agent: the IP Block list and its providers", () => {
  verdictCases(
    rows([
      [
        "the IP Block list's default 'External client with IP address ... does not have permissions to submit to this server.' blocks the sending host",
        () =>
          failed(
            '5.7.1',
            '550 5.7.1 External client with IP address 198.51.100.7 does not have permissions to submit to this server.',
            'RCPT TO command',
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        'the same IP Block list answer to MAIL FROM is still a block of the sending host, not a refusal of the sender',
        () =>
          failed(
            '5.7.1',
            '550 5.7.1 External client with IP address 198.51.100.7 does not have permissions to submit to this server.',
            'MAIL FROM command',
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "sender reputation's entry on the IP Block list ('... Visit http://support.microsoft.com/kb/928123 for more information.') in Exim's notice blocks the sending host",
        () =>
          exim(
            AFTER_RCPT,
            '550 5.7.1 External client with IP address 198.51.100.7 does not have permissions to submit to this server. Visit http://support.microsoft.com/kb/928123 for more information.',
          ),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "a block list provider with no response of its own, 'Recipient not authorized, your IP has been found on a block list', blocks the sending host, not the recipient",
        () => failed('5.7.1', '550 5.7.1 Recipient not authorized, your IP has been found on a block list', 'RCPT TO command'),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "a provider's rejection response as the cmdlet's example writes it ('Source IP address is listed at the ... block list provider') blocks the sending host",
        () => failed('5.7.1', '550 5.7.1 Source IP address is listed at the Contoso.com block list provider', 'RCPT TO command'),
        'bounce',
        'blocked',
        'soft',
        '5.7.1',
        '550',
      ],
    ]),
  );
});

describe("Exchange's Content Filter, Sender Filter and Recipient Filter agents", () => {
  verdictCases(
    rows([
      [
        "the Content Filter's default SCL reject 'Message rejected as spam by Content Filtering.' is spam detected",
        () => failed('5.7.1', '550 5.7.1 Message rejected as spam by Content Filtering.', 'end of DATA command'),
        'bounce',
        'spamdetected',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "the Content Filter's '5.2.1 Content Filter agent quarantined this message' is spam detected, not a disabled mailbox",
        () => failed('5.2.1', '550 5.2.1 Content Filter agent quarantined this message', 'end of DATA command'),
        'bounce',
        'spamdetected',
        'soft',
        '5.2.1',
        '550',
      ],
      [
        "the Sender Filter's '554 5.1.0 Sender denied' at MAIL FROM refuses the sender, nothing said of the recipient",
        () => failed('5.1.0', '554 5.1.0 Sender denied', 'MAIL FROM command'),
        'bounce',
        'rejected',
        'soft',
        '5.1.0',
        '554',
      ],
      [
        "the Sender Filter's 'Sender Denied' in Exim's notice is the same refusal of the sender",
        () => exim(AFTER_MAIL, '554 5.1.0 Sender Denied'),
        'bounce',
        'rejected',
        'soft',
        '5.1.0',
        '554',
      ],
      [
        "the Recipient Filter's '550 5.1.1 User unknown' (Recipient Lookup or the Recipient Block list) at RCPT TO is an unknown user, hard",
        () => failed('5.1.1', '550 5.1.1 User unknown', 'RCPT TO command'),
        'bounce',
        'userunknown',
        'hard',
        '5.1.1',
        '550',
      ],
      [
        "the Recipient Filter's 'User unknown' in Exim's notice is an unknown user, hard",
        () => exim(AFTER_RCPT, '550 5.1.1 User unknown'),
        'bounce',
        'userunknown',
        'hard',
        '5.1.1',
        '550',
      ],
    ]),
  );
});

describe("Exchange's Sender ID and Attachment Filtering agents", () => {
  verdictCases(
    rows([
      [
        "the Sender ID agent's 'Sender ID (PRA) Not Permitted' is an authentication failure of the sender",
        () => failed('5.7.1', '550 5.7.1 Sender ID (PRA) Not Permitted', 'end of DATA command'),
        'bounce',
        'authfailure',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "the Sender ID agent's 'Sender ID (PRA) Domain Does Not Exist' is about the sender's domain, never the recipient's host",
        () => failed('5.7.1', '550 5.7.1 Sender ID (PRA) Domain Does Not Exist', 'end of DATA command'),
        'bounce',
        'authfailure',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "the Sender ID agent's 'Sender ID (PRA) Malformed Domain' is an authentication failure",
        () => failed('5.7.1', '550 5.7.1 Sender ID (PRA) Malformed Domain', 'end of DATA command'),
        'bounce',
        'authfailure',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "the Sender ID agent's 'Missing purported responsible address' is an authentication failure, not a plain refusal",
        () => failed('5.7.1', '550 5.7.1 Missing purported responsible address', 'end of DATA command'),
        'bounce',
        'authfailure',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "the Sender ID agent's '450 4.4.3 Sender ID check is temporarily unavailable' is a delay of the check, never hard",
        () => delayed('4.4.3', '450 4.4.3 Sender ID check is temporarily unavailable', 'end of DATA command'),
        'delay',
        'authfailure',
        'none',
        '4.4.3',
        '450',
      ],
      [
        "the Attachment Filtering agent's 'Message rejected due to unacceptable attachments' refuses an attachment by policy",
        () => failed('5.7.1', '550 5.7.1 Message rejected due to unacceptable attachments', 'end of DATA command'),
        'bounce',
        'policyviolation',
        'soft',
        '5.7.1',
        '550',
      ],
    ]),
  );
});

describe("Exchange's receive connectors: limits, authentication, relay and permissions", () => {
  verdictCases(
    rows([
      [
        "a receive connector's '452 4.5.3 Too many recipients' is too many recipients in one transaction, a delay",
        () => delayed('4.5.3', '452 4.5.3 Too many recipients', 'RCPT TO command'),
        'delay',
        'toomanyconn',
        'none',
        '4.5.3',
        '452',
      ],
      [
        "'552 5.3.4 Message size exceeds fixed maximum message size' to the declared SIZE at MAIL FROM is a message too big",
        () => failed('5.3.4', '552 5.3.4 Message size exceeds fixed maximum message size', 'MAIL FROM command'),
        'bounce',
        'mesgtoobig',
        'soft',
        '5.3.4',
        '552',
      ],
      [
        "'552 5.3.4 Header size exceeds fixed maximum size' after the message is a message too big",
        () => failed('5.3.4', '552 5.3.4 Header size exceeds fixed maximum size', 'end of DATA command'),
        'bounce',
        'mesgtoobig',
        'soft',
        '5.3.4',
        '552',
      ],
      [
        "'530 5.7.1 Client was not authenticated' at MAIL FROM refuses the sending session, nothing said of the recipient",
        () => failed('5.7.1', '530 5.7.1 Client was not authenticated', 'MAIL FROM command'),
        'bounce',
        'rejected',
        'soft',
        '5.7.1',
        '530',
      ],
      [
        "'530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM' refuses the sending session",
        () =>
          failed('5.7.57', '530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM', 'MAIL FROM command'),
        'bounce',
        'rejected',
        'soft',
        '5.7.57',
        '530',
      ],
      [
        "'550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain' is relaying denied, not an unknown recipient",
        () => failed('5.7.54', '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain', 'RCPT TO command'),
        'bounce',
        'norelaying',
        'soft',
        '5.7.54',
        '550',
      ],
      [
        "'550 5.7.1 Unable to relay' in Exim's notice is relaying denied",
        () => exim(AFTER_RCPT, '550 5.7.1 Unable to relay'),
        'bounce',
        'norelaying',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "'550 5.7.1 Client does not have permissions to send as this sender' refuses the sender's right, not the recipient",
        () => failed('5.7.1', '550 5.7.1 Client does not have permissions to send as this sender', 'end of DATA command'),
        'bounce',
        'rejected',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "'550 5.7.1 Client does not have permissions to send on behalf of the from address' refuses the sender's right, like Send As",
        () => failed('5.7.1', '550 5.7.1 Client does not have permissions to send on behalf of the from address', 'end of DATA command'),
        'bounce',
        'rejected',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "'550 5.7.1 Submission has been disabled for this account' refuses the sending account",
        () => failed('5.7.1', '550 5.7.1 Submission has been disabled for this account', 'MAIL FROM command'),
        'bounce',
        'rejected',
        'soft',
        '5.7.1',
        '550',
      ],
      [
        "back pressure's '452 4.3.1 Insufficient system resources' is the receiving system short of space, a delay",
        () => delayed('4.3.1', '452 4.3.1 Insufficient system resources', 'MAIL FROM command'),
        'delay',
        'systemfull',
        'none',
        '4.3.1',
        '452',
      ],
      [
        "'421 4.4.2 Message submission rate for this client has exceeded the configured limit' is the sender's pace",
        () =>
          delayed('4.4.2', '421 4.4.2 Message submission rate for this client has exceeded the configured limit', 'end of DATA command'),
        'delay',
        'speeding',
        'none',
        '4.4.2',
        '421',
      ],
      [
        "'421 4.3.2 The maximum number of concurrent connections has exceeded a limit' is too many connections",
        () =>
          delayed(
            '4.3.2',
            '421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel',
            'RCPT TO command',
          ),
        'delay',
        'toomanyconn',
        'none',
        '4.3.2',
        '421',
      ],
      [
        "'421 4.3.2 The maximum number of concurrent server connections has exceeded a limit' is too many connections, not a domain that takes no mail",
        () =>
          delayed(
            '4.3.2',
            '421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel',
            'RCPT TO command',
          ),
        'delay',
        'toomanyconn',
        'none',
        '4.3.2',
        '421',
      ],
      [
        "the front end's '451 4.7.0 Temporary server error. Please try again later. PRX3' is the receiving system's trouble, a delay",
        () => delayed('4.7.0', '451 4.7.0 Temporary server error. Please try again later. PRX3', 'RCPT TO command'),
        'delay',
        'systemerror',
        'none',
        '4.7.0',
        '451',
      ],
      [
        "'554 5.6.0 Invalid message content, contains bare linefeeds' is a message not compliant with the RFCs",
        () => failed('5.6.0', '554 5.6.0 Invalid message content, contains bare linefeeds', 'end of DATA command'),
        'bounce',
        'notcompliantrfc',
        'soft',
        '5.6.0',
        '554',
      ],
      [
        "'554 5.6.1 Messages of type message/partial are not supported' refuses the message's content",
        () => failed('5.6.1', '554 5.6.1 Messages of type message/partial are not supported', 'end of DATA command'),
        'bounce',
        'contenterror',
        'soft',
        '5.6.1',
        '554',
      ],
    ]),
  );
});

describe("the on-premises NDR codes in Exchange's own notice and in a relaying MTA's", () => {
  const UNKNOWN =
    "The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.";
  const GENERIC =
    'A problem occurred while delivering this message to this email address. Try sending your message again. If the problem continues, please contact your helpdesk.';
  verdictCases(
    rows([
      [
        "Exchange's '#550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found ##' is an unknown user, hard",
        () => exchangeNotice(UNKNOWN, '#550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found ##'),
        'bounce',
        'userunknown',
        'hard',
        '5.1.1',
        '550',
      ],
      [
        "Exchange's '#550 5.5.3 RESOLVER.ADR.RecipLimit; too many recipients ##' is too many recipients, not the address",
        () => exchangeNotice(GENERIC, '#550 5.5.3 RESOLVER.ADR.RecipLimit; too many recipients ##'),
        'bounce',
        'toomanyconn',
        'soft',
        '5.5.3',
        '550',
      ],
      [
        "Exchange's '#550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient ##' is over the recipient's size limit",
        () => exchangeNotice(GENERIC, '#550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient ##'),
        'bounce',
        'exceedlimit',
        'soft',
        '5.2.3',
        '550',
      ],
      [
        "Exchange's '#554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain ##' is an unknown host, hard",
        () => exchangeNotice(GENERIC, '#554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain ##'),
        'bounce',
        'hostunknown',
        'hard',
        '5.4.4',
        '554',
      ],
      [
        "Exchange's '#554 5.4.6 Hop count exceeded - possible mail loop ##' is a mail loop, a network error",
        () => exchangeNotice(GENERIC, '#554 5.4.6 Hop count exceeded - possible mail loop ##'),
        'bounce',
        'networkerror',
        'soft',
        '5.4.6',
        '554',
      ],
      [
        "Exchange's '#550 5.3.2 STOREDRV.Deliver: Missing or bad StoreDriver MDB properties ##' is its own configuration's error, not a domain that takes no mail",
        () => exchangeNotice(GENERIC, '#550 5.3.2 STOREDRV.Deliver: Missing or bad StoreDriver MDB properties ##'),
        'bounce',
        'systemerror',
        'soft',
        '5.3.2',
        '550',
      ],
      [
        "an interceptor's '530 5.3.1 Intercepted and rejected by administrative action. PRJCT' is the receiving side's filter, not a full system",
        () => failed('5.3.1', '530 5.3.1 Intercepted and rejected by administrative action. PRJCT', 'end of DATA command'),
        'bounce',
        'filtered',
        'soft',
        '5.3.1',
        '530',
      ],
      [
        "an agent's '550 4.3.2 Discarded by administrative action. DROP' in Exim's notice is the receiving side's filter, never hard",
        () => exim('end of data', '550 4.3.2 Discarded by administrative action. DROP'),
        'bounce',
        'filtered',
        'soft',
        '4.3.2',
        '550',
      ],
      [
        "'550 5.2.1 Mailbox disabled, not accepting messages' is a suspended mailbox, soft",
        () => failed('5.2.1', '550 5.2.1 Mailbox disabled, not accepting messages', 'RCPT TO command'),
        'bounce',
        'suspend',
        'soft',
        '5.2.1',
        '550',
      ],
      [
        "'550 5.2.2 Mailbox full' at RCPT TO is a full mailbox",
        () => failed('5.2.2', '550 5.2.2 Mailbox full', 'RCPT TO command'),
        'bounce',
        'mailboxfull',
        'soft',
        '5.2.2',
        '550',
      ],
      [
        "'550 5.1.8 Access denied, bad outbound sender' refuses the sender, nothing said of the recipient",
        () => failed('5.1.8', '550 5.1.8 Access denied, bad outbound sender', 'MAIL FROM command'),
        'bounce',
        'rejected',
        'soft',
        '5.1.8',
        '550',
      ],
      [
        "'550 5.3.5 System incorrectly configured' (a loop through a connector's own name) is the receiving system's error",
        () => failed('5.3.5', '550 5.3.5 System incorrectly configured', 'end of DATA command'),
        'bounce',
        'systemerror',
        'soft',
        '5.3.5',
        '550',
      ],
      [
        "'530 5.3.0 Too many related errors' (a message moved to the poison queue) is the receiving system's error",
        () => failed('5.3.0', '530 5.3.0 Too many related errors', 'end of DATA command'),
        'bounce',
        'systemerror',
        'soft',
        '5.3.0',
        '530',
      ],
      [
        "a mail flow rule's reject with its own code, '550 5.7.901 Delivery not authorized, message refused', is the recipient side's filter",
        () => failed('5.7.901', '550 5.7.901 Delivery not authorized, message refused', 'end of DATA command'),
        'bounce',
        'filtered',
        'soft',
        '5.7.901',
        '550',
      ],
    ]),
  );
});
