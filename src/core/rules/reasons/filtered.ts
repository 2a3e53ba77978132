// How servers word the reason `filtered` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const FILTERED_RULES: readonly ReasonRule[] = [
  // The recipient blocked the sender ("User has been blocked by the recipient", "You have
  // been blocked by the recipient"): a choice of the recipient, tried before the block-list
  // rules, whose "blocked by" is about the sending host.
  {
    id: 'filtered/blocked-by-recipient',
    reason: 'filtered',
    phrases: [
      String.raw`(?:been )?blocked by the recipient\b`,
      // Interia's "550 5.7.1 Recipient doesn't want your mail": the recipient put the sender
      // on their block list (pomoc.poczta.interia.pl, "Dlaczego wiadomość nie została
      // dostarczona?").
      String.raw`recipient doesn'?t want your mail`,
      // Korean portals' "550 You are registered as spammer (by user's reject list)": the
      // recipient's own reject list, not a spam verdict on the message (puffinknight.tistory.com
      // /102, a list of Korean providers' replies: "수신거부", refused by the recipient).
      String.raw`by user'?s reject list`,
      // The same list's "554 5.0.0 Service unavailable (userid: mail is denied, by spam
      // filter)", filed there under the recipient's own spam settings ("받는사람의
      // 스팸설정(수신거부)에 의해 차단된 경우").
      String.raw`\(\S+: mail is denied, by spam filter\)`,
      // Aruba PEC (Italian certified mail): "554 <address>: Messaggio rifiutato dal sistema.
      // Indirizzo destinatario sconosciuto o non abilitato alla ricezione di posta non
      // certificata" (guide.pec.it, "Risoluzione agli errori comuni"): the box takes only
      // certified mail unless its owner allows more; the words do not say the address is
      // unknown, only "unknown or not enabled".
      String.raw`non abilitato alla ricezione di posta non certificata`,
    ],
    quote: '550 5.7.1 You have been blocked by the recipient',
  },
  // Dovecot's rejection of a message its Sieve filter refused (src/lib-lda/mail-send.c: a
  // multipart/report whose text is rejection_reason, by default "Your message to <%t> was
  // automatically rejected:%n%r", and whose disposition-notification part says "deleted"). The
  // reason after it is the recipient's own, in the recipient's language: Roundcube's filter
  // settings write a Sieve reject for "Discard with message" ("Abweisen mit Nachricht",
  // plugins/managesieve/localization). Dovecot writes the same line before "Quota exceeded
  // (mailbox for user is full)" in its delivery-status form; the mailbox-full rules, tried
  // first, keep that one.
  {
    id: 'filtered/dovecot-sieve-reject',
    reason: 'filtered',
    // Dovecot's rejection_reason always has the colon ("...automatically rejected:%n%r"):
    // another filter's "was automatically rejected by our spam filter" is not this.
    phrases: [
      String.raw`\byour message to <?\S+?>? was automatically rejected:`,
      // Cyrus IMAP's lmtpd, its MDN for a Sieve reject (imap/lmtp_sieve.c send_rejection: "Your
      // message was automatically rejected by Sieve, a mail\r\nfiltering language.", then
      // "The following reason was given:" and the script's reason), and Dovecot 1.0's deliver
      // (src/deliver/mail-send.c: "Your message was automatically rejected by Dovecot Mail
      // Delivery Agent."): the recipient's own filter refused the message.
      String.raw`\byour message was automatically rejected by (?:sieve, a mail\s{1,4}filtering language|dovecot mail delivery agent)\b`,
    ],
    hints: ['automatically rejected'],
    quote: 'Your message to <user@example.net> was automatically rejected:\nIch nehme keine E-Mails von diesem Absender an.',
  },
  // A delivery program that refused the message with EX_NOPERM (77) and said why, as Postfix's
  // local(8) and pipe(8) report it (src/global/pipe_command.c: the exit status's text from
  // sys_exits.c, "permission denied" with 5.7.0, then ". Command output: " and what the program
  // wrote; the output alone is the x-unix Diagnostic-Code). dovecot-lda -e exits so for every
  // mail it rejects, the Sieve reject's reason on stderr ("If mail gets rejected, write the
  // rejection reason to stderr and exit with status 77 (EX_NOPERM)", doc.dovecot.org,
  // dovecot-lda(1)): the recipient's own filter refused the message. A full mailbox's words in
  // the output are read first, from the diagnostic; the bare exit text, with no output, is the
  // program's failure (mailererror.ts, POSTFIX_COMMAND_EXIT_TEXTS).
  {
    id: 'filtered/delivery-program-refused',
    reason: 'filtered',
    phrases: [String.raw`\bpermission denied\. command output: `],
    hints: ['command output'],
    quote: '<user@example.org>: permission denied. Command output: I am not taking mail from you',
  },
  // au (KDDI) answers DATA with "550 : User unknown": the address slot is empty because the
  // reply is to the message, not to RCPT TO; the recipient's own filter settings refused it.
  {
    id: 'filtered/data-user-unknown',
    reason: 'filtered',
    phrases: [String.raw`\b550:? : user unknown`],
    quote: 'Diagnostic-Code: smtp;550 : User unknown',
  },
  {
    id: 'filtered/recipient-refuses',
    reason: 'filtered',
    phrases: [
      String.raw`(?:refused|rejected|declined|blocked|denied) by (?:the )?(?:recipient|user|addressee|mailbox owner)(?! domain)`,
      String.raw`(?:refused|rejected) due to recipient preferences`,
      // "... because the recipient is only accepting mail from specific email addresses".
      String.raw`recipient is only accepting mail from specific`,
      // The recipient as the one who refused ("the recipient has rejected your message"), not
      // the recipient's address refused: a bare "Recipient rejected" ends there (userunknown.ts).
      String.raw`recipient has (?:refused|rejected|blocked|declined)`,
      String.raw`recipient (?:refused|rejected|blocked|declined)(?! ?(?:[.:,;(\[]|$))`,
      // Not Dovecot's "Invalid user settings" (the server's own failure, systemerror).
      String.raw`(?<!invalid )(?:user|recipient)'?s? (?:filter|rules?|settings)`,
      String.raw`filtered`,
      String.raw`content filter`,
      // Courier's submit.C for a recipient who takes mail from the senders on their own list
      // only ("412 You are not whitelisted by this recipient, please try again later.").
      String.raw`not whitelisted by this recipient`,
      // simscan, the qmail content scanner, with its custom replies (simscan.c: "Your email was
      // rejected because it matches a filter (%s)"): a site's own content filter.
      String.raw`rejected because it matches a filter`,
      // spamdyke's recipient blacklist (spamdyke/spamdyke.h, ERROR_RECIPIENT_BLACKLISTED): this
      // address takes no mail by the site's own rule; nothing says it does not exist.
      String.raw`mail is not being accepted at this address`,
      String.raw`does not (?:want|wish) to receive`,
      String.raw`not (?:authorized|permitted|allowed) to (?:send|post|deliver) to`,
      String.raw`only accepts? mail from`,
      // AOL's own example of a refusal that is no spam policy, "550 user not accepting mail from
      // this sender" (its SMTP error list, postmaster.aol.com/Postmaster.Errors.php), which its
      // help explains as "Is Not Accepting Mail From This Sender: The recipient may have blocked
      // email from your email address" (help.aol.com, "Why was my email returned with an error
      // message from AOL?"): the recipient's own block of this sender.
      String.raw`\b(?:user|recipient|addressee) (?:is )?not accepting (?:e-?)?mail from this sender\b`,
      String.raw`no longer accepting (?:messages|mail|e-?mails?) from you`,
      String.raw`(?:recipient|user|mailbox) (?:is )?not authori[sz]ed to (?:accept|receive) (?:e-?)?mail from`,
      // A mailbox its organisation keeps for internal mail (Tencent Exmail's and NetEase's
      // "The user has no permission to receive mail from outside").
      String.raw`(?:has no permission|(?:is )?not (?:allowed|permitted)) to receive (?:e-?)?mails? from (?:outside|external|the internet)`,
      String.raw`you are not (?:allowed|authorized|permitted) to (?:post|send)`,
      String.raw`mail(?:ing)? list`,
      String.raw`group.{1,40}(?:permission|not allowed|only members)`,
      String.raw`members only`,
      String.raw`restricted to members`,
    ],
    quote: '550 5.7.1 Message rejected due to user rules: the recipient does not wish to receive mail from you',
  },
  // TMDA's tagged addresses (TMDA 1.1.12 templates/bounce_fail_sender.txt,
  // bounce_expired_dated.txt; tmda/TMDA/Cookie.py): a "sender" address takes mail from the one
  // sender it was made for, a "dated" address until its date. Past that, the user's own filter
  // refuses the message; the user's other addresses take mail as before: never a dead address.
  {
    id: 'filtered/tmda-tagged-address',
    reason: 'filtered',
    phrases: [
      String.raw`you have sent email to an address you are not authorized to use`,
      String.raw`you have sent email to an expired dated address`,
    ],
    quote: 'You have sent email to an expired dated address.',
  },
];
