// When a bounce happened, by its own Date header: an imported archive or an IMAP backlog is
// received today but bounced long ago. The header is a stranger's claim, so it is only
// believed within bounds; otherwise the time rebound received the message stands.

/** Dates before this are taken for a broken clock or a forged header, not for a real bounce. */
const EARLIEST = Date.UTC(1990, 0, 1);
/** Longest Date header read (RFC 5322 dates are about 40 characters; comments make more). */
const MAX_HEADER_CHARS = 200;

/**
 * The bounce's own date: its Date header (RFC 5322 section 3.3, comments dropped) when that
 * parses, lies after 1990 and is not after `receivedAt` (a sender's clock running ahead is
 * clamped to the receipt); `receivedAt` otherwise.
 */
export function bounceDate(dateHeader: string, receivedAt: Date): Date {
  const text = dateHeader
    .slice(0, MAX_HEADER_CHARS)
    .replace(/\([^()]*\)/g, ' ')
    .trim();
  const t = text ? Date.parse(text) : NaN;
  if (!Number.isFinite(t) || t < EARLIEST) return receivedAt;
  return t > receivedAt.getTime() ? receivedAt : new Date(t);
}
