// How MTAs name the SMTP command a remote server was answering when it refused. Data only,
// one phrase per line (each a regular expression fragment, matched case-insensitively on the
// text with its whitespace collapsed); the code that uses them is in ../smtp-command.ts.

import type { SmtpPhase } from '../smtp-command.ts';

/**
 * Phrases whose first group is the command's name, tried in order:
 * Postfix (src/smtp/smtp_proto.c, smtp_trouble.c) "(in reply to end of DATA command)", often
 * wrapped across lines; DragonFly DMA "did not like our final DATA"; Exim (src/deliver.c,
 * transports/smtp.c) "SMTP error from remote mail server after RCPT TO:<...>" / "after end of
 * data" / "after initial connection"; others "SMTP command: DATA", "smtp:rcpt", "[RCPT_TO]";
 * qmail (qmail-remote.c) "most progress was RCPT TO response"; Stalwart's "rejected command
 * 'RCPT TO:<...>'" and hMailServer's "hMailServer sent: RCPT TO:<...>"; a refusal before any command,
 * "after initial connection" (Exim), "in reply to the initial greeting".
 */
export const COMMAND_PHRASES: readonly string[] = [
  String.raw`in reply to (?:end of )?(data|rcpt to|mail from|ehlo|helo|bdat|starttls|auth)\b`,
  String.raw`did not like our (?:final )?(data|rcpt to|mail from|ehlo|helo)\b`,
  String.raw`\bafter (?:end of )?(data|rcpt to|rcpt|mail from|ehlo|helo|bdat|starttls|auth)\b`,
  String.raw`smtp command:?\s*(data|rcpt|mail|ehlo|helo)\b`,
  String.raw`\bsmtp:(rcpt|data|mail)\b`,
  String.raw`most progress was (rcpt) to`,
  String.raw`\[(rcpt)_to\]`,
  String.raw`\bfor (rcpt) to response\b`,
  // Stalwart (crates/smtp/src/queue/dsn.rs): "<a@b> (host 'mx.example.net' rejected command
  // 'RCPT TO:<a@b>' with code 550 (5.1.1) '...')"; hMailServer
  // (Server/SMTP/SMTPClientConnection.cpp): "hMailServer sent: RCPT TO:<a@b>" above "Remote
  // server replied: ...".
  String.raw`\brejected command '(data|rcpt to|mail from|ehlo|helo|bdat|starttls|auth)\b`,
  String.raw`\bhmailserver sent: (data|rcpt to|mail from|ehlo|helo|starttls|auth)\b`,
  // Refused before any command: at the greeting or right after connecting.
  String.raw`after (initial connection)\b`,
  String.raw`in reply to (?:the )?(initial greeting|greeting|banner)\b`,
];

/**
 * Phrases that name the phase in words, tried after COMMAND_PHRASES. qmail-remote.c:
 * "Connected to <ip> but greeting failed.", "... but my name was rejected.", "... but sender
 * was rejected.", "<ip> failed on DATA command.", "<ip> failed after I sent the message."
 * (the end of data), and its answer to RCPT TO, "<ip> does not like recipient.".
 */
export const PHASE_PHRASES: readonly { phrase: string; phase: SmtpPhase }[] = [
  { phrase: String.raw`connected to \S+ but greeting failed`, phase: 'CONN' },
  { phrase: String.raw`connected to \S+ but my name was rejected`, phase: 'HELO' },
  { phrase: String.raw`connected to \S+ but sender was rejected`, phase: 'MAIL' },
  { phrase: String.raw`failed on data command|failed after i sent the message`, phase: 'DATA' },
  { phrase: String.raw`does not like recipient`, phase: 'RCPT' },
];
