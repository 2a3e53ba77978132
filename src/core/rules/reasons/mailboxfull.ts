// How servers word the reason `mailboxfull` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const MAILBOXFULL_RULES: readonly ReasonRule[] = [
  {
    id: 'mailboxfull/mailbox-full',
    reason: 'mailboxfull',
    phrases: [
      String.raw`mail ?box (?:is |was )?(?:currently )?full`,
      String.raw`mail ?box full`,
      String.raw`mailbox (?:has )?exceeded`,
      String.raw`mailfolder is full`,
      String.raw`account is full`,
      String.raw`inbox is full`,
      String.raw`user'?s? mailbox is full`,
      String.raw`mailbox size limit`,
      // Yandex's "552 5.2.2 Mailbox size exceeded" (yandex.com/support/mail/bounces/yandex
      // /mailbox-size-limit-exceeded.html): the recipient's mailbox is full, not the message.
      String.raw`mailbox size exceeded`,
      String.raw`mailbox exceeds (?:the )?allowed size`,
      String.raw`box is over quota`,
      // Gmail's 452 4.2.2 and 552 5.2.2 (support.google.com/a/answer/3726730): "The
      // recipient's inbox is out of storage space": one mailbox, not the system's disk.
      String.raw`(?:inbox|mail ?box) is out of (?:storage )?space`,
      // Dovecot's quota on the number of messages (src/plugins/quota/quota.c,
      // QUOTA_ALLOC_RESULT_OVER_QUOTA_MAILBOX_LIMIT): "552 5.2.2 <x> Too many messages in the
      // mailbox". The mailbox's count, not the sender's rate.
      String.raw`too many messages in the mailbox\b(?! queue\b)`,
    ],
    quote: '552 5.2.2 <kijitora@example.jp>... Mailbox full',
  },
  {
    id: 'mailboxfull/quota',
    reason: 'mailboxfull',
    phrases: [
      String.raw`over ?quota`,
      // Not a quota on sending ("Sending quota exceeded", "Recipient quota exceeded for this
      // hour"): that is a rate (speeding.ts).
      String.raw`(?<!\b(?:sending|send|recipients?|outbound|hourly|daily|submission|rate|relay|message) )quota (?:exceeded|exceed|full|violation)`,
      String.raw`exceed(?:s|ed)? (?:the |his |her |their )?(?:storage|quota|disk|mailbox)`,
      String.raw`disk quota`,
      // "552 Message size exceeds remaining quota": the recipient's mailbox has less room
      // left than the message needs (quoted in providers' bounce FAQs, e.g. BBIQ's).
      String.raw`exceeds? (?:the )?remaining (?:quota|storage|space)`,
      String.raw`(?:user|recipient) (?:is )?over (?:the |his |her )?(?:quota|limit)`,
      String.raw`not enough (?:storage|space) (?:for|in) (?:the )?(?:user|mailbox)`,
      String.raw`insufficient (?:space|storage) in (?:the )?mailbox`,
      String.raw`mailbox (?:would exceed|exceeds) (?:its )?(?:size|maximum)`,
      String.raw`too much mail data`,
      // Quota wordings as servers' replies carry them (Sisimai's mailboxfull index, read to
      // learn): "account is exceeding their quota", "would be over the allowed quota",
      // "Mailbox quota usage exceeded", "The user's space has been used up", and La Poste's
      // and Orange's French "boite du destinataire pleine".
      String.raw`exceeding (?:its|their|his|her|the) (?:mailbox |storage )?quota`,
      String.raw`over the allowed quota`,
      String.raw`mailbox quota usage exceeded`,
      String.raw`user's space has been used up`,
      String.raw`bo[iî]te (?:du destinataire |aux lettres )?pleine`,
      String.raw`the email account that you tried to reach is over quota`,
      // QQ Mail's bounce help page (qqmailbox.com/transceivers/169.html): "收件人空间不足"
      // (the recipient's space is not enough).
      String.raw`收件人空间不足`,
      // Exchange's Japanese NDR: "554 5.2.2 メールボックスがいっぱい" and "受信者のメールボックスが
      // いっぱいになり、メッセージを受け入れることはできません" (learn.microsoft.com/ja-jp, "554 5.2.2
      // メールボックスがいっぱい" when sending to a mail-enabled public folder).
      String.raw`メールボックスがいっぱい`,
      // A German host's bilingual reply, "422 4.2.2 Quota limit exceeded (Speicherplatz des
      // Kontos ueberschritten)" (bytecamp.net FAQ, "Fehlermeldungen bei Zustellproblemen").
      String.raw`speicherplatz (?:des kontos )?(?:ue|ü)berschritten`,
      // Postfix's local(8) when the mailbox file would pass mailbox_size_limit: the write
      // fails with EFBIG (src/local/mailbox.c: "cannot update mailbox %s for user %s.
      // error writing message: File too large").
      String.raw`cannot update mailbox .{0,200}error writing message: file too large`,
    ],
    quote: '452 4.2.2 The email account that you tried to reach is over quota',
  },
  // The recipient's mailbox full, in notices written in other languages: Google's help page
  // in German names the cause "Der Posteingang des Empfängers ist voll"
  // (support.google.com/mail/answer/6596?hl=de), Gmail's Japanese notice "宛先の受信トレイが
  // いっぱいか" under its heading "宛先の受信トレイの空き容量不足" (quoted on
  // urashita.com/?p=36286); the same in the other languages ("La boîte aux lettres du
  // destinataire est pleine", "El buzón ... está lleno", "La casella ... è piena", "A caixa de
  // correio ... está cheia", "Het postvak ... is vol", "Skrzynka ... jest pełna", "Почтовый
  // ящик ... переполнен", "邮箱已满"): the same statement as each language says it, not
  // checked against a published notice.
  {
    id: 'mailboxfull/localised',
    reason: 'mailboxfull',
    phrases: [
      String.raw`(?:postfach|posteingang|mailbox)(?: des empfängers)? (?:ist )?(?:voll|überfüllt)\b`,
      String.raw`bo[iî]te (?:aux lettres|de réception)(?: du destinataire)? (?:est )?pleine`,
      String.raw`buzón(?: del destinatario)? (?:está )?lleno`,
      String.raw`casella(?: di posta)?(?: del destinatario)? (?:è )?piena`,
      String.raw`caixa (?:de correio|postal|de entrada)(?: do destinatário)? (?:está )?cheia`,
      String.raw`(?:postvak|mailbox)(?: van de geadresseerde)? is vol\b`,
      String.raw`skrzynka(?: pocztowa)?(?: adresata| odbiorcy)? jest (?:pełna|przepełniona)`,
      String.raw`(?:почтовый )?ящик(?: получателя)? (?:переполнен|заполнен)`,
      String.raw`受信トレイ(?:がいっぱい|の空き容量不足)`,
      String.raw`邮箱(?:已满|空间不足)`,
      // A Chinese host's list of its bounce texts: "收件容量满" (the recipient's capacity is
      // full; emailhost.com.cn, "[退信] 收件容量满:Quota exceeded").
      String.raw`收件容量满`,
      String.raw`schránka(?: příjemce)? je (?:plná|přeplněná)`,
      String.raw`brevlåda(?:n)? är full`,
      String.raw`posta kutusu dolu`,
      String.raw`사서함이 가득 찼습니다`,
    ],
    quote: 'Das Postfach des Empfängers ist voll.',
  },
];
