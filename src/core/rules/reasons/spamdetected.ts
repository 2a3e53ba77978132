// How servers word the reason `spamdetected` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const SPAMDETECTED_RULES: readonly ReasonRule[] = [
  {
    id: 'spamdetected/spam',
    reason: 'spamdetected',
    phrases: [
      // Not "notspam" in Mail.ru's help address, which every one of its replies carries
      // ("550 5.1.1 Mailbox not found. https://help.mail.ru/notspam-support/id?c=...",
      // help.mail.ru): the link names a help page, not the reason.
      String.raw`(?<!anti-)(?<!anti)(?<!not)spam(?! ?(?:house|haus|cop))`,
      String.raw`junk ?mail`,
      // "appears to be unsolicited", "Rejected - bulk email", "Your message failed several
      // antispam checks" (the last says "antispam", which the first phrase leaves out).
      String.raw`appears to be unsolicited`,
      String.raw`rejected - bulk e-?mail`,
      String.raw`failed (?:several |multiple )?anti-?spam checks`,
      // A Chinese webmail server's published replies (its list as blog.sina.com.cn and
      // 360docs.net copy it): "552 message rejected by anti-spam engine."
      String.raw`rejected by (?:the )?anti-?spam engine`,
      // Coremail's anti-spam engine at NetEase-hosted domains: "550 CoremailSys:Your message
      // was blocked by NetEase AntiSpam+" (Coremail's help page on bounces): the message.
      String.raw`message was blocked by \S+ anti-?spam`,
      String.raw`unsolicited (?:bulk|commercial|mail)`,
      String.raw`(?:classified|identified|detected|considered|determined|rated|flagged) as (?:bulk|junk|spam)`,
      String.raw`blacklisted (?:url|link|domain)`,
      String.raw`\buribl\b`,
      String.raw`\bsurbl\b`,
      String.raw`bulk mail`,
      String.raw`spam ?assassin`,
      String.raw`content (?:rejected|refused) (?:as|because)`,
      String.raw`message content (?:rejected|refused)`,
      String.raw`looks like (?:spam|junk)`,
      String.raw`suspicious (?:message|content|url)`,
      String.raw`\buce\b`,
      String.raw`high probability of being`,
      String.raw`scored? (?:too high|above)`,
    ],
    quote: '550 5.7.1 Our system has detected that this message is likely unsolicited mail',
  },
  // The message taken for spam, in notices written in other languages: Google's help page in
  // German quotes "Die Nachricht wurde als Spam markiert" (support.google.com/mail/answer/
  // 6596?hl=de); the same in the other languages ("considéré comme du spam", "se ha
  // considerado spam", "classificato come spam", "considerada spam", "als spam aangemerkt",
  // "uznana za spam", "признано спамом", "スパムと判断", "判定为垃圾邮件"): the same statement
  // as each language says it, not checked against a published notice. The statements with the
  // Latin word "spam" in them are read by spamdetected/spam already; this rule holds the ones
  // that do not write it.
  {
    id: 'spamdetected/localised',
    reason: 'spamdetected',
    phrases: [
      String.raw`признан[оа]? спамом`,
      String.raw`スパムと判断`,
      String.raw`判定为垃圾邮件`,
      String.raw`(?:klassades|markerades) som skräppost`,
      String.raw`istenmeyen posta olarak`,
      String.raw`스팸으로 분류`,
    ],
    quote: 'このメッセージはスパムと判断されました。',
  },
];
