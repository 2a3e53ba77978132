// Email addresses as rebound reads them: split at the last '@' (a quoted local part may hold
// one), domains lower-cased (RFC 5321 section 2.4: domains are case-insensitive; local parts
// are not, though rarely case-sensitive in practice), and the addresses found in a header
// value a stranger wrote. Pure: the classifier, the notice rules and the LMTP listener share it.

/**
 * A quoted local part ("first last"@example.org, RFC 5321 4.1.2): quoted-pairs allowed, at most
 * 64 characters (RFC 5321 4.5.3.1.1), so a stranger's run of quotes is read in bounded steps.
 * One grammar for the report fields (dsn.ts) and the notice's text (prose.ts).
 */
export const QUOTED_LOCAL_PART = String.raw`"(?:[^"\\\r\n]|\\.){1,64}"`;

/** The part before and after the last '@'; the domain is '' when there is no '@'. */
export function splitAddress(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf('@');
  return at < 0 ? { local: address, domain: '' } : { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/** Lower-cased domain part of an address, '' when it has none. */
export function domainOf(address: string): string {
  return splitAddress(address).domain.toLowerCase();
}

/** The local part (everything before the last '@'; the whole text when there is none). */
export function localPartOf(address: string): string {
  return splitAddress(address).local;
}

/** Lower-cases the domain part and keeps the local part as written. */
export function normaliseAddress(address: string): string {
  const { local, domain } = splitAddress(address);
  return address.includes('@') ? `${local}@${domain.toLowerCase()}` : address;
}

/** The bare address in "Name <a@b>", "<a@b>" or "a@b"; '' for the null path `<>`. */
export function bareAddress(value: string): string {
  const s = value.trim();
  const angle = /<([^<>]*)>\s*$/.exec(s);
  return (angle ? angle[1]! : s).trim();
}

/**
 * An address in a header value. Each part is bounded (a local part of 512 characters, eight
 * times RFC 5321's 64 for the long VERP and BATV forms senders use; a domain of 255) and a
 * local part starts where a run of its characters starts (a longer run is no address, never a
 * made-up tail of one): unbounded, a value of 100 KB of local-part characters with no domain
 * costs a quadratic search.
 */
const ADDRESS =
  /(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.\u0080-\uffff-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,512}@[A-Za-z0-9][A-Za-z0-9.-]{0,253}\.[A-Za-z0-9-]{1,63}|(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.\u0080-\uffff-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,512}@\[[0-9.:A-Fa-f]{1,45}\]/g;

/**
 * Addresses kept from one address-list header value. The value is written by whoever sent the
 * message (a forged bounce may list thousands), and every later step (bounce rows, the notice
 * planner, the dashboard) should see a bounded list; original.ts says when it cut.
 */
export const MAX_LISTED_ADDRESSES = 500;

/**
 * The addresses in an address-list header value ("A <a@x>, \"Doe, B\" <b@x>", "a@x; b@x"),
 * in order, each once, domains lower-cased, at most `max`. Anything that does not look like an
 * address (a display name, `<>`, a bare word) is left out. Linear in the value's length.
 */
export function addressesIn(value: string, max = MAX_LISTED_ADDRESSES): string[] {
  const out: string[] = [];
  if (!value.includes('@')) return out;
  const seen = new Set<string>();
  for (const m of value.matchAll(ADDRESS)) {
    const a = normaliseAddress(m[0].replace(/^[.]+|[.]+$/g, ''));
    if (seen.has(a)) continue;
    seen.add(a);
    out.push(a);
    if (out.length >= max) break;
  }
  return out;
}
