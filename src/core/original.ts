// What a bounce tells about the message that bounced: its Message-ID, From, To, Cc,
// Subject, Date and our tracking header, read from the returned message or headers; and
// VERP return paths (bounces+user=domain@...) decoded back to the recipient they encode.

import type { OriginalMessage } from './types.ts';
import { decodeHeaderValue, headerValue, type Header } from './mime.ts';
import { normaliseAddress } from './dsn.ts';

export const DEFAULT_TRACKING_HEADER = 'X-Rebound-Mail-ID';
/** Marker header on rebound's own notices (loop safety). */
export const NOTICE_MARKER_HEADER = 'x-rebound-notice';

export function emptyOriginal(): OriginalMessage {
  return { messageId: '', from: '', to: [], cc: [], subject: '', date: '', trackingId: '' };
}

/** Reads the original message's identity from its (returned) header fields. */
export function readOriginal(headers: Header[], trackingHeader = DEFAULT_TRACKING_HEADER): OriginalMessage {
  const get = (name: string) => decodeHeaderValue(headerValue(headers, name)).trim();
  return {
    messageId: stripAngles(get('message-id')),
    from: addressesIn(get('from'))[0] ?? '',
    to: addressesIn(get('to')),
    cc: addressesIn(get('cc')),
    subject: get('subject'),
    date: get('date'),
    trackingId: get(trackingHeader.toLowerCase()),
  };
}

/** True when the returned headers carry rebound's notice marker. */
export function isReboundNotice(headers: Header[]): boolean {
  return headers.some((h) => h.name === NOTICE_MARKER_HEADER);
}

function stripAngles(value: string): string {
  const m = /<([^<>]+)>/.exec(value);
  return (m ? m[1] : value).trim();
}

const ADDRESS = /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z0-9-]+|[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@\[[0-9.:A-Fa-f]+\]/g;

/**
 * Addresses kept per To or Cc header of the original. The header is written by whoever sent
 * the bounce: a forged one may list thousands, and every later step (the bounce rows, the
 * notice planner, the dashboard) should see a bounded list. originalCuts() says when it cut.
 */
export const MAX_ORIGINAL_ADDRESSES = 500;

/**
 * Addresses in an address-list header value, in order, domains lower-cased, each once, at
 * most `max` of them. Linear in the header's length (a Set, not a scan per address).
 */
export function addressesIn(value: string, max = MAX_ORIGINAL_ADDRESSES): string[] {
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

/** What readOriginal() left out of the original's To and Cc, in words; [] when nothing. */
export function originalCuts(headers: Header[]): string[] {
  const out: string[] = [];
  for (const name of ['to', 'cc']) {
    const value = decodeHeaderValue(headerValue(headers, name));
    if (!value.includes('@')) continue;
    const all = addressesIn(value, Number.POSITIVE_INFINITY).length;
    if (all > MAX_ORIGINAL_ADDRESSES) {
      out.push(`the original's ${name === 'to' ? 'To' : 'Cc'} lists ${all} addresses; only the first ${MAX_ORIGINAL_ADDRESSES} were kept`);
    }
  }
  return out;
}

/**
 * Decodes a VERP address: `prefix+user=domain@bounce-host` names user@domain.
 * Returns '' when the address is not of that shape.
 */
export function decodeVerp(address: string): string {
  const m = /^[^+@\s]+\+([^@\s]+)=([A-Za-z0-9.-]+\.[A-Za-z]{2,})@[^@\s]+$/.exec(address.trim().replace(/^<|>$/g, ''));
  if (!m) return '';
  return normaliseAddress(`${m[1]}@${m[2]}`);
}
