// Zimbra Collaboration's own replies, read in its sources: the mailbox server's LMTP replies
// (Zimbra/zm-mailbox, store/src/java/com/zimbra/cs/lmtpserver/LmtpReply.java and
// ZimbraLmtpBackend.java, which says when each is sent) and the header checks its MTA
// installs (Zimbra/zm-mta, postfix_header_checks.in, written when an administrator lists
// blocked attachment extensions, zimbraMtaBlockedExtension). Its other LMTP replies ("No such
// user here", "Over quota", "Mailbox disabled, not accepting messages") and its Postfix
// restrictions' texts are read by the general rules.

import type { ReasonRule } from '../reasons.ts';

export const ZIMBRA_RULES: readonly ReasonRule[] = [
  // "450 4.2.0 Mailbox is not on this server": the account exists but the directory names a
  // mailbox server that Zimbra's provisioning does not know (ZimbraLmtpBackend.getAddressStatus,
  // "try again for address ...: mailbox is not on this server"). The receiving system's own
  // configuration, temporary: not a mailbox that refused the message (the X.2.0 code's subject).
  {
    id: 'systemerror/zimbra-mailbox-elsewhere',
    reason: 'systemerror',
    phrases: [String.raw`\bmailbox is not on this server\b`],
    hints: ['not on this server'],
    quote: '450 4.2.0 Mailbox is not on this server',
  },
  // The header check Zimbra's MTA writes for a blocked attachment extension: "REJECT For
  // security reasons we reject attachments of this type" (its other line, "Attachment type not
  // allowed. File ... has the unacceptable extension ...", is read by the general rules). The
  // recipient organisation's attachment policy, whatever the 5.7.1 code Postfix's cleanup adds.
  {
    id: 'policyviolation/zimbra-blocked-extension',
    reason: 'policyviolation',
    phrases: [String.raw`\bfor security reasons we reject attachments of this type\b`],
    hints: ['attachments of this type'],
    quote: '550 5.7.1 For security reasons we reject attachments of this type',
  },
];
