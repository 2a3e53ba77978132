// Amazon SES events as an SNS "email" subscription delivers them (the event JSON as the body,
// then SNS's footer), written once for the SES tests, the service-format tests and the
// suppression tests.

/** An SNS e-mail notification: headers, the event JSON (an object, or the body text as given), SNS's footer. */
export function snsMail(event: unknown): Buffer {
  return Buffer.from(
    [
      'From: AWS Notifications <no-reply@sns.amazonaws.com>',
      'To: ops@example.com',
      'Subject: AWS Notification Message',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      typeof event === 'string' ? event : JSON.stringify(event),
      '',
      '--',
      'If you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:',
      'https://sns.us-east-1.amazonaws.com/unsubscribe.html?SubscriptionArn=arn:aws:sns:us-east-1:123456789012:ses:x&Endpoint=ops@example.com',
      '',
    ].join('\n'),
  );
}

/**
 * A Transient/General bounce whose server said "550 5.1.1 User unknown" (SES's
 * notification-contents page: Transient, "you may be able to successfully send to this
 * recipient in the future").
 */
export function sesTransientUserUnknown(address: string): Buffer {
  return snsMail({
    notificationType: 'Bounce',
    bounce: {
      bounceType: 'Transient',
      bounceSubType: 'General',
      bouncedRecipients: [
        { emailAddress: address, action: 'failed', status: '5.1.1', diagnosticCode: `smtp; 550 5.1.1 <${address}>: User unknown` },
      ],
      timestamp: '2026-12-01T10:00:01.000Z',
      feedbackId: '0100-ffff',
      reportingMTA: 'dsn; a8-70.smtp-out.amazonses.com',
    },
    mail: { timestamp: '2026-12-01T10:00:00.000Z', source: 'news@app.test', messageId: '0100018c-aaaa', destination: [address] },
  });
}
