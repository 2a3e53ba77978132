// SFR's mail (sfr.fr, neuf.fr, club-internet.fr, numericable.fr and its other brands, one set
// of inbound servers): its SFR_IN_xyy codes as the deliverability pages of Postmastery
// ("All about ISP: SFR and SMTP error codes SFR_IN_XXX") and Bento (bentonow.com/smtp-errors/sfr)
// explain them: the first digit is internal to SFR, the last two say why the sending address is
// refused for two hours: 01 too many messages classified as spam, 02 viruses or malware, 03 SMTP
// protocol errors, 04 too many unknown recipients, 05 too much volume. Each is a refusal of the
// sending host for what it sent before, not of this message or recipient; "Service refused due
// to bad behavior" beside the code says only that.

import type { ReasonRule } from '../reasons.ts';

const SFR_HINTS = ['sfr_in_'];

export const SFR_RULES: readonly ReasonRule[] = [
  {
    id: 'blocked/sfr-codes',
    reason: 'blocked',
    phrases: [String.raw`\bsfr_in_\d0[1-4]\b`],
    hints: SFR_HINTS,
    quote: '450 4.7.1 SFR_IN_101 Service refused due to bad behavior',
  },
  {
    id: 'speeding/sfr-volume',
    reason: 'speeding',
    phrases: [String.raw`\bsfr_in_\d05\b`],
    hints: SFR_HINTS,
    quote: '450 4.7.1 SFR_IN_105 Service refused due to bad behavior',
  },
];
