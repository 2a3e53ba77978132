// Mail in further languages. First, a delivery system's notice passed on by a person in the
// 21 languages Thunderbird writes a forward's header block in (Danish, Norwegian, Finnish,
// Hungarian, Romanian, Greek, Bulgarian, Ukrainian, Hebrew, Arabic, Vietnamese, Indonesian,
// Thai, Catalan, Slovak, Croatian, Serbian, Slovenian, Lithuanian, Latvian, Estonian; its
// translations are the source of each label) and by Danish Outlook's "VS:" forward: it is the
// notice it carries, its failed recipient the notice's, never the quoted header's "To". Then
// mail in those languages that speaks of a message not delivered, written by a person or a
// portal: none is a bounce. Each letter uses the words the language's own help pages use for a returned message
// (Microsoft's localised Office 365 pages on non-delivery reports and their codes, Gmail's and
// Outlook.com's localised pages on returned mail), so that those words, met in a person's
// letter, are known to decide nothing. The page each letter's words come from is named above
// it. No notice written in these languages is tested here: their notices' own sentences
// (Exchange's localised report, Gmail's localised notice) could not be read on a primary
// source in this pass, and none is invented. None comes from a bounce collection.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { EXCHANGE_NOTICE_TEXT } from './notice-builders.ts';

interface Letter {
  from: string;
  subject: string;
  lines: readonly string[];
  headers?: readonly string[];
}

/** A letter: one UTF-8 text part, 8bit, with an RFC 2047 subject when it is not ASCII. */
function letter(l: Letter): Buffer {
  const subject = /^[\x00-\x7f]*$/.test(l.subject) ? l.subject : `=?utf-8?B?${Buffer.from(l.subject, 'utf8').toString('base64')}?=`;
  const head = [
    `From: ${l.from}`,
    'To: sender@example.com',
    `Subject: ${subject}`,
    'Date: Tue, 1 Dec 2026 10:00:00 +0000',
    'Message-ID: <letter.1@example.net>',
    'MIME-Version: 1.0',
    ...(l.headers ?? []),
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
  ];
  return Buffer.concat([Buffer.from(head.join('\n') + '\n', 'latin1'), Buffer.from(l.lines.join('\n') + '\n', 'utf8')]);
}

/** What a user sees: the kind and how many recipients it names. */
async function seen(raw: Buffer): Promise<[string, number]> {
  const c = await classify(raw);
  return [c.kind, c.recipients.length];
}

const cases: readonly (readonly [name: string, letter: Letter])[] = [
  // Danish: support.office.com/da-dk/article/løs-problemer-med-levering-af-mail-fejlkode-550-5-1-1-til-5-1-20-i-office-365-79e91ade-5c83-405b-a37d-d99c7d069b13
  // ("rapport om manglende levering", "fejlkoden 5.1.x", "Kontrollér, at modtagerens mailadresse er korrekt").
  [
    "a Danish colleague's letter about a 'rapport om manglende levering' with error code 5.1.1",
    {
      from: 'Mette Example <mette@example.net>',
      subject: 'Rapport om manglende levering',
      lines: [
        'Hej Peter,',
        '',
        'Jeg fik en rapport om manglende levering med fejlkoden 550 5.1.1, da jeg skrev til kunden i går.',
        'Kan du kontrollere, at modtagerens mailadresse er korrekt? Jeg sender mailen igen bagefter.',
        '',
        'Venlig hilsen',
        'Mette',
      ],
    },
  ],
  [
    "a Danish reply ('SV:') to a colleague about a mail that was not delivered",
    {
      from: 'Peter Example <peter@example.net>',
      subject: 'SV: Rapport om manglende levering',
      lines: ['Hej Mette,', '', 'Adressen var stavet forkert. Jeg har rettet den i listen til autofuldførelse.', '', 'Peter'],
    },
  ],
  // Norwegian: support.office.com/nb-no/article/rapporter-i-office-365-om-manglende-levering-av-e-post-51daa6b9-2e35-49c4-a0c9-df85bf8533c3
  // ("returmelding", "rapport om manglende levering (NDR)", "meldingen ikke ble levert") and
  // support.office.com/nb-no/article/løse-problemer-med-levering-av-e-post-for-feilkode-550-5-1-10-i-office-365-5a04a25a-a34f-476b-afc6-007fb92f86a1
  // ("feilkode 550 5.1.10", "E-postadressen ... eksisterer ikke eller ble ikke funnet").
  [
    "a Norwegian letter about a 'returmelding' whose address 'eksisterer ikke eller ble ikke funnet'",
    {
      from: 'Kari Example <kari@example.net>',
      subject: 'Returmelding fra Office 365',
      lines: [
        'Hei,',
        '',
        'Jeg fikk en returmelding med feilkode 550 5.1.10 i går: e-postadressen eksisterer ikke eller ble ikke funnet.',
        'Meldingen ble ikke levert. Har du en annen adresse jeg kan bruke?',
        '',
        'Hilsen Kari',
      ],
    },
  ],
  [
    'a Norwegian help-desk answer explaining a rapport om manglende levering (NDR)',
    {
      from: 'IT-brukerstøtte <support@example.net>',
      subject: 'Sak 4711: melding ikke levert',
      lines: [
        'Hei Ola,',
        '',
        'En rapport om manglende levering (NDR) angir at meldingen ikke ble levert. Det skyldes ofte at en',
        'e-postadresse er stavet feil. Kontroller mottakerens adresse og send meldingen på nytt.',
        '',
        'Med vennlig hilsen',
        'IT-brukerstøtte',
      ],
    },
  ],
  // Finnish: support.office.com/fi-fi/article/sähköpostin-toimitusongelmaraportit-office-365-ssä-51daa6b9-2e35-49c4-a0c9-df85bf8533c3
  // ("ilmoitus toimituksen epäonnistumisesta (NDR)", "viestiä ei ole lähetetty", "palautusviesti").
  [
    "a Finnish letter about an 'ilmoitus toimituksen epäonnistumisesta'",
    {
      from: 'Liisa Example <liisa@example.net>',
      subject: 'Ilmoitus toimituksen epäonnistumisesta',
      lines: [
        'Hei Matti,',
        '',
        'Sain eilen ilmoituksen toimituksen epäonnistumisesta (NDR): viestiä ei ole lähetetty asiakkaalle.',
        'Syy oli kirjoitusvirhe sähköpostiosoitteessa. Lähetän viestin uudelleen tänään.',
        '',
        'Terveisin',
        'Liisa',
      ],
    },
  ],
  [
    "a Finnish reply ('VS:') that mentions a palautusviesti with code 550 5.1.1",
    {
      from: 'Matti Example <matti@example.net>',
      subject: 'VS: Palautusviesti',
      lines: ['Hei Liisa,', '', 'Palautusviestissä oli koodi 550 5.1.1. Tarkista osoite ennen kuin lähetät uudelleen.', '', 'Matti'],
    },
  ],
  // Hungarian: support.office.com/hu-hu/article/az-550-5-7-1-es-hibakódú-levélkézbesítési-problémák-megoldása-az-office-365-ben-da1ff375-f88f-4a3e-b81f-06cdb6ecae3c
  // ("sikertelen kézbesítésről szóló jelentés", "5.7.1-es hibakód") and
  // support.office.com/hu-hu/article/Az-5-1-10-es-hibakódú-levélkézbesítési-problémák-megoldása-az-Office-365-ben-5a04a25a-a34f-476b-afc6-007fb92f86a1
  // ("visszapattanó üzenet", "Az e-mail-cím, amelyre elküldte az üzenetet, nem létezik vagy nem található").
  [
    "a Hungarian letter about a 'visszapattanó üzenet' with code 550 5.1.10",
    {
      from: 'Anna Example <anna@example.net>',
      subject: 'Visszapattanó üzenet',
      lines: [
        'Szia Péter!',
        '',
        'Visszapattanó üzenetet kaptam az 550 5.1.10 hibakóddal: az e-mail-cím, amelyre elküldtem az üzenetet,',
        'nem létezik vagy nem található. Meg tudnád adni a helyes címet?',
        '',
        'Üdv,',
        'Anna',
      ],
    },
  ],
  [
    "a Hungarian letter about a 'sikertelen kézbesítésről szóló jelentés' with code 5.7.1",
    {
      from: 'Péter Example <peter@example.net>',
      subject: 'Re: Visszapattanó üzenet',
      lines: [
        'Szia Anna!',
        '',
        'Nálam is jött egy sikertelen kézbesítésről szóló jelentés 5.7.1-es hibakóddal. A rendszergazda szerint',
        'nincs engedélyünk arra, hogy a terjesztési csoportnak üzenetet küldjünk.',
        '',
        'Péter',
      ],
    },
  ],
  // Slovak: support.google.com/mail/answer/6596?hl=sk ("Riešenie problémov s vrátenými a
  // odmietnutými správami", "Správa bola dočasne odmietnutá", "Server príjemcu neprijal naše požiadavky").
  [
    "a Slovak letter quoting Gmail's 'Správa bola dočasne odmietnutá'",
    {
      from: 'Jana Example <jana@example.net>',
      subject: 'Vrátená správa',
      lines: [
        'Ahoj Martin,',
        '',
        'moja správa sa vrátila s chybou „Správa bola dočasne odmietnutá“. Skúsim ju odoslať znova neskôr.',
        'Ak sa chyba zobrazuje aj naďalej, ozvem sa správcovi.',
        '',
        'Jana',
      ],
    },
  ],
  [
    "a Slovak letter quoting 'Server príjemcu neprijal naše požiadavky'",
    {
      from: 'Martin Example <martin@example.net>',
      subject: 'Re: Vrátená správa',
      lines: ['Ahoj Jana,', '', 'mne Gmail napísal „Server príjemcu neprijal naše požiadavky“. Asi majú výpadok.', '', 'Martin'],
    },
  ],
  // Ukrainian: support.microsoft.com/uk-ua/office/повернення-повідомлення-до-outlook-com-через-помилку-доставки-45e048ac-f7b1-4c0f-b525-081cb34f1062
  // ("повідомлення про помилку доставки", "постачальник послуг електронної пошти одержувача й
  // надалі намагатиметься доставити повідомлення").
  [
    "a Ukrainian letter about a 'повідомлення про помилку доставки'",
    {
      from: 'Olena Example <olena@example.net>',
      subject: 'Помилка доставки',
      lines: [
        'Добрий день, Андрію!',
        '',
        'Я отримала повідомлення про помилку доставки, коли надсилала вам договір. Можливо, адресу введено',
        'неправильно. Надішліть, будь ласка, вашу актуальну адресу електронної пошти.',
        '',
        'З повагою,',
        'Олена',
      ],
    },
  ],
  [
    'a Ukrainian letter saying the provider will keep trying to deliver the message',
    {
      from: 'Andrii Example <andrii@example.net>',
      subject: 'Re: Помилка доставки',
      lines: [
        'Олено, у повідомленні про помилку зазначено, що постачальник послуг електронної пошти одержувача',
        'й надалі намагатиметься доставити повідомлення. Тож нічого робити не треба.',
      ],
    },
  ],
  // Indonesian: Gmail's help page on returned mail in Indonesian, as adaberapa.com/kenapa-pesan-gmail-tidak-terkirim
  // copies it ("Pesan ditandai sebagai spam" atau "Pesan sementara ditolak", "Server penerima tidak
  // menerima permintaan kami", "Alasan pesan Anda tidak terkirim").
  [
    "an Indonesian letter quoting Gmail's 'Pesan sementara ditolak'",
    {
      from: 'Budi Example <budi@example.net>',
      subject: 'Email saya tidak terkirim',
      lines: [
        'Halo Sari,',
        '',
        'Email saya ke kantor Anda kembali dengan pesan "Pesan sementara ditolak". Mungkin karena saya menambahkan',
        'banyak penerima ke Cc. Saya akan coba kirim lagi nanti.',
        '',
        'Salam,',
        'Budi',
      ],
    },
  ],
  [
    "an Indonesian reply quoting 'Server penerima tidak menerima permintaan kami' with code 550 5.7.1",
    {
      from: 'Sari Example <sari@example.net>',
      subject: 'Re: Email saya tidak terkirim',
      lines: [
        'Halo Budi,',
        '',
        'Saya juga dapat "Server penerima tidak menerima permintaan kami" dengan kode 550 5.7.1. Admin kami sedang memeriksanya.',
        '',
        'Sari',
      ],
    },
  ],
  // Vietnamese: support.google.com/mail/answer/22839?hl=vi ("Bạn đã đạt đến giới hạn gửi thư",
  // "Không thể chuyển các thư bạn đã gửi", "Bị trả lại từ máy chủ email của người nhận").
  [
    "a Vietnamese letter quoting Gmail's 'Bạn đã đạt đến giới hạn gửi thư'",
    {
      from: 'Lan Example <lan@example.net>',
      subject: 'Thư bị trả lại',
      lines: [
        'Chào anh Minh,',
        '',
        'Hôm qua em gửi thư mời cho cả lớp thì Gmail báo "Bạn đã đạt đến giới hạn gửi thư". Một số thư bị trả lại',
        'từ máy chủ email của người nhận. Em sẽ gửi lại sau 24 giờ.',
        '',
        'Lan',
      ],
    },
  ],
  // Romanian: alexhost.com/ro/faq/error-550-relay-not-permitted (a host's help page: "Eroarea 550
  // Relay Not Permitted blochează livrarea e-mailului").
  [
    "a Romanian letter about 'eroarea 550 Relay Not Permitted' that blocked a mail's delivery",
    {
      from: 'Ioana Example <ioana@example.net>',
      subject: 'Eroare la trimiterea e-mailului',
      lines: [
        'Bună ziua,',
        '',
        'De ieri primesc eroarea 550 Relay Not Permitted când trimit e-mailuri către clienți; livrarea e-mailului este',
        'blocată. Puteți verifica setările SMTP ale contului meu?',
        '',
        'Mulțumesc,',
        'Ioana',
      ],
    },
  ],
  // Croatian: eposlovanje.hr/ufaqs/zasto-racun-nije-dostavljen-preuzet/ (an e-invoice portal's
  // FAQ: "račun ima grešku zbog koje ne može biti dostavljen").
  [
    "a Croatian e-invoice portal's notice that an invoice 'nije dostavljen' is no bounce",
    {
      from: 'eRačun portal <obavijesti@example.net>',
      subject: 'Račun nije dostavljen',
      lines: [
        'Poštovani,',
        '',
        'Vaš račun br. 2026-114 nije dostavljen: primatelj nije preuzeo dokument ili račun ima grešku zbog koje ne može biti dostavljen.',
        '',
        'Lijep pozdrav',
      ],
    },
  ],
];

describe('letters in further languages that speak of a message not delivered are no bounce', () => {
  for (const [name, l] of cases) {
    it(name, async () => {
      expect(await seen(letter(l))).toEqual(['not-bounce', 0]);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// A notice passed on by a person. Thunderbird's inline forward puts a header block above the
// message it forwards: its heading (messengercompose/composeMsgs.properties,
// mailnews.forward_header_originalmessage) and the fields Subject, Date, From, To under their
// names in the user's language (mime.properties 1000, 1007, 1009, 1012), each label, a colon
// and a tab; its subject prefix is "Fwd:" in every language. Read in thunderbird-l10n
// (github:thunderbird/thunderbird-l10n, commit 5d7cde6f5d9237b64f7de733bb9fbb121055848a,
// <locale>/mail/chrome/messenger/...). The forwarded notice is Postfix's (bounce_template.c's
// failure template and its "(in reply to RCPT TO command)" line).

/** [locale, heading, Subject, Date, From, To] as thunderbird-l10n writes them. */
const THUNDERBIRD: readonly (readonly [string, string, string, string, string, string])[] = [
  ['da', '-------- Videresendt meddelelse --------', 'Emne', 'Dato', 'Fra', 'Til'],
  ['nb-NO', '-------- Videresendt melding --------', 'Emne', 'Dato', 'Fra', 'Til'],
  ['fi', '-------- Välitetty viesti / Fwd.Msg --------', 'Aihe', 'Päiväys', 'Lähettäjä', 'Vastaanottaja'],
  ['hu', '-------- Továbbított üzenet --------', 'Tárgy', 'Dátum', 'Feladó', 'Címzett'],
  ['ro', '-------- Mesaj redirecționat --------', 'Subiect', 'Dată', 'de la', 'Către'],
  ['el', '-------- Προωθημένο μήνυμα --------', 'Θέμα', 'Ημερομηνία', 'Από', 'Προς'],
  ['bg', '-------- Препратено писмо --------', 'Тема', 'Дата', 'От', 'До'],
  ['uk', '-------- Переслане повідомлення --------', 'Тема', 'Дата', 'Від', 'Кому'],
  ['he', '-------- הודעה שהועברה --------', 'נושא', 'תאריך', 'מאת', 'אל'],
  ['ar', '-------- رسالة ممرّرة --------', 'الموضوع', 'التاريخ', 'مِن', 'إلى'],
  ['vi', '-------- Tin nhắn đã được chuyển tiếp --------', 'Tiêu đề', 'Ngày', 'Từ', 'Tới'],
  ['id', '-------- Pesan Diteruskan --------', 'Subjek', 'Tanggal', 'Dari', 'Kepada'],
  ['th', '-------- ข้อความที่ส่งต่อ --------', 'หัวเรื่อง', 'วันที่', 'จาก', 'ถึง'],
  ['ca', '-------- Missatge reenviat --------', 'Assumpte', 'Data', 'De', 'A'],
  ['sk', '-------- Preposlaná správa --- Forwarded Message --------', 'Predmet', 'Dátum', 'Od', 'Pre'],
  ['hr', '-------- Proslijeđena poruka --------', 'Naslov', 'Datum', 'Šalje', 'Prima'],
  ['sr', '-------- Прослеђена порука --------', 'Тема', 'Датум', 'Шаље', 'Прима'],
  ['sl', '-------- Posredovano sporočilo --------', 'Zadeva', 'Datum', 'Od', 'Za'],
  ['lt', '-------- Persiųstas laiškas --------', 'Tema', 'Data', 'Kas', 'Kam'],
  ['lv', '-------- Pārsūtītā vēstule --------', 'Temats', 'Datums', 'No', 'Uz'],
  ['et', '-------- Edastatud kiri --------', 'Teema', 'Kuupäev', 'Saatja', 'Saaja'],
];

/** Postfix's notice for one recipient refused at RCPT TO, as the forward quotes it. */
const POSTFIX_NOTICE = [
  'This is the mail system at host mx.shop.example.',
  '',
  "I'm sorry to have to inform you that your message could not",
  "be delivered to one or more recipients. It's attached below.",
  '',
  'For further assistance, please send mail to postmaster.',
  '',
  '                   The mail system',
  '',
  '<bob@contoso.example>: host mx.contoso.example[192.0.2.1] said: 550 5.1.1',
  '    <bob@contoso.example>: Recipient address rejected: User unknown in local',
  '    recipient table (in reply to RCPT TO command)',
];

/** A person's mail: headers, one UTF-8 text part. */
function personsMail(subject: string, lines: readonly string[]): Buffer {
  return Buffer.from(
    [
      'From: Anna Agent <anna@shop.example>',
      'To: bounces@shop.example',
      `Subject: ${subject}`,
      'Date: Tue, 1 Dec 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      ...lines,
      '',
    ].join('\n'),
    'utf8',
  );
}

/** Thunderbird's inline forward in a locale: its header block, then what it forwards. */
function thunderbirdForward(
  [, heading, subject, date, from, to]: (typeof THUNDERBIRD)[number],
  sender: string,
  forwardedSubject: string,
  body: readonly string[],
): Buffer {
  return personsMail(`Fwd: ${forwardedSubject}`, [
    '',
    '',
    '',
    heading,
    `${subject}: \t${forwardedSubject}`,
    `${date}: \tTue, 1 Dec 2026 09:00:00 +0000`,
    `${from}: \t${sender}`,
    `${to}: \tnews@shop.example`,
    '',
    '',
    '',
    ...body,
  ]);
}

/** What a user sees of each recipient: address, reason, hard/soft, status, reply code. */
async function verdict(raw: Buffer): Promise<[string, ...(readonly [string, string, string, string, string])[]]> {
  const c = await classify(raw);
  return [c.kind, ...c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode] as const)];
}

describe("a Postfix notice forwarded from Thunderbird in the user's language is the notice it carries", () => {
  for (const locale of THUNDERBIRD) {
    it(`${locale[0]}: "${locale[4]}: Mail Delivery System <MAILER-DAEMON@...>" names the delivery system; the failed recipient is the notice's, never the quoted "${locale[5]}:"`, async () => {
      const raw = thunderbirdForward(
        locale,
        'Mail Delivery System <MAILER-DAEMON@mx.shop.example>',
        'Undelivered Mail Returned to Sender',
        POSTFIX_NOTICE,
      );
      expect(await verdict(raw)).toEqual(['bounce', ['bob@contoso.example', 'userunknown', 'hard', '5.1.1', '550']]);
    });
  }

  // Exchange Online's notice, its sender as a mail client shows it ("Microsoft Outlook
  // <MicrosoftExchange...@...>").
  for (const locale of THUNDERBIRD.filter(([l]) => l === 'fi' || l === 'el' || l === 'he')) {
    it(`${locale[0]}: a forward of Exchange Online's notice from "Microsoft Outlook" is the notice it carries`, async () => {
      const raw = thunderbirdForward(
        locale,
        'Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.example>',
        'Undeliverable: offers',
        EXCHANGE_NOTICE_TEXT,
      );
      expect(await verdict(raw)).toEqual(['bounce', ['bob@contoso.example', 'userunknown', 'hard', '5.1.1', '550']]);
    });
  }

  // The same forward of a parcel service's mail that was "not delivered": its sender is no
  // delivery system, so the forward is a letter.
  for (const locale of THUNDERBIRD) {
    it(`${locale[0]}: a forward of a parcel service's 'could not be delivered' mail is no bounce`, async () => {
      const raw = thunderbirdForward(locale, 'Parcel Service <noreply@parcel.example>', 'Your parcel could not be delivered', [
        'Your parcel 123456 could not be delivered today: nobody was at home.',
        'We will try again tomorrow.',
      ]);
      expect(await verdict(raw)).toEqual(['not-bounce']);
    });
  }
});

// Danish Outlook's forward, its subject prefix "VS:" (Videresendt; Microsoft's Danish page on
// forwarding rules: "føjer reglen betegnelsen "VS:" til begyndelsen af emnelinjen",
// support.office.com/da-dk/article/Videresend-og-omdiriger-mail-automatisk-9f124e4a-749e-4288-a266-2d009686b403),
// its quoted sender under the Danish "Fra" (thunderbird-l10n da/mail/chrome/messenger/mime.properties).
// Finnish writes "VS:" for a reply (Vastaus): a "VS:" letter that carries no notice stays a letter.
describe("Danish Outlook's 'VS:' forward of a notice", () => {
  const exchangeNotice = EXCHANGE_NOTICE_TEXT;

  it("'VS: Undeliverable: ...' carrying Exchange's notice under 'Fra: Microsoft Outlook' is the notice: unknown, hard", async () => {
    const raw = personsMail('VS: Undeliverable: Nyhedsbrev', [
      'Til orientering.',
      '',
      '________________________________',
      'Fra: Microsoft Outlook <postmaster@contoso.example>',
      'Til: news@shop.example',
      'Emne: Undeliverable: Nyhedsbrev',
      '',
      ...exchangeNotice,
    ]);
    expect(await verdict(raw)).toEqual(['bounce', ['bob@contoso.example', 'userunknown', 'hard', '5.1.1', '550']]);
  });

  it("'VS: Undelivered Mail Returned to Sender' carrying Postfix's notice under 'Fra: MAILER-DAEMON' is the notice", async () => {
    const raw = personsMail('VS: Undelivered Mail Returned to Sender', [
      '________________________________',
      'Fra: Mail Delivery System <MAILER-DAEMON@mx.shop.example>',
      'Til: news@shop.example',
      'Emne: Undelivered Mail Returned to Sender',
      '',
      ...POSTFIX_NOTICE,
    ]);
    expect(await verdict(raw)).toEqual(['bounce', ['bob@contoso.example', 'userunknown', 'hard', '5.1.1', '550']]);
  });

  it("a Finnish reply 'VS: Undeliverable: ...' that quotes no notice is a letter", async () => {
    const raw = personsMail('VS: Undeliverable: Uutiskirje', [
      'Hei, sain saman palautusviestin. Tarkistan osoitteen huomenna.',
      '',
      'Terveisin',
      'Matti',
    ]);
    expect(await verdict(raw)).toEqual(['not-bounce']);
  });
});

// A person's reply to a notice is a letter, in the reply prefixes localised versions of
// Outlook write: Thunderbird's translations list them as the "Re:" they recognise
// (thunderbird-l10n, <locale>/mail/chrome/messenger-region/region.properties,
// mailnews.localizedRe: "Recognize non-standard versions of "Re:" in subjects from localized
// versions of MS Outlook et al."): Hungarian "Vá", Hebrew "השב", Serbian "Одг", Slovenian
// "Odg", Lithuanian "Ats.", Estonian "Vs", Danish "SV". The quoted notice's recipient is the
// person's correspondent (here the sender's own address), never a failure to suppress.
describe("a person's reply to a notice under a localised Outlook's reply prefix is a letter", () => {
  for (const [language, prefix] of [
    ['Hungarian', 'Vá'],
    ['Hebrew', 'השב'],
    ['Serbian', 'Одг'],
    ['Slovenian', 'Odg'],
    ['Lithuanian', 'Ats.'],
    ['Estonian', 'Vs'],
    ['Danish', 'SV'],
  ] as const) {
    it(`${language} '${prefix}: Undeliverable: ...' quoting Exchange's notice`, async () => {
      const raw = Buffer.from(
        [
          'From: Bob <bob@partner.example>',
          'To: bounces@shop.example',
          `Subject: =?utf-8?B?${Buffer.from(`${prefix}: Undeliverable: meeting`, 'utf8').toString('base64')}?=`,
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=utf-8',
          'Content-Transfer-Encoding: 8bit',
          '',
          'Hi, I got this undeliverable notice, is your address right?',
          '',
          '-----Original Message-----',
          'From: postmaster@partner.example',
          'Subject: Undeliverable: meeting',
          '',
          'Delivery has failed to these recipients or groups:',
          'alice@shop.example',
          "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
          '',
        ].join('\n'),
        'utf8',
      );
      expect(await verdict(raw)).toEqual(['not-bounce']);
    });
  }
});
