// Lotus Notes' (now HCL Notes) older notice for people writes, under a "------- Failure
// Reasons --------" heading, each failed recipient as its reason FIRST and its address on the
// line after ("User not listed in public Name & Address Book" / "a@example.net"), then
// "------- Returned Message --------". Read by the generic reader, each reason would join the
// address above it, another recipient's; this reader pairs each address with the lines before it.

import { normaliseAddress } from '../address.ts';
import { MAX_BLOCK_LINES, MAX_NOTICE_LINES, type ProseRecipient } from '../prose.ts';

const FAILURE_REASONS_HEADING = /^\s*-{3,}\s*failure reasons\s*-{3,}\s*$/i;
/** The next heading between dashes ends the section ("------- Returned Message --------"). */
const NEXT_HEADING = /^\s*-{3,}[^-]{1,60}-{3,}\s*$/;
/** A line holding one address and nothing else (Notes may put it in angle brackets). */
const ADDRESS_LINE = /^\s*<?([^\s<>@"]+@[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})>?\s*$/;

/**
 * The recipients of a Notes "Failure Reasons" section, each with its reason lines then its
 * address line; undefined when the notice has no such section or it names no address.
 */
export function notesFailureReasons(notice: string, exclude: Set<string>): ProseRecipient[] | undefined {
  const lines = notice.split('\n', MAX_NOTICE_LINES);
  const start = lines.findIndex((l) => FAILURE_REASONS_HEADING.test(l));
  if (start < 0) return undefined;
  const found = new Map<string, ProseRecipient>();
  let pending: string[] = [];
  for (const raw of lines.slice(start + 1)) {
    if (NEXT_HEADING.test(raw)) break;
    const line = raw.trim();
    if (!line) continue;
    const m = ADDRESS_LINE.exec(line);
    if (!m) {
      if (pending.length < MAX_BLOCK_LINES - 1) pending.push(line);
      continue;
    }
    const address = normaliseAddress(m[1]);
    if (!exclude.has(address.toLowerCase()) && !found.has(address)) found.set(address, { address, lines: [...pending, line] });
    pending = [];
  }
  return found.size ? [...found.values()] : undefined;
}
