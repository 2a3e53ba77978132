// How servers word the reason `expired` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const EXPIRED_RULES: readonly ReasonRule[] = [
  // Exim's own words when it gives up on a temporary error (src/deliver.c, retry.c): "retry
  // timeout exceeded", "retry time not reached for any host after a long failure period".
  // They say the retry period is over whatever the last error was: before the DNS rules.
  {
    id: 'expired/retry-timeout',
    reason: 'expired',
    phrases: [
      String.raw`retry timeout exceeded`,
      String.raw`retry time not reached for any host after a long failure period`,
      String.raw`delivery time expired`,
      // Haraka's outbound queue when the temporary failures outnumber its retry intervals
      // (outbound/hmail.js, convert_temp_failed_to_bounce: "Too many failures (<last error>)").
      String.raw`\btoo many failures \(`,
      // Exchange 2007-2019's and Exchange Online's own "550 4.4.7 QUEUE.Expired; message
      // expired", to which Exchange Online adds the last error the retries met ("[Message=450
      // 4.4.312 DNS query failed]"; Microsoft's "Mail flow intelligence in EOP" lists those
      // errors and says a queued message expires after 24 hours and is returned in an NDR).
      String.raw`\bqueue\.expired\b`,
      // Postfix's queue manager for a message its administrator expired with "postsuper -e"
      // (src/qmgr/qmgr_message.c, 3.5 and later, sent to the retry service: "4.7.0 message is
      // administratively expired"): no server was at fault.
      String.raw`\bmessage is administratively expired\b`,
    ],
    traits: ['expiry'],
    quote: 'host lookup did not complete: retry timeout exceeded',
  },
  {
    id: 'expired/gave-up',
    reason: 'expired',
    phrases: [
      String.raw`(?:delivery )?time (?:has )?expired`,
      String.raw`retry (?:time(?:out)?|period) (?:exceeded|expired)`,
      String.raw`message (?:has )?expired`,
      String.raw`expired (?:after|in queue|message)`,
      String.raw`too long in (?:the )?queue`,
      String.raw`been (?:in the )?queued? (?:for )?too long`,
      String.raw`queue ?(?:time|life|lifetime) (?:exceeded|expired)`,
      String.raw`could not be delivered (?:with)?in`,
      String.raw`gave up`,
      // Not qmail-send's opening line of every permanent bounce ("This is a permanent error;
      // I've given up. Sorry it didn't work out.", qmail-send.c): it says the error was
      // permanent, not that a retry period ran out.
      String.raw`(?<!permanent error; i've )given up`,
      // Not qmail-remote's "Giving up on <host>." (qmail-remote.c), written when the server
      // refused every recipient: a permanent refusal, whose reason is in the reply before it.
      String.raw`giving up(?! on [^\s]+\.(?: |$))`,
      String.raw`(?:have been|has been|were) failing for a long time`,
      String.raw`retry time not reached`,
      String.raw`no further (?:delivery )?attempts`,
      String.raw`maximum (?:time|number of delivery attempts)`,
      String.raw`delivery (?:attempts )?(?:will|has) (?:stopped|ceased)`,
      String.raw`was not delivered after`,
      String.raw`unable to deliver (?:the message )?(?:with)?in`,
      String.raw`delivery (?:has )?failed after`,
      String.raw`(?:message|delivery) (?:timed|timeout) out`,
      String.raw`envelope expired`,
      String.raw`deferred for too long`,
      // Relays' and sending services' own words for the end of their retries.
      String.raw`(?:after|exhausted|exceeded) (?:the )?(?:multiple |maximum |max )?(?:number of )?(?:retries|retry attempts|delivery attempts)`,
      String.raw`max(?:imum)? retr(?:y|ies)(?: count)? (?:reached|exceeded)`,
    ],
    traits: ['expiry'],
    quote: 'Status: 4.4.7 (delivery time expired); message could not be delivered for 5 days',
  },
  // Sendmail when a message has been queued for the return timeout (contrib/sendmail/src/
  // queue.c: "Message could not be delivered for %s", "Cannot send message for %s"), the time
  // written by pintvl() in weeks, days, hours, minutes or seconds (Timeout.queuereturn=30m:
  // "Message could not be delivered for 30 minutes").
  {
    id: 'expired/sendmail-queue-return',
    reason: 'expired',
    phrases: [
      String.raw`could not be delivered for \d+ (?:days?|hours?|weeks?|minutes?|seconds?)`,
      String.raw`cannot send message for \d+ (?:days?|hours?|weeks?|minutes?|seconds?)`,
      // Other MTAs' forms of the same end of the queue life: "Your message could not be
      // delivered for more than 5 day(s)", "was not reachable within the allowed queue
      // period", and the bare "Delivery expired".
      String.raw`could not be delivered for more than \d+`,
      String.raw`not reachable within the allowed queue period`,
      String.raw`\bdelivery expired\b`,
    ],
    traits: ['expiry'],
    quote: 'Message could not be delivered for 5 days',
  },
  // Ipswitch (now Progress) IMail Server's notice when its retries are used up ("Delivery
  // failed 3 attempts", after the last reply it got).
  {
    id: 'expired/imail-attempts',
    reason: 'expired',
    phrases: [String.raw`\bdelivery failed \d+ attempts?\b`],
    traits: ['expiry'],
    quote: 'Delivery failed 3 attempts',
  },
  // Apache James's RemoteDelivery when its retries are used up (server/mailet, the bounce's
  // reason: "Too many retries failure. Bouncing after 5 retries.").
  {
    id: 'expired/james-retries',
    reason: 'expired',
    phrases: [String.raw`\btoo many retries failure\b`, String.raw`\bbouncing after \d+ retries\b`],
    hints: ['retries'],
    traits: ['expiry'],
    quote: 'Too many retries failure. Bouncing after 5 retries.',
  },
  // Greylisting (postgrey, Postfix's postscreen, rspamd, Exim's greylist ACLs): the server
  // asks every new sender to come back later. Nothing is wrong with the address; when the
  // report is final, the retries ran out before the server let the message in, and the code
  // (whatever class the server chose, "550 5.1.1 ... Greylisted" too) says nothing more.
  {
    id: 'expired/greylisted',
    reason: 'expired',
    phrases: [
      String.raw`\bgr[ae]y ?list(?:ed|ing)?\b`,
      // greylistd's Exim ACL as MailCleaner ships it, never saying "greylist": "451 192.0.2.1
      // is not yet authorized to deliver mail from <sender> to <recipient>. Please try later."
      // (github:MailCleaner/MailCleaner etc/exim/exim_stage1.conf_template, acl_check_rcpt's
      // defer; Exim's 451 for a defer, src/src/smtp_in.c).
      String.raw`\bis not yet authorized to deliver mail from\b`,
    ],
    quote: '450 4.2.0 <user@example.net>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.net.html',
  },
  // A temporary refusal whose whole text is "Try again later", the default answer of
  // greylisting filters: rspamd's milter soft reject, "451 4.7.1 Try again later"
  // (github:rspamd/rspamd src/libserver/milter_internal.h RSPAMD_MILTER_TEMPFAIL_MESSAGE, the
  // greylist module's default message in src/plugins/lua/greylist.lua), and FortiMail's
  // greylist ("SMTP clients receive the message 451 Try again later", FortiMail
  // Administration Guide, Troubleshooting). It names no cause: in a final report the retries
  // ran out. hMailServer's greylisting says "451 Please try again later." (its SMTP error
  // messages reference: "issued if grey listing is enabled"), and so does ASSP's delaying
  // filter, "451 4.7.1 Please try again later" (a cPanel host's page on ASSP's bounces,
  // maxclicksonline.com knowledgebase 10095: "specific to the Delaying Filter").
  // Only the whole text: "try again later" after other words is those words' cause;
  // and only under a policy status (X.7.x, rspamd's) or none (FortiMail's): a status that names
  // a cause ("450 4.1.1", "452 4.2.2") decides by itself (README rule 2).
  {
    id: 'expired/bare-try-again-later',
    reason: 'expired',
    phrases: [String.raw`^(?:smtp; ?)?4\d\d(?:[ -]4\.7\.\d{1,3})? (?:please )?try again later\.?$`],
    hints: ['try again later'],
    quote: '451 4.7.1 Try again later',
  },
  // The retry period over, in notices written in other languages ("Die Nachricht ist
  // abgelaufen", "Le message a expiré", "El mensaje ha caducado", "Il messaggio è scaduto",
  // "A mensagem expirou", "Het bericht is verlopen", "Wiadomość wygasła", "Срок доставки
  // сообщения истек", "メッセージの有効期限が切れました", "邮件已过期"): the words a notice
  // in those languages uses for Exchange's 4.4.7 "Message expired". Only the Czech form below
  // was read on a published page; the others are the same statement as each language says it,
  // not checked against a published notice.
  {
    id: 'expired/localised',
    reason: 'expired',
    phrases: [
      String.raw`nachricht ist abgelaufen`,
      String.raw`zustellfrist (?:ist )?(?:abgelaufen|überschritten)`,
      String.raw`message a expiré`,
      String.raw`mensaje ha (?:caducado|expirado)`,
      String.raw`messaggio è scaduto`,
      String.raw`mensagem expirou`,
      String.raw`bericht is verlopen`,
      String.raw`wiadomość wygasła`,
      String.raw`срок доставки(?: сообщения)? ист[её]к`,
      // The message's, not a certificate's or a password's.
      String.raw`(?:メッセージ|メール)の有効期限が切れ`,
      String.raw`邮件已过期`,
      // Exchange's 4.4.7 in Czech as Microsoft's Czech page on NDRs words it: "Platnost zprávy
      // ve frontě vypršela" (learn.microsoft.com/cs-cz, "Email oznámení o nedoručení ...").
      String.raw`platnost zprávy [^.]{0,20}vypršela`,
      String.raw`meddelandet har upphört att gälla`,
      // The message's, not a connection's ("bağlantı süresi doldu"); "İleti" lower-cases with a combining dot.
      String.raw`(?:i\u0307?leti|mesaj)\S{0,4} (?:teslim )?süresi doldu`,
      String.raw`메시지가 만료되었습니다`,
      // Italian certified mail (PEC): the provider's notice that the recipient's provider did
      // not take the message or confirm its delivery within the maximum time, its subject
      // "AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: <subject>" (the regole tecniche of
      // DM 2 November 2005: a warning after twelve hours, the notice after twenty-four;
      // servicedesk.namirial.com/hc/it/articles/4418366332177 "mancata consegna per
      // superamento del tempo massimo"); lhost/pec.ts passes the subject's prefix on.
      String.raw`mancata consegna per sup\. tempo massimo`,
    ],
    traits: ['expiry'],
    quote: 'Die Nachricht ist abgelaufen: Sie konnte nicht innerhalb der Zustellfrist zugestellt werden.',
  },
];
