// Addresses as the notice rules read them: the system addresses never written to (notices.ts
// applies the rules). Reading addresses out of header values is the core's (core/address.ts).

import { addressesIn, bareAddress, localPartOf } from '../core/address.ts';

export { addressesIn, bareAddress };

/**
 * Local parts that belong to mail systems, not people. RFC 5321 section 4.5.1 reserves
 * postmaster; mailer-daemon is the conventional sender of bounces. Writing to either about a
 * bounce invites a bounce war (ZoneMTA's canSendBounce skips the same ones).
 */
const SYSTEM_LOCAL_PARTS = new Set(['mailer-daemon', 'postmaster']);

/** True for an address rebound must never write to: `<>`, mailer-daemon@, postmaster@. */
export function isSystemAddress(address: string): boolean {
  const a = bareAddress(address).toLowerCase();
  if (a === '') return true;
  return SYSTEM_LOCAL_PARTS.has(localPartOf(a));
}
