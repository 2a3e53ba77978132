// The email templates (templates/email/*.njk): one nunjucks environment for HTML with
// autoescape on, since bounce texts are written by strangers, and one for plain text.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type nunjucks from 'nunjucks';

export const EMAIL_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/email/', import.meta.url));

export interface EmailTemplates {
  /** Renders NAME.text.njk and NAME.html.njk with the same data. */
  render(name: string, data: object): { text: string; html: string };
}

export function createEmailTemplates(dir = EMAIL_TEMPLATES_DIR): EmailTemplates {
  // nunjucks at the first notice, not at start; synchronously, as render is (a CommonJS package).
  let envs: { html: nunjucks.Environment; text: nunjucks.Environment } | undefined;
  const load = () => {
    const { Environment, FileSystemLoader } = createRequire(import.meta.url)('nunjucks') as typeof nunjucks;
    const loader = () => new FileSystemLoader(dir, { noCache: false });
    return {
      html: new Environment(loader(), { autoescape: true, throwOnUndefined: false }),
      text: new Environment(loader(), { autoescape: false, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true }),
    };
  };
  return {
    render(name, data) {
      const { html, text } = (envs ??= load());
      return { text: text.render(`${name}.text.njk`, data), html: html.render(`${name}.html.njk`, data) };
    },
  };
}

// The notices' text helpers live with the other shared text helpers.
export { cleanText, oneLine } from '../core/text.ts';
