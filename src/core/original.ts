// What a bounce tells about the message that bounced: its Message-ID, From, To, Cc,
// Subject, Date and our tracking header, read from the returned message or headers; and
// VERP return paths (bounces+user=domain@...) decoded back to the recipient they encode.

import type { OriginalMessage } from './types.ts';
import { decodeHeaderValue, headerValue, type Header } from './mime.ts';
import { addressesIn, MAX_LISTED_ADDRESSES, normaliseAddress } from './address.ts';

export { addressesIn };

/** Addresses kept per To or Cc header of the original (core/address.ts bounds every list). */
export const MAX_ORIGINAL_ADDRESSES = MAX_LISTED_ADDRESSES;

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

/**
 * Decodes a VERP address: `prefix+user=domain@bounce-host` names user@domain.
 * Returns '' when the address is not of that shape.
 */
export function decodeVerp(address: string): string {
  const m = /^[^+@\s]+\+([^@\s]+)=([A-Za-z0-9.-]+\.[A-Za-z]{2,})@[^@\s]+$/.exec(address.trim().replace(/^<|>$/g, ''));
  if (!m) return '';
  return normaliseAddress(`${m[1]}@${m[2]}`);
}
