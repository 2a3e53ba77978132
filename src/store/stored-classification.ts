// The classifier's answer is stored as JSON with each message (messages.classification), in
// the shape it had when the message came in. Rows written before the enhanced status code of a
// recipient was called `enhancedCode` name it `status`; every reader goes through here so old
// and new rows read alike, and the API and the dashboard keep showing the published shape.

import type { Classification } from '../core/types.ts';

/** The key older rows (and the published JSON) use for a recipient's enhanced status code. */
const PUBLISHED_CODE_KEY = 'status';

/** The JSON object in `text`; undefined when it is not one. */
function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `r` with its key `from` called `to`, in the same place; as it is when it has no `from` or has a `to`. */
function renameKey(r: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  if (!(from in r) || to in r) return r;
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k === from ? to : k, v]));
}

/** The recipients list with each entry passed through `f`; other values are left alone. */
function mapRecipients(c: Record<string, unknown>, f: (r: Record<string, unknown>) => Record<string, unknown>) {
  if (!Array.isArray(c.recipients)) return c;
  const recipients = (c.recipients as unknown[]).map((r) => (r && typeof r === 'object' ? f(r as Record<string, unknown>) : r));
  return { ...c, recipients };
}

/**
 * A stored classification with each recipient's enhanced code under `enhancedCode`, whichever
 * key its row used; an unreadable one gives {} (the caller falls back to the bounce row).
 */
export function readStoredClassification(text: string): Partial<Classification> {
  return mapRecipients(parseObject(text) ?? {}, (r) => renameKey(r, PUBLISHED_CODE_KEY, 'enhancedCode')) as Partial<Classification>;
}

/**
 * A stored classification in its published shape (the API's `classification`, the detail
 * page): each recipient's enhanced code under `status`, as rebound has always shown it.
 * Undefined when the stored text is not a JSON object.
 */
export function publishedClassification(text: string): Record<string, unknown> | undefined {
  const stored = parseObject(text);
  if (!stored) return undefined;
  return mapRecipients(stored, (r) => renameKey(r, 'enhancedCode', PUBLISHED_CODE_KEY));
}
