// The email templates (templates/email/*.njk): one nunjucks environment for HTML with
// autoescape on, since bounce texts are written by strangers, and one for plain text.

import nunjucks from 'nunjucks';
import { fileURLToPath } from 'node:url';

export const EMAIL_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/email/', import.meta.url));

export interface EmailTemplates {
  /** Renders NAME.text.njk and NAME.html.njk with the same data. */
  render(name: string, data: object): { text: string; html: string };
}

export function createEmailTemplates(dir = EMAIL_TEMPLATES_DIR): EmailTemplates {
  const loader = () => new nunjucks.FileSystemLoader(dir, { noCache: false });
  const html = new nunjucks.Environment(loader(), { autoescape: true, throwOnUndefined: false });
  const text = new nunjucks.Environment(loader(), {
    autoescape: false,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  return {
    render(name, data) {
      return { text: text.render(`${name}.text.njk`, data), html: html.render(`${name}.html.njk`, data) };
    },
  };
}

/** Control characters other than tab and newline (a diagnostic may carry any byte). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A stranger's text made fit to show: CRLF to LF, control characters dropped, folded
 * continuation lines kept, and cut at `max` characters with an ellipsis. HTML escaping is the
 * template's job (autoescape); this is about the bytes, not the markup.
 */
export function cleanText(value: string, max: number): string {
  const s = value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** One line for a header: whitespace runs (including CR/LF) become one space, then cut. */
export function oneLine(value: string, max: number): string {
  return cleanText(value.replace(/\s+/g, ' ').trim(), max);
}
