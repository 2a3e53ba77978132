// One way to write a CSV cell that a spreadsheet opens safely: the bounce export and the
// suppression list's export both write cells that strangers' text fills.

/**
 * A spreadsheet treats a cell beginning with = + - @ (or tab/CR, which some programs strip
 * first) as a formula (OWASP "CSV Injection"); a leading ' makes it text.
 */
export function neutralise(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** RFC 4180 section 2: a field with a comma, quote or line break is quoted, quotes doubled; null is empty. */
export function csvField(v: string | number | null): string {
  const s = v === null ? '' : typeof v === 'number' ? String(v) : neutralise(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
