// Proxmox Mail Gateway: the answers of its Postfix policy daemon (proxmox/pmg-api,
// src/bin/pmgpolicy), which Postfix sends with its own "<user@example.net>: Recipient address
// rejected:" prefix although they are not about the recipient. Known by the gateway's own
// wording.

import type { ReasonRule } from '../reasons.ts';

export const PROXMOX_RULES: readonly ReasonRule[] = [
  // pmgpolicy's greylisting: "defer_if_permit Service is unavailable (try later)", which Postfix
  // sends as "450 4.7.1 <address>: Recipient address rejected: Service is unavailable (try
  // later)". It never says "greylist"; it asks every new sender to come back later, as
  // greylisting does (expired/greylisted): final only when the retries ran out, never the
  // server's own failure.
  {
    id: 'expired/proxmox-greylisting',
    reason: 'expired',
    phrases: [String.raw`\brecipient address rejected: service is unavailable \(try later\)`],
    hints: ['service is unavailable (try later)'],
    quote: '450 4.7.1 <user@example.net>: Recipient address rejected: Service is unavailable (try later)',
  },
];
