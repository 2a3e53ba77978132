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

// The notices' text helpers live with the other shared text helpers.
export { cleanText, oneLine } from '../core/text.ts';
