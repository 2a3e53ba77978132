// Notices and replies of mail providers and hosts in Italy, Spain, Latin America and East Asia
// that the earlier sweeps did not cover, each as the provider's or host's own documentation
// gives it, in a whole notice. What a user sees is asserted: the kind, every failed address,
// the reason (Sisimai's names), hard or soft, the status and the reply code. No case comes from
// a bounce collection; every address, host and identifier is made up.
//
// Sources read:
//   Italian certified mail (PEC): the regole tecniche of DM 2 November 2005 (CNIPA's allegato
//     "Regole tecniche del servizio di trasmissione di documenti informatici mediante posta
//     elettronica certificata", its table of contents at docplayer.it/10982347: "Avviso di
//     mancata consegna", "Avviso di mancata consegna per superamento dei tempi massimi
//     previsti", "Dati di certificazione", "Schema dei dati di certificazione"), as the PEC
//     clients that read them implement the format: the header fields "X-Ricevuta:
//     errore-consegna" / "preavviso-errore-consegna" / "accettazione" / "avvenuta-consegna" and
//     "X-Riferimento-Message-ID", the subjects "AVVISO DI MANCATA CONSEGNA: <subject>",
//     "AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: <subject>", "ACCETTAZIONE: ...",
//     "CONSEGNA: ...", the sender posta-certificata@<provider>, and daticert.xml's
//     <postacert tipo=... errore=...>, <intestazione> (mittente, destinatari tipo="certificato",
//     risposte, oggetto), <dati> (gestore-emittente, data zona=, identificativo, msgid,
//     consegna, errore-esteso) (docs.rs/crate/postacert 0.1.0 src/certification.rs and
//     src/kind.rs; pagopa/pn-ec's Postacert handling of "errore-consegna",
//     "preavviso-errore-consegna" and Aruba's "5.4.1" errore-esteso); AgID's "Note integrative
//     alle Regole Tecniche", nota 12 (05/10/2015, compulsory from 01/04/2016: the events that
//     make an avviso di mancata consegna, recipient or mailbox not existing or revoked, mailbox
//     disabled or not accepting mail, mailbox full, to be coded in the text and in daticert.xml;
//     the field is written "<status> - <provider> - <description>", "5.1.1 - ... - indirizzo
//     non valido"); Namirial's help "Riscontro l'errore 'Avviso di mancata consegna', a cosa è
//     dovuto?" (servicedesk.namirial.com/hc/it/articles/4418366332177: recipient not valid,
//     mailbox blocked, mailbox full, maximum time passed, a warning at 12 hours and the notice
//     at 24); Aruba's PEC guide (guide.pec.it, "Processo di invio e ricezione": "Casella del
//     destinatario piena: riceverai una notifica di mancata consegna"). The notice's text part
//     follows the regole tecniche's receipts ("Il giorno <data> alle ore <ora> (<zona>) nel
//     messaggio "<oggetto>" proveniente da "<mittente>" ed indirizzato a ..."); its exact
//     sentence for a failure could not be read here, so no answer rests on it: rebound reads
//     the failed recipient and the error from daticert.xml. The S/MIME signature is a stub.
//     The mapping of nota 12's "casella piena" to 5.2.2 is RFC 3463's code for a full mailbox.
//     The envelopes: "X-Trasporto: posta-certificata" around certified mail and "X-Trasporto:
//     errore" (subject "ANOMALIA MESSAGGIO: <subject>") around mail from outside PEC, the
//     message attached whole as postacert.eml (Aruba's "FAQ: gestione e utilizzo",
//     guide.pec.it: "Il messaggio di 'Anomalia' indica che l'email ricevuta non proviene da una
//     casella PEC certificata"; SupportHost's "Anomalia Messaggio: Undelivered Mail Returned to
//     Sender", supporthost.com/it/?p=59525: a PEC box's mail bounced by an ordinary server).
//   DominioAbsoluto (Spain), postmaster.dominioabsoluto.com/checks.html: "553 Blocked by
//     antispam reputation list: Listed XXX.XXX.XXX.XXX", "553 sorry, your mail was
//     administratvely denied. (#5.7.1)" (its internal list of sending domains; the
//     misspelling is the page's).
//   ProLinux E-Mail Server (Uruguay), pl.com.uy "Cómo interpretar los rebotes del servidor
//     ProLinux E-Mail Server": "Recipient address rejected: Address locked or deactivated",
//     "553 sorry, your HELO host name has been denied", "Requested action not taken: address
//     blocked". Where the page gives the words without a code, the code is Postfix's default
//     for an access-map REJECT (access_map_reject_code = 554, "5.7.1"), said at each case.
//   Eomática (Galicia), eomatica.gal "Erros frecuentes nos envíos de email": "421 Your address
//     has been graylisted. Try again later." (greylisting; its server keeps trying).
//   Wanxiang Hulian (万象互联, a Chinese enterprise-mail host), 163ns.com.cn/mail/MailFAQ.htm:
//     its reply-code table ("554 HL:IPB 该IP不在万象互联允许的发送地址列表里", "450 HL:MEP 该IP
//     发送行为异常,被临时禁止连接").
//   SZHot (深圳热线, a Chinese ISP), help.szhot.com/text_show.php?id=170: 21CN's "550 is now
//     disabled with SMTP service" for a disabled account ("此用户被禁用或者不可以使用").
//
// Left out: Brazilian providers and hosts (UOL/BOL, Terra, Locaweb, KingHost, HostGator Brasil,
// Hostinger pt-BR), Telmex/Prodigy, Fibertel, Movistar/Telefónica, Arsys, IONOS es, Nominalia,
// Raiola, Dinahosting, SAPO and MEO, Register.it, TIM and Fastweb, Sina, Sohu, Rediffmail and
// Nate: no page of their own quoting their servers' replies could be found (UOL's postmaster
// page states policies without replies; Nate's notice says mail to a dormant account is
// returned without its words; the Portuguese, Spanish and Brazilian pages found are generic
// lists of other servers' English replies). Aruba PEC's "554 ... non abilitato alla ricezione di
// posta non certificata" is tested in localised-and-ndr-wordings.test.ts; Alibaba Mail, Tencent,
// NetEase, Coremail, Naver and Daum in their own files.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { postfixNotice, postfixRemote } from './postfix-notice.ts';
import { type RecipientVerdict, verdictCases } from './recipient-verdicts.ts';

const RECIPIENT = 'user@example.net';

/** Postfix's failure notice about a reply to `command`. */
const failed = (status: string, reply: string, command: string) =>
  postfixNotice('failed', [postfixRemote(RECIPIENT, status, reply, command)]);
/** Postfix's delay notice about a temporary reply, the message still queued. */
const delayed = (status: string, reply: string, command: string) =>
  postfixNotice('delayed', [postfixRemote(RECIPIENT, status, reply, command)]);
/** Postfix's notice about a server that refused the session at its greeting (smtp_proto.c). */
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

const one = (reason: string, bounceType: string, status: string, reply: string): RecipientVerdict[] => [
  [RECIPIENT, reason, bounceType, status, reply],
];

// ---------------------------------------------------------------------------------------------
// Italian certified mail (PEC)

const SENDER = 'sender@pec.example.com';
const PEC_TO = 'user@pec.example.net';
const PEC_OTHER = 'other@pec.example.org';

interface PecNotice {
  /** X-Ricevuta. */
  receipt: string;
  subject: string;
  text: readonly string[];
  /** daticert.xml's tipo and errore. */
  tipo: string;
  errore: string;
  destinatari: readonly string[];
  consegna?: string;
  erroreEsteso?: string;
}

/** A PEC provider's signed notice: text, daticert.xml, signature (the regole tecniche's layout). */
function pecMessage(n: PecNotice): Buffer {
  const daticert = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE postacert SYSTEM "Postacert.dtd">',
    `<postacert tipo="${n.tipo}" errore="${n.errore}">`,
    '  <intestazione>',
    `    <mittente>${SENDER}</mittente>`,
    ...n.destinatari.map((d) => `    <destinatari tipo="certificato">${d}</destinatari>`),
    `    <risposte>${SENDER}</risposte>`,
    '    <oggetto>Fattura n. 17</oggetto>',
    '  </intestazione>',
    '  <dati>',
    '    <gestore-emittente>Example PEC S.p.A.</gestore-emittente>',
    '    <data zona="+0100">',
    '      <giorno>02/12/2026</giorno>',
    '      <ora>10:15:03</ora>',
    '    </data>',
    '    <identificativo>opec21001.20261202101000.1111.2.1.1@pec.example.com</identificativo>',
    '    <msgid>&lt;fattura.17@pec.example.com&gt;</msgid>',
    ...(n.consegna ? [`    <consegna>${n.consegna}</consegna>`] : []),
    ...(n.erroreEsteso ? [`    <errore-esteso>${n.erroreEsteso}</errore-esteso>`] : []),
    '  </dati>',
    '</postacert>',
  ];
  return Buffer.from(
    [
      'Return-Path: <posta-certificata@pec.example.net>',
      'Received: from smtps.pec.example.net (smtps.pec.example.net [192.0.2.10])',
      '\tby mx.pec.example.com; Wed, 02 Dec 2026 10:15:04 +0100',
      `X-Ricevuta: ${n.receipt}`,
      'X-Riferimento-Message-ID: <fattura.17@pec.example.com>',
      'Date: Wed, 02 Dec 2026 10:15:03 +0100',
      `Subject: ${n.subject}`,
      'From: posta-certificata@pec.example.net',
      `To: ${SENDER}`,
      'Message-ID: <opec21001.20261202101503.1234.5.1.1@pec.example.net>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/signed; protocol="application/x-pkcs7-signature"; micalg=sha-256; boundary="----SIG"',
      '',
      '------SIG',
      'Content-Type: multipart/mixed; boundary="----MIX"',
      '',
      '------MIX',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      ...n.text,
      '',
      '------MIX',
      'Content-Type: application/xml; name="daticert.xml"',
      'Content-Disposition: inline; filename="daticert.xml"',
      'Content-Transfer-Encoding: 8bit',
      '',
      ...daticert,
      '',
      '------MIX--',
      '',
      '------SIG',
      'Content-Type: application/x-pkcs7-signature; name="smime.p7s"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="smime.p7s"',
      '',
      'MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCAMIIF',
      '------SIG--',
      '',
    ].join('\n'),
    'utf8',
  );
}

/** The text of a notice of non-delivery ("Errore di consegna"), its error as daticert.xml has it. */
const failureText = (to: string, error: string): string[] => [
  'Errore di consegna',
  '',
  'Il giorno 02/12/2026 alle ore 10:15:03 (+0100) nel messaggio',
  `"Fattura n. 17" proveniente da "${SENDER}"`,
  `ed indirizzato a "${to}"`,
  `è stato rilevato un errore: ${error}.`,
  'Il messaggio non è stato consegnato.',
  'Identificativo messaggio: opec21001.20261202101000.1111.2.1.1@pec.example.com',
];

/** The text of a notice about the maximum time. */
const timeLimitText = (to: string, hours: number): string[] => [
  'Avviso di mancata consegna',
  '',
  'Il giorno 02/12/2026 alle ore 22:15:03 (+0100) nel messaggio',
  `"Fattura n. 17" proveniente da "${SENDER}"`,
  `ed indirizzato a "${to}"`,
  `non è pervenuta la ricevuta di avvenuta consegna entro ${hours} ore.`,
  'Identificativo messaggio: opec21001.20261202101000.1111.2.1.1@pec.example.com',
];

/**
 * A PEC provider's envelope (X-Trasporto) around the message it delivers, attached whole as
 * postacert.eml: a transport envelope ("posta-certificata") or an anomaly envelope ("errore",
 * mail from outside PEC).
 */
function pecEnvelope(
  transport: 'posta-certificata' | 'errore',
  subject: string,
  from: string,
  text: readonly string[],
  carried: Buffer,
): Buffer {
  return Buffer.concat([
    Buffer.from(
      [
        `X-Trasporto: ${transport}`,
        'Date: Wed, 02 Dec 2026 10:15:03 +0100',
        `Subject: ${subject}`,
        `From: "Per conto di: ${from}" <posta-certificata@pec.example.com>`,
        `Reply-To: ${from}`,
        `To: ${SENDER}`,
        'Message-ID: <opec21001.20261202101503.2222.3.1.1@pec.example.com>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/signed; protocol="application/x-pkcs7-signature"; micalg=sha-256; boundary="----SIG"',
        '',
        '------SIG',
        'Content-Type: multipart/mixed; boundary="----MIX"',
        '',
        '------MIX',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        ...text,
        '',
        '------MIX',
        'Content-Type: message/rfc822; name="postacert.eml"',
        'Content-Disposition: inline; filename="postacert.eml"',
        '',
        '',
      ].join('\n'),
      'utf8',
    ),
    carried,
    Buffer.from(
      [
        '',
        '------MIX--',
        '',
        '------SIG',
        'Content-Type: application/x-pkcs7-signature; name="smime.p7s"',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="smime.p7s"',
        '',
        'MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCAMIIF',
        '------SIG--',
        '',
      ].join('\n'),
      'utf8',
    ),
  ]);
}

const invalidAddress = '5.1.1 - Example PEC S.p.A. - indirizzo non valido';
const fullMailbox = '5.2.2 - Example PEC S.p.A. - casella piena';

describe("an Italian certified-mail (PEC) provider's notice of non-delivery", () => {
  verdictCases([
    {
      // nota 12's "utente inesistente / casella inesistente / casella non valida", Namirial's
      // "Indirizzo non valido".
      title: 'an "avviso di mancata consegna" for an address that does not exist names the recipient, unknown, hard',
      raw: () =>
        pecMessage({
          receipt: 'errore-consegna',
          subject: 'AVVISO DI MANCATA CONSEGNA: Fattura n. 17',
          text: failureText(PEC_TO, invalidAddress),
          tipo: 'errore-consegna',
          errore: 'no-dest',
          destinatari: [PEC_TO],
          consegna: PEC_TO,
          erroreEsteso: invalidAddress,
        }),
      kind: 'bounce',
      recipients: [[PEC_TO, 'userunknown', 'hard', '5.1.1', '']],
    },
    {
      title: 'an "avviso di mancata consegna" for a full mailbox is a full mailbox, soft',
      raw: () =>
        pecMessage({
          receipt: 'errore-consegna',
          subject: 'AVVISO DI MANCATA CONSEGNA: Fattura n. 17',
          text: failureText(PEC_TO, fullMailbox),
          tipo: 'errore-consegna',
          errore: 'altro',
          destinatari: [PEC_TO],
          consegna: PEC_TO,
          erroreEsteso: fullMailbox,
        }),
      kind: 'bounce',
      recipients: [[PEC_TO, 'mailboxfull', 'soft', '5.2.2', '']],
    },
    {
      // A notice is written per recipient: <destinatari> lists everyone the message was for,
      // <consegna> the one this notice is about.
      title: 'a notice about one of two recipients names only the one in <consegna>, never the other',
      raw: () =>
        pecMessage({
          receipt: 'errore-consegna',
          subject: 'AVVISO DI MANCATA CONSEGNA: Fattura n. 17',
          text: failureText(PEC_OTHER, invalidAddress),
          tipo: 'errore-consegna',
          errore: 'no-dest',
          destinatari: [PEC_TO, PEC_OTHER],
          consegna: PEC_OTHER,
          erroreEsteso: invalidAddress,
        }),
      kind: 'bounce',
      recipients: [[PEC_OTHER, 'userunknown', 'hard', '5.1.1', '']],
    },
    {
      // Twelve hours without the recipient's provider taking the message: a warning, the
      // message may still be delivered.
      title: 'the twelve-hour warning ("PER SUP. TEMPO MASSIMO", preavviso-errore-consegna) is a delay, never hard',
      raw: () =>
        pecMessage({
          receipt: 'preavviso-errore-consegna',
          subject: 'AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: Fattura n. 17',
          text: timeLimitText(PEC_TO, 12),
          tipo: 'preavviso-errore-consegna',
          errore: 'nessuno',
          destinatari: [PEC_TO],
          consegna: PEC_TO,
        }),
      kind: 'delay',
      recipients: [[PEC_TO, 'expired', 'none', '4.0.0', '']],
    },
    {
      // Twenty-four hours: the sender's provider gives up. The time ran out; the address is
      // not known to be dead.
      title: 'the notice at twenty-four hours ("PER SUP. TEMPO MASSIMO", errore-consegna) is expired, soft',
      raw: () =>
        pecMessage({
          receipt: 'errore-consegna',
          subject: 'AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: Fattura n. 17',
          text: timeLimitText(PEC_TO, 24),
          tipo: 'errore-consegna',
          errore: 'altro',
          destinatari: [PEC_TO],
          consegna: PEC_TO,
        }),
      kind: 'bounce',
      recipients: [[PEC_TO, 'expired', 'soft', '5.0.0', '']],
    },
    {
      // A PEC box that receives a bounce from an ordinary server gets it inside an anomaly
      // envelope ("ANOMALIA MESSAGGIO: Undelivered Mail Returned to Sender"): the bounce is
      // the message, its failed recipient the one the sender wrote to, never the PEC sender
      // the envelope is addressed to.
      title: "an anomaly envelope around an ordinary server's bounce is read as that bounce",
      raw: () =>
        pecEnvelope(
          'errore',
          'ANOMALIA MESSAGGIO: Undelivered Mail Returned to Sender',
          'MAILER-DAEMON@mx.example.org',
          [
            'Anomalia nel messaggio',
            '',
            'Il giorno 02/12/2026 alle ore 10:15:03 (+0100) è stato ricevuto',
            'il messaggio "Undelivered Mail Returned to Sender" proveniente da "MAILER-DAEMON@mx.example.org"',
            'ed indirizzato a:',
            SENDER,
            'Il messaggio originale è incluso in allegato.',
          ],
          failed('5.1.1', `550 5.1.1 <${RECIPIENT}>: Recipient address rejected: User unknown in virtual mailbox table`, 'RCPT TO command'),
        ),
      kind: 'bounce',
      recipients: one('userunknown', 'hard', '5.1.1', '550'),
    },
  ]);

  const none = (title: string, raw: () => Buffer) =>
    it(title, async () => {
      const c = await classify(raw());
      expect([c.kind, c.recipients]).toEqual(['not-bounce', []]);
    });
  it("without <consegna>, the message's only recipient is the one the notice is about", async () => {
    const c = await classify(
      pecMessage({
        receipt: 'errore-consegna',
        subject: 'AVVISO DI MANCATA CONSEGNA: Fattura n. 17',
        text: failureText(PEC_TO, invalidAddress),
        tipo: 'errore-consegna',
        errore: 'no-dest',
        destinatari: [PEC_TO],
        erroreEsteso: invalidAddress,
      }),
    );
    expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType])).toEqual([[PEC_TO, 'userunknown', 'hard']]);
  });
  none('without <consegna>, a notice about a message to two recipients condemns neither', () =>
    pecMessage({
      receipt: 'errore-consegna',
      subject: 'AVVISO DI MANCATA CONSEGNA: Fattura n. 17',
      text: failureText(PEC_TO, invalidAddress),
      tipo: 'errore-consegna',
      errore: 'no-dest',
      destinatari: [PEC_TO, PEC_OTHER],
      erroreEsteso: invalidAddress,
    }),
  );
  none('the acceptance receipt ("ACCETTAZIONE:") is no failure', () =>
    pecMessage({
      receipt: 'accettazione',
      subject: 'ACCETTAZIONE: Fattura n. 17',
      text: ['Ricevuta di accettazione', '', 'Il messaggio è stato accettato dal sistema ed inoltrato.'],
      tipo: 'accettazione',
      errore: 'nessuno',
      destinatari: [PEC_TO],
    }),
  );
  none('the delivery receipt ("CONSEGNA:") is no failure', () =>
    pecMessage({
      receipt: 'avvenuta-consegna',
      subject: 'CONSEGNA: Fattura n. 17',
      text: ['Ricevuta di avvenuta consegna', '', 'Il messaggio è stato consegnato nella casella di destinazione.'],
      tipo: 'avvenuta-consegna',
      errore: 'nessuno',
      destinatari: [PEC_TO],
      consegna: PEC_TO,
    }),
  );
  none('a failure header over certification data of another kind is not believed', () =>
    pecMessage({
      receipt: 'errore-consegna',
      subject: 'AVVISO DI MANCATA CONSEGNA: Fattura n. 17',
      text: failureText(PEC_TO, invalidAddress),
      tipo: 'avvenuta-consegna',
      errore: 'nessuno',
      destinatari: [PEC_TO],
      consegna: PEC_TO,
      erroreEsteso: invalidAddress,
    }),
  );
  none('a transport envelope ("POSTA CERTIFICATA:") around a letter is mail, not a notice', () =>
    pecEnvelope(
      'posta-certificata',
      'POSTA CERTIFICATA: Fattura n. 17',
      PEC_TO,
      ['Messaggio di posta certificata', '', 'Il messaggio originale è incluso in allegato.'],
      Buffer.from(
        [
          `From: ${PEC_TO}`,
          `To: ${SENDER}`,
          'Subject: Fattura n. 17',
          'Date: Wed, 02 Dec 2026 10:14:00 +0100',
          'Message-ID: <reply.17@pec.example.net>',
          '',
          'Buongiorno, la fattura non è stata recapitata al nostro ufficio: potete inviarla di nuovo?',
        ].join('\n'),
        'utf8',
      ),
    ),
  );
});

// ---------------------------------------------------------------------------------------------
// Hosts in Spain and Latin America

describe("Spanish and Latin American hosts' own replies", () => {
  verdictCases([
    {
      // DominioAbsoluto: its block lists of IPs that sent spam or malware.
      title: 'DominioAbsoluto\'s "553 Blocked by antispam reputation list" blocks the sending host, never an unknown user',
      raw: () => failed('5.0.0', '553 Blocked by antispam reputation list: Listed 192.0.2.25', 'RCPT TO command'),
      kind: 'bounce',
      recipients: one('blocked', 'soft', '5.0.0', '553'),
    },
    {
      // DominioAbsoluto: its internal list of sending domains (mass mailings, malware). The page
      // names no phase; the reply is worded as qmail's refusal of a sender ("553 sorry, your
      // envelope sender is in my badmailfrom list (#5.7.1)"), said to MAIL FROM.
      title: 'DominioAbsoluto\'s "553 sorry, your mail was administratvely denied. (#5.7.1)" refuses the sender, soft',
      raw: () => failed('5.7.1', '553 sorry, your mail was administratvely denied. (#5.7.1)', 'MAIL FROM command'),
      kind: 'bounce',
      recipients: one('rejected', 'soft', '5.7.1', '553'),
    },
    {
      // ProLinux: the page gives the words alone; Postfix's access-map REJECT code and status.
      title: 'ProLinux\'s "Recipient address rejected: Address locked or deactivated" is a disabled mailbox, soft',
      raw: () => failed('5.7.1', `554 5.7.1 <${RECIPIENT}>: Recipient address rejected: Address locked or deactivated`, 'RCPT TO command'),
      kind: 'bounce',
      recipients: one('suspend', 'soft', '5.7.1', '554'),
    },
    {
      title: 'ProLinux\'s "553 sorry, your HELO host name has been denied" blocks the sending host',
      raw: () => failed('5.0.0', '553 sorry, your HELO host name has been denied', 'HELO command'),
      kind: 'bounce',
      recipients: one('blocked', 'soft', '5.0.0', '553'),
    },
    {
      title: 'Eomática\'s "421 Your address has been graylisted. Try again later." is a delay, greylisting',
      raw: () => delayed('4.0.0', '421 Your address has been graylisted. Try again later.', 'RCPT TO command'),
      kind: 'delay',
      recipients: one('expired', 'none', '4.0.0', '421'),
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Chinese hosts

describe("Chinese hosts' published reply codes", () => {
  verdictCases([
    {
      // 万象互联: "该IP不在万象互联允许的发送地址列表里" (the IP is not on the list of senders allowed).
      title: 'Wanxiang Hulian\'s "554 HL:IPB" refuses the sending host',
      raw: () => failed('5.0.0', '554 HL:IPB', 'RCPT TO command'),
      kind: 'bounce',
      recipients: one('blocked', 'soft', '5.0.0', '554'),
    },
    {
      // "该IP发送行为异常,被临时禁止连接" (the IP behaved abnormally and is barred for a while).
      title: 'Wanxiang Hulian\'s "450 HL:MEP" at the greeting is a delay of a blocked host',
      raw: () => refusedGreeting('delayed', '4.0.0', '450 HL:MEP'),
      kind: 'delay',
      recipients: one('blocked', 'none', '4.0.0', '450'),
    },
    {
      // SZHot's help on 21CN's reply for an account disabled (expired or barred for abuse).
      title: '21CN\'s "550 is now disabled with SMTP service" is a disabled account, soft',
      raw: () => failed('5.0.0', '550 is now disabled with SMTP service', 'RCPT TO command'),
      kind: 'bounce',
      recipients: one('suspend', 'soft', '5.0.0', '550'),
    },
  ]);
});
