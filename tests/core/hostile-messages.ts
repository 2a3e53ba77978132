// Inputs built to stall a scan: what hostile-input.test.ts asserts the answer for and what the
// bench part `hostile-classify` (tests/bench/hostile-classify.ts) times beside an ordinary notice
// of the same size. One module for both, so the bench times the very inputs the tests read.

import { MAX_HEADER_BYTES } from '../../src/core/mime.ts';
import { plainBounce } from './plain-bounces.ts';

const UNDELIVERED_HEAD = 'From: MAILER-DAEMON@mx.example.org\nTo: sender@example.com\nSubject: Undelivered Mail Returned to Sender\n\n';

/** 5,000 bytes that are no email message. */
export const binaryGarbage = (): Buffer => Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));

/** Multipart nested 200 levels, an empty boundary, an unterminated message/rfc822. */
export function malformedMime(): { nested: Buffer; emptyBoundary: Buffer; unterminated: Buffer } {
  let nested = 'From: MAILER-DAEMON@x.example\nSubject: Undelivered\nContent-Type: multipart/mixed; boundary="b0"\n\n';
  for (let i = 1; i < 200; i++) nested += `--b${i - 1}\nContent-Type: multipart/mixed; boundary="b${i}"\n\n`;
  return {
    nested: Buffer.from(nested),
    emptyBoundary: Buffer.from('Content-Type: multipart/report; boundary=\n\n--\n'),
    unterminated: Buffer.from('Content-Type: multipart/mixed; boundary="q"\n\n--q\nContent-Type: message/rfc822\n\n'),
  };
}

/** A Postfix-style notice of one unknown user, then 20 MB of 'a' in the returned message. */
export const twentyMegabytes = (): Buffer =>
  Buffer.concat([
    Buffer.from(
      'From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail Returned to Sender\n\n<kim@example.com>: host mx said: 550 5.1.1 User unknown\n\n--- Below this line is a copy of the message.\n\nSubject: big\n\n',
    ),
    Buffer.alloc(20 * 1024 * 1024, 'a'),
  ]);

/** Code-like runs without a space ("550-1" candidates), a quarter megabyte each: for replyCodeInText. */
export const codeLikeRuns = (): string[] => [';550-1', '(550-1', '<550-x'].map((unit) => unit.repeat(Math.ceil(262_144 / unit.length)));

/** "error_code", 40,000 blanks, "550": for replyCodeInText. */
export const blanksBeforeCode = (): string => `error_code${' '.repeat(40_000)}550`;

/** A Subject line of a megabyte. */
export const megabyteHeaderLine = (): Buffer => Buffer.from('Subject: ' + 'x'.repeat(1024 * 1024) + '\nFrom: a@example.org\n\nhello\n');

/** Amazon SES notifications: JSON nested 200,000 levels, and a string never closed. */
export function sesJson(): { nested: Buffer; unterminated: Buffer } {
  const head = 'From: no-reply@sns.amazonaws.com\nSubject: AWS Notification Message\n\n';
  return {
    nested: Buffer.from(head + '{"notificationType":"Bounce","bounce":' + '['.repeat(200000) + '}'),
    unterminated: Buffer.from(head + '{"notificationType":"Bounce","x":"' + 'y'.repeat(300000)),
  };
}

/** A feedback report of 5,000 Original-Rcpt-To fields, then 20,000 header-like lines in a text part. */
export function complaintOfManyLines(): Buffer {
  const lines = Array.from({ length: 20_000 }, (_, i) => `X-F${i}: ${'a:'.repeat(20)}`).join('\n');
  return Buffer.from(
    [
      'From: fbl@isp.example',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'report',
      '--b',
      'Content-Type: text/plain',
      '',
      'Feedback-Type: abuse',
      'Version: 1',
      ...Array.from({ length: 5000 }, (_, i) => `Original-Rcpt-To: u${i}@example.org`),
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      lines,
      '--b--',
      '',
    ].join('\n'),
  );
}

/** A subject of endless reply prefixes before an away word, with BSD vacation's hint; the header block fits MAX_HEADER_BYTES. */
export function awayAfterReplyPrefixes(): Buffer {
  const prefixes = 'Re: '.repeat(Math.floor(MAX_HEADER_BYTES / 8)) + 'AW:'.repeat(Math.floor(MAX_HEADER_BYTES / 8));
  return Buffer.from(`From: kim@example.org\nPrecedence: bulk\nSubject: ${prefixes} vacation plans\n\nhi\n`);
}

/** The same past MAX_HEADER_BYTES: the away word and the hint after the subject lie beyond the cut. */
export function awayPastHeaderBytes(): Buffer {
  const subject = 'Re: '.repeat(200_000) + 'AW:'.repeat(100_000) + ' vacation plans';
  return Buffer.from(`From: kim@example.org\nSubject: ${subject}\nPrecedence: bulk\n\nhi\n`);
}

/** Two recipients listed, then a stranger's 200,000 lines each with a code, then a late recipient. */
export function strangersLines(): Buffer {
  const said = Array.from({ length: 200_000 }, (_, i) => `line ${i} 550 5.1.1 words`);
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example.org',
      'To: sender@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      'The following recipients were affected:',
      '    a@example.net',
      '    b@example.net',
      '',
      ...said,
      'late@example.net: 552 5.2.2 Mailbox full',
    ].join('\n'),
  );
}

/** One line listing 5,000 addresses (u0@example.net, ...) that "do not exist". */
export function fiveThousandAddresses(): Buffer {
  const listed = Array.from({ length: 5000 }, (_, i) => `u${i}@example.net`).join(', ');
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example.org',
      'To: sender@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      `The recipients ${listed} do not exist.`,
    ].join('\n'),
  );
}

/** "The recipient a@example.net", 200,000 blanks, another address; the reply on the next line. */
export function blanksAfterAddress(): Buffer {
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example.org',
      'To: sender@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
      '',
      `The recipient a@example.net${' '.repeat(200_000)}x c@example.org`,
      '    host said: 550 5.1.1 User unknown',
    ].join('\r\n'),
  );
}

/** A quoted local part ("first last"@example.net), then 3,000 open quotes each before 63 letters. */
export function openQuotes(): Buffer {
  const quotes = ` "${'a'.repeat(63)}`.repeat(3_000);
  return Buffer.from(`${UNDELIVERED_HEAD}Recipient: "first last"@example.net${quotes}\n    550 5.1.1 User unknown\n`);
}

/** A Sendmail notice: one failed address, one deferred, then a line of 200,000 dashes. */
export function sendmailDashes(): Buffer {
  return plainBounce(
    'Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
    'Returned mail: see transcript for details',
    [
      '   ----- The following addresses had permanent fatal errors -----',
      '<a@example.net>',
      '    (reason: 550 5.1.1 User unknown)',
      'b@example.net... Deferred: 450 4.7.1 later',
      '-'.repeat(200_000),
    ],
    '   ----- Original message follows -----',
  );
}

/** One recipient naming no code, then 70,000 lines of a blank and a tab. */
export function blankLinePadding(): Buffer {
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example.org',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      'Delivery to the following recipient failed permanently:',
      '',
      '     a@example.net',
      '',
      ...Array.from({ length: 70_000 }, () => ' \t'),
    ].join('\n'),
  );
}

/** A Postfix delay notice of one address, then a line of 200,000 '@'. */
export function atSigns(): Buffer {
  return plainBounce(
    'MAILER-DAEMON@mx.example.org (Mail Delivery System)',
    'Delayed Mail (still being retried)',
    [
      'This is the mail system at host mx.example.org.',
      '',
      '# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #',
      '',
      '<slow@example.net>: host mx.example.net[192.0.2.1] said: 451 4.7.1 later (in reply to RCPT TO command)',
      '@'.repeat(200_000),
    ],
    'Content-Type: message/rfc822',
  );
}

/** 200,000 letters, then an address on the same line: after a blank, or after ": " (a label). */
export const lettersThenAddress = (labelled: boolean): Buffer =>
  Buffer.from(`${UNDELIVERED_HEAD}${'a'.repeat(200_000)}${labelled ? ':' : ''} u@example.net\n`);

/** Texts of a Notes "Failure Reasons" section: for notesFailureReasons. */
export function notesSections(): { reasonsThenAddresses: string; addresses: string; longReason: string } {
  const reasons = Array.from({ length: 100_000 }, () => 'reason').join('\n');
  const addresses = Array.from({ length: 100_000 }, (_, i) => `u${i}@example.net`).join('\n');
  return {
    reasonsThenAddresses: `------- Failure Reasons --------\n${reasons}\nx@example.net\n${addresses}`,
    addresses: `------- Failure Reasons --------\n${addresses}`,
    longReason: `------- Failure Reasons --------\n${'reason\n'.repeat(500)}x@example.net`,
  };
}
