// A minimal RFC 3464 report with one recipient (user@example.net), its Status, an optional
// Diagnostic-Code and a human-readable notice: the shape the classifier's rule tests feed it,
// written once so each test states only the server text it is about.

export interface DsnReportOptions {
  action?: string;
  notice?: string;
  /** The Diagnostic-Code's type (RFC 3464): 'smtp' unless a test is about another ('X-Unix'). */
  diagnosticType?: string;
}

/** The report's message/delivery-status part (its Content-Type line first) for the one
 * recipient, user@example.net; `diagnostic` is the Diagnostic-Code's whole value, type first. */
export const deliveryStatusPart = (status: string, action = 'failed', diagnostic = ''): string[] => [
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.org',
  '',
  'Final-Recipient: rfc822; user@example.net',
  `Action: ${action}`,
  `Status: ${status}`,
  ...(diagnostic ? [`Diagnostic-Code: ${diagnostic}`] : []),
];

export function dsnReport(status: string, diagnostic: string, opts: DsnReportOptions = {}): Buffer {
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example.org',
      'To: sender@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      opts.notice ?? 'Delivery to the following recipient failed permanently.',
      '',
      '--b',
      ...deliveryStatusPart(status, opts.action, diagnostic && `${opts.diagnosticType ?? 'smtp'}; ${diagnostic}`),
      '',
      '--b--',
      '',
    ].join('\r\n'),
  );
}

/** The original message a plain-text bounce returns after its marker line, as the tests write it. */
export const RETURNED_MESSAGE: readonly string[] = ['From: sender@example.com', 'To: user@example.net', 'Subject: hello', '', 'hello', ''];
