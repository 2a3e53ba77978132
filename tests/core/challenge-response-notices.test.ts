// The notices of challenge-response anti-spam systems: the recipient's system holds the message
// and asks its sender to prove a person sent it (reply, click a link, type a word). Such a
// notice is no failure of the address and never hard: the message is held, not refused. It is
// an automatic reply asking for action; what a user sees for it is `onhold` ("The receiving side
// is holding the message; delivery may still happen or fail later", src/notify/reason-words.ts),
// never `vacation` (an out-of-office) and never a dead address. The same systems' own refusals
// (TMDA's bounce templates) are read as refusals of the sender, never as a dead address.
//
// Each message is laid out as the system's own source or published text writes it, with
// made-up addresses; none is a collected sample. Sources read:
// - TMDA 1.1.12 (github.com/KevinGoodsell/tmda-fork, commit 0ea215122ab7c907f552d20c51746383fe0f4dcc):
//   tmda/templates/confirm_request.txt, confirm_accept.txt, bounce_incoming.txt,
//   bounce_fail_sender.txt, bounce_expired_dated.txt; tmda/TMDA/AutoResponse.py (create(): a
//   multipart/mixed of the text and the sender's message, AUTORESPONSE_INCLUDE_SENDER_COPY = 2;
//   "Precedence: bulk", "Auto-Submitted: auto-replied" on a request, "auto-generated (failure)"
//   on a bounce, "X-Delivery-Agent: TMDA/<version> (<codename>)"); tmda/TMDA/Defaults.py
//   (BOUNCE_ENV_SENDER '<>', PENDING_LIFETIME '14d'); tmda/TMDA/Util.py format_timeout ("14
//   days"); tmda/TMDA/Cookie.py make_confirm_address (<user>-confirm-<cookie>@<host>).
// - ASK, Active Spam Killer 2.5.3, its Python 3 port (github.com/wwortel/Active-Spam-Filter,
//   commit 2df5df02adcf482046a19ba7283b3bc743908f4f): root_dir/templates/confirm_<lang>.txt
//   (en, fr, de, es, it, nl, da, fi, ptbr; ISO-8859-1), ask.rc (rc_confirm_langs = en);
//   usr_share_dir/askmessage.py send_confirmation() (subject "Please confirm (conf#<md5>)",
//   "X-ASK-Auth:", "Precedence: bulk", 'Content-Type: text/plain; charset="iso-8859-1"',
//   "In-Reply-To:"); usr_share_dir/askmail.py (From, To, Subject, Date, "X-AskVersion:", the
//   template, "--- Original Message Follows ---" and the sender's message with its From, To,
//   Subject and Date lines quoted after "< "). The templates' bytes are written in the charset the
//   header names (the port also re-encodes them as UTF-8 and writes a stray "Content-Type:" line
//   atop the body; neither is kept here).
// - Spam Arrest's verification request, as two public pages quote it (its subject is not
//   quoted: the case carries the returned message's subject, so that only the body decides):
//   empoprise-bi.blogspot.com/2015/05/ ("I'm protecting myself from receiving junk mail. Please
//   click the link below to complete the verification process. You have to do this only
//   once.") and pastebin.com/R1FNPaKh ("You are receiving this message in response to your
//   email to ..., a Spam Arrest customer. Spam Arrest requests that senders verify themselves
//   before their email is delivered. ... Below are the complete headers of the message that this
//   email was generated in response to."); spamarrest.com/help/index.jsp?cat=19 (unverified
//   mail "expires after 7 days in your Unverified Folder").
// - MailGuard's reply template as its host publishes it (www.voobie.com/mail/system-files/
//   msg_reply_mailguard.txt): "Your e-mail has been put on-hold and will be delivered to
//   {RECIPIENT} upon your verification. ... Your undelivered e-mail will remain for 7 days in
//   the queue before it will get deleted." (its From and subject are not published: the case
//   names a made-up service address and carries the returned message's subject).
// - ASSP's refusal asking for a code in the subject, as a host's help page on ASSP's bounce
//   messages quotes it (maxclicksonline.com/client-area/knowledgebase.php?action=displayarticle&id=10095).
// - the IETF's postconfirm (github.com/ietf-tools/postconfirm, commit
//   069781277fc1d2e5cf22c680eb2f6b8d1f8bf220): src/milter/processor.py send_challenge() and
//   get_challenge_subject(), src/validator/validator.py get_token(), src/remailer/remailer.py
//   (envelope sender remail_sender), charts/postconfirm/values.yaml (the template).
// Mailinblack's help pages (support.mailinblack.com/en/articles/143170, 143174) describe its
// "authentication request" but publish no text of it; Boxbe's pages (blog.boxbe.com) describe
// its Waiting List, no text of its request either; ChoiceMail's help
// (digiportal.com/support/choicemail/onlinehelp/mailboxconfig4.html) publishes only its link's
// words ("Click here to verify your identity", any phishing mail's too): none has a case here.
// TMDA's confirmation accepted notice is no failure, no automatic reply, and names nobody.

import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { Classification } from '../../src/core/types.ts';

const message = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n');
/** A message whose 8-bit text is written in `encoding` (ASK sends its ISO-8859-1 templates as they are). */
const bytes = (encoding: BufferEncoding, ...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', encoding);
/** The kind, and per recipient the address, reason, hard/soft, status and reply code. */
const verdicts = (c: Classification) => [c.kind, c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode])];
/** A challenge: an automatic reply from the address that holds the message, which is on hold. */
const challengeOf = (address: string) => ['autoreply', [[address, 'onhold', 'none', '', '']]];

/** The colleague's invoice to `to`, as the challenge-response system returns it. */
const invoice = (to = 'Jane Roe <jane@example.net>') => [
  'Return-Path: <billing@example.com>',
  'Received: from mail.example.com (mail.example.com [192.0.2.10])',
  '\tby mx.example.net with ESMTP id 4F2A1C0042; Tue, 1 Dec 2026 09:14:05 +0100',
  'From: Billing <billing@example.com>',
  `To: ${to}`,
  'Subject: Invoice 2026-114',
  'Date: Tue, 1 Dec 2026 09:14:02 +0100',
  'Message-ID: <invoice-2026-114@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'Dear Jane, please find our invoice 2026-114 for November.',
];

/**
 * A TMDA auto response (AutoResponse.py create()): the template's text and the sender's message
 * to `to`, whole (AUTORESPONSE_INCLUDE_SENDER_COPY = 2, the default) or its header only (1).
 */
const tmda = (headers: string[], description: string, autoSubmitted: string, body: string[], to?: string, copy: 1 | 2 = 2) =>
  message(
    'Return-Path: <>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="===============1764666845=="',
    'Content-Disposition: inline',
    ...headers,
    'Date: Tue, 01 Dec 2026 09:14:06 +0100',
    'Message-ID: <20261201081406.4711.tmda@mx.example.net>',
    'References: <invoice-2026-114@example.com>',
    'In-Reply-To: <invoice-2026-114@example.com>',
    'To: billing@example.com',
    'Precedence: bulk',
    `Auto-Submitted: ${autoSubmitted}`,
    'X-Delivery-Agent: TMDA/1.1.12 (Nikka)',
    '',
    '--===============1764666845==',
    'Content-Type: text/plain; charset="us-ascii"',
    'MIME-Version: 1.0',
    'Content-Transfer-Encoding: 7bit',
    `Content-Description: ${description}`,
    'Content-Disposition: inline',
    '',
    'This message was created automatically by mail delivery software (TMDA).',
    '',
    ...body,
    '--===============1764666845==',
    ...(copy === 2
      ? ['Content-Type: message/rfc822', 'MIME-Version: 1.0', 'Content-Description: Original Message']
      : [
          'Content-Type: text/rfc822-headers; charset="us-ascii"',
          'MIME-Version: 1.0',
          'Content-Transfer-Encoding: 7bit',
          'Content-Description: Original Message Headers',
        ]),
    'Content-Disposition: inline',
    '',
    ...(copy === 2 ? invoice(to) : invoice(to).slice(0, invoice(to).indexOf(''))),
    '',
    '--===============1764666845==--',
  );

/**
 * TMDA's failure notice (bounce_*.txt): the same opening for every cause, the cause last. Its
 * From and the failed address are %(recipient_address)s, the address the message came to (a
 * tagged one: <user>-sender-<mac>@, <user>-dated-<time>.<mac>@).
 */
const tmdaBounce = (address: string, cause: string[]) =>
  tmda(
    [`From: "Jane Roe" <${address}>`, 'Subject: Mail delivery failed: returning message to sender'],
    'Failure Notice',
    'auto-generated (failure)',
    [
      'Your message attached below could not be delivered to one or more of',
      'its recipients. This is a permanent error. The following address(es)',
      'failed:',
      '',
      `<${address}>:`,
      '',
      ...cause,
    ],
    `Jane Roe <${address}>`,
  );

/** ASK's confirmation (askmail.py): the headers it writes, the template, the sender's message quoted. */
const ask = (template: string[], encoding: BufferEncoding = 'utf8') =>
  bytes(
    encoding,
    'Return-Path: <jane@example.net>',
    'From: "Jane Roe" <jane@example.net>',
    'To: billing@example.com',
    'Subject: Please confirm (conf#0123456789abcdef0123456789abcdef)',
    'Date: Tue, 01 Dec 2026 09:14:06 CET',
    'X-AskVersion: 2.5.3',
    'X-ASK-Auth: 1764576846-0123456789abcdef0123456789abcdef',
    'Precedence: bulk',
    'Content-Type: text/plain; charset="iso-8859-1"',
    'Content-Transfer-Encoding: 8bit',
    'In-Reply-To: <invoice-2026-114@example.com>',
    '',
    ...template,
    '',
    '--- Original Message Follows ---',
    '',
    '< From: Billing <billing@example.com>',
    '< To: Jane Roe <jane@example.net>',
    '< Subject: Invoice 2026-114',
    '< Date: Tue, 1 Dec 2026 09:14:02 +0100',
    'Dear Jane, please find our invoice 2026-114 for November.',
  );

/** TMDA's confirm_request.txt as it is filled in (tmda-rfilter: pending_lifetime "14 days"). */
const TMDA_CONFIRM_REQUEST = [
  'Your message attached below is being held because the address',
  '<billing@example.com> has not been verified.',
  '',
  'To release your message for delivery, please send an empty message',
  'to the following address, or use your mailer\'s "Reply" feature.',
  '',
  '   jane-confirm-1764576846.4711.6f1a2b@example.net',
  '',
  'This confirmation verifies that your message is legitimate and not',
  'junk-mail. You should only have to confirm your address once.',
  '',
  'If you do not respond to this confirmation request within 14 days,',
  'your message will not be delivered.',
];
const TMDA_CONFIRM_HEADERS = [
  'From: "Jane Roe" <jane@example.net>',
  'Subject: Please confirm your message',
  'Reply-To: jane-confirm-1764576846.4711.6f1a2b@example.net',
];

/** ASK's other languages (templates/confirm_<lang>.txt, ISO-8859-1), as the files hold them. */
const ASK_CONFIRM: Record<string, string[]> = {
  de: [
    '<< WICHTIGE INFORMATION >>',
    '',
    'Dies ist eine automatisch generierte Antwort.',
    '',
    'Ihre Mail (unten angehaengt) muss vor der Zustellung an mich',
    'explizit bestaetigt werden.  Um dies zu tun, beantworten Sie',
    'einfach diese Mail mit der "Antworten" oder "Reply"-Funktion',
    'Ihres Mailprogramms. Es sind keine Aenderungen am Text',
    'noetig. Dies ist die einzige Bestaetigung die Sie je an mich',
    'senden muessen; Ihre weiteren Nachrichten werden automatisch',
    'akzeptiert. Diese Massnahme dient der Bekaempfung von Spam.',
  ],
  es: [
    '<< INFORMACIÓN IMPORTANTE >>',
    '',
    'Éste es un mensaje automático.',
    '',
    'El mensaje que usted ha enviado (mostrado más abajo)',
    'necesita su confirmación antes de ser entregado. Para',
    'confirmar que usted ha enviado el mensaje, sólo presione',
    'el boton de "R"eply y envie este mensaje (no es necesario',
    'editar el mensaje nada). Una vez realizado esto, no se',
    'necesitarán más confirmaciones.',
  ],
  it: [
    '<< INFORMAZIONE IMPORTANTE! >>',
    ' ',
    'Questo è un messaggio automatico.',
    ' ',
    'Il messaggio che hai spedito (allegato sotto) richiede una',
    'conferma prima che sia consegnato. Per confermare che sei',
    'tu che hai spedito il messaggio, basta cliccare il tasto',
    '"R"eply e rispedirlo nuovamente (non hai bisogno di scrivere',
    'nessuna altra informazione aggiuntiva).  Fatto questo,',
    'nessuna altra conferma è richiesta.',
  ],
  nl: [
    '<< BELANGRIJKE INFORMATIE >>',
    '',
    'Dit is een automatisch gegenereerd bericht.',
    '',
    'Het bericht dat u verzonden heeft (beneden bijgevoegd), vereist',
    'bevestiging voor het definitief bezorgd kan worden. Om deze',
    'bevestiging te sturen, kunt u op Reply (Beantwoorden) drukken',
    'en dit bericht terug sturen (u hoeft niets aan te passen). Als',
    'dit is afgerond, zullen er geen bevestigingen meer volgen.',
  ],
  da: [
    ' << VIGTIG INFORMATION! >>',
    '',
    'Dette er en automatisk besked.',
    '',
    'Den e-mail, som du har sendt (vedhæftet forneden), kræver',
    'en bekræftelse før den kan leveres til modtageren. For at',
    'bekræfte at du har sendt e-mailen, skal du trykke på besvar',
    'knappen i dit e-mail program nu og returnere denne e-mail',
    '(Du behøver ikke at skrive noget). Når det er gjort, vil',
    'du ikke fremover blive spurgt om at bekræfte e-mails.',
  ],
  fi: [
    '<< TÄRKEÄ TIEDOTUS! >>',
    '',
    'Tämä on automaattinen viesti.',
    '',
    'Domainimme on saanut viestin (liitteenä alla), jossa tämä',
    'postiosoite on merkitty lähettäjäksi. Et ole ennen lähettänyt',
    'viestejä tähän osoitteeseen, joten tarvitsemme vahvistuksen että',
    'viesti on osoitteestasi peräisin. Ilman vahvistusta viestiä ei',
    'voida toimittaa perille.',
    '',
    'Vahvistuksen voit tehdä lähettämällä tämän viestin takaisin',
    'vastaa-painikkeella. Sinun ei tarvitse editoida vastausta.',
    '',
    'Kiitos vaivannäöstäsi.',
    '',
    'Tähän osoitteeseen on tullut paljon ei-toivottua',
    'mainospostia. Siksi pyydämme sinua vahvistmaan',
    'vastausosoitteesi. Valitamme tätä vaivaa.  Vastattuasi',
    'tähän viestiin, ei uutta tarkistusta tehdä enää tähän',
    'postiosoitteeseen, vaan viestisi menee suoraan perille jatkossa.',
    '',
    'Postisi on tervetullut tähän osoitteeseen jatkossakin, kunhan se',
    'ei ole osoitteetonta tai tilaamatonta mainospostia. Valitamme',
    'vielä kerran ylimääräistä vaivaa.',
  ],
  ptbr: [
    '<< INFORMAÇÃO IMPORTANTE >>',
    '',
    'Esta é uma mensagem automática',
    '',
    'A mensagem que você enviou (em anexo) requer confirmação',
    'antes de ser entregue. Para confirmar o envio basta',
    'pressionar o botão de "Reply" e enviar esta mensagem de',
    'volta (não é necessário editar). Uma vez que isto seja',
    'feito, novas confirmações não serão necessárias.',
  ],
};

const cases: Record<string, () => Buffer> = {
  ask_confirm_de: () => ask(ASK_CONFIRM.de!, 'latin1'),
  ask_confirm_es: () => ask(ASK_CONFIRM.es!, 'latin1'),
  ask_confirm_it: () => ask(ASK_CONFIRM.it!, 'latin1'),
  ask_confirm_nl: () => ask(ASK_CONFIRM.nl!, 'latin1'),
  ask_confirm_da: () => ask(ASK_CONFIRM.da!, 'latin1'),
  ask_confirm_fi: () => ask(ASK_CONFIRM.fi!, 'latin1'),
  ask_confirm_ptbr: () => ask(ASK_CONFIRM.ptbr!, 'latin1'),
  tmda_confirm_request_headers_only: () =>
    tmda(TMDA_CONFIRM_HEADERS, 'Confirmation Request', 'auto-replied', TMDA_CONFIRM_REQUEST, undefined, 1),
  // A colleague passes the request on to ask what it is: a letter, no notice of its own.
  tmda_confirm_forwarded: () =>
    message(
      'From: Sam Poe <sam@example.com>',
      'To: billing@example.com',
      'Subject: Fwd: Please confirm your message',
      'Date: Tue, 01 Dec 2026 10:02:11 +0100',
      'Message-ID: <fwd-77@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Is this one of ours? It came back on the invoice.',
      '',
      '---------- Forwarded message ---------',
      'From: Jane Roe <jane@example.net>',
      'Date: Tue, 1 Dec 2026 at 09:14',
      'Subject: Please confirm your message',
      'To: <billing@example.com>',
      '',
      'This message was created automatically by mail delivery software (TMDA).',
      '',
      ...TMDA_CONFIRM_REQUEST,
    ),
  // ASSP's refusal that asks for a code in the subject (a host's help page on ASSP's bounce
  // messages, maxclicksonline.com knowledge base 10095: "554 5.7.1 Mail (SESSIONID) appears to
  // be unsolicited - resend with the code xxxxxxx appended to subject and ask to have your email
  // whitelisted."), as Postfix reports it (bounce_template.c, smtp_proto.c): refused, not held.
  assp_resend_with_code: () =>
    message(
      'From: MAILER-DAEMON@mail.example.com (Mail Delivery System)',
      'To: billing@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      'Date: Tue, 01 Dec 2026 09:14:09 +0100',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This is the mail system at host mail.example.com.',
      '',
      "I'm sorry to have to inform you that your message could not",
      "be delivered to one or more recipients. It's attached below.",
      '',
      '<jane@example.net>: host mx.example.net[192.0.2.25] said: 554 5.7.1 Mail',
      '    (0a1b2c3d) appears to be unsolicited - resend with the code x7k2p9',
      '    appended to subject and ask to have your email whitelisted. (in reply to',
      '    end of DATA command)',
    ),
  // postconfirm's challenge as send_challenge() writes it (From, To, Subject, Auto-Submitted and
  // the rendered template; its envelope sender is remail_sender), the chart's template filled in.
  postconfirm_challenge: () =>
    message(
      'Return-Path: <verify@example.org>',
      'Received: from postconfirm.example.org (postconfirm.example.org [198.51.100.7])',
      '\tby mail.example.com with ESMTP id 9C1E2A0031; Tue, 1 Dec 2026 09:14:08 +0100',
      'From: ietf@example.org',
      'To: billing@example.com',
      'Subject: Confirm: ietf@example.org:8f3a2b1c0d9e:4b6f0e2a9c1d5e7f',
      'Auto-Submitted: auto-replied',
      '',
      'Welcome to the Internet Engineering Task Force (IETF) and its companion organizations, the Internet Architecture Board (IAB) and Internet Research Task Force (IRTF).',
      '',
      'We have received an email from your email address, "billing@example.com", sent to "ietf@example.org", with the subject',
      'Invoice 2026-114',
      '',
      'As this is the first time we have received an email from billing@example.com, your email will not be delivered until you confirm that you sent it by replying to this message with the confirmation code in the subject line intact. You do not need to write anything in your reply.',
      '',
      'Please note that by replying to this message, you agree to follow IETF processes and policies, a reminder of which is given in the IETF Note Well (https://www.ietf.org/about/note-well/), and in doing so you consent to the use of your information in accordance with the IETF/IRTF/IAB Privacy Statement (https://www.ietf.org/privacy-statement/).',
      '',
      'If you did not send this message or do not want it delivered, you do not need to do anything.',
      '',
      'If you have any questions, please forward this email to admin@example.org and we will be happy to assist.',
      '',
      '--',
      'The IETF (including the IAB, IRTF and RFC Editor)',
      'https://www.ietf.org/',
      '',
      '(For internal use only: 8f3a2b1c0d9e)',
    ),
  // qmail-send's bounce (qmail-send.c, "Hi. This is the qmail-send program at"), the returned
  // message inline: a forward of a TMDA request that failed. The bounce is read, not the request.
  qmail_bounce_of_forwarded_request: () =>
    message(
      'Return-Path: <>',
      'From: MAILER-DAEMON@mail.example.com',
      'To: billing@example.com',
      'Subject: failure notice',
      'Date: 1 Dec 2026 09:20:00 -0000',
      '',
      'Hi. This is the qmail-send program at mail.example.com.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      '',
      '<help@example.net>:',
      '198.51.100.20 does not like recipient.',
      'Remote host said: 550 5.1.1 <help@example.net>: Recipient address rejected: User unknown',
      'Giving up on 198.51.100.20.',
      '',
      '--- Below this line is a copy of the message.',
      '',
      'Return-Path: <billing@example.com>',
      'From: Billing <billing@example.com>',
      'To: help@example.net',
      'Subject: Fwd: Please confirm your message',
      '',
      'This message was created automatically by mail delivery software (TMDA).',
      '',
      ...TMDA_CONFIRM_REQUEST,
    ),
  tmda_confirm_accept: () =>
    tmda(['From: "Jane Roe" <jane@example.net>', 'Subject: Confirmation accepted'], 'Confirmation Acceptance', 'auto-replied', [
      'Your confirmation was accepted, and so your original message has been',
      'delivered.',
    ]),
  tmda_confirm_request: () => tmda(TMDA_CONFIRM_HEADERS, 'Confirmation Request', 'auto-replied', TMDA_CONFIRM_REQUEST),
  tmda_bounce_incoming: () => tmdaBounce('jane@example.net', ['Message rejected by recipient.']),
  tmda_bounce_fail_sender: () =>
    tmdaBounce('jane-sender-3f9c2a@example.net', ['You have sent email to an address you are not authorized to use.']),
  tmda_bounce_expired_dated: () =>
    tmdaBounce('jane-dated-1764000000.8d41e0@example.net', ['You have sent email to an expired dated address.']),
  ask_confirm_en: () =>
    ask([
      '<< IMPORTANT INFORMATION! >>',
      '',
      'This is an automated message. ',
      '',
      'The message you sent (attached below) requires confirmation',
      'before it can be delivered. To confirm that you sent the',
      'message below, just hit the "R"eply button and send this',
      "message back (you don't need to edit anything). Once this is",
      'done, no more confirmations will be necessary.',
    ]),
  ask_confirm_fr: () =>
    ask([
      '<< INFORMATION IMPORTANTE >>',
      '',
      'Ceci est un message automatique.',
      '',
      'Le message que vous avez envoye (dessous) demande',
      "confirmation avant qu'il puisse etre envoye Pour confirmer",
      'que vous avez bien envoye le message ci-dessous, simplement',
      'appuyez sur la touche "R"eply, et renvoyez ce message (Vous',
      "n'avez pas besoin d'editer quoique ce soit). Une fois que",
      "ceci est fait, vous n'avez pas besoin d'autre confirmations.",
    ]),
  spamarrest_verification: () =>
    message(
      'Return-Path: <jane@example.net>',
      'From: Jane Roe <jane@example.net>',
      'To: billing@example.com',
      'Subject: Invoice 2026-114',
      'Date: Tue, 01 Dec 2026 09:16:40 +0100',
      'Message-ID: <verify-0a1b2c3d@example.net>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Jane Roe,',
      "I'm protecting myself from receiving junk mail.",
      'Please click the link below to complete the verification process.',
      'You have to do this only once.',
      '',
      'https://verify.example.net/a2?0a1b2c3d4e5f',
      '',
      'You are receiving this message in response to your email to jane@example.net, a Spam Arrest customer.',
      'Spam Arrest requests that senders verify themselves before their email is delivered.',
      "When you click the above link, you will be taken to a page with a graphic on it. Simply read the word in the graphic, type it into the form, accept the Sender Agreement, and you're verified.",
      'You have to do this only once per Spam Arrest customer.',
      '------------------------------------------------------------',
      'Below are the complete headers of the message that this email was generated in response to.',
      ...invoice().slice(0, 10),
    ),
  mailguard_reply: () =>
    message(
      'Return-Path: <>',
      'From: MailGuard <mailguard@example.net>',
      'To: billing@example.com',
      'Subject: Invoice 2026-114',
      'Date: Tue, 01 Dec 2026 09:16:40 +0100',
      'Message-ID: <mailguard-0a1b2c3d@example.net>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Dear billing@example.com,',
      'You have sent an email to jane@example.net with subject Invoice 2026-114.',
      'jane@example.net is using MailGuard services provided by example.net.',
      'Your e-mail has been put on-hold and will be delivered to jane@example.net upon your verification. To verify that you are the sender of the mail, please click here where you will asked to enter the random image verification code.',
      'Your undelivered e-mail will remain for 7 days in the queue before it will get deleted.',
      'Regards',
      'example.net',
    ),
};

type Case = { notice: keyof typeof cases; title: string; expected: unknown[] };

const CASES: Case[] = [
  // TMDA's confirmation request: "Auto-Submitted: auto-replied" made it an out-of-office reply.
  { notice: 'tmda_confirm_request', title: 'TMDA confirm_request.txt is a challenge, on hold', expected: challengeOf('jane@example.net') },
  // TMDA's bounce templates: its user's own filter refused the message (bounce_incoming: a
  // sender the filter bounces; bounce_fail_sender and bounce_expired_dated: a tagged address past
  // its use). From the user's address, which rebound never takes for the failed one: today they
  // were an out-of-office reply. A refusal, soft, never a dead address.
  {
    notice: 'tmda_bounce_incoming',
    title: 'TMDA bounce_incoming.txt ("Message rejected by recipient.") is a soft refusal',
    expected: ['bounce', [['jane@example.net', 'filtered', 'soft', '5.0.0', '']]],
  },
  {
    notice: 'tmda_bounce_fail_sender',
    title: 'TMDA bounce_fail_sender.txt (an address only one sender may use) is a soft refusal',
    expected: ['bounce', [['jane-sender-3f9c2a@example.net', 'filtered', 'soft', '5.0.0', '']]],
  },
  {
    notice: 'tmda_bounce_expired_dated',
    title: 'TMDA bounce_expired_dated.txt (a dated address past its date) is a soft refusal',
    expected: ['bounce', [['jane-dated-1764000000.8d41e0@example.net', 'filtered', 'soft', '5.0.0', '']]],
  },
  {
    notice: 'ask_confirm_en',
    title: 'ASK confirm_en.txt ("requires confirmation before it can be delivered") is a challenge',
    expected: challengeOf('jane@example.net'),
  },
  {
    notice: 'ask_confirm_fr',
    title: 'ASK confirm_fr.txt ("demande confirmation avant qu\'il puisse etre envoye") is a challenge',
    expected: challengeOf('jane@example.net'),
  },
  {
    notice: 'spamarrest_verification',
    title: "Spam Arrest's verification request is a challenge",
    expected: challengeOf('jane@example.net'),
  },
  {
    notice: 'mailguard_reply',
    title: 'MailGuard\'s "put on-hold ... upon your verification" is a challenge',
    expected: challengeOf('mailguard@example.net'),
  },
  { notice: 'ask_confirm_de', title: 'ASK confirm_de.txt (German) is a challenge', expected: challengeOf('jane@example.net') },
  { notice: 'ask_confirm_es', title: 'ASK confirm_es.txt (Spanish) is a challenge', expected: challengeOf('jane@example.net') },
  { notice: 'ask_confirm_it', title: 'ASK confirm_it.txt (Italian) is a challenge', expected: challengeOf('jane@example.net') },
  { notice: 'ask_confirm_nl', title: 'ASK confirm_nl.txt (Dutch) is a challenge', expected: challengeOf('jane@example.net') },
  { notice: 'ask_confirm_da', title: 'ASK confirm_da.txt (Danish) is a challenge', expected: challengeOf('jane@example.net') },
  { notice: 'ask_confirm_fi', title: 'ASK confirm_fi.txt (Finnish) is a challenge', expected: challengeOf('jane@example.net') },
  {
    notice: 'ask_confirm_ptbr',
    title: 'ASK confirm_ptbr.txt (Brazilian Portuguese) is a challenge',
    expected: challengeOf('jane@example.net'),
  },
  {
    notice: 'postconfirm_challenge',
    title: 'the IETF\'s postconfirm ("will not be delivered until you confirm that you sent it") is a challenge',
    expected: challengeOf('ietf@example.org'),
  },
  {
    notice: 'qmail_bounce_of_forwarded_request',
    title: 'a bounce whose returned message quotes a TMDA request is that bounce',
    expected: ['bounce', [['help@example.net', 'userunknown', 'hard', '5.1.1', '550']]],
  },
  // TMDA's word that the sender's confirmation released the message: no failure, and no
  // automatic reply of an absent person ("Auto-Submitted: auto-replied" made it one). It names
  // nobody as delivered: anyone can write it, and it must never lift a suppression.
  {
    notice: 'tmda_confirm_accept',
    title: 'TMDA confirm_accept.txt is no failure and no automatic reply, and names nobody',
    expected: ['not-bounce', []],
  },
  // With AUTORESPONSE_INCLUDE_SENDER_COPY = 1: the sender's header only, as text/rfc822-headers.
  {
    notice: 'tmda_confirm_request_headers_only',
    title: 'TMDA confirm_request.txt with only the header of the message is a challenge too',
    expected: challengeOf('jane@example.net'),
  },
  { notice: 'tmda_confirm_forwarded', title: 'a colleague forwarding a TMDA request is a letter', expected: ['not-bounce', []] },
  // Correct on main already: a refusal at the end of DATA that asks for a code in the subject.
  {
    notice: 'assp_resend_with_code',
    title: 'ASSP\'s "resend with the code ... appended to subject" is a refusal (spamdetected), never a challenge',
    expected: ['bounce', [['jane@example.net', 'spamdetected', 'soft', '5.7.1', '554']]],
  },
];

describe('challenge-response systems as they write their notices', () => {
  it.each(CASES)('$title', async ({ notice, expected }) => {
    expect(verdicts(await classify(cases[notice]()))).toEqual(expected);
  });
});

// What the colleague reads in rebound's notice: the system's own request, from its phrase to the
// end of that sentence (the reply to give is the system's, not rebound's).
describe("a challenge's own words are kept as its diagnostic", () => {
  it.each([
    ['tmda_confirm_request', 'Your message attached below is being held because the address <billing@example.com> has not been verified.'],
    [
      'spamarrest_verification',
      "I'm protecting myself from receiving junk mail. Please click the link below to complete the verification process.",
    ],
    [
      'postconfirm_challenge',
      'your email will not be delivered until you confirm that you sent it by replying to this message with the confirmation code in the subject line intact.',
    ],
  ] as const)('%s', async (notice, words) => {
    expect((await classify(cases[notice]())).recipients.map((r) => r.diagnostic)).toEqual([words]);
  });
});
