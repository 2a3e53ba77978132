// Bounces from providers outside the English-speaking world, read in the providers' own words:
// the replies a Czech, Polish and Slovak host's relay and MX send (Forpsi, in English and in
// Polish), Italian hosts' relays (Aruba Business, netfabric), the Korean portals' replies a
// list of them gives, Yandex's and a Russian registrar's (RU-CENTER) replies, a Uruguayan
// provider's (ProLinux), Exchange's Japanese reports, a whole notice written in two languages
// (Seznam's Czech and English notice), and Dovecot's rejection of a message the recipient's
// own filter refused, in the recipient's words. Each wording was read on the provider's own
// help page, a page quoting its server or the server's source, named above its test; none
// comes from a bounce collection. One test per wording, named after what a user should see.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { RETURNED_MESSAGE } from './dsn-report.ts';
import { plainBounce } from './plain-bounces.ts';
import { reported, reportedInReplyTo, verdictOf, wordingTests } from './wording-cases.ts';

const atRcpt = reportedInReplyTo('RCPT TO command');
const atData = reportedInReplyTo('end of DATA command');

// Forpsi's MX (Cloudmark Gateway), as its help page on incoming mail lists the replies a sender
// may get (support.forpsi.com/kb/a3302, "Incoming emails limitiation on the mailserver";
// the same list in Polish at support.konto.pl/kb/a2871). Its chkuser and "spam detected"
// replies are in mail-server-wordings.test.ts.
describe("Forpsi's MX: replies to mail sent to its customers", () => {
  wordingTests([
    [
      "'550 5.1.0 <token> blocked by SPF' is the sender domain's SPF record failing, not a block list",
      () => atRcpt('5.1.0', '550 5.1.0 0bcW1i00G0jifNx01bcmHa blocked by SPF'),
      ['authfailure', 'soft'],
    ],
    [
      "'<token> DMARC validation failed' is DMARC, an authentication failure",
      () => atData('5.0.0', '552 mx.example.net bizsmtp 0bqv1i0054rvCQt01 DMARC validation failed'),
      ['authfailure', 'soft'],
    ],
    [
      "'550 5.1.1 <address> sender is blacklisted' (the recipient's own black list) refuses the sender, never an unknown recipient",
      () => atRcpt('5.1.1', '550 5.1.1 <sender@example.com> sender is blacklisted'),
      ['rejected', 'soft'],
    ],
  ]);
});

// Forpsi's shared SMTP relay (Cloudmark Gateway) refusing its own customers: its help pages on
// the relay's checks (support.forpsi.com/kb/a3147, kb/a3898 in Czech, support.forpsi.sk/kb/a3902),
// its limits (podpora.forpsi.com/kb/a3904) and its "policy violation" blocks (support.konto.pl
// /kb/a2765 and a2813, support.forpsi.pl/kb/a2873, support.forpsi.com/kb/a4656). The status is
// 5.1.0 in every one of them: the words and the article named decide.
describe("Forpsi's SMTP relay: refusals of its own customers' mail", () => {
  wordingTests([
    [
      "'<token> authentication failed' is SMTP AUTH (a wrong password), not SPF, DKIM or DMARC",
      () => reported('5.1.0', '550 5.1.0 piWs1j0010jifNx01iWsdh authentication failed'),
      ['securityerror', 'soft'],
    ],
    [
      "'<token> authentication rejected' (a user name that is not the whole address) is SMTP AUTH",
      () => reported('5.1.0', '550 5.1.0 piWs1j0010jifNx01iWsdh authentication rejected'),
      ['securityerror', 'soft'],
    ],
    [
      "'<token> authentication rejected access disabled' is the sender's account blocked from sending, not an unclassified refusal",
      () => reported('5.1.0', '550 5.1.0 piWs1j0010jifNx01iWsdh authentication rejected access disabled'),
      ['rejected', 'soft'],
    ],
    [
      "'<address> sender rejected' (a sender domain the account may not use) refuses the sender",
      () => reported('5.1.0', '550 5.1.0 <john.smith@example.com> sender rejected (in reply to MAIL FROM command)'),
      ['rejected', 'soft'],
    ],
    [
      "'policy violation, see .../kb/a3900' is the relay's sending limit (250 a minute, 1000 an hour), the sender's pace",
      () => reported('5.1.0', '550 5.1.0 piWs1j0010jifNx01iWsdh policy violation, see https://support.forpsi.com/kb/a3900'),
      ['speeding', 'soft'],
    ],
    [
      // support.konto.pl/kb/a2164 (Polish), "Błąd 5.1.0".
      "the bare '<token> policy violation' is the relay's sending limit, the sender's pace",
      () => reported('5.1.0', '550 5.1.0 piWs1j0010jifNx01iWsdh policy violation'),
      ['speeding', 'soft'],
    ],
    [
      "'policy violation, see .../kb/a4081' is the sending IP blocked for an hour after many undeliverable messages",
      () => reported('5.1.0', '550 5.1.0 cNkj1y0022zrrQM01NkjaD policy violation, see https://support.forpsi.com/kb/a4081'),
      ['blocked', 'soft'],
    ],
    [
      "'policy violation, see .../kb/a4077' is the sending IP blocked after mail to many invalid recipients",
      () => reported('5.1.0', '550 5.1.0 cNkj1y0022zrrQM01NkjaD policy violation, see https://support.forpsi.com/kb/a4077'),
      ['blocked', 'soft'],
    ],
    [
      "the Polish relay's 'Naruszenie zasad <token>, zobacz .../kb/a4071' is the sender's account blocked for spamming, not an unclassified refusal",
      () => reported('5.1.0', '550 5.1.0 Naruszenie zasad cNkj1y0022zrrQM01NkjaD, zobacz https://support.forpsi.com/kb/a4071'),
      ['rejected', 'soft'],
    ],
    [
      "'policy violation, see .../kb/a4656' is every account of the sender's domain blocked for spamming",
      () => reported('5.1.0', '550 5.1.0 cNkj1y0022zrrQM01NkjaD policy violation, see https://support.forpsi.com/kb/a4656'),
      ['rejected', 'soft'],
    ],
  ]);
});

// Czech and Polish hosts' SPF refusals, with the check named in brackets first: C4's page on
// returned mail (faq.c4.cz, "Odeslaný e-mail se vrací zpět s chybou") and Interia's
// (pomoc.poczta.interia.pl, "Dlaczego wiadomość nie została dostarczona?").
describe("'[SPF] ... is not allowed to send mail from' refusals", () => {
  wordingTests([
    [
      "C4's '[SPF] <ip> is not allowed to send mail from <domain>.' is an SPF failure, not a block list",
      () => reported('5.0.0', '550 [SPF] 192.0.2.1 is not allowed to send mail from example.com.'),
      ['authfailure', 'soft'],
    ],
    [
      "Interia's '550 5.7.0 [SPF] host (...) is not allowed to send mail from domain' is an SPF failure",
      () => reported('5.7.0', '550 5.7.0 [SPF] host (192.0.2.1) is not allowed to send mail from example.com'),
      ['authfailure', 'soft'],
    ],
    [
      "C4's '550 5.1.1 Sorry, no mailbox here by that name.' is an unknown user",
      () => reported('5.1.1', '[192.0.2.1]: 550 5.1.1 Sorry, no mailbox here by that name.'),
      ['userunknown', 'hard'],
    ],
  ]);
});

// Italian hosts: Aruba Business's relay, the same gateway (guide.arubabusiness.it, "Errori
// comuni durante l'invio e la ricezione della posta"), Aruba's hosting guide
// (guide.hosting.aruba.it, "Risoluzione errori comuni") and netfabric's help page on sending
// problems (netfabric.freshdesk.com, "Problemi invio posta (italiano)").
describe("Italian hosts' relays", () => {
  wordingTests([
    [
      "Aruba's '<token> policy violation' with no article named is its sending limit, the sender's pace",
      () => reported('4.0.0', 'iemL1p01Z0hMcT901emQ77 policy violation'),
      ['speeding', 'soft'],
    ],
    [
      "Aruba's '552 5.2.0 <token> spam detected' (mail reported as spam by many recipients) is spam",
      () => reported('5.2.0', '552 5.2.0 igxL1p00E1WDM2s01gxMXG spam detected'),
      ['spamdetected', 'soft'],
    ],
    ["Aruba's 'user is over quota' is a full mailbox", () => reported('5.0.0', '552 user is over quota'), ['mailboxfull', 'soft']],
    [
      "netfabric's 'MAX RCPT TO DAILY LIMIT' is the day's sending limit used up, not an unclassified refusal",
      () => reported('5.0.0', '550 MAX RCPT TO DAILY LIMIT'),
      ['speeding', 'soft'],
    ],
    [
      "netfabric's 'SENDER REJECTED' (four hours after too many temporary failures) refuses the sender",
      () => reported('5.0.0', '550 SENDER REJECTED'),
      ['rejected', 'soft'],
    ],
  ]);
});

// Korean portals' replies as a Korean administrator's list files them (puffinknight.tistory.com
// /102, "리턴 메시지"): the ones the earlier pass left.
describe("Korean portals' replies, by the list's headings", () => {
  wordingTests([
    [
      "'Service unavailable (userid: mail is denied, by spam filter)' is the recipient's own spam setting, filtered",
      () => reported('5.0.0', '554 5.0.0 Service unavailable (userid: mail is denied, by spam filter)'),
      ['filtered', 'soft'],
    ],
    [
      // The reply itself is in isp-and-esp-wordings.test.ts.
      "Paran's '(SPAM_SUSPECT:IP_CONTROL)' under Exchange's '5.1.0 - Unknown address error' is still the sending IP held, not an unknown address",
      () =>
        reported('5.1.0', "5.1.0 - Unknown address error 550-'Transaction failed. (SPAM_SUSPECT:IP_CONTROL) (http://cleanip.paran.com)'"),
      ['blocked', 'soft'],
    ],
    [
      "'550 5.1.1 Suspended user' is a suspended mailbox although the code is 5.1.1",
      () => reported('5.1.1', '550 5.1.1 Suspended user'),
      ['suspend', 'soft'],
    ],
    ["'550 Account disabled' is a suspended mailbox", () => reported('5.0.0', '550 Account disabled'), ['suspend', 'soft']],
  ]);
});

// Yandex Mail's bounce pages, one per reply (yandex.com/support/mail/bounces/yandex.html and
// the pages it links: policy-rejection-on-the-target-address.html,
// mailbox-size-limit-exceeded.html).
describe("Yandex's replies, by its bounce pages", () => {
  wordingTests([
    [
      "'Policy rejection on the target address' is the recipient's account blocked for breaking the User Agreement, suspended",
      () => atRcpt('5.0.0', '550 Policy rejection on the target address'),
      ['suspend', 'soft'],
    ],
    [
      // Yandex's bounce page files it with 'No such user', but its server says it at DATA whenever
      // no recipient was accepted, whatever refused each one: never hard on these words alone.
      "'No correct recipients' at the end of DATA names no cause: soft, never a dead address",
      () => reported('5.0.0', '554 No correct recipients (in reply to end of DATA command)'),
      ['filtered', 'soft'],
    ],
    [
      "a temporary 'No correct recipients' is never a dead address",
      () => reported('4.7.1', '451 4.7.1 No correct recipients'),
      ['securityerror', 'soft'],
    ],
    [
      "'Mailbox size exceeded' is the recipient's mailbox full, not the message too big",
      () => atRcpt('5.2.2', '552 5.2.2 Mailbox size exceeded'),
      ['mailboxfull', 'soft'],
    ],
    [
      "'Mailbox size limit exceeded' is a full mailbox",
      () => atRcpt('5.2.2', '552 5.2.2 Mailbox size limit exceeded'),
      ['mailboxfull', 'soft'],
    ],
    ["'Message infected by virus' is a virus", () => atData('5.7.1', '554 5.7.1 Message infected by virus'), ['virusdetected', 'soft']],
  ]);
});

// ProLinux E-Mail Server, a Uruguayan provider's server, as its Spanish page on bounces lists
// the texts (pl.com.uy, "Cómo interpretar los rebotes del servidor ProLinux E-Mail Server").
describe("ProLinux's replies, by its Spanish page", () => {
  wordingTests([
    [
      "'Sender refused by the DNSBL spammers...' is the sending host on a block list, not a spam verdict",
      () => reported('5.0.0', '554 Sender refused by the DNSBL spammers.v6net.org (in reply to RCPT TO command)'),
      ['blocked', 'soft'],
    ],
    [
      "'Sorry, your mailserver [<ip>] is rejected by <list>' is the sending host blocked, not an unclassified refusal",
      () => reported('5.0.0', '553 Sorry, your mailserver [192.0.2.1] is rejected by bl.example.org'),
      ['blocked', 'soft'],
    ],
    [
      "'553 sorry, your HELO host name has been denied' is the sending host's HELO, blocked",
      () => reported('5.0.0', '553 sorry, your HELO host name has been denied'),
      ['blocked', 'soft'],
    ],
    [
      "'Recipient address rejected: Address locked or deactivated' is a suspended mailbox",
      () => atRcpt('5.0.0', '550 Recipient address rejected: Address locked or deactivated'),
      ['suspend', 'soft'],
    ],
  ]);
});

// RU-CENTER (nic.ru), a Russian registrar's mail hosting: its page "Mail — diagnostics and
// troubleshooting" (nic.ru/help/mail-diagnostics-and-troubleshooting_14426.html).
describe("RU-CENTER's replies", () => {
  wordingTests([
    [
      "'451 <domain> prohibited. Disk quota exceeded' (the domain's storage used up) is a full mailbox, soft",
      () => atRcpt('4.0.0', '451 example.net prohibited. Disk quota exceeded'),
      ['mailboxfull', 'soft'],
    ],
  ]);
});

// Seznam.cz's own notice, in Czech then English, as its help page "Uživatel neexistuje" shows
// it (napoveda.seznam.cz/uzivatel-neexistuje). The page does not show the subject: a subject
// that says nothing is used, so the sender and the notice's words must tell the bounce.
describe("Seznam's Czech and English notice", () => {
  const seznamNotice = (reason: string, meaning: string) =>
    plainBounce(
      'MAILER-DAEMON@mx.example.org',
      'hello',
      [
        'Vaše zpráva pro <user@example.net> ze dne 19.11.2012 nemohla být doručena.',
        'Zpráva je přiložena.',
        '',
        'You message for <user@example.net> from 2012/11/19 could not be delivered.',
        "It's attached below.",
        '',
        'Důvod / Reason:',
        '---------------',
        '',
        reason,
        '',
        meaning,
      ],
      'Content-Type: message/rfc822',
    );
  wordingTests([
    [
      "the notice is read as a bounce for the address it names, an unknown user by Seznam's '5.1.1 szn; User hasn't got the service mapped'",
      () =>
        seznamNotice(
          "5.1.1 szn; User hasn't got the service mapped",
          'Permanentní chyba na straně uživatele.\nPermanent Failure - Bad destination mailbox address',
        ),
      ['userunknown', 'hard'],
    ],
  ]);
});

/**
 * Dovecot's rejection of a message refused by the recipient's Sieve filter, as
 * src/lib-lda/mail-send.c writes it with the default rejection_subject and rejection_reason
 * ("Rejected: %s", "Your message to <%t> was automatically rejected:%n%r"): the MDN form
 * (a disposition-notification part saying "deleted") for a Sieve reject, the delivery-status
 * form (Status 5.2.2) for a full mailbox.
 */
function dovecotRejection(reason: string, form: 'sieve' | 'quota'): Buffer {
  const boundary = '12345/mx.example.net';
  const report =
    form === 'sieve'
      ? [
          'Content-Type: message/disposition-notification',
          '',
          'Reporting-UA: mx.example.net; Dovecot Mail Delivery Agent',
          'Final-Recipient: rfc822; user@example.net',
          'Original-Message-ID: <hello.1@example.com>',
          'Disposition: automatic-action/MDN-sent-automatically; deleted',
        ]
      : [
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mx.example.net',
          'Final-Recipient: rfc822; user@example.net',
          'Action: failed',
          'Status: 5.2.2',
        ];
  return Buffer.from(
    [
      'Message-ID: <dovecot.1@mx.example.net>',
      'Date: Tue, 1 Dec 2026 10:00:00 +0000',
      'From: Mail Delivery Subsystem <postmaster@example.net>',
      'To: <sender@example.com>',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=${form === 'sieve' ? 'disposition-notification' : 'delivery-status'};`,
      `\tboundary="${boundary}"`,
      'Subject: Rejected: hello',
      'Auto-Submitted: auto-replied (rejected)',
      'Precedence: bulk',
      '',
      'This is a MIME-encapsulated message',
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Disposition: inline',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Your message to <user@example.net> was automatically rejected:',
      reason,
      `--${boundary}`,
      ...report,
      '',
      `--${boundary}`,
      'Content-Type: message/rfc822',
      '',
      'From: sender@example.com',
      'To: user@example.net',
      'Subject: hello',
      'Message-ID: <hello.1@example.com>',
      '',
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

// Dovecot's rejections (src/lib-lda/mail-send.c, the defaults of lda-settings): a Sieve reject
// carries the recipient's own words in the recipient's language, as Roundcube's filter page
// lets a user write them ("Abweisen mit Nachricht", plugins/managesieve/localization/de_DE.inc).
describe("Dovecot's rejection notices, with the recipient's own words", () => {
  wordingTests([
    [
      "a Sieve reject with the recipient's German text is the recipient's filter, not an unclassified refusal",
      () => dovecotRejection('Ich nehme keine E-Mails von diesem Absender an.', 'sieve'),
      ['filtered', 'soft'],
    ],
    [
      "a Sieve reject with the recipient's text naming spam is still the recipient's filter",
      () => dovecotRejection('Keine Werbung und kein Spam, bitte.', 'sieve'),
      ['filtered', 'soft'],
    ],
    [
      "the same line before 'Quota exceeded (mailbox for user is full)' stays a full mailbox",
      () => dovecotRejection('Quota exceeded (mailbox for user is full)', 'quota'),
      ['mailboxfull', 'soft'],
    ],
    [
      "another filter's 'was automatically rejected by our spam filter' (no colon) is its spam verdict, not a Sieve reject",
      () => reported('5.0.0', '550 Your message to user@example.net was automatically rejected by our spam filter'),
      ['spamdetected', 'soft'],
    ],
  ]);
});

/**
 * Exchange's notice in Japanese with no delivery-status part: its statement, the recipient, and
 * what follows, then the returned message's headers. UTF-8, 8bit.
 */
const exchangeJapanese = (subject: string, lines: readonly string[], from = 'postmaster@example.org') =>
  Buffer.from(
    [
      `From: ${from}`,
      'To: sender@example.com',
      `Subject: ${subject}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      ...lines,
      '',
      'Content-Type: message/rfc822',
      '',
      ...RETURNED_MESSAGE,
    ].join('\n'),
  );

// Exchange and Microsoft 365 in Japanese, as a Japanese administrator's page quotes their
// reports (it-bibouroku.hateblo.jp, "配信確認メッセージの要求"): "配信済み:メッセージは次の受信者に
// 配信されました" (delivered), "中継済み:次の受信者またはグループへの配信は完了しましたが、配信先
// サーバーで配信通知が送信されませんでした" (relayed), "次の受信者またはグループへの配信に失敗しました"
// (failed); the administrators' section is "管理者向けの診断情報" (Microsoft's Japanese support
// page on postmaster messages).
describe('Exchange in Japanese', () => {
  it("a '配信済み:' (delivered) report is a success, not a bounce for its '配信'", async () => {
    const c = await classify(exchangeJapanese('配信済み: hello', ['メッセージは次の受信者に配信されました:', '', 'user@example.net']));
    expect(c.kind).toBe('not-bounce');
    expect(c.recipients.map((r) => [r.address, r.reason])).toEqual([['user@example.net', 'delivered']]);
  });
  it("a '中継済み:' (relayed) report is no bounce", async () => {
    const c = await classify(
      exchangeJapanese('中継済み: hello', [
        '次の受信者またはグループへの配信は完了しましたが、配信先サーバーで配信通知が送信されませんでした:',
        '',
        'user@example.net',
      ]),
    );
    expect(c.kind).toBe('not-bounce');
  });
  it("a '配信不能:' notice from 'システム管理者' (System Administrator) is told by its subject alone", async () => {
    // ameblo.jp/pctascal/entry-12011693484.html: Japanese notices come "システム管理者 から 配信不能".
    const raw = exchangeJapanese(
      '配信不能: hello',
      ['次の受信者またはグループへの配信に失敗しました:', '', 'user@example.net'],
      'システム管理者 <admin@example.org>',
    );
    const c = await classify(raw);
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => r.address)).toEqual(['user@example.net']);
  });
  it("a '配信不能:' notice is a bounce, its administrators' line giving the reason", async () => {
    const raw = exchangeJapanese('配信不能: hello', [
      '次の受信者またはグループへの配信に失敗しました:',
      '',
      'user@example.net',
      '',
      '管理者向けの診断情報:',
      '',
      'user@example.net',
      'mx.example.net #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
    ]);
    expect(await verdictOf(raw)).toEqual(['userunknown', 'hard']);
  });
});
