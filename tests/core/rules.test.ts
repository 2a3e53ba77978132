import { describe, expect, it } from 'vitest';
import { compileRules, matchReason, RuleError, builtInRules, ruleMatches } from '../../src/core/rules/compile.ts';
import { REASON_RULES } from '../../src/core/rules/reasons.ts';
import { classifySync } from '../../src/core/classify.ts';
import { dsnReport } from './dsn-report.ts';

describe('the reason rules', () => {
  it('compile, each with a unique id and a quoted example', () => {
    expect(builtInRules().length).toBe(REASON_RULES.length);
    for (const r of REASON_RULES) expect(r.quote.length).toBeGreaterThan(5);
  });

  it('hold one wording per phrase: each phrase compiles on its own, none is repeated', () => {
    for (const r of REASON_RULES) {
      for (const p of r.phrases) expect(() => new RegExp(p, 'i'), `${r.id}: ${p}`).not.toThrow();
      expect(new Set(r.phrases).size, r.id).toBe(r.phrases.length);
    }
  });

  it('report a bad rule by its id and position', () => {
    expect(() =>
      compileRules([
        { id: 'x/ok', reason: 'blocked', phrases: ['a'], quote: 'quote a' },
        { id: 'x/bad', reason: 'blocked', phrases: ['('], quote: 'quote b' },
      ]),
    ).toThrowError(RuleError);
    expect(() => compileRules([{ id: 'x/bad', reason: 'blocked', phrases: ['('], quote: 'q' }])).toThrow(/rule 1 \(x\/bad\)/);
  });

  it("match the quoted example of each rule to that rule's reason", () => {
    for (const r of REASON_RULES) expect(matchReason(r.quote)?.reason, r.id).toBe(r.reason);
  });

  it('look only at a bounded slice of a huge diagnostic', () => {
    expect(matchReason('x'.repeat(5_000_000) + ' mailbox full')).toBeUndefined();
    expect(matchReason('mailbox full ' + 'x'.repeat(5_000_000))?.reason).toBe('mailboxfull');
  });

  it("read a provider's published code before the words around it", () => {
    expect(matchReason('550 5.1.0 <a@example.com> sender rejected. AUP#CDRBL')?.id).toBe('blocked/cox-ip');
    expect(matchReason('550 5.1.0 <a@example.com> sender rejected. AUP#In-1310')?.reason).toBe('toomanyconn');
    expect(matchReason('550 5.1.0 <a@example.com> sender rejected. AUP#Out-1500')?.reason).toBe('rejected');
    expect(matchReason('550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]')?.reason).toBe('spamdetected');
    expect(matchReason('421 4.2.0 Service refuse. Service refused, please try later. OFR005_505 [505]')?.reason).toBe('systemerror');
  });

  it('do not take an address type or advice for the complaint itself', () => {
    expect(matchReason('In: RCPT TO:<a@example.net> ORCPT=rfc822;a@example.net Out: 451 4.3.0 Error: queue file write error')?.reason).toBe(
      'systemerror',
    );
    expect(matchReason('rejected due to spam classification. Set up SPF records for your sending domain')?.reason).toBe('spamdetected');
    expect(
      matchReason('Google tried to deliver your message, but it was rejected by the recipient domain. 550 5.7.1 Access denied')?.reason,
    ).not.toBe('filtered');
    expect(matchReason('Recipient address rejected: Bad destination system address')?.reason).toBe('hostunknown');
  });

  it('read a wording a multi-line reply breaks across its lines, without the code and status each line repeats', () => {
    const lines = [
      '5.7.1 The user or domain that you are sending to (or from) has a policy that',
      '5.7.1 prohibited the mail that you sent. Please contact your domain',
      '5.7.1  https://support.google.com/a/answer/172179 - gsmtp',
    ];
    // As a Diagnostic-Code or a notice writes it, and as a transcript quotes it.
    const flat = lines.map((l, i) => `550${i < lines.length - 1 ? '-' : ' '}${l}`).join(' ');
    const transcript = lines.map((l, i) => `<<< 550${i < lines.length - 1 ? '-' : ' '}${l}`).join('\n');
    expect(matchReason(flat)?.id).toBe('policyviolation/gmail-policy');
    expect(matchReason(`>>> DATA\n${transcript}\n554 5.0.0 Service unavailable`)?.id).toBe('policyviolation/gmail-policy');
    // After the server's own multi-line greeting in the same transcript, the refusal still reads whole.
    const banner = '<<< 220-mx.example.net ESMTP ready\n<<< 220-No unsolicited mail\n<<< 220 Welcome';
    expect(matchReason(`${banner}\n>>> DATA\n${transcript}\n554 5.0.0 Service unavailable`)?.id).toBe('policyviolation/gmail-policy');
  });

  it('tell a mailbox lookup from a plain unknown-user reply', () => {
    expect(ruleMatches('userunknown/mailbox-lookup', 'The recipient name is not recognized')).toBe(true);
    expect(ruleMatches('userunknown/mailbox-lookup', '550 kijitora@example.com... No such user')).toBe(false);
  });
});

const reasonOf = (raw: Buffer) => classifySync(raw).recipients[0];

describe('the reason decision', () => {
  it('calls an unknown user refused at RCPT TO userunknown, a hard bounce', () => {
    const r = reasonOf(dsnReport('5.0.0', '550 User unknown (in reply to RCPT TO command)'));
    expect([r.reason, r.bounceType]).toEqual(['userunknown', 'hard']);
  });

  it('calls an unknown user refused after DATA filtered, a soft bounce', () => {
    const r = reasonOf(dsnReport('5.0.0', '550 Unknown user user@example.net (in reply to end of DATA command)'));
    expect([r.reason, r.bounceType]).toEqual(['filtered', 'soft']);
    expect(r.decidedBy).toContain('smtp-command:DATA');
  });

  it('believes a bad-mailbox status code over the SMTP phase', () => {
    expect(reasonOf(dsnReport('5.1.1', '550 5.1.1 User unknown (in reply to end of DATA command)')).reason).toBe('userunknown');
  });

  it('calls an unknown user with no phase and a vague code filtered, unless a mailbox lookup said it', () => {
    expect(reasonOf(dsnReport('5.0.0', '550 user unknown')).reason).toBe('filtered');
    expect(reasonOf(dsnReport('5.0.0', 'The recipient name is not recognized')).reason).toBe('userunknown');
  });

  it('calls a refusal at the greeting blocked and one to MAIL FROM rejected', () => {
    expect(
      reasonOf(
        dsnReport('5.0.0', '550 Access denied', {
          notice: 'SMTP error from remote mail server after initial connection: 550 Access denied',
        }),
      ).reason,
    ).toBe('blocked');
    expect(reasonOf(dsnReport('5.7.1', '550 5.7.1 Access denied (in reply to MAIL FROM command)')).reason).toBe('rejected');
    expect(reasonOf(dsnReport('5.7.1', '550 5.7.1 Access denied')).reason).toBe('securityerror');
  });

  it('leaves a reason undecided (onhold) when only words nobody recognises were given', () => {
    expect(reasonOf(dsnReport('5.0.0', '550 the moon is in the wrong phase')).reason).toBe('onhold');
  });

  it("takes a success reply in the Diagnostic-Code (the answer to QUIT) for no failure: the notice's line about the address decides", () => {
    const notice = [
      '   ----- Transcript of session follows -----',
      '... while talking to [192.0.2.1]:',
      '<<< 421 4.7.0 [TSS04] Messages from 192.0.2.2 temporarily deferred due to unexpected volume or user complaints',
      'user@example.net... Deferred: 421 4.7.0 [TSS04] Messages from 192.0.2.2 temporarily deferred due to unexpected volume or user complaints',
    ].join('\r\n');
    const r = reasonOf(dsnReport('4.5.0', '221 2.0.0 Bye', { action: 'delayed', notice }))!;
    expect([r.reason, r.enhancedCode, r.replyCode, r.bounceType]).toEqual(['badreputation', '4.7.0', '421', 'none']);
  });

  it('reads the cause from a comment in the Status field', () => {
    expect(reasonOf(dsnReport('4.0.0 (example.net: host name lookup failure)', '', { notice: 'Delivery is delayed.' })).reason).toBe(
      'networkerror',
    );
  });
});
