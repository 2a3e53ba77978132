// Detection phrases: the words that tell a bounce, a delay warning and an automatic reply
// from other mail. Data only, one phrase per line (each a regular expression fragment, matched
// case-insensitively); the code that uses them is in ../detection.ts. Adding a new MTA's
// wording touches this file only.

/**
 * Local parts and display names of automatic senders (RFC 3834 section 3.2's MAILER-DAEMON,
 * RFC 2142's postmaster, the MTAs' defaults): never a failed recipient.
 */
export const DAEMON_SENDER_NAMES: readonly string[] = [
  String.raw`mailer-daemon`,
  String.raw`post[_-]?master`,
  String.raw`mail[ -]?delivery[ -]?(?:system|subsystem)?`,
  String.raw`maildelivery`,
  String.raw`mdaemon`,
  String.raw`mail[_-]?daemon`,
  String.raw`bounces?`,
  String.raw`double-bounce`,
  String.raw`nobody`,
  String.raw`noreply`,
  String.raw`no-reply`,
  String.raw`root`,
  // Exchange's system mailbox that sends its NDRs and delay notices, the "Microsoft Exchange"
  // recipient every on-premises organisation has (MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e
  // @<domain>, shown as "Microsoft Outlook" or "Microsoft Exchange"): a delivery system.
  String.raw`microsoftexchange[0-9a-f]{32}`,
];

/**
 * The senders of DAEMON_SENDER_NAMES that are no delivery system: a shop's, a bank's or a
 * carrier's noreply@ writes "your parcel could not be delivered". Their mail is never a
 * recipient's failure, but it is a bounce only on a bounce subject or a reply code, never on
 * a statement that something was not delivered.
 */
export const NOREPLY_SENDER_NAMES: readonly string[] = [String.raw`noreply`, String.raw`no-reply`];

/**
 * Words anywhere in a From field that mark an automatic sender even when the address is a
 * provider's own ("Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "MAILER-DAEMON@
 * example.org (Mail Delivery System)", "postmaster@example.net"). A forwarded message whose
 * From holds one of these or "mail delivery" is itself a delivery report (DAEMON_FROM_REPORT_PHRASES).
 */
export const DAEMON_FROM_PHRASES: readonly string[] = [String.raw`mailer-daemon`, String.raw`postmaster`];
export const DAEMON_FROM_REPORT_PHRASES: readonly string[] = [...DAEMON_FROM_PHRASES, String.raw`mail delivery`];

/**
 * Subjects of delivery failure notices across MTAs and languages: Postfix "Undelivered Mail
 * Returned to Sender", Sendmail "Returned mail: see transcript for details", Exim "Mail delivery
 * failed: returning message to sender", qmail "failure notice", Exchange "Undeliverable:",
 * Exchange in German "Unzustellbar:", in French "Non remis :", Japanese providers "配信エラー".
 */
export const BOUNCE_SUBJECT_PHRASES: readonly string[] = [
  String.raw`undeliver`,
  String.raw`undelivered`,
  String.raw`returned mail`,
  String.raw`return(?:ed)? to sender`,
  String.raw`delivery (?:status notification|failure|failed|has failed|problem|report|notification)`,
  String.raw`failure notice`,
  String.raw`mail delivery`,
  String.raw`non[- ]?delivery`,
  String.raw`could not be delivered`,
  String.raw`delivery unsuccessful`,
  String.raw`nicht zustellbar`,
  String.raw`unzustellbar`,
  String.raw`non remis`,
  String.raw`échec de la remise`,
  String.raw`no se puede entregar`,
  String.raw`mail failure`,
  String.raw`failed mail`,
  String.raw`mail (?:system )?error`,
  String.raw`warning: could not send`,
  String.raw`delayed mail`,
  String.raw`message not delivered`,
  String.raw`bounce`,
  String.raw`rejected`,
  String.raw`not delivered`,
  String.raw`permanent (?:error|failure)`,
  String.raw`unsuccessful`,
  String.raw`returned`,
  String.raw`配信`,
  String.raw`不達`,
  String.raw`エラー`,
];

/**
 * Exchange's and Outlook.com's subject prefix for a failure report in Italian, Portuguese,
 * Dutch, Polish, Russian and Chinese (the localised "Undeliverable:" of their NDR template;
 * German, French, Spanish and Japanese in BOUNCE_SUBJECT_PHRASES), as this work's brief lists
 * them ("Non recapitabile:", "Não é possível entregar:", "Onbestelbaar:", "Nie można
 * dostarczyć:", "Не доставлено:", "无法送达:"), and in Czech, Swedish, Turkish and Korean
 * builds; not read on a Microsoft page. Read only as Exchange writes them, opening the subject
 * (after reply and forward prefixes) and followed by a colon: the same words anywhere in a
 * subject are a shop's ("Pacco non recapitabile", "Kargonuz teslim edilemedi", "您的包裹无法送达").
 */
export const LOCALISED_BOUNCE_SUBJECT_PREFIXES: readonly string[] = [
  String.raw`non recapitabile`,
  String.raw`não é possível entregar`,
  String.raw`onbestelbaar`,
  String.raw`nie można dostarczyć`,
  String.raw`не доставлено`,
  String.raw`无法送达`,
  String.raw`nedoručiteln\S{0,3}`,
  String.raw`kan inte levereras`,
  String.raw`teslim edilemedi`,
  String.raw`배달 못 함`,
];

/**
 * Subject openings of mail that reports on a message but is no delivery notice: what follows
 * is the sender's own subject, whose words ("Returned goods", "Delivery failure review",
 * "Undeliverable invoices") say nothing of this mail, so BOUNCE_SUBJECT_PHRASES are not read
 * in it. Only the subject is set aside: a delivery system's statements and codes in the text
 * still make a bounce.
 * - Read receipts (RFC 8098 MDNs) as Outlook writes them, "Read: <subject>" and, for a message
 *   deleted unread, "Not read: <subject>" ("The message was deleted without being read.",
 *   Microsoft KB Q186215 as archived); Outlook's localised prefixes as its localised versions
 *   write them ("Gelesen:", "Lu :", "Leído:", "Letto:", "Gelezen:", "Lida:", "Прочитано:", "已读:";
 *   not read on a Microsoft page, their "not read" forms unknown and left out); Thunderbird's
 *   "Return Receipt (displayed) - <subject>" and its other dispositions
 *   (mailnews/extensions/mdn/src/nsMsgMdnGenerator.cpp: the MdnDisplayedReceipt ...
 *   MdnFailedReceipt string, then " - " and the subject).
 * - Outlook's meeting responses and cancellations, sent with a text/calendar part of METHOD
 *   REPLY, COUNTER or CANCEL: "Accepted:", "Declined:", "Tentative:", "New Time Proposed:" (the
 *   prefixes Zimbra's Outlook-connector tests and a MAPI gateway's export build from PARTSTAT and
 *   METHOD: "Accepted: ", "Declined: ", "Tentative: ", COUNTER "New Time Proposed: "), and the
 *   organiser's cancellation "Canceled:" / "Cancelled:" (METHOD:CANCEL).
 * - Message recall: Outlook's request "Recall: <Original Subject>" (learn.microsoft.com,
 *   exchange/mail-flow-best-practices/work-with-cloud-based-message-recall), the recipient
 *   client's "Message Recall Success:" / "Message Recall Failure:" ("Your message ... could not
 *   be recalled on ...", Microsoft KB Q185038 as archived), and Exchange Online's "Message
 *   Recall Report for message: <subject>", which lists each recipient with its recall status.
 * Never "Rejected:": Dovecot's Sieve rejection and a moderator's refusal open with it.
 */
export const LOOK_ALIKE_SUBJECT_PREFIXES: readonly string[] = [
  String.raw`(?:not )?read\s*:`,
  String.raw`gelesen\s*:`,
  String.raw`lu\s*:`,
  String.raw`leído\s*:`,
  String.raw`letto\s*:`,
  String.raw`gelezen\s*:`,
  String.raw`lida\s*:`,
  String.raw`прочитано\s*:`,
  String.raw`已读\s*[:：]`,
  String.raw`return receipt \((?:displayed|deleted|dispatched|processed|denied|failed)\)\s*-`,
  String.raw`(?:accepted|declined|tentative|new time proposed|cancel(?:l)?ed)\s*:`,
  String.raw`recall\s*:`,
  String.raw`message recall (?:success|failure)\s*:`,
  String.raw`message recall report for message\b`,
];

/**
 * Phrases in a notice that say delivery failed (Postfix's "could not be delivered to one or more
 * recipients", Exim's "could not be delivered to one or more of its recipients", Exchange's
 * "Delivery has failed to these recipients", Gmail's "wasn't delivered").
 */
export const FAILURE_STATEMENT_PHRASES: readonly string[] = [
  String.raw`could not be delivered`,
  String.raw`couldn'?t be delivered`,
  String.raw`wasn'?t delivered`,
  String.raw`was not delivered`,
  String.raw`undeliverable`,
  String.raw`delivery (?:has )?failed`,
  String.raw`failed to deliver`,
  String.raw`permanent(?:ly)? (?:error|fail)`,
  String.raw`unable to deliver`,
  String.raw`not able to deliver`,
  String.raw`delivery to the following`,
  String.raw`following (?:address|recipient)`,
  String.raw`could not deliver`,
  String.raw`failure notice`,
  String.raw`returned to sender`,
  String.raw`message was rejected`,
  String.raw`was rejected`,
  String.raw`delivery problem`,
  String.raw`not be delivered`,
  String.raw`failed permanently`,
  String.raw`delivery error`,
  String.raw`did not reach`,
  String.raw`error delivering`,
  String.raw`delivery failure`,
  String.raw`bounced`,
  String.raw`kein zustellung`,
  String.raw`nicht zugestellt`,
  String.raw`no se ha podido entregar`,
  // Exchange in Japanese: "次の受信者またはグループへの配信に失敗しました" (delivery has failed to
  // these recipients or groups; it-bibouroku.hateblo.jp).
  String.raw`配信に失敗しました`,
];

/**
 * The statement that delivery failed in the other languages Exchange and Outlook.com write
 * their reports in (the French one as a French Exchange report posted whole reads it,
 * pastebin.com/HZca6aT2; the others as each language says it, not read on a Microsoft page)
 * ("Échec de la remise pour ces destinataires ou groupes :", "Die Zustellung an folgende
 * Empfänger oder Gruppen ist fehlgeschlagen:", "No se pudo entregar a estos destinatarios o
 * grupos:", "Recapito non riuscito per ...", "Falha na entrega para ...", "Bezorging is
 * mislukt voor ...", "Dostarczenie do tych adresatów lub grup nie powiodło się:", "Не
 * удалось доставить сообщение ...", "未能送达这些收件人或组:"), and a provider's sentence
 * naming the address ("Ihre Nachricht an <a> konnte nicht zugestellt werden", "Votre
 * message à <a> n'a pas pu être remis", "<a> にメールを配信できませんでした" as Gmail's
 * Japanese notice words it, quoted on urashita.com/?p=36286).
 *
 * Read only in mail from a delivery system (MAILER-DAEMON, postmaster, "Mail Delivery
 * System"), never from a noreply@ sender or a person: these are everyday words of a parcel
 * or an order ("Votre colis n'a pas pu être distribué", "Ihre Sendung konnte nicht zugestellt
 * werden"). The words a login or a parcel shares with them ("nie powiodło się", "falha na
 * entrega", "无法送达", "配信できませんでした", "nicht zugestellt werden") count only with the
 * language's word for the message or its recipients before them.
 */
export const LOCALISED_FAILURE_STATEMENT_PHRASES: readonly string[] = [
  String.raw`(?:nachricht|e-?mail|mail)(?:[^.\n]|\.(?=\S)){0,80}?(?:konnte|kann) nicht zugestellt werden`,
  String.raw`zustellung an [^.\n]{0,60}fehlgeschlagen`,
  String.raw`(?:message|e-?mail|courriel)(?:[^.\n]|\.(?=\S)){0,80}?n['’]a pas pu être (?:remis|distribué)`,
  String.raw`échec de la remise`,
  String.raw`no se (?:ha )?pudo entregar (?:a (?:estos|los siguientes) destinatarios|el mensaje)`,
  String.raw`(?:mensaje|correo)(?:[^.\n]|\.(?=\S)){0,80}?no se (?:ha )?pudo entregar`,
  String.raw`(?:messaggio|e-?mail)(?:[^.\n]|\.(?=\S)){0,80}?non è stato (?:possibile )?recapitat`,
  String.raw`recapito non riuscito`,
  String.raw`(?:mensagem|e-?mail)(?:[^.\n]|\.(?=\S)){0,80}?não (?:pôde|foi possível) ser entregue`,
  String.raw`falha na entrega (?:para|a) (?:estes|os seguintes) destinatários`,
  String.raw`(?:bericht|e-?mail)(?:[^.\n]|\.(?=\S)){0,80}?kan niet worden bezorgd`,
  String.raw`bezorging is mislukt`,
  String.raw`nie można dostarczyć wiadomo`,
  String.raw`(?:adresatów|odbiorców)(?:[^.\n]|\.(?=\S)){0,40}?nie powiodło się`,
  String.raw`не удалось доставить`,
  String.raw`(?:メール|メッセージ)を配信できませんでした`,
  String.raw`未能送达`,
  String.raw`(?:邮件|电子邮件)[^。\n]{0,40}?无法送达`,
  // Czech, as Seznam's own notice words it ("Vaše zpráva pro <a> ze dne ... nemohla být
  // doručena", napoveda.seznam.cz/uzivatel-neexistuje), Exchange's "se nezdařilo"; Swedish,
  // Turkish and Korean; and Polish qmail's translated notice as a Polish host's help page
  // quotes it ("Bardzo nam przykro jednakze nie udalo sie wyslac maila pod wskazane adresy",
  // kei.pl/pomoc/wiadmosc-zwrotna, written without diacritics).
  String.raw`zpráv\S{0,3}(?:[^.\n]|\.(?=\S)){0,80}?nemohla být doručena`,
  String.raw`doručení [^.\n]{0,60}se nezdařilo`,
  String.raw`meddelande\S{0,3}(?:[^.\n]|\.(?=\S)){0,80}?kunde inte levereras`,
  String.raw`det gick inte att leverera`,
  String.raw`ileti(?:[^.\n]|\.(?=\S)){0,80}?teslim edilemedi`,
  String.raw`teslim başarısız`,
  String.raw`(?:메시지|메일)(?:[^.\n]|\.(?=\S)){0,40}?배달하지 못했습니다`,
  String.raw`nie uda(?:ł|l)o si(?:ę|e) wys(?:ł|l)a(?:ć|c)`,
];

/**
 * Notices that say delivery is only delayed and still being tried (a warning, not a bounce):
 * Postfix's delay warning "will keep trying" and "No action is required on your part"
 * (src/bounce templates), Sendmail's "Warning: could not send message for past 4 hours",
 * Gmail's "will retry for 46 more hours", Exchange's "delivery attempts will continue".
 */
export const DELAY_STATEMENT_PHRASES: readonly string[] = [
  String.raw`will (?:continue|keep) (?:trying|to try|attempting)`,
  String.raw`still (?:trying|being retried|be retried)`,
  String.raw`will (?:be )?retr(?:y|ied)`,
  String.raw`not yet been delivered`,
  String.raw`has been delayed`,
  String.raw`is delayed`,
  String.raw`delay(?:ed)? (?:warning|notification|mail)`,
  String.raw`no action is required on your part`,
  String.raw`warning: (?:could not send|message .* delayed)`,
  String.raw`delivery attempts will continue`,
  // masqmail's warning (tpl/warnmsg.tpl): "Sorry, but your mail could not yet be delivered to
  // all recipients. Delivery to the following recipients has been defered: ... Delivery will
  // be tried again, until it is either successfull or a timeout has been reached."
  String.raw`could not yet be delivered`,
  String.raw`will be tried again`,
  // XMail's temporary-error notice (SMAILSvr.cpp, 1.27), the note under "[<03>] Note:" of its
  // usual layout: "** This is a temporary error and you do not have to resend the message".
  String.raw`temporary error and you do not have to resend the message`,
  // The same promise in a delay warning written in another language: "Der Server wird
  // weiterhin versuchen, die Nachricht zuzustellen", "continuera à essayer", "seguirá
  // intentando", "continuerà a tentare", "continuará tentando", "blijft proberen", "będzie
  // nadal próbował", "продолжит попытки", Gmail's Japanese "Gmail は 47 時間再試行し"
  // (retries for 47 hours; its delay notice "配信未完了", quoted on urashita.com/?p=36286),
  // "将继续尝试".
  String.raw`weiterhin (?:versuch|zuzustellen)`,
  String.raw`continuera (?:à|d['’]|de) (?:essayer|tenter)`,
  String.raw`seguirá intentando`,
  String.raw`continuerà a tentare`,
  String.raw`continuará tentando`,
  String.raw`blijft proberen`,
  String.raw`nadal próbował`,
  String.raw`продолжит попытки`,
  String.raw`時間再試行`,
  String.raw`将继续尝试`,
  // masqmail's own translations of its warning (tpl/warnmsg.tpl.fr, .de, .it): "L'expédition
  // vers les destinataires suivants a été différée", "D'autres tentatives d'envoi vont être
  // effectuées", "Die Zustellung wird weiterhin versucht", "L'invio ai seguenti destinatari
  // e' stato ritardato", "La spedizione verra' ritentata".
  String.raw`a été différée`,
  String.raw`d['’]autres tentatives d['’]envoi vont être effectuées`,
  String.raw`(?:è|e['’]) stato ritardato`,
  String.raw`verr(?:à|a['’]) ritentata`,
  // Czech, Swedish, Turkish, Korean.
  String.raw`nadále pokoušet`,
  String.raw`fortsätter att försöka`,
  String.raw`denemeye devam edecek`,
  String.raw`계속 [^.\n]{0,30}시도합니다`,
];

/**
 * Words that say the MTA has given up: a notice holding them is a bounce even if it also
 * speaks of retrying.
 */
export const GIVEN_UP_PHRASES: readonly string[] = [
  String.raw`gave up`,
  String.raw`given up`,
  String.raw`giving up`,
  String.raw`permanent`,
  String.raw`failed permanently`,
  String.raw`could not be delivered`,
  String.raw`will not be delivered`,
  String.raw`has been returned`,
  String.raw`no further attempts`,
  String.raw`undeliverable`,
];

/**
 * A recipient's own words that say the MTA removed it from its queue although its report
 * calls it delayed: the notice is the final one, a bounce.
 */
export const REMOVED_WHILE_DELAYED_PHRASES: readonly string[] = [
  // OpenSMTPD 6.8 (usr.sbin/smtpd/queue.c, IMSG_SCHED_ENVELOPE_EXPIRE): at the end of the
  // queue's time to live it writes "Envelope expired" with a temporary class and deletes the
  // envelope; bounce.c lays that out as a delay ("Action: delayed", "A message is delayed for
  // more than 0 seconds ... The message is kept in the queue for up to 7 days."), its only
  // report. Recorded from OpenSMTPD 6.8.0p2: "someone@remote.test: Envelope expired".
  String.raw`^[^\s@]+@[^\s:]+: envelope expired$`,
  // OpenSMTPD 6.8 .. 7.x (usr.sbin/smtpd/queue.c, IMSG_MTA_DELIVERY_LOOP and
  // IMSG_MDA_DELIVERY_LOOP): a message that already passed this host gets "Loop detected" with
  // the temporary class ESC_STATUS_TEMPFAIL and ESC_ROUTING_LOOP_DETECTED (4.4.6), and its
  // envelope is deleted; bounce.c's bounce_add() files a temporary class as a delay.
  String.raw`^[^\s@]+@[^\s:]+: loop detected$`,
];

/**
 * Promises and durations, not failures: Gmail's delay notice "You'll be notified if the
 * delivery fails permanently", Exchange's "we'll let you know if ...", Postfix's delay warning
 * (src/bounce/bounce_template.c) "Your message could not be delivered for more than 4 hour(s).
 * It will be retried until it is 5 day(s) old." These are removed before the notice is
 * searched for GIVEN_UP_PHRASES.
 */
export const CONDITIONAL_FAILURE_PHRASES: readonly string[] = [
  String.raw`\b(?:notif(?:y|ied)|let you know|tell you|informed?)\b[^.\n]{0,60}\bif\b[^.\n]{0,80}`,
  String.raw`\bcould not be delivered for (?:more than )?\d+ (?:hour|minute|day)`,
];

/**
 * Header fields that mark an automatic reply by themselves, each with the pattern its value
 * must match (case-insensitive; '.' is any value): RFC 3834's Auto-Submitted (auto-replied;
 * auto-generated is what Exchange writes on an Out of Office reply; auto-notified is RFC 5436's
 * Sieve notifications); Precedence auto_reply; the X- fields of BSD vacation(1) forks,
 * cPanel/Exim and webmail autoresponders ("X-Autoreply: yes", "X-Autorespond:",
 * "X-Autogenerated: Reply", "X-Mail-Autoreply:", "X-AutoReply-From:"); Apple's
 * "X-Apple-Action: vacation"; Exchange's X-MS-Exchange-Inbox-Rules-Loop (a message an inbox
 * rule or the Out of Office assistant sent). A bounce carries some of these too (Exim's
 * "Auto-Submitted: auto-replied"): a bounce is recognised first, these only sort the rest.
 */
export const AUTOREPLY_HEADER_FIELDS: readonly [field: string, value: string][] = [
  ['auto-submitted', String.raw`^auto-(?:replied|generated|notified)`],
  ['precedence', String.raw`^auto[_-]?reply`],
  ['x-autoreply', String.raw`^(?!\s*(?:no|false|0)\s*$).`],
  ['x-autorespond', '.'],
  ['x-autoresponder', '.'],
  ['x-autoreply-from', '.'],
  ['x-mail-autoreply', '.'],
  ['x-autogenerated', String.raw`^reply`],
  ['x-apple-action', String.raw`vacation`],
  ['x-ms-exchange-inbox-rules-loop', '.'],
  // The vacation(1) program (sendmail's usr.bin/vacation, its BSD and Linux ports): the
  // manual page's .vacation.msg, which the program sends as written, carries "From: ...
  // Subject: I am on vacation / Delivered-By-The-Graces-Of: The Vacation program / Precedence:
  // bulk"; the subject is the user's own and may hold no word of absence.
  ['delivered-by-the-graces-of', String.raw`\bvacation\b`],
  // Postfix Admin's Virtual Vacation (VIRTUAL_VACATION/vacation.pl, do_mail and
  // send_vacation_email): "'Precedence' => 'junk', 'X-Loop' => 'Postfix Admin Virtual
  // Vacation'", the user's own subject, and no Auto-Submitted before its later releases.
  // Only this value: X-Loop is every mailing list's and procmail's loop guard.
  ['x-loop', String.raw`^postfix ?admin virtual vacation\b`],
];

/**
 * Header fields that only hint at an automatic message (a newsletter writes "Precedence:
 * bulk"; Outlook writes "X-Auto-Response-Suppress: All" on ordinary invitations): an automatic
 * reply only together with an automatic-reply subject.
 */
export const AUTOREPLY_HINT_FIELDS: readonly [field: string, value: string][] = [
  ['precedence', String.raw`^(?:bulk|junk|list)`],
  ['x-auto-response-suppress', '.'],
];

/**
 * Header fields of a mailing list's message (RFC 2369's List-Help, List-Unsubscribe,
 * List-Subscribe, List-Post, List-Owner, List-Archive; RFC 2919's List-Id): a list's mailing,
 * never one mailbox's answer to a message. RFC 3834 section 2 asks responders not to answer list
 * mail, and Pigeonhole's vacation refuses to ("Headers known to be associated with mailing
 * lists", cmd-vacation.c). A newsletter says "Precedence: bulk" and "Holiday deals": without an
 * automatic-reply field, its subject and hints make no automatic reply.
 */
export const MAILING_LIST_FIELDS: readonly string[] = [
  'list-id',
  'list-unsubscribe',
  'list-subscribe',
  'list-post',
  'list-help',
  'list-owner',
  'list-archive',
];

/**
 * Header fields of a mailing list manager's own notice to one person (not a list posting): GNU
 * Mailman marks every message it crafts itself ("internally crafted messages", its
 * UserNotification: a rejection, a hold notice, a bounce probe) with "X-List-Administrivia:
 * yes" (Mailman 2.1 Mailman/Handlers/CookHeaders.py, Mailman 3 src/mailman/handlers/
 * rfc_2369.py); ezmlm writes "Mailing-List: contact <list>-help@<host>; run by ezmlm" on
 * everything it sends (ezmlm-idx bin/ezmlm-moderate.c, TXT_MAILING_LIST). Such a notice never
 * forwards a bounce of the reader's own mail: the bounce a probe or a warning attaches
 * ("A bounce sample is attached below", Mailman's probe.txt; ezmlm's bounce-warn, "I've
 * attached a copy of the first bounce message I received") is one of the list's messages to
 * the reader, which arrived after all.
 */
export const LIST_NOTICE_FIELDS: readonly [field: string, value: string][] = [
  ['x-list-administrivia', String.raw`^yes\b`],
  ['mailing-list', String.raw`\brun by ezmlm\b`],
];

/**
 * What a mailbox server writes to the sender when its user's own mail filter refused the message
 * after the SMTP or LMTP dialogue was over: a Sieve "reject" (RFC 5429 section 2.1) sent as an
 * MDN, its text the server's line and the script's reason, its message/disposition-notification
 * part naming the recipient ("Final-Recipient: rfc822; <address>") with "Disposition:
 * automatic-action/MDN-sent-automatically; deleted". The line is what tells it from a read
 * receipt, whose "deleted" means its reader threw the message away unread.
 * - Cyrus IMAP's lmtpd (imap/lmtp_sieve.c send_rejection; "From: Mail Sieve Subsystem
 *   <postmaster>", "Subject: Automatically rejected mail"): "Your message was automatically
 *   rejected by Sieve, a mail\r\nfiltering language.", then "The following reason was given:";
 * - Dovecot 1.0's deliver (src/deliver/mail-send.c, MAIL_REJECTION_HUMAN_REASON): "Your message
 *   was automatically rejected by Dovecot Mail Delivery Agent.";
 * - Pigeonhole (src/lib-sieve/sieve-actions.c sieve_action_do_reject_mail) and Dovecot's LDA and
 *   LMTP since 1.1 (src/lib-lda/mail-send.c, rejection_reason's default): "Your message to <%t>
 *   was automatically rejected:%n%r".
 * Read in the notice's opening, only from a delivery system's address.
 */
export const FILTER_REJECTION_PHRASES: readonly string[] = [
  String.raw`your message was automatically rejected by sieve, a mail\s{1,4}filtering language`,
  String.raw`your message was automatically rejected by dovecot mail delivery agent`,
  String.raw`your message to <?[^\s<>]{1,254}>? was automatically rejected:`,
];

/**
 * What a mailing list manager or a help desk writes when it refuses the message a person sent
 * it (a post, a ticket, a reply by mail): a refusal of that message, not a delivery failure
 * and never a dead address. Read in the notice's opening (its whitespace folded, as the
 * products wrap their texts) and its subject. Each product's own words:
 * - GNU Mailman 2.1 (Mailman/Handlers/Moderate.py do_reject, the text the list owner may
 *   replace; the older text of the same function; templates/en/refuse.txt): "You are not
 *   allowed to post to this mailing list, and your message has been automatically rejected.",
 *   "Your message has been rejected, probably because you are not subscribed to the mailing
 *   list", "has been rejected by the list moderator";
 * - GNU Mailman 3 (src/mailman/templates/en/list:user:notice:rejected.txt): "Your message to
 *   the $listname mailing-list was rejected for the following reasons:";
 * - mlmmj (listtexts en/deny-post): "The message from $posteraddr$ with subject "$subject" was
 *   unable to be delivered to the list because ...";
 * - Sympa (default/mail_tt2/reject.tt2): "Your message for list %1@%2 has been rejected by the
 *   moderator";
 * - Discourse (config/locales/server.en.yml, every email_reject_* template): "We're sorry, but
 *   your email message to %{destination} (titled %{former_title}) didn't work.";
 * - Request Tracker 4.2 (lib/RT/Interface/Email.pm, Gateway and GetAuthenticationLevel):
 *   "You do not have permission to communicate with RT", the subjects "Ticket creation failed:
 *   %s" and "Message not recorded: %s";
 * - OTRS, Znuny and OTOBO's auto response "default reject (after follow-up and rejected of a
 *   closed ticket)": "-- Your follow-up has been rejected. --";
 * - osTicket (include/i18n/en_US/templates/email/ticket.overlimit.yaml): "You have reached the
 *   maximum number of open tickets allowed."
 */
export const APPLICATION_REFUSAL_PHRASES: readonly string[] = [
  String.raw`not allowed to post to this mailing list, and your message has been automatically rejected`,
  String.raw`your message has been rejected, probably because you are not subscribed to the mailing list`,
  String.raw`has been rejected by the list moderator`,
  String.raw`mailing-list was rejected for the following reasons`,
  String.raw`was unable to be delivered to the list because`,
  String.raw`your message for list \S{1,100} has been rejected by the moderator`,
  String.raw`we're sorry, but your email message to [^\n]{1,300}? didn't work\.`,
  String.raw`you do not have permission to communicate with rt\b`,
  String.raw`^\s*(?:ticket creation failed|message not recorded):`,
  String.raw`your follow-up has been rejected`,
  String.raw`you have reached the maximum number of open tickets allowed`,
  // Zammad's postmaster reply to a message over its size limit (app/views/mailer/
  // email_oversized/en.txt.erb): "Your message was #{mail.msg_size} MB but we only accept
  // messages up to #{config.postmaster_max_size} MB."
  String.raw`\bMB but we only accept messages up to\b`,
  // TMDA's failure notices, the refusal of its user's own filter (TMDA 1.1.12 templates/
  // bounce_incoming.txt, bounce_fail_sender.txt, bounce_expired_dated.txt, ...): "This message
  // was created automatically by mail delivery software (TMDA). / Your message attached below
  // could not be delivered to one or more of its recipients." From the user's own address, with
  // "Auto-Submitted: auto-generated (failure)" (TMDA/AutoResponse.py): the failed address is the
  // returned message's To.
  String.raw`created automatically by mail delivery software \(TMDA\)\. Your message attached below could not be delivered`,
];

/**
 * What a challenge-response anti-spam system writes when it holds a message and asks its
 * sender to prove a person sent it (reply, click, type a word): an automatic reply asking for
 * action, never a failure of the address. Read in the notice's opening (its whitespace folded)
 * as for APPLICATION_REFUSAL_PHRASES. Each system's own words:
 * - TMDA 1.1.12 (templates/confirm_request.txt, subject "Please confirm your message"): "Your
 *   message attached below is being held because the address <%(confirm_append_address)s> has
 *   not been verified.";
 * - ASK, Active Spam Killer 2.5.3 (templates/confirm_en.txt, confirm_fr.txt; subject "Please
 *   confirm (conf#<md5>)"): "The message you sent (attached below) requires confirmation before
 *   it can be delivered.", and its other languages (confirm_<lang>.txt, ISO-8859-1): French "Le
 *   message que vous avez envoye (dessous) demande confirmation avant qu'il puisse etre envoye",
 *   German "Ihre Mail (unten angehaengt) muss vor der Zustellung an mich explizit bestaetigt
 *   werden", Spanish "El mensaje que usted ha enviado (mostrado más abajo) necesita su
 *   confirmación antes de ser entregado", Italian "Il messaggio che hai spedito (allegato sotto)
 *   richiede una conferma prima che sia consegnato", Dutch "Het bericht dat u verzonden heeft
 *   (beneden bijgevoegd), vereist bevestiging voor het definitief bezorgd kan worden", Brazilian
 *   Portuguese "A mensagem que você enviou (em anexo) requer confirmação antes de ser entregue",
 *   Danish "Den e-mail, som du har sendt (vedhæftet forneden), kræver en bekræftelse før den kan
 *   leveres", Finnish "tarvitsemme vahvistuksen että viesti on osoitteestasi peräisin. Ilman
 *   vahvistusta viestiä ei voida toimittaa perille";
 * - Spam Arrest's verification request, as public pages quote it (empoprise-bi.blogspot.com/
 *   2015/05/, pastebin.com/R1FNPaKh): "I'm protecting myself from receiving junk mail. Please
 *   click the link below to complete the verification process.", "Spam Arrest requests that
 *   senders verify themselves before their email is delivered.";
 * - MailGuard's reply (www.voobie.com/mail/system-files/msg_reply_mailguard.txt): "Your e-mail
 *   has been put on-hold and will be delivered to {RECIPIENT} upon your verification.";
 * - the IETF's postconfirm, in front of its mailing lists (github.com/ietf-tools/postconfirm,
 *   charts/postconfirm/values.yaml, the template it deploys; src/milter/processor.py
 *   send_challenge(), subject " Confirm: <list>:<ref>:<hash>", "Auto-Submitted: auto-replied"):
 *   "your email will not be delivered until you confirm that you sent it by replying to this
 *   message with the confirmation code in the subject line intact."
 */
export const CHALLENGE_PHRASES: readonly string[] = [
  String.raw`your message attached below is being held because the address`,
  String.raw`the message you sent \(attached below\) requires confirmation before it can be delivered`,
  String.raw`le message que vous avez envoy[ée] \(dessous\) demande confirmation avant qu'il puisse [êe]tre envoy[ée]`,
  String.raw`ihre mail \(unten angeh(?:ae|ä)ngt\) muss vor der zustellung an mich explizit best(?:ae|ä)tigt werden`,
  String.raw`el mensaje que usted ha enviado \(mostrado m[áa]s abajo\) necesita su confirmaci[óo]n antes de ser entregado`,
  String.raw`il messaggio che hai spedito \(allegato sotto\) richiede una conferma prima che sia consegnato`,
  String.raw`het bericht dat u verzonden heeft \(beneden bijgevoegd\),? vereist bevestiging voor het definitief bezorgd kan worden`,
  String.raw`a mensagem que voc[êe] enviou \(em anexo\) requer confirma[çc][ãa]o antes de ser entregue`,
  String.raw`den e-mail, som du har sendt \(vedh(?:æ|ae)ftet forneden\), kr(?:æ|ae)ver en bekr(?:æ|ae)ftelse f(?:ø|oe)r den kan leveres`,
  String.raw`tarvitsemme vahvistuksen ett[äa] viesti on osoitteestasi per[äa]isin\. ilman vahvistusta viesti[äa] ei voida toimittaa perille`,
  String.raw`i'm protecting myself from receiving junk mail\. please click the link below to complete the verification process`,
  String.raw`spam arrest requests that senders verify themselves before their email is delivered`,
  String.raw`your e-mail has been put on-hold and will be delivered to \S{1,254} upon your verification`,
  String.raw`your email will not be delivered until you confirm that you sent it`,
];

/**
 * A challenge-response system's word that the sender's answer was accepted and the message it
 * held delivered: TMDA 1.1.12 (templates/confirm_accept.txt, subject "Confirmation accepted"):
 * "Your confirmation was accepted, and so your original message has been delivered."
 */
export const CHALLENGE_RELEASED_PHRASES: readonly string[] = [
  String.raw`your confirmation was accepted, and so your original message has been delivered`,
];

/**
 * Header fields, with the values, only a program writes, that mark a message as automatic even
 * without an automatic-reply value: the loop guards of Request Tracker ("X-RT-Loop-Prevention:
 * <rtname>", lib/RT/Interface/Email.pm MailError), of OTRS, Znuny and Zammad ("X-Loop: yes")
 * and of Sympa ("X-Loop: sympa@...", its delivery_status_notification.tt2). Not any X-Loop: a
 * person's procmail recipe writes "X-Loop: <their address>" on their own forwarded letters. A
 * help desk's refusal is read only from automatic mail: a person's letter quoting one is none.
 */
export const LOOP_GUARD_FIELDS: readonly [field: string, value: string][] = [
  ['x-rt-loop-prevention', '.'],
  ['x-loop', String.raw`^(?:yes$|sympa@)`],
];

/**
 * The local-part endings of a mailing list's role addresses, which write a list's notices but
 * are never the address a refusal is about: Mailman's -owner, -bounces and -request, Sympa's
 * -request and -owner, mlmmj's +owner and +bounces-help, ezmlm's -help.
 */
export const LIST_ROLE_ADDRESS_SUFFIXES: readonly string[] = [
  String.raw`owner`,
  String.raw`bounces?`,
  String.raw`request`,
  String.raw`admin`,
  String.raw`help`,
];

/** Prefixes a person's reply writes before a subject: Re, German AW, Scandinavian SV, Finnish VS, Dutch Antw, Italian R/Rif, Polish Odp, Turkish Ynt, ... */
export const PERSON_REPLY_SUBJECT_PREFIXES: readonly string[] = [
  String.raw`re`,
  String.raw`aw`,
  String.raw`sv`,
  String.raw`vs`,
  String.raw`antw`,
  String.raw`r`,
  String.raw`rif`,
  String.raw`odp`,
  String.raw`ynt`,
  // The replies of "localized versions of MS Outlook et al." that Thunderbird's translations
  // recognise as "Re:" (thunderbird-l10n, <locale>/mail/chrome/messenger-region/region.properties,
  // mailnews.localizedRe): Hungarian "Vá", Hebrew "השב", Serbian "Одг", Slovenian "Odg",
  // Lithuanian "Ats." (Finnish and Estonian "VS"/"Vs", Danish and Norwegian "SV" are above).
  String.raw`vá`,
  String.raw`השב`,
  String.raw`одг`,
  String.raw`odg`,
  String.raw`ats\.`,
];

/** Prefixes a forward writes before a subject: Fw/Fwd, German WG, French TR. */
export const FORWARD_SUBJECT_PREFIXES: readonly string[] = [String.raw`fwd?`, String.raw`wg`, String.raw`tr`];

/** More forward prefixes, read only to tell a forward (Spanish RV, Italian I, Polish PD); never skipped before other subjects. */
export const MORE_FORWARD_SUBJECT_PREFIXES: readonly string[] = [String.raw`rv`, String.raw`i`, String.raw`pd`];

/**
 * Danish Outlook's forward prefix "VS:" (Videresendt): a rule that forwards a message "føjer
 * reglen betegnelsen "VS:" til begyndelsen af emnelinjen"
 * (support.office.com/da-dk/article/Videresend-og-omdiriger-mail-automatisk-9f124e4a-749e-4288-a266-2d009686b403).
 * Finnish and Estonian write the same "VS:"/"Vs:" for a reply (Vastaus, Vastus), which quotes
 * the notice it answers in full: so a "VS:" mail is a forward only when its quoted header
 * block names the sender with the Danish or Norwegian label (DANO_NORWEGIAN_FROM_LABELS), and
 * it carries the delivery system's whole notice.
 */
export const DANO_NORWEGIAN_FORWARD_PREFIXES: readonly string[] = [String.raw`vs`];
/** Danish and Norwegian Bokmål "Fra", Nynorsk "Frå" (thunderbird-l10n mime.properties, "# From" 1009). */
export const DANO_NORWEGIAN_FROM_LABELS: readonly string[] = [String.raw`fra`, String.raw`frå`];

/**
 * The label a mail client writes before the sender of the message it forwards ("From:" in its
 * quoted header block), in the languages it writes it in: German "Von", French, Spanish,
 * Portuguese and Catalan "De", Italian "Da", Dutch "Van", Polish, Czech, Slovak and Slovenian
 * "Od", Swedish "Från"; and as Thunderbird's translations write it in a forward's header block
 * (thunderbird-l10n, <locale>/mail/chrome/messenger/mime.properties, "# From" 1009, under
 * messengercompose/composeMsgs.properties' mailnews.forward_header_originalmessage, "--------
 * Videresendt meddelelse --------"): Danish and Norwegian Bokmål "Fra", Nynorsk "Frå", Finnish
 * "Lähettäjä", Hungarian "Feladó", Romanian "de la", Greek "Από", Bulgarian and Russian "От",
 * Ukrainian "Від", Hebrew "מאת", Arabic "مِن", Vietnamese "Từ", Indonesian "Dari", Thai "จาก",
 * Croatian "Šalje", Serbian "Шаље", Lithuanian "Kas", Latvian "No", Estonian "Saatja".
 */
export const FORWARDED_FROM_LABELS: readonly string[] = [
  String.raw`from`,
  String.raw`von`,
  String.raw`de`,
  String.raw`da`,
  String.raw`van`,
  String.raw`od`,
  String.raw`från`,
  String.raw`fra`,
  String.raw`frå`,
  String.raw`lähettäjä`,
  String.raw`feladó`,
  String.raw`de la`,
  String.raw`από`,
  String.raw`от`,
  String.raw`від`,
  String.raw`מאת`,
  String.raw`مِن`,
  String.raw`từ`,
  String.raw`dari`,
  String.raw`จาก`,
  String.raw`šalje`,
  String.raw`шаље`,
  String.raw`kas`,
  String.raw`no`,
  String.raw`saatja`,
];

/** Prefixes skipped before the automatic-reply subjects below: a person's reply's and a forward's. */
export const REPLY_SUBJECT_PREFIXES: readonly string[] = [...PERSON_REPLY_SUBJECT_PREFIXES, ...FORWARD_SUBJECT_PREFIXES];

/**
 * Subject prefixes of automatic replies, followed by a colon (or ending the subject): Sieve
 * vacation's default "Auto:" (RFC 5230 section 4.6), "Automatic reply:" and the translations
 * Exchange and Outlook put in its place, other servers' "Auto Response:", "Autoreply:",
 * "Out of Office:", "Abwesenheitsnotiz:".
 */
export const AUTOREPLY_SUBJECT_PREFIXES: readonly string[] = [
  String.raw`auto`,
  String.raw`auto(?:matic|matische)?[ -]?(?:reply|response|answer|antwort|responder)`,
  String.raw`autoreply`,
  String.raw`automated (?:reply|response)`,
  String.raw`out of (?:the )?office(?: auto ?reply| reply| notice)?`,
  String.raw`abwesenheit(?:snotiz|smeldung|snachricht)?`,
  String.raw`abwesend`,
  String.raw`automatische antwort`,
  String.raw`r[ée]ponse automatique`,
  String.raw`respuesta autom[áa]tica`,
  String.raw`risposta automatica`,
  String.raw`automatisch antwoord`,
  String.raw`resposta autom[áa]tica`,
  String.raw`automatisk(?:t)? svar`,
  String.raw`automaattinen vastaus`,
  String.raw`automatick[áa] odpov[ěe]ď`,
  String.raw`automatyczna odpowied[źz]`,
  String.raw`odpowied[źz] automatyczna`,
  String.raw`automatikus v[áa]lasz`,
  String.raw`otomatik (?:yan[ıi]t|cevap)`,
  String.raw`автоматический ответ`,
  String.raw`автоматична відповідь`,
  String.raw`αυτόματη απάντηση`,
  String.raw`自動応答`,
  String.raw`自動返信`,
  String.raw`自動回覆`,
  String.raw`自动回复`,
  String.raw`自动答复`,
  String.raw`자동 ?회신`,
  String.raw`자동 ?응답`,
];

/**
 * Subject openings of automatic replies that need no colon: "Out of office until Monday",
 * "On vacation", "Away from my desk", "Absence du bureau", "不在". A bare "vacation" or
 * "absence" is not one: people write "Re: vacation plans".
 */
export const AUTOREPLY_SUBJECT_PHRASES: readonly string[] = [
  String.raw`out of (?:the )?office\b`,
  String.raw`on vacation\b`,
  String.raw`on (?:annual |parental |sick )?leave\b`,
  String.raw`away from (?:the |my )?(?:office|desk|mail|e-?mail|keyboard)`,
  String.raw`vacation (?:reply|notice|message|response|auto)`,
  String.raw`absen(?:ce|t|te) (?:du|de) bureau`,
  String.raw`not in the office`,
  String.raw`不在`,
];

/**
 * Words of a subject that, with one of AUTOREPLY_HINT_FIELDS, make an automatic reply
 * ("Precedence: bulk" and "Away: ..." is BSD vacation(1)'s way): away, vacation, absence,
 * holiday and their German, French, Spanish, Italian and Dutch words.
 */
export const AUTOREPLY_HINTED_SUBJECT_WORDS: readonly string[] = [
  String.raw`\baway\b`,
  String.raw`\bvacation`,
  String.raw`\babsen(?:ce|t)`,
  String.raw`\bholiday`,
  String.raw`\babwesen`,
  String.raw`\burlaub`,
  String.raw`\bcong[ée]s?\b`,
  String.raw`\bausente\b`,
  String.raw`\bassente\b`,
  String.raw`\bafwezig`,
];

/**
 * Subjects of success reports: Exchange's "Delivered:" and "Relayed:" (and their German,
 * French, Spanish, Italian, Dutch and Portuguese forms), Gmail's "Delivery Status
 * Notification (Success)", Postfix's "Successful Mail Delivery Report", Sendmail's
 * "Return receipt", other servers' "Delivery receipt" and "Delivery confirmation".
 */
export const SUCCESS_SUBJECT_PHRASES: readonly string[] = [
  String.raw`^\s*(?:delivered|relayed|expanded|zugestellt|übermittelt|remis|entregado|entregue|recapitato|bezorgd|afgeleverd)\s*:`,
  // Exchange and Microsoft 365 in Japanese: "配信済み:" (delivered) and "中継済み:" (relayed),
  // as a Japanese administrator's page quotes them (it-bibouroku.hateblo.jp, "配信確認メッセージ
  // の要求"). Their "配信" would otherwise read as a failure subject.
  String.raw`^\s*(?:配信済み|中継済み)\s*[:：]`,
  String.raw`\(success\)`,
  String.raw`successful(?:ly)? (?:mail )?deliver`,
  String.raw`return receipt`,
  String.raw`delivery (?:receipt|confirmation)`,
];

/**
 * Statements of a success report: Exchange's "Your message has been delivered to the
 * following recipients" and "Delivery to these recipients or groups is complete", Postfix's
 * "was successfully delivered to the destination(s)".
 */
export const SUCCESS_STATEMENT_PHRASES: readonly string[] = [
  String.raw`(?:has|have) been (?:successfully )?delivered`,
  String.raw`was (?:successfully )?delivered`,
  String.raw`successfully (?:delivered|relayed)`,
  String.raw`delivery to (?:these|the following) recipients(?: or (?:groups|distribution lists))? (?:is|was) complete`,
  String.raw`wurde (?:erfolgreich )?zugestellt`,
  String.raw`a été remis`,
  // The same page: "メッセージは次の受信者に配信されました" (the message was delivered to the
  // following recipients), "次の受信者またはグループへの配信は完了しました" (delivery to these
  // recipients or groups is complete).
  String.raw`受信者に配信されました`,
  String.raw`への配信は完了しました`,
];

/**
 * A delivery report the sender asked for, not a failure notice: Postfix's "verify" template
 * (src/bounce/bounce_templates.c), sent for address verification (`sendmail -bv`) and verbose
 * delivery (`sendmail -v`) under the subject "Mail Delivery Status Report": "Enclosed is the
 * mail delivery report that you requested." Its delivery-status part says, per recipient,
 * deliverable or undeliverable (src/global/sent.c, bounce.c, defer.c) or delivered; read from
 * its text alone, each recipient's own line tells (REQUESTED_REPORT_SUCCESS_PHRASES).
 */
export const REQUESTED_REPORT_PHRASES: readonly string[] = [String.raw`\benclosed is the mail delivery report that you requested\b`];

/**
 * A recipient's line in such a report that says delivery works, as Postfix's bounce daemon
 * writes it (src/bounce/bounce_notify_util.c, "<%s>: %s" or "<%s> (expanded from <%s>): %s"):
 * trace_append's "delivery via <relay>: " (src/global/trace.c) before the server's success
 * reply ("delivery via mx.example.net[192.0.2.1]:25: 250 2.1.5 Ok") or local(8)'s and
 * virtual(8)'s own words (src/local/mailbox.c, maildir.c, file.c, command.c: "delivers to
 * mailbox" for -bv, "delivered to mailbox" for -v). A line with a failure's code or words is
 * read as a failure whatever these say.
 */
export const REQUESTED_REPORT_SUCCESS_PHRASES: readonly string[] = [
  String.raw`^<[^<>\s]{1,320}>(?: \(expanded from <[^<>\s]{1,320}>\))?: (?:delivery via \S{1,300}: )?(?:2\d\d(?:[ -]|$)|deliver(?:s|ed) to (?:mailbox|maildir|file|command)\b)`,
];

/**
 * What a success report says of failures that may still come, which is no failure: Postfix's
 * "Otherwise you may still receive notifications of mail delivery errors from other systems"
 * (src/bounce/bounce_template.c, its success template). Removed before NOT_SUCCESS_PHRASES
 * are looked for.
 */
export const SUCCESS_HEDGE_PHRASES: readonly string[] = [
  String.raw`\bmay still receive\s+notifications? of (?:mail )?delivery errors from other systems`,
];

/**
 * Words that a success report never holds: a notice with one of them is read as a failure or
 * a delay, whatever its subject says. Besides the failure verbs, the words a failure's cause
 * is told in ("the mailbox is full, quota exceeded", "no such user", "access denied", "the
 * message was returned"), so that "delivered to the server of example.net, but ..." is not
 * taken for a delivery.
 */
export const NOT_SUCCESS_PHRASES: readonly string[] = [
  String.raw`could ?n[o']t`,
  String.raw`can ?n[o']t`,
  String.raw`was ?n[o']t`,
  String.raw`not (?:be(?:en)? )?delivered`,
  String.raw`undeliver`,
  String.raw`\bfail`,
  String.raw`reject`,
  String.raw`\berror`,
  String.raw`unable`,
  String.raw`delay`,
  String.raw`retry`,
  String.raw`permanent`,
  String.raw`nicht`,
  String.raw`impossible`,
  String.raw`échec`,
  String.raw`\bfull\b`,
  String.raw`quota`,
  String.raw`exceed`,
  String.raw`\breturned\b`,
  String.raw`\bbounce`,
  String.raw`unknown`,
  String.raw`no such`,
  String.raw`does ?n[o']t exist`,
  String.raw`denied`,
  String.raw`refused`,
  String.raw`blocked`,
  String.raw`invalid`,
  String.raw`expired`,
  String.raw`unavailable`,
  String.raw`\blimit`,
  String.raw`no mailbox`,
  String.raw`not found`,
  String.raw`disabled`,
  String.raw`suspended`,
  String.raw`rejet`,
  String.raw`unzustellbar`,
  // Japanese: failure (失敗), could not (できませんでした), undeliverable (配信不能).
  String.raw`失敗`,
  String.raw`できませんでした`,
  String.raw`配信不能`,
  String.raw`\b[45]\.\d{1,3}\.\d{1,3}\b`,
  String.raw`\b[45]\d\d[ -]`,
];

/**
 * Of COMPLAINT_STATEMENT_PHRASES, the one that says the report is about a failed
 * authentication (RFC 6591; a DMARC failure report, RFC 7489 section 7.3), not a recipient's
 * complaint: the text part OpenDMARC's filter (User-Agent OpenDMARC-Filter) and Stalwart Labs'
 * mail-auth crate write before an auth-failure ARF report, "This is an authentication failure
 * report for an email message received from IP ...". Sent to the sending domain's owner, it
 * says nothing about the recipient not wanting the mail.
 */
export const AUTH_FAILURE_REPORT_PHRASES: readonly string[] = [String.raw`\bauthentication[ -]failure report for an? (?:e-?mail )?message`];

/**
 * What a feedback loop writes when it sends a complaint without an ARF part (older AOL-style
 * reports, forwards of a spam report): "This is an email abuse report for an email message
 * received from IP ...", "a member reported this message as spam", Microsoft JMRP's
 * subject "complaint about message from 192.0.2.1", OpenDMARC's "This is an authentication
 * failure report for an email message". Read in the subject and the notice's opening lines
 * (isProseComplaint), never further down: a person's text or an Out of Office may mention
 * "a spam complaint" in passing. A bounce never
 * reads as one of these: a notice that looks like a bounce is not searched for them. "Marked
 * as spam" is not one: a filter marks mail, and people write it when asking why.
 */
export const COMPLAINT_STATEMENT_PHRASES: readonly string[] = [
  String.raw`\b(?:e-?mail )?abuse report for an? (?:e-?mail )?message`,
  String.raw`\breported (?:it|this (?:e-?mail|message)) as (?:spam|junk|unwanted)`,
  ...AUTH_FAILURE_REPORT_PHRASES,
  String.raw`\bautogenerated e-?mail abuse complaint`,
  String.raw`^complaint about message from\b`,
  String.raw`\bspam complaint\b`,
  String.raw`\bfeedback loop (?:report|complaint)`,
];

/**
 * Whole subjects that say a message is a complaint, read on the subject alone (a person's
 * text or a newsletter may open with the same words): AOL's feedback loop before it turned to
 * ARF on 2 September 2008, "a MIME multipart message with one empty text part and one
 * message/rfc822 part with the original message", the recipient "redacted out"
 * (postmaster.info.aol.com/fbl/arfinfo.html), under the subject "Client TOS Notification"
 * (emailkarma.net, "AOL ARF switch over": "OLD: Client TOS Notification").
 */
export const COMPLAINT_WHOLE_SUBJECTS: readonly string[] = [String.raw`client tos notification`];
