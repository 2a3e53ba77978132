// Reads bounces written for people rather than machines: Exim's "The following address(es)
// failed", qmail's "<user@host>:" paragraphs, Sendmail transcripts, provider notices. It finds
// where the returned message starts, which addresses the notice names as failed, and the
// lines that belong to each of them; plus SMTP reply codes and status codes in the text.

import { QUOTED_LOCAL_PART } from './address.ts';
import { normaliseAddress } from './dsn.ts';
import {
  ADMIN_SECTION_HEADINGS,
  FOOTER_REFUSAL_WORDS,
  GATEWAY_FOOTER_PHRASES,
  FAILED_TO_FIELD_INTRO_PHRASES,
  HELP_CONTEXT_WORDS,
  QUOTED_HEADER_FIELD_NAMES,
  ENVELOPE_RECIPIENT_LABELS,
  ORIGINAL_ADDRESS_WORDS,
  RECIPIENT_CONTEXT_AFTER_WORDS,
  RECIPIENT_CONTEXT_WORDS,
  RETURNED_MESSAGE_MARKERS,
  SENDER_CONTEXT_WORDS,
  SENDER_LABEL_WORDS,
} from './rules/notice.ts';
import { detachedCopy } from './text.ts';

/** Lines of a notice looked at; a real notice is far shorter. */
export const MAX_NOTICE_LINES = 600;
/** Lines kept per recipient block. */
export const MAX_BLOCK_LINES = 40;
/** Lines searched for the start of the returned message (a notice may quote a long transcript). */
const MAX_MARKER_LINES = MAX_NOTICE_LINES * 4;
/** A returned header block with no marker: this many of its first lines ... */
const HEADER_BLOCK_LINES = 8;
/** ... hold at least this many header fields. */
const HEADER_BLOCK_MIN_FIELDS = 3;

export interface ProseRecipient {
  address: string;
  /** Text on the recipient's own line after the address, then the lines that follow it. */
  lines: string[];
}

/** Decoration before a marker line: "------ This is a copy", "=== Original message". */
const MARKER_LEAD = String.raw`^[-=_*#\s]*`;
// One pattern for all markers, not one per marker: every line of a notice is tested, and one
// anchored alternation answers the same as trying each marker in turn, at a fraction of the calls.
const RETURNED_MARKER = new RegExp(MARKER_LEAD + `(?:${RETURNED_MESSAGE_MARKERS.map((p) => `(?:${p})`).join('|')})`, 'i');

const HEADERISH =
  /^(?:return-path|received|message-id|from|date|subject|to|cc|reply-to|mime-version|content-type|dkim-signature|delivered-to|x-[a-z0-9-]+|authentication-results|sender|in-reply-to|references|user-agent|list-[a-z-]+|arc-[a-z-]+):/i;

/** Splits a single-part notice into the human text and the returned message that follows. */
export function splitReturnedMessage(text: string): { notice: string; returned: string } {
  const lines = text.split('\n');
  const limit = Math.min(lines.length, MAX_MARKER_LINES);
  let offset = 0;
  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    let isMarker = RETURNED_MARKER.test(line);
    let skip = 1;
    // A block of header fields after some text: the returned headers with no marker.
    if (!isMarker && i > 2 && /^(?:return-path|received|message-id|dkim-signature|delivered-to):/i.test(line)) {
      let count = 0;
      for (let j = i; j < Math.min(i + HEADER_BLOCK_LINES, lines.length); j++) if (HEADERISH.test(lines[j])) count++;
      if (count >= HEADER_BLOCK_MIN_FIELDS) {
        isMarker = true;
        skip = 0;
      }
    }
    if (isMarker) {
      return {
        notice: text.slice(0, offset),
        returned: lines
          .slice(i + skip)
          .join('\n')
          .replace(/^\s*\n/, ''),
      };
    }
    offset += line.length + 1;
  }
  return { notice: text, returned: '' };
}

const GATEWAY_FOOTER = new RegExp(GATEWAY_FOOTER_PHRASES.join('|'), 'i');
const FOOTER_REFUSAL = new RegExp(FOOTER_REFUSAL_WORDS.join('|'), 'i');
/** Paragraphs of a notice looked at for a gateway's footer (hostile input bound). */
const MAX_FOOTER_PARAGRAPHS = 200;

/**
 * The notice without the footers a gateway appended to it (rules/notice.ts,
 * GATEWAY_FOOTER_PHRASES): a paragraph that says the message was scanned and is clean, or how
 * to report spam, and states no refusal, names no address and holds no code. Its words are
 * the gateway's about every message it passes, not about this failure.
 */
export function withoutGatewayFooters(notice: string): string {
  if (!GATEWAY_FOOTER.test(notice)) return notice;
  // Paragraphs end at a blank line, and before a signature separator ("-- ", RFC 3676 4.3) or a
  // rule of underscores: MailScanner puts its footer right under "-- " with no blank line.
  const paragraphs = notice.split(/\n[ \t]*\n|\n(?=--[ \t]?\n|_{10,}[ \t]*\n)/);
  if (paragraphs.length > MAX_FOOTER_PARAGRAPHS) return notice;
  const kept = paragraphs.filter((p) => !GATEWAY_FOOTER.test(p.replace(/\s+/g, ' ')) || FOOTER_REFUSAL.test(p));
  return kept.length === paragraphs.length ? notice : kept.join('\n\n');
}

/**
 * An address in running text. Each part is bounded and a match starts only where a run of
 * address characters starts: otherwise a stranger's long run of letters is scanned again from
 * each of its characters (quadratic). The bounds are generous over RFC 5321's 64 and 255
 * (VERP and SRS local parts run long). A '/' may not stand in one (RFC 5322 allows it, no
 * mail system's user does): a run of address characters after a '/' is a URL's path or query
 * ("https://help.example.net/block?rcpt=a@b"), never a recipient. A quoted local part
 * ("first last"@example.org, RFC 5321 4.1.2) starts after a blank, '<' or a separator and
 * holds at most 64 characters (RFC 5321 4.5.3.1.1). An internationalised address (RFC 6531)
 * may hold the Latin letters with marks (U+00C0-U+024F: jürgen.müller@example.de); other
 * scripts are left out, so a Japanese or Chinese sentence written against an address is not
 * taken for its local part.
 */
const ADDRESS_IN_TEXT = new RegExp(
  String.raw`(?:(?<![A-Za-z0-9\u00C0-\u024F!#$%&'*+/=?^_\`{|}~.-])[A-Za-z0-9\u00C0-\u024F!#$%&'*+=?^_\`{|}~.-]{1,256}|(?<![^\s<:;,(\[])${QUOTED_LOCAL_PART})` +
    String.raw`@(?:[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F.-]{0,253}\.[A-Za-z]{2,63}|\[[0-9.]{1,15}\])`,
  'g',
);

const QUOTED_ADDRESS_START = new RegExp(`^${QUOTED_LOCAL_PART}@`);

/** An address as ADDRESS_IN_TEXT matched it, without the quotes or dots of the sentence
 * around it ('user@example.org'.), a quoted local part kept whole. */
function addressMatched(text: string): string {
  return QUOTED_ADDRESS_START.test(text) ? text.replace(/[.'"]+$/, '') : text.replace(/^[.'"]+|[.'"]+$/g, '');
}

/** The words around an address, as the last characters before it (rules/notice.ts). */
const CONTEXT_TAIL = String.raw`[\s:"'<(\[=]*$`;
/** Text before an address that says it is the failed recipient. */
const RECIPIENT_CONTEXT = new RegExp(`(?:${RECIPIENT_CONTEXT_WORDS.join('|')})${CONTEXT_TAIL}`, 'i');
/** Text right after an address that says it is the failed recipient (Japanese "<a> にメールを配信できませんでした"). */
const RECIPIENT_CONTEXT_AFTER = new RegExp(`^[\\s>"')\\]]{0,4}(?:${RECIPIENT_CONTEXT_AFTER_WORDS.join('|')})`, 'i');
/** Characters after an address read for those words. */
const RECIPIENT_CONTEXT_AFTER_CHARS = 40;
/** Text before an address that says it is not the recipient. */
const SENDER_CONTEXT = new RegExp(`(?:${SENDER_CONTEXT_WORDS.join('|')})${CONTEXT_TAIL}`, 'i');
/** A line that names the address after it, and nothing else, as the envelope recipient. */
const ENVELOPE_RECIPIENT_LABEL = new RegExp(`^\\s*(?:${ENVELOPE_RECIPIENT_LABELS.join('|')})\\s*:\\s*<?$`, 'i');
/** Text before an address that names it as the recipient before alias expansion. */
const ORIGINAL_ADDRESS_CONTEXT = new RegExp(`(?:${ORIGINAL_ADDRESS_WORDS.join('|')})${CONTEXT_TAIL}`, 'i');
/** A line that ends naming the sender: an address opening the next line is the sender's. */
const SENDER_LABEL_LINE_END = new RegExp(`(?:${SENDER_LABEL_WORDS.join('|')})\\s*:?\\s*$`, 'i');
/** Text before an address that offers help: write to it, do not report it as failed. */
const HELP_CONTEXT = new RegExp(`(?:${HELP_CONTEXT_WORDS.join('|')})${CONTEXT_TAIL}`, 'i');
/**
 * What may stand between two addresses of one list on a line: a comma, a semicolon, "and",
 * "or", their German, French and Spanish words, brackets and quotes, nothing else.
 */
const LIST_JOINER = /^[\s>"')\]]*(?:,|;|&|\band\b|\bor\b|,\s*(?:and|or)\b|\bund\b|\bet\b|\by\b)?[\s<"'(\[]*$/i;
/** Addresses taken from one line's list besides the first: a stranger's line may list thousands. */
export const MAX_LISTED_ON_LINE = 20;
/** The most characters between two addresses of one list (", and ", " ; ", "> und <"). */
const MAX_JOINER_CHARS = 16;
/** Characters before an address read for recipient and sender context words. */
const RECIPIENT_CONTEXT_CHARS = 60;
/** A label and a colon just before an address ("Recipient: <a@b>", "Unzustellbar an: a@b"). */
const LABELLED_ADDRESS = /\w[^\n]{0,60}:\s*[<"']?$/;
const SENDER_CONTEXT_CHARS = 40;

/** The heading of an Exchange notice's second section (rules/notice.ts). */
const ADMIN_SECTION = new RegExp(`^\\s*(?:${ADMIN_SECTION_HEADINGS.join('|')})\\s*:?\\s*$`, 'i');

/**
 * A header field of the returned message quoted in the notice (Exchange 2003's "Your message
 * / To: ... / Cc: ...", in its other languages "An:", "À :", "Para:", "Do:", "Till:", Oracle Messaging Server's "This report relates to a message you sent
 * with the following header fields:"): the addresses in it are the message's, not failures.
 * A Cc or Bcc address is never a failed recipient on that line's word; a failed To address is
 * named again where the notice says why it failed.
 * A forward or reply may quote the lines with "> " (a ticket system passing an NDR on).
 */
const QUOTED_HEADER_FIELD = new RegExp(`^(?:\\s*>)*\\s*(?:${QUOTED_HEADER_FIELD_NAMES.join('|')})\\s*[:：]`, 'i');

/** A quoted "To:" field right under a line that says its addresses are the notice's subject
 * (MailScanner's reports to the sender, rules/notice.ts FAILED_TO_FIELD_INTRO_PHRASES). */
const QUOTED_TO_FIELD = /^\s*to\s*:/i;
/** The intro is the report's first line of text (MailScanner's templates open with it). */
const FAILED_TO_FIELD_INTRO_LINE = 1;
const FAILED_TO_FIELD_INTRO = new RegExp(`(?:${FAILED_TO_FIELD_INTRO_PHRASES.join('|')})\\s*$`, 'i');

/** A line of one or two words and a colon, introducing the text after it ("because:"). */
const LABEL_LINE = /^\s*[A-Za-z]+(?: [A-Za-z]+)?\s*:\s*$/;

/** A section heading between runs of dashes or equals signs, or a rule of them alone. */
const SECTION_RULE = /^\s*(?:[-=]{3,}\s[^@]{0,100}\s[-=]{3,}|[-=]{5,})\s*$/;

/**
 * Exchange's line naming a recipient by its display name, the address in parentheses and
 * nothing after it but a mailto link: "Alice Example (a@example.net)", "Alice Example
 * (a@example.net)<mailto:a@example.net>". Not Domino's "User a (a@b) not listed in ...".
 */
const DISPLAY_NAME_LINE = /^\s*[^\s()@<>:][^()@<>:]{0,80}\(\s*[^\s()@<>]+@[^\s()@<>]+\s*\)\s*(?:<mailto:[^<>\s]+>)?\s*$/i;

/** The line opening a server's part of Sendmail's transcript (sendmail/usersmtp.c). */
const TALKING_TO = /^\.\.\. while talking to [^\s:]+:\s*$/i;
/** Sendmail's summary line about one address, after its transcript part (sendmail/err.c). */
const SENDMAIL_SUMMARY = /^\s*[245]\d\d(?:[ -][245]\.\d\.\d{1,3})? <[^<>\s]+@[^<>\s]+>\.\.\. /;

/** Exim's line under a pipe or file delivery naming the address it came from (src/deliver.c). */
const GENERATED_BY = /^\s*\(?generated (?:by|from)\s*<?$/i;

/** What follows an address in Sendmail's "<a@b>... reason" (sendmail/err.c, deliver.c). */
const SENDMAIL_ADDRESS_TAIL = /^>?\.\.\.\s/;

/** A quoted header field whose words may hold numbers like codes (see withoutQuotedFields). */
const QUOTED_FIELD_FOR_CODES = /^\s*(?:subject|date|sent|to|cc|bcc|from|message-id|reply-to|sender)\s*:/i;
// Blanks, not \s: with the m flag a \s* would run across line ends, trying every blank line anew (quadratic).
const QUOTED_FIELD_FOR_CODES_ANYWHERE = /^[ \t]*(?:subject|date|sent|to|cc|bcc|from|message-id|reply-to|sender)[ \t]*:/im;

/**
 * Sendmail's line under one address of its lists ("    (reason: %s)", sendmail/savemail.c
 * errbody): said of the address above it only. An address with no reason of its own (a host
 * it never reached) has no such line, so a run of addresses there is no list.
 */
const SENDMAIL_REASON_LINE = /^\s+\(reason: .*\)\s*$/;

/** Sendmail's per-host status line: reply code, host name, "(mailer)...", no address. */
const SENDMAIL_HOST_LINE = /^\s*[245]\d\d [^\s@<>]+ \([a-z0-9_-]+\)\.\.\. /i;

/** A run of octal escapes that can be whole UTF-8 characters: a lead byte (\302-\364) and one
 * to three continuation bytes (\200-\277) each. */
const OCTAL_UTF8_RUN = /(?:\\3[0-7]{2}(?:\\2[0-7]{2}){1,3}){1,64}/g;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Exim writes each byte of a non-ASCII address in its notice's text as an octal escape
 * ("j\303\274rgen.m\303\274ller@example.de", recorded from Exim 4.96): the bytes, read as UTF-8,
 * are the address. A run that is not whole UTF-8 is left as it is.
 */
export function undoOctalEscapes(line: string): string {
  if (!line.includes('\\3')) return line;
  return line.replace(OCTAL_UTF8_RUN, (run) => {
    try {
      return STRICT_UTF8.decode(Uint8Array.from(run.slice(1).split('\\'), (octal) => parseInt(octal, 8)));
    } catch {
      return run;
    }
  });
}

/**
 * Addresses the notice names as failed, each with the lines that explain it. `exclude` holds
 * addresses that are surely not failed recipients (the bounce's own From, the sender); `weak`
 * those taken only when the line starts with them (the bounce's To: people do mail themselves).
 */
export function findProseRecipients(notice: string, exclude: Set<string>, weak: Set<string> = new Set()): ProseRecipient[] {
  const lines = notice.split('\n').slice(0, MAX_NOTICE_LINES).map(undoOctalEscapes);
  const found = new Map<string, ProseRecipient>();
  // Addresses of `exclude` taken only because an envelope-recipient label names them.
  const labelledOnly = new Set<string>();
  // The addresses found, lower-cased: a line naming one of them is about that one.
  const foundAddresses = new Set<string>();
  /** The recipient of `address`, made the first time the notice names it. */
  const take = (address: string): ProseRecipient => {
    let rec = found.get(address);
    if (!rec) {
      rec = { address, lines: [] };
      found.set(address, rec);
      foundAddresses.add(address.toLowerCase());
      adminFirst?.add(rec);
    }
    adminSection?.add(rec);
    return rec;
  };
  let current: ProseRecipient | undefined;
  // How far the line that opened the current block was indented: a line indented deeper
  // continues that block (Postfix wraps a remote reply onto lines indented by four spaces,
  // and a reply may quote another address: "<bounces@example.com>: unauthorized sender").
  let currentIndent = 0;
  // A block is complete once it says something beyond the address; a blank line then ends it.
  let complete = false;
  // Recipients named in the administrators' section of an Exchange notice, if any.
  let adminSection: Set<ProseRecipient> | undefined;
  let adminFirst: Set<ProseRecipient> | undefined;
  // Recipients named one a line with nothing else (a list), and whether the current block is
  // still only its address.
  let list: ProseRecipient[] | undefined;
  let currentBare = false;
  // Whether the current block opened with a line holding only its address (Exim's layout).
  let openedBare = false;
  let previousLine = '';
  // The last line with text before this one (Exim's "A message sent by / (blank) / <a@b>").
  let lastText = '';
  // Lines of a Sendmail transcript part not yet given to an address.
  let transcript: string[] | undefined;
  // Non-blank lines read so far: MailScanner's report opens with its intro line.
  let textLines = 0;
  for (const rawLine of lines) {
    const line = rawLine.replace(/\t/g, ' ');
    const lineBefore = previousLine;
    previousLine = line.trim();
    if (previousLine) textLines++;
    const textBefore = lastText;
    if (previousLine) lastText = previousLine;
    if (line.trim() === '' && current && complete) {
      current = undefined;
      continue;
    }
    if (!adminSection && ADMIN_SECTION.test(line)) {
      adminSection = new Set();
      adminFirst = new Set();
      current = undefined;
      continue;
    }
    // A section heading ("   ----- Transcript of session follows -----", Sendmail's
    // savemail.c) or a rule of dashes (Courier) is no part of a recipient's diagnostic. It does
    // not end the block: with one recipient, the transcript under it is that recipient's
    // ("mail.local: unknown user: ...").
    if (current && SECTION_RULE.test(line)) continue;
    // Sendmail's transcript (usersmtp.c) opens each server's part with "... while talking to
    // host.:"; once the current address has had its reply, the next part is another address's.
    // Its lines wait for the summary line that names that address ("554 5.0.0 <b@c>... ...").
    if (TALKING_TO.test(line) && (!current || current.lines.some((l) => l.startsWith('<<<')))) {
      current = undefined;
      list = undefined;
      transcript = [];
    }
    // Sendmail's line about a host, not an address ("550 example.org (smtp)... 550 Host
    // unknown", src/deliver.c giveresponse): it opens the next address's lines, so the
    // current address's block ends before it.
    if (SENDMAIL_HOST_LINE.test(line)) {
      current = undefined;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    // Exim lists each failed address at one indent and explains it one level deeper; a line
    // back at that indent naming no address is the next item, a pipe or a file ("  pipe to
    // |/usr/bin/procmail", "  /var/mail/b"), and its "generated by a@b" line names the address.
    if (current && openedBare && complete && currentIndent > 0 && indent === currentIndent && !line.includes('@')) {
      current = undefined;
      list = undefined;
      continue;
    }
    let started: ProseRecipient | undefined;
    // The recipients listed on the same line after `started`, said the same of.
    const coNamed: ProseRecipient[] = [];
    // Named only by Sendmail's "<a@b>... reason" away from the line start: that line alone.
    let lineOnly = false;
    const continuesBlock = current !== undefined && line.trim() !== '' && indent > currentIndent;
    // Only right under the report's own opening: a ticket system or a person quoting such a
    // report further down ("Thank you for contacting support. Your message: ...") says nothing
    // failed of its own.
    const failedToField =
      textLines <= FAILED_TO_FIELD_INTRO_LINE + 1 && QUOTED_TO_FIELD.test(line) && FAILED_TO_FIELD_INTRO.test(lineBefore.slice(-80));
    if (!continuesBlock && line.includes('@') && (failedToField || !QUOTED_HEADER_FIELD.test(line))) {
      let displayLead: string | undefined;
      // Where the last address taken on this line ends: the addresses listed right after it
      // ("The recipients a@b and c@d do not exist") are named by the same words.
      let listedEnd = -1;
      for (const m of line.matchAll(ADDRESS_IN_TEXT)) {
        const address = normaliseAddress(addressMatched(m[0]));
        if (started) {
          // A joiner is a few characters: a longer gap is no list (and never reaches the pattern,
          // whose backtracking over a stranger's long run of blanks would be quadratic).
          if (
            coNamed.length >= MAX_LISTED_ON_LINE ||
            m.index - listedEnd > MAX_JOINER_CHARS ||
            !LIST_JOINER.test(line.slice(listedEnd, m.index))
          )
            break;
          listedEnd = m.index + m[0].length;
          const lower = address.toLowerCase();
          if (exclude.has(lower) || weak.has(lower)) continue;
          const rec = take(address);
          if (rec !== started && !coNamed.includes(rec)) coNamed.push(rec);
          continue;
        }
        if (exclude.has(address.toLowerCase())) {
          if (!ENVELOPE_RECIPIENT_LABEL.test(line.slice(0, m.index))) continue;
          labelledOnly.add(address.toLowerCase());
        }
        // "name@example.org <user@example.org>: ...": the first is a display name, the angle
        // address is the mailbox (RFC 5322 section 3.4 name-addr); it stands where the name stood.
        if (/^\s*<[^<>@\s]+@[^<>\s]+>/.test(line.slice(m.index + m[0].length))) {
          displayLead ??= line.slice(0, m.index);
          continue;
        }
        const before = displayLead ?? line.slice(0, m.index);
        const lead = before.trim();
        // Sendmail's per-recipient lines lead with the reply code: "554 <user@example.org>... Host unknown".
        const atStart = /^(?:[245]\d\d[ -])?[<>"'(\[*-]*$/.test(lead) || /^\d+\)$|^\d+\.$|^-$/.test(lead);
        // Sendmail's "<a@b>... reason" names the address it is about wherever the line puts it
        // ("552 5.2.2 <a@b>... Mailbox full", "SMTP:RCPT host 192.0.2.1: 553 5.3.0 <a@b>... No
        // such user"): it goes back to that recipient's block, but never makes a new recipient
        // (a reply may quote an alias the same way).
        const namesKnown = found.has(address) && SENDMAIL_ADDRESS_TAIL.test(line.slice(m.index + m[0].length, m.index + m[0].length + 8));
        // Exim's "generated by a@b" under a pipe or a file names the address the sender wrote.
        const generated = GENERATED_BY.test(before);
        // Exchange's "Alice Example (a@b)"; the sender's own address is never taken this way.
        const inContext =
          namesKnown ||
          generated ||
          DISPLAY_NAME_LINE.test(line) ||
          RECIPIENT_CONTEXT.test(before.slice(-RECIPIENT_CONTEXT_CHARS)) ||
          RECIPIENT_CONTEXT_AFTER.test(line.slice(m.index + m[0].length, m.index + m[0].length + RECIPIENT_CONTEXT_AFTER_CHARS)) ||
          // Bounded to the tail: a stranger's line may be any length ("\w.*:" over all of it is quadratic).
          LABELLED_ADDRESS.test(before.slice(-RECIPIENT_CONTEXT_CHARS));
        if (!atStart && !inContext) continue;
        if (!atStart && weak.has(address.toLowerCase())) continue;
        if (!atStart && !generated && SENDER_CONTEXT.test(before.slice(-SENDER_CONTEXT_CHARS))) continue;
        if (atStart && SENDER_LABEL_LINE_END.test(textBefore.slice(-SENDER_CONTEXT_CHARS))) continue;
        if (!atStart && HELP_CONTEXT.test(before.slice(-RECIPIENT_CONTEXT_CHARS))) continue;
        // Inside a recipient's block, "Original address:" is another spelling of that recipient
        // (Messaging Server); with none named yet, it is the recipient ("Original recipient:").
        if (current && ORIGINAL_ADDRESS_CONTEXT.test(before.slice(-SENDER_CONTEXT_CHARS))) continue;
        const rec = take(address);
        started = rec;
        lineOnly = !atStart && namesKnown && started !== current;
        // The pipe or file line above "generated by" says what failed: it opens the block.
        if (generated && rec.lines.length === 0 && lineBefore) rec.lines.push(lineBefore);
        if (lineOnly) break;
        listedEnd = m.index + m[0].length;
      }
    }
    if (started && transcript) {
      if (SENDMAIL_SUMMARY.test(line)) for (const l of transcript) if (started.lines.length < MAX_BLOCK_LINES - 1) started.lines.push(l);
      transcript = undefined;
    } else if (!started && !current && transcript && line.trim() && transcript.length < MAX_BLOCK_LINES) {
      transcript.push(line.trim());
    }
    if (started) {
      const bare = !/[A-Za-z0-9]/.test(line.replace(ADDRESS_IN_TEXT, ''));
      if (current !== started) {
        // A list of bare addresses, one a line: what follows the list is said of all of them.
        if (bare && current && currentBare && started.lines.length === 0) (list ??= [current]).push(started);
        else list = undefined;
        currentBare = bare && started.lines.length === 0;
        openedBare = currentBare;
        complete = started.lines.length > 0;
        currentIndent = indent;
      } else if (!bare) currentBare = false;
      current = started;
      if (current.lines.length < MAX_BLOCK_LINES) current.lines.push(line.trim());
      // The address line itself may carry the reason: "<a@b>... User unknown", "a@b: Envelope expired".
      if (/[A-Za-z]{3}/.test(line.replace(ADDRESS_IN_TEXT, '').replace(/^[^@]*?(?:to|recipients?|address(?:es)?)\b/i, ''))) complete = true;
      // The lines after it answer later commands ("<<< 503 5.5.1 RCPT first" after a refused DATA).
      if (lineOnly) {
        current = undefined;
        list = undefined;
      } else if (coNamed.length) {
        // The line and what follows it are said of every recipient it lists.
        for (const rec of coNamed) if (rec.lines.length < MAX_BLOCK_LINES) rec.lines.push(line.trim());
        list = [current, ...coNamed];
        current = coNamed[coNamed.length - 1];
        currentBare = false;
      }
    } else if (current && current.lines.length < MAX_BLOCK_LINES) {
      current.lines.push(line.trim());
      // A label announces what follows it, after a blank line: Domino's "was not delivered
      // to: / a@b / because: / User a not listed in Domino Directory". It completes nothing.
      if (line.trim() && !LABEL_LINE.test(line)) complete = true;
      if (line.trim()) currentBare = false;
      // Gmail's "Delivery to the following recipients failed permanently: / a@b / c@d /
      // Technical details ...", Domino's "was not delivered to: / a@b / c@d / because: ...",
      // Apache James's "Failed recipient(s): / a@b / c@d / Error message: ...".
      // A line naming one of the recipients found is about that one alone: the text after
      // the list goes to each member only when it names no other recipient ("550 5.1.1
      // <a@b>: User unknown" under "a@b / c@d" is a's reply, never c's).
      if (list && SENDMAIL_REASON_LINE.test(line)) list = undefined;
      if (list && list[list.length - 1] === current) {
        const named = foundAddressesIn(line, foundAddresses);
        if (named.size && !named.has(current.address.toLowerCase())) current.lines.pop();
        for (const member of list) {
          if (member === current || member.lines.length >= MAX_BLOCK_LINES) continue;
          if (!named.size || named.has(member.address.toLowerCase())) member.lines.push(line.trim());
        }
      }
    }
  }
  for (const rec of found.values()) {
    while (rec.lines.length && rec.lines[rec.lines.length - 1] === '') rec.lines.pop();
  }
  if (adminSection && adminFirst?.size) pairAdminSection(found, adminSection, adminFirst);
  // An excluded address taken only for its "Rcpt To:" label is the recipient only when the
  // notice names no other: a notice's own transcript ("Mail From: <> / Rcpt To: <its From>")
  // beside a real failure is no failure of that address.
  const all = [...found.values()];
  const others = all.filter((r) => !labelledOnly.has(r.address.toLowerCase()));
  return others.length ? others : all;
}

/** What one of several recipients reads of the notice besides its own block. */
export interface NoticeShare {
  /** The notice's lines that belong to no recipient's block (and name no other recipient). */
  outside: string;
  /**
   * Those lines and the recipient's own, in the notice's order: the notice as written without
   * the other recipients' blocks, so that a wording spanning the heading and this recipient's
   * lines ("I was unable to deliver your message to the following addresses: a@b Reason: 550
   * a@b... No such user") reads as it does when a@b is the only one.
   */
  around: string;
}

/** Each recipient's share of a notice that names several: its own lines and its addresses in, its share out. */
export type NoticeShares = (ownLines: readonly string[], ...own: string[]) => NoticeShare;

/**
 * The notice's lines that belong to no recipient's block: the text the notice says about all of
 * them at once. Trustwave MailMarshal writes the reason first ("Could not be delivered because
 * of / 550 5.1.1 User unknown") and then "The following recipients were affected:" with the
 * bare addresses; another recipient's reply is never part of it.
 */
export function textOutsideBlocks(notice: string, blocks: readonly ProseRecipient[], recipients: readonly string[]): NoticeShares {
  const inBlocks = new Set<string>();
  for (const r of blocks) for (const l of r.lines) if (l) inBlocks.add(l);
  const known = new Set(recipients.map((a) => a.toLowerCase()));
  const lines = notice.split('\n', MAX_NOTICE_LINES).map((line) => {
    const trimmed = line.replace(/\t/g, ' ').trim();
    const outside = !inBlocks.has(trimmed) && !QUOTED_FIELD_FOR_CODES.test(line);
    return { line, trimmed, outside, names: outside ? foundAddressesIn(line, known) : new Set<string>() };
  });
  // A line that names a recipient is that recipient's alone: "550 5.1.1 <a@b> User unknown"
  // above a list of a@b and c@d never makes c@d unknown.
  return (ownLines, ...own) => {
    const ownLower = own.map((a) => a.toLowerCase());
    const mine = new Set(ownLines.map((l) => l.replace(/\t/g, ' ').trim()).filter(Boolean));
    const shared = (o: (typeof lines)[number]) => o.outside && (!o.names.size || ownLower.some((a) => o.names.has(a)));
    return {
      outside: joinWithin(lines.filter(shared)),
      around: joinWithin(lines.filter((o) => shared(o) || mine.has(o.trimmed))),
    };
  };
}

/**
 * Each recipient's share of a notice, at most this many characters: far more than the rules
 * and the code scans read (MAX_RULE_INPUT, MAX_STATUS_SCAN), and a report of hundreds of
 * recipients is not made to copy a long notice for each of them.
 */
const SHARE_CHARS = 32_768;

function joinWithin(lines: readonly { line: string }[]): string {
  const kept: string[] = [];
  let size = 0;
  for (const { line } of lines) {
    if (size + line.length > SHARE_CHARS) break;
    kept.push(line);
    size += line.length + 1;
  }
  return kept.join('\n');
}

/** True when the line names the address itself (lower-case), not a longer one holding it ("jimbob@" for "bob@", a URL's "?rcpt=bob@"). */
export function namesAddress(line: string, lowerAddress: string): boolean {
  return foundAddressesIn(line, new Set([lowerAddress])).size > 0;
}

/** The recipients (lower-cased keys) a text names, each as a whole address. */
export function foundAddressesIn(line: string, recipients: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  if (!line.includes('@')) return names;
  for (const m of line.matchAll(ADDRESS_IN_TEXT)) {
    const address = normaliseAddress(addressMatched(m[0])).toLowerCase();
    if (recipients.has(address)) names.add(address);
  }
  return names;
}

/**
 * The notice without the header fields of the returned message it quotes (Exchange 2003's
 * "Subject: Re: 554 ...", Messaging Server's "Subject: 421 4.4.2 reports"): a number in the
 * sender's own subject is never the server's reply.
 */
export function withoutQuotedFields(notice: string): string {
  if (!QUOTED_FIELD_FOR_CODES_ANYWHERE.test(notice)) return notice;
  return notice
    .split('\n', MAX_NOTICE_LINES)
    .filter((l) => !QUOTED_FIELD_FOR_CODES.test(l))
    .join('\n');
}

/**
 * Exchange and Microsoft 365 name each failed recipient twice: for the sender at the top,
 * and again under "Diagnostic information for administrators" with the remote server's
 * reply. The second may be another spelling of the same recipient (the address as routed,
 * e.g. a hybrid's target address): when the recipients named only in that section are as
 * many as those named only above it, they are the same recipients in the same order, and
 * each one's lines join its first naming.
 */
function pairAdminSection(found: Map<string, ProseRecipient>, adminSection: Set<ProseRecipient>, adminFirst: Set<ProseRecipient>): void {
  const admin = [...adminFirst];
  const userOnly = [...found.values()].filter((r) => !adminSection.has(r));
  if (userOnly.length !== admin.length) return;
  admin.forEach((a, i) => {
    const user = userOnly[i];
    user.lines.push(...a.lines.slice(0, Math.max(0, MAX_BLOCK_LINES - user.lines.length)));
    found.delete(a.address);
  });
}

/**
 * An enhanced status code in free text, not part of an IP address, a version number ("Exim
 * 4.96.2") or a date ("4.12.26"): every subject RFC 3463 and its registry define is one digit.
 */
const STATUS_IN_TEXT = /(?<![\d.])([45])\.(\d)\.(\d{1,3})(?!\.?\d)/;
/**
 * An SMTP reply code as servers write it: at a line start, after "said:", "<<<", "host ...:";
 * Apache James writes "550 - Requested action"; Yahoo adds its own number ("554 30 Sorry",
 * "552 1 Requested mail action aborted"); some quote their text ('550 "The mail server ...').
 * Exchange 2000/2003 puts the remote reply after its own status and the transport
 * ("<mx.example.org #5.1.1 smtp;550 5.1.1 User unknown>", Microsoft KB 284204); Exchange 2007
 * and later write "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##" under "Diagnostic
 * information for administrators": a '#' leads a reply code only when a status follows.
 * The text after the code may be in any script ("552 Ящик переполнен", "550 用户不存在"), or
 * start with the client's IPv4 address and go on in words, as Exim ACL messages built on
 * $sender_host_address do ("550 192.0.2.1 is not allowed to send mail from example.com (SPF
 * failure)", "451 192.0.2.1 is not yet authorized to deliver mail", MailCleaner's
 * etc/exim/exim_stage1.conf_template); such a code stands after a space or at a line's start,
 * never after a colon (a port: "https://proxy.example.com:443 192.0.2.7 connection refused").
 * A reply quoted twice keeps its quote escaped: chasquid's mda.go writes a delivery program's
 * output with Go's %q ("got 550 \\"5.1.1 <a@b> User doesn't exist\\"", cmd/mda-lmtp).
 */
const REPLY_IN_TEXT =
  /(?:^|[\s:(>\[<"';])([45][0-5]\d)(?=(?: - |: ?|[ -])(?:[245]\.\d|[\p{L}<#(\["':]|\\["']|[^\s@]{0,254}@|\d{1,3}\s+[A-Za-z]|(?<=(?:^|\s)[45][0-5]\d )\d{1,3}(?:\.\d{1,3}){3} [\p{L}])|$)|#([45][0-5]\d)(?= [45]\.\d)/gmu;
/**
 * Characters of a text searched for a reply code in prose. The address lookahead above reads
 * up to 254 characters at each candidate; a stranger's notice of a megabyte of "550-1;550-1"
 * without a space must not cost 254 steps at each of its candidates for the whole megabyte.
 */
const MAX_REPLY_SCAN = 65_536;
/**
 * A number of some unit, not a reply code: "size limit 500 bytes", "timed out after 450
 * seconds", "limit of 500 recipients per day". A reply code is followed by its text, never
 * by one of these words.
 */
const QUANTITY_AFTER =
  /^[ -](?:[KMGkmg]?bytes|[KMGkmg]i?B|octets|seconds|secs|ms|minutes|mins|hours|days|times|attempts|tries|(?:messages|recipients|mails|emails) (?:per|an?|each|every)\b)\b/;
/** Reply-code candidates read at most in one text (a stranger's text may hold thousands of numbers). */
const MAX_REPLY_CANDIDATES = 64;
/** Sendmail's recipient line quoting the remote reply: "554 <a@b>... 550 Host unknown". */
const SENDMAIL_INNER_REPLY = /^[245]\d\d <[^<>\s]+@[^<>\s]+>\.\.\. ([45][0-5]\d)(?= )/m;
/**
 * A transcript's line quoting the remote server ("<<< 550 5.7.1 Message refused", Sendmail's
 * usersmtp.c and Courier's esmtpclient.c): the server's own reply, more precise than the
 * summary the reporting MTA writes after it ("554 5.0.0 Service unavailable").
 */
const TRANSCRIPT_REPLY = /^[ \t]*<<<[ \t]*([45][0-5]\d)(?:[ -]+([45])\.(\d)\.(\d{1,3})(?!\.?\d))?/gm;
/** Characters of a text searched for transcript lines (a real transcript is far shorter). */
const MAX_TRANSCRIPT_SCAN = 65_536;
/** Transcript lines read at most (a stranger's notice may hold thousands). */
const MAX_TRANSCRIPT_REPLIES = 32;

/**
 * The last "<<<" reply of a transcript: when the MTA tried several servers, or the server
 * answered more than one command, the last refusal is the one the message failed on. A
 * stranger's notice may hold thousands: only the first MAX_TRANSCRIPT_REPLIES are read, the
 * last of those counts.
 */
function lastTranscriptReply(text: string): RegExpMatchArray | undefined {
  let last: RegExpMatchArray | undefined;
  let count = 0;
  const slice = text.length > MAX_TRANSCRIPT_SCAN ? text.slice(0, MAX_TRANSCRIPT_SCAN) : text;
  for (const m of slice.matchAll(TRANSCRIPT_REPLY)) {
    last = m;
    if (++count >= MAX_TRANSCRIPT_REPLIES) break;
  }
  return last;
}
/** A reply code in a labelled field: Zoho's "ERROR_CODE :550,", "ResponseCode 421,". */
const LABELLED_REPLY = /\b(?:error_code|response ?code|reply ?code|smtp ?code)[ \t]{0,8}[:=]?[ \t]{0,8}([45][0-5]\d)\b/i;

/** A status code that follows an SMTP reply code: "550 5.1.1", "550-'5.2.2", "<421 4.4.2", "550 \\"5.1.1" (a quote escaped, see REPLY_IN_TEXT). */
const STATUS_AFTER_REPLY = /(?<![\d.])([245]\d\d)[ -]+\\?['"]?([45])\.(\d)\.(\d{1,3})(?!\.?\d)/g;
/** Characters of a diagnostic searched for reply-code/status pairs. */
const MAX_STATUS_SCAN = 4096;
/** Reply-code/status pairs read at most: a real reply nests two or three quotes. */
const MAX_STATUS_PAIRS = 32;

/**
 * The last reply-code/status pair of a text and how many there were. A reporting MTA often
 * wraps the remote server's reply in its own summary ("5.1.0 - Unknown address error
 * 550-'5.2.2 ... Mailbox Full'", "554 4.4.7 Message expired ... <421 4.4.2 Connection timed
 * out>"): the last pair is the innermost quote, the remote server's own word.
 */
function lastReplyStatusPair(text: string): { reply: string; status: string; count: number } {
  const slice = text.length > MAX_STATUS_SCAN ? text.slice(0, MAX_STATUS_SCAN) : text;
  let reply = '';
  let status = '';
  let count = 0;
  for (const p of slice.matchAll(STATUS_AFTER_REPLY)) {
    reply = p[1];
    status = `${p[2]}.${p[3]}.${p[4]}`;
    if (++count > MAX_STATUS_PAIRS) break;
  }
  return { reply, status, count };
}

/** The enhanced status code and the SMTP reply code a text gives (see codesInText). */
export interface CodesInText {
  readonly status: string;
  readonly replyCode: string;
}

const NO_CODES: CodesInText = Object.freeze({ status: '', replyCode: '' });

/**
 * The last few texts read and their codes. A notice is read again for each of its
 * recipients, and a diagnostic for its status and then its reply code: each is scanned once.
 * Strings are values, so a text equal to one read before gives the same codes. Small, cleared
 * when full, and only for texts of an ordinary size, so it never holds much of a message.
 */
const codesCache = new Map<string, CodesInText>();

const CODES_CACHE_ENTRIES = 8;
const CODES_CACHE_MAX_CHARS = 16_384;

/**
 * The enhanced status code and the SMTP reply code of a text, from one pass of each scan
 * (the transcript's "<<<" replies, the reply-code/status pairs): statusInText and
 * replyCodeInText in one.
 */
export function codesInText(text: string): CodesInText {
  if (!text) return NO_CODES;
  if (text.length > CODES_CACHE_MAX_CHARS) return scanCodes(text);
  let codes = codesCache.get(text);
  if (codes) return codes;
  codes = Object.freeze(scanCodes(text));
  if (codesCache.size >= CODES_CACHE_ENTRIES) codesCache.clear();
  codesCache.set(detachedCopy(text), codes);
  return codes;
}

function scanCodes(text: string): CodesInText {
  const transcript = lastTranscriptReply(text);
  let pair: ReturnType<typeof lastReplyStatusPair> | undefined;
  const pairOf = () => (pair ??= lastReplyStatusPair(text));
  // The status: a transcript's last "<<<" reply's, else the status of the last
  // reply-code/status pair (the remote server's, see lastReplyStatusPair), else the first
  // code in the text.
  let status = '';
  const first = STATUS_IN_TEXT.exec(text);
  if (first) {
    status = transcript?.[2]
      ? `${transcript[2]}.${transcript[3]}.${transcript[4]}`
      : pairOf().status || `${first[1]}.${first[2]}.${first[3]}`;
  }
  return { status, replyCode: replyCodeOf(text, transcript, pairOf) };
}

/**
 * The enhanced status code a text gives: a transcript's last "<<<" reply's, else the status of
 * the last reply-code/status pair (the remote server's, see lastReplyStatusPair), else the
 * first code in the text.
 */
export function statusInText(text: string): string {
  return codesInText(text).status;
}

/**
 * The SMTP reply code a text gives. Where the text nests replies ("554 4.4.7 Message expired
 * ... <421 4.4.2 Connection timed out>"), the code paired with the status statusInText reports
 * (the remote server's), so that the two always come from the same reply.
 */
export function replyCodeInText(text: string): string {
  return codesInText(text).replyCode;
}

function replyCodeOf(text: string, transcript: RegExpMatchArray | undefined, pairOf: () => ReturnType<typeof lastReplyStatusPair>): string {
  // Sendmail's "554 <user@example.org>... 550 Host unknown": its own summary code first, the
  // remote server's reply after the address; the remote's is the reply to report.
  const inner = SENDMAIL_INNER_REPLY.exec(text);
  if (inner) return inner[1];
  if (transcript) return transcript[1];
  const pair = pairOf();
  if (pair.count > 1 && /^[45]/.test(pair.reply)) return pair.reply;
  let candidates = 0;
  const scanned = text.length > MAX_REPLY_SCAN ? text.slice(0, MAX_REPLY_SCAN) : text;
  for (const m of scanned.matchAll(REPLY_IN_TEXT)) {
    const end = m.index + m[0].length;
    if (!QUANTITY_AFTER.test(scanned.slice(end, end + 16))) return m[1] ?? m[2];
    if (++candidates >= MAX_REPLY_CANDIDATES) break;
  }
  return LABELLED_REPLY.exec(scanned)?.[1] ?? '';
}

/** The first line of a multi-line SMTP reply: its code followed by a hyphen ("550-5.7.1 ..."). */
const MULTILINE_FIRST = /^\s*([45]\d\d)-\S/;
/** Lines of one multi-line reply taken from a transcript (a real one has a handful). */
const MAX_REPLY_LINES = 16;

/** The last notice's lines, each the text after "<<< " or undefined: a report's recipients are
 * read one after another from the same notice, which is split once. */
let quotedLinesOf: { notice: string; lines: (string | undefined)[] } | undefined;

function quotedReplyLines(notice: string): (string | undefined)[] {
  if (quotedLinesOf?.notice !== notice)
    quotedLinesOf = { notice, lines: notice.split('\n', MAX_NOTICE_LINES).map((line) => /^\s*<<<\s?(.*)$/.exec(line)?.[1]?.trim()) };
  return quotedLinesOf.lines;
}

/**
 * A remote reply that the report cut to its first line, made whole from the notice's
 * transcript. Sendmail writes only the first line of a multi-line reply into the
 * Diagnostic-Code and its "(reason: ...)" line ("550-5.7.1 [192.0.2.1] Our system has
 * detected that this message is likely"), and every line of it into the transcript, each
 * after "<<< " (sendmail/usersmtp.c, reply()): the rest of the reply, the words that say why,
 * is read from there. Any other text is returned as it is.
 */
export function wholeReplyFromTranscript(diagnostic: string, notice: string): string {
  const first = MULTILINE_FIRST.exec(diagnostic);
  if (!first || !notice.includes('<<<')) return diagnostic;
  const code = first[1];
  const wanted = diagnostic.trim();
  const lines = quotedReplyLines(notice);
  for (let i = 0; i < lines.length; i++) {
    const quoted = lines[i];
    if (quoted !== wanted) continue;
    const reply = [quoted];
    for (let j = i + 1; j < lines.length && reply.length < MAX_REPLY_LINES; j++) {
      const next = lines[j];
      if (!next?.startsWith(code)) break;
      reply.push(next);
      // "550 5.7.1 ..." (a space after the code) is the reply's last line.
      if (next[3] !== '-') return reply.join('\n');
    }
    return diagnostic;
  }
  return diagnostic;
}
