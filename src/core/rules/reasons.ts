// The text rules: how mail servers word the reason a message failed, as data.
//
// Each rule has an id (reason/what-it-matches), the reason it decides (Sisimai's names),
// its phrases (one server wording per line, each a regular expression fragment) and a quote
// of the kind of server text it is written for. Rules are run, in this order, on the lower-cased diagnostic with whitespace collapsed, cut to
// MAX_RULE_INPUT characters (see compile.ts). The first rule that matches decides.
//
// Order matters: specific wordings come before general ones ("over quota" before "rejected",
// "spam" before "blocked"). Rules describe how an MTA or provider writes its bounces; none
// may name a host, address or file of the test corpus.

import type { Reason } from '../types.ts';

export interface ReasonRule {
  id: string;
  reason: Reason;
  /**
   * The wordings, one per entry: regular expression fragments, matched case-insensitively
   * against the lower-cased text with addresses replaced by <@> (compile.ts). Any one decides.
   */
  phrases: readonly string[];
  /** An example of the server text the rule is for. */
  quote: string;
  /**
   * Lower-case strings of which the text must hold at least one for the rule to be tried:
   * a cheap test that spares running the pattern on texts that cannot match.
   */
  hints?: readonly string[];
  /** What the decision rules (rules/README.md) may ask of the rule besides its reason. */
  traits?: readonly RuleTrait[];
}

/**
 * weak: the words say only "refused" (a code or the SMTP phase says more);
 * mailbox-lookup: only a lookup of the mailbox writes this (not a filter at DATA time);
 * sender: the words are about the envelope sender, not the recipient;
 * temporary-dns: a name lookup failed for now (never an unknown host);
 * dns: a DNS or routing failure, a named cause that stays after the retry period;
 * expiry: the MTA says its retry period ran out;
 * connection: the server could not be reached or the connection broke.
 */
export type RuleTrait = 'weak' | 'mailbox-lookup' | 'sender' | 'temporary-dns' | 'dns' | 'expiry' | 'connection';

/** Provider code rules are tried only when their label is in the text. */
const AUP_HINTS = ['aup#'];
const ORANGE_HINTS = ['ofr', 'lpn', 'ouk'];

export const REASON_RULES: readonly ReasonRule[] = [
  // ---- providers' published reply codes ---------------------------------------------------
  // A code the provider documents says more than the words around it ("sender rejected" is
  // Cox's text for an IP block too), so these come first.
  // Cox, https://www.cox.com/residential/support/email-error-codes.html: AUP#<code>.
  { id: 'blocked/cox-ip', reason: 'blocked',
    phrases: [String.raw`aup#(?:cxbl|cdrbl|ipbl\d{4,5})\b`],
    quote: '550 5.1.0 <sender@example.com> sender rejected. Refer to Error Codes section ... AUP#CDRBL', hints: AUP_HINTS },
  { id: 'requireptr/cox-dns', reason: 'requireptr', phrases: [String.raw`aup#cxdns\b`],
    quote: '554 ... AUP#CXDNS (reverse DNS of the sending IP fails)', hints: AUP_HINTS },
  { id: 'authfailure/cox-sender', reason: 'authfailure', phrases: [String.raw`aup#cxsndr\b`],
    quote: '550 ... AUP#CXSNDR (SPF/DKIM of the sending domain failed)', hints: AUP_HINTS },
  { id: 'toomanyconn/cox-connections', reason: 'toomanyconn', phrases: [String.raw`aup#(?:cxcnct|cxmxrt)\b`],
    quote: '421 ... AUP#CXCNCT (too many concurrent connections from the IP)', hints: AUP_HINTS },
  { id: 'spamdetected/cox-url', reason: 'spamdetected', phrases: [String.raw`aup#urlbl\d+`],
    quote: '552 ... AUP#URLBL1001 (a URL in the body is on a blocklist)', hints: AUP_HINTS },
  // Spectrum/Charter, https://www.spectrum.net/support/internet/understanding-email-error-codes:
  // AUP#In-NNNN (incoming) / AUP#Out-NNNN (outgoing), grouped by thousands and hundreds.
  { id: 'blocked/spectrum-ip', reason: 'blocked', phrases: [String.raw`aup#(?:in?|out?)-?(?:1000|12[0-5]\d)\b`],
    quote: '554 ... AUP#In-1000 (IP blocked for suspicious activity) / 1200-1250 (IP on Cloudmark/Spamhaus)', hints: AUP_HINTS },
  { id: 'requireptr/spectrum-dns', reason: 'requireptr', phrases: [String.raw`aup#(?:in?|out?)-?11[0-5]\d\b`],
    quote: '550 ... AUP#In-1100 (the sending IP has no full-circle DNS)', hints: AUP_HINTS },
  { id: 'policyviolation/spectrum-policy', reason: 'policyviolation', phrases: [String.raw`aup#(?:in?|out?)-?(?:11[6-9]\d|1560)\b`],
    quote: "550 ... AUP#Out-1160 (against your domain's security policies)", hints: AUP_HINTS },
  { id: 'toomanyconn/spectrum-connections', reason: 'toomanyconn', phrases: [String.raw`aup#(?:in?|out?)-?13(?:[0-3]\d|40)\b`],
    quote: '550 5.1.0 <sender@example.com> sender rejected ... AUP#In-1310 (connection limits per sender)', hints: AUP_HINTS },
  { id: 'speeding/spectrum-volume', reason: 'speeding', phrases: [String.raw`aup#(?:in?|out?)-?(?:13[5-9]\d|14\d\d|15[458]0)\b`],
    quote: '452 ... AUP#Out-1540 (too many messages in one session)', hints: AUP_HINTS },
  { id: 'rejected/spectrum-sender', reason: 'rejected', phrases: [String.raw`aup#(?:in?|out?)-?(?:10[1-8]\d|15[02]0)\b`],
    quote: '550 ... AUP#Out-1500 (sending as an address other than the signed-in one)', hints: AUP_HINTS },
  // Orange and La Poste (France), codes as published for postmasters (see
  // https://www.postmastery.com/orange-postmaster-smtp-error-codes-ofr/): a label OFR, LPN,
  // LPNAAA or OUK, an optional server number, an underscore and the three-digit code.
  { id: 'blocked/orange-ip', reason: 'blocked', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:101|102|103|510|999)\b`],
    quote: '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102', hints: ORANGE_HINTS },
  { id: 'toomanyconn/orange-connections', reason: 'toomanyconn', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?104\b`],
    quote: '421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration. OFR005_104', hints: ORANGE_HINTS },
  { id: 'securityerror/orange-auth', reason: 'securityerror', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:305|402)\b`],
    quote: '550 5.5.0 Authentification requise. Authentication Required. LPN105_402', hints: ORANGE_HINTS },
  { id: 'authfailure/orange-spf-dmarc', reason: 'authfailure', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:401|517)\b`],
    quote: '571 5.7.1 Message refused, DMARC verification Failed. LPN007_517', hints: ORANGE_HINTS },
  { id: 'rejected/orange-sender', reason: 'rejected', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:403|405|415|421)\b`],
    quote: '501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405', hints: ORANGE_HINTS },
  { id: 'userunknown/orange-recipient', reason: 'userunknown', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?416\b`],
    traits: ['mailbox-lookup'],
    quote: '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416', hints: ORANGE_HINTS },
  { id: 'mailboxfull/orange-quota', reason: 'mailboxfull', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?417\b`],
    quote: '552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417', hints: ORANGE_HINTS },
  { id: 'suspend/orange-account', reason: 'suspend', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:420|426)\b`],
    quote: '550 5.5.0 Le compte du destinataire est bloque. The recipient account isblocked. LPN007_426', hints: ORANGE_HINTS },
  { id: 'systemerror/orange-try-later', reason: 'systemerror', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?505\b`],
    quote: '421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505', hints: ORANGE_HINTS },
  { id: 'spamdetected/orange-content', reason: 'spamdetected', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?506\b`],
    quote: '550 5.2.0 Mail rejete. Mail rejected. OFR_506', hints: ORANGE_HINTS },
  { id: 'mesgtoobig/orange-size', reason: 'mesgtoobig', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?514\b`],
    quote: '552 Taille limite du message atteinte. OFR_514', hints: ORANGE_HINTS },
  { id: 'policyviolation/orange-client', reason: 'policyviolation', phrases: [String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?630\b`],
    quote: '554 5.7.1 Client host rejected LPN000_630', hints: ORANGE_HINTS },

  // Google's published SMTP errors (https://support.google.com/a/answer/3726730).
  { id: 'speeding/gmail-sending-limit', reason: 'speeding',
    phrases: [
      String.raw`daily (?:user )?sending (?:quota|limit) exceeded`,
      String.raw`receiving mail too quickly`,
    ],
    quote: '550 5.4.5 Daily sending quota exceeded. / 450 4.2.1 The user you are trying to contact is receiving mail too quickly.' },
  { id: 'policyviolation/gmail-policy', reason: 'policyviolation',
    phrases: [String.raw`has a policy that prohibits the mail that you sent`],
    quote: '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibits the mail that you sent.' },
  { id: 'blocked/gmail-ip-whitelist', reason: 'blocked', phrases: [String.raw`ip not in whitelist for rcpt domain`],
    quote: '421 4.7.0 IP not in whitelist for RCPT domain, closing connection.' },
  // Yahoo/AOL's published SMTP errors (https://senders.yahooinc.com/smtp-error-codes/).
  { id: 'blocked/yahoo-deferred', reason: 'blocked',
    phrases: [
      String.raw`all messages from \S+ will be permanently deferred`,
      String.raw`connections will not be accepted from \S+`,
    ],
    quote: '553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed.' },
  { id: 'rejected/yahoo-sender-domain', reason: 'rejected', phrases: [String.raw`unresolvable rfc\.?5321 from domain`],
    traits: ['sender'],
    quote: '451 Message temporarily deferred due to unresolvable RFC.5321 from domain' },
  // Microsoft's Exchange Online NDR codes (https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online).
  { id: 'blocked/microsoft-ip', reason: 'blocked',
    phrases: [
      String.raw`access denied, banned sending ip`,
      String.raw`traffic not accepted from this ip`,
      String.raw`client blocked from sending from unregistered domains`,
    ],
    quote: '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.' },
  { id: 'speeding/microsoft-rate', reason: 'speeding',
    phrases: [
      String.raw`message receive limit(?: from specific sender)? exceeded`,
      String.raw`recipientmessageratelimit`,
      String.raw`reached your daily limit for message recipients`,
    ],
    quote: "550 5.2.121 RESOLVER.RST.RecipientMessageRateLimit; Recipient's per hour message receive limit from specific sender exceeded." },
  // Symantec/Broadcom Email Security.cloud (MessageLabs) rejection texts.
  { id: 'policyviolation/messagelabs-spoofing', reason: 'policyviolation', phrases: [String.raw`anti-spoofing policy`],
    quote: '553 Rejected by header based Anti-Spoofing policy' },

  // Tencent (QQ Mail, Exmail): its replies as published on its help pages
  // (service.exmail.qq.com help id 20022; collected at https://smtp.codes/qq). "Mailbox
  // unavailable or access denied" is its answer when a recipient receives too much mail in a
  // short time (a temporary block of that recipient), not an unknown mailbox.
  { id: 'speeding/qq-recipient-flood', reason: 'speeding', phrases: [String.raw`mailbox unavailable or access denied`],
    quote: '550 Mailbox unavailable or access denied [...] https://open.work.weixin.qq.com/help2/pc/20057' },
  { id: 'speeding/qq-sender-frequency', reason: 'speeding', phrases: [String.raw`sender frequency limited`],
    quote: '550 Sender frequency limited.' },
  { id: 'filtered/qq-rejected-by-recipient', reason: 'filtered', phrases: [String.raw`mail is rejected by recipients?`],
    quote: "550 Mail is rejected by recipients (the sender is on the recipient's own blacklist or filter)" },
  { id: 'spamdetected/qq-content', reason: 'spamdetected', phrases: [String.raw`mail content denied`],
    quote: '550 Mail content denied. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726' },

  // ---- success, auto-replies ------------------------------------------------------------
  // ---- mailbox full ---------------------------------------------------------------------
  { id: 'mailboxfull/mailbox-full', reason: 'mailboxfull',
    phrases: [
      String.raw`mail ?box (?:is |was )?(?:currently )?full`,
      String.raw`mail ?box full`,
      String.raw`mailbox (?:has )?exceeded`,
      String.raw`mailfolder is full`,
      String.raw`account is full`,
      String.raw`inbox is full`,
      String.raw`user'?s? mailbox is full`,
      String.raw`mailbox size limit`,
      String.raw`mailbox exceeds (?:the )?allowed size`,
      String.raw`box is over quota`,
    ],
    quote: '552 5.2.2 <kijitora@example.jp>... Mailbox full' },
  { id: 'mailboxfull/quota', reason: 'mailboxfull',
    phrases: [
      String.raw`over ?quota`,
      String.raw`quota (?:exceeded|exceed|full|violation)`,
      String.raw`exceed(?:s|ed)? (?:the |his |her |their )?(?:storage|quota|disk|mailbox)`,
      String.raw`disk quota`,
      String.raw`(?:user|recipient) (?:is )?over (?:the |his |her )?(?:quota|limit)`,
      String.raw`not enough (?:storage|space) (?:for|in) (?:the )?(?:user|mailbox)`,
      String.raw`insufficient (?:space|storage) in (?:the )?mailbox`,
      String.raw`mailbox (?:would exceed|exceeds) (?:its )?(?:size|maximum)`,
      String.raw`too much mail data`,
      String.raw`the email account that you tried to reach is over quota`,
    ],
    quote: "452 4.2.2 The email account that you tried to reach is over quota" },

  // ---- message too big / limits ---------------------------------------------------------
  { id: 'exceedlimit/recipient-size-limit', reason: 'exceedlimit',
    phrases: [
      String.raw`message length exceeds (?:the )?administrative limit`,
      String.raw`too large for this recipient`,
      String.raw`recipsizelimit`,
      String.raw`exceeds? (?:the )?(?:recipient|mailbox)'?s? (?:size )?limit`,
    ],
    quote: '550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient' },
  { id: 'mesgtoobig/size', reason: 'mesgtoobig',
    phrases: [
      String.raw`message (?:size |length )?(?:is )?too (?:big|large)`,
      String.raw`message (?:size )?exceeds`,
      String.raw`exceeds? (?:the )?(?:maximum|max) (?:message )?size`,
      String.raw`size (?:limit )?exceeded`,
      String.raw`message (?:file )?too big`,
      String.raw`mail size limit`,
      String.raw`larger than (?:the )?(?:allowed|maximum)`,
      String.raw`size of this message exceeds`,
    ],
    quote: '552 5.3.4 Message size exceeds fixed maximum message size' },
  // Sisimai files RFC 3463's X.5.3 "Too many recipients" under toomanyconn: the sender's
  // session asked for more than the server allows, like too many connections.
  { id: 'toomanyconn/recipients', reason: 'toomanyconn',
    phrases: [
      String.raw`too many recipients`,
      String.raw`exceeded the (?:maximum )?number of recipients`,
      String.raw`recipient limit`,
    ],
    quote: '452 4.5.3 Too many recipients' },

  // ---- virus, spam, content -------------------------------------------------------------
  // Postfix's smtpd when the client was too slow (src/smtpd/smtpd.c): "421 4.4.2 <host>
  // Error: timeout exceeded"; reported by the sending Postfix as "refused to talk to me".
  { id: 'networkerror/server-timeout', reason: 'networkerror',
    phrases: [
      String.raw`error: timeout exceeded`,
      String.raw`4\.4\.2 .{0,80}timeout exceeded`,
    ],
    traits: ['connection'],
    quote: 'host mx.example.net[192.0.2.1] refused to talk to me: 421 4.4.2 mx.example.net Error: timeout exceeded' },
  { id: 'blocked/ip-for-spam', reason: 'blocked',
    phrases: [String.raw`(?:ip|host|client|address|source)\b.{0,40}(?:blocked|bloqu\S*|banned|rejected) (?:for|pour|due to) (?:\S+ )?spam`],
    quote: '550 Client host blocked for spamming issues' },
  { id: 'blocked/helo', reason: 'blocked',
    phrases: [
      String.raw`my name was rejected`,
      String.raw`hel[o0] (?:command )?(?:rejected|refused)`,
      String.raw`(?:invalid|bad) hel[o0]`,
    ],
    quote: "Connected to 192.0.2.1 but my name was rejected. Remote host said: 501 5.0.0 Invalid domain name" },
  { id: 'virusdetected/virus', reason: 'virusdetected',
    phrases: [
      String.raw`(?<!spam or )virus`,
      String.raw`malware`,
      String.raw`infected`,
      String.raw`trojan`,
      String.raw`worm detected`,
      String.raw`malicious (?:content|attachment|code)`,
    ],
    quote: '550 5.7.0 Message rejected: virus found in message (Eicar-Test-Signature)' },
  { id: 'notcompliantrfc/rfc', reason: 'notcompliantrfc',
    phrases: [
      String.raw`rfc ?(?:5322|2822|822|5321|2821)(?![;\d])`,
      String.raw`not (?:rfc|standards?)[ -]?compliant`,
      String.raw`multiple (?:from|to|subject|date|message-id|sender) (?:headers|fields)`,
      String.raw`multiple (?:\S+ ){0,3}addresses in from`,
      String.raw`duplicate (?:header|from|subject|date|message-id)`,
      String.raw`missing (?:required )?(?:header|date|from|message-id)`,
      String.raw`(?:is|are) not compliant`,
    ],
    quote: '550 5.7.1 This message is not RFC 5322 compliant' },
  { id: 'authfailure/dmarc-spf-dkim', reason: 'authfailure',
    phrases: [
      String.raw`dmarc`,
      String.raw`\bspf\b(?! records? for your| domain)`,
      String.raw`sender policy framework`,
      String.raw`dkim`,
      String.raw`domainkeys`,
      String.raw`sender id`,
      String.raw`does not pass (?:sender )?authentication`,
      String.raw`not (?:been )?authenticated`,
      String.raw`authentication (?:checks? )?(?:fail|did not pass)`,
      String.raw`unauthenticated (?:email|mail)\b`,
      String.raw`authentication information`,
      String.raw`is not authorized to send`,
      String.raw`not designated (?:as a )?permitted sender`,
      String.raw`arc validation`,
    ],
    quote: '550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass)' },
  { id: 'spamdetected/spam', reason: 'spamdetected',
    phrases: [
      String.raw`(?<!anti-)(?<!anti)spam(?! ?(?:house|haus|cop))`,
      String.raw`junk ?mail`,
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
    quote: '550 5.7.1 Our system has detected that this message is likely unsolicited mail' },

  // ---- authentication of the sender domain ------------------------------------------------

  // ---- PTR / reverse DNS ----------------------------------------------------------------
  { id: 'requireptr/reverse-dns', reason: 'requireptr',
    phrases: [
      String.raw`reverse (?:dns|lookup|hostname|host name|name)`,
      String.raw`unverifi?y?able sending ips?`,
      String.raw`mismatches client ip`,
      String.raw`\bptr\b`,
      String.raw`\brdns\b`,
      String.raw`ip name lookup failed`,
      String.raw`no (?:reverse|ptr)`,
      String.raw`cannot find your hostname`,
      String.raw`hostname (?:does not|doesn't) (?:resolve|match)`,
      String.raw`client host rejected: cannot find your`,
      String.raw`unresolvable (?:client|relay) host`,
      String.raw`(?:dns|name) (?:lookup )?of (?:your |the )?(?:ip|client)`,
    ],
    quote: '550 5.7.25 The IP address sending this message does not have a PTR record setup' },

  // ---- relaying -------------------------------------------------------------------------
  { id: 'norelaying/relay-denied', reason: 'norelaying',
    phrases: [
      String.raw`email address is not verified\. the following identities failed`,
      String.raw`insecure mail relay`,
      String.raw`relay(?:ing)? (?:access )?(?:denied|not (?:permitted|allowed)|prohibited|forbidden|disabled)`,
      String.raw`not (?:permitted|allowed|authorized) to relay`,
      String.raw`unable to relay`,
      String.raw`we do not relay`,
      String.raw`cannot relay`,
      String.raw`no relaying`,
      String.raw`relay not permitted`,
      String.raw`relaying mail to .* is not allowed`,
      String.raw`does not (?:allow|permit) relay`,
    ],
    quote: '554 5.7.1 <kijitora@example.org>: Relay access denied' },

  // ---- the recipient's account ----------------------------------------------------------
  { id: 'suspend/disabled', reason: 'suspend',
    phrases: [
      String.raw`(?:account|mailbox|address|user|recipient)(?: has been| is| was)? (?:temporarily |currently |now )?(?:disabled|suspended|deactivated|inactive|frozen|locked|blocked due to inactivity|not active|expired)`,
      String.raw`(?:disabled|suspended|inactive|deactivated|expired) (?:account|mailbox|user|recipient)`,
      String.raw`account (?:has been )?(?:closed|terminated)`,
      String.raw`mailbox (?:is )?not (?:enabled|active)`,
      String.raw`(?:temporary|temporarily) locked`,
      String.raw`this account has been temporarily`,
      String.raw`(?:account|mailbox) (?:is |has been )?(?:blocked|bloqu)`,
      String.raw`account that you tried to reach is disabled`,
      String.raw`mailbox unavailable or inactive`,
    ],
    quote: '550 5.2.1 The email account that you tried to reach is disabled' },
  { id: 'hasmoved/moved', reason: 'hasmoved',
    phrases: [
      String.raw`has moved`,
      String.raw`(?:address|user|mailbox) (?:has )?(?:changed|moved)`,
      String.raw`no longer (?:valid|in use|available|active|at|with)`,
      String.raw`changed (?:his|her|their) (?:e-?mail )?address`,
      String.raw`new (?:e-?mail )?address is`,
    ],
    quote: '550 5.1.6 kijitora@example.jp has moved to a new address' },

  // ---- the retry period ran out, a name could not be looked up for now ---------------------
  // Exim's own words when it gives up on a temporary error (src/deliver.c, retry.c): "retry
  // timeout exceeded", "retry time not reached for any host after a long failure period".
  // They say the retry period is over whatever the last error was: before the DNS rules.
  { id: 'expired/retry-timeout', reason: 'expired',
    phrases: [
      String.raw`retry timeout exceeded`,
      String.raw`retry time not reached for any host after a long failure period`,
      String.raw`delivery time expired`,
    ],
    traits: ['expiry'],
    quote: 'host lookup did not complete: retry timeout exceeded' },
  // A name server that could not answer now: Postfix (src/dns/dns_strerror.c, h_errno
  // TRY_AGAIN) "Host not found, try again", glibc's EAI_AGAIN "Temporary failure in name
  // resolution", Sendmail's TRY_AGAIN "host name lookup failure", Exim "host lookup did not
  // complete", qmail "CNAME lookup failed temporarily", a SERVFAIL answer.
  { id: 'networkerror/temporary-dns', reason: 'networkerror',
    phrases: [
      String.raw`name service error .{0,120}try again`,
      String.raw`host not found, try again`,
      String.raw`temporary failure in name resolution`,
      String.raw`host name lookup failure`,
      String.raw`host lookup did not complete`,
      String.raw`lookup failed temporarily`,
      String.raw`\bservfail\b`,
      String.raw`dns (?:lookup |query )?(?:timed out|timeout)`,
      String.raw`temporary (?:dns|name ?server|lookup|name resolution) (?:failure|error)`,
    ],
    traits: ['temporary-dns'],
    quote: 'Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again' },

  // ---- the domain does not take mail ------------------------------------------------------
  { id: 'notaccept/null-mx', reason: 'notaccept',
    phrases: [
      String.raw`null mx`,
      String.raw`no mx found`,
      String.raw`couldn'?t find a mail exchanger`,
      String.raw`name service error for name=\S+ type=mx`,
      String.raw`does not accept (?:any )?(?:e-?)?mail`,
      String.raw`not accepting (?:any )?(?:e-?)?mail`,
      String.raw`accepts? no (?:e-?)?mail`,
      String.raw`no mx (?:record|host)`,
      String.raw`domain (?:does not|doesn't) (?:receive|accept)`,
      String.raw`host does not accept mail`,
    ],
    quote: '556 5.1.10 Recipient address has null MX' },

  // ---- sender rejected ------------------------------------------------------------------
  { id: 'mailererror/local-mailer', reason: 'mailererror',
    phrases: [
      String.raw`mailer (?:error|failure)`,
      String.raw`pipe to \|`,
      String.raw`procmail`,
      String.raw`maildrop`,
      String.raw`(?:command|program|pipe) (?:died|failed|returned|exited)`,
      String.raw`exit (?:code|status)`,
      String.raw`unknown mailer`,
      String.raw`x-unix;`,
      String.raw`service unavailable \(pipe`,
      String.raw`mail delivery agent`,
    ],
    quote: 'x-unix; /usr/bin/procmail: exited with status 75' },
  { id: 'rejected/sender', reason: 'rejected',
    phrases: [
      String.raw`sender (?:address |domain )?(?:rejected|refused|denied|not allowed|blocked|is blacklisted|verify failed|verification failed|address (?:is )?invalid)`,
      String.raw`(?:invalid|bad|unknown|unverified) sender`,
      String.raw`sender (?:domain )?(?:must (?:exist|resolve)|does not exist|not (?:found|resolvable))`,
      String.raw`domain of sender address .* does not exist`,
      String.raw`mail from (?:address )?(?:rejected|refused|not accepted)`,
      String.raw`address (?:not|does not) (?:verified|exist) (?:for|as a) sender`,
      String.raw`envelope sender`,
      String.raw`from address (?:is )?(?:rejected|invalid|blacklisted)`,
      String.raw`rejected your message because the sender`,
      String.raw`we do not accept mail from`,
      String.raw`purported responsible address`,
      String.raw`\bfrom:? (?:domain|address) (?:is )?(?:invalid|not valid)`,
    ],
    traits: ['sender'],
    quote: '550 5.1.8 <neko@example.org>... Domain of sender address neko@example.org does not exist' },

  // ---- unknown recipient ----------------------------------------------------------------
  // au (KDDI) answers DATA with "550 : User unknown": the address slot is empty because the
  // reply is to the message, not to RCPT TO; the recipient's own filter settings refused it.
  { id: 'filtered/data-user-unknown', reason: 'filtered',
    phrases: [String.raw`\b550:? : user unknown`],
    quote: 'Diagnostic-Code: smtp;550 : User unknown' },
  // Wordings only the recipient's own mail store writes after looking the mailbox up (a
  // directory, a local delivery agent, a provider's account database): they mean the
  // mailbox does not exist whatever SMTP phase the report names (classify.ts). Symantec's
  // MessageLabs gateway checks recipients against the customer's registered addresses, so
  // its "No such user" is such a lookup too.
  { id: 'userunknown/mailbox-lookup', reason: 'userunknown',
    phrases: [
      String.raw`recipient name is not recognized`,
      String.raw`invalid (?:final )?(?:delivery )?userid`,
      String.raw`^unknown user: `,
      String.raw`not listed in (?:the )?(?:domino )?directory`,
      String.raw`not listed in (?:the )?public name`,
      String.raw`doesn'?t have an? \S+ account`,
      String.raw`address (?:couldn'?t|could not|cannot) be found`,
      String.raw`\baddress not found\b`,
      String.raw`email address (?:couldn'?t|could not) be found`,
      String.raw`requested action not taken: (?:mailbox unavailable|no such user)`,
      String.raw`mail\.local: unknown user`,
      String.raw`recipientnotfound`,
      String.raw`delivery agent at messagelabs\.com\b.{0,400}\bno such user`,
      String.raw`recipient not found by smtp address lookup`,
      String.raw`recipient address rejected: access denied`,
      String.raw`local mailbox (?:<@> )?is unavailable: (?:user not found|no such user)`,
      String.raw`requested mail action aborted, mailbox not found`,
    ],
    traits: ['mailbox-lookup'],
    quote: 'The recipient name is not recognized MSEXCH:IMS:EXAMPLE 0 (000C05A6) Unknown Recipient' },
  { id: 'userunknown/no-such-user', reason: 'userunknown',
    phrases: [
      String.raw`user (?:is )?unknown`,
      String.raw`unknown (?:user|recipient|local ?part|mailbox|address|e-?mail address)`,
      String.raw`no such (?:user|mailbox|recipient|address|account|person|local user)`,
      String.raw`(?:user|recipient|rcpt|mailbox|address|account|addressee|e-?mail address) (?:\(?<@>\)? )?(?:was |is )?(?:not found|not exist|does ?n[o']t exist|doesn't exist|dosn'?t exist|unknown|not known|invalid|unavailable|not valid|is not valid|no longer exists?|not listed)`,
      String.raw`(?:invalid|bad|unknown|non-?existent|nonexisting) (?:recipient|mailbox|user|address|destination (?:mailbox|address|user)|account|e-?mail)`,
      String.raw`recipient (?:address )?rejected: (?:user unknown|undeliverable|invalid|unknown|no such)`,
      String.raw`not a (?:valid|known) (?:user|mailbox|recipient)`,
      String.raw`is not a valid (?:user|mailbox|recipient|e-?mail)`,
      String.raw`no mailbox here by that name`,
      String.raw`mailbox (?:not found|does not exist|unavailable|is unavailable|name not allowed)`,
      String.raw`that (?:user|account|mailbox|address) (?:does not|doesn't) exist`,
      String.raw`account that you tried to reach does not exist`,
      String.raw`recipient not found`,
      String.raw`address (?:couldn'?t|could not|cannot) be found`,
      String.raw`recipient address rejected: access denied`,
      String.raw`recipient address rejected(?:\.|$| \[)`,
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
      String.raw`unknown or illegal alias`,
      String.raw`user doesn't have a`,
      String.raw`address lookup fail(?:ed|ure)`,
      String.raw`no such person at this address`,
      String.raw`destination (?:address|mailbox) (?:is )?(?:invalid|unknown)`,
      String.raw`bad destination mailbox`,
    ],
    quote: '550 5.1.1 <kijitora@example.jp>... User Unknown' },

  // ---- unknown host ---------------------------------------------------------------------
  { id: 'hostunknown/no-such-domain', reason: 'hostunknown',
    phrases: [
      String.raw`(?<![@\w.-])[a-z0-9][a-z0-9.-]*\.[a-z]{2,} (?:does not exist|not found)`,
      String.raw`host (?:or domain name )?(?:is )?(?:unknown|not found)`,
      String.raw`unknown (?:host|domain)`,
      String.raw`no such (?:domain|host)`,
      String.raw`domain (?:name )?(?:does not exist|not found|not exist|is invalid|unknown)`,
      String.raw`name or service not known`,
      String.raw`nxdomain`,
      String.raw`unrouteable (?:mail domain|address)`,
      String.raw`domain (?:is )?not (?:reachable|resolvable)`,
      String.raw`no (?:valid )?(?:mx|a) records? (?:found|for)`,
      String.raw`illegal host/domain`,
      String.raw`mail exchanger not found`,
      String.raw`could not resolve (?:domain|host)`,
      String.raw`host name lookup failure`,
      String.raw`bad destination system`,
      String.raw`dns error: domain name not found`,
      String.raw`recipient (?:address )?rejected: domain not found`,
      String.raw`invalid domain`,
    ],
    quote: '550 5.1.2 Host unknown (Name server: example.invalid: host not found)' },


  // ---- reputation, rate, connections ----------------------------------------------------
  { id: 'badreputation/reputation', reason: 'badreputation',
    phrases: [
      String.raw`(?:poor|bad|low) (?:ip )?reputation`,
      String.raw`deferred due to (?:unexpected volume or )?user complaints`,
      String.raw`reputation (?:of|is)`,
      String.raw`sender score`,
      String.raw`ip reputation`,
      String.raw`sender reputation`,
    ],
    quote: '421 4.7.0 [192.0.2.1] Our system has detected that this message is suspicious due to the very low reputation of the sending IP address' },
  { id: 'toomanyconn/connections', reason: 'toomanyconn',
    phrases: [
      String.raw`too many (?:connections|concurrent|simultaneous|sessions|smtp sessions)`,
      String.raw`connection frequency limited`,
      String.raw`connection (?:count |rate )?limit`,
      String.raw`exceeded (?:the )?(?:maximum )?(?:number of )?connections`,
      String.raw`too many hosts`,
    ],
    quote: '421 4.7.0 Too many concurrent SMTP connections from this IP address' },
  { id: 'speeding/rate', reason: 'speeding',
    phrases: [
      String.raw`rate ?limit`,
      String.raw`(?:too many|excessive) (?:messages|mails|emails|recipients|requests) (?:in|per|from|have been)`,
      String.raw`sending (?:too )?(?:fast|quickly)`,
      String.raw`throttl`,
      String.raw`slow down`,
      String.raw`receiving mail at a rate`,
      String.raw`exceeded (?:the|your) (?:sending|message|hourly|daily) (?:rate|limit|quota)`,
    ],
    quote: '450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages' },

  // ---- blocked client (IP, host, network) -----------------------------------------------
  { id: 'policyviolation/policy', reason: 'policyviolation',
    phrases: [
      String.raw`polic(?:y|ies) (?:violation|reasons?|restriction)`,
      String.raw`blocked because its content presents a potential`,
      String.raw`host network not allowed`,
      String.raw`header error`,
      String.raw`potential security issue`,
      String.raw`violat(?:es?|ion of|ing) (?:our |the |local |site )?(?:\w+ )?(?:polic|terms|acceptable)`,
      String.raw`(?:due to|by|because of) (?:local |our |site |security |organi[sz]ation(?:al)? |content )?polic`,
      String.raw`(?:local|site|organi[sz]ation(?:al)?) policy`,
      String.raw`prohibited (?:content|attachment|file)`,
      String.raw`not (?:allowed|permitted) by policy`,
      String.raw`message (?:was )?(?:rejected|refused) by (?:policy|the recipient's? policy)`,
      String.raw`attachment (?:type )?(?:is )?(?:not allowed|prohibited|blocked)`,
      String.raw`file type`,
    ],
    quote: '550 5.7.1 Message rejected due to local policy' },
  { id: 'blocked/listed', reason: 'blocked',
    phrases: [
      String.raw`black ?list`,
      String.raw`block ?list`,
      String.raw`\bdnsbl\b`,
      String.raw`\brbl\b`,
      String.raw`spamhaus`,
      String.raw`spamcop`,
      String.raw`sorbs`,
      String.raw`barracuda ?(?:central|reputation)`,
      String.raw`(?<!not )listed (?:on|in|at|by) `,
      String.raw`(?:messages|mail) from \S+ (?:weren't|were not|was not|are not) (?:sent|accepted)`,
      String.raw`too many unwanted messages`,
      String.raw`(?:ip|host|client|network)(?: address)? (?:is |has been |was )?(?:blocked|banned|blacklisted|listed|rejected|refused|denied|not allowed)`,
      String.raw`(?:blocked|banned) (?:sending )?(?:ip|address|host|for abuse)`,
      String.raw`client host (?:\S+ )?(?:rejected|blocked)`,
      String.raw`connection (?:refused|rejected|denied) (?:by|from|due)`,
      String.raw`please use the smtp server of your isp`,
      String.raw`dynamic (?:ip|address|pool)`,
      String.raw`dial-?up`,
      String.raw`residential`,
      String.raw`your (?:ip|server|network|host) (?:has been |is |was )?(?:blocked|banned|not allowed|rejected)`,
      String.raw`not allowed to send (?:mail|e-?mail)? ?from`,
      String.raw`mail from your (?:ip|host|domain) (?:is|has been)`,
      String.raw`has been (?:temporarily )?(?:blocked|banned)`,
      String.raw`currently (?:blocked|suspended) `,
      String.raw`service unavailable[,;:]? (?:client|ip)`,
      String.raw`refused to talk to me`,
      String.raw`(?:is|are) blocked`,
      String.raw`blocked by`,
      String.raw`\bblocked\b`,
    ],
    quote: '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org' },

  // ---- TLS and security -----------------------------------------------------------------
  { id: 'failedstarttls/starttls', reason: 'failedstarttls',
    phrases: [
      String.raw`starttls`,
      String.raw`tls (?:is )?required`,
      String.raw`must (?:use|issue a) (?:tls|starttls)`,
      String.raw`requiretls`,
      String.raw`encryption (?:is )?required`,
      String.raw`tls negotiation failed`,
      String.raw`handshake fail`,
    ],
    quote: '530 5.7.0 Must issue a STARTTLS command first' },
  { id: 'securityerror/auth-required', reason: 'securityerror',
    phrases: [
      String.raw`authentication (?:is )?required`,
      String.raw`unauthenticated senders?`,
      String.raw`smtp auth`,
      String.raw`auth(?:entication)? (?:credentials )?(?:invalid|failed)`,
      String.raw`insecure`,
      String.raw`security (?:policy|error)`,
      String.raw`certificate`,
      String.raw`encryption needed`,
      String.raw`not authenticated`,
      String.raw`authentication mechanism`,
    ],
    quote: '530 5.7.0 Authentication required' },

  // ---- policy and filtering -------------------------------------------------------------
  { id: 'rejected/list-posting', reason: 'rejected',
    phrases: [
      String.raw`permission to post`,
      String.raw`groups\.google\.com`,
      String.raw`google groups`,
      String.raw`not (?:allowed|permitted) to post`,
      String.raw`投稿する権限`,
    ],
    quote: 'The group you tried to contact may not exist, or you may not have permission to post messages to the group' },
  { id: 'filtered/recipient-refuses', reason: 'filtered',
    phrases: [
      String.raw`(?:refused|rejected|declined|blocked|denied) by (?:the )?(?:recipient|user|addressee|mailbox owner)(?! domain)`,
      String.raw`(?:refused|rejected) due to recipient preferences`,
      String.raw`recipient (?:has )?(?:refused|rejected|blocked|declined)`,
      String.raw`(?:user|recipient)'?s? (?:filter|rules?|settings)`,
      String.raw`filtered`,
      String.raw`content filter`,
      String.raw`does not (?:want|wish) to receive`,
      String.raw`not (?:authorized|permitted|allowed) to (?:send|post|deliver) to`,
      String.raw`only accepts? mail from`,
      String.raw`you are not (?:allowed|authorized|permitted) to (?:post|send)`,
      String.raw`mail(?:ing)? list`,
      String.raw`group.{1,40}(?:permission|not allowed|only members)`,
      String.raw`members only`,
      String.raw`restricted to members`,
    ],
    quote: '550 5.7.1 Message rejected due to user rules: the recipient does not wish to receive mail from you' },

  // ---- content and protocol -------------------------------------------------------------
  { id: 'contenterror/content', reason: 'contenterror',
    phrases: [
      String.raw`header (?:is )?(?:too long|syntax|invalid)`,
      String.raw`invalid (?:header|mime|content|character)`,
      String.raw`malformed (?:header|message|mime|content)`,
      String.raw`mime (?:error|boundary|structure)`,
      String.raw`line (?:is )?too long`,
      String.raw`8[ -]?bit`,
      String.raw`(?:content|media) (?:type )?(?:not supported|rejected|error)`,
      String.raw`cannot (?:be )?convert`,
      String.raw`conversion (?:failed|required)`,
      String.raw`encoding (?:error|problem)`,
    ],
    quote: '554 5.6.0 Message contains invalid header' },
  { id: 'syntaxerror/command', reason: 'syntaxerror',
    phrases: [
      String.raw`syntax error`,
      String.raw`malformed address: `,
      String.raw`(?:command|parameter)s? (?:not )?(?:unrecognized|recognised|recognized|unknown|not implemented|invalid)`,
      String.raw`unrecognized command`,
      String.raw`bad (?:command|sequence)`,
      String.raw`invalid (?:command|argument|parameter)`,
      String.raw`line too long in command`,
      String.raw`pipelining`,
    ],
    quote: '501 5.5.4 Syntax error in parameters or arguments' },

  // ---- delivery over time and the network -----------------------------------------------
  // A named cause (DNS, a loop, the directory server) says more than "gave up after N days":
  // these come before the expiry wordings (a report often says both).
  { id: 'networkerror/dns', reason: 'networkerror',
    phrases: [
      String.raw`name server`,
      String.raw`dns (?:lookup |query )?(?:fail|error|timeout|problem)`,
      String.raw`dns error`,
      String.raw`temporary failure in name resolution`,
      String.raw`routing loop`,
      String.raw`mail (?:forwarding )?loop`,
      String.raw`too many hops`,
      String.raw`hop count`,
      String.raw`loops? back to myself`,
      String.raw`malformed or unexpected name server reply`,
      String.raw`no mx (?:host )?(?:found|available)`,
      String.raw`temporary (?:dns|lookup)`,
    ],
    traits: ['dns'],
    quote: "DNS Error: DNS type 'mx' lookup of example.com responded with code NOERROR" },
  { id: 'systemerror/directory', reason: 'systemerror',
    phrases: [
      String.raw`(?:unable to|could not|cannot) (?:contact|reach|connect to) (?:the )?(?:ldap|directory) server`,
      String.raw`directory (?:server|service) (?:failure|error|unavailable)`,
    ],
    quote: "Unable to contact LDAP server. (#4.4.3) I'm not going to try again" },
  { id: 'expired/gave-up', reason: 'expired',
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
      String.raw`given up`,
      String.raw`giving up`,
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
    ],
    traits: ['expiry'],
    quote: "Status: 4.4.7 (delivery time expired); message could not be delivered for 5 days" },
  { id: 'networkerror/connection', reason: 'networkerror',
    phrases: [
      String.raw`connection (?:refused|timed out|reset|closed|lost|dropped|failure)`,
      String.raw`(?:could not|cannot|couldn't|unable to) connect`,
      String.raw`did not accept our requests to connect`,
      String.raw`socket error`,
      String.raw`network (?:is )?(?:unreachable|error|down)`,
      String.raw`no route to host`,
      String.raw`host (?:is )?(?:unreachable|down|not responding)`,
      String.raw`timed out`,
      String.raw`time ?out`,
      String.raw`lost connection`,
      String.raw`try again later`,
      String.raw`no answer from`,
      String.raw`unable to (?:reach|route)`,
      String.raw`could not be routed`,
      String.raw`could not find a gateway`,
    ],
    traits: ['connection'],
    quote: 'connect to mx.example.jp[192.0.2.1]:25: Connection refused' },

  // ---- the receiving system -------------------------------------------------------------
  { id: 'systemfull/disk', reason: 'systemfull',
    phrases: [
      String.raw`(?:disk|file ?system|spool|partition) (?:is )?full`,
      String.raw`out of (?:disk )?(?:space|storage)`,
      String.raw`insufficient (?:system )?(?:storage|disk space)`,
      String.raw`no space left`,
      String.raw`system (?:storage|disk) (?:full|exceeded)`,
    ],
    quote: '452 4.3.1 Insufficient system storage' },
  { id: 'systemerror/server-error', reason: 'systemerror',
    phrases: [
      String.raw`system (?:error|problem|failure|not available)`,
      String.raw`queue file write error`,
      String.raw`internal (?:server )?error`,
      String.raw`local error`,
      String.raw`server error`,
      String.raw`temporary (?:local |server |system )(?:problem|error|failure)`,
      String.raw`i/o error`,
      String.raw`(?:configuration|config) error`,
      String.raw`misconfigur`,
      String.raw`resources? (?:temporarily )?unavailable`,
      String.raw`out of memory`,
      String.raw`unexpected error`,
      String.raw`delivery (?:system )?error`,
      String.raw`mail system (?:error|problem)`,
      String.raw`service (?:is )?(?:currently )?unavailable`,
      String.raw`requested action aborted`,
      String.raw`error in processing`,
      String.raw`transient (?:failure|error)`,
    ],
    quote: '451 4.3.0 Internal server error' },

  // ---- message refused with no more detail ----------------------------------------------
  { id: 'rejected/refused', reason: 'rejected',
    phrases: [
      String.raw`message (?:was )?(?:rejected|refused|denied)`,
      String.raw`(?:rejected|refused) (?:your|the) message`,
      String.raw`access denied`,
    ],
    traits: ['weak'],
    quote: '554 5.7.1 Message rejected' },
];
