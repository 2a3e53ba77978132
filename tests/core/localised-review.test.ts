// Mail a reviewer wrote to test the localised notices from the other side: a shop's, a bank's
// or a carrier's mail in the same languages (no bounce), a notice's help line (no failed
// recipient), a person's forward of a bounce (a letter). Each message is written here for the
// test; none comes from a bounce collection.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';

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
