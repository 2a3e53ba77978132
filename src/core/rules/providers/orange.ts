// Orange and La Poste's codes as published for postmasters (OFR, LPN, LPNAAA, OUK labels).

import type { ReasonRule } from '../reasons.ts';

/** Orange's labels: the rules are tried only when one is in the text. */
const ORANGE_HINTS = ['ofr', 'lpn', 'ouk'];

export const ORANGE_RULES: readonly ReasonRule[] = [
  // Orange and La Poste (France), codes as published for postmasters (see
  // https://www.postmastery.com/orange-postmaster-smtp-error-codes-ofr/): a label OFR, LPN,
  // LPNAAA or OUK, an optional server number, an underscore and the three-digit code.
  {
    id: 'blocked/orange-ip',
    reason: 'blocked',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:101|102|103|510|999)\b`],
    quote: '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102',
    hints: ORANGE_HINTS,
  },
  {
    id: 'toomanyconn/orange-connections',
    reason: 'toomanyconn',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?104\b`],
    quote: '421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration. OFR005_104',
    hints: ORANGE_HINTS,
  },
  {
    id: 'securityerror/orange-auth',
    reason: 'securityerror',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:305|402)\b`],
    quote: '550 5.5.0 Authentification requise. Authentication Required. LPN105_402',
    hints: ORANGE_HINTS,
  },
  {
    id: 'authfailure/orange-spf-dmarc',
    reason: 'authfailure',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:401|517)\b`],
    quote: '571 5.7.1 Message refused, DMARC verification Failed. LPN007_517',
    hints: ORANGE_HINTS,
  },
  {
    id: 'rejected/orange-sender',
    reason: 'rejected',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:403|405|415|421)\b`],
    quote: '501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405',
    hints: ORANGE_HINTS,
  },
  {
    id: 'userunknown/orange-recipient',
    reason: 'userunknown',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?416\b`],
    traits: ['mailbox-lookup'],
    quote: '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416',
    hints: ORANGE_HINTS,
  },
  {
    id: 'mailboxfull/orange-quota',
    reason: 'mailboxfull',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?417\b`],
    quote: '552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417',
    hints: ORANGE_HINTS,
  },
  {
    id: 'suspend/orange-account',
    reason: 'suspend',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:420|426)\b`],
    quote: '550 5.5.0 Le compte du destinataire est bloque. The recipient account isblocked. LPN007_426',
    hints: ORANGE_HINTS,
  },
  {
    id: 'systemerror/orange-try-later',
    reason: 'systemerror',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?505\b`],
    quote: '421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505',
    hints: ORANGE_HINTS,
  },
  {
    id: 'spamdetected/orange-content',
    reason: 'spamdetected',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?506\b`],
    quote: '550 5.2.0 Mail rejete. Mail rejected. OFR_506',
    hints: ORANGE_HINTS,
  },
  {
    id: 'mesgtoobig/orange-size',
    reason: 'mesgtoobig',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?514\b`],
    quote: '552 Taille limite du message atteinte. OFR_514',
    hints: ORANGE_HINTS,
  },
  {
    id: 'policyviolation/orange-client',
    reason: 'policyviolation',
    phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?630\b`],
    quote: '554 5.7.1 Client host rejected LPN000_630',
    hints: ORANGE_HINTS,
  },
];
