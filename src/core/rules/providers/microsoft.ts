// Microsoft's Exchange Online NDR codes (learn.microsoft.com, non-delivery reports in Exchange Online),
// and Exchange Server's own anti-spam agents and transport texts (at the end of the list).

import type { ReasonRule } from '../reasons.ts';

export const MICROSOFT_RULES: readonly ReasonRule[] = [
  // 5.7.501 "Access denied, spam abuse detected", 5.7.502 and 5.7.503 "Access denied, banned
  // sender": the sending account is banned for spam (the NDR table's own words). The same
  // "banned sender" words with 5.7.511 ban the sending IP (blocked/microsoft-ip): the code in
  // the reply tells them apart.
  {
    id: 'rejected/microsoft-banned-sending-account',
    reason: 'rejected',
    phrases: [String.raw`\b5\.7\.50[1-3] access denied, (?:spam abuse detected|banned sender)\b`],
    hints: ['access denied'],
    traits: ['sender'],
    quote: '550 5.7.501 Access denied, spam abuse detected',
  },
  // 5.2.252 (Microsoft's "Fix NDR error 5.2.252"): "SendAsDenied; <sender> not allowed to send
  // as <address>": the sending mailbox lacks the Send As permission, a refusal of the sender
  // that says nothing of the recipient.
  {
    id: 'rejected/microsoft-send-as-denied',
    reason: 'rejected',
    phrases: [
      String.raw`\bsendasdenied\b`,
      String.raw`not allowed to send as \S+@`,
      // Exchange Server's own reply when the client lacks the Send On Behalf Of permission for
      // the From address (SmtpResponse.SendOnBehalfOfDenied, "550 5.7.1 Client does not have
      // permissions to send on behalf of the from address"): the sender's right, like Send As.
      String.raw`does not have permissions? to send on behalf of\b`,
    ],
    hints: ['sendasdenied', 'not allowed to send as', 'send on behalf of'],
    traits: ['sender'],
    quote: '554 5.2.252 SendAsDenied; sender@example.com not allowed to send as sender@example.org',
  },
  // 5.7.504 "Recipient address rejected: Access denied" and 5.7.505 "Access denied, banned
  // recipient": "The recipient address that you are attempting to contact is not valid" (the
  // NDR table). Exchange Online's directory answers them, like its 5.4.1 (userunknown.ts).
  {
    id: 'userunknown/microsoft-recipient-not-valid',
    reason: 'userunknown',
    phrases: [String.raw`\b5\.7\.504 (?:<@> ?:? )?recipient address rejected: access denied`, String.raw`access denied, banned recipient`],
    hints: ['access denied'],
    traits: ['mailbox-lookup'],
    quote: '550 5.7.505 Access denied, banned recipient',
  },
  // 5.7.507 "Access denied, rejected by recipient": "The IP that you are attempting to send
  // from has been blocked by the recipient's organization" (the NDR table): the sending host,
  // not a recipient's own filter of the sender.
  {
    id: 'blocked/microsoft-recipient-organization',
    reason: 'blocked',
    phrases: [String.raw`access denied, rejected by recipient`],
    hints: ['access denied'],
    quote: '550 5.7.507 Access denied, rejected by recipient',
  },
  // 5.7.321-5.7.323 and 5.7.325: Exchange Online's outbound delivery with DANE or TLS required, when the
  // destination cannot do TLS as its DNSSEC-signed records demand ("starttls-not-supported",
  // "certificate-expired", "tlsa-invalid", "certificate-host-mismatch: Remote certificate MUST
  // have a common name or subject alternative name matching the hostname (DANE)": the NDR
  // table, learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-
  // exchange-online): the TLS session, not the message or its sender.
  {
    id: 'failedstarttls/microsoft-dane',
    reason: 'failedstarttls',
    phrases: [
      String.raw`certificate-expired: destination mail server's certificate is expired`,
      String.raw`tlsa-invalid: the domain failed dane validation`,
      String.raw`certificate-host-mismatch: remote certificate must have a common name or subject alternative name matching the hostname`,
    ],
    hints: ['certificate-expired', 'tlsa-invalid', 'certificate-host-mismatch'],
    quote: "550 5.7.322 certificate-expired: Destination mail server's certificate is expired.",
  },
  // Microsoft's Exchange Online NDR codes (https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online).
  {
    id: 'blocked/microsoft-ip',
    reason: 'blocked',
    phrases: [
      String.raw`access denied, banned sending ip`,
      String.raw`traffic not accepted from this ip`,
      String.raw`client blocked from sending from unregistered domains`,
      String.raw`access denied, banned sender\b`,
      String.raw`access denied, please try again later`,
      // 5.7.700-749: the sending tenant is banned ("5.7.705 Access denied, tenant has exceeded
      // threshold", beside 5.7.708 above).
      String.raw`access denied, tenant has exceeded threshold`,
      // 4.7.500-699: a new or unknown sending IP held back for now ("451 4.7.500 Server busy.
      // Please try again later from [192.0.2.1]. (S77719)"; learn.microsoft.com, "Fix NDR
      // error 451 4.7.500-699 (ASxxx) in Exchange Online"): the sending host, temporary.
      String.raw`server busy\. please try again later from \[`,
    ],
    quote: '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.',
  },
  {
    id: 'speeding/microsoft-rate',
    reason: 'speeding',
    phrases: [
      String.raw`message receive limit(?: from specific sender)? exceeded`,
      String.raw`recipientmessageratelimit`,
      // 5.2.122 (Microsoft's "Fix NDR error 5.2.121 or 5.2.122 in Exchange Online"): "The
      // recipient has exceeded their limit for the number of messages they can receive per
      // hour", the pace of mail to one mailbox, like 5.2.121.
      String.raw`limit for the number of messages they can receive per hour`,
      String.raw`reached your daily limit for message recipients`,
      String.raw`recipient thread limit exceeded`,
      // 5.2.2: the sender's own mailbox sent more than its submission quota allows.
      String.raw`submission quota (?:was )?exceeded`,
      String.raw`sender's submission quota was exceeded`,
      // 5.7.508: the sending IP passed its limits within its range.
      String.raw`has exceeded permitted limits within`,
      // 4.5.127: Exchange Online throttling a sender that sends too fast ("Message rejected.
      // Excessive message rate from sender. For more information see
      // https://aka.ms/EXOSmtpErrors"): the sender's rate, although the words say "rejected".
      String.raw`excessive message rate from sender`,
      // 5.7.232, 5.7.233 and 5.7.236: the tenant's external recipient rate limit ("Your message
      // can't be sent because your tenant has exceeded its daily limit for sending email to
      // external recipients from your tenant's onmicrosoft.com domains").
      String.raw`exceeded its daily limit for sending email to external recipients`,
    ],
    quote: "550 5.2.121 RESOLVER.RST.RecipientMessageRateLimit; Recipient's per hour message receive limit from specific sender exceeded.",
  },
  // Exchange Online's delivery restrictions when the sender did not authenticate: the
  // recipient or group takes mail only from authenticated (internal) senders (5.7.133,
  // 5.7.134), or the client did not log in where it must (5.7.57). SMTP authentication, not
  // SPF, DKIM or DMARC.
  {
    id: 'securityerror/microsoft-not-authenticated',
    reason: 'securityerror',
    phrases: [
      String.raw`sendernotauthenticatedfor(?:group|mailbox)`,
      // The same restriction on a public folder (5.7.13, 5.7.135 "Sender was not authenticated
      // for public folder") and on a mail user (5.7.136 "Sender was not authenticated"), as the
      // NDR table and its per-code pages name them: not SPF, DKIM or DMARC (authfailure).
      String.raw`\bsendernotauthenticated(?:forpublicfolder)?\b`,
      String.raw`\bsender was not authenticated for (?:group|mailbox|public folder)\b`,
      String.raw`\b5\.7\.13[3-6] (?:\S+; )?sender was not authenticated(?:$|[.;])`,
      String.raw`delivery restriction check failed because the sender was not authenticated`,
      String.raw`client (?:was )?not authenticated to send`,
      // 5.7.1 "Client was not authenticated": the receiving server requires SMTP
      // authentication before submission (the NDR table).
      String.raw`client was not authenticated(?:$|[.;]| \()`,
      // 5.7.139 to a client whose SMTP AUTH login Entra ID's security defaults refuse
      // (Microsoft Learn, "Authenticated client SMTP submission (SMTP AUTH) in Exchange
      // Online": "535 5.7.139 Authentication unsuccessful, user is locked by your
      // organization's security defaults policy. Contact your administrator."): the sending
      // account's login, not a suspended mailbox.
      String.raw`\bauthentication unsuccessful, user is locked by your organization's security defaults policy\b`,
    ],
    quote:
      '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group',
  },
  // Outlook.com (Hotmail) consumer mail's block codes, SC-00x (the sending network is on its
  // block list or mined addresses), DY-00x (dynamic IP ranges), OU-00x (policy), as the
  // Outlook.com postmaster troubleshooting page names them and bounces quote them
  // (https://support.binarylane.com.au/support/solutions/articles/11000047583): the sending
  // host is refused, whatever "policy reasons" wording surrounds the code.
  {
    id: 'blocked/outlook-com-codes',
    reason: 'blocked',
    phrases: [String.raw`^(?:\d{3} )?(?:sc|dy|ou)-00\d\b`],
    quote:
      "550 SC-001 (BAY004-MC4F49) Unfortunately, messages from 192.0.2.1 weren't sent. Please contact your Internet service provider since part of their network is on our block list.",
  },
  // The same page's rate codes: RP-001 (the sending IP passed the rate of messages allowed),
  // RP-002 (the rate allowed on one connection), RP-003 (the number of connections allowed),
  // each tied to the IP's or domain's reputation and deferred ("421 RP-001 ... Unfortunately,
  // some messages from 192.0.2.1 weren't sent. Please try again. We have limits for how many
  // messages can be sent per hour and per day."): the sender's pace, not a block.
  {
    id: 'speeding/outlook-com-rate-codes',
    reason: 'speeding',
    phrases: [String.raw`^(?:\d{3} )?rp-00[12]\b`],
    quote:
      "421 RP-001 (BAY004-MC1F20) Unfortunately, some messages from 192.0.2.1 weren't sent. Please try again. We have limits for how many messages can be sent per hour and per day.",
  },
  {
    id: 'toomanyconn/outlook-com-connection-code',
    reason: 'toomanyconn',
    phrases: [String.raw`^(?:\d{3} )?rp-003\b`],
    quote: "421 RP-003 (BAY004-MC1F20) Unfortunately, some messages from 192.0.2.1 weren't sent. Please try again.",
  },
  // Exchange Online's NDR codes as "Email non-delivery reports and SMTP errors in Exchange
  // Online" (learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online)
  // and its per-code pages describe them.
  // 5.7.520: the sender's organisation forbids automatic forwarding outside it.
  {
    id: 'policyviolation/microsoft-external-forwarding',
    reason: 'policyviolation',
    phrases: [String.raw`does not allow external forwarding`],
    quote:
      '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance.',
  },
  // 5.7.510: the recipient's domain takes no mail over IPv6 (the connection's transport, not
  // the domain's mail); 5.7.513: the recipient's own Customer Block list holds the sending
  // host.
  {
    id: 'blocked/microsoft-transport-or-customer-list',
    reason: 'blocked',
    phrases: [String.raw`does not accept e-?mail over ipv6`, String.raw`blocked by \S+ using customer block ?list`],
    quote: '550 5.7.510 Access denied, example.net does not accept email over IPv6',
  },
  // 5.7.124 "Sender not in allowed-senders list", 5.7.1 "Delivery not authorized, message
  // refused" with nothing after (Exchange adds a cause after a colon when it has one, "...:
  // Message is not RFC 2822 compliant"): the recipient (a group or a mailbox) takes mail only from senders it lists:
  // the recipient's own restriction, nothing said of the address.
  {
    id: 'filtered/microsoft-delivery-restriction',
    reason: 'filtered',
    phrases: [String.raw`sender not in allowed-senders list`, String.raw`delivery not authorized, message refused(?=$|[.;]| \()`],
    quote: '550 5.7.124 Sender not in allowed-senders list',
  },
  // 5.7.12: a group that takes mail only from its own organisation.
  {
    id: 'securityerror/microsoft-not-authenticated-by-organization',
    reason: 'securityerror',
    phrases: [String.raw`sender was not authenticated by organization`],
    quote: '550 5.7.12 Sender was not authenticated by organization',
  },
  // Exchange's categorizer failing on the message or the directory's data for it ("5.6.0
  // CAT.InvalidContent.Exception: ..."): the content or its conversion, not the address,
  // although the text may go on to name an "invalid address" in the directory.
  {
    id: 'contenterror/exchange-categorizer',
    reason: 'contenterror',
    phrases: [String.raw`\bcat\.invalidcontent\.exception\b`],
    quote: '#550 5.6.0 CAT.InvalidContent.Exception: DataSourceOperationException, proxyAddresses property contains an invalid address ##',
  },
  // 5.7.515 (Microsoft's "Fix NDR error 550 5.7.515 in Outlook.com"): a high-volume sending
  // domain without SPF, DKIM and DMARC as Outlook.com requires them ("Access denied, sending
  // domain example.com does not meet the required authentication level.").
  {
    id: 'authfailure/outlook-com-authentication-level',
    reason: 'authfailure',
    phrases: [String.raw`does not meet the required authentication level`],
    quote: '550 5.7.515 Access denied, sending domain example.com does not meet the required authentication level.',
  },
  // 5.7.703: the sender's own organisation lists the recipient in its Tenant Allow/Block List
  // ("Your message can't be delivered because messages to XXX, YYY are blocked by your
  // organization using Tenant Allow Block List."): a policy of the sending side, not a block of
  // the sending host.
  {
    id: 'policyviolation/microsoft-tenant-block-list',
    reason: 'policyviolation',
    phrases: [String.raw`blocked by your organization using tenant allow block list`],
    quote:
      "550 5.7.703 Your message can't be delivered because messages to user@example.net are blocked by your organization using Tenant Allow Block List.",
  },
  // Exchange Server's (2007 to Subscription Edition) own anti-spam agents, as Microsoft
  // documents them ("Anti-spam protection in Exchange Server", the Set-IPBlockListConfig,
  // Set-ContentFilterConfig and Set-AttachmentFilterListConfig pages) and as the agents' code
  // words their defaults (Microsoft.Exchange.Data.Directory's IPBlockListConfigSchema,
  // ContentFilterConfigSchema, AttachmentFilteringDefinitions; the Sender ID agent's Responses).
  // The Connection Filtering agent's IP Block list: its default StaticEntryRejectionResponse
  // "External client with IP address {0} does not have permissions to submit to this server."
  // and, for an address sender reputation put on the list, its MachineEntryRejectionResponse
  // (the same words, then "Visit http://support.microsoft.com/kb/928123 for more
  // information."), sent as 550 5.7.1 at MAIL FROM or RCPT TO: the sending host is refused.
  {
    id: 'blocked/exchange-ip-block-list',
    reason: 'blocked',
    phrases: [String.raw`external client with ip address [0-9a-f.:]{2,45} does not have permissions? to submit to this server`],
    hints: ['external client with ip address'],
    quote: '550 5.7.1 External client with IP address 192.0.2.9 does not have permissions to submit to this server.',
  },
  // The Content Filter agent's SCL quarantine action, as the Exchange Server NDR table
  // ("Email non-delivery reports in Exchange Server") gives it: "5.2.1 Content Filter agent
  // quarantined this message". The message was scored as spam; the mailbox is not disabled,
  // whatever its 5.2.1 says.
  {
    id: 'spamdetected/exchange-content-filter-quarantine',
    reason: 'spamdetected',
    phrases: [String.raw`content filter agent quarantined this message`],
    hints: ['content filter agent'],
    quote: '550 5.2.1 Content Filter agent quarantined this message',
  },
  // The Attachment Filtering agent's default RejectResponse "Message rejected due to
  // unacceptable attachments" (Set-AttachmentFilterListConfig, "Attachment filtering on Edge
  // Transport servers"): an attachment of a type the receiving site forbids.
  {
    id: 'policyviolation/exchange-attachment-filter',
    reason: 'policyviolation',
    phrases: [String.raw`message rejected due to unacceptable attachments?\b`],
    hints: ['unacceptable attachment'],
    quote: '550 5.7.1 Message rejected due to unacceptable attachments',
  },
  // The Sender ID agent rejecting a message whose headers name no purported responsible
  // address (its MissingPRAResponse, "550 5.7.1 Missing purported responsible address", sent
  // when SpoofedDomainAction is Reject; the agent stamps such a message Sender ID Fail): an
  // authentication check of the sender that failed, as its "Sender ID (PRA) Not Permitted".
  {
    id: 'authfailure/exchange-sender-id-missing-pra',
    reason: 'authfailure',
    phrases: [String.raw`missing purported responsible address`],
    hints: ['purported responsible address'],
    quote: '550 5.7.1 Missing purported responsible address',
  },
  // Exchange's store driver failing to deliver to a mailbox whose directory data it cannot use
  // ("5.3.2 STOREDRV.Deliver: Missing or bad StoreDriver MDB properties": with the ABP Routing
  // agent, a recipient outside the address list of their own address book policy; the Exchange
  // Server NDR table). The receiving system's configuration, not a domain that takes no mail,
  // although X.3.2 alone would say so.
  {
    id: 'systemerror/exchange-store-driver-properties',
    reason: 'systemerror',
    phrases: [String.raw`storedrv\.deliver: missing or bad storedriver mdb properties`],
    hints: ['storedrv.deliver'],
    quote: '550 5.3.2 STOREDRV.Deliver: Missing or bad StoreDriver MDB properties',
  },
  // An administrator's action in Exchange's transport on the message (Microsoft.Exchange.Data.
  // Transport's SmtpResponse: an interceptor rule's "530 5.3.1 Intercepted and rejected by
  // administrative action. PRJCT" and "430 4.3.1 ... TRJCT", an agent's "550 4.3.2 Discarded by
  // administrative action. DROP"): the receiving side refused this message on purpose, like a
  // mail flow rule's reject; its X.3.1 and X.3.2 say nothing of a full system or a domain that
  // takes no mail.
  {
    id: 'filtered/exchange-administrative-action',
    reason: 'filtered',
    phrases: [String.raw`\b(?:intercepted and rejected|discarded) by administrative action\b`],
    hints: ['by administrative action'],
    quote: '530 5.3.1 Intercepted and rejected by administrative action. PRJCT',
  },
];
