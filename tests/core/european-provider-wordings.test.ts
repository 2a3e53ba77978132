// European mailbox providers', ISPs' and hosts' refusals as their own help and postmaster pages
// publish them, each in a whole notice: Postfix's (its bounce(8) templates, the remote reply in
// "host ... said: <reply> (in reply to <command>)", or "refused to talk to me: <reply>" for a
// refusal of the greeting, smtp_proto.c) or Exim's ("SMTP error from remote mail server after
// RCPT TO:<...>:", deliver.c). A 4xx reply is reported in Postfix's delay notice, as it is
// while the message waits in the queue. Each case asserts what a user sees: the kind of the
// message, the failed address, the reason (Sisimai's names, /work/shared/corpus/README.md),
// hard or soft, the status and the reply code. The page each wording comes from is named above
// its describe; where the page leaves a part of the reply out, the comment says what was put in
// and why. None comes from a bounce collection.
//
// Candidates left out because no page of the provider's own quoting a reply could be found
// (see the branch's report): Proton Mail (its "SMTP errors" page is stored only as script
// data), Posteo, mailbox.org, Hostinger, Ziggo, KPN (its block-list help quotes a POP3 refusal
// only), Telenet, Swisscom/Bluewin (its pages name no reply; one Bluewin reply is tested as a
// Swiss host quotes it), TalkTalk, Sky, Virgin Media (beyond "Spam content found", already
// tested), Tiscali, Vodafone/Arcor, freenet, WP.pl, Onet (its page names causes, not replies),
// Centrum.cz, abv.bg, Rambler, ukr.net, Telia, Telenor; LWS and all-inkl publish their relays'
// codes or words without the reply. Free, T-Online, GMX/WEB.DE/1&1/IONOS, Orange/La Poste, SFR,
// Seznam, Interia, Yandex, Mail.ru, Aruba, Forpsi and Italiaonline are tested in the other
// wording files.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { BounceType, Reason } from '../../src/core/types.ts';
import { eximBounce, qmailBounce } from './plain-bounces.ts';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';

const RECIPIENT = 'user@example.net';

type Expected = readonly [kind: 'bounce' | 'delay', reason: Reason, bounceType: BounceType, status: string, reply: string];
type Case = readonly [name: string, notice: () => Buffer, expected: Expected];

/** Postfix's failure notice about a reply to `command` ("RCPT TO command", "end of DATA command"). */
const failed = (status: string, reply: string, command: string) =>
  postfixNotice('failed', [postfixRemote(RECIPIENT, status, reply, command)]);
/** Postfix's delay notice about a temporary reply, the message still queued. */
const delayed = (status: string, reply: string, command: string) =>
  postfixNotice('delayed', [postfixRemote(RECIPIENT, status, reply, command)]);
/** Postfix's notice about a server that refused the session at its greeting (smtp_proto.c: "refused to talk to me"). */
const refusedGreeting = (action: 'failed' | 'delayed', status: string, reply: string) =>
  postfixNotice(action, [
    {
      address: RECIPIENT,
      status,
      reason: `host mx.example.net[192.0.2.1] refused to talk to me: ${reply}`,
      diagnostic: `smtp; ${reply}`,
      remoteMta: 'mx.example.net',
    },
  ]);
/** Exim's failure notice about a reply after `after` ("RCPT TO:<user@example.net>", "MAIL FROM:<sender@example.com>"). */
const exim = (after: string, reply: string) =>
  eximBounce(['host mx.example.net [192.0.2.1]', `SMTP error from remote mail server after ${after}:`, reply]);
const AFTER_RCPT = `RCPT TO:<${RECIPIENT}>`;

function cases(list: readonly Case[]): void {
  for (const [name, notice, [kind, reason, bounceType, status, reply]] of list) {
    it(name, async () => {
      const c = await classify(notice());
      expect(c.kind).toBe(kind);
      expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode])).toEqual([
        [RECIPIENT, reason, bounceType, status, reply],
      ]);
    });
  }
}

// Interia (Poland): "Dlaczego wiadomość nie została dostarczona?"
// (https://pomoc.poczta.interia.pl/news-dlaczego-wiadomosc-nie-zostala-dostarczona,nId,6589600).
// Its other replies ("5.2.1 Mailbox not available", "Recipient doesn't want your mail", the
// SPF refusal) are tested in hard-soft-review, localised-and-ndr-wordings and own-language-wordings.
describe("Interia's unknown account", () => {
  cases([
    [
      // "The account you are trying to send an email to does not exist or has been blocked."
      '"550 5.1.1 Account not found" at RCPT TO is an unknown mailbox, hard',
      () => failed('5.1.1', '550 5.1.1 Account not found', 'RCPT TO command'),
      ['bounce', 'userunknown', 'hard', '5.1.1', '550'],
    ],
  ]);
});

// Proximus (Belgium): "Your IP address is in our blacklist"
// (https://www.proximus.be/support/en/id_sfaqs_mail_blacklist/self-employed-and-small-companies/support/internet/e-mails/problems-with-your-mailbox/your-ip-address-is-in-our-blacklist.html):
// "You can no longer send e-mails and receive the message '554 Access denied - Under
// investigation for spam abuse. Contact your email provider for more info'"; the page explains
// that Proximus put the sender on its blacklist for the spam it sent. Sisimai's `blocked` is a
// refusal of the sending host (its IP on a block list), `spamdetected` a refusal of the
// message's content: the reply judges the sender, not this message. Was `spamdetected`.
describe("Proximus's block of a sender under investigation", () => {
  cases([
    [
      '"554 Access denied - Under investigation for spam abuse" refusing the session blocks the sending host, not spam in the message',
      () =>
        refusedGreeting(
          'failed',
          '5.0.0',
          '554 Access denied - Under investigation for spam abuse. Contact your email provider for more info',
        ),
      ['bounce', 'blocked', 'soft', '5.0.0', '554'],
    ],
    [
      "the same reply to MAIL FROM in Exim's notice is still the blocked sending host, not a refused sender address",
      () =>
        exim(
          'MAIL FROM:<sender@example.com>',
          '554 Access denied - Under investigation for spam abuse. Contact your email provider for more info',
        ),
      ['bounce', 'blocked', 'soft', '5.0.0', '554'],
    ],
  ]);
});

// OVHcloud (France): "Managing the storage space for an email account" (help.ovhcloud.com;
// source https://github.com/ovh/docs, pages/web_cloud/email_and_collaborative_solutions/
// troubleshooting/email_manage_quota/guide.en-gb.md): "When a person sends you an email, they
// receive an error message ..., such as "552, 5.2.2". The email account to which you sent a
// message has exhausted its quota."" The page writes the code and status with a comma between;
// the reply puts them as SMTP does.
describe("OVHcloud's full mailbox", () => {
  cases([
    [
      '"552 5.2.2 The email account ... has exhausted its quota" is a full mailbox, soft',
      () => failed('5.2.2', '552 5.2.2 The email account to which you sent a message has exhausted its quota.', 'RCPT TO command'),
      ['bounce', 'mailboxfull', 'soft', '5.2.2', '552'],
    ],
  ]);
});

// RU-CENTER (nic.ru, Russia): "Mail — diagnostics and troubleshooting"
// (https://nic.ru/help/mail-diagnostics-and-troubleshooting_14426.html): "451 Please try another
// server ... If, after several attempts, message delivery still fails, the sender's mail server
// settings must be adjusted": a PTR record for its IP that matches its name, no words of
// dynamic addresses in it. A refusal of the connecting host (Sisimai's `blocked`), for now. Its
// "Disk quota exceeded" reply is tested in own-language-wordings.
describe("RU-CENTER's refusal of the connecting host", () => {
  cases([
    [
      '"451 Please try another server" refusing the greeting, while the message waits, blocks the sending host, no bounce type',
      () => refusedGreeting('delayed', '4.0.0', '451 Please try another server'),
      ['delay', 'blocked', 'none', '4.0.0', '451'],
    ],
    [
      'the same refusal in the final notice is the blocked sending host, soft',
      () => refusedGreeting('failed', '4.0.0', '451 Please try another server'),
      ['bounce', 'blocked', 'soft', '4.0.0', '451'],
    ],
  ]);
});

// one systems GmbH (Switzerland): "Übersicht häufig vorkommender Fehlermeldungen"
// (https://support.onesystems.ch/722126-%C3%9Cbersicht-h%C3%A4ufig-vorkommender-Fehlermeldungen).
// The page prints "554 5.7.1 : Relay access denied" and the like: the address between the
// status and the colon was dropped with its angle brackets, and is put back as Postfix's
// smtpd writes it ("<%s>: Recipient address rejected: ...", smtpd_check.c). Its "451 qq trouble
// in home directory" is left out: the page reads it as the mailbox's quota, qmail's words name
// the queue's trouble with a home directory.
describe("one systems' replies", () => {
  cases([
    [
      // "Die Empfänger-Domain wird nicht von uns verwaltet."
      '"554 5.7.1 <address>: Relay access denied" is a refused relay (a domain the server does not host)',
      () => failed('5.7.1', `554 5.7.1 <${RECIPIENT}>: Relay access denied`, 'RCPT TO command'),
      ['bounce', 'norelaying', 'soft', '5.7.1', '554'],
    ],
    [
      // "... da die Empfänger-Adresse nicht existiert."
      '"554 5.7.1 <address>: Recipient address rejected: User unknown" is an unknown mailbox despite its X.7.1, hard',
      () => failed('5.7.1', `554 5.7.1 <${RECIPIENT}>: Recipient address rejected: User unknown`, 'RCPT TO command'),
      ['bounce', 'userunknown', 'hard', '5.7.1', '554'],
    ],
    [
      // "... da Ihre Absender-Adresse eine Domain enthält ..., die nicht existiert."
      '"550 5.1.8 <sender>: Sender address rejected: Domain not found" refuses the sender, never the recipient',
      () => failed('5.1.8', '550 5.1.8 <sender@example.com>: Sender address rejected: Domain not found', 'RCPT TO command'),
      ['bounce', 'rejected', 'soft', '5.1.8', '550'],
    ],
    [
      // "... ist der Server, über den Sie Ihre Mail verschickt haben, in dieser Liste eingetragen."
      '"554 5.7.1 Service unavailable; Client host [ip] blocked using ix.dnsbl.manitu.net" blocks the sending host',
      () => failed('5.7.1', '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using ix.dnsbl.manitu.net', 'RCPT TO command'),
      ['bounce', 'blocked', 'soft', '5.7.1', '554'],
    ],
    [
      // "Der IP-Adresse des ... E-Mail-Servers ist kein oder ein falscher Domainname ... zugeordnet."
      '"450 4.7.1 Client host rejected: cannot find your hostname, [ip]" asks for the sending IP\'s PTR record, no bounce type while queued',
      () => delayed('4.7.1', '450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]', 'RCPT TO command'),
      ['delay', 'requireptr', 'none', '4.7.1', '450'],
    ],
  ]);
});

// goneo (Germany): "E-Mail Fehlermeldungen und deren Bedeutung" (https://goneo.de/hilfe/email/fehlermeldungen),
// which quotes Postfix's notice lines whole ("550 mail@example.com: Recipient address rejected:
// User unknown (in reply to RCPT TO command)"); the address is put in angle brackets as
// smtpd_check.c writes it.
describe("goneo's replies", () => {
  cases([
    [
      '"550 <address>: Recipient address rejected: User unknown" is an unknown mailbox, hard',
      () => failed('5.0.0', `550 <${RECIPIENT}>: Recipient address rejected: User unknown`, 'RCPT TO command'),
      ['bounce', 'userunknown', 'hard', '5.0.0', '550'],
    ],
    [
      // "... da die eingestellte Absender E-Mail-Adresse nicht dem Benutzer zugeordnet ist"
      '"553 <sender>: Sender address rejected: not owned by user ..." refuses the sender, never the recipient',
      () => failed('5.0.0', '553 <sender@example.com>: Sender address rejected: not owned by user customer@example.com', 'RCPT TO command'),
      ['bounce', 'rejected', 'soft', '5.0.0', '553'],
    ],
  ]);
});

// Mittwald (Germany): "Was bedeutet meine E-Mail-Fehlermeldung?"
// (https://www.mittwald.de/faq/e-mail/fehlermeldungen/was-bedeutet-meine-e-mail-fehlermeldung).
// The page gives each status and its words, not the reply code: the codes are Postfix's own
// for these refusals (postconf(5): unknown_address_reject_code and unknown_client_reject_code
// 450, access_map_defer_code 450 under which a policy service's DEFER goes out; smtpd.c's "452
// 4.5.3 Error: too many recipients"; 550 for a recipient its tables do not hold).
describe("Mittwald's replies", () => {
  cases([
    [
      // "Die Domain der Absenderadresse existiert nicht oder wird vorübergehend nicht im DNS gefunden."
      '"450 4.1.8 <sender>: Sender address rejected: Domain not found" refuses the sender, for now',
      () => delayed('4.1.8', '450 4.1.8 <sender@example.com>: Sender address rejected: Domain not found', 'RCPT TO command'),
      ['delay', 'rejected', 'none', '4.1.8', '450'],
    ],
    [
      // "Du verschickst eine E-Mail an mehr als 300 Empfänger."
      '"452 4.5.3 Error: too many recipients" is too many recipients in one transaction, not the mailbox',
      () => delayed('4.5.3', '452 4.5.3 Error: too many recipients', 'RCPT TO command'),
      ['delay', 'toomanyconn', 'none', '4.5.3', '452'],
    ],
    [
      // "Der sendende Server ist uns unbekannt ... Dies ist eine Spamschutz-Maßnahme."
      'its greylisting ("Docking request denied, first time visit, you have been greylisted") is expired, as greylisting is read',
      () =>
        delayed(
          '4.7.1',
          '450 4.7.1 Docking request denied, first time visit, you have been greylisted, try again later',
          'RCPT TO command',
        ),
      ['delay', 'expired', 'none', '4.7.1', '450'],
    ],
    [
      // "... dass ein PTR-Record des einliefernden Mail-Servers im A-Record wiederum auf dieselbe IP-Adresse verweist."
      '"450 4.7.25 Client host rejected: cannot find your hostname, [ip]" asks for the sending IP\'s PTR record',
      () => delayed('4.7.25', '450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.1]', 'RCPT TO command'),
      ['delay', 'requireptr', 'none', '4.7.25', '450'],
    ],
    [
      // "Die E-Mail-Adresse existiert nicht oder es ist ein Tippfehler vorhanden."
      '"550 5.1.1 <address>: Recipient address rejected: User unknown in virtual alias table" is an unknown mailbox, hard',
      () => failed('5.1.1', `550 5.1.1 <${RECIPIENT}>: Recipient address rejected: User unknown in virtual alias table`, 'RCPT TO command'),
      ['bounce', 'userunknown', 'hard', '5.1.1', '550'],
    ],
  ]);
});

// VDX (Netherlands): "Waarom krijg ik de melding "550 Subject contains invalid characters"?"
// (https://www.vdx.nl/faq/email/email-overige/waarom-krijg-ik-de-melding-550-subject-contains-invalid-characters):
// non-ASCII characters in the Subject not encoded as RFC 2047 asks. The message's header, as
// Sisimai's contenterror reads "improper use of 8-bit data in message header".
describe("VDX's refusal of a raw 8-bit subject", () => {
  cases([
    [
      '"550 Subject contains invalid characters" after the message is its header\'s content, soft',
      () => failed('5.0.0', '550 Subject contains invalid characters', 'end of DATA command'),
      ['bounce', 'contenterror', 'soft', '5.0.0', '550'],
    ],
  ]);
});

// cyon (Switzerland): "SMTP-Error 550" (https://www.cyon.ch/support/a/smtp-error-550), its list
// of the replies a sender may get with what each means. Its "550 SPF" and "550 Reverse DNS" are
// headings, not replies, and its "550 5.1.0 Adress Rejected" (read there as the sender being
// refused) and "550 Administrative Prohibition" are left out: their words name no cause.
describe("cyon's list of 550 replies", () => {
  cases([
    [
      // "Die zulässige Grösse der Nachricht wurde überschritten." Was securityerror (its X.7.0).
      '"550 5.7.0 Message Size Violation" is a message over the size limit, not a security refusal',
      () => failed('5.7.0', '550 5.7.0 Message Size Violation', 'end of DATA command'),
      ['bounce', 'mesgtoobig', 'soft', '5.7.0', '550'],
    ],
    [
      // "Die Nachricht wurde als Spam markiert und nicht zugestellt"
      '"550 Quarantined/Spam" is spam in the message',
      () => failed('5.0.0', '550 Quarantined/Spam', 'end of DATA command'),
      ['bounce', 'spamdetected', 'soft', '5.0.0', '550'],
    ],
    [
      // "... dass die gesuchte E-Mail-Adresse auf dem Server nicht existiert."
      '"550 5.1.1 no such user" is an unknown mailbox, hard',
      () => exim(AFTER_RCPT, '550 5.1.1 no such user'),
      ['bounce', 'userunknown', 'hard', '5.1.1', '550'],
    ],
    [
      // "... dass der Empfangsserver den Versand vom Versandserver nicht akzeptiert."
      '"550 Relay Not Permitted" is a refused relay',
      () => exim(AFTER_RCPT, '550 Relay Not Permitted'),
      ['bounce', 'norelaying', 'soft', '5.0.0', '550'],
    ],
  ]);
});

// Kreativmedia (Switzerland): "Que signifie l'erreur "554 5.7.1 Service unavailable; Client host
// ... blocked using …" ?" (https://help.kreativmedia.ch/fr/erreur-554-blocked): "Votre adresse
// IP ou l'adresse IP de notre serveur apparaît sur une liste noire (DNSBL / RBL)."
describe("Kreativmedia's DNS block list refusal", () => {
  cases([
    [
      '"554 5.7.1 Service unavailable; Client host [ip] blocked using dnsbl.sorbs.net" in Exim\'s notice blocks the sending host',
      () => exim(AFTER_RCPT, '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using dnsbl.sorbs.net'),
      ['bounce', 'blocked', 'soft', '5.7.1', '554'],
    ],
  ]);
});

// STRATO (Germany): "Why are my emails not being delivered?"
// (https://www.strato-hosting.co.uk/faq/product/why-are-my-emails-not-being-delivered): "550
// Forbidden domain 'xxx' in Envelope-From (B-EFROM-STRATO) | An attempt is made to send an e-mail
// using a domain in Envelope From ... that belongs to STRATO GmbH." The envelope sender is
// refused (Sisimai's `rejected`); the page does not say which command it answers. At RCPT TO it
// was `onhold`. STRATO's other replies are tested in published-wordings and the other files.
describe("STRATO's refusal of its own domain in the envelope sender", () => {
  cases([
    [
      '"550 Forbidden domain \'...\' in Envelope-From (B-EFROM-STRATO)" at RCPT TO refuses the sender, never the recipient',
      () => failed('5.0.0', "550 Forbidden domain 'example.com' in Envelope-From (B-EFROM-STRATO)", 'RCPT TO command'),
      ['bounce', 'rejected', 'soft', '5.0.0', '550'],
    ],
    [
      'the same reply to MAIL FROM refuses the sender',
      () => failed('5.0.0', "550 Forbidden domain 'example.com' in Envelope-From (B-EFROM-STRATO)", 'MAIL FROM command'),
      ['bounce', 'rejected', 'soft', '5.0.0', '550'],
    ],
  ]);
});

// Swisscom's Bluewin as a Swiss host quotes it (MvA, "SPF hard fail",
// https://www.mva.ch/support/firstaid/mail-spam/spf-fail/): a forwarded message refused by
// Bluewin's MX after the data, "Remote host said: 554 5.2.0 sc971: SPF hard fail", in qmail's
// notice. Not a page of Swisscom's own (none quoting a reply was found); the reply is Bluewin's
// wire text as the host copied it. The sender domain's SPF record failed: Sisimai's
// `authfailure`, whatever its X.2.0 says.
describe("Bluewin's SPF refusal, as a Swiss host quotes it", () => {
  it('"554 5.2.0 sc971: SPF hard fail" after the data in qmail\'s notice is the sender domain\'s SPF failing, soft', async () => {
    const c = await classify(
      qmailBounce(['192.0.2.1 failed after I sent the message.', 'Remote host said: 554 5.2.0 sc971: SPF hard fail']),
    );
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode])).toEqual([
      [RECIPIENT, 'authfailure', 'soft', '5.2.0', '554'],
    ]);
  });
});

// Ghent University (Belgium), its mail service's FAQ "Waarom wordt mijn mail niet
// verstuurd/niet afgeleverd bij de geadresseerde?" (https://helpdesk.ugent.be/email/faq.php):
// the replies of its outgoing relay. A university's mail service, not an ISP; the only Belgian
// mail operator besides Proximus whose page quotes its replies. The page gives "4.5.1. Too many
// recipients for this message" and "5.7.1 Please don't forward us spam" without their reply
// codes: 452 (RFC 5321 4.5.3.1.10, too many recipients) and 550 are put in. Its "550 5.6.0 ***
// A suspicious file (executable code) was found in the message !" is left out: rebound reads
// the X.6.0 as contenterror, Sisimai's policyviolation (a refused attachment type) would fit as
// well, and the page does not settle it.
describe("Ghent University's relay", () => {
  cases([
    [
      // "U maakte teveel connecties binnen de laatste 10 minuten." Was expired (its words read as none).
      '"421 4.5.1. Connection Rate - See ..." while the message waits is too many connections, not an expiry',
      () => delayed('4.5.1', '421 4.5.1. Connection Rate - See https://helpdesk.ugent.be/email/', 'MAIL FROM command'),
      ['delay', 'toomanyconn', 'none', '4.5.1', '421'],
    ],
    [
      // Was syntaxerror (the X.5.1 read by itself).
      'the same reply in the final notice is too many connections, soft',
      () => failed('4.5.1', '421 4.5.1. Connection Rate - See https://helpdesk.ugent.be/email/', 'MAIL FROM command'),
      ['bounce', 'toomanyconn', 'soft', '4.5.1', '421'],
    ],
    [
      // "U gaf te veel ontvangers op voor dit bericht"
      '"452 4.5.1. Too many recipients for this message" is too many recipients, not the mailbox',
      () => delayed('4.5.1', '452 4.5.1. Too many recipients for this message', 'RCPT TO command'),
      ['delay', 'toomanyconn', 'none', '4.5.1', '452'],
    ],
    [
      // A message forwarded with "[SPAM]" already in its subject.
      '"550 5.7.1 Please don\'t forward us spam" is spam in the message',
      () => failed('5.7.1', "550 5.7.1 Please don't forward us spam", 'end of DATA command'),
      ['bounce', 'spamdetected', 'soft', '5.7.1', '550'],
    ],
    [
      // "Mail geweigerd" - "Mail rejected" (Blacklisting)
      '"550 SC-004 Mail rejected" (its block list) blocks the sending host',
      () => failed('5.0.0', '550 SC-004 Mail rejected', 'MAIL FROM command'),
      ['bounce', 'blocked', 'soft', '5.0.0', '550'],
    ],
  ]);
});

// One Postfix notice about two recipients at two of these providers, each with its own reply
// (OVHcloud's full mailbox, Interia's unknown account): each address keeps its own answer.
describe('two providers in one notice', () => {
  it("OVHcloud's full mailbox and Interia's unknown account are read each for its own address", async () => {
    const c = await classify(
      postfixNotice('failed', [
        postfixRemote(
          'full@example.net',
          '5.2.2',
          '552 5.2.2 The email account to which you sent a message has exhausted its quota.',
          'RCPT TO command',
          'mx1.example.net[192.0.2.1]',
        ),
        postfixRemote('gone@example.org', '5.1.1', '550 5.1.1 Account not found', 'RCPT TO command', 'mx.example.org[192.0.2.2]'),
      ]),
    );
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode])).toEqual([
      ['full@example.net', 'mailboxfull', 'soft', '5.2.2', '552'],
      ['gone@example.org', 'userunknown', 'hard', '5.1.1', '550'],
    ]);
  });
});
