// ClamSMTP as Snapgear/McAfee UTM builds it with McAfee TrustedSource (clamsmtpd.c,
// SMTP_DATAUNTRUST "550 Message Untrusted by TrustedSource - see <http://www.trustedsource.org>
// ; Contect Rejected"): TrustedSource rated the whole message (its HELO, sending address,
// sender, recipients and body) over the threshold. A spam rating of the message, not of the
// recipient; its "Content Rejected" does not mean a malformed message.

import type { ReasonRule } from '../reasons.ts';

export const CLAMSMTP_RULES: readonly ReasonRule[] = [
  {
    id: 'spamdetected/clamsmtp-trustedsource',
    reason: 'spamdetected',
    phrases: [String.raw`\bmessage untrusted by trustedsource\b`],
    hints: ['trustedsource'],
    quote: '550 Message Untrusted by TrustedSource - see <http://www.trustedsource.org> ; Contect Rejected',
  },
];
