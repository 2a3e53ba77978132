// Sending and hosting services' own bounce formats, built from each service's documentation
// (each case names the page). What a user sees is asserted: kind, recipients, reason,
// hard/soft, status and reply code.
import { describe, expect, it } from 'vitest';
import { classifySync } from '../../src/core/classify.ts';
import { dsnReport } from './dsn-report.ts';
import { snsMail } from './ses-mail.ts';

const NOTIFICATION_CONTENTS = 'https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html';
const EVENT_CONTENTS = 'https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html';

const mail = {
  timestamp: '2016-01-27T14:59:38.237Z',
  messageId: '00000137860315fd-34208509-5b74-41f3-95c5-22c1edc3c924-000000',
  source: 'john@example.com',
  sourceArn: 'arn:aws:ses:us-east-1:888888888888:identity/example.com',
  sourceIp: '127.0.3.0',
  sendingAccountId: '123456789012',
  destination: ['jane@example.com', 'mary@example.com', 'richard@example.com'],
};

function bounceEvent(bounceType: string, bounceSubType: string, recipients: object[], extra: object = {}): object {
  return {
    notificationType: 'Bounce',
    bounce: {
      bounceType,
      bounceSubType,
      bouncedRecipients: recipients,
      timestamp: '2016-01-27T14:59:38.237Z',
      feedbackId: '00000137860315fd-869464a4-8680-4114-98d3-716fe35851f9-000000',
      remoteMtaIp: '127.0.2.0',
      ...extra,
    },
    mail,
  };
}

/** An SES DeliveryDelay event (the event-publishing page's example) of `delayType` for `delayedRecipients`. */
const delayEvent = (delayType: string, delayedRecipients: object[]) =>
  snsMail({
    eventType: 'DeliveryDelay',
    mail,
    deliveryDelay: { timestamp: '2020-06-16T00:15:40.641Z', delayType, expirationTime: '2020-06-16T00:25:40.914Z', delayedRecipients },
  });

const seen = (c: ReturnType<typeof classifySync>) =>
  c.recipients.map((r) => ({ address: r.address, reason: r.reason, bounceType: r.bounceType, status: r.enhancedCode, reply: r.replyCode }));

describe(`Amazon SES bounce notifications (${NOTIFICATION_CONTENTS})`, () => {
  it('reads the documented bounce with a DSN attached: status, reply code and words decide', () => {
    const c = classifySync(
      snsMail(
        bounceEvent(
          'Permanent',
          'General',
          [
            {
              emailAddress: 'jane@example.com',
              status: '5.1.1',
              action: 'failed',
              diagnosticCode: 'smtp; 550 5.1.1 <jane@example.com>... User',
            },
          ],
          { reportingMTA: 'dns; email.example.com' },
        ),
      ),
    );
    expect(c.kind).toBe('bounce');
    expect(seen(c)).toEqual([{ address: 'jane@example.com', reason: 'userunknown', bounceType: 'hard', status: '5.1.1', reply: '550' }]);
    expect(c.recipients[0].remoteMta).toBe('email.example.com');
  });

  it('reads the documented bounce without a DSN (recipients with emailAddress only) as failed recipients', () => {
    const c = classifySync(
      snsMail(bounceEvent('Permanent', 'General', [{ emailAddress: 'jane@example.com' }, { emailAddress: 'richard@example.com' }])),
    );
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => [r.address, r.action, r.enhancedCode])).toEqual([
      ['jane@example.com', 'failed', '5.0.0'],
      ['richard@example.com', 'failed', '5.0.0'],
    ]);
  });

  // The bounce types table: each subtype's reason when SES attached no DSN.
  it.each([
    ['Undetermined', 'Undetermined', 'undefined', 'soft', '5.0.0'],
    ['Permanent', 'NoEmail', 'userunknown', 'hard', '5.0.0'],
    ['Permanent', 'Suppressed', 'suppressed', 'soft', '5.0.0'],
    ['Permanent', 'OnAccountSuppressionList', 'suppressed', 'soft', '5.0.0'],
    ['Transient', 'General', 'undefined', 'soft', '5.0.0'],
    ['Transient', 'MailboxFull', 'mailboxfull', 'soft', '5.0.0'],
    ['Transient', 'MessageTooLarge', 'mesgtoobig', 'soft', '5.0.0'],
    ['Transient', 'ContentRejected', 'contenterror', 'soft', '5.0.0'],
    ['Transient', 'AttachmentRejected', 'contenterror', 'soft', '5.0.0'],
  ])('reads bounceType %s / bounceSubType %s without a DSN as %s, %s, a final failure', (type, sub, reason, hardness, status) => {
    const c = classifySync(snsMail(bounceEvent(type, sub, [{ emailAddress: 'jane@example.com' }])));
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => [r.address, r.action, r.reason, r.bounceType, r.enhancedCode])).toEqual([
      ['jane@example.com', 'failed', reason, hardness, status],
    ]);
  });

  it('reads a suppressed bounce as suppressed, not as the unknown user its 5.1.1 would say (SES asked no server)', () => {
    for (const [sub, words] of [
      [
        'Suppressed',
        'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.',
      ],
      [
        'OnAccountSuppressionList',
        'Amazon SES did not send the message to this address because it is on the suppression list for your account.',
      ],
      ['OnAccountSuppressionList', ''],
    ]) {
      const c = classifySync(
        snsMail(
          bounceEvent(
            'Permanent',
            sub,
            [{ emailAddress: 'jane@example.com', action: 'failed', status: '5.1.1', ...(words ? { diagnosticCode: words } : {}) }],
            {
              reportingMTA: 'dns; amazonses.com',
            },
          ),
        ),
      );
      expect([sub, words, c.kind, ...c.recipients.map((r) => [r.reason, r.bounceType, r.enhancedCode])]).toEqual([
        sub,
        words,
        'bounce',
        ['suppressed', 'soft', '5.1.1'],
      ]);
    }
  });

  it("lets the server's own words decide over the subtype, and the subtype fill in for a vague reply", () => {
    const full = classifySync(
      snsMail(
        bounceEvent('Transient', 'MailboxFull', [
          { emailAddress: 'jane@example.com', action: 'failed', status: '5.2.2', diagnosticCode: 'smtp; 552 5.2.2 Mailbox full' },
        ]),
      ),
    );
    expect(seen(full)).toEqual([{ address: 'jane@example.com', reason: 'mailboxfull', bounceType: 'soft', status: '5.2.2', reply: '552' }]);
    const vague = classifySync(
      snsMail(
        bounceEvent('Transient', 'ContentRejected', [
          { emailAddress: 'jane@example.com', action: 'failed', status: '5.0.0', diagnosticCode: 'smtp; 550 Rejected' },
        ]),
      ),
    );
    expect(seen(vague)).toEqual([
      { address: 'jane@example.com', reason: 'contenterror', bounceType: 'soft', status: '5.0.0', reply: '550' },
    ]);
  });

  it('reads a Transient bounce as a final failure: SES sends it only after retrying gave up (a delay is the DeliveryDelay event)', () => {
    const c = classifySync(snsMail(bounceEvent('Transient', 'General', [{ emailAddress: 'jane@example.com', status: '4.4.7' }])));
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => [r.action, r.bounceType, r.enhancedCode])).toEqual([['failed', 'soft', '4.4.7']]);
  });
});

describe(`Amazon SES complaint notifications (${NOTIFICATION_CONTENTS})`, () => {
  const complaint = (fields: object) => ({
    notificationType: 'Complaint',
    complaint: {
      userAgent: 'AnyCompany Feedback Loop (V0.01)',
      complainedRecipients: [{ emailAddress: 'richard@example.com' }],
      timestamp: '2016-01-27T14:59:38.237Z',
      feedbackId: '000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000',
      arrivalDate: '2016-01-27T14:59:38.237Z',
      ...fields,
    },
    mail,
  });

  it.each(['abuse', 'auth-failure', 'fraud', 'not-spam', 'other', 'virus'])(
    'reads complaintFeedbackType %s as a complaint of that type',
    (type) => {
      const c = classifySync(snsMail(complaint({ complaintFeedbackType: type })));
      expect(c.kind).toBe('complaint');
      expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.feedbackType])).toEqual([
        ['richard@example.com', 'feedback', 'none', type],
      ]);
    },
  );

  it('reads a complaint without a feedback report (no complaintFeedbackType) as an abuse complaint', () => {
    const c = classifySync(snsMail(complaint({ complaintSubType: null })));
    expect(c.kind).toBe('complaint');
    expect(c.recipients.map((r) => [r.address, r.feedbackType])).toEqual([['richard@example.com', 'abuse']]);
  });

  it('reads complaintSubType OnAccountSuppressionList as a message not sent to a suppressed address, not as a new complaint', () => {
    const c = classifySync(snsMail(complaint({ complaintSubType: 'OnAccountSuppressionList' })));
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => [r.address, r.action, r.reason, r.bounceType])).toEqual([
      ['richard@example.com', 'failed', 'suppressed', 'soft'],
    ]);
  });
});

describe(`Amazon SES delivery notifications and events (${NOTIFICATION_CONTENTS}, ${EVENT_CONTENTS})`, () => {
  const delivery = {
    notificationType: 'Delivery',
    mail,
    delivery: {
      timestamp: '2016-01-27T14:59:38.237Z',
      recipients: ['jane@example.com'],
      processingTimeMillis: 546,
      reportingMTA: 'a8-70.smtp-out.amazonses.com',
      smtpResponse: '250 ok:  Message 64111812 accepted',
      remoteMtaIp: '127.0.2.0',
    },
  };

  it('reads a Delivery notification as a success, not a bounce', () => {
    const c = classifySync(snsMail(delivery));
    expect(c.kind).toBe('not-bounce');
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType])).toEqual([['jane@example.com', 'delivered', 'none']]);
  });

  it('reads the event-publishing form (eventType) of a bounce and a complaint as the notification form', () => {
    const b = classifySync(
      snsMail({
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [
            { emailAddress: 'recipient@example.com', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
          ],
          timestamp: '2017-08-05T00:41:02.669Z',
          feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
          reportingMTA: 'dsn; mta.example.com',
        },
        mail: { ...mail, tags: { 'ses:configuration-set': ['ConfigSet'] } },
      }),
    );
    expect(seen(b)).toEqual([
      { address: 'recipient@example.com', reason: 'userunknown', bounceType: 'hard', status: '5.1.1', reply: '550' },
    ]);
    const cpl = classifySync(
      snsMail({
        eventType: 'Complaint',
        complaint: { complainedRecipients: [{ emailAddress: 'recipient@example.com' }], complaintFeedbackType: 'abuse' },
        mail,
      }),
    );
    expect(cpl.kind).toBe('complaint');
  });

  // DeliveryDelay object: "delayType", each documented value and the reason it names.
  it.each([
    ['InternalFailure', 'systemerror'],
    ['General', 'expired'],
    ['MailboxFull', 'mailboxfull'],
    ['SpamDetected', 'spamdetected'],
    ['RecipientServerError', 'systemerror'],
    ['IPFailure', 'blocked'],
    ['TransientCommunicationFailure', 'networkerror'],
    ['BYOIPHostNameLookupUnavailable', 'networkerror'],
    ['Undetermined', 'expired'],
    ['SendingDeferral', 'expired'],
  ])('reads a DeliveryDelay event of delayType %s as a delay (%s), never hard', (delayType, reason) => {
    const c = classifySync(delayEvent(delayType, [{ emailAddress: 'recipient@example.com', status: '4.0.0' }]));
    expect(c.kind).toBe('delay');
    expect(c.recipients.map((r) => [r.address, r.action, r.reason, r.bounceType, r.enhancedCode])).toEqual([
      ['recipient@example.com', 'delayed', reason, 'none', '4.0.0'],
    ]);
  });

  it("reads a DeliveryDelay event's diagnosticCode: the server's reply decides, and it stays a delay", () => {
    const c = classifySync(
      delayEvent('TransientCommunicationFailure', [
        { emailAddress: 'recipient@example.com', status: '4.4.1', diagnosticCode: 'smtp; 421 4.4.1 Unable to connect to remote host' },
      ]),
    );
    expect(c.kind).toBe('delay');
    expect(seen(c)).toEqual([
      { address: 'recipient@example.com', reason: 'networkerror', bounceType: 'none', status: '4.4.1', reply: '421' },
    ]);
  });

  it('reads a Reject event (a virus: SES sent the message to nobody) as a failure for each destination, virusdetected, soft', () => {
    const c = classifySync(
      snsMail({
        eventType: 'Reject',
        mail: { ...mail, destination: ['recipient@example.com', 'other@example.com'] },
        reject: { reason: 'Bad content' },
      }),
    );
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => [r.address, r.action, r.reason, r.bounceType])).toEqual([
      ['recipient@example.com', 'failed', 'virusdetected', 'soft'],
      ['other@example.com', 'failed', 'virusdetected', 'soft'],
    ]);
  });

  it.each(['Send', 'Open', 'Click', 'Rendering Failure', 'Subscription'])('reads an eventType %s event as no bounce', (eventType) => {
    const c = classifySync(snsMail({ eventType, mail, [eventType.toLowerCase()]: { timestamp: '2017-08-09T22:00:19.652Z' } }));
    expect(c.kind).toBe('not-bounce');
    expect(c.recipients).toEqual([]);
  });
});

describe('Amazon SNS envelope (email-json subscription: the event as the Message string)', () => {
  // https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html ("HTTP/HTTPS
  // Notification JSON format"): Type, MessageId, TopicArn, Subject, Message, Timestamp, ...
  const envelope = (event: object) =>
    JSON.stringify({
      Type: 'Notification',
      MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
      TopicArn: 'arn:aws:sns:us-west-2:123456789012:MyTopic',
      Subject: 'My First Message',
      Message: JSON.stringify(event),
      Timestamp: '2012-05-02T00:54:06.655Z',
      SignatureVersion: '1',
      Signature: 'EXAMPLEw6JRN...',
      SigningCertURL: 'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem',
      UnsubscribeURL:
        'https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-west-2:123456789012:MyTopic:c9135db0',
    });

  it('reads the SES bounce inside the envelope', () => {
    const c = classifySync(
      snsMail(
        envelope(
          bounceEvent('Permanent', 'General', [
            {
              emailAddress: 'jane@example.com',
              status: '5.1.1',
              action: 'failed',
              diagnosticCode: 'smtp; 550 5.1.1 <jane@example.com>... User',
            },
          ]),
        ),
      ),
    );
    expect(c.kind).toBe('bounce');
    expect(seen(c)).toEqual([{ address: 'jane@example.com', reason: 'userunknown', bounceType: 'hard', status: '5.1.1', reply: '550' }]);
  });

  it('reads the SES complaint and delay inside the envelope', () => {
    const cpl = classifySync(
      snsMail(
        envelope({
          notificationType: 'Complaint',
          complaint: { complainedRecipients: [{ emailAddress: 'richard@example.com' }], complaintFeedbackType: 'abuse' },
          mail,
        }),
      ),
    );
    expect([cpl.kind, cpl.recipients.map((r) => r.address)]).toEqual(['complaint', ['richard@example.com']]);
    const delay = classifySync(
      snsMail(
        envelope({
          eventType: 'DeliveryDelay',
          mail,
          deliveryDelay: { delayType: 'MailboxFull', delayedRecipients: [{ emailAddress: 'recipient@example.com', status: '4.2.2' }] },
        }),
      ),
    );
    expect([delay.kind, delay.recipients.map((r) => [r.reason, r.bounceType])]).toEqual(['delay', [['mailboxfull', 'none']]]);
  });
});

describe('Amazon SES events from strangers stay bounded', () => {
  it('reads at most 500 recipients of one event, and a 10 MB body in bounded time', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ emailAddress: `u${i}@example.com` }));
    const c = classifySync(snsMail(bounceEvent('Permanent', 'NoEmail', many)));
    expect(c.kind).toBe('bounce');
    expect(c.recipients).toHaveLength(500);
    expect(c.recipients[0]!.address).toBe('u0@example.com');
    const huge =
      '{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"' +
      'a'.repeat(10 * 1024 * 1024) +
      '@example.com"}]}}';
    const t = Date.now();
    const h = classifySync(snsMail(String(huge)));
    expect(Date.now() - t).toBeLessThan(5000);
    expect(h.recipients.map((r) => r.address)).not.toContain(expect.stringMatching(/^a{1000}/));
  });
});

describe('Amazon SES receiving: the Bounce action of a receipt rule (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-bounce.html)', () => {
  // The action's documented fields: SmtpReplyCode (RFC 5321), StatusCode (RFC 3463) and
  // Message, with the templates the console and the CDK offer (aws-cdk, aws-ses-actions
  // lib/bounce.ts, BounceTemplate). Its bounce carries them as an RFC 3464 report.
  // (The template "500 5.6.1 Message content rejected" is read as spamdetected by the general
  // 'message content rejected' wording, which other filters use for spam: left alone.)
  it.each([
    ['550', '5.1.1', 'Mailbox does not exist', 'userunknown', 'hard'],
    ['552', '5.3.4', 'Message too large', 'mesgtoobig', 'soft'],
    ['552', '5.2.2', 'Mailbox full', 'mailboxfull', 'soft'],
    ['450', '4.0.0', 'Temporary failure', 'onhold', 'soft'],
  ])('reads the template %s %s "%s" as %s, %s', (reply, status, message, reason, hardness) => {
    const c = classifySync(dsnReport(status, `${reply} ${status} ${message}`));
    expect(c.kind).toBe('bounce');
    expect(seen(c)).toEqual([{ address: 'user@example.net', reason, bounceType: hardness, status, reply }]);
  });
});

describe('Google Workspace refusals', () => {
  it('reads an administrator\'s custom rule refusal ("- gcdp <sessionid> - gsmtp") as a policy refusal, soft (https://support.google.com/a/answer/3726730)', () => {
    const c = classifySync(dsnReport('5.7.1', '550 5.7.1 This message violates example.com email policy. - gcdp <sessionid> - gsmtp'));
    expect(seen(c)).toEqual([
      { address: 'user@example.net', reason: 'policyviolation', bounceType: 'soft', status: '5.7.1', reply: '550' },
    ]);
  });
});
