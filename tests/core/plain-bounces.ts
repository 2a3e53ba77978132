// Bounces with no delivery-status part, in the layouts the MTAs' own sources write, around
// text of the tests' own: written once for the rule tests and the reply-code tests.

import { RETURNED_MESSAGE } from './dsn-report.ts';

/** A bounce with no delivery-status part: the notice, then the returned message after `marker`. */
export function plainBounce(
  from: string,
  subject: string,
  notice: readonly string[],
  marker: string,
  headers: readonly string[] = [],
): Buffer {
  return Buffer.from(
    [`From: ${from}`, 'To: sender@example.com', `Subject: ${subject}`, ...headers, '', ...notice, '', marker, '', ...RETURNED_MESSAGE].join(
      '\n',
    ),
  );
}

/** Exim's bounce (src/src/deliver.c, "The following address(es) failed:"), each line indented under the address. */
export const eximBounce = (lines: readonly string[]) =>
  plainBounce(
    'Mail Delivery System <Mailer-Daemon@mx.example.org>',
    'Mail delivery failed: returning message to sender',
    [
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  user@example.net',
      ...lines.map((l) => `    ${l}`),
    ],
    '------ This is a copy of the message, including all the headers. ------',
    ['X-Failed-Recipients: user@example.net', 'Auto-Submitted: auto-replied'],
  );

/** qmail-send's bounce (qmail-send.c; the per-recipient text from qmail-remote.c). */
export const qmailBounce = (lines: readonly string[]) =>
  plainBounce(
    'MAILER-DAEMON@mx.example.org',
    'failure notice',
    [
      'Hi. This is the qmail-send program at mx.example.org.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      '',
      '<user@example.net>:',
      ...lines,
    ],
    '--- Below this line is a copy of the message.',
  );
