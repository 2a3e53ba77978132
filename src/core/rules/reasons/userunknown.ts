// How servers word the reason `userunknown` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const USERUNKNOWN_RULES: readonly ReasonRule[] = [
  // Wordings only the recipient's own mail store writes after looking the mailbox up (a
  // directory, a local delivery agent, a provider's account database): they mean the
  // mailbox does not exist whatever SMTP phase the report names (../../reason.ts, rule 6).
  {
    id: 'userunknown/mailbox-lookup',
    reason: 'userunknown',
    phrases: [
      String.raw`recipient name is not recognized`,
      String.raw`invalid (?:final )?(?:delivery )?userid`,
      // Postfix local(8)'s and virtual(8)'s own words (src/local/unknown.c, dsb_simple 5.1.1:
      // "unknown user: \"%s\""), alone in a report's diagnostic or after the address in the
      // notice's text ("<user@example.org>: unknown user: \"user\""), also after an alias
      // ("<user@example.org> (expanded from <alias@example.com>): unknown user: \"user\"").
      String.raw`^(?:<@>(?: \(expanded from <@>\))?: )?unknown user: `,
      // Exim's default configuration (src/src/configure.default, exim 4.98): the localuser
      // router's "cannot_route_message = Unknown user", written alone under the address when no
      // router found a local account for it (route.c: the last router's cannot_route_message);
      // the notice's block for the address is the address and that line, nothing else.
      String.raw`^(?:<@> )?unknown user$`,
      // Courier's local module when no account answers for an address at one of its locals
      // (courier/module.local/local.c, rw_local: "User <%s> unknown", 550), the address as
      // given between the brackets; recorded from Courier 1.0.16 as "550 User <user> unknown".
      String.raw`\buser <[^<>\s]{1,64}> unknown\b`,
      // Courier's courierd when no delivery module takes the address (courier/cdmsgq2.C,
      // msgq::getdelinfo: "550 User unknown."), read as a lookup only in Courier's own notice:
      // the same three words are any server's generic reply, after DATA a filter's (rule 6).
      String.raw`running the courier mail server\b.{0,3000}\b550 user unknown\.`,
      String.raw`not listed in (?:the )?(?:domino )?directory`,
      String.raw`not listed in (?:the )?public name`,
      String.raw`doesn'?t have an? \S+ account`,
      String.raw`address (?:couldn'?t|could not|cannot) be found`,
      String.raw`\baddress not found\b`,
      // Exchange 2007-2013's NDR text: "The e-mail address you entered couldn't be found."
      String.raw`e-?mail address you entered (?:couldn'?t|could not) be found`,
      String.raw`email address (?:couldn'?t|could not) be found`,
      String.raw`requested action not taken: (?:mailbox unavailable|no such user)`,
      String.raw`mail\.local: unknown user`,
      String.raw`recipientnotfound`,
      // qmail's way to retire an address: a .qmail file of "|bouncesaying 'This address no
      // longer accepts mail.'" (bouncesaying(1)); Japanese providers' help pages quote it as an
      // address mistyped or an account made invalid (jful.jp/supast/supast1010.html). Its
      // owner's own delivery writes it, whatever phase a report names.
      String.raw`\bthis address no longer accepts mail\b(?!\s+(?:from|for)\b)`,
      // Verizon Wireless's MMS gateway when no recipient of the message is one of its
      // subscribers ("No valid recipients for this MM", MM: multimedia message).
      String.raw`no valid recipients for this mm\b`,
      String.raw`recipient not found by smtp address lookup`,
      // Exchange Online's 5.4.1 for an address its directory does not hold (learn.microsoft.com,
      // "Fix NDR error 550 5.4.1 in Exchange Online"). Postfix's access maps write the same
      // words with their own code for any REJECT (postconf(5), access(5)): weak, below.
      String.raw`[45]\.4\.1 recipient address rejected: access denied`,
      String.raw`local mailbox (?:<@> )?is unavailable: (?:user not found|no such user)`,
      String.raw`requested mail action aborted, mailbox not found`,
      // Domino's router in its Japanese builds: "not listed in Domino Directory" said as "not
      // found (見つかりません) in the Domino Directory", the product's name for its directory in
      // HCL's Japanese documentation (help.hcl-software.com/domino/.../ja: "Domino ディレクトリ").
      String.raw`domino ?ディレクトリ(?:に|で)は?見つかりません`,
      // Seznam.cz's own lookup: "5.1.1 szn; User hasn't got the service mapped" (its help
      // page "Uživatel neexistuje", napoveda.seznam.cz/uzivatel-neexistuje).
      String.raw`user hasn'?t got the service mapped`,
    ],
    traits: ['mailbox-lookup'],
    quote: 'The recipient name is not recognized MSEXCH:IMS:EXAMPLE 0 (000C05A6) Unknown Recipient',
  },
  // Alias and forwarding services that answer after DATA from their own lookup of the alias,
  // so the phase says nothing (rule 6) and the words alone mean the address:
  // - SimpleLogin's email handler (github.com/simple-login/app, app/email/status.py and
  //   email_handler.py, handle_forward): "550 SL E515 Email not exist" for an alias that does
  //   not exist and cannot be made on the fly, "550 SL E502 Email not exist" for a deleted
  //   account and for a disabled alias or a blocked contact when its owner chose "Reject" over
  //   the default "Ignore" (templates/dashboard/setting.html: "Reject means SimpleLogin will tell
  //   them that the alias does not exist"). The words say the address does not exist and the
  //   owner chose that answer so the sender would stop: `userunknown`, hard (rule 2: the words
  //   come first; an owner who wants it back has "Ignore", which answers 250). Read only in
  //   SimpleLogin's own "SL E5xx" format: the same words from another server are left to the
  //   general rules.
  // - Forward Email's MX (github.com/forwardemail/forwardemail.net,
  //   helpers/get-forwarding-addresses.js): "550 <address> does not exist" when the domain's
  //   configuration holds no alias for it; the address alone, then the verdict.
  {
    id: 'userunknown/alias-service-lookup',
    reason: 'userunknown',
    phrases: [
      // SimpleLogin's "SL E5xx" replies.
      String.raw`\bsl e5\d\d email not exist\b`,
      // Forward Email's address, then the verdict, at the start of the reply.
      String.raw`^(?:5\d\d[ -])?(?:5\.\d{1,3}\.\d{1,3} )?<@> does not exist\b`,
    ],
    hints: ['not exist'],
    traits: ['mailbox-lookup'],
    quote: '550 SL E515 Email not exist',
  },
  // Dovecot LMTP's reply when its user lookup finds no such user (dovecot/core
  // src/lmtp/lmtp-local.c: "550 5.1.1 <%s> User doesn't exist: %s"), the address on both
  // sides. Tried before the local mailer's words: a delivery program that speaks LMTP passes
  // the reply on in its own exit text (chasquid 1.18's cmd/mda-lmtp: "Sent \"RCPT TO:<a@b>\",
  // got 550 \"5.1.1 <a@b> User doesn't exist: a@b\"", always exit status 75, which
  // internal/courier/mda.go wraps as "MDA delivery failed: exit status 75 - %q"); the
  // mailbox's absence is the cause, the program only carried the news.
  {
    id: 'userunknown/dovecot-lmtp-lookup',
    reason: 'userunknown',
    phrases: [String.raw`<@> user doesn'?t exist: <@>`],
    traits: ['mailbox-lookup'],
    quote: "550 5.1.1 <user@example.net> User doesn't exist: user@example.net",
  },
  // qmail-smtpd's recipient-list patches (validrcptto.cdb: "553 sorry, this recipient is not
  // in my validrcptto list (#5.7.1)"; badrcptto: "553 sorry, your envelope recipient is in my
  // badrcptto list (#5.7.1)") and vpopmail's vdelivermail ("invalid or unknown virtual
  // user"): the server looked the address up in its own list of mailboxes.
  {
    id: 'userunknown/qmail-recipient-lists',
    reason: 'userunknown',
    phrases: [
      String.raw`recipient is not in my validrcptto list`,
      String.raw`(?:envelope )?recipient is in my badrc?p?t?to list`,
      String.raw`recipient is in my badrecipientto list`,
      String.raw`\bsorry, badrcptto\b`,
      String.raw`invalid or unknown virtual user`,
      // qmail-smtpd patched to check the user as well as control/rcpthosts ("553 sorry, that
      // domain or user isn't in my list of allowed rcpthosts (#5.7.1)"), sent to the
      // domain's own server: the user is what it did not find.
      String.raw`domain or user (?:isn't|is not) in my list of allowed rcpthosts`,
    ],
    traits: ['mailbox-lookup'],
    quote: '553 sorry, this recipient is not in my validrcptto list (#5.7.1)',
  },
  // Postfix's reject_unverified_recipient when its own verify(8) service did not answer
  // (postfix/src/smtpd/smtpd_check.c, reject_unverified_address, Postfix 3.12: on a
  // verify_clnt_query failure it logs "verify service failure" and defers with 450, the fixed
  // status "4.1.1" and "<%s>: %s rejected: address verification problem"): the receiving
  // system's service failed before any probe ran; nothing is known of the address, the 4.1.1 is
  // the check's code, not a finding. The sender's variant ("Sender address rejected: ...") stays
  // with the sender rules.
  {
    id: 'systemerror/postfix-verification-problem',
    reason: 'systemerror',
    phrases: [String.raw`\brecipient address rejected: address verification problem\b`],
    quote: '450 4.1.1 <user@example.net>: Recipient address rejected: address verification problem',
  },
  // Postfix's reject_unverified_recipient while its probe has no answer yet
  // (src/smtpd/smtpd_check.c: "unverified address: Address verification in progress"): the
  // 4.1.1 is Postfix's code for the check, not a finding; nothing is known of the address.
  {
    id: 'onhold/postfix-verification-pending',
    reason: 'onhold',
    phrases: [String.raw`unverified address: address verification in progress`],
    quote: '450 4.1.1 <user@example.net>: Recipient address rejected: unverified address: Address verification in progress',
  },
  // The same check's refusal with no probe result after the words (a notice that cut the reply
  // there, or an MTA that appended only its own ": retry timeout exceeded"). With a 4xx reply
  // code Postfix writes "<%s>: %s rejected: unverified address: %.250s" and the fixed status
  // "4.1.1" whatever its probe found (src/smtpd/smtpd_check.c, check_verify_addr: pending,
  // deferred, or bounced under the default unverified_recipient_reject_code = 450): the 4.1.1
  // names no cause, and without the probe's reason nothing is known of the address. A reason
  // written after the words ("host ... said: 550 5.1.1 ... User unknown") is read by the rules
  // that know it.
  {
    id: 'onhold/postfix-unverified-address',
    reason: 'onhold',
    phrases: [String.raw`\bunverified address(?!: (?!retry timeout exceeded))`],
    quote: '450 4.1.1 <user@example.net>: Recipient address rejected: unverified address',
  },
  // "Mailbox unavailable or access denied": RFC 5321's text for 550 ("mailbox unavailable")
  // joined to "access denied". It does not say which of the two, so it is weak: the address
  // refused at RCPT TO, a filter at DATA, soft with a temporary code (README rules 2 and 6).
  // Tencent's own reply with these words has a format of its own (providers/tencent.ts).
  {
    id: 'userunknown/unavailable-or-denied',
    reason: 'userunknown',
    phrases: [String.raw`mailbox unavailable or access denied`],
    traits: ['weak'],
    quote: '550 Mailbox unavailable or access denied (in reply to RCPT TO command)',
  },
  // "Mailbox unavailable": RFC 5321's own words for 550 ("mailbox not found, no access, or
  // command rejected for policy reasons") and for 450 ("mailbox busy or temporarily blocked
  // for policy reasons"). They say only "not available": weak, so the address is refused at
  // RCPT TO with a permanent code, a filter's at DATA, and a 4xx never makes it hard.
  {
    id: 'userunknown/unavailable',
    reason: 'userunknown',
    phrases: [
      String.raw`(?<!\b(?:ip|sender|from|return|reply-to|helo) )(?:user|recipient|rcpt|mailbox|address|account|addressee|e-?mail address) (?:[(\[]?<@>[)\]]? )?(?:was |is )?unavailable`,
    ],
    traits: ['weak'],
    quote: '450 4.2.0 <user@example.net>: Mailbox unavailable (in reply to RCPT TO command)',
  },
  {
    // Oracle Communications (Sun Java System, iPlanet) Messaging Server's answer when the address
    // lookup (alias database, directory) finds no such address: "550 5.1.1 unknown or illegal
    // alias: user@host" (quoted by the sites running it, uit.tufts.edu "Bounced Message
    // Documentation" and kb.wisc.edu/microsoft365/3998: "the email address does not exist on
    // the server"), and its older "553 unknown or illegal user: nonesuch@siroe.com" (Sun Java
    // System Messaging Server 6 2005Q4 Administration Guide, example 21-5, "Sending to a
    // Nonexistent Remote User", docs.oracle.com/cd/E19636-01/819-2650/gansy; Microsoft's KB
    // Q193924 quotes it as "553 5.1.1 unknown or illegal user: ..."). Only that lookup writes it,
    // at RCPT TO, so a notice that names no command still means the address.
    id: 'userunknown/unknown-or-illegal-address',
    reason: 'userunknown',
    phrases: [String.raw`unknown or illegal (?:alias|user)\b`],
    traits: ['mailbox-lookup'],
    quote: 'smtp; 553 unknown or illegal user: nonesuch@siroe.com',
  },
  {
    id: 'userunknown/no-such-user',
    reason: 'userunknown',
    phrases: [
      String.raw`user (?:is )?unknown`,
      String.raw`unknown (?:user|recipient|local[ -]?part|mailbox|address|e-?mail address)`,
      String.raw`no such (?:user|mailbox|recipient|address|account|person|local user)`,
      String.raw`(?<!\b(?:ip|sender|from|return|reply-to|helo) )(?:user|recipient|rcpt|mailbox|address|account|addressee|e-?mail address) (?:[(\[]?<@>[)\]]? )?(?:was |is )?(?:not found|not exist|does ?n[o']t exist|doesn't exist|dosn'?t exist|unknown|not known|invalid|not valid|is not valid|no longer exists?|not listed)`,
      // Not Dovecot's "Invalid user settings" (a server-side failure: systemerror/server-error).
      String.raw`(?:invalid|bad|unknown|non[- ]?existent|nonexisting) (?:recipient|mailbox|user(?! settings)|address|destination (?:mailbox|address|user)|account|e-?mail)`,
      String.raw`recipient (?:address )?rejected: (?:user unknown|undeliverable|invalid|unknown|no such)`,
      String.raw`not a (?:valid|known) (?:user|mailbox|recipient)`,
      String.raw`is not a valid (?:user|mailbox|recipient|e-?mail)`,
      String.raw`no mailbox (?:here )?by that name`,
      String.raw`mailbox (?:not found|does not exist|name not allowed)`,
      String.raw`that (?:user|account|mailbox|address) (?:does not|doesn't) exist`,
      String.raw`account that you tried to reach does not exist`,
      String.raw`recipient not found`,
      String.raw`address (?:couldn'?t|could not|cannot) be found`,
      String.raw`invalid (?:final )?(?:delivery )?userid`,
      String.raw`not listed in (?:the )?(?:domino )?directory`,
      String.raw`not listed in (?:the )?public name`,
      String.raw`undeliverable address`,
      String.raw`user not found`,
      String.raw`email address could not be found`,
      String.raw`not our customer`,
      String.raw`not have an account`,
      String.raw`address (?:is )?(?:not|no longer) (?:in use|valid)`,
      String.raw`is not a known user`,
      String.raw`user doesn't have a`,
      // InfoSphere's (NTT PC Communications) answer at RCPT TO for an account name that is
      // wrong or already cancelled, "550 can't accept user... (#5.7.1)" (its notice
      // sphere.ne.jp/support/news/2006/07/000027.html): the server has no such user to accept.
      // With its three dots only: "can't accept user connections now" is a busy server.
      String.raw`can'?t accept user\.\.\.`,
      String.raw`(?<!\b(?:dns|host|mx|a|aaaa) )address lookup fail(?:ed|ure)`,
      // The name between the noun and the verdict ("550 User foo does not exist", "Mailbox
      // 'foo' does not exist", "Recipient foo was not found in LDAP"): not a domain's, host's
      // or server's name, which says nothing of the mailbox.
      String.raw`(?<!\b(?:ip|sender|from|return|reply-to|helo) )(?:user|mailbox|recipient|account) (?!(?:domain|host|server|address|name|mx|dns|records?|database|directory|quota|configuration|settings|status)\b)(?:"[^"\s]{1,64}"|'[^'\s]{1,64}'|\([^)\s]{1,64}\)|[^\s<>]{1,64}) (?:does ?n[o']t exist|was not found|not found|is unknown|unknown)\b`,
      // Wordings of mailbox lookups as servers' replies carry them (as Sisimai's userunknown
      // index lists them; read to learn): a store that has no mailbox of that name.
      String.raw`no mailbox found`,
      // The address alone, then "not found" ("550 <user@example.net> not found"): the
      // address is what was looked up.
      String.raw`^(?:[45]\d\d[ -])?(?:[45]\.\d{1,3}\.\d{1,3} )?<@>:? (?:was )?not found\b`,
      String.raw`no mail ?box available for this user`,
      String.raw`mailbox not present`,
      String.raw`the user's email name is not found`,
      String.raw`there is no one at this address`,
      String.raw`is not an active address at this host`,
      String.raw`address not present in (?:the )?directory`,
      String.raw`destination addresses were unknown`,
      String.raw`this email address is wrong or no longer valid`,
      // The same in French, Spanish and Italian servers' replies.
      String.raw`utilisateur inconnu`,
      String.raw`no existe (?:dicha persona|ese usuario)`,
      String.raw`nessun utente simile`,
      String.raw`no such person at this address`,
      String.raw`destination (?:address|mailbox) (?:is )?(?:invalid|unknown)`,
      String.raw`bad destination mailbox`,
      // Spambrella's published delivery errors (spambrella.com/faq/email-delivery-error-codes):
      // "Recipient address rejected: User email address is marked as invalid".
      String.raw`email address is marked as invalid`,
      // spamdyke (spamdyke/spamdyke.h, ERROR_RCPT_TO_LOCAL) on a recipient without a domain:
      // the address as given can never be delivered to.
      String.raw`improper recipient address\. try supplying a domain name`,
      // The recipient's address is malformed (X.1.3): Postfix smtpd's "501 5.1.3 Bad recipient
      // address syntax" (src/smtpd/smtpd.c), OpenSMTPD's "501 Recipient address syntax error"
      // (usr.sbin/smtpd/smtp_session.c). Not an SMTP command syntax error: that address can
      // never be delivered to.
      String.raw`bad recipient address syntax`,
      String.raw`recipient address syntax error`,
      // Zimbra's LMTP store on a recipient address it cannot parse ("500 5.5.2 Syntax error in
      // recipient address", store/src/java/com/zimbra/cs/lmtpserver/LmtpReply.java).
      String.raw`syntax error in recipient address`,
      // Sendmail's parser on a recipient address (sendmail/parseaddr.c: "501 5.1.3 Syntax error
      // in mailbox address"); with 5.1.7 the same words are about the sender (rejected.ts).
      String.raw`\b5\.1\.3 syntax error in mailbox address`,
      // Exim's default configure (src/src/configure.default, acl_check_rcpt) on a local part
      // holding "@", "%", "!", "/", "|" or a leading dot: "550 Restricted characters in address".
      String.raw`\brestricted characters in address\b`,
    ],
    quote: '550 5.1.1 <kijitora@example.jp>... User Unknown',
  },
  // "User unknown" as servers write it in other languages, read like the English words
  // (userunknown/no-such-user: the address at RCPT TO, a filter at DATA). Each from the
  // provider's own page or a page quoting its server:
  {
    id: 'userunknown/localised',
    reason: 'userunknown',
    phrases: [
      // WEB.DE: "550 Benutzer nicht bekannt/User unknown" (sitepackage.de, "Typische
      // Fehlermeldungen bei Unzustellbarkeit", its list of German providers' replies).
      String.raw`benutzer (?:ist )?(?:nicht bekannt|unbekannt)`,
      // QQ Mail's help page on bounces (qqmailbox.com/transceivers/169.html): "该用户不存在"
      // (this user does not exist) and "该用户未开通QQ邮箱" (this user has no QQ Mail box).
      String.raw`该用户不存在`,
      String.raw`该用户未开通qq邮箱`,
      // DTI's (dream.jp) Japanese half of its bilingual notice, "原因: <address> のユーザーは
      // 登録されていません" (the user of <address> is not registered), beside "...User unknown".
      String.raw`ユーザー?は登録されていません`,
    ],
    quote: '550 Benutzer nicht bekannt/User unknown',
  },
  // A bare refusal of the recipient's address, the whole reply: "550 Recipient address
  // rejected.", "550 5.0.1 Recipient rejected" (Postfix appends "(in reply to RCPT TO
  // command)"). It says only "refused" (weak): with a security-class code (X.7) it is that
  // refusal, and at DATA a filter's (README rules 2 and 6); at RCPT TO, the address.
  {
    id: 'userunknown/recipient-refused',
    reason: 'userunknown',
    phrases: [
      String.raw`recipient (?:address )?rejected(?:\.|$| \[| \(in reply to)`,
      // Postfix's generic text for an access map's REJECT with no text of its own (access(5)).
      String.raw`recipient address rejected: access denied`,
      // GoDaddy's (secureserver.net) refusal of an address it does not host.
      String.raw`#5\.1\.0 address rejected`,
    ],
    traits: ['weak'],
    quote: '550 5.0.1 Recipient rejected (in reply to RCPT TO command)',
  },
  // Exim's recipient verification as DirectAdmin's and other hosts' configurations word it:
  // "550-\"The recipient cannot be verified.  Please check all recipients of this 550 message
  // to verify they are valid.\"" (quoted in logwatch's Postfix service script,
  // scripts/services/postfix). A check of the address against the mailbox store; weak, so a
  // temporary failure of the check (4xx) is left to the codes.
  {
    id: 'userunknown/recipient-cannot-be-verified',
    reason: 'userunknown',
    phrases: [String.raw`\bthe recipient cannot be verified\b`],
    hints: ['cannot be verified'],
    traits: ['weak'],
    quote: '550-"The recipient cannot be verified.  Please check all recipients of this 550 message to verify they are valid."',
  },
  // The recipient's address looked up and not found, as notices written in other languages
  // say it: Google's help pages quote Gmail's notice in each language ("Das E-Mail-Konto, das
  // Sie kontaktieren möchten, ist nicht vorhanden", "送信先のメール アカウントは存在しません",
  // support.google.com/mail/answer/6596?hl=de and hl=ja); Microsoft's Japanese support page on
  // returned mail lists "不明なアドレスです" and "ユーザーが見つかりません" (support.microsoft.com/
  // ja-jp, "配信不能メールが戻ってくる"); the same statement in the other languages ("L'adresse
  // e-mail est introuvable", "el usuario no existe", "l'utente non esiste", "o usuário não
  // existe", "de gebruiker bestaat niet", "użytkownik nie istnieje", "пользователь не
  // существует", "收件人不存在"; "收件人不存在" is also in a Chinese host's list of its bounce
  // texts, emailhost.com.cn): the same statement as each language says it, not checked
  // against a published notice. Only a lookup of the mailbox writes these (mailbox-lookup).
  {
    id: 'userunknown/localised-lookup',
    reason: 'userunknown',
    phrases: [
      // A whole word (not "Absenderadresse", "IP-Adresse"), and not the sender's ("Konto des Absenders").
      String.raw`(?<!ip-)\b(?:e-?mail-?)?(?:konto|adresse)\b(?![^.\n]{0,40}absender)[^.\n]{0,40}(?:ist nicht vorhanden|existiert nicht|wurde nicht gefunden)`,
      String.raw`(?:adresse(?: e-?mail)?|destinataire|utilisateur) (?:est )?introuvable`,
      String.raw`(?:destinataire|utilisateur) n['’]existe pas`,
      String.raw`no se ha encontrado la dirección`,
      String.raw`(?:usuario|destinatario) (?:no existe|desconocido|inexistente)`,
      String.raw`indirizzo(?: e-?mail)? non (?:è stato )?trovato`,
      String.raw`utente (?:non esiste|inesistente)`,
      String.raw`endereço(?: de e-?mail)? não (?:foi )?encontrado`,
      String.raw`(?:usuário|utilizador|destinatário) (?:não existe|desconhecido|inexistente)`,
      String.raw`e-?mailadres (?:is )?niet gevonden`,
      String.raw`(?:gebruiker|geadresseerde) bestaat niet`,
      String.raw`nie znaleziono adresu`,
      String.raw`(?:użytkownik|adresat) nie istnieje`,
      // Not the return address ("обратный адрес": the sender's).
      String.raw`(?<!обратный )адрес(?: электронной почты)? не найден`,
      String.raw`(?:пользователь|получатель) не (?:существует|найден)`,
      String.raw`メール ?アドレスが見つかりません`,
      String.raw`ユーザー?が見つかりません`,
      String.raw`ユーザー?は存在しません`,
      String.raw`アカウントは存在しません`,
      String.raw`不明なアドレスです`,
      String.raw`找不到该电子邮件地址`,
      String.raw`(?:收件人|用户)不存在`,
      // Czech ("Uživatel neexistuje", the title of Seznam's help page on its notice), Swedish,
      // Turkish, Korean.
      String.raw`uživatel neexistuje`,
      String.raw`(?:e-?mailová )?adresa (?:nebyla nalezena|neexistuje)`,
      String.raw`e-?postadressen (?:hittades inte|finns inte)`,
      String.raw`användaren finns inte`,
      String.raw`e-posta adresi bulunamadı`,
      String.raw`kullanıcı (?:mevcut değil|bulunamadı)`,
      String.raw`메일 주소를 찾을 수 없습니다`,
      String.raw`(?:받는 사람|사용자)(?:이|가) 존재하지 않습니다`,
    ],
    traits: ['mailbox-lookup'],
    quote: 'Die E-Mail-Adresse wurde nicht gefunden. Das E-Mail-Konto existiert nicht.',
  },
];
