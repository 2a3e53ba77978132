// Which SMTP command the remote server was answering when it refused: the phase narrows
// the reason (see rules/README.md, "The SMTP command narrows the reason").

/** Commands look at this much of a diagnostic or notice (hostile input bound). */
export const COMMAND_WINDOW_CHARS = 8192;

/** The phases rebound tells apart; CONN is the greeting or the connection itself. */
export type SmtpPhase = 'CONN' | 'EHLO' | 'HELO' | 'STARTTLS' | 'AUTH' | 'MAIL' | 'RCPT' | 'DATA' | 'BDAT' | 'QUIT' | '';

/**
 * How MTAs write the command they were answering:
 * Postfix (src/smtp/smtp_proto.c, smtp_trouble.c) "(in reply to end of DATA command)", often
 * wrapped across lines; Exim (src/deliver.c, transports/smtp.c) "SMTP error from remote mail
 * server after RCPT TO:<...>" / "after end of data" / "after initial connection"; qmail
 * (qmail-remote.c) "does not like recipient" and "most progress was RCPT TO response";
 * DragonFly DMA "did not like our final DATA"; others "SMTP command: DATA" or "[RCPT_TO]".
 */
const COMMAND_PATTERNS: readonly RegExp[] = [
  /in reply to (?:end of )?(data|rcpt to|mail from|ehlo|helo|bdat|starttls|auth)\b/i,
  /did not like our (?:final )?(data|rcpt to|mail from|ehlo|helo)\b/i,
  /\bafter (?:end of )?(data|rcpt to|rcpt|mail from|ehlo|helo|bdat|starttls|auth)\b/i,
  /smtp command:?\s*(data|rcpt|mail|ehlo|helo)\b/i,
  /\bsmtp:(rcpt|data|mail)\b/i,
  /most progress was (rcpt) to/i,
  /\[(rcpt)_to\]/i,
  /\bfor (rcpt) to response\b/i,
  // Refused before any command: at the greeting or right after connecting.
  /after (initial connection)\b/i,
  /in reply to (?:the )?(initial greeting|greeting|banner)\b/i,
];
/**
 * qmail-remote.c names the phase in words: "Connected to <ip> but greeting failed.", "... but
 * my name was rejected.", "... but sender was rejected.", "<ip> failed on DATA command.",
 * "<ip> failed after I sent the message." (the end of data).
 */
const PHASE_WORDINGS: readonly (readonly [RegExp, SmtpPhase])[] = [
  [/connected to \S+ but greeting failed/i, 'CONN'],
  [/connected to \S+ but my name was rejected/i, 'HELO'],
  [/connected to \S+ but sender was rejected/i, 'MAIL'],
  [/failed on data command|failed after i sent the message/i, 'DATA'],
];
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
  // qmail's "does not like recipient" is its answer to RCPT TO.
  if (/does not like recipient/i.test(flat)) return 'RCPT';
  return '';
}

function commandName(raw: string): SmtpPhase {
  const c = raw.toUpperCase();
  if (/CONNECTION|GREETING|BANNER/.test(c)) return 'CONN';
  if (c.startsWith('RCPT')) return 'RCPT';
  if (c.startsWith('MAIL')) return 'MAIL';
  return c as SmtpPhase;
}
