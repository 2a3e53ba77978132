// Whole notices written in other languages: that each IS a bounce (or a delay warning, or no
// bounce at all), WHO failed (the words around the failed recipient's address, never the
// sender's, a stand-in's or a help address) and WHY, also where the server's own reply is not
// in the text and only the notice's own words tell it. Each notice is written here in the
// layouts and headings the servers use in that language: Exchange's and Outlook.com's
// localised reports (their subject prefixes "Unzustellbar:", "Non remis :", "No se puede
// entregar:", ..., the statement above the recipients and the administrators' section), and
// a provider's notice that names the address in a sentence and says why in its own words (the
// way Gmail's localised notices and the Japanese support pages quote them). Where a wording
// was read on a published page, the rule that reads it names the page; the rest are the same
// statements as each language says them, written here for the test. Text parts come in
// UTF-8 as 8bit, quoted-printable and base64, and in the legacy charsets mail in these
// languages is still sent in (ISO-2022-JP, GB2312, KOI8-R, windows-1250). None comes from a
// bounce collection.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { deliveryStatusPart } from './dsn-report.ts';

// ---------------------------------------------------------------------------------------------
// Encoding helpers: Node decodes the legacy charsets but cannot encode them, so the encoder
// is the decoder inverted (every single byte, and for the double-byte charsets every pair of
// the 94x94 grid they share).

const encoders = new Map<string, Map<string, number[]>>();

function encoderFor(charset: string): Map<string, number[]> {
  const known = encoders.get(charset);
  if (known) return known;
  const table = new Map<string, number[]>();
  const label = charset === 'iso-2022-jp' ? 'iso-2022-jp' : charset;
  const decoder = new TextDecoder(label);
  if (charset === 'gb2312' || charset === 'euc-kr' || charset === 'iso-2022-jp') {
    for (let hi = 0x21; hi <= 0x7e; hi++)
      for (let lo = 0x21; lo <= 0x7e; lo++) {
        const bytes = charset === 'iso-2022-jp' ? [hi, lo] : [hi | 0x80, lo | 0x80];
        const wrapped = charset !== 'iso-2022-jp' ? bytes : [0x1b, 0x24, 0x42, ...bytes, 0x1b, 0x28, 0x42];
        const ch = decoder.decode(Uint8Array.from(wrapped));
        if ([...ch].length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, bytes);
      }
  } else {
    for (let b = 0x80; b <= 0xff; b++) {
      const ch = decoder.decode(Uint8Array.of(b));
      if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, [b]);
    }
  }
  encoders.set(charset, table);
  return table;
}

/** Text in a charset: UTF-8 by Buffer, the others by the inverted decoder. */
function encode(text: string, charset: string): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  const table = encoderFor(charset);
  const out: number[] = [];
  let inJis = false;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      if (inJis) out.push(0x1b, 0x28, 0x42);
      inJis = false;
      out.push(code);
      continue;
    }
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`${ch} has no ${charset} form`);
    if (charset === 'iso-2022-jp' && !inJis) out.push(0x1b, 0x24, 0x42);
    inJis = charset === 'iso-2022-jp';
    out.push(...bytes);
  }
  if (inJis) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}

/** RFC 2047 encoded word for a header holding non-ASCII text. */
function encodedWord(text: string, charset: string): string {
  return /^[\x00-\x7f]*$/.test(text) ? text : `=?${charset}?B?${encode(text, charset).toString('base64')}?=`;
}

/** Quoted-printable (RFC 2045 section 6.7): 8-bit bytes and '=' escaped, lines kept under 76. */
function quotedPrintable(bytes: Buffer): string {
  const out: string[] = [];
  for (const line of bytes.toString('latin1').split('\n')) {
    let cur = '';
    for (const ch of line) {
      const code = ch.charCodeAt(0);
      const piece = code > 126 || ch === '=' ? `=${code.toString(16).toUpperCase().padStart(2, '0')}` : ch;
      if (cur.length + piece.length > 72) {
        out.push(cur + '=');
        cur = '';
      }
      cur += piece;
    }
    out.push(cur);
  }
  return out.join('\n');
}

type Cte = '8bit' | 'quoted-printable' | 'base64';

interface NoticeSpec {
  from: string;
  subject: string;
  lines: readonly string[];
  charset?: string;
  cte?: Cte;
  /** A delivery-status part for user@example.net (RFC 3464) after the text part. */
  dsn?: { status: string; action?: string };
  headers?: readonly string[];
  /** The returned message's headers after this line (the notice's own heading for them). */
  returnedHeading?: string;
}

const RETURNED = ['From: Sender <sender@example.com>', 'To: user@example.net', 'Subject: hello', 'Message-ID: <hello.1@example.com>'];

/** A notice: one text part (single-part, or first in a multipart/report with the DSN and the headers). */
function notice(spec: NoticeSpec): Buffer {
  const charset = spec.charset ?? 'utf-8';
  const cte = spec.cte ?? '8bit';
  const textLines = spec.dsn || !spec.returnedHeading ? spec.lines : [...spec.lines, '', spec.returnedHeading, '', ...RETURNED];
  const raw = encode(textLines.join('\n') + '\n', charset);
  const body =
    cte === 'base64'
      ? raw.toString('base64').replace(/.{76}/g, '$&\n')
      : cte === 'quoted-printable'
        ? quotedPrintable(raw)
        : raw.toString('latin1');
  const textHeaders = [`Content-Type: text/plain; charset=${charset}`, `Content-Transfer-Encoding: ${cte}`];
  const head = [
    `From: ${spec.from}`,
    'To: sender@example.com',
    `Subject: ${encodedWord(spec.subject, charset)}`,
    'Date: Tue, 1 Dec 2026 10:00:00 +0000',
    'Message-ID: <notice.1@example.org>',
    'MIME-Version: 1.0',
    ...(spec.headers ?? []),
  ];
  const parts = spec.dsn
    ? [
        ...head,
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        ...textHeaders,
        '',
        body,
        '--b',
        ...deliveryStatusPart(spec.dsn.status, spec.dsn.action),
        '',
        '--b',
        'Content-Type: text/rfc822-headers',
        '',
        ...RETURNED,
        '',
        '--b--',
        '',
      ]
    : [...head, ...textHeaders, '', body];
  return Buffer.from(parts.join('\n'), 'latin1');
}

// ---------------------------------------------------------------------------------------------
// The languages. For each: Exchange's and Outlook.com's report (subject prefix, the statement
// above the recipients, the administrators' section, the heading of the returned headers), a
// provider's notice in its own words (the sentence naming the address, then why), a delay
// warning, and two messages that are no bounce: an automatic reply and a person's letter, both
// using the language's words for "not delivered" and "full".

type Failure = 'userunknown' | 'mailboxfull' | 'hostunknown' | 'expired' | 'mesgtoobig' | 'spamdetected';

interface Language {
  name: string;
  exchange: { subject: string; statement: string; admin: string; generating: string; headers: string };
  /** Where to write with questions: an address that did not fail. */
  help: string;
  /** The provider's sentence naming the failed address. */
  intro: (address: string) => string;
  why: Record<Failure, string>;
  delay: { subject: string; lines: (address: string) => string[] };
  autoreply: { subject: string; body: string };
  letter: { subject: string; body: string };
}

const LANGUAGES: readonly Language[] = [
  {
    name: 'German',
    help: 'Bei Fragen wenden Sie sich bitte an postmaster@example.org.',
    exchange: {
      subject: 'Unzustellbar: hello',
      statement: 'Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:',
      admin: 'Diagnoseinformationen für Administratoren:',
      generating: 'Generierender Server: mx.example.org',
      headers: 'Ursprüngliche Nachrichtenkopfzeilen:',
    },
    intro: (a) => `Ihre Nachricht an ${a} konnte nicht zugestellt werden.`,
    why: {
      userunknown: 'Die E-Mail-Adresse wurde nicht gefunden. Das E-Mail-Konto existiert nicht.',
      mailboxfull: 'Das Postfach des Empfängers ist voll.',
      hostunknown: 'Die Domäne example.net wurde nicht gefunden.',
      expired: 'Die Nachricht ist abgelaufen: Sie konnte nicht innerhalb der Zustellfrist zugestellt werden.',
      mesgtoobig: 'Die Nachricht ist zu groß.',
      spamdetected: 'Die Nachricht wurde als Spam eingestuft.',
    },
    delay: {
      subject: 'Zustellung verzögert: hello',
      lines: (a) => [
        'Die Zustellung an folgende Empfänger oder Gruppen ist verzögert:',
        '',
        a,
        '',
        'Der Server wird weiterhin versuchen, die Nachricht zuzustellen.',
      ],
    },
    autoreply: {
      subject: 'Automatische Antwort: hello',
      body: 'Vielen Dank für Ihre Nachricht. Ich bin bis zum 10. Januar nicht im Büro, Ihre Nachricht wird nicht weitergeleitet. In dringenden Fällen schreiben Sie an vertretung@example.net.',
    },
    letter: {
      subject: 'Re: Angebot',
      body: 'Hallo Anna, meine Nachricht an kunde@example.org konnte nicht zugestellt werden, sein Postfach ist voll. Kannst du ihm Bescheid geben?',
    },
  },
  {
    name: 'French',
    help: 'Pour toute question, contactez postmaster@example.org.',
    exchange: {
      subject: 'Non remis : hello',
      statement: 'Échec de la remise pour ces destinataires ou groupes :',
      admin: 'Informations de diagnostic pour les administrateurs :',
      generating: 'Serveur de génération : mx.example.org',
      headers: "En-têtes de message d'origine :",
    },
    intro: (a) => `Votre message à ${a} n'a pas pu être remis.`,
    why: {
      userunknown: "L'adresse e-mail est introuvable : le destinataire n'existe pas.",
      mailboxfull: 'La boîte aux lettres du destinataire est pleine.',
      hostunknown: 'Le domaine example.net est introuvable.',
      expired: "Le message a expiré : il n'a pas pu être remis dans le délai imparti.",
      mesgtoobig: 'Le message est trop volumineux.',
      spamdetected: 'Le message a été considéré comme du spam.',
    },
    delay: {
      subject: 'Remise différée : hello',
      lines: (a) => [
        'La remise aux destinataires ou groupes suivants est retardée :',
        '',
        a,
        '',
        'Le serveur continuera à essayer de remettre le message.',
      ],
    },
    autoreply: {
      subject: 'Réponse automatique : hello',
      body: "Je suis absent du bureau jusqu'au 10 janvier. Votre message ne sera pas transféré. En cas d'urgence, écrivez à remplacant@example.net.",
    },
    letter: {
      subject: 'Re: devis',
      body: "Bonjour, mon message à client@example.org n'a pas pu être remis, sa boîte aux lettres est pleine. Peux-tu le prévenir ?",
    },
  },
  {
    name: 'Spanish',
    help: 'Si tiene alguna pregunta, póngase en contacto con postmaster@example.org.',
    exchange: {
      subject: 'No se puede entregar: hello',
      statement: 'No se pudo entregar a estos destinatarios o grupos:',
      admin: 'Información de diagnóstico para administradores:',
      generating: 'Servidor de generación: mx.example.org',
      headers: 'Encabezados de mensaje originales:',
    },
    intro: (a) => `Su mensaje para ${a} no se ha podido entregar.`,
    why: {
      userunknown: 'No se ha encontrado la dirección de correo electrónico: el usuario no existe.',
      mailboxfull: 'El buzón del destinatario está lleno.',
      hostunknown: 'No se ha encontrado el dominio example.net.',
      expired: 'El mensaje ha caducado: no se pudo entregar en el plazo previsto.',
      mesgtoobig: 'El mensaje es demasiado grande.',
      spamdetected: 'El mensaje se ha considerado spam.',
    },
    delay: {
      subject: 'Entrega retrasada: hello',
      lines: (a) => [
        'La entrega a estos destinatarios o grupos se ha retrasado:',
        '',
        a,
        '',
        'El servidor seguirá intentando entregar el mensaje.',
      ],
    },
    autoreply: {
      subject: 'Respuesta automática: hello',
      body: 'Estoy fuera de la oficina hasta el 10 de enero. Su mensaje no se reenviará. Para urgencias, escriba a suplente@example.net.',
    },
    letter: {
      subject: 'Re: presupuesto',
      body: 'Hola, mi mensaje para cliente@example.org no se ha podido entregar, su buzón está lleno. ¿Puedes avisarle?',
    },
  },
  {
    name: 'Italian',
    help: 'Per qualsiasi domanda, contattare postmaster@example.org.',
    exchange: {
      subject: 'Non recapitabile: hello',
      statement: 'Recapito non riuscito per i destinatari o i gruppi seguenti:',
      admin: 'Informazioni di diagnostica per gli amministratori:',
      generating: 'Server di generazione: mx.example.org',
      headers: 'Intestazioni originali del messaggio:',
    },
    intro: (a) => `Il messaggio per ${a} non è stato recapitato.`,
    why: {
      userunknown: "L'indirizzo e-mail non è stato trovato: l'utente non esiste.",
      mailboxfull: 'La casella di posta del destinatario è piena.',
      hostunknown: 'Il dominio example.net non è stato trovato.',
      expired: 'Il messaggio è scaduto: non è stato possibile recapitarlo entro il tempo previsto.',
      mesgtoobig: 'Il messaggio è troppo grande.',
      spamdetected: 'Il messaggio è stato classificato come spam.',
    },
    delay: {
      subject: 'Recapito ritardato: hello',
      lines: (a) => [
        'Il recapito ai destinatari o ai gruppi seguenti è stato ritardato:',
        '',
        a,
        '',
        'Il server continuerà a tentare il recapito del messaggio.',
      ],
    },
    autoreply: {
      subject: 'Risposta automatica: hello',
      body: 'Sono fuori ufficio fino al 10 gennaio. Il messaggio non verrà inoltrato. Per urgenze scrivere a sostituto@example.net.',
    },
    letter: {
      subject: 'R: preventivo',
      body: 'Ciao, il mio messaggio per cliente@example.org non è stato recapitato, la sua casella è piena. Puoi avvisarlo?',
    },
  },
  {
    name: 'Portuguese',
    help: 'Em caso de dúvidas, entre em contato com postmaster@example.org.',
    exchange: {
      subject: 'Não é possível entregar: hello',
      statement: 'Falha na entrega para estes destinatários ou grupos:',
      admin: 'Informações de diagnóstico para administradores:',
      generating: 'Servidor de geração: mx.example.org',
      headers: 'Cabeçalhos da mensagem original:',
    },
    intro: (a) => `Sua mensagem para ${a} não pôde ser entregue.`,
    why: {
      userunknown: 'O endereço de email não foi encontrado: o usuário não existe.',
      mailboxfull: 'A caixa de correio do destinatário está cheia.',
      hostunknown: 'O domínio example.net não foi encontrado.',
      expired: 'A mensagem expirou: não foi possível entregá-la no prazo.',
      mesgtoobig: 'A mensagem é muito grande.',
      spamdetected: 'A mensagem foi considerada spam.',
    },
    delay: {
      subject: 'Entrega atrasada: hello',
      lines: (a) => [
        'A entrega para estes destinatários ou grupos está atrasada:',
        '',
        a,
        '',
        'O servidor continuará tentando entregar a mensagem.',
      ],
    },
    autoreply: {
      subject: 'Resposta automática: hello',
      body: 'Estou fora do escritório até 10 de janeiro. Sua mensagem não será encaminhada. Em caso de urgência, escreva para substituto@example.net.',
    },
    letter: {
      subject: 'Re: orçamento',
      body: 'Olá, minha mensagem para cliente@example.org não foi entregue, a caixa de correio dele está cheia. Pode avisá-lo?',
    },
  },
  {
    name: 'Dutch',
    help: 'Neem bij vragen contact op met postmaster@example.org.',
    exchange: {
      subject: 'Onbestelbaar: hello',
      statement: 'Bezorging is mislukt voor deze geadresseerden of groepen:',
      admin: 'Diagnostische gegevens voor beheerders:',
      generating: 'Genererende server: mx.example.org',
      headers: 'Oorspronkelijke berichtkoppen:',
    },
    intro: (a) => `Uw bericht aan ${a} kan niet worden bezorgd.`,
    why: {
      userunknown: 'Het e-mailadres is niet gevonden: de gebruiker bestaat niet.',
      mailboxfull: 'Het postvak van de geadresseerde is vol.',
      hostunknown: 'Het domein example.net is niet gevonden.',
      expired: 'Het bericht is verlopen: het kon niet binnen de gestelde tijd worden bezorgd.',
      mesgtoobig: 'Het bericht is te groot.',
      spamdetected: 'Het bericht is als spam aangemerkt.',
    },
    delay: {
      subject: 'Bezorging vertraagd: hello',
      lines: (a) => [
        'De bezorging aan deze geadresseerden of groepen is vertraagd:',
        '',
        a,
        '',
        'De server blijft proberen het bericht te bezorgen.',
      ],
    },
    autoreply: {
      subject: 'Automatisch antwoord: hello',
      body: 'Ik ben tot 10 januari afwezig. Uw bericht wordt niet doorgestuurd. Voor dringende zaken kunt u mailen naar vervanger@example.net.',
    },
    letter: {
      subject: 'Antw: offerte',
      body: 'Hoi, mijn bericht aan klant@example.org kon niet worden bezorgd, zijn postvak is vol. Kun je het hem laten weten?',
    },
  },
  {
    name: 'Polish',
    help: 'W razie pytań prosimy o kontakt z postmaster@example.org.',
    exchange: {
      subject: 'Nie można dostarczyć: hello',
      statement: 'Dostarczenie do tych adresatów lub grup nie powiodło się:',
      admin: 'Informacje diagnostyczne dla administratorów:',
      generating: 'Serwer generujący: mx.example.org',
      headers: 'Oryginalne nagłówki wiadomości:',
    },
    intro: (a) => `Nie można dostarczyć wiadomości do ${a}.`,
    why: {
      userunknown: 'Nie znaleziono adresu e-mail: użytkownik nie istnieje.',
      mailboxfull: 'Skrzynka pocztowa adresata jest pełna.',
      hostunknown: 'Nie znaleziono domeny example.net.',
      expired: 'Wiadomość wygasła: nie udało się jej dostarczyć w wyznaczonym czasie.',
      mesgtoobig: 'Wiadomość jest za duża.',
      spamdetected: 'Wiadomość została uznana za spam.',
    },
    delay: {
      subject: 'Dostarczanie opóźnione: hello',
      lines: (a) => [
        'Dostarczanie do tych adresatów lub grup jest opóźnione:',
        '',
        a,
        '',
        'Serwer będzie nadal próbował dostarczyć wiadomość.',
      ],
    },
    autoreply: {
      subject: 'Odpowiedź automatyczna: hello',
      body: 'Jestem poza biurem do 10 stycznia. Wiadomość nie zostanie przekazana. W pilnych sprawach proszę pisać do zastepca@example.net.',
    },
    letter: {
      subject: 'Odp: oferta',
      body: 'Cześć, moja wiadomość do klient@example.org nie została dostarczona, jego skrzynka jest pełna. Dasz mu znać?',
    },
  },
  {
    name: 'Russian',
    help: 'По всем вопросам обращайтесь к postmaster@example.org.',
    exchange: {
      subject: 'Не доставлено: hello',
      statement: 'Не удалось доставить сообщение следующим получателям или группам:',
      admin: 'Диагностическая информация для администраторов:',
      generating: 'Сервер создания: mx.example.org',
      headers: 'Заголовки исходного сообщения:',
    },
    intro: (a) => `Ваше сообщение для ${a} не доставлено.`,
    why: {
      userunknown: 'Адрес электронной почты не найден: пользователь не существует.',
      mailboxfull: 'Почтовый ящик получателя переполнен.',
      hostunknown: 'Домен example.net не найден.',
      expired: 'Срок доставки сообщения истек.',
      mesgtoobig: 'Сообщение слишком большое.',
      spamdetected: 'Сообщение было признано спамом.',
    },
    delay: {
      subject: 'Доставка задерживается: hello',
      lines: (a) => [
        'Доставка следующим получателям или группам задерживается:',
        '',
        a,
        '',
        'Сервер продолжит попытки доставить сообщение.',
      ],
    },
    autoreply: {
      subject: 'Автоматический ответ: hello',
      body: 'Я в отпуске до 10 января. Ваше сообщение не будет переслано. По срочным вопросам пишите на zamestitel@example.net.',
    },
    letter: {
      subject: 'Re: предложение',
      body: 'Привет, моё сообщение для klient@example.org не доставлено, его почтовый ящик переполнен. Передашь ему?',
    },
  },
  {
    name: 'Japanese',
    help: 'ご不明な点は postmaster@example.org までお問い合わせください。',
    exchange: {
      subject: '配信不能: hello',
      statement: '次の受信者またはグループへの配信に失敗しました:',
      admin: '管理者向けの診断情報:',
      generating: '生成サーバー: mx.example.org',
      headers: '元のメッセージ ヘッダー:',
    },
    intro: (a) => `${a} 宛てのメールを配信できませんでした。`,
    why: {
      userunknown: 'メールアドレスが見つかりません。宛先のユーザーは存在しません。',
      mailboxfull: '宛先の受信トレイがいっぱいです。',
      hostunknown: 'ドメイン example.net が見つかりません。',
      expired: 'メッセージの有効期限が切れました。',
      mesgtoobig: 'メッセージのサイズが大きすぎます。',
      spamdetected: 'メッセージはスパムと判断されました。',
    },
    delay: {
      subject: 'Delivery Status Notification (Delay)',
      lines: (a) => [
        '配信未完了',
        '',
        `${a} へのメールの配信中に一時的な問題が発生しました。Gmail は 47 時間再試行し、配信できなかった場合はお知らせします。`,
      ],
    },
    autoreply: {
      subject: '自動応答: hello',
      body: '1月10日まで不在です。メールは転送されません。お急ぎの場合は daiko@example.net までご連絡ください。',
    },
    letter: {
      subject: 'Re: 見積もり',
      body: 'こんにちは。kokyaku@example.org 宛てのメールが配信できませんでした。受信トレイがいっぱいのようです。',
    },
  },
  {
    name: 'Chinese (simplified)',
    help: '如有疑问,请联系 postmaster@example.org。',
    exchange: {
      subject: '无法送达: hello',
      statement: '未能送达这些收件人或组:',
      admin: '管理员诊断信息:',
      generating: '生成服务器: mx.example.org',
      headers: '原始邮件头:',
    },
    intro: (a) => `您发送给 ${a} 的邮件无法送达。`,
    why: {
      userunknown: '找不到该电子邮件地址:收件人不存在。',
      mailboxfull: '收件人邮箱已满。',
      hostunknown: '找不到域名 example.net。',
      expired: '邮件已过期,在规定时间内未能送达。',
      mesgtoobig: '邮件太大。',
      spamdetected: '邮件被判定为垃圾邮件。',
    },
    delay: {
      subject: '延迟送达: hello',
      lines: (a) => ['以下收件人或组的邮件送达被延迟:', '', a, '', '服务器将继续尝试投递该邮件。'],
    },
    autoreply: {
      subject: '自动回复: hello',
      body: '我在1月10日前休假,邮件不会被转发。如有急事,请联系 daili@example.net。',
    },
    letter: {
      subject: '回复: 报价',
      body: '你好,我发给 kehu@example.org 的邮件没有送达,他的邮箱已满。你能告诉他吗?',
    },
  },
  {
    name: 'Czech',
    help: 'S dotazy se obraťte na postmaster@example.org.',
    exchange: {
      subject: 'Nedoručitelné: hello',
      statement: 'Doručení těmto příjemcům nebo skupinám se nezdařilo:',
      admin: 'Diagnostické informace pro správce:',
      generating: 'Generující server: mx.example.org',
      headers: 'Původní záhlaví zprávy:',
    },
    intro: (a) => `Vaše zpráva pro ${a} nemohla být doručena.`,
    why: {
      userunknown: 'E-mailová adresa nebyla nalezena: uživatel neexistuje.',
      mailboxfull: 'Schránka příjemce je plná.',
      hostunknown: 'Doména example.net nebyla nalezena.',
      expired: 'Platnost zprávy ve frontě vypršela.',
      mesgtoobig: 'Zpráva je příliš velká.',
      spamdetected: 'Zpráva byla označena jako spam.',
    },
    delay: {
      subject: 'Doručení zpožděno: hello',
      lines: (a) => ['Doručení těmto příjemcům nebo skupinám je zpožděno:', '', a, '', 'Server se bude nadále pokoušet zprávu doručit.'],
    },
    autoreply: {
      subject: 'Automatická odpověď: hello',
      body: 'Do 10. ledna jsem mimo kancelář. Vaše zpráva nebude přeposlána. V naléhavých případech pište na zastupce@example.net.',
    },
    letter: {
      subject: 'Re: nabídka',
      body: 'Ahoj, moje zpráva pro klient@example.org nemohla být doručena, jeho schránka je plná. Dáš mu vědět?',
    },
  },
  {
    name: 'Swedish',
    help: 'Kontakta postmaster@example.org om du har frågor.',
    exchange: {
      subject: 'Kan inte levereras: hello',
      statement: 'Det gick inte att leverera till följande mottagare eller grupper:',
      admin: 'Diagnostisk information för administratörer:',
      generating: 'Genererande server: mx.example.org',
      headers: 'Ursprungliga meddelandehuvuden:',
    },
    intro: (a) => `Ditt meddelande till ${a} kunde inte levereras.`,
    why: {
      userunknown: 'E-postadressen hittades inte: användaren finns inte.',
      mailboxfull: 'Mottagarens brevlåda är full.',
      hostunknown: 'Domänen example.net hittades inte.',
      expired: 'Meddelandet har upphört att gälla.',
      mesgtoobig: 'Meddelandet är för stort.',
      spamdetected: 'Meddelandet klassades som skräppost.',
    },
    delay: {
      subject: 'Leveransen är försenad: hello',
      lines: (a) => [
        'Leveransen till följande mottagare eller grupper är försenad:',
        '',
        a,
        '',
        'Servern fortsätter att försöka leverera meddelandet.',
      ],
    },
    autoreply: {
      subject: 'Automatiskt svar: hello',
      body: 'Jag är borta till den 10 januari. Ditt meddelande vidarebefordras inte. I brådskande fall, skriv till ersattare@example.net.',
    },
    letter: {
      subject: 'SV: offert',
      body: 'Hej, mitt meddelande till kund@example.org kunde inte levereras, hans brevlåda är full. Kan du säga till honom?',
    },
  },
  {
    name: 'Turkish',
    help: 'Sorularınız için postmaster@example.org adresine yazın.',
    exchange: {
      subject: 'Teslim Edilemedi: hello',
      statement: 'Şu alıcılara veya gruplara teslim başarısız oldu:',
      admin: 'Yöneticiler için tanılama bilgileri:',
      generating: 'Oluşturan sunucu: mx.example.org',
      headers: 'Özgün ileti üst bilgileri:',
    },
    intro: (a) => `${a} adresine gönderdiğiniz ileti teslim edilemedi.`,
    why: {
      userunknown: 'E-posta adresi bulunamadı: kullanıcı mevcut değil.',
      mailboxfull: 'Alıcının posta kutusu dolu.',
      hostunknown: 'example.net etki alanı bulunamadı.',
      expired: 'İletinin süresi doldu.',
      mesgtoobig: 'İleti çok büyük.',
      spamdetected: 'İleti istenmeyen posta olarak algılandı.',
    },
    delay: {
      subject: 'Teslim Gecikti: hello',
      lines: (a) => ['Şu alıcılara veya gruplara teslim gecikti:', '', a, '', 'Sunucu iletiyi teslim etmeyi denemeye devam edecek.'],
    },
    autoreply: {
      subject: 'Otomatik yanıt: hello',
      body: '10 Ocak tarihine kadar ofis dışındayım. İletiniz iletilmeyecek. Acil durumlarda vekil@example.net adresine yazın.',
    },
    letter: {
      subject: 'Ynt: teklif',
      body: 'Merhaba, musteri@example.org adresine gönderdiğim ileti teslim edilemedi, posta kutusu dolu. Ona haber verir misin?',
    },
  },
  {
    name: 'Korean',
    help: '문의 사항은 postmaster@example.org 로 연락하십시오.',
    exchange: {
      subject: '배달 못 함: hello',
      statement: '다음 받는 사람 또는 그룹에 배달하지 못했습니다.',
      admin: '관리자를 위한 진단 정보:',
      generating: '생성 서버: mx.example.org',
      headers: '원본 메시지 헤더:',
    },
    intro: (a) => `${a} 주소로 보낸 메시지를 배달하지 못했습니다.`,
    why: {
      userunknown: '메일 주소를 찾을 수 없습니다. 받는 사람이 존재하지 않습니다.',
      mailboxfull: '받는 사람의 사서함이 가득 찼습니다.',
      hostunknown: 'example.net 도메인을 찾을 수 없습니다.',
      expired: '메시지가 만료되었습니다.',
      mesgtoobig: '메시지가 너무 큽니다.',
      spamdetected: '메시지가 스팸으로 분류되었습니다.',
    },
    delay: {
      subject: '배달 지연: hello',
      lines: (a) => ['다음 받는 사람 또는 그룹에 대한 배달이 지연되었습니다.', '', a, '', '서버에서 계속 메시지 배달을 시도합니다.'],
    },
    autoreply: {
      subject: '자동 회신: hello',
      body: '1월 10일까지 부재중입니다. 메시지는 전달되지 않습니다. 급한 용무는 daeri@example.net 으로 연락 주십시오.',
    },
    letter: {
      subject: 'Re: 견적',
      body: '안녕하세요, gogaek@example.org 주소로 보낸 메일이 배달되지 않았습니다. 사서함이 가득 찼다고 합니다.',
    },
  },
];

const HARD: ReadonlySet<Failure> = new Set(['userunknown', 'hostunknown']);
const FAILURES: readonly Failure[] = ['userunknown', 'mailboxfull', 'hostunknown', 'expired', 'mesgtoobig', 'spamdetected'];
/** The text part's transfer encoding for each failure: each language's notices in all three. */
const CTE: Record<Failure, Cte> = {
  userunknown: 'quoted-printable',
  mailboxfull: 'base64',
  hostunknown: '8bit',
  expired: 'quoted-printable',
  mesgtoobig: 'base64',
  spamdetected: '8bit',
};

/** What a user sees: the kind, then each recipient's address, reason and hard/soft. */
async function seen(raw: Buffer): Promise<[string, ...[string, string, string][]]> {
  const c = await classify(raw);
  return [c.kind, ...c.recipients.map((r): [string, string, string] => [r.address, r.reason, r.bounceType])];
}

/** Exchange's report: statement, the recipient, the administrators' section with the remote reply. */
function exchangeReport(l: Language, reply: string, opts: { from?: string; dsn?: NoticeSpec['dsn'] } = {}): Buffer {
  return notice({
    from: opts.from ?? 'postmaster@example.org',
    subject: l.exchange.subject,
    lines: [
      l.exchange.statement,
      '',
      'user@example.net',
      '',
      '',
      '',
      l.exchange.admin,
      '',
      l.exchange.generating,
      'user@example.net',
      `mx.example.net #${reply} ##`,
    ],
    dsn: opts.dsn,
    returnedHeading: l.exchange.headers,
  });
}

/** A provider's notice in its own words: the sentence naming the address, then why; no server reply. */
function ownWords(l: Language, failure: Failure, opts: { charset?: string; cte?: Cte; dsn?: NoticeSpec['dsn'] } = {}): Buffer {
  return notice({
    from: 'Mail Delivery System <MAILER-DAEMON@mx.example.org>',
    subject: l.exchange.subject,
    lines: [l.intro('user@example.net'), '', l.why[failure], '', l.help],
    charset: opts.charset,
    cte: opts.cte ?? CTE[failure],
    dsn: opts.dsn,
    returnedHeading: l.exchange.headers,
  });
}

for (const l of LANGUAGES) {
  describe(`${l.name} notices`, () => {
    it(`Exchange's ${l.name} report with no delivery-status part: the recipient it lists, unknown and hard by the remote reply`, async () => {
      expect(await seen(exchangeReport(l, '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'))).toEqual([
        'bounce',
        ['user@example.net', 'userunknown', 'hard'],
      ]);
    });

    it(`Exchange's ${l.name} report from "Microsoft Outlook" (no daemon name) is told a bounce by its subject "${l.exchange.subject}"`, async () => {
      const raw = exchangeReport(l, '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found', {
        from: 'Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.org>',
      });
      expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'userunknown', 'hard']]);
    });

    it(`Exchange's ${l.name} report with a delivery-status part: a full mailbox, soft`, async () => {
      const raw = exchangeReport(l, '552 5.2.2 STOREDRV.Deliver; mailbox full', { dsn: { status: '5.2.2' } });
      expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'mailboxfull', 'soft']]);
    });

    for (const failure of FAILURES) {
      it(`a ${l.name} notice in its own words, no server reply (${CTE[failure]}): ${failure}, ${HARD.has(failure) ? 'hard' : 'soft'}`, async () => {
        expect(await seen(ownWords(l, failure))).toEqual(['bounce', ['user@example.net', failure, HARD.has(failure) ? 'hard' : 'soft']]);
      });
    }

    it(`a ${l.name} notice in its own words with a delivery-status part of status 5.0.0: the words decide, unknown and hard`, async () => {
      expect(await seen(ownWords(l, 'userunknown', { dsn: { status: '5.0.0' } }))).toEqual([
        'bounce',
        ['user@example.net', 'userunknown', 'hard'],
      ]);
    });

    it(`a ${l.name} delay warning is a delay, never a bounce`, async () => {
      const raw = notice({ from: 'postmaster@example.org', subject: l.delay.subject, lines: l.delay.lines('user@example.net') });
      const [kind, ...recipients] = await seen(raw);
      expect(kind).toBe('delay');
      expect(recipients.map(([address, , bounceType]) => [address, bounceType])).toEqual([['user@example.net', 'none']]);
    });

    it(`a ${l.name} automatic reply that says the message will not be forwarded is an automatic reply, not a bounce`, async () => {
      const raw = notice({ from: 'Anna Example <anna@example.net>', subject: l.autoreply.subject, lines: [l.autoreply.body] });
      expect((await seen(raw))[0]).toBe('autoreply');
    });

    it(`a person's ${l.name} letter that tells of a message not delivered to a full mailbox is no bounce`, async () => {
      const raw = notice({ from: 'Bob Example <bob@example.net>', subject: l.letter.subject, lines: [l.letter.body] });
      expect((await seen(raw))[0]).toBe('not-bounce');
    });
  });
}

/** The language by name. */
const lang = (name: string): Language => LANGUAGES.find((l) => l.name === name) as Language;

describe('notices in the legacy charsets their languages are still sent in', () => {
  /** Each case: the test's name, the language, the failure, the charset and transfer encoding, then what the user sees. */
  const cases: readonly [name: string, language: string, failure: Failure, charset: string, cte: Cte, bounceType: string][] = [
    ['a Japanese notice in ISO-2022-JP (7bit): unknown user, hard', 'Japanese', 'userunknown', 'iso-2022-jp', '8bit', 'hard'],
    ['a Chinese notice in GB2312, base64: a full mailbox, soft', 'Chinese (simplified)', 'mailboxfull', 'gb2312', 'base64', 'soft'],
    ['a Russian notice in KOI8-R, quoted-printable: unknown user, hard', 'Russian', 'userunknown', 'koi8-r', 'quoted-printable', 'hard'],
    ['a Korean notice in EUC-KR, base64: unknown user, hard', 'Korean', 'userunknown', 'euc-kr', 'base64', 'hard'],
    [
      'a Czech notice in ISO-8859-2, quoted-printable: the retry period over, soft',
      'Czech',
      'expired',
      'iso-8859-2',
      'quoted-printable',
      'soft',
    ],
    ['a Polish notice in windows-1250, 8bit: a full mailbox, soft', 'Polish', 'mailboxfull', 'windows-1250', '8bit', 'soft'],
  ];
  for (const [name, language, failure, charset, cte, bounceType] of cases) {
    it(name, async () => {
      const raw = ownWords(lang(language), failure, { charset, cte });
      // ISO-2022-JP is 7bit: its switch into JIS X 0208 (ESC $ B) must be in the bytes.
      if (charset === 'iso-2022-jp') expect(raw.includes(Buffer.from([0x1b, 0x24, 0x42]))).toBe(true);
      expect(await seen(raw)).toEqual(['bounce', ['user@example.net', failure, bounceType]]);
    });
  }
});

describe('localised notices naming more than one address', () => {
  it("Exchange's German report with two recipients: each its own reason from the administrators' section", async () => {
    const raw = notice({
      from: 'postmaster@example.org',
      subject: 'Unzustellbar: hello',
      lines: [
        'Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:',
        '',
        'a@example.net',
        'b@example.net',
        '',
        'Diagnoseinformationen für Administratoren:',
        '',
        'Generierender Server: mx.example.org',
        '',
        'a@example.net',
        'mx.example.net #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
        '',
        'b@example.net',
        'mx.example.net #552 5.2.2 STOREDRV.Deliver; mailbox full ##',
      ],
      returnedHeading: 'Ursprüngliche Nachrichtenkopfzeilen:',
    });
    expect(await seen(raw)).toEqual(['bounce', ['a@example.net', 'userunknown', 'hard'], ['b@example.net', 'mailboxfull', 'soft']]);
  });

  it("a French provider's notice that names the sender ('Expéditeur :') and a help address: only the failed address", async () => {
    const raw = notice({
      from: 'MAILER-DAEMON@mx.example.org',
      subject: 'Non remis : hello',
      lines: [
        'Expéditeur : sender@example.com',
        '',
        "Votre message à user@example.net n'a pas pu être remis.",
        '',
        'La boîte aux lettres du destinataire est pleine.',
        '',
        'Pour toute question, contactez postmaster@example.org.',
      ],
      returnedHeading: "En-têtes de message d'origine :",
    });
    expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'mailboxfull', 'soft']]);
  });

  it("a Spanish notice's help line ('póngase en contacto con ...') names no recipient", async () => {
    const raw = notice({
      from: 'MAILER-DAEMON@mx.example.org',
      subject: 'No se puede entregar: hello',
      lines: [
        'Su mensaje para user@example.net no se ha podido entregar.',
        '',
        'El usuario no existe.',
        '',
        'Si tiene alguna pregunta, póngase en contacto con postmaster@example.org.',
      ],
    });
    expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'userunknown', 'hard']]);
  });
});

describe('localised words that make no bounce', () => {
  it("a shop's no-reply mail in German that says it will keep trying to deliver a parcel is no delay warning", async () => {
    const raw = notice({
      from: 'Versand <noreply@shop.example>',
      subject: 'Ihre Lieferung verzögert sich',
      lines: ['Guten Tag, Ihre Bestellung 4711 verzögert sich.', 'Der Paketdienst wird weiterhin versuchen, Ihr Paket zuzustellen.'],
    });
    expect((await seen(raw))[0]).toBe('not-bounce');
  });

  it('a Japanese automatic reply marked only by Auto-Submitted, its subject plain, is an automatic reply even when it says 配信できませんでした', async () => {
    const raw = notice({
      from: 'Taro Example <taro@example.net>',
      subject: 'Re: hello',
      headers: ['Auto-Submitted: auto-replied'],
      lines: ['1月10日まで不在です。先日のメールは kokyaku@example.org に配信できませんでした。'],
    });
    expect((await seen(raw))[0]).toBe('autoreply');
  });

  it("a Russian newsletter from a person's address whose text says 'не доставлено' is no bounce", async () => {
    const raw = notice({
      from: 'Ivan Example <ivan@example.net>',
      subject: 'Новости за декабрь',
      lines: ['Если письмо не доставлено вовремя, напишите на ivan@example.net.', 'Почтовый ящик переполнен? Очистите его.'],
    });
    expect((await seen(raw))[0]).toBe('not-bounce');
  });
});

// Localised notices as pages quote them whole: qmail's notice translated into Polish by a
// Polish host (kei.pl/pomoc/wiadmosc-zwrotna, "Wiadomość zwrotna – Mailer Daemon", written
// without diacritics, with its bilingual "Remote host said: / Zdalny host odpowiedzial:"),
// and Gmail's Japanese notice for a full mailbox (urashita.com/?p=36286).
describe('localised notices as pages quote them', () => {
  /** The Polish host's qmail notice around the one recipient's report. */
  const polishQmail = (...report: string[]) =>
    notice({
      from: 'MAILER-DAEMON@mx.example.org',
      subject: 'failure notice',
      lines: [
        'Bardzo nam przykro jednakze nie udalo sie wyslac maila pod wskazane adresy.',
        'Przyczyna wskazana jest ponizej:',
        '',
        '<user@example.net>:',
        ...report,
      ],
      returnedHeading: '--- Below this line is a copy of the message.',
    });

  it("the Polish host's qmail notice: the address it lists, a full mailbox by maildrop's words", async () => {
    const raw = polishQmail('maildrop: maildir over quota.');
    expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'mailboxfull', 'soft']]);
  });

  it("the Polish host's qmail notice with its bilingual 'Zdalny host odpowiedzial:' line: an unknown user, hard", async () => {
    const raw = polishQmail(
      '192.0.2.1 does not like recipient.',
      'Remote host said: / Zdalny host odpowiedzial: 550 No Such User Here',
      'Giving up on 192.0.2.1.',
    );
    expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'userunknown', 'hard']]);
  });

  it("Gmail's Japanese notice for a full mailbox ('宛先の受信トレイの空き容量不足'): the address, full, soft", async () => {
    const raw = notice({
      from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      subject: 'Delivery Status Notification (Failure)',
      lines: [
        '宛先の受信トレイの空き容量不足',
        '',
        'user@example.net にメールを配信できませんでした。宛先の受信トレイがいっぱいか、宛先で現在多数のメールを受信しています。',
        '',
        '応答:',
        '',
        '452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp b123-20020a170902 - gsmtp',
      ],
    });
    expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'mailboxfull', 'soft']]);
  });
});

/**
 * masqmail's own notices in the languages it ships them in (tpl/failmsg.tpl.de, .fr, .it and
 * warnmsg.tpl.*, filled in by src/fail_msg.c: each failed address as "\t<address>", the
 * error as deliver.c words it, "while connected with <host>, the server replied\n\t<reply>").
 * Each template is bilingual, the English in brackets under the local words; the Italian
 * failure template ends its headers after Subject, so its MIME lines land in the body.
 */
function masqmail(template: string[], recipients: string[], error: string): Buffer {
  const filled = template.flatMap((line) =>
    line === '@failed_rcpts'
      ? recipients.map((r) => `\t<${r}>`)
      : line === '${err_msg}'
        ? error.split('\n')
        : line === '@msg_headers'
          ? RETURNED
          : line === '@msg_body'
            ? ['hello']
            : [
                line
                  .replaceAll('${host_name}', 'mx.example.org')
                  .replaceAll('${return_path}', 'sender@example.com')
                  .replaceAll('${uid}', '1abc-0001')
                  .replaceAll('${package}', 'masqmail')
                  .replaceAll('${version}', '0.3.6'),
              ],
  );
  return Buffer.from(filled.join('\n') + '\n', 'utf8');
}

const MASQ_REPLY = (reply: string) => `while connected with mx.example.net, the server replied\n\t${reply}`;

describe("masqmail's German, French and Italian notices (tpl/*.de, *.fr, *.it)", () => {
  it('the German failure notice: the listed address, unknown and hard; never the postmaster it offers', async () => {
    const raw = masqmail(
      [
        'Subject: Mail Delivery Failure Notice',
        'From: MAILER-DAEMON@${host_name}',
        'To: ${return_path}',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed;',
        '        boundary="${uid}/${host_name}"',
        '',
        'Dies ist eine MIME-formatierte Nachricht.',
        'This is a MIME-encapsulated message.',
        '',
        '--${uid}/${host_name}',
        'Content-Description: Notification',
        'Content-Type: text/plain;',
        '  charset=utf-8',
        '',
        'Diese Nachricht wurde Ihnen von dem Mail Agenten',
        '(${package} ${version}) auf ${host_name} geschickt.',
        '(This message was sent to you by the mailer daemon (${package} ${version})',
        'at ${host_name}.)',
        '',
        'Bedauerlicherweise konnte Ihre Mail nicht an alle Empfänger weitergeleitet',
        'werden.',
        '(Sorry, but your mail could not be delivered to all recipients.)',
        '',
        'Die Zustellung zu den folgenden Empfängern ist permanent',
        'fehlgeschlagen. Es wird kein weiterer Versuch unternommen:',
        '(Delivery to the following recipients failed permanently and has been given',
        'up:)',
        '',
        '@failed_rcpts',
        '',
        'Diese Fehlermeldung könnte einen Hinweis über die Ursache geben:',
        '(This error message may give you a hint about what caused the',
        'failure:)',
        '',
        '${err_msg}',
        '',
        'Für weitere Hilfe, schreiben Sie an <postmaster@${host_name}>.',
        '(If you need help, write to <postmaster@${host_name}>.)',
        '',
        'Ihre Nachricht folgt im Anhang, einschliesslich aller Header:',
        '(Your message follows attached, including all headers:)',
        '',
        '--${uid}/${host_name}',
        'Content-Description: Undelivered Message',
        'Content-Type: message/rfc822',
        '',
        '@msg_headers',
        '',
        '@msg_body',
        '',
        '--${uid}/${host_name}--',
      ],
      ['user@example.net'],
      MASQ_REPLY('550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in local recipient table'),
    );
    expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'userunknown', 'hard']]);
  });

  it('the French warning ("Attention: impossible d\'envoyer un message"): a delay for the listed address, never hard', async () => {
    const raw = masqmail(
      [
        "Subject: Attention: impossible d'envoyer un message",
        'From: MAILER-DAEMON@${host_name}',
        'To: ${return_path}',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed;',
        '        boundary="${uid}/${host_name}"',
        '',
        'Ce message est encapsule avec le format MIME.',
        'This is a MIME-encapsulated message.',
        '',
        '--${uid}/${host_name}',
        'Content-Description: Notification',
        'Content-Type: text/plain;',
        '  charset=utf-8',
        '',
        '[ENGLISH BELOW]',
        '',
        '------------------------------[ FRANCAIS ]------------------------------',
        '',
        'Ce message vous a été envoyé par le serveur de messagerie',
        '(${package} ${version}) sur ${host_name}.',
        '',
        "J'ai le regret de vous informer que votre courrier n'a pas pu être transmis",
        "à tous ses destinataires. L'expédition vers les destinataires suivants a été",
        'différée:',
        '',
        '@failed_rcpts',
        '',
        "D'autres tentatives d'envoi vont être effectuées, jusqu'à ce que cela",
        'réussisse ou dépasse une certaine limite dans le temps. Dans ce cas, vous',
        "recevrez une notification d'échec d'expédition.",
        '',
        '',
        "Ce message d'erreur peut peut-être vous aider à déterminer l'origine du",
        'délai:',
        '',
        '${err_msg}',
        '',
        "Si vous avez besoin d'aide, écrivez à <postmaster@${host_name}>.",
        '',
        'Les entêtes de votre message sont inclus en pièce jointe.',
        '',
        '',
        '------------------------------[ ENGLISH ]------------------------------',
        '',
        'This message was sent to you by the mailer daemon (${package} ${version})',
        'at ${host_name}.',
        '',
        'Sorry, but your mail could not yet be delivered to all recipients.',
        'Delivery to the following recipients has been defered:',
        '',
        '@failed_rcpts',
        '',
        'Delivery will be tried again, until it is either successfull or a',
        'timeout has been reached. If the latter happens, you will get a',
        'delivery failure notice.',
        '',
        '',
        'This error message may give you a hint about what caused the',
        'delay:',
        '',
        '${err_msg}',
        '',
        'If you need help, write to <postmaster@${host_name}>.',
        '',
        'The headers of your message follow attached:',
        '',
        '--${uid}/${host_name}',
        'Content-Description: Undelivered Message Headers',
        'Content-Type: message/rfc822',
        '',
        '@msg_headers',
        '',
        '--${uid}/${host_name}--',
      ],
      ['user@example.net'],
      MASQ_REPLY('451 4.3.0 Temporary lookup failure'),
    );
    const [kind, ...recipients] = await seen(raw);
    expect(kind).toBe('delay');
    expect(recipients.map(([address, , bounceType]) => [address, bounceType])).toEqual([['user@example.net', 'none']]);
  });

  it('the Italian failure notice, its MIME lines in the body after the blank line it leaves: the listed address, a full mailbox', async () => {
    const raw = masqmail(
      [
        'From: MAILER-DAEMON@${host_name}',
        'To: ${return_path}',
        'Subject: invio messaggio FALLITO / Mail Delivery Failure Notice',
        '',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed;',
        '        boundary="${uid}/${host_name}"',
        '',
        'Messaggio in formato MIME multi-parti.',
        'This is a MIME-encapsulated message.',
        '',
        '--${uid}/${host_name}--',
        'Content-Description: Notifica-Notify',
        'Content-Type: text/plain',
        '',
        "Questo messaggio ti e' stato spedito dal demone: ",
        ' (This message was sent to you by the mailer daemon:)',
        '(${package} ${version}) @ ${host_name}:',
        '',
        "Spiacente ma non e' stato possibile spedire il tuo msg a tutti",
        "i destinatari. L'invio ai seguenti destinatari e' fallito in modo",
        "permanente e non verra' ritentato:",
        ' (Sorry, but your mail could not be delivered to all recipients.',
        '  Delivery to the following recipients failed permanently and has ',
        '  been given up:)',
        '',
        '@failed_rcpts',
        '',
        "Il seguente msg d'errore potrebbe aiutarti a capire la causa ",
        "dell'errore:",
        ' (This error message may give you a hint about what caused the',
        '  failure:)',
        '',
        '${err_msg}',
        '',
        'In caso ti serva aiuto scrivi a <postmatster@${host_name}>.',
        'Il tuo msg segue in allegato.',
        ' (If you need help, write to <postmaster@${host_name}>.',
        '  Your message follows attached, including all headers:)',
        '',
        '--${uid}/${host_name}',
        'Content-Description: Messaggio non spedito - Unsent message',
        'Content-Type: message/rfc822',
        '',
        '@msg_headers',
        '',
        '[corpo del messaggio - rimosso]',
        ' ([message body - stripped off])',
        '',
        '--${uid}/${host_name}--',
      ],
      ['user@example.net'],
      MASQ_REPLY('552 5.2.2 <user@example.net>: mailbox full'),
    );
    expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'mailboxfull', 'soft']]);
  });
});

// Gmail's notice in the sender's language keeps its English subject and quotes the server's
// English reply under a localised heading ("Adresse introuvable", "Adresse nicht gefunden",
// "アドレスが見つかりません"), the heading the same for an unknown user and an unknown domain:
// the reply, not the heading, must decide.
describe("Gmail's localised 'address not found' notices", () => {
  /** Gmail's notice: the localised heading and sentence, the label of the reply, then the server's reply. */
  const gmail = (heading: string, sentence: string, label: string, reply: string) =>
    notice({
      from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      subject: 'Delivery Status Notification (Failure)',
      lines: [heading, '', sentence, '', label, '', reply],
    });
  const NXDOMAIN =
    "DNS Error: 27554583 DNS type 'mx' lookup of example.net responded with code NXDOMAIN Domain name not found: example.net";
  it("French 'Adresse introuvable' over an unknown domain's DNS error is an unknown host, not an unknown user", async () => {
    const raw = gmail(
      'Adresse introuvable',
      "Votre message n'a pas été distribué à user@example.net, car le domaine example.net est introuvable.",
      'La réponse était :',
      NXDOMAIN,
    );
    expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'hostunknown', 'hard']]);
  });
  it("German 'Adresse nicht gefunden' over the reply '550 5.1.1 ... does not exist' is an unknown user", async () => {
    const raw = gmail(
      'Adresse nicht gefunden',
      'Ihre Nachricht wurde nicht an user@example.net zugestellt, weil die Adresse nicht gefunden wurde oder keine E-Mails empfangen kann.',
      'Die Antwort war:',
      "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. - gsmtp",
    );
    expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'userunknown', 'hard']]);
  });
  it("Japanese 'アドレスが見つかりません' over an unknown domain's DNS error is an unknown host", async () => {
    const raw = gmail(
      'アドレスが見つかりません',
      'ドメイン example.net が見つからないため、user@example.net にメールを配信できませんでした。',
      '応答:',
      NXDOMAIN,
    );
    expect(await seen(raw)).toEqual(['bounce', ['user@example.net', 'hostunknown', 'hard']]);
  });
});
