// Who hears about a bounce: the rules that keep notices going to the right people and never
// into a mail loop. Pure: the only outside fact (which addresses are known to bounce) comes in
// as a function.

import { isPlausibleAddress } from '../config.ts';
import { addressesIn, bareAddress, localPartOf } from '../core/address.ts';

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

export interface RecipientRules {
  /** The addresses asked for, in order (NOTIFY_CC then the original Cc, or NOTIFY_CC_TEST). */
  wanted: string[];
  /** Addresses that just failed in this report: telling them is pointless. */
  failed: string[];
  /** rebound's own sender address: a notice to it would come straight back in. */
  self: string;
  /** True when rebound has a hard bounce on record for the address. */
  isKnownBouncing: (address: string) => boolean;
}

/**
 * The notice recipients: the wanted addresses, bare, deduplicated case-insensitively (first
 * spelling kept), minus the failed ones, known bouncers, system addresses, rebound itself and
 * anything that is not an address at all (a Cc header is written by strangers).
 */
export function chooseRecipients(rules: RecipientRules): string[] {
  const excluded = new Set([...rules.failed, rules.self].map((a) => bareAddress(a).toLowerCase()));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const address of rules.wanted.flatMap(addressesIn)) {
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (excluded.has(key) || isSystemAddress(address) || !isPlausibleAddress(address)) continue;
    if (rules.isKnownBouncing(key)) continue;
    out.push(address);
  }
  return out;
}
