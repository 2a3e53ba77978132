// Who is asking, and over what: the address the sign-in throttle keys on and whether the
// request came over HTTPS (the session cookie's Secure flag with COOKIE_SECURE=auto).
// X-Forwarded-For and X-Forwarded-Proto are anyone's to write; they are read only when the
// connection comes from a proxy TRUST_PROXY names, and X-Forwarded-For is walked from the
// right, past the trusted proxies, to the first address no trusted proxy vouches for.

import { BlockList, isIP } from 'node:net';
import type Koa from 'koa';

/** Entries of X-Forwarded-For read at most (a stranger may send thousands). */
const MAX_FORWARDED_HOPS = 20;

/** A trusted proxy list: single addresses and CIDR ranges (validated in config.ts). */
export function trustedProxies(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [addr = '', prefix] = entry.split('/');
    const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(prefix), type);
  }
  return list;
}

/** '::ffff:192.0.2.1' (an IPv4 peer on a dual-stack socket) as '192.0.2.1'. */
export function plainAddress(a: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return m ? m[1]! : a;
}

function isTrusted(list: BlockList, a: string): boolean {
  const v = isIP(a);
  return v !== 0 && list.check(a, v === 6 ? 'ipv6' : 'ipv4');
}

/** One X-Forwarded-For entry as a bare address ('[2001:db8::1]:443' and '192.0.2.1:80' too), '' when it is none. */
function forwardedAddress(entry: string): string {
  let a = entry.trim();
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracket) a = bracket[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  a = plainAddress(a);
  return isIP(a) ? a : '';
}

export interface ClientFacts {
  ip: string;
  https: boolean;
}

export function clientFacts(
  peer: string,
  encrypted: boolean,
  forwardedFor: string,
  forwardedProto: string,
  trusted: BlockList,
): ClientFacts {
  let ip = plainAddress(peer);
  if (!isTrusted(trusted, ip)) return { ip, https: encrypted };
  // The nearest proxy is trusted: it says what the connection before it was.
  const proto = forwardedProto.split(',')[0]?.trim().toLowerCase();
  const https = proto ? proto === 'https' : encrypted;
  const hops = forwardedFor.split(',').slice(-MAX_FORWARDED_HOPS);
  while (isTrusted(trusted, ip) && hops.length > 0) {
    const next = forwardedAddress(hops.pop()!);
    if (!next) break;
    ip = next;
  }
  return { ip, https };
}

/**
 * Sets ctx.request.ip and the cookies' notion of a secure request from the facts above. Koa's
 * own app.proxy would believe the headers from every client, so it stays off.
 */
export function clientAddressMiddleware(trusted: BlockList, cookieSecure: 'auto' | 'always' | 'never'): Koa.Middleware {
  return async (ctx, next) => {
    const facts = clientFacts(
      ctx.socket.remoteAddress ?? '',
      Boolean((ctx.socket as { encrypted?: boolean }).encrypted),
      ctx.get('x-forwarded-for'),
      ctx.get('x-forwarded-proto'),
      trusted,
    );
    ctx.request.ip = facts.ip;
    if (cookieSecure === 'always' || (cookieSecure === 'auto' && facts.https)) ctx.cookies.secure = true;
    await next();
  };
}
