// How servers word the reason `mesgtoobig` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const MESGTOOBIG_RULES: readonly ReasonRule[] = [
  // A mailing list's or a help desk's refusal of a message over its size limit (no code of
  // its own): GNU Mailman 2.1 (Mailman/Handlers/Hold.py, MessageTooBig.rejection_notice: "Your
  // message was too big; please trim it to less than %(kb)d KB."), GNU Mailman 3
  // (src/mailman/rules/max_size.py: "The message is larger than the {} KB maximum size"),
  // mlmmj (listtexts en/deny-post: "because it exceeded the maximum allowed message size of
  // $maxmailsize$ bytes."), Zammad's postmaster reply (app/views/mailer/email_oversized/
  // en.txt.erb: "Your message was #{mail.msg_size} MB but we only accept messages up to
  // #{config.postmaster_max_size} MB.").
  {
    id: 'mesgtoobig/list-and-helpdesk-size',
    reason: 'mesgtoobig',
    phrases: [
      String.raw`your message was too big; please trim it`,
      String.raw`the message is larger than the \d{1,9} kb maximum size`,
      String.raw`exceeded the maximum allowed\s{1,3}message size`,
      String.raw`but we only accept messages up to`,
    ],
    hints: ['too big; please trim', 'kb maximum size', 'maximum allowed', 'only accept messages up to'],
    quote: 'Your message was too big; please trim it to less than 40 KB.',
  },
  {
    id: 'mesgtoobig/size',
    reason: 'mesgtoobig',
    phrases: [
      String.raw`message (?:size |length )?(?:is )?too (?:big|large)`,
      String.raw`message (?:size )?exceeds`,
      // The same Chinese server's list: "552 message is too long." (the size passed the limit)
      // and "554 attachment is too long." (one attachment passed its limit).
      String.raw`\b(?:message|attachment) is too long\b`,
      String.raw`exceeds? (?:the )?(?:maximum|max) (?:message )?size`,
      String.raw`size (?:limit )?exceeded`,
      // "exceeded maximum inbound message size"; French servers' "taille limite du message
      // atteinte" (Orange, La Poste).
      String.raw`exceeded maximum inbound message size`,
      String.raw`taille limite du message atteinte`,
      String.raw`message (?:file )?too big`,
      // NetEase's and Coremail's "552 Requested mail action aborted: exceeded mailsize limit"
      // (NetEase's published bounce codes, help.mail.163.com).
      String.raw`mail ?size limit`,
      String.raw`larger than (?:the )?(?:allowed|maximum)`,
      String.raw`size of this message exceeds`,
      // Postfix's SMTP client, before it sends a message larger than the SIZE the server
      // announced (src/smtp/smtp_proto.c: "message size %lu exceeds size limit %.0f of
      // server %s").
      String.raw`message size \d+ exceeds size limit`,
      // "550 5.7.0 Message Size Violation": the message is over the size the server permits,
      // under a policy (X.7) code (cyon.ch, a Swiss host's help page "SMTP-Error 550",
      // www.cyon.ch/support/a/smtp-error-550).
      String.raw`\bmessage size violation\b`,
    ],
    quote: '552 5.3.4 Message size exceeds fixed maximum message size',
  },
  // Courier's SMTP server over its sizelimit (courier/submit.C): RFC 3463's X.2.3 wording
  // with the length between.
  {
    id: 'mesgtoobig/length-over-limit',
    reason: 'mesgtoobig',
    phrases: [String.raw`message length \(\d+ bytes\) exceeds administrative limit`],
    quote: '523 Message length (20000000 bytes) exceeds administrative limit',
  },
  // The message too big, in notices written in other languages: Google's help page in German
  // names the cause "Die E-Mail ist zu groß für den Posteingang des Empfängers"
  // (support.google.com/mail/answer/6596?hl=de); the same in the other languages ("Le message
  // est trop volumineux", "El mensaje es demasiado grande", "Il messaggio è troppo grande", "A
  // mensagem é muito grande", "Het bericht is te groot", "Wiadomość jest za duża",
  // "Сообщение слишком большое", "サイズが大きすぎます", "邮件太大"; a Chinese host's list of
  // its bounce texts has "邮件过大", emailhost.com.cn). The other languages' forms are the same
  // statement as each language says it, not checked against a published notice.
  {
    id: 'mesgtoobig/localised',
    reason: 'mesgtoobig',
    phrases: [
      String.raw`(?:nachricht|e-?mail) ist zu gro(?:ß|ss)`,
      String.raw`message (?:est )?trop volumineux`,
      String.raw`mensaje (?:es )?demasiado grande`,
      String.raw`messaggio (?:è )?troppo grande`,
      String.raw`mensagem (?:é )?(?:muito|demasiado) grande`,
      String.raw`bericht is te groot`,
      String.raw`wiadomość jest (?:za|zbyt) duża`,
      String.raw`сообщение слишком (?:большое|велико)`,
      String.raw`(?:サイズ|メッセージ|メール)が大きすぎ`,
      String.raw`邮件(?:太大|过大)`,
      String.raw`zpráva je příliš velká`,
      String.raw`meddelandet är för stort`,
      // Turkish "İleti çok büyük": the capital İ lower-cases to i and a combining dot.
      String.raw`i\u0307?leti çok büyük`,
      String.raw`메시지가 너무 큽니다`,
    ],
    quote: 'Die Nachricht ist zu groß.',
  },
];
