// What the scripted remote server does in each recorded case, and what a mail admin should
// read from the notice a real MTA writes about it. The replies are servers' own wordings
// (each names its source); the expected verdicts are rebound's taxonomy (src/core/rules/README.md).
// tests/core/real-mta-notices.test.ts checks every recorded notice against this table.

import type { RemoteScript } from './remote.ts';

export interface ExpectedRecipient {
  /** Local part at remote.test. */
  localPart: string;
  reason: string;
  hard: boolean;
  /** The enhanced status the notice should carry for this recipient, when the reply had one. */
  status?: string;
  replyCode?: string;
}

export interface Scenario {
  id: string;
  /** What the case shows, in a phrase (the test's name). */
  title: string;
  /** Where the remote's wording comes from. */
  source: string;
  /** The remote's behaviour; 'no-listener' = nothing listens on the port (connection refused);
   * 'local' = the MTA's own delivery fails, as its recorder arranges (an MTA's own cases). */
  remote: RemoteScript | 'no-listener' | 'local';
  /** Local parts the message is sent to (at remote.test, or at the MTA's own domain for 'local'). */
  to: string[];
  /** The remote answers 4xx until the MTA gives up: the recorder runs the queue past the retry period. */
  untilGiveUp?: boolean;
  /** Record the delay warning instead of the final notice. */
  delayWarning?: boolean;
  kind: 'bounce' | 'delay';
  expected: ExpectedRecipient[];
}

const reply = (code: number, ...lines: string[]) => ({ code, text: lines.join('\n') });

export const SCENARIOS: Scenario[] = [
  {
    id: 'rcpt-user-unknown',
    title: 'an unknown mailbox refused at RCPT is userunknown, hard',
    source: 'Postfix smtpd_check.c, reject_unlisted_recipient',
    remote: {
      refuse: {
        rcpt: reply(550, '5.1.1 <nobody@remote.test>: Recipient address rejected: User unknown in virtual mailbox table'),
      },
    },
    to: ['nobody'],
    kind: 'bounce',
    expected: [{ localPart: 'nobody', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-user-unknown-multiline',
    title: "Gmail's multi-line no-such-user reply is userunknown, hard",
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730)',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          '5.1.1 The email account that you tried to reach does not exist. Please try',
          "5.1.1 double-checking the recipient's email address for typos or",
          '5.1.1 unnecessary spaces. For more information, go to',
          '5.1.1  https://support.google.com/mail/?p=NoSuchUser',
        ),
      },
    },
    to: ['gone'],
    kind: 'bounce',
    expected: [{ localPart: 'gone', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-disabled',
    title: 'a disabled account is suspend, soft',
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730)',
    remote: {
      refuse: {
        rcpt: reply(
          550,
          '5.2.1 The email account that you tried to reach is disabled.',
          '5.2.1  https://support.google.com/mail/?p=DisabledUser',
        ),
      },
    },
    to: ['closed'],
    kind: 'bounce',
    expected: [{ localPart: 'closed', reason: 'suspend', hard: false, status: '5.2.1', replyCode: '550' }],
  },
  {
    id: 'rcpt-relay-denied',
    title: 'a refused relay is norelaying, soft',
    source: 'Postfix smtpd_check.c, reject_unauth_destination',
    remote: { refuse: { rcpt: reply(554, '5.7.1 <someone@remote.test>: Relay access denied') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'norelaying', hard: false, status: '5.7.1', replyCode: '554' }],
  },
  {
    id: 'rcpt-two-reasons',
    title: 'two recipients refused for different reasons each keep their own',
    source: 'Postfix smtpd_check.c (unknown user); Dovecot LMTP quota reply (src/lmtp)',
    remote: {
      rcptByLocalPart: {
        nobody: reply(550, '5.1.1 <nobody@remote.test>: Recipient address rejected: User unknown in local recipient table'),
        full: reply(552, '5.2.2 <full@remote.test> Quota exceeded (mailbox for user is full)'),
      },
    },
    to: ['nobody', 'full', 'fine'],
    kind: 'bounce',
    expected: [
      { localPart: 'nobody', reason: 'userunknown', hard: true, status: '5.1.1', replyCode: '550' },
      { localPart: 'full', reason: 'mailboxfull', hard: false, status: '5.2.2', replyCode: '552' },
    ],
  },
  {
    id: 'mail-sender-refused',
    title: 'a refusal of the sender at MAIL FROM is rejected, never a recipient reason',
    source: 'Postfix smtpd_check.c, reject_sender_login_mismatch',
    remote: { refuse: { mail: reply(553, '5.7.1 <sender@sender.test>: Sender address rejected: not owned by user sender') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'rejected', hard: false, status: '5.7.1', replyCode: '553' }],
  },
  {
    id: 'connect-blocklisted',
    title: 'a block-list refusal in the greeting is blocked, soft',
    source: "Postfix postscreen.c, postscreen's DNSBL reply",
    remote: {
      refuse: { connect: reply(554, '5.7.1 Service unavailable; client [127.0.0.1] blocked using zen.spamhaus.org') },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'blocked', hard: false, status: '5.7.1', replyCode: '554' }],
  },
  {
    id: 'data-spam',
    title: "Gmail's unsolicited-mail refusal after the data is spamdetected, soft",
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730)',
    remote: {
      refuse: {
        'end-of-data': reply(
          550,
          '5.7.1 [127.0.0.1] Our system has detected that this message is likely',
          '5.7.1 unsolicited mail. To reduce the amount of spam sent to Gmail, this',
          '5.7.1 message has been blocked. For more information, go to',
          '5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'spamdetected', hard: false, status: '5.7.1', replyCode: '550' }],
  },
  {
    id: 'data-virus',
    title: "amavisd-new's infected-message refusal is virusdetected, soft",
    source: 'amavisd-new, its reject reply for a virus (amavisd, "INFECTED")',
    remote: { refuse: { 'end-of-data': reply(554, '5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Test-Signature') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'virusdetected', hard: false, status: '5.7.0', replyCode: '554' }],
  },
  {
    id: 'data-too-big',
    title: 'a message over the size limit is mesgtoobig, soft',
    source: 'Postfix smtpd.c, the reply when the message exceeds message_size_limit',
    remote: { refuse: { 'end-of-data': reply(552, '5.3.4 Message size exceeds fixed limit') } },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'mesgtoobig', hard: false, status: '5.3.4', replyCode: '552' }],
  },
  {
    id: 'data-dmarc',
    title: "Gmail's DMARC refusal is authfailure, soft",
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730)',
    remote: {
      refuse: {
        'end-of-data': reply(
          550,
          "5.7.26 Unauthenticated email from sender.test is not accepted due to domain's",
          '5.7.26 DMARC policy. Please contact the administrator of sender.test domain if',
          '5.7.26 this was a legitimate mail. To learn about the DMARC initiative, go to',
          '5.7.26  https://support.google.com/mail/?p=DmarcRejection',
        ),
      },
    },
    to: ['someone'],
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'authfailure', hard: false, status: '5.7.26', replyCode: '550' }],
  },
  {
    id: 'rcpt-full-until-expiry',
    title: 'a full mailbox refused 4xx until the MTA gives up stays mailboxfull, soft',
    source: 'Google Workspace Admin Help, SMTP error reference (support.google.com/a/answer/3726730)',
    remote: {
      refuse: {
        rcpt: reply(
          452,
          '4.2.2 The email account that you tried to reach is over quota. Please direct',
          '4.2.2 the recipient to',
          '4.2.2  https://support.google.com/mail/?p=OverQuotaTemp',
        ),
      },
    },
    to: ['full'],
    untilGiveUp: true,
    kind: 'bounce',
    expected: [{ localPart: 'full', reason: 'mailboxfull', hard: false, status: '4.2.2', replyCode: '452' }],
  },
  {
    id: 'rcpt-greylisted-until-expiry',
    title: 'greylisting until the MTA gives up is expired, soft',
    source: 'postgrey, its default reject reply (postgrey --greylist-text)',
    remote: {
      refuse: {
        rcpt: reply(
          450,
          '4.2.0 <later@remote.test>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/remote.test.html',
        ),
      },
    },
    to: ['later'],
    untilGiveUp: true,
    kind: 'bounce',
    expected: [{ localPart: 'later', reason: 'expired', hard: false }],
  },
  {
    id: 'connection-refused-until-expiry',
    title: 'a host refusing connections until the MTA gives up is expired, soft',
    source: "the MTA's own words (nothing listens on the remote's port)",
    remote: 'no-listener',
    to: ['someone'],
    untilGiveUp: true,
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'expired', hard: false }],
  },
  {
    id: 'greeting-timeout-until-expiry',
    title: 'a host that never greets until the MTA gives up is expired, soft',
    source: "the MTA's own words (the remote accepts the connection and says nothing)",
    remote: { silent: true },
    to: ['someone'],
    untilGiveUp: true,
    kind: 'bounce',
    expected: [{ localPart: 'someone', reason: 'expired', hard: false }],
  },
  {
    id: 'rcpt-deferred-warning',
    title: "a delay warning for a deferred recipient is a delay with the reply's reason, never hard",
    source: 'Postfix smtpd_check.c, its temporary refusal when a lookup failed (defer_if_permit)',
    remote: {
      refuse: { rcpt: reply(450, '4.7.1 <slow@remote.test>: Recipient address rejected: Service is unavailable') },
    },
    to: ['slow'],
    delayWarning: true,
    kind: 'delay',
    expected: [{ localPart: 'slow', reason: 'systemerror', hard: false, status: '4.7.1', replyCode: '450' }],
  },
];

/** Cases only one MTA has (its own local delivery failures), by recorder name; its recorder
 * arranges each 'local' failure. */
export const OWN_CASES: Record<string, Scenario[]> = {};

/** Where an MTA cannot write the notice a shared case expects, by recorder name and case id,
 * with why (what the MTA does instead): its notice is read against `expected` here, or, with
 * none, the case is not recorded for it at all. */
export interface MtaDifference {
  why: string;
  expected?: ExpectedRecipient[];
}

export const MTA_DIFFERENCES: Record<string, Record<string, MtaDifference>> = {
  opensmtpd: {
    'connect-blocklisted': {
      why:
        'OpenSMTPD takes a refusal in the greeting for a route error (mta_session.c: "Disabling route ... for 15s", ' +
        'the envelope tempfails with "Network error on destination MXs") and keeps the message until its queue ' +
        'time to live runs out; its one notice then says only "Envelope expired" (queue.c), never the 554 reply',
      expected: [{ localPart: 'someone', reason: 'expired', hard: false }],
    },
    'rcpt-full-until-expiry': {
      why:
        'at the end of the queue time to live OpenSMTPD replaces the last reply with "Envelope expired" ' +
        '(queue.c, IMSG_SCHED_ENVELOPE_EXPIRE): its notice never carries the 452 4.2.2 over-quota reply',
      expected: [{ localPart: 'full', reason: 'expired', hard: false }],
    },
  },
  dma: {
    'rcpt-full-until-expiry': {
      why:
        'when dma gives up after five days (dma.c, deliver()) its notice says only "Could not deliver for the ' +
        'last 432000 seconds. Giving up.": the 452 4.2.2 over-quota reply is not in it',
      expected: [{ localPart: 'full', reason: 'expired', hard: false }],
    },
    'rcpt-two-reasons': {
      why:
        'dma delivers each recipient in a process of its own (dma.c, go_background) and bounce() (mail.c) writes ' +
        'one notice per failed recipient, "There was an error delivering your mail to <...>": no notice names two',
    },
    'greeting-timeout-until-expiry': {
      why:
        'dma 0.13 aborts when its five-minute read timeout runs out ("*** stack smashing detected ***", recorded): ' +
        'util.c do_timeout() calls sigsetjmp and returns, and the SIGALRM handler later siglongjmps into that ' +
        'dead frame; the message stays queued, every retry aborts alike, and no notice is ever written',
    },
    'rcpt-deferred-warning': {
      why:
        'dma writes no delay warning: on a temporary failure deliver() (dma.c) only sleeps and retries, and ' +
        'after five days writes its one notice',
    },
  },
};

export const casesOf = (mta: string): Scenario[] =>
  [...SCENARIOS, ...(OWN_CASES[mta] ?? [])].flatMap((s) => {
    const differs = MTA_DIFFERENCES[mta]?.[s.id];
    if (!differs) return [s];
    const expected = differs.expected;
    if (!expected) return [];
    const reads = expected.map((e) => `${e.reason}, ${e.hard ? 'hard' : 'soft'}`).join('; ');
    return [{ ...s, title: `${s.title}; this MTA's notice cannot say so, it reads ${reads}`, expected }];
  });

/** The shared cases an MTA cannot produce at all, with why. */
export const casesNotProduced = (mta: string): { scenario: Scenario; why: string }[] =>
  SCENARIOS.flatMap((s) => {
    const differs = MTA_DIFFERENCES[mta]?.[s.id];
    return differs && !differs.expected ? [{ scenario: s, why: differs.why }] : [];
  });
