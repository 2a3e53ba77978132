// The taxonomy's decision rules (src/core/rules/README.md), one behaviour per test, through
// classify(), the path ingest takes. Reports are built here from the wordings the MTAs'
// own sources write (quoted in src/core/rules/); none is a corpus sample.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { RecipientResult } from '../../src/core/types.ts';
import { dsnReport, type DsnReportOptions } from './dsn-report.ts';
import { explainStep } from '../../src/commands/classify-explain.ts';
import { STATUS_DETAILS } from '../../src/core/status-codes.ts';

async function decide(status: string, diagnostic: string, opts?: DsnReportOptions): Promise<RecipientResult> {
  const c = await classify(dsnReport(status, diagnostic, opts));
  expect(c.recipients).toHaveLength(1);
  return c.recipients[0];
}
const reasonOf = async (status: string, diagnostic: string, opts?: DsnReportOptions) => (await decide(status, diagnostic, opts)).reason;

/** Words no rule knows: the decision must come from the codes and the command. */
const UNKNOWN_WORDS = 'the moon is in the wrong phase';

describe('rule 1: a success is delivered', () => {
  it('calls a recipient with Action delivered or a 2.x.x code delivered, never a bounce, whatever the words', async () => {
    const r = await decide('2.0.0', '250 2.0.0 OK, but the mailbox is full', { action: 'delivered' });
    expect([r.reason, r.bounceType]).toEqual(['delivered', 'none']);
  });
});

describe('rule 2: what the server said comes first', () => {
  it('lets a precise code overrule the words: X.1.6 is a mailbox that moved, X.2.3 a message too big for it', async () => {
    expect(await reasonOf('5.1.6', '550 5.1.6 User unknown: mailbox has moved')).toBe('hasmoved');
    expect(await reasonOf('5.2.3', '552 5.2.3 Message rejected: over quota')).toBe('exceedlimit');
  });

  it("takes the server's words over what the status code says by itself", async () => {
    expect(await reasonOf('5.0.0', '550 5.0.0 Mailbox is full')).toBe('mailboxfull');
    expect(await reasonOf('5.2.0', '550 5.2.0 No such user here (in reply to RCPT TO command)')).toBe('userunknown');
  });

  it('uses the code that settles a reason by itself when the words say nothing known', async () => {
    const r = await decide('5.1.1', `550 5.1.1 ${UNKNOWN_WORDS}`);
    expect([r.reason, r.bounceType]).toEqual(['userunknown', 'hard']);
  });
});

describe('rule 7: when the words match nothing, the codes decide, class by class', () => {
  it("decides from the enhanced status code's subject: mailbox, system, network, protocol, media, security", async () => {
    expect(await reasonOf('5.2.0', `550 5.2.0 ${UNKNOWN_WORDS}`)).toBe('filtered');
    expect(await reasonOf('5.3.0', `554 5.3.0 ${UNKNOWN_WORDS}`)).toBe('systemerror');
    expect(await reasonOf('5.4.0', `554 5.4.0 ${UNKNOWN_WORDS}`)).toBe('networkerror');
    expect(await reasonOf('5.5.0', `554 5.5.0 ${UNKNOWN_WORDS}`)).toBe('syntaxerror');
    expect(await reasonOf('5.6.0', `554 5.6.0 ${UNKNOWN_WORDS}`)).toBe('contenterror');
    expect(await reasonOf('5.7.0', `554 5.7.0 ${UNKNOWN_WORDS}`)).toBe('securityerror');
  });

  it('reads an addressing-class code (X.1.0) by the command it answered: RCPT is the recipient, MAIL the sender', async () => {
    expect(await reasonOf('5.1.0', `550 5.1.0 ${UNKNOWN_WORDS} (in reply to RCPT TO command)`)).toBe('userunknown');
    expect(await reasonOf('5.1.0', `550 5.1.0 ${UNKNOWN_WORDS} (in reply to MAIL FROM command)`)).toBe('rejected');
  });

  it('decides from the reply code when the status code says only its class (X.0.0)', async () => {
    expect(await reasonOf('4.0.0', `421 ${UNKNOWN_WORDS}`, { action: 'failed' })).toBe('systemerror');
    expect(await reasonOf('5.0.0', `521 ${UNKNOWN_WORDS}`)).toBe('notaccept');
    expect(await reasonOf('5.0.0', `530 ${UNKNOWN_WORDS}`)).toBe('securityerror');
    expect(await reasonOf('5.0.0', `501 ${UNKNOWN_WORDS}`)).toBe('syntaxerror');
    expect(await reasonOf('5.0.0', `552 ${UNKNOWN_WORDS}`)).toBe('mailboxfull');
    expect(await reasonOf('5.0.0', `551 ${UNKNOWN_WORDS} (in reply to RCPT TO command)`)).toBe('hasmoved');
    expect(await reasonOf('5.0.0', `553 ${UNKNOWN_WORDS} (in reply to RCPT TO command)`)).toBe('userunknown');
  });

  it('gives each registered detail code that settles a reason by itself that reason, with words no rule knows (RFC 3463, 5248 and the IANA registry)', async () => {
    const expected: Record<string, string> = {
      '5.1.2': 'hostunknown',
      '5.1.10': 'notaccept',
      '5.2.1': 'suspend',
      '5.3.1': 'systemfull',
      '5.3.2': 'notaccept',
      '5.3.4': 'mesgtoobig',
      '5.4.4': 'notaccept',
      '4.4.5': 'toomanyconn',
      '5.4.6': 'networkerror',
      '5.4.7': 'expired',
      '5.5.3': 'toomanyconn',
      '5.6.1': 'contenterror',
      // RFC 6531's SMTPUTF8 family: a non-ASCII address the path cannot carry is the message's
      // form, not a dead mailbox (as X.6.8-X.6.10 and Postfix's "SMTPUTF8 is required").
      '5.6.7': 'contenterror',
      '5.6.9': 'contenterror',
      '5.7.10': 'failedstarttls',
      '5.7.13': 'suspend',
      '5.7.25': 'requireptr',
      '5.7.28': 'speeding',
      '5.7.29': 'authfailure',
      '5.7.30': 'failedstarttls',
    };
    const got: Record<string, string> = {};
    for (const code of Object.keys(expected))
      got[code] = await reasonOf(code, `${code.startsWith('4') ? 451 : 554} ${code} ${UNKNOWN_WORDS}`);
    expect(got).toEqual(expected);
  });

  it('makes a registered 4.x.x code hard only through a reason that says the address is gone (the class follows the reason)', async () => {
    const wrong: string[] = [];
    for (const detail of Object.keys(STATUS_DETAILS)) {
      const code = `4.${detail}`;
      const r = await decide(code, `450 ${code} ${UNKNOWN_WORDS} (in reply to RCPT TO command)`);
      const gone = ['userunknown', 'hostunknown', 'hasmoved'].includes(r.reason);
      if ((r.bounceType === 'hard') !== gone) wrong.push(`${code} ${r.reason} ${r.bounceType}`);
    }
    expect(wrong).toEqual([]);
    // The case that rule decides: a temporary 4.1.1 with words that say nothing more.
    expect(await decide('4.1.1', '450 4.1.1 Try again later (in reply to RCPT TO command)')).toMatchObject({
      reason: 'userunknown',
      bounceType: 'hard',
    });
  });

  it('calls a bare refusal at the greeting blocked and one to MAIL FROM rejected', async () => {
    expect(
      await reasonOf('5.0.0', `554 ${UNKNOWN_WORDS}`, {
        notice: `SMTP error from remote mail server after initial connection: 554 ${UNKNOWN_WORDS}`,
      }),
    ).toBe('blocked');
    expect(await reasonOf('5.0.0', `550 ${UNKNOWN_WORDS} (in reply to MAIL FROM command)`)).toBe('rejected');
  });

  it('gives onhold only when code, reply code and command are all silent, and says so in the trail', async () => {
    const r = await decide('5.0.0', `550 ${UNKNOWN_WORDS}`);
    expect(r.reason).toBe('onhold');
    expect(r.decidedBy).toContain('default:onhold');
    expect(await reasonOf('5.0.0', '')).toBe('undefined');
  });
});

describe('rule 3: a final failure after the retry period is expired', () => {
  it('calls Exim\'s "retry timeout exceeded" expired, whatever the last error was', async () => {
    expect(await reasonOf('5.0.0', 'host lookup did not complete: retry timeout exceeded')).toBe('expired');
    expect(
      await reasonOf(
        '5.0.0',
        'all relevant MX records point to non-existent hosts: retry time not reached for any host after a long failure period',
      ),
    ).toBe('expired');
  });

  it('calls a final failure whose last error was a refused or timed-out connection expired', async () => {
    expect(await reasonOf('4.4.1', 'connect to mx.example.net[192.0.2.1]:25: Connection refused')).toBe('expired');
    expect(await reasonOf('5.0.0', 'Connection timed out')).toBe('expired');
  });

  it('keeps a named cause: a full mailbox the retries could not wait out stays mailboxfull', async () => {
    expect(await reasonOf('5.0.0', 'mailbox is full: retry timeout exceeded')).toBe('mailboxfull');
  });

  it('keeps a named permanent cause under expiry words: "user unknown; retry timeout exceeded" is userunknown, hard', async () => {
    const r = await decide('5.0.0', '550 5.1.1 user unknown; retry timeout exceeded');
    expect([r.reason, r.bounceType]).toEqual(['userunknown', 'hard']);
    expect(r.decidedBy).toContain('named-cause:userunknown/no-such-user');
    // Exim's own shape: the last answer to RCPT TO was a temporary "user unknown".
    const exim = await decide(
      '5.0.0',
      'SMTP error from remote mail server after RCPT TO:<user@example.net>: 450 4.1.1 <user@example.net>: Recipient address rejected: User unknown in local recipient table: retry timeout exceeded',
    );
    expect([exim.reason, exim.bounceType]).toEqual(['userunknown', 'hard']);
    // The status code alone can name the cause too.
    expect(await reasonOf('5.1.1', `550 5.1.1 ${UNKNOWN_WORDS}: retry timeout exceeded`)).toBe('userunknown');
  });

  it('keeps a temporary cause under expiry words expired: a DNS lookup, a refused connection, a busy server', async () => {
    for (const diagnostic of [
      'host lookup did not complete: retry timeout exceeded',
      'Name service error for name=example.net type=MX: Host not found, try again: retry timeout exceeded',
      'connect to mx.example.net[192.0.2.1]:25: Connection refused: retry timeout exceeded',
      'SMTP error from remote mail server after RCPT TO:<user@example.net>: 451 4.7.1 Greylisted, please try again later: retry timeout exceeded',
    ]) {
      const r = await decide('5.0.0', diagnostic);
      expect([diagnostic, r.reason, r.bounceType]).toEqual([diagnostic, 'expired', 'soft']);
    }
  });

  it('keeps a TLS or certificate failure under expiry words expired: the connection was retried, as a refused one is', async () => {
    for (const diagnostic of [
      // qmail-remote's TLS patch (notqmail's patches/notqmail/smtp-tls: qmail-remote.c), then qmail-send.c.
      "TLS unable to verify server mx.example.net: received certificate for mail.example.com; connected to 192.0.2.1. I'm not going to try again; this message has been in the queue too long.",
      // Exim's smtp transport (src/src/transports/smtp.c "TLS session: ...") with retry.c's words appended.
      'TLS session failure: certificate verification failed: retry timeout exceeded',
    ]) {
      const r = await decide('5.0.0', diagnostic);
      expect([diagnostic, r.reason, r.bounceType]).toEqual([diagnostic, 'expired', 'soft']);
    }
  });

  it('does not call a connection failure still being retried expired-by-retry: a delay is not hard and says it is delayed', async () => {
    const r = await decide('4.4.1', 'connect to mx.example.net[192.0.2.1]:25: Connection timed out', {
      action: 'delayed',
      notice: 'Delivery is delayed; will keep trying.',
    });
    expect(r.action).toBe('delayed');
    expect(r.bounceType).toBe('none');
  });
});

describe('rule 4: a temporary DNS failure is never an unknown host', () => {
  it('calls Postfix\'s "Name service error ... Host not found, try again" a network error, soft', async () => {
    const r = await decide(
      '4.4.3',
      'Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again',
    );
    expect([r.reason, r.bounceType]).toEqual(['networkerror', 'soft']);
  });

  it('calls SERVFAIL and glibc\'s "Temporary failure in name resolution" network errors even with a permanent code', async () => {
    expect(await reasonOf('5.0.0', 'DNS lookup of example.net failed: SERVFAIL')).toBe('networkerror');
    expect(await reasonOf('5.0.0', 'Temporary failure in name resolution')).toBe('networkerror');
  });

  it('turns an unknown-host wording with a temporary code (4.x.x) into a network error', async () => {
    expect(await reasonOf('4.1.2', 'Host unknown (Name server: example.net: host not found)')).toBe('networkerror');
  });

  it('still calls a name that does not exist (no "try again", a permanent code) hostunknown, hard', async () => {
    const r = await decide('5.4.4', 'Host or domain name not found. Name service error for name=example.invalid type=A: Host not found');
    expect([r.reason, r.bounceType]).toEqual(['hostunknown', 'hard']);
  });
});

describe('rule 5: a refusal of the sender never gives a recipient reason', () => {
  it('calls Postfix\'s "Sender address rejected: Domain not found" rejected, not hostunknown', async () => {
    const r = await decide(
      '5.1.8',
      '550 5.1.8 <sender@example.com>: Sender address rejected: Domain not found (in reply to RCPT TO command)',
    );
    expect([r.reason, r.bounceType]).toEqual(['rejected', 'soft']);
  });

  it('calls an unknown-user wording answered to MAIL FROM rejected', async () => {
    expect(await reasonOf('5.0.0', '550 User unknown (in reply to MAIL FROM command)')).toBe('rejected');
  });

  it('keeps a size refusal answered to MAIL FROM a size reason: SIZE is declared there (RFC 1870)', async () => {
    // Sendmail's own reply to a declared SIZE over its MaxMessageSize (srvrsmtp.c), as Postfix reports it.
    const r = await decide('5.2.3', '552 5.2.3 Message size exceeds fixed maximum message size (10485760) (in reply to MAIL FROM command)');
    expect([r.reason, r.bounceType]).toEqual(['exceedlimit', 'soft']);
    // The size-class code alone, without the server speaking of size, is a refusal at MAIL FROM.
    expect(await reasonOf('5.2.3', `552 5.2.3 ${UNKNOWN_WORDS} (in reply to MAIL FROM command)`)).toBe('rejected');
  });

  it("keeps a block list's error answer the receiver's fault (systemerror) under the sender's words and at MAIL FROM", async () => {
    // Spamhaus's open-resolver TXT as Postfix's default_rbl_reply passes it on (rules/reasons/systemerror.ts).
    const txt = 'Error: open resolver; https://www.spamhaus.org/returnc/pub/203.0.113.53';
    const r = await decide(
      '5.7.1',
      `554 5.7.1 Service unavailable; Sender address [sender@example.com] blocked using dbl.spamhaus.org; ${txt} (in reply to RCPT TO command)`,
    );
    expect([r.reason, r.bounceType]).toEqual(['systemerror', 'soft']);
    expect(
      await reasonOf(
        '5.7.1',
        `554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; ${txt} (in reply to MAIL FROM command)`,
      ),
    ).toBe('systemerror');
  });

  it('calls the sender-address codes X.1.7 and X.1.8 rejected even when the words say "domain not found"', async () => {
    expect(await reasonOf('5.1.7', '553 5.1.7 Domain not found')).toBe('rejected');
    expect(await reasonOf('5.0.0', '501 5.1.8 domain of sender address does not exist')).toBe('rejected');
  });
});

describe('rule 6: the SMTP command the error followed narrows the reason', () => {
  it('keeps an unknown user answered to RCPT TO userunknown, a hard bounce', async () => {
    const r = await decide('5.0.0', '550 User unknown (in reply to RCPT TO command)');
    expect([r.reason, r.bounceType]).toEqual(['userunknown', 'hard']);
  });

  it('calls an unknown-user wording answered to DATA filtered, unless the code is of the addressing class', async () => {
    expect(await reasonOf('5.0.0', '550 Unknown user user@example.net (in reply to end of DATA command)')).toBe('filtered');
    expect(await reasonOf('5.1.1', '550 5.1.1 Unknown user (in reply to end of DATA command)')).toBe('userunknown');
  });

  it('calls a vague refusal after EHLO blocked', async () => {
    expect(await reasonOf('5.0.0', '550 Access denied (in reply to EHLO command)')).toBe('blocked');
  });

  it('reads a bare "Recipient rejected" as the address refused: userunknown at RCPT TO, a filter at DATA', async () => {
    const atRcpt = await decide('5.0.1', '550 5.0.1 Recipient rejected (in reply to RCPT TO command)');
    expect([atRcpt.reason, atRcpt.bounceType]).toEqual(['userunknown', 'hard']);
    expect(await reasonOf('5.0.0', '550 Recipient rejected (in reply to end of DATA command)')).toBe('filtered');
    // It says only "refused": with a security-class code it is that refusal, soft.
    const policy = await decide('5.7.1', '554 5.7.1 Recipient rejected (in reply to RCPT TO command)');
    expect([policy.reason, policy.bounceType]).toEqual(['securityerror', 'soft']);
    // The recipient as the one who refused is the recipient's own filter, whatever the phase.
    expect(await reasonOf('5.0.0', '550 The recipient has rejected your message (in reply to RCPT TO command)')).toBe('filtered');
  });
});

describe('rule 8: what makes a result hard', () => {
  it('makes an unknown user hard whatever the class digit ("4.1.1" too)', async () => {
    expect(
      (
        await decide(
          '4.1.1',
          '450 4.1.1 <user@example.net>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)',
        )
      ).bounceType,
    ).toBe('hard');
  });

  it('leaves a temporary refusal in weak words soft: "451 Recipient rejected" at RCPT TO is no unknown user', async () => {
    const r = await decide('4.0.0', '451 Recipient rejected (in reply to RCPT TO command)');
    expect([r.reason, r.bounceType]).toEqual(['systemerror', 'soft']);
    expect(r.decidedBy).toContain('weak-rule:temporary 451');
    // The same words with a permanent code are the address refused (rule 6), hard.
    expect((await decide('5.0.0', '550 Recipient rejected (in reply to RCPT TO command)')).bounceType).toBe('hard');
    // A temporary code that itself names the address (4.1.1, bad mailbox) still decides.
    expect((await decide('4.1.1', '450 4.1.1 Recipient rejected (in reply to RCPT TO command)')).reason).toBe('userunknown');
  });

  it('reads "mailbox unavailable" as RFC 5321 does: with 450 the mailbox is busy or blocked for now, never hard', async () => {
    const busy = await decide('4.2.0', '450 4.2.0 <user@example.net>: Mailbox unavailable (in reply to RCPT TO command)');
    expect(busy.bounceType).toBe('soft');
    expect(busy.decidedBy).toContain('weak-rule:temporary 450');
    expect(
      (await decide('4.0.0', '450 Requested mail action not taken: mailbox unavailable (in reply to RCPT TO command)')).bounceType,
    ).toBe('soft');
    // With 550 at RCPT TO it is the address refused.
    expect((await decide('5.0.0', '550 <user@example.net>: Mailbox unavailable (in reply to RCPT TO command)')).bounceType).toBe('hard');
  });

  it("never makes Postfix's pending address verification (450 4.1.1 ... verification in progress) hard", async () => {
    const r = await decide(
      '4.1.1',
      '450 4.1.1 <user@example.net>: Recipient address rejected: unverified address: Address verification in progress (in reply to RCPT TO command)',
    );
    expect([r.reason, r.bounceType]).toEqual(['onhold', 'soft']);
  });

  it('makes a domain that accepts no mail hard only with a permanent code', async () => {
    expect((await decide('5.1.10', '556 5.1.10 Recipient address has null MX')).bounceType).toBe('hard');
    expect((await decide('4.3.2', '453 4.3.2 System not accepting network messages')).bounceType).toBe('soft');
  });

  it('never makes a full mailbox, a block or a delay hard', async () => {
    expect((await decide('5.2.2', '552 5.2.2 Mailbox full')).bounceType).toBe('soft');
    expect(
      (await decide('5.7.1', '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org')).bounceType,
    ).toBe('soft');
    expect((await decide('5.1.1', '550 5.1.1 User unknown', { action: 'delayed' })).bounceType).toBe('none');
  });
});

describe('the reply code reported', () => {
  /** A Sendmail-style report whose fields carry no reply code ("X-Unix; 77"); `text` is its human-readable part. */
  const noticeWithoutReplyField = (text: string[]) => dsnReport('5.3.0', '77', { diagnosticType: 'X-Unix', notice: text.join('\r\n') });

  it("takes the reply on the notice's line that names the recipient when the report's fields have none", async () => {
    const raw = noticeWithoutReplyField([
      '   ----- Transcript of session follows -----',
      '550 5.0.0 <user@example.net>... Insufficient permission',
    ]);
    expect((await classify(raw)).recipients[0]!.replyCode).toBe('550');
  });

  it("reads a few indented lines after the recipient's line, not a stranger's thousands (each joined once)", async () => {
    const notice = (indented: string[]) => noticeWithoutReplyField(['<user@example.net>... delivery failed:', ...indented]);
    // A wrapped reply: its code on the second continuation line is the recipient's.
    expect((await classify(notice(['    (host mx.example.net said:', '    550 mailbox disabled)']))).recipients[0]!.replyCode).toBe('550');
    // Past a handful of continuation lines the text is not the recipient's reply any more: a
    // stranger's notice of 2,000 indented lines is not read as one long line.
    const flood = Array.from({ length: 2000 }, (_, n) => `    line ${n} of a long transcript`);
    flood.push('    (host mx.example.net said:', '    550 mailbox disabled)');
    expect((await classify(notice(flood))).recipients[0]!.replyCode).toBe('');
  });

  it('reports the 250 of a delivery report, and no code the text does not hold', async () => {
    expect((await decide('2.1.5', '250 2.1.5 Ok', { action: 'deliverable' })).replyCode).toBe('250');
    expect((await decide('5.0.0', 'Connection timed out')).replyCode).toBe('');
  });
});

describe('the decision trail in plain words (rebound classify --explain)', () => {
  it('says when a named cause outlived the retry period and when a weak rule met a temporary code', async () => {
    const named = await decide('5.0.0', '550 5.1.1 user unknown; retry timeout exceeded');
    expect(named.decidedBy.map(explainStep).join('\n')).toContain('keeps its reason after the retry period');
    const weak = await decide('4.0.0', '451 Recipient rejected (in reply to RCPT TO command)');
    expect(weak.decidedBy.map(explainStep).join('\n')).toContain('the code 451 is temporary: the codes decide, never hard');
  });
});
