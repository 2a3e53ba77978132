// Notices as the layout tests write them around the vendors' own lines: written once so each
// test file states only its returned message and the text it is about.

/** What a multipart/report carries besides the notice's lines and its delivery-status groups. */
export interface ReportFrame {
  /** The returned message, put whole in the message/rfc822 part. */
  returned: readonly string[];
  /** The Content-Type line of the part for people. */
  textType: string;
}

/** A multipart/report: the notice for people, one delivery-status group per recipient, the returned message. */
export function multipartReport(
  frame: ReportFrame,
  from: string,
  subject: string,
  lines: readonly string[],
  groups: readonly (readonly string[])[],
): Buffer {
  return Buffer.from(
    [
      `From: ${from}`,
      'To: sender@example.com',
      `Subject: ${subject}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      frame.textType,
      '',
      ...lines,
      '',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      ...groups.flatMap((g) => [...g, '']),
      '--b',
      'Content-Type: message/rfc822',
      '',
      ...frame.returned,
      '--b--',
      '',
    ].join('\n'),
  );
}

/**
 * Oracle (Sun) Messaging Server's notice head (its return_*.txt templates), quoting the returned
 * message's header fields, up to the list of recipients.
 */
export const MESSAGING_SERVER_HEAD: readonly string[] = [
  'This report relates to a message you sent with the following header fields:',
  '',
  '  Message-id: <hello.1@example.com>',
  '  Date: Tue, 01 Dec 2026 01:17:26 +0900',
  '  From: sender@example.com',
  '  To: a@example.net, b@example.net',
  '  Cc: c@example.net',
  '  Subject: hello',
  '',
  'Your message cannot be delivered to the following recipients:',
  '',
];

/**
 * HCL (Lotus) Domino's delivery failure report as HCL's and IBM's technotes quote it: "Your
 * message / Subject: ... / was not delivered to: / ... / because: / ...".
 */
export const dominoFailure = (recipients: readonly string[], because: string, subject = 'hello'): string[] => [
  'Your message',
  '',
  `  Subject: ${subject}`,
  '',
  'was not delivered to:',
  '',
  ...recipients.map((r) => `  ${r}`),
  '',
  'because:',
  '',
  `  ${because}`,
];

/**
 * Amazon SES's own notice, from its MAILER-DAEMON, when email feedback forwarding returns a
 * bounce to the sender (SES Developer Guide, "Receiving Amazon SES notifications through
 * email"): a "Delivery Status Notification (Failure)" whose text part lists the recipients and
 * then, after "Technical report:", the delivery-status fields of each (the layout
 * tests/core/small-family-wordings.test.ts reads for WorkMail, whose mail leaves through SES).
 */
export function amazonSesNotice(
  recipients: readonly string[],
  groups: readonly (readonly string[])[],
  returned: readonly string[],
): Buffer {
  return Buffer.from(
    [
      'From: MAILER-DAEMON@us-east-1.amazonses.com',
      'To: Sender <sender@example.com>',
      'Subject: Delivery Status Notification (Failure)',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="=_ses"',
      '',
      'This is a multi-part message in MIME format. Your mail reader does not',
      'understand MIME message format.',
      '--=_ses',
      'Content-Type: text/plain; charset=iso-8859-15',
      'Content-Transfer-Encoding: 7bit',
      '',
      'An error occurred while trying to deliver the mail to the following recipients:',
      ...recipients,
      '',
      'Technical report:',
      '',
      'Reporting-MTA: dsn; a8-30.smtp-out.amazonses.com',
      '',
      ...groups.flatMap((g) => [...g, '']),
      '',
      '--=_ses',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment',
      '',
      ...returned,
      '--=_ses--',
      '',
    ].join('\n'),
  );
}

/** Exchange Online's notice as a person's mail client quotes it under its own header block. */
export const EXCHANGE_NOTICE_TEXT: readonly string[] = [
  'Delivery has failed to these recipients or groups:',
  '',
  'bob@contoso.example',
  "The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message.",
  '',
  'Diagnostic information for administrators:',
  '',
  'Generating server: EX1.contoso.example',
  '',
  'bob@contoso.example',
  "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
];
