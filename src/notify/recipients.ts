// Addresses as the notice rules read them: the bare address of a header value, every address
// of a Cc entry, and the system addresses never written to (notices.ts applies the rules).

/**
 * Local parts that belong to mail systems, not people. RFC 5321 section 4.5.1 reserves
 * postmaster; mailer-daemon is the conventional sender of bounces. Writing to either about a
 * bounce invites a bounce war (ZoneMTA's canSendBounce skips the same ones).
 */
const SYSTEM_LOCAL_PARTS = new Set(['mailer-daemon', 'postmaster']);

/** The bare address in "Name <a@b>", "<a@b>" or "a@b"; '' for the null path `<>`. */
export function bareAddress(value: string): string {
  const s = value.trim();
  const angle = /<([^<>]*)>\s*$/.exec(s);
  return (angle ? angle[1]! : s).trim();
}

/**
 * Every address in one header value or list entry: "A <a@x>, \"Doe, B\" <b@x>" or
 * "a@x, b@x". The classifier may hand over one address per entry or a whole Cc line.
 */
export function addressesIn(value: string): string[] {
  if (value.includes('<')) return [...value.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!.trim()).filter(Boolean);
  return value.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);
}

/** True for an address rebound must never write to: `<>`, mailer-daemon@, postmaster@. */
export function isSystemAddress(address: string): boolean {
  const a = bareAddress(address).toLowerCase();
  if (a === '') return true;
  const at = a.lastIndexOf('@');
  const local = at < 0 ? a : a.slice(0, at);
  return SYSTEM_LOCAL_PARTS.has(local);
}
