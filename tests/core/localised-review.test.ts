// Mail a reviewer wrote to test the localised notices from the other side: a shop's, a bank's
// or a carrier's mail in the same languages (no bounce), a notice's help line (no failed
// recipient), a person's forward of a bounce (a letter). Each message is written here for the
// test; none comes from a bounce collection.
import { describe, expect, it } from 'vitest';
import { classify, classifySync } from '../../src/core/classify.ts';
import { dsnReport } from './dsn-report.ts';

/** A single-part UTF-8 message. */
function mail(from: string, subject: string, body: string): Buffer {
  return Buffer.from(
    [
      `From: ${from}`,
      'To: bounces@rb.example',
      `Subject: ${subject}`,
      'Date: Wed, 02 Dec 2026 07:00:00 +0000',
      'Message-ID: <review.1@x.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
    ].join('\n'),
    'utf8',
  );
}

/** What a user sees: the kind, and each recipient's address, reason and hard/soft. */
async function seen(raw: Buffer) {
  const r = await classify(raw, {});
  return { kind: r.kind, recipients: r.recipients.map((x) => [x.address, x.reason, x.bounceType]) };
}

const NO_BOUNCE = { kind: 'not-bounce', recipients: [] };

describe("a shop's, a bank's or a carrier's mail in another language is no bounce", () => {
  const cases: [string, string, string, string][] = [
    [
      'French parcel',
      'La Poste <no-reply@laposte.example>',
      'Votre colis',
      "Bonjour,\nVotre colis n'a pas pu être distribué. Nous continuerons à essayer demain.\nCet e-mail a été envoyé à client@example.fr.",
    ],
    [
      'Spanish order',
      'Tienda <noreply@tienda.example>',
      'Tu pedido',
      'Hola,\nTu pedido no se pudo entregar hoy. Seguiremos intentando.\nEste correo se envió para cliente@example.es.',
    ],
    [
      'Portuguese order',
      'Loja <noreply@loja.example>',
      'Falha na entrega do seu pedido',
      'Olá,\nHouve uma falha na entrega do seu pedido.\nEste e-mail foi enviado para cliente@example.com.br.',
    ],
    [
      'Polish bank login',
      'Bank <no-reply@bank.example>',
      'Powiadomienie',
      'Dzień dobry,\nLogowanie do serwisu nie powiodło się. Jeśli to nie Ty, skontaktuj się z nami.\nWiadomość wysłana do klient@example.pl.',
    ],
    [
      'Turkish cargo',
      'Kargo <bilgi@kargo.example>',
      'Kargonuz teslim edilemedi',
      'Merhaba,\nKargonuz bugün teslim edilemedi. Bu e-posta musteri@example.com.tr adresine gönderilmiştir.',
    ],
    [
      'Chinese parcel',
      '快递 <service@kuaidi.example>',
      '您的包裹无法送达',
      '您好，您的包裹今天无法送达，请联系快递员。此邮件发送给 kehu@example.cn 。',
    ],
    [
      'Russian order',
      'Магазин <shop@magazin.example>',
      'Заказ не доставлено',
      'Здравствуйте! Ваш заказ не удалось доставить. Письмо отправлено для klient@example.ru.',
    ],
    [
      'Swedish parcel',
      'Butik <info@butik.example>',
      'Ditt paket kan inte levereras',
      'Hej! Ditt paket kunde inte levereras idag. Detta mejl skickades till kund@example.se.',
    ],
    [
      'Italian parcel',
      'Negozio <info@negozio.example>',
      'Pacco non recapitabile',
      'Ciao, il tuo pacco non è stato recapitato. Email inviata per cliente@example.it.',
    ],
    [
      'Dutch parcel',
      'Winkel <noreply@winkel.example>',
      'Je pakket',
      'Hallo, je pakket kan niet worden bezorgd. Deze e-mail is verzonden aan klant@example.nl.',
    ],
    [
      'Czech parcel',
      'Obchod <noreply@obchod.example>',
      'Zásilka',
      'Dobrý den, vaše zásilka nemohla být doručena. E-mail byl odeslán pro zakaznik@example.cz.',
    ],
    [
      'Korean order',
      '쇼핑 <noreply@shop.example>',
      '배송 안내',
      '고객님의 주문이 배달하지 못했습니다. 이 메일은 kim@example.kr 로 보낸 메일입니다.',
    ],
    [
      'Japanese parcel',
      'ショップ <noreply@shop.example>',
      'お届けについて',
      'お荷物を配信できませんでした。このメールは yamada@example.jp 宛てのメールです。',
    ],
  ];
  for (const [name, from, subject, body] of cases) {
    it(`${name}: no bounce, nobody failed`, async () => {
      expect(await seen(mail(from, subject, body))).toEqual(NO_BOUNCE);
    });
  }

  it("a delivery system's notice with the same words still is a bounce (Polish Exchange statement)", async () => {
    const raw = mail(
      'MAILER-DAEMON@mx.example.pl',
      'Powiadomienie',
      'Dostarczenie do tych adresatów lub grup nie powiodło się:\n\njan@example.pl\nNie znaleziono adresu.',
    );
    expect((await seen(raw)).kind).toBe('bounce');
  });

  it("Exchange's localised subject prefix opening the subject still makes a bounce", async () => {
    const raw = mail(
      'Administrator <admin@example.it>',
      'Non recapitabile: offerta',
      'Recapito non riuscito per questi destinatari o gruppi:\n\nmario@example.it\n',
    );
    expect((await seen(raw)).recipients.map((r) => r[0])).toEqual(['mario@example.it']);
  });
});

describe("a help line's address in another language is no failed recipient", () => {
  const failed = (address: string, reason: string, type: string) => ({ kind: 'bounce', recipients: [[address, reason, type]] });
  const cases: [string, string, string, string, ReturnType<typeof failed>][] = [
    [
      'French "envoyez un message à"',
      'Non remis : offre',
      "Échec de la remise pour ces destinataires ou groupes :\n\nlucie@example.fr\nL'adresse e-mail que vous avez entrée est introuvable.\n\nPour obtenir de l'aide, envoyez un message à support@example.fr.",
      'support@example.fr',
      failed('lucie@example.fr', 'onhold', 'soft'),
    ],
    [
      'Portuguese "envie um e-mail para"',
      'Não é possível entregar: oferta',
      'Falha na entrega para estes destinatários ou grupos:\n\njoao@example.pt\nO endereço de e-mail não foi encontrado.\n\nSe precisar de ajuda, envie um e-mail para suporte@example.pt.',
      'suporte@example.pt',
      failed('joao@example.pt', 'userunknown', 'hard'),
    ],
    [
      'Chinese "请将问题发送给"',
      '无法送达: 报价',
      '未能送达这些收件人或组:\n\nwang@example.cn\n找不到该电子邮件地址。\n\n如有疑问，请将问题发送给 support@example.cn',
      'support@example.cn',
      failed('wang@example.cn', 'userunknown', 'hard'),
    ],
    [
      'Dutch "kunt u mailen aan"',
      'Onbestelbaar: offerte',
      'Bezorging is mislukt voor deze ontvangers of groepen:\n\njan@example.nl\nHet e-mailadres is niet gevonden.\n\nVoor vragen kunt u mailen aan helpdesk@example.nl.',
      'helpdesk@example.nl',
      failed('jan@example.nl', 'userunknown', 'hard'),
    ],
    [
      'German "an <a> zurückgesendet"',
      'Unzustellbar: Angebot',
      'Ihre Nachricht an lisa@example.de konnte nicht zugestellt werden.\nDas Postfach ist voll.\n\nDiese Nachricht wurde automatisch erstellt und an absender@rb.example zurückgesendet.',
      'absender@rb.example',
      failed('lisa@example.de', 'mailboxfull', 'soft'),
    ],
    [
      'Russian "направляйте для"',
      'Не доставлено: предложение',
      'Не удалось доставить сообщение следующим получателям:\n\nivan@example.ru\nАдрес не найден.\n\nВопросы направляйте для support@example.ru.',
      'support@example.ru',
      failed('ivan@example.ru', 'userunknown', 'hard'),
    ],
    [
      'Italian "Per assistenza:"',
      'Non recapitabile: offerta',
      'Recapito non riuscito per questi destinatari o gruppi:\n\nanna@example.it\nIndirizzo non trovato.\n\nPer assistenza: helpdesk@example.it',
      'helpdesk@example.it',
      failed('anna@example.it', 'userunknown', 'hard'),
    ],
    [
      'Czech "S dotazy ... zprávu pro"',
      'Nedoručitelné: nabídka',
      'Vaše zpráva pro petr@example.cz ze dne 2.12.2026 nemohla být doručena.\nSchránka neexistuje.\n\nS dotazy se obraťte na podpora@example.cz, zprávu pro postmaster@example.cz přepošlete.',
      'postmaster@example.cz',
      failed('petr@example.cz', 'onhold', 'soft'),
    ],
    [
      'Korean "문의 사항은"',
      '배달 못 함: 견적',
      '메시지를 배달하지 못했습니다.\n\nkim@example.kr\n받는 사람의 주소를 찾을 수 없습니다.\n\n문의 사항은 help@example.kr 로 보낸 메일로 받습니다.',
      'help@example.kr',
      failed('kim@example.kr', 'onhold', 'soft'),
    ],
    [
      'Turkish "adresine gönderin"',
      'Teslim edilemedi: Teklif',
      'Mesajınız ali@example.com.tr adresine gönderdiğiniz ileti teslim edilemedi.\nPosta kutusu bulunamadı.\n\nSorularınızı destek@example.com.tr adresine gönderin.',
      'destek@example.com.tr',
      failed('ali@example.com.tr', 'onhold', 'soft'),
    ],
    [
      'Italian "per conto di"',
      'Non recapitabile: offerta',
      "Recapito non riuscito per questi destinatari o gruppi:\n\nmario@example.it\nL'indirizzo e-mail immesso non è stato trovato.\n\nMessaggio inviato da luigi@rb.example per conto di ufficio@rb.example.",
      'ufficio@rb.example',
      failed('mario@example.it', 'onhold', 'soft'),
    ],
    [
      'Spanish "escriba para"',
      'No se puede entregar: oferta',
      'No se pudo entregar a estos destinatarios o grupos:\n\npepe@example.es\nNo se encontró la dirección de correo electrónico.\n\nPara más información escriba para ayuda@example.es.',
      'ayuda@example.es',
      failed('pepe@example.es', 'onhold', 'soft'),
    ],
    [
      'Polish "pisz do"',
      'Nie można dostarczyć: oferta',
      'Dostarczenie do tych adresatów lub grup nie powiodło się:\n\njan@example.pl\nNie znaleziono adresu.\n\nW razie pytań pisz do pomoc@example.pl.',
      'pomoc@example.pl',
      failed('jan@example.pl', 'userunknown', 'hard'),
    ],
    [
      'Swedish "Skicka frågor till"',
      'Kan inte levereras: offert',
      'Ditt meddelande till sven@example.se kunde inte levereras.\nSkicka frågor till hjalp@example.se. Vänta till admin@example.se svarar.',
      'hjalp@example.se',
      failed('sven@example.se', 'onhold', 'soft'),
    ],
    [
      'Korean "보낸 사람" (the sender)',
      '배달 못 함: 견적',
      'lee@example.kr 주소로 보낸 메시지를 배달하지 못했습니다.\n보낸 사람 park@rb.example 로 보낸 메시지입니다.',
      'park@rb.example',
      failed('lee@example.kr', 'onhold', 'soft'),
    ],
  ];
  for (const [name, subject, body, notFailed, expected] of cases) {
    it(`${name}: ${notFailed} is not failed`, async () => {
      expect(await seen(mail('MAILER-DAEMON@mx.example.net', subject, body))).toEqual(expected);
    });
  }

  it('Japanese "お問い合わせは <a> 宛て" under Gmail\'s notice', async () => {
    const raw = mail(
      'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      'Delivery Status Notification (Failure)',
      '** アドレスが見つかりません **\n\nyuki@example.jp にメールを配信できませんでした。アドレスが見つからないか、メールを受信できません。\n\nお問い合わせは support@example.jp 宛てのメールでお願いします。',
    );
    expect((await seen(raw)).recipients.map((r) => r[0])).toEqual(['yuki@example.jp']);
  });

  it('English "Sent by an <a>" and "forward to do <a> ... per <a>" name no recipient', async () => {
    const postfix = mail(
      'MAILER-DAEMON@mx.rb.example (Mail Delivery System)',
      'Undelivered Mail Returned to Sender',
      "This is the mail system at host mx.rb.example.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\nSent by an  sender@rb.example on behalf of the list; per owner@rb.example.\n\n<kate@example.net>: host mx.example.net[192.0.2.5] said: 550 5.1.1 User unknown (in reply to RCPT TO command)",
    );
    expect(await seen(postfix)).toEqual(failed('kate@example.net', 'userunknown', 'hard'));
    const exim = mail(
      'Mail Delivery System <MAILER-DAEMON@mx.rb.example>',
      'Mail delivery failed: returning message to sender',
      'This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  leo@example.com\n    SMTP error from remote mail server after RCPT TO:<leo@example.com>:\n    550 5.1.1 unknown user\n\nIf you need to do so, please forward to do postmaster@rb.example or contact the owner per abuse@rb.example',
    );
    expect(await seen(exim)).toEqual(failed('leo@example.com', 'userunknown', 'hard'));
  });

  it('a carrier\'s noreply mail naming its reader after "E-Mail wurde an" is no delay (German parcel)', async () => {
    const raw = mail(
      'DHL <noreply@dhl.example>',
      'Ihre Sendung 00340434 konnte nicht zugestellt werden',
      'Hallo,\n\nIhre Sendung konnte nicht zugestellt werden. Wir werden weiterhin versuchen, sie zuzustellen.\nDiese E-Mail wurde an kunde@example.de gesendet.',
    );
    expect(await seen(raw)).toEqual(NO_BOUNCE);
  });

  it('a postmaster\'s own mail with "Fragen an <a>" is no delay', async () => {
    const raw = mail(
      'Postmaster Team <postmaster@rb.example>',
      'Wartung',
      'Hallo zusammen, der Mailserver wird heute Nacht gewartet. Der Server wird weiterhin versuchen, eingehende Mails zuzustellen. Fragen an admin@rb.example.',
    );
    expect(await seen(raw)).toEqual(NO_BOUNCE);
  });
});

describe("the returned message's header lines quoted in another language name no failed recipient", () => {
  const cases: [string, string, string, string[]][] = [
    [
      'German Exchange 2003 "An:"',
      'Unzustellbar: Test',
      'Ihre Nachricht\n\n  An:      anna@example.de; bert@example.de\n  Betreff: Test\n  Gesendet:        02.12.2026 08:00\n\nkonnte einige oder alle Empfänger nicht erreichen.\n\n      bert@example.de am 02.12.2026 08:00\n            <mx.example.de #5.1.1 smtp;550 5.1.1 User unknown>',
      ['bert@example.de', 'userunknown', 'hard'],
    ],
    [
      'French Exchange 2003 "À :"',
      'Non remis : Test',
      "Votre message\n\n  À :      anne@example.fr; bruno@example.fr\n  Objet : Test\n\nn'a pas pu être remis à tous les destinataires.\n\n      bruno@example.fr le 02/12/2026 08:00\n            <mx.example.fr #5.1.1 smtp;550 5.1.1 User unknown>",
      ['bruno@example.fr', 'userunknown', 'hard'],
    ],
    [
      'Spanish "De:" and "Para:"',
      'No se puede entregar: Re: oferta',
      'No se pudo entregar a estos destinatarios o grupos:\n\npepe@example.es\n550 5.1.1 User unknown\n\nDe: jefe@rb.example\nPara: pepe@example.es; ana@example.es\nAsunto: oferta',
      ['pepe@example.es', 'userunknown', 'hard'],
    ],
    [
      'Polish "Od:" and "Do:"',
      'Nie można dostarczyć: oferta',
      'Dostarczenie do tych adresatów lub grup nie powiodło się:\n\njan@example.pl\n550 5.1.1 User unknown\n\nOd: szef@rb.example\nDo: jan@example.pl; ewa@example.pl\nTemat: oferta',
      ['jan@example.pl', 'userunknown', 'hard'],
    ],
    [
      'Swedish "Från:" and "Till:"',
      'Kan inte levereras: offert',
      'Det gick inte att leverera till de här mottagarna eller grupperna:\n\nsven@example.se\n550 5.1.1 User unknown\n\nFrån: chef@rb.example\nTill: sven@example.se; eva@example.se\nÄmne: offert',
      ['sven@example.se', 'userunknown', 'hard'],
    ],
  ];
  for (const [name, subject, body, only] of cases) {
    it(`${name}: only ${only[0]} failed`, async () => {
      expect(await seen(mail('postmaster@example.net', subject, body))).toEqual({ kind: 'bounce', recipients: [only] });
    });
  }
});

describe("a person's reply to, or forward of, a bounce is a letter", () => {
  const cases: [string, string, string, string][] = [
    [
      'German "WG: Unzustellbar:"',
      'Klaus <klaus@example.de>',
      'WG: Unzustellbar: Frage',
      'Hallo, schau mal: meine Nachricht an petra@example.de konnte nicht zugestellt werden. Gruß, Klaus (klaus@example.de)',
    ],
    [
      'German "AW: Unzustellbar:"',
      'Klaus <klaus@example.de>',
      'AW: Unzustellbar: Frage',
      'Danke! Ich habe die Mail an petra@example.de nochmal geschickt.',
    ],
    [
      'English "Fwd: Undeliverable:"',
      'Tom <tom@example.com>',
      'Fwd: Undeliverable: question',
      'Hi, my message to uma@example.net could not be delivered. Any idea?',
    ],
    [
      'English "Re: that bounce"',
      'Tom <tom@example.com>',
      'Re: that bounce',
      "Hi,\n\nI got this back when I wrote to uma@example.net:\n\n> Delivery has failed to these recipients or groups:\n> uma@example.net\n> The email address you entered couldn't be found.\n\nDo you have her new address? Mine is tom@example.com (Tom).",
    ],
  ];
  for (const [name, from, subject, body] of cases) {
    it(`${name}: no bounce`, async () => {
      expect(await seen(mail(from, subject, body))).toEqual(NO_BOUNCE);
    });
  }

  it('a delivery system\'s notice about a forwarded message ("Unzustellbar: WG: Frage") still is a bounce', async () => {
    const raw = mail(
      'postmaster@example.de',
      'Unzustellbar: WG: Frage',
      'Ihre Nachricht an petra@example.de konnte nicht zugestellt werden.\nDas Postfach ist voll.',
    );
    expect(await seen(raw)).toEqual({ kind: 'bounce', recipients: [['petra@example.de', 'mailboxfull', 'soft']] });
  });
});

describe("a postmaster's own mail that names no recipient is no delay", () => {
  it('French "Contact à : <a>" under "continuera à essayer"', async () => {
    const raw = mail(
      'postmaster@example.fr',
      'Absence',
      'Je suis absent. Le serveur continuera à essayer de livrer. Contact à: remplacant@example.fr',
    );
    expect(await seen(raw)).toEqual(NO_BOUNCE);
  });
});

describe("the only recipient named in a sentence takes its reason from the paragraph after it, not the notice's boilerplate", () => {
  /** A report whose only recipient has status 5.0.0 and no Diagnostic-Code, its text part `text`. */
  const report = (text: string) =>
    Buffer.from(
      [
        'From: MAILER-DAEMON@mx.example.net',
        'To: bounces@rb.example',
        'Subject: Delivery Status Notification (Failure)',
        'Date: Wed, 02 Dec 2026 07:00:00 +0000',
        'Message-ID: <review.2@x.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="BB"',
        '',
        '--BB',
        'Content-Type: text/plain; charset=utf-8',
        '',
        text,
        '',
        '--BB',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.net',
        '',
        'Final-Recipient: rfc822; rita@example.com',
        'Action: failed',
        'Status: 5.0.0',
        '',
        '--BB--',
        '',
      ].join('\n'),
      'utf8',
    );
  const onhold = { kind: 'bounce', recipients: [['rita@example.com', 'onhold', 'soft']] };

  it('"Possible causes: ... the mailbox is full ..." decides nothing', async () => {
    const raw = report(
      'Your message to rita@example.com could not be delivered.\n\nPossible causes: the address does not exist, the mailbox is full, or the message was considered spam.',
    );
    expect(await seen(raw)).toEqual(onhold);
  });

  it('"If you believe the address does not exist ..." decides nothing', async () => {
    const raw = report(
      'Your message to rita@example.com could not be delivered.\n\nIf you believe the address does not exist, check it; this user may be unknown to the server or the server may be down.',
    );
    expect(await seen(raw)).toEqual(onhold);
  });

  it('a tip two paragraphs below ("when the mailbox is full") decides nothing', async () => {
    const raw = report(
      'Your message to rita@example.com could not be delivered.\n\nThe receiving server gave no further details.\n\nTip: when the mailbox is full, ask the recipient to make room.',
    );
    expect(await seen(raw)).toEqual(onhold);
  });

  it('the paragraph right after still decides ("The recipient\'s mailbox is full")', async () => {
    const raw = report(
      "Your message to rita@example.com could not be delivered.\n\nThe recipient's mailbox is full and can't accept messages now.",
    );
    expect(await seen(raw)).toEqual({ kind: 'bounce', recipients: [['rita@example.com', 'mailboxfull', 'soft']] });
  });
});

// The localised rules name the recipient's mailbox, domain or message, never the sender's, a
// list's, a record's or a certificate's (a reviewer's inputs, read wrong before).
describe('localised rules stop at their own words', () => {
  it.each([
    ['550 Die Absenderadresse existiert nicht.', 'onhold', 'soft'],
    ['550 Das Konto des Absenders existiert nicht', 'onhold', 'soft'],
    ['550 Ihre IP-Adresse wurde nicht gefunden in der Liste', 'onhold', 'soft'],
    ['550 Обратный адрес не найден', 'onhold', 'soft'],
    ['550 Absenderdomain existiert nicht', 'onhold', 'soft'],
    ['550 SPF-Eintrag für Domain example.com existiert nicht', 'onhold', 'soft'],
    ['550 証明書の有効期限が切れています', 'onhold', 'soft'],
    ['421 bağlantı süresi doldu', 'systemerror', 'soft'],
    ['451 LDAP connect failed', 'systemerror', 'soft'],
    // ... and still read the recipient's own.
    ['550 Die E-Mail-Adresse existiert nicht', 'userunknown', 'hard'],
    ['550 Die Domäne example.com wurde nicht gefunden', 'hostunknown', 'hard'],
    ['550 メッセージの有効期限が切れました', 'expired', 'soft'],
    ['550 Das Postfach ist voll', 'mailboxfull', 'soft'],
  ])('reads "%s" as %s, %s', (diagnostic, reason, bounceType) => {
    const [r] = classifySync(dsnReport('5.0.0', diagnostic)).recipients;
    expect([r!.address, r!.reason, r!.bounceType]).toEqual(['user@example.net', reason, bounceType]);
  });
});
