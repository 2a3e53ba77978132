// Where a webhook may be sent. Only http(s), no credentials in the URL, and no private,
// loopback, link-local or otherwise internal address unless WEBHOOK_ALLOW_PRIVATE says so:
// a webhook must not become a way to reach the services behind the firewall (SSRF). The
// address is checked twice: the URL when it is saved, and every address a name resolves to
// when the request connects (the lookup hook below), so a name that later resolves to
// 127.0.0.1 (DNS rebinding) is refused too.

import dns from 'node:dns';
import net from 'node:net';

/** Longest URL accepted (browsers and proxies cope with 2,000; longer is a mistake). */
export const MAX_URL_LENGTH = 2000;

const internal = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // RFC 6598 shared (carrier NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  internal.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  internal.addSubnet(prefix, bits, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) address. */
function embeddedIpv4(address: string): string | undefined {
  const m = /^(::ffff:|64:ff9b::)(.+)$/i.exec(address);
  if (!m) return undefined;
  const tail = m[2]!;
  if (net.isIPv4(tail)) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex) return undefined;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** True for an address a webhook must not reach by default. */
export function isInternalAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return internal.check(address, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped and NAT64 (RFC 6052 well-known prefix 64:ff9b::/96) forms carry an IPv4
  // address in their last 32 bits, written dotted or in hex: judge that one.
  const embedded = embeddedIpv4(address);
  if (embedded) return internal.check(embedded, 'ipv4');
  return internal.check(address, 'ipv6');
}

/** Checks a URL as typed on the dashboard; returns the reason it is refused, or undefined. */
export function refuseUrl(raw: string, allowPrivate: boolean): string | undefined {
  if (raw.length > MAX_URL_LENGTH) return `the URL is longer than ${MAX_URL_LENGTH} characters`;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'only http and https URLs are allowed';
  if (u.username || u.password) return 'no user name or password in the URL (the signature authenticates rebound)';
  if (allowPrivate) return undefined;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && isInternalAddress(host))
    return `${host} is a private or loopback address (set WEBHOOK_ALLOW_PRIVATE=true to allow it)`;
  if (/^localhost$|\.localhost$|\.local$|\.internal$/i.test(host))
    return `${host} is a local name (set WEBHOOK_ALLOW_PRIVATE=true to allow it)`;
  return undefined;
}

export class InternalAddressError extends Error {
  code = 'EINTERNAL';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A dns.lookup for http.request that refuses names resolving to an internal address. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      if (!allowPrivate) {
        const bad = addresses.find((a) => isInternalAddress(a.address));
        if (bad) return callback(new InternalAddressError(`${hostname} resolves to ${bad.address}, a private or loopback address`), '');
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
