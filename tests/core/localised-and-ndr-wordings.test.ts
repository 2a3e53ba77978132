// Wordings the earlier passes did not reach: servers that answer in other languages (Japanese,
// Chinese, German, ...), providers outside the English-speaking world that answer in English
// with words of their own (Korean portals, Seznam, Interia), and the codes of Microsoft's
// Exchange Online NDR reference and Gmail's SMTP error reference. Each wording was read on the
// provider's page or a page quoting its server, named above its test; none comes from a bounce
// collection. One test per wording, named after what a user should see.
import { describe, expect, it } from 'vitest';
import { eximBounce } from './plain-bounces.ts';
import { reported, reportedInReplyTo, verdictOf, wordingTests } from './wording-cases.ts';

const atRcpt = reportedInReplyTo('RCPT TO command');

/**
 * A reply in a language other than English, as Exim quotes it in its plain-text notice (UTF-8,
 * no delivery-status part): the reader passes such a text through unchanged, so the test is
 * about the words alone.
 */
const eximAtRcpt = (reply: string) => eximBounce(['SMTP error from remote mail server after RCPT TO:<user@example.net>:', reply]);

/**
 * Exim's notice as a MIME text part in the given charset, the reply's words given as bytes in
 * that charset; base64 transfer-encoded when asked, 7bit otherwise.
 */
function eximInCharset(charset: string, transferEncoding: '7bit' | 'base64', replyBytes: Buffer): Buffer {
  const headers = [
    'From: Mail Delivery System <Mailer-Daemon@mx.example.org>',
    'To: sender@example.com',
    'Subject: Mail delivery failed: returning message to sender',
    'X-Failed-Recipients: user@example.net',
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${charset}`,
    `Content-Transfer-Encoding: ${transferEncoding}`,
    '',
    '',
  ].join('\n');
  const before = [
    'A message that you sent could not be delivered to one or more of its',
    'recipients. This is a permanent error. The following address(es) failed:',
    '',
    '  user@example.net',
    '    SMTP error from remote mail server after RCPT TO:<user@example.net>:',
    '    550 ',
  ].join('\n');
  const after = [
    '',
    '',
    '------ This is a copy of the message, including all the headers. ------',
    '',
    'From: sender@example.com',
    'To: user@example.net',
    'Subject: hello',
    '',
    'hello',
    '',
  ].join('\n');
  const body = Buffer.concat([Buffer.from(before), replyBytes, Buffer.from(after)]);
  const encoded = transferEncoding === 'base64' ? Buffer.from(body.toString('base64').replace(/.{76}/g, '$&\n') + '\n') : body;
  return Buffer.concat([Buffer.from(headers), encoded]);
}

// Japanese servers and carriers. NTT docomo, au (KDDI) and SoftBank answer in English
// ("550 Unknown user", "550 : User unknown", "550 Invalid recipient: <...>", "552 Too much mail
// data"; note.com/sendmagic's pages on each carrier's codes): those were already read right.
// The Japanese texts are Exchange's localised NDR and DTI's bilingual notice.
describe('Japanese server texts', () => {
  wordingTests([
    [
      // learn.microsoft.com/ja-jp: "554 5.2.2 メールボックスがいっぱい" sending to a mail-enabled public folder.
      "Exchange's Japanese 'mailbox full' is mailboxfull even with no status code",
      () => reported('5.0.0', '554 メールボックスがいっぱい'),
      ['mailboxfull', 'soft'],
    ],
    [
      // DTI (dream.jp) "Mail System Error - Returned Mail": "<address> のユーザーは登録されていません".
      "DTI's Japanese 'the user is not registered' at RCPT TO is an unknown user",
      () => eximAtRcpt('550 <user@example.net> のユーザーは登録されていません'),
      ['userunknown', 'hard'],
    ],
    [
      // Domino's Japanese router text: 'not found in the Domino Directory' (HCL's Japanese term).
      "Domino's Japanese 'not found in the Domino Directory' is an unknown user",
      () => eximAtRcpt('ユーザー jane は Domino ディレクトリには見つかりません'),
      ['userunknown', 'hard'],
    ],
  ]);

  it('reads a Japanese reply in an ISO-2022-JP encoded notice', async () => {
    // "メールボックスがいっぱい" in ISO-2022-JP (JIS X 0208 between ESC $ B and ESC ( B).
    const jis = Buffer.from('1b24422561213c256b255c2543252f2539242c24242443245124241b2842', 'hex');
    expect(await verdictOf(eximInCharset('ISO-2022-JP', '7bit', jis))).toEqual(['mailboxfull', 'soft']);
  });

  it('reads a Japanese reply in a Shift_JIS encoded notice, base64 transfer-encoded', async () => {
    // "ユーザーは登録されていません" (the user is not registered) in Shift_JIS.
    const sjis = Buffer.from('8386815b8355815b82cd936f985e82b382ea82c482a282dc82b982f1', 'hex');
    expect(await verdictOf(eximInCharset('Shift_JIS', 'base64', sjis))).toEqual(['userunknown', 'hard']);
  });
});

// Chinese servers: QQ Mail's help page on bounces (qqmailbox.com/transceivers/169.html) lists
// the Chinese texts its bounces carry.
describe('Chinese server texts', () => {
  wordingTests([
    [
      "QQ Mail's 'this user does not exist' at RCPT TO is an unknown user",
      () => atRcpt('5.0.0', '550 该用户不存在'),
      ['userunknown', 'hard'],
    ],
    [
      "QQ Mail's 'this user has no QQ Mail box' at RCPT TO is an unknown user",
      () => atRcpt('5.0.0', '550 该用户未开通QQ邮箱'),
      ['userunknown', 'hard'],
    ],
    ["QQ Mail's 'the recipient's space is not enough' is a full mailbox", () => eximAtRcpt('552 收件人空间不足'), ['mailboxfull', 'soft']],
    [
      "a Chinese 'user does not exist' after end of DATA is the recipient's filter, as in English",
      () => reported('5.0.0', '550 该用户不存在 (in reply to end of DATA command)'),
      ['filtered', 'soft'],
    ],
  ]);
});

// German and other European servers: the replies sitepackage.de lists for German providers
// ("Typische Fehlermeldungen bei Unzustellbarkeit"), bytecamp.net's FAQ, Seznam's and Interia's help pages.
describe('German and other European server texts', () => {
  wordingTests([
    [
      "WEB.DE's German 'Benutzer nicht bekannt' at RCPT TO is an unknown user",
      () => atRcpt('5.0.0', '550 Benutzer nicht bekannt'),
      ['userunknown', 'hard'],
    ],
    [
      "a German 'Benutzer unbekannt' after end of DATA is the recipient's filter, as in English",
      () => reported('5.0.0', '550 Benutzer unbekannt (in reply to end of DATA command)'),
      ['filtered', 'soft'],
    ],
    [
      "a German host's 'Speicherplatz des Kontos ueberschritten' is a full mailbox",
      () => reported('5.0.0', '550 Speicherplatz des Kontos ueberschritten'),
      ['mailboxfull', 'soft'],
    ],
    [
      // napoveda.seznam.cz/uzivatel-neexistuje
      "Seznam's 'User hasn't got the service mapped' is an unknown user with no status code",
      () => reported('5.0.0', "550 szn; User hasn't got the service mapped"),
      ['userunknown', 'hard'],
    ],
    [
      // pomoc.poczta.interia.pl, "Dlaczego wiadomość nie została dostarczona?"
      "Interia's 'Recipient doesn't want your mail' is the recipient's own block, not security",
      () => reported('5.7.1', "550 5.7.1 Recipient doesn't want your mail"),
      ['filtered', 'soft'],
    ],
  ]);
});

// Korean portals' replies as Korean administrators' pages list them (puffinknight.tistory.com
// /102, blog.jinbo.net/007/archive/20051107).
describe("Korean portals' replies", () => {
  wordingTests([
    [
      "a refusal by the user's own reject list is filtered, not a spam verdict",
      () => reported('5.0.0', "550 You are registered as spammer (by user's reject list)"),
      ['filtered', 'soft'],
    ],
    [
      "an 'Inactive mbox' is a suspended mailbox although the code is 5.1.1",
      () => reported('5.1.1', '550 5.1.1 Inactive mbox'),
      ['suspend', 'soft'],
    ],
    [
      "a sending IP filtered until it is registered is blocked, not the recipient's filter",
      () =>
        reported(
          '4.3.2',
          '421 4.3.2 Your IP(192.0.2.1) is filtered and this connection will be closed. You must register your IP to postmaster@example.net',
        ),
      ['blocked', 'soft'],
    ],
    [
      // oliveit.tistory.com/39, Daum's return-mail types.
      "Daum's CCRT 'Connection refused. Server is busy(RT)' is the sending IP held as spam, not a failed connection",
      () => reported('4.4.5', '421 4.4.5 CCRT 192.0.2.1: Connection refused. Server is busy(RT)'),
      ['blocked', 'soft'],
    ],
    [
      "'Since you sent too many e-mails, you are not allowed to send more' is the sender's pace, not the recipient's refusal",
      () =>
        reported(
          '5.7.1',
          '550 5.7.1 <user@example.net>... Error.your access was denied.? Since you sent too many e-mails,you are not allowed to send more e-mails within 24 hours.',
        ),
      ['speeding', 'soft'],
    ],
    ["'Relay operation rejected' is a relay refusal", () => reported('5.0.0', '554 Relay operation rejected'), ['norelaying', 'soft']],
    [
      "'You send too many messages' is the sender's pace, not a full system",
      () => reported('4.3.1', '421 4.3.1 You send too many messages.'),
      ['speeding', 'soft'],
    ],
  ]);
});

// Exchange Online's NDR table ("Email non-delivery reports and SMTP errors in Exchange Online",
// learn.microsoft.com): the delivery restrictions that take mail only from authenticated
// (internal) senders, beside 5.7.133 and 5.7.134 which were read right already.
describe("Exchange Online's restrictions to authenticated senders", () => {
  wordingTests([
    [
      "5.7.13 'Sender was not authenticated for public folder' is SMTP authentication, not SPF or DKIM",
      () => reported('5.7.13', '550 5.7.13 Sender was not authenticated for public folder'),
      ['securityerror', 'soft'],
    ],
    [
      "5.7.135 with its resolver token is the public folder's restriction to authenticated senders",
      () =>
        reported(
          '5.7.135',
          '550 5.7.135 RESOLVER.RST.SenderNotAuthenticatedForPublicFolder; Sender was not authenticated for public folder',
        ),
      ['securityerror', 'soft'],
    ],
    [
      "5.7.136 'Sender was not authenticated' is a mail user's restriction to authenticated senders",
      () => reported('5.7.136', '550 5.7.136 RESOLVER.RST.SenderNotAuthenticated; Sender was not authenticated'),
      ['securityerror', 'soft'],
    ],
  ]);
});

// Aruba's certified-mail (PEC) service, as its guide lists the errors (guide.pec.it,
// "Risoluzione agli errori comuni nell'invio e nella ricezione della PEC").
describe("Aruba PEC's Italian replies", () => {
  wordingTests([
    [
      "a PEC box 'not enabled to receive non-certified mail' is the recipient's setting, not an unknown user",
      () =>
        reported(
          '5.0.0',
          '554 <user@example.net>: Messaggio rifiutato dal sistema. Indirizzo destinatario sconosciuto o non abilitato alla ricezione di posta non certificata',
        ),
      ['filtered', 'soft'],
    ],
    [
      "Aruba's 'IP address blocked for now on suspected abuse' is the sending host, blocked",
      () => reported('4.0.0', '421 Indirizzo IP bloccato temporaneamente per sospetto abuso'),
      ['blocked', 'soft'],
    ],
  ]);
});

// Alibaba Mail's (Aliyun's) replies as its help page on bounces lists them (Aliyun document
// 36612), and a Chinese host's list of bounce keywords (fobhost.com).
describe("Alibaba Mail's and Chinese hosts' replies", () => {
  wordingTests([
    [
      "Alibaba Mail's 'Mailfrom account is a local account' refuses the sender, not a syntax error",
      () => reported('5.0.0', '502 Mailfrom account is a local account (in reply to MAIL FROM command)'),
      ['rejected', 'soft'],
    ],
    [
      "Alibaba Mail's 'Rcptto account isn't a local account' is an unknown user, not a syntax error",
      () => reported('5.0.0', "503 Rcptto account isn't a local account (in reply to RCPT TO command)"),
      ['userunknown', 'hard'],
    ],
    [
      "Alibaba Mail's 'number of RCPT attempts is achieved the maximum threshold' is the sender's pace",
      () => reported('5.0.0', '504 the number of RCPT attempts is achieved the maximum threshold (in reply to RCPT TO command)'),
      ['speeding', 'soft'],
    ],
    [
      "Alibaba Mail's 'total of RCPTs is achieved the maximum threshold' is the sender's pace",
      () => reported('5.0.0', '505 the total of RCPTs is achieved the maximum threshold (in reply to RCPT TO command)'),
      ['speeding', 'soft'],
    ],
    [
      "Alibaba Mail's 'length of DATA content is achieved the maximum threshold' is a message too big",
      () => reported('5.0.0', '510 The length of DATA content is achieved the maximum threshold (in reply to end of DATA command)'),
      ['mesgtoobig', 'soft'],
    ],
    [
      "Alibaba Mail's 'length of Attach is achieved the maximum threshold' is a message too big",
      () => reported('5.0.0', '510 The length of Attach is achieved the maximum threshold (in reply to end of DATA command)'),
      ['mesgtoobig', 'soft'],
    ],
    [
      "Alibaba Mail's limit on the number of attachments is the receiving service's policy",
      () => reported('5.0.0', '510 The number of attachments is achieved the maximum threshold (in reply to end of DATA command)'),
      ['policyviolation', 'soft'],
    ],
    [
      "'User <address> is disabled' is a suspended account",
      () => reported('5.0.0', '550 User user@example.net is disabled'),
      ['suspend', 'soft'],
    ],
    ["'remote ip is forbidden' is the sending host, blocked", () => reported('5.0.0', '554 remote ip is forbidden'), ['blocked', 'soft']],
  ]);
});
