// Mimecast's replies as it publishes them: "Mimecast SMTP Error Codes"
// (https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754, now
// https://mimecastsupport.zendesk.com/hc/en-us/articles/34000709564691) and "Managing Blocked
// Senders and Email Rejections" (mimecastsupport.zendesk.com/hc/en-us/articles/42979092709907).
// Mimecast appends a link to that page and a bracketed reference to each reply; the rules
// read the words only. Its other replies ("Invalid Recipient", "Open relay not allowed",
// "Message Size Exceeds Limit", "Submitter failed SPF", "Poor Reputation Sender") are worded
// as any server words them and the general rules read them.

import type { ReasonRule } from '../reasons.ts';

export const MIMECAST_RULES: readonly ReasonRule[] = [
  // "550 Invalid Recipient": Mimecast's lookup of the address in the organisation's directory
  // found none (its SMTP error code page, DOC-1369). Known by its form, the words then the
  // link to the code's anchor.
  {
    id: 'userunknown/mimecast-invalid-recipient',
    reason: 'userunknown',
    phrases: [String.raw`\binvalid recipient - https?://\S+#550\b`],
    traits: ['mailbox-lookup'],
    quote: '550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550',
  },
  // "The sender's IP address has been blocked by a Blocked Senders Policy": Mimecast's 421,
  // about the sending host despite the words "sender address" (a 421 closes the connection).
  {
    id: 'blocked/mimecast-ip-blocked',
    reason: 'blocked',
    phrases: [String.raw`\b421[ -](?:4\.\d{1,3}\.\d{1,3} )?sender address blocked`],
    quote: '421 Sender address blocked - https://community.mimecast.com/docs/DOC-1369#421',
  },
  // A block the recipient set for themselves (a personal block list entry, or "Block" clicked
  // in a digest or in Outlook): the recipient's own filter, as the taxonomy calls it.
  {
    id: 'filtered/mimecast-user-block',
    reason: 'filtered',
    phrases: [String.raw`envelope blocked - user (?:domain )?entry`, String.raw`rejected by header based manually blocked senders`],
    quote: '550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550',
  },
  // A Blocked Senders policy of the recipient's administrators on the sender's address or
  // domain (envelope or From header): the sender is refused, nothing is said of the address.
  {
    id: 'rejected/mimecast-blocked-senders',
    reason: 'rejected',
    phrases: [
      String.raw`administrative prohibition - envelope blocked`,
      String.raw`rejected by header based blocked senders`,
      String.raw`policy level block list in force`,
      // "A Block Sender Policy has been applied to reject emails based on the ... Envelope
      // From address".
      String.raw`envelope rejected - block policy for envelope from address`,
    ],
    quote: '550 Administrative prohibition - envelope blocked - https://community.mimecast.com/docs/DOC-1369#550',
  },
  // "The mail server performing the connection says the recipient address validation isn't
  // responding": Mimecast could not check the address with the customer's server, for now.
  {
    id: 'systemerror/mimecast-recipient-validation',
    reason: 'systemerror',
    phrases: [String.raw`recipient temporarily unavailable`],
    quote: '451 Recipient temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451',
  },
  // "This email has been sent using SMTP, but TLS is required by policy", "a TLS version that
  // is lower than TLS 1.2", "ciphers that do not meet the configured cipher strength": the
  // recipient's Secure Receipt policy, refused at MAIL FROM with 553 (not the sender).
  {
    id: 'failedstarttls/mimecast-tls-route',
    reason: 'failedstarttls',
    phrases: [String.raw`this route requires (?:encryption \(tls\)|tls version|high-strength ciphers)`],
    quote: '553 This route requires encryption (TLS) - https://community.mimecast.com/docs/DOC-1369#553',
  },
  // "The message has triggered a Content Examination policy".
  {
    id: 'policyviolation/mimecast-content-examination',
    reason: 'policyviolation',
    phrases: [String.raw`bounced due to content examination policy`],
    quote: '550 Message Bounced due to Content Examination Policy - https://community.mimecast.com/docs/DOC-1369#550',
  },
  // "Messages submitted to SMTP port 587 require authentication ... the authentication details
  // provided were incorrect".
  {
    id: 'securityerror/mimecast-submitter',
    reason: 'securityerror',
    phrases: [String.raw`submitter failed to authenticate`],
    quote: '550 Submitter failed to authenticate - https://community.mimecast.com/docs/DOC-1369#550',
  },
  // "There are too many concurrent inbound connections for the account" (451 "Account service
  // is temporarily unavailable") and "too many concurrent outbound connections" (550
  // "Exceeding outbound thread limit").
  {
    id: 'toomanyconn/mimecast-connections',
    reason: 'toomanyconn',
    phrases: [String.raw`account service is temporarily unavailable`, String.raw`exceeding outbound thread limit`],
    quote: '451 Account service is temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451',
  },
];
