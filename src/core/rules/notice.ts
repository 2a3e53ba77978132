// How notices written for people are laid out: the lines that introduce the returned
// message, and the words around an address that say it is (or is not) a failed recipient.
// Data only, one phrase per line (each a regular expression fragment, matched
// case-insensitively); the code that uses them is in ../prose.ts. Adding a new MTA's layout
// touches this file only.

import { FORWARDED_FROM_LABELS } from './detection.ts';

/**
 * Lines that introduce the returned message in single-part bounces, each matched after an
 * optional run of decoration ("-----", "=====", "***"). Real lines:
 * Exim (src/deliver.c) "------ This is a copy of the message, including all the headers. ------";
 * qmail (qmail-send.c) "--- Below this line is a copy of the message.";
 * Sendmail (src/savemail.c) "----- Original message follows -----", "----- Message header follows -----";
 * DragonFly DMA "Message headers follow.";
 * Notes and Exchange "----- Original message -----", "Original message headers:";
 * Courier "--- Start of returned message ---"; Zimbra and Microsoft "Included is a copy of the original message header";
 * a notice that attaches the message inline "Content-Type: message/rfc822";
 * OpenSMTPD (usr.sbin/smtpd/bounce.c) "Below is a copy of the original message:";
 * GMX and WEB.DE "--- The header of the original message is following. ---";
 * Exchange in German and French "Ursprüngliche Nachrichtenkopfzeilen:", "En-têtes de message d'origine :".
 */
export const RETURNED_MESSAGE_MARKERS: readonly string[] = [
  String.raw`(?:this is a copy of (?:the|your) message|below this line is a copy of the message|a copy of (?:the|your) (?:original )?message (?:follows|is below|below))`,
  String.raw`(?:the )?(?:original|returned|undelivered|unsent|unsendable|bounced|rejected) (?:message|mail|e-?mail|headers?)(?: headers?)?(?: (?:follows?|below|is attached|text))?[\s:.-]*$`,
  String.raw`(?:message|original) headers? (?:follows?|below)`,
  String.raw`(?:start|begin) of (?:the )?(?:returned|original) (?:message|headers?)`,
  String.raw`(?:headers? of|copy of) (?:the )?(?:original|returned|your) (?:message|e-?mail)`,
  String.raw`(?:forwarded message|original message text)[\s:-]*$`,
  String.raw`(?:bounced e-?mail|the message you sent)\s*:?\s*$`,
  String.raw`included is a copy of the (?:original )?message header`,
  String.raw`content-type:\s*message\/rfc822`,
  String.raw`below is a copy of (?:the|your) (?:original )?message`,
  String.raw`the headers? of the original message (?:is|are) following`,
  String.raw`ursprüngliche nachrichtenkopfzeilen\s*:?\s*$`,
  String.raw`en-têtes de (?:message|messages) d'origine\s*:?\s*$`,
  // The same heading in Exchange's other languages: Spanish, Italian, Portuguese, Dutch,
  // Polish, Russian, Japanese and Chinese (as each language says it; not read on a
  // Microsoft page).
  String.raw`encabezados (?:de|del) mensaje original(?:es)?\s*:?\s*$`,
  String.raw`intestazioni (?:originali )?del messaggio(?: originale)?\s*:?\s*$`,
  String.raw`cabeçalhos da mensagem original\s*:?\s*$`,
  String.raw`oorspronkelijke berichtkoppen\s*:?\s*$`,
  String.raw`oryginalne nagłówki wiadomości\s*:?\s*$`,
  String.raw`заголовки исходного сообщения\s*:?\s*$`,
  String.raw`元のメッセージ ?ヘッダー\s*[:：]?\s*$`,
  String.raw`原始邮件头\s*[:：]?\s*$`,
];

/**
 * Names of the returned message's header fields that carry addresses, as a notice quotes them
 * at a line's start ("To: a@b; c@d"): Exchange 2003's "Your message / To: ... / Subject: ..."
 * block, and the same block in the languages Exchange and Outlook write it in (German "Von:",
 * "An:", French "De :", "À :", Spanish and Portuguese "De:", "Para:", Italian "Da:", "A:",
 * Dutch "Van:", "Aan:", Polish "Od:", "Do:", Swedish "Från:", "Till:", Russian "От:",
 * "Кому:", Japanese "差出人:", "宛先:", Chinese "发件人:", "收件人:"), as each language's mail
 * client names them. The addresses on such a line are the message's, not failures.
 */
export const QUOTED_HEADER_FIELD_NAMES: readonly string[] = [
  // The sender's label, in every language a forward's header block writes it.
  ...FORWARDED_FROM_LABELS,
  String.raw`to`,
  String.raw`cc`,
  String.raw`bcc`,
  String.raw`reply-to`,
  String.raw`sender`,
  String.raw`return-path`,
  String.raw`message-id`,
  String.raw`references`,
  String.raw`in-reply-to`,
  String.raw`an`,
  String.raw`à`,
  String.raw`para`,
  String.raw`a`,
  String.raw`aan`,
  String.raw`do`,
  String.raw`till`,
  String.raw`кому`,
  String.raw`差出人`,
  String.raw`宛先`,
  String.raw`发件人`,
  String.raw`收件人`,
  // The recipients' label of a forward's header block as Thunderbird's translations write it
  // (thunderbird-l10n, <locale>/mail/chrome/messenger/mime.properties, "# To" 1012): Danish
  // and Norwegian "Til"; Finnish "Vastaanottaja"; Hungarian "Címzett"; Romanian "Către"; Greek
  // "Προς"; Bulgarian "До"; Hebrew "אל"; Arabic "إلى"; Vietnamese "Tới"; Indonesian "Kepada";
  // Thai "ถึง"; Slovak "Pre"; Slovenian "Za"; Croatian "Prima"; Serbian "Прима"; Lithuanian
  // "Kam"; Latvian "Uz"; Estonian "Saaja".
  String.raw`til`,
  String.raw`vastaanottaja`,
  String.raw`címzett`,
  String.raw`către`,
  String.raw`προς`,
  String.raw`до`,
  String.raw`אל`,
  String.raw`إلى`,
  String.raw`tới`,
  String.raw`kepada`,
  String.raw`ถึง`,
  String.raw`pre`,
  String.raw`za`,
  String.raw`prima`,
  String.raw`прима`,
  String.raw`kam`,
  String.raw`uz`,
  String.raw`saaja`,
];

/**
 * The line right above a quoted "To:" field whose addresses are the recipients the notice is
 * about: MailScanner's reports to the sender (github:MailScanner/v5,
 * common/usr/share/MailScanner/reports/en/sender.*.report.txt: "Our UCE (spam) detectors have
 * been triggered by a message you sent:-" / "  To: $to" / "  Subject: ..." / "This message has
 * been rejected."). Anywhere else a quoted header field names the message's addresses, never a
 * failure (QUOTED_HEADER_FIELD_NAMES).
 */
export const FAILED_TO_FIELD_INTRO_PHRASES: readonly string[] = [
  String.raw`(?:has|have) (?:just )?been triggered by a message you sent:-?`,
];

/**
 * Words just before an address that say it is the failed recipient: Postfix "<a@b>: host
 * ... said:", Exim "The following address(es) failed: a@b", Sendmail "----- The following
 * addresses had permanent fatal errors ----- <a@b>", Exchange "Delivery has failed to these
 * recipients or groups: a@b", Gmail "Your message wasn't delivered to a@b", Outlook.com
 * "Your message couldn't be delivered to a@b", French "destinataire", German "Empfänger".
 */
export const RECIPIENT_CONTEXT_WORDS: readonly string[] = [
  String.raw`\bto`,
  String.raw`recipients?`,
  String.raw`address(?:es)?`,
  String.raw`rcpt to`,
  String.raw`\bfor`,
  String.raw`\buser`,
  String.raw`mailbox`,
  String.raw`destinataire`,
  String.raw`empfänger`,
  String.raw`adresse`,
  String.raw`following`,
  String.raw`failed`,
  String.raw`delivering`,
  String.raw`deliver`,
  String.raw`sent to`,
  String.raw`unknown`,
  String.raw`invalid`,
  String.raw`rejected`,
  String.raw`addressed to`,
  String.raw`wasn't delivered to`,
  String.raw`not (?:be )?delivered to`,
  String.raw`couldn't be delivered to`,
  String.raw`could not deliver to`,
  // A mailing list manager naming the list it refused a post to: Sympa's reject.tt2, "Your
  // message for list %1@%2 has been rejected by the moderator (%3)."
  String.raw`\byour message for list`,
  // The same words in notices written in other languages: the preposition a provider's
  // sentence puts before the failed address, right after the language's word for the
  // message (German "Ihre Nachricht an <a>", French "Votre message à <a>", Spanish "Su
  // mensaje para <a>", Portuguese "Sua mensagem para <a>", Italian "Il messaggio per <a>",
  // Dutch "Uw bericht aan <a>", Polish "wiadomości do <a>", Russian "сообщение для <a>",
  // Czech "Vaše zpráva pro <a>" (Seznam's notice), Swedish "Ditt meddelande till <a>",
  // Chinese "您发送给 <a>"; Gmail's "Ihre Nachricht wurde nicht an <a> zugestellt", "Votre
  // message n'a pas été distribué à <a>"), and their words for the recipient ("Destinatario:",
  // "Geadresseerde:", "Получатель:", "受信者:", "收件人:"). A bare preposition is no such
  // word: "Fragen an <a>", "envoyez un message à <a>", "pisz do <a>", "Skicka frågor till <a>"
  // name a help address. Japanese puts the address first ("<a> 宛てのメール"), where it is
  // read already.
  String.raw`(?:nachricht|e-?mail)(?:\s+wurde\s+nicht)?\s+an`,
  String.raw`message(?:\s+n['’]a\s+pas\s+été\s+(?:distribué|remis))?\s+à`,
  String.raw`mensa(?:je|gem)\s+para`,
  String.raw`messaggio\s+per`,
  String.raw`bericht\s+aan`,
  String.raw`wiadomo\S{1,4}\s+do`,
  String.raw`сообщени\S{0,3}\s+для`,
  String.raw`发送给`,
  String.raw`destinatari[oa]s?`,
  String.raw`destinatário`,
  String.raw`geadresseerde`,
  String.raw`adresat(?:a|owi)?`,
  String.raw`получател[ьяю]`,
  String.raw`受信者`,
  String.raw`收件人`,
  String.raw`zpráv\S{0,2}\s+pro`,
  String.raw`meddelande\S{0,3}\s+till`,
];

/**
 * Words just after an address that say it is the failed recipient, in languages that put the
 * address before the verb: Gmail's Japanese notice "<a> にメールを配信できませんでした" (could
 * not deliver the mail to <a>; quoted on urashita.com/?p=36286), "<a> 宛てのメール" (the mail
 * addressed to <a>), Korean "<a> 주소로 보낸 메시지" (the message sent to <a>), Turkish "<a>
 * adresine gönderdiğiniz ileti" (the message you sent to <a>; "adresine gönderin", send to
 * <a>, is a help line's imperative). Read on the address's own line, a few characters after it.
 */
export const RECIPIENT_CONTEXT_AFTER_WORDS: readonly string[] = [
  String.raw`に(?:メール|メッセージ)を配信でき`,
  String.raw`宛て?の(?:メール|メッセージ)`,
  String.raw`(?:주소)?(?:으로|로) 보낸`,
  String.raw`adresine gönder(?:diğiniz|ilen)`,
  // chasquid's DSN (internal/queue/dsn.go, 1.18): each recipient's paragraph opens with the
  // address in quotes and its type ("- \"a@b\" (EMAIL) failed permanently with error:", "...
  // (EMAIL) failed repeatedly and timed out, last error:"); the types are queue.proto's EMAIL,
  // PIPE and FORWARD.
  String.raw`\((?:email|pipe|forward)\) failed (?:permanently|repeatedly)`,
];

/**
 * Words just before an address that say it is not the failed recipient: the envelope sender
 * ("MAIL FROM:<a@b>", Exim's "SMTP error from remote mail server after MAIL FROM:<a@b>"),
 * header fields of the returned message, the postmaster a notice asks you to write to
 * ("please send mail to postmaster@..."), a Message-ID, a HELO name.
 */
/**
 * Words before the address a recipient had before an alias was expanded: inside a recipient's
 * block another spelling of that recipient (Oracle Messaging Server's "Recipient address: a@b
 * / Original address: alias@b"); with no recipient named yet, the recipient itself ("Original
 * recipient: a@b / Reason: 550 5.1.1 User unknown").
 */
/**
 * A line's label naming the address after it as the envelope recipient of the failed message,
 * the label alone before the address. Such an address is a recipient even when it is the
 * notice's own From: Postal's bounce (app/models/bounce_message.rb, 3.3.6) is signed by the
 * route that bounced the message ("From: Mail Delivery Service <support@example.org>", the
 * route's Route#description) and ends "Rcpt To: support@example.org".
 */
export const ENVELOPE_RECIPIENT_LABELS: readonly string[] = [String.raw`rcpt to`];

export const ORIGINAL_ADDRESS_WORDS: readonly string[] = [String.raw`original (?:address|recipient)`];

/**
 * Words naming the sender that may end the line before its address: Microsoft 365's "Sender
 * Address: a@b", Exim's "A message sent by / <a@b> could not be delivered to one or more of
 * its recipients" (the address opens its line there, as a failed one would).
 */
export const SENDER_LABEL_WORDS: readonly string[] = [
  String.raw`sender(?:'s)? (?:e-?mail )?address`,
  String.raw`(?:a|the|your) message (?:you )?sent by`,
  // A line holding only a "From:" label, its address on the next line: Apache James's Bounce
  // mailet lists the returned message's details so ("  From: " / "sender@example.com ";
  // server/mailet/mailets/.../redirect/NotifyMailetsMessage.java, appendAddresses).
  String.raw`^\s*from`,
];

export const SENDER_CONTEXT_WORDS: readonly string[] = [
  String.raw`mail from`,
  String.raw`from`,
  String.raw`sender`,
  ...SENDER_LABEL_WORDS,
  String.raw`envelope-from`,
  String.raw`reply-to`,
  String.raw`return-path`,
  String.raw`postmaster`,
  String.raw`by`,
  String.raw`message-id`,
  // A message identifier labelled in words: Postal's notice (app/models/bounce_message.rb,
  // 3.3.6) "Orginal Message ID: <id@host>" (its spelling), XMail's (QueueUtils.cpp,
  // QueUtBuildErrorResponse, 1.27) "ID:        <S...@host>" on a line of its own.
  String.raw`message id`,
  String.raw`^\s*id\s*:\s*<`,
  String.raw`helo`,
  String.raw`ehlo`,
  // The sender named in other languages ("Absender:", "Expéditeur :", "Remitente:",
  // "Mittente:", "Remetente:", "Afzender:", "Nadawca:", "Отправитель:", "差出人:", "发件人:").
  String.raw`absender`,
  String.raw`expéditeur`,
  String.raw`remitente`,
  String.raw`mittente`,
  String.raw`remetente`,
  String.raw`afzender`,
  String.raw`nadawca`,
  String.raw`отправител[ья]`,
  String.raw`差出人`,
  String.raw`送信者`,
  String.raw`发件人`,
  // Korean "보낸 사람" (sender): the address after it is followed by "로 보낸" like a recipient's.
  String.raw`보낸\s*사람`,
];

/**
 * Words just before an address that offer help, not report a failure: Postfix's template
 * (bounce_template.c, with a site's own address) "For further assistance, please send mail to
 * postmaster@example.org", and the like "If you have questions, please contact
 * help@example.org", "please forward this report to ...". An address that opens its line is
 * still read as a recipient.
 */
export const HELP_CONTEXT_WORDS: readonly string[] = [
  String.raw`please (?:send (?:an? )?(?:e-?)?mail|write|reply|forward (?:it|this(?: (?:report|message))?)) to`,
  String.raw`please contact(?: (?:the|your) (?:postmaster|administrator|helpdesk|help desk|support))?(?: at)?`,
  String.raw`(?:for (?:further |more )?(?:assistance|help|information)|if you have (?:any )?questions?)[^.\n]{0,40}?\b(?:to|contact|at)`,
  // masqmail's templates (tpl/failmsg.tpl, warnmsg.tpl and their translations, English in
  // brackets): "If you need help, write to <postmaster@host>."
  String.raw`if you need (?:any )?(?:help|assistance)[^.\n]{0,20}?\b(?:write|contact)(?: to)?`,
  // The same offer in notices written in other languages: "Bei Fragen wenden Sie sich bitte
  // an ...", "contactez ...", "póngase en contacto con ...", "contattare ...", "entre em
  // contato com ...", "neem contact op met ...", "prosimy o kontakt z ...", "обращайтесь к
  // ...", "请联系 ...". The German and Dutch prepositions are also recipient words above: these
  // are read after them.
  String.raw`wenden sie sich (?:bitte )?an`,
  String.raw`(?:senden|schreiben) sie (?:bitte )?(?:eine (?:e-?mail|nachricht) )?an`,
  String.raw`contacte[zr](?: (?:le|l['’]administrateur|votre administrateur))?`,
  String.raw`contact\s+à`,
  String.raw`écrive[zr] à`,
  String.raw`(?:póngase|ponerse) en contacto con`,
  String.raw`contacte con`,
  String.raw`contatta(?:re)?`,
  String.raw`entre em contato com`,
  String.raw`contact op met`,
  String.raw`kontakt(?:u)? z`,
  String.raw`обращайтесь (?:к|по адресу)`,
  String.raw`свяжитесь с`,
  String.raw`请联系`,
  String.raw`obra[tť]te (?:se )?na`,
  String.raw`kontakta`,
  // A help line that asks you to write there, or names itself by the language's word for
  // questions or help ("Pour obtenir de l'aide, envoyez un message à <a>", "envie um e-mail
  // para <a>", "请将问题发送给 <a>", "kunt u mailen aan <a>", "W razie pytań pisz do <a>",
  // "Skicka frågor till <a>", "Sorularınızı <a> adresine gönderin", "お問い合わせは <a> 宛て",
  // "문의 사항은 <a> 로", "S dotazy ... pro <a>", "Per assistenza: <a>", "escriba para <a>").
  // Bounded to the address's own sentence (a dot inside an address does not end it).
  String.raw`envoye[zr][^.\n]{0,30}?\sà`,
  String.raw`envi(?:e|ar)[^.\n]{0,30}?\bpara`,
  String.raw`escrib\S{0,4}\s+(?:a|para)`,
  String.raw`请将[^。\n]{0,20}?发送给`,
  String.raw`mailen\s+(?:aan|naar)`,
  String.raw`(?:vragen|pytań|frågor|dotaz[ůy]?|sorular\S{0,4})(?:[^.\n]|\.(?!\s)){0,60}?`,
  String.raw`pisz(?:cie)?\s+do`,
  String.raw`skicka[^.\n]{0,30}?\btill`,
  String.raw`per (?:assistenza|informazioni)\s*:?`,
  String.raw`お問い合わせは`,
  String.raw`문의\s*사항은`,
];

/**
 * Comments of a Status field that only restate its class (RFC 3464 fields may carry RFC 822
 * comments): "Status: 5.0.0 (permanent failure)", "Status: 4.4.7 (temporary failure)". Any
 * other comment explains the code ("Status: 4.0.0 (example.net: host name lookup failure)").
 */
export const STATUS_CLASS_COMMENTS: readonly string[] = [
  String.raw`permanent failure`,
  String.raw`permanent error`,
  String.raw`temporary failure`,
  String.raw`temporary error`,
  String.raw`transient failure`,
  String.raw`transient error`,
];

/**
 * Sendmail's own summary of a refusal, the line it writes under its quote of the server
 * ("<<< 550 5.7.1 ..."): the text of the sysexits code it mapped the reply to, not the
 * server's words. Recorded from Sendmail 8.17.1.9: "550 5.1.1 <addr>... User unknown" under a
 * 550 5.7.1 block-list refusal, "554 5.0.0 Service unavailable" under a virus refusal, "501
 * 5.6.0 Data format error" under a refused sender. Read only where the quote is there.
 */
export const SENDMAIL_SUMMARY_LINES: readonly string[] = [
  String.raw`^[45]\d\d [45]\.\d\.\d{1,3} (?:\S{1,320}\.\.\. )?(?:user unknown|service unavailable|data format error)\s*$`,
];

/**
 * Sendmail's line for an address it is still trying, in the transcript of a notice about
 * another ("later@example.net... Deferred: 450 4.7.1 ...", recorded from Sendmail 8.17.1.9):
 * an address named only there has not failed. One its failure sections list (above
 * TRANSCRIPT_HEADING) has, the line is its last attempt's.
 */
export const STILL_QUEUED_AFTER_ADDRESS = String.raw`(?:>)?\.\.\. deferred:`;
/** Sendmail's heading of its transcript (sendmail/savemail.c): "----- Transcript of session follows -----". */
export const TRANSCRIPT_HEADING = String.raw`^[ \t]*-{3,}[ \t]*transcript of session follows[ \t]*-{3,}`;

/**
 * Words before the name of the remote server a notice quotes: Postfix (src/smtp/smtp_trouble.c)
 * "host mx.example.org[192.0.2.1] said:", Exim "host mx.example.org [192.0.2.1]:", others
 * "server mx.example.org", "MX mx.example.org".
 */
export const REMOTE_HOST_WORDS: readonly string[] = [String.raw`host`, String.raw`server`, String.raw`mx`];

/**
 * The heading of the second section of Exchange and Microsoft 365 notices, which names each
 * failed recipient again with the remote server's reply ("Diagnostic information for
 * administrators:", then "Generating server: ..." and "user@example.org host.example.net
 * Remote Server returned '550 5.1.1 ...'"), in the languages Exchange writes it in.
 */
export const ADMIN_SECTION_HEADINGS: readonly string[] = [
  String.raw`diagnostic information for administrators`,
  String.raw`diagnoseinformationen für administratoren`,
  String.raw`informations de diagnostic pour les administrateurs`,
  // Japanese, Spanish and Italian as Microsoft's support page on postmaster messages names the
  // section in each language ("Failed delivery messages from the postmaster at outlook.com
  // ...", support.microsoft.com ja-jp, es-es, it-it); the other languages as each says it,
  // not read on a Microsoft page.
  String.raw`管理者向けの診断情報`,
  String.raw`información de diagnóstico para (?:los )?administradores`,
  String.raw`informazioni (?:di )?diagnostica per gli amministratori`,
  String.raw`informações de diagnóstico para administradores`,
  String.raw`diagnostische gegevens voor beheerders`,
  String.raw`informacje diagnostyczne dla administratorów`,
  String.raw`диагностическая информация для администраторов`,
  String.raw`管理员诊断信息`,
  String.raw`diagnostické informace pro správce`,
  String.raw`diagnostisk information för administratörer`,
  String.raw`yöneticiler için tanılama bilgileri`,
  String.raw`관리자를 위한 진단 정보`,
];

/**
 * Words that open a paragraph of guesses, not the server's answer: boilerplate under the
 * sentence naming the only recipient ("Possible causes: the address does not exist, the
 * mailbox is full, or the message was considered spam.", "If you believe the address does not
 * exist, check it"). Such a paragraph names several reasons and decides none.
 */
export const GUESSED_CAUSE_WORDS: readonly string[] = [
  String.raw`possible (?:causes?|reasons?)`,
  String.raw`(?:one|some|any) of the following (?:causes|reasons)`,
  String.raw`if you (?:believe|think)`,
  String.raw`this (?:can|could|may|might) (?:be|happen) (?:because|for)`,
];

/**
 * Footers a mail gateway appends to every message it passes, the notices it relays too:
 * MailScanner's "Sign Clean Messages" footer ("This message has been scanned for viruses and
 * dangerous content by MailScanner, and is believed to be clean.", its reports' inline.sig
 * texts), Proofpoint Essentials' "Easy-spam-reporting disclaimer" ("This email has been
 * scanned for spam and viruses by Proofpoint Essentials. Click here to report this email as
 * spam.", help.proofpoint.com), Symantec Email Security.cloud's "This email has been scanned by
 * the Symantec Email Security.cloud service.", AVG's "No virus found in this message.". They
 * say nothing of the failure: their "spam" and "virus" never decide a recipient's reason.
 */
export const GATEWAY_FOOTER_PHRASES: readonly string[] = [
  String.raw`\b(?:this|the) (?:e-?mail|message)(?: and any attachments?)? (?:has been|have been|was|were) (?:scanned|checked)\b`,
  String.raw`\bis believed to be clean\b`,
  String.raw`\breport this (?:e-?mail|message) as spam\b`,
  String.raw`\bno virus found in this (?:e-?mail|message)\b`,
  // Avast's "Virus-free. www.avast.com".
  String.raw`\bvirus-free\b`,
  // MailScanner's signature under its own reports to the sender, after "-- "
  // ("MailScanner / Email Virus Scanner / %org-long-name% / %web-site%",
  // github:MailScanner/v5 common/usr/share/MailScanner/reports/en/sender.*.report.txt): the
  // product's name, never the report's finding.
  String.raw`\bmailscanner\s+email virus scanner\b`,
];

/**
 * Words that make a paragraph a statement about this message, never a footer: a refusal, a
 * finding, an address, a reply or status code ("This message has been scanned and was
 * rejected as spam", "... identified as containing a virus").
 */
export const FOOTER_REFUSAL_WORDS: readonly string[] = [
  String.raw`reject`,
  String.raw`refus`,
  String.raw`block`,
  String.raw`bounc`,
  String.raw`undeliver`,
  String.raw`not (?:be |been )?delivered`,
  String.raw`won'?t be delivered`,
  String.raw`not (?:been )?accepted`,
  String.raw`returned`,
  String.raw`\bheld\b`,
  String.raw`flagged`,
  String.raw`found to be`,
  String.raw`(?:was|were) found`,
  String.raw`stopped`,
  String.raw`looks like`,
  String.raw`could ?n[o']t`,
  String.raw`cannot`,
  String.raw`unable`,
  String.raw`fail`,
  String.raw`quarantin`,
  String.raw`identified`,
  String.raw`detected`,
  String.raw`deemed`,
  String.raw`classified`,
  String.raw`infected`,
  // What a scanner did to this message: "the attachment was removed", "deleted", "stripped".
  String.raw`removed`,
  String.raw`deleted`,
  String.raw`stripped`,
  String.raw`discarded`,
  String.raw`contain(?:s|ed|ing)? (?:an? )?(?:virus|spam|malware|dangerous)`,
  String.raw`@`,
  String.raw`\b[2-5]\d\d\b`,
  String.raw`\b[245]\.\d{1,3}\.\d{1,3}\b`,
];
