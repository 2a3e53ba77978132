// Which SMTP command the remote server was answering when it refused: the phase narrows
// the reason (see rules/README.md, "The SMTP command narrows the reason"). The wordings are
// data in rules/smtp-commands.ts.

import { COMMAND_PHRASES, PHASE_PHRASES } from './rules/smtp-commands.ts';

/** Commands look at this much of a diagnostic or notice (hostile input bound). */
export const COMMAND_WINDOW_CHARS = 8192;

/** The phases rebound tells apart; CONN is the greeting or the connection itself. */
export type SmtpPhase = 'CONN' | 'EHLO' | 'HELO' | 'STARTTLS' | 'AUTH' | 'MAIL' | 'RCPT' | 'DATA' | 'BDAT' | 'QUIT' | '';

/** The phrases of rules/smtp-commands.ts, compiled once. */
const COMMAND_PATTERNS: readonly RegExp[] = COMMAND_PHRASES.map((p) => new RegExp(p, 'i'));
const PHASE_WORDINGS: readonly (readonly [RegExp, SmtpPhase])[] = PHASE_PHRASES.map((w) => [new RegExp(w.phrase, 'i'), w.phase] as const);
/** Sendmail-style transcripts: the last command sent before the server's error reply. */
const TRANSCRIPT_COMMAND = />>> ?(data|rcpt to|mail from|ehlo|helo|bdat|quit)\b[^\n]*\n(?:[^\n]*\n)?<<< ?[45]\d\d/gi;

/** The SMTP command the error followed, as the text names it; '' when it names none. */
export function smtpCommandIn(text: string): SmtpPhase {
  if (!text) return '';
  const slice = text.length > COMMAND_WINDOW_CHARS ? text.slice(0, COMMAND_WINDOW_CHARS) : text;
  let last = '';
  if (slice.includes('>>>')) for (const m of slice.matchAll(TRANSCRIPT_COMMAND)) last = m[1];
  if (last) return commandName(last);
  const flat = slice.replace(/\s+/g, ' ');
  for (const re of COMMAND_PATTERNS) {
    const m = re.exec(flat);
    if (m) return commandName(m[1]);
  }
  for (const [re, phase] of PHASE_WORDINGS) if (re.test(flat)) return phase;
  return '';
}

function commandName(raw: string): SmtpPhase {
  const c = raw.toUpperCase();
  if (/CONNECTION|GREETING|BANNER/.test(c)) return 'CONN';
  if (c.startsWith('RCPT')) return 'RCPT';
  if (c.startsWith('MAIL')) return 'MAIL';
  return c as SmtpPhase;
}
