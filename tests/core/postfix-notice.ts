// A Postfix 3.x notice built the way its bounce(8) daemon writes one (src/bounce/bounce_templates.c
// default failure and delay templates, bounce_notify_util.c: bounce_recipient_log writes "<address>:
// reason" and bounce_diagnostic_dsn the delivery-status group, each wrapped by util/line_wrap.c at
// 79 columns with continuation lines indented by 4). Layout as recorded from Postfix 3.7.11
// (tests/fixtures/mta-notices/postfix).

/** One recipient as a delivery agent reported it: the DSN status and the reason text it wrote. */
export interface PostfixRecipient {
  address: string;
  status: string;
  /** The reason text ("<address>: reason" line, and the X-Postfix Diagnostic-Code when no reply). */
  reason: string;
  /** A remote reply or a command's output: `dtype; dtext` (smtp, x-unix); none: "X-Postfix; reason". */
  diagnostic?: string;
  /** Remote-MTA for a reply from a server. */
  remoteMta?: string;
}

/** util/line_wrap.c at 79 columns, 4 columns of indent after the first line. */
export function postfixWrap(text: string, len = 79, indent = 4): string[] {
  const out: string[] = [];
  let curLen = len;
  let curIndent = 0;
  let start = 0;
  let word = 0;
  for (;;) {
    const sp = text.slice(word).search(/[ \t]/);
    const nextSpace = sp < 0 ? text.length : word + sp;
    if (word > start && nextSpace - start > curLen) {
      out.push(' '.repeat(curIndent) + text.slice(start, word).trimEnd());
      while (word < text.length && /\s/.test(text[word])) word++;
      if (start === 0) {
        curIndent += indent;
        curLen -= indent;
      }
      start = word;
    }
    if (nextSpace >= text.length) break;
    word = nextSpace + 1;
  }
  out.push(' '.repeat(curIndent) + text.slice(start).trimEnd());
  return out;
}

/** The lines both of Postfix's templates end their head with (src/bounce/bounce_template.c). */
const HELP_LINES = [
  'For further assistance, please send mail to postmaster.',
  '',
  'If you do so, please include this problem report. You can',
  'delete your own text from the attached returned message.',
  '',
  '                   The mail system',
];

const FAILURE_HEAD = [
  'This is the mail system at host mx.example.org.',
  '',
  "I'm sorry to have to inform you that your message could not",
  "be delivered to one or more recipients. It's attached below.",
  '',
  ...HELP_LINES,
];

const DELAY_HEAD = [
  'This is the mail system at host mx.example.org.',
  '',
  '####################################################################',
  '# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #',
  '####################################################################',
  '',
  'Your message could not be delivered for more than 4 hour(s).',
  'It will be retried until it is 5 day(s) old.',
  '',
  ...HELP_LINES,
];

/** A Postfix 3.x failure ("failed", also a message that expired) or delay ("delayed") notice. */
export function postfixNotice(action: 'failed' | 'delayed', recipients: readonly PostfixRecipient[]): Buffer {
  const delay = action === 'delayed';
  const boundary = '4D5E620CB94.1796185222/mx.example.org';
  const lines = [
    'Date: Wed,  2 Dec 2026 04:20:22 +0000 (UTC)',
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
    `Subject: ${delay ? 'Delayed Mail (still being retried)' : 'Undelivered Mail Returned to Sender'}`,
    'To: sender@example.com',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    `\tboundary="${boundary}"`,
    'Content-Transfer-Encoding: 8bit',
    'Message-Id: <20261202042022.4D5E620CB97@mx.example.org>',
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...(delay ? DELAY_HEAD : FAILURE_HEAD),
    ...recipients.flatMap((r) => ['', ...postfixWrap(`<${r.address}>: ${r.reason}`)]),
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.org',
    'X-Postfix-Queue-ID: 4D5E620CB94',
    'X-Postfix-Sender: rfc822; sender@example.com',
    'Arrival-Date: Wed,  2 Dec 2026 00:20:22 +0000 (UTC)',
    ...recipients.flatMap((r) => [
      '',
      `Final-Recipient: rfc822; ${r.address}`,
      `Original-Recipient: rfc822;${r.address}`,
      `Action: ${action}`,
      `Status: ${r.status}`,
      ...(r.remoteMta ? [`Remote-MTA: dns; ${r.remoteMta}`] : []),
      ...postfixWrap(`Diagnostic-Code: ${r.diagnostic ?? `X-Postfix; ${r.reason}`}`),
      ...(delay ? ['Will-Retry-Until: Mon,  7 Dec 2026 00:20:22 +0000 (UTC)'] : []),
    ]),
    '',
    `--${boundary}`,
    `Content-Description: ${delay ? 'Undelivered Message Headers' : 'Undelivered Message'}`,
    `Content-Type: ${delay ? 'text/rfc822-headers' : 'message/rfc822'}`,
    'Content-Transfer-Encoding: 8bit',
    '',
    'Return-Path: <sender@example.com>',
    'From: Sender <sender@example.com>',
    `To: ${recipients.map((r) => r.address).join(', ')}`,
    'Subject: hello',
    'Message-ID: <hello.1@example.com>',
    'Date: Tue, 01 Dec 2026 09:00:00 +0000',
    ...(delay ? [] : ['', 'hello']),
    '',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\n'));
}

/** A reply from the next hop as Postfix's smtp(8)/lmtp(8) client reports it (smtp_proto.c). */
export function postfixRemote(
  address: string,
  status: string,
  reply: string,
  inReplyTo: string,
  host = 'mx.example.net[192.0.2.1]',
): PostfixRecipient {
  const name = host.replace(/\[.*$/, '');
  return {
    address,
    status,
    reason: `host ${host} said: ${reply} (in reply to ${inReplyTo})`,
    diagnostic: `smtp; ${reply}`,
    remoteMta: name,
  };
}
