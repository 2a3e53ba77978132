// A stranger's text made fit to show in a log line, a status line, a header or a table cell.
// Pure; HTML escaping is the templates' job (autoescape), this is about the characters.

/** Control characters other than tab and newline (a diagnostic may carry any byte). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * CRLF to LF, control characters dropped, folded continuation lines kept, and cut at `max`
 * characters with an ellipsis.
 */
export function cleanText(value: string, max: number): string {
  const s = value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** One line: whitespace runs (CR and LF included) become one space, then cut at `max`. */
export function oneLine(value: string, max = 200): string {
  return cleanText(value.replace(/\s+/g, ' ').trim(), max);
}

/**
 * A copy of `text` that holds nothing else: a diagnostic cut from a decoded part is a slice
 * of it, and V8 keeps the whole part alive for as long as the slice is (a 16 KB key could
 * hold a forged report's megabytes). Kept as a cache key, only a copy is safe.
 */
export function detachedCopy(text: string): string {
  return structuredClone(text);
}
