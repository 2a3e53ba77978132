// The text rules: how mail servers word the reason a message failed, as data.
//
// Each rule has an id (reason/what-it-matches), the reason it decides (Sisimai's names),
// a pattern and a quote of the kind of server text it is written for. Patterns are run,
// in this order, on the lower-cased diagnostic with whitespace collapsed, cut to
// MAX_RULE_INPUT characters (see compile.ts). The first rule that matches decides.
//
// Order matters: specific wordings come before general ones ("over quota" before "rejected",
// "spam" before "blocked"). Rules describe how an MTA or provider writes its bounces; none
// may name a host, address or file of the test corpus.

import type { Reason } from '../types.ts';

export interface ReasonRule {
  id: string;
  reason: Reason;
  /** Regular expression source, matched case-insensitively against lower-cased text. */
  pattern: string;
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
    pattern: String.raw`aup#(?:cxbl|cdrbl|ipbl\d{4,5})\b`,
    quote: '550 5.1.0 <sender@example.com> sender rejected. Refer to Error Codes section ... AUP#CDRBL', hints: AUP_HINTS },
  { id: 'requireptr/cox-dns', reason: 'requireptr', pattern: String.raw`aup#cxdns\b`,
    quote: '554 ... AUP#CXDNS (reverse DNS of the sending IP fails)', hints: AUP_HINTS },
  { id: 'authfailure/cox-sender', reason: 'authfailure', pattern: String.raw`aup#cxsndr\b`,
    quote: '550 ... AUP#CXSNDR (SPF/DKIM of the sending domain failed)', hints: AUP_HINTS },
  { id: 'toomanyconn/cox-connections', reason: 'toomanyconn', pattern: String.raw`aup#(?:cxcnct|cxmxrt)\b`,
    quote: '421 ... AUP#CXCNCT (too many concurrent connections from the IP)', hints: AUP_HINTS },
  { id: 'spamdetected/cox-url', reason: 'spamdetected', pattern: String.raw`aup#urlbl\d+`,
    quote: '552 ... AUP#URLBL1001 (a URL in the body is on a blocklist)', hints: AUP_HINTS },
  // Spectrum/Charter, https://www.spectrum.net/support/internet/understanding-email-error-codes:
  // AUP#In-NNNN (incoming) / AUP#Out-NNNN (outgoing), grouped by thousands and hundreds.
  { id: 'blocked/spectrum-ip', reason: 'blocked', pattern: String.raw`aup#(?:in?|out?)-?(?:1000|12[0-5]\d)\b`,
    quote: '554 ... AUP#In-1000 (IP blocked for suspicious activity) / 1200-1250 (IP on Cloudmark/Spamhaus)', hints: AUP_HINTS },
  { id: 'requireptr/spectrum-dns', reason: 'requireptr', pattern: String.raw`aup#(?:in?|out?)-?11[0-5]\d\b`,
    quote: '550 ... AUP#In-1100 (the sending IP has no full-circle DNS)', hints: AUP_HINTS },
  { id: 'policyviolation/spectrum-policy', reason: 'policyviolation', pattern: String.raw`aup#(?:in?|out?)-?(?:11[6-9]\d|1560)\b`,
    quote: "550 ... AUP#Out-1160 (against your domain's security policies)", hints: AUP_HINTS },
  { id: 'toomanyconn/spectrum-connections', reason: 'toomanyconn', pattern: String.raw`aup#(?:in?|out?)-?13(?:[0-3]\d|40)\b`,
    quote: '550 5.1.0 <sender@example.com> sender rejected ... AUP#In-1310 (connection limits per sender)', hints: AUP_HINTS },
  { id: 'speeding/spectrum-volume', reason: 'speeding', pattern: String.raw`aup#(?:in?|out?)-?(?:13[5-9]\d|14\d\d|15[458]0)\b`,
    quote: '452 ... AUP#Out-1540 (too many messages in one session)', hints: AUP_HINTS },
  { id: 'rejected/spectrum-sender', reason: 'rejected', pattern: String.raw`aup#(?:in?|out?)-?(?:10[1-8]\d|15[02]0)\b`,
    quote: '550 ... AUP#Out-1500 (sending as an address other than the signed-in one)', hints: AUP_HINTS },
  // Orange and La Poste (France), codes as published for postmasters (see
  // https://www.postmastery.com/orange-postmaster-smtp-error-codes-ofr/): a label OFR, LPN,
  // LPNAAA or OUK, an optional server number, an underscore and the three-digit code.
  { id: 'blocked/orange-ip', reason: 'blocked', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:101|102|103|510|999)\b`,
    quote: '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. OFR006_102', hints: ORANGE_HINTS },
  { id: 'toomanyconn/orange-connections', reason: 'toomanyconn', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?104\b`,
    quote: '421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration. OFR005_104', hints: ORANGE_HINTS },
  { id: 'securityerror/orange-auth', reason: 'securityerror', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:305|402)\b`,
    quote: '550 5.5.0 Authentification requise. Authentication Required. LPN105_402', hints: ORANGE_HINTS },
  { id: 'authfailure/orange-spf-dmarc', reason: 'authfailure', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:401|517)\b`,
    quote: '571 5.7.1 Message refused, DMARC verification Failed. LPN007_517', hints: ORANGE_HINTS },
  { id: 'rejected/orange-sender', reason: 'rejected', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:403|405|415|421)\b`,
    quote: '501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405', hints: ORANGE_HINTS },
  { id: 'userunknown/orange-recipient', reason: 'userunknown', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?416\b`,
    traits: ['mailbox-lookup'],
    quote: '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416', hints: ORANGE_HINTS },
  { id: 'mailboxfull/orange-quota', reason: 'mailboxfull', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?417\b`,
    quote: '552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417', hints: ORANGE_HINTS },
  { id: 'suspend/orange-account', reason: 'suspend', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?(?:420|426)\b`,
    quote: '550 5.5.0 Le compte du destinataire est bloque. The recipient account isblocked. LPN007_426', hints: ORANGE_HINTS },
  { id: 'systemerror/orange-try-later', reason: 'systemerror', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?505\b`,
    quote: '421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505', hints: ORANGE_HINTS },
  { id: 'spamdetected/orange-content', reason: 'spamdetected', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?506\b`,
    quote: '550 5.2.0 Mail rejete. Mail rejected. OFR_506', hints: ORANGE_HINTS },
  { id: 'mesgtoobig/orange-size', reason: 'mesgtoobig', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?514\b`,
    quote: '552 Taille limite du message atteinte. OFR_514', hints: ORANGE_HINTS },
  { id: 'policyviolation/orange-client', reason: 'policyviolation', pattern: String.raw`\b(?:ofr|lpn|lpnaaa|ouk)\d*_?630\b`,
    quote: '554 5.7.1 Client host rejected LPN000_630', hints: ORANGE_HINTS },

  // Google's published SMTP errors (https://support.google.com/a/answer/3726730).
  { id: 'speeding/gmail-sending-limit', reason: 'speeding',
    pattern: String.raw`daily (?:user )?sending (?:quota|limit) exceeded|receiving mail too quickly`,
    quote: '550 5.4.5 Daily sending quota exceeded. / 450 4.2.1 The user you are trying to contact is receiving mail too quickly.' },
  { id: 'policyviolation/gmail-policy', reason: 'policyviolation',
    pattern: String.raw`has a policy that prohibits the mail that you sent`,
    quote: '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibits the mail that you sent.' },
  { id: 'blocked/gmail-ip-whitelist', reason: 'blocked', pattern: String.raw`ip not in whitelist for rcpt domain`,
    quote: '421 4.7.0 IP not in whitelist for RCPT domain, closing connection.' },
  // Yahoo/AOL's published SMTP errors (https://senders.yahooinc.com/smtp-error-codes/).
  { id: 'blocked/yahoo-deferred', reason: 'blocked',
    pattern: String.raw`all messages from \S+ will be permanently deferred|connections will not be accepted from \S+`,
    quote: '553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed.' },
  { id: 'rejected/yahoo-sender-domain', reason: 'rejected', pattern: String.raw`unresolvable rfc\.?5321 from domain`,
    traits: ['sender'],
    quote: '451 Message temporarily deferred due to unresolvable RFC.5321 from domain' },
  // Microsoft's Exchange Online NDR codes (https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online).
  { id: 'blocked/microsoft-ip', reason: 'blocked',
    pattern: String.raw`access denied, banned sending ip|traffic not accepted from this ip|client blocked from sending from unregistered domains`,
    quote: '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.' },
  { id: 'speeding/microsoft-rate', reason: 'speeding',
    pattern: String.raw`message receive limit(?: from specific sender)? exceeded|recipientmessageratelimit|reached your daily limit for message recipients`,
    quote: "550 5.2.121 RESOLVER.RST.RecipientMessageRateLimit; Recipient's per hour message receive limit from specific sender exceeded." },
  // Symantec/Broadcom Email Security.cloud (MessageLabs) rejection texts.
  { id: 'policyviolation/messagelabs-spoofing', reason: 'policyviolation', pattern: String.raw`anti-spoofing policy`,
    quote: '553 Rejected by header based Anti-Spoofing policy' },

  // Tencent (QQ Mail, Exmail): its replies as published on its help pages
  // (service.exmail.qq.com help id 20022; collected at https://smtp.codes/qq). "Mailbox
  // unavailable or access denied" is its answer when a recipient receives too much mail in a
  // short time (a temporary block of that recipient), not an unknown mailbox.
  { id: 'speeding/qq-recipient-flood', reason: 'speeding', pattern: String.raw`mailbox unavailable or access denied`,
    quote: '550 Mailbox unavailable or access denied [...] https://open.work.weixin.qq.com/help2/pc/20057' },
  { id: 'speeding/qq-sender-frequency', reason: 'speeding', pattern: String.raw`sender frequency limited`,
    quote: '550 Sender frequency limited.' },
  { id: 'filtered/qq-rejected-by-recipient', reason: 'filtered', pattern: String.raw`mail is rejected by recipients?`,
    quote: "550 Mail is rejected by recipients (the sender is on the recipient's own blacklist or filter)" },
  { id: 'spamdetected/qq-content', reason: 'spamdetected', pattern: String.raw`mail content denied`,
    quote: '550 Mail content denied. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726' },

  // ---- success, auto-replies ------------------------------------------------------------
  // ---- mailbox full ---------------------------------------------------------------------
  { id: 'mailboxfull/mailbox-full', reason: 'mailboxfull',
    pattern: String.raw`mail ?box (?:is |was )?(?:currently )?full|mail ?box full|mailbox (?:has )?exceeded|mailfolder is full|account is full|inbox is full|user'?s? mailbox is full|mailbox size limit|mailbox exceeds (?:the )?allowed size|box is over quota`,
    quote: '552 5.2.2 <kijitora@example.jp>... Mailbox full' },
  { id: 'mailboxfull/quota', reason: 'mailboxfull',
    pattern: String.raw`over ?quota|quota (?:exceeded|exceed|full|violation)|exceed(?:s|ed)? (?:the |his |her |their )?(?:storage|quota|disk|mailbox)|disk quota|(?:user|recipient) (?:is )?over (?:the |his |her )?(?:quota|limit)|not enough (?:storage|space) (?:for|in) (?:the )?(?:user|mailbox)|insufficient (?:space|storage) in (?:the )?mailbox|mailbox (?:would exceed|exceeds) (?:its )?(?:size|maximum)|too much mail data|the email account that you tried to reach is over quota`,
    quote: "452 4.2.2 The email account that you tried to reach is over quota" },

  // ---- message too big / limits ---------------------------------------------------------
  { id: 'exceedlimit/recipient-size-limit', reason: 'exceedlimit',
    pattern: String.raw`message length exceeds (?:the )?administrative limit|too large for this recipient|recipsizelimit|exceeds? (?:the )?(?:recipient|mailbox)'?s? (?:size )?limit`,
    quote: '550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient' },
  { id: 'mesgtoobig/size', reason: 'mesgtoobig',
    pattern: String.raw`message (?:size |length )?(?:is )?too (?:big|large)|message (?:size )?exceeds|exceeds? (?:the )?(?:maximum|max) (?:message )?size|size (?:limit )?exceeded|message (?:file )?too big|mail size limit|larger than (?:the )?(?:allowed|maximum)|size of this message exceeds`,
    quote: '552 5.3.4 Message size exceeds fixed maximum message size' },
  // Sisimai files RFC 3463's X.5.3 "Too many recipients" under toomanyconn: the sender's
  // session asked for more than the server allows, like too many connections.
  { id: 'toomanyconn/recipients', reason: 'toomanyconn',
    pattern: String.raw`too many recipients|exceeded the (?:maximum )?number of recipients|recipient limit`,
    quote: '452 4.5.3 Too many recipients' },

  // ---- virus, spam, content -------------------------------------------------------------
  // Postfix's smtpd when the client was too slow (src/smtpd/smtpd.c): "421 4.4.2 <host>
  // Error: timeout exceeded"; reported by the sending Postfix as "refused to talk to me".
  { id: 'networkerror/server-timeout', reason: 'networkerror',
    pattern: String.raw`error: timeout exceeded|4\.4\.2 .{0,80}timeout exceeded`,
    traits: ['connection'],
    quote: 'host mx.example.net[192.0.2.1] refused to talk to me: 421 4.4.2 mx.example.net Error: timeout exceeded' },
  { id: 'blocked/ip-for-spam', reason: 'blocked',
    pattern: String.raw`(?:ip|host|client|address|source)\b.{0,40}(?:blocked|bloqu\S*|banned|rejected) (?:for|pour|due to) (?:\S+ )?spam`,
    quote: '550 Client host blocked for spamming issues' },
  { id: 'blocked/helo', reason: 'blocked',
    pattern: String.raw`my name was rejected|hel[o0] (?:command )?(?:rejected|refused)|(?:invalid|bad) hel[o0]`,
    quote: "Connected to 192.0.2.1 but my name was rejected. Remote host said: 501 5.0.0 Invalid domain name" },
  { id: 'virusdetected/virus', reason: 'virusdetected',
    pattern: String.raw`(?<!spam or )virus|malware|infected|trojan|worm detected|malicious (?:content|attachment|code)`,
    quote: '550 5.7.0 Message rejected: virus found in message (Eicar-Test-Signature)' },
  { id: 'notcompliantrfc/rfc', reason: 'notcompliantrfc',
    pattern: String.raw`rfc ?(?:5322|2822|822|5321|2821)(?![;\d])|not (?:rfc|standards?)[ -]?compliant|multiple (?:from|to|subject|date|message-id|sender) (?:headers|fields)|multiple (?:\S+ ){0,3}addresses in from|duplicate (?:header|from|subject|date|message-id)|missing (?:required )?(?:header|date|from|message-id)|(?:is|are) not compliant`,
    quote: '550 5.7.1 This message is not RFC 5322 compliant' },
  { id: 'authfailure/dmarc-spf-dkim', reason: 'authfailure',
    pattern: String.raw`dmarc|\bspf\b(?! records? for your| domain)|sender policy framework|dkim|domainkeys|sender id|does not pass (?:sender )?authentication|not (?:been )?authenticated|authentication (?:checks? )?(?:fail|did not pass)|unauthenticated (?:email|mail)\b|authentication information|is not authorized to send|not designated (?:as a )?permitted sender|arc validation`,
    quote: '550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass)' },
  { id: 'spamdetected/spam', reason: 'spamdetected',
    pattern: String.raw`(?<!anti-)(?<!anti)spam(?! ?(?:house|haus|cop))|junk ?mail|unsolicited (?:bulk|commercial|mail)|(?:classified|identified|detected|considered|determined|rated|flagged) as (?:bulk|junk|spam)|blacklisted (?:url|link|domain)|\buribl\b|\bsurbl\b|bulk mail|spam ?assassin|content (?:rejected|refused) (?:as|because)|message content (?:rejected|refused)|looks like (?:spam|junk)|suspicious (?:message|content|url)|\buce\b|high probability of being|scored? (?:too high|above)`,
    quote: '550 5.7.1 Our system has detected that this message is likely unsolicited mail' },

  // ---- authentication of the sender domain ------------------------------------------------

  // ---- PTR / reverse DNS ----------------------------------------------------------------
  { id: 'requireptr/reverse-dns', reason: 'requireptr',
    pattern: String.raw`reverse (?:dns|lookup|hostname|host name|name)|unverifi?y?able sending ips?|mismatches client ip|\bptr\b|\brdns\b|ip name lookup failed|no (?:reverse|ptr)|cannot find your hostname|hostname (?:does not|doesn't) (?:resolve|match)|client host rejected: cannot find your|unresolvable (?:client|relay) host|(?:dns|name) (?:lookup )?of (?:your |the )?(?:ip|client)`,
    quote: '550 5.7.25 The IP address sending this message does not have a PTR record setup' },

  // ---- relaying -------------------------------------------------------------------------
  { id: 'norelaying/relay-denied', reason: 'norelaying',
    pattern: String.raw`email address is not verified\. the following identities failed|insecure mail relay|relay(?:ing)? (?:access )?(?:denied|not (?:permitted|allowed)|prohibited|forbidden|disabled)|not (?:permitted|allowed|authorized) to relay|unable to relay|we do not relay|cannot relay|no relaying|relay not permitted|relaying mail to .* is not allowed|does not (?:allow|permit) relay`,
    quote: '554 5.7.1 <kijitora@example.org>: Relay access denied' },

  // ---- the recipient's account ----------------------------------------------------------
  { id: 'suspend/disabled', reason: 'suspend',
    pattern: String.raw`(?:account|mailbox|address|user|recipient)(?: has been| is| was)? (?:temporarily |currently |now )?(?:disabled|suspended|deactivated|inactive|frozen|locked|blocked due to inactivity|not active|expired)|(?:disabled|suspended|inactive|deactivated|expired) (?:account|mailbox|user|recipient)|account (?:has been )?(?:closed|terminated)|mailbox (?:is )?not (?:enabled|active)|(?:temporary|temporarily) locked|this account has been temporarily|(?:account|mailbox) (?:is |has been )?(?:blocked|bloqu)|account that you tried to reach is disabled|mailbox unavailable or inactive`,
    quote: '550 5.2.1 The email account that you tried to reach is disabled' },
  { id: 'hasmoved/moved', reason: 'hasmoved',
    pattern: String.raw`has moved|(?:address|user|mailbox) (?:has )?(?:changed|moved)|no longer (?:valid|in use|available|active|at|with)|changed (?:his|her|their) (?:e-?mail )?address|new (?:e-?mail )?address is`,
    quote: '550 5.1.6 kijitora@example.jp has moved to a new address' },

  // ---- the retry period ran out, a name could not be looked up for now ---------------------
  // Exim's own words when it gives up on a temporary error (src/deliver.c, retry.c): "retry
  // timeout exceeded", "retry time not reached for any host after a long failure period".
  // They say the retry period is over whatever the last error was: before the DNS rules.
  { id: 'expired/retry-timeout', reason: 'expired',
    pattern: String.raw`retry timeout exceeded|retry time not reached for any host after a long failure period|delivery time expired`,
    traits: ['expiry'],
    quote: 'host lookup did not complete: retry timeout exceeded' },
  // A name server that could not answer now: Postfix (src/dns/dns_strerror.c, h_errno
  // TRY_AGAIN) "Host not found, try again", glibc's EAI_AGAIN "Temporary failure in name
  // resolution", Sendmail's TRY_AGAIN "host name lookup failure", Exim "host lookup did not
  // complete", qmail "CNAME lookup failed temporarily", a SERVFAIL answer.
  { id: 'networkerror/temporary-dns', reason: 'networkerror',
    pattern: String.raw`name service error .{0,120}try again|host not found, try again|temporary failure in name resolution|host name lookup failure|host lookup did not complete|lookup failed temporarily|\bservfail\b|dns (?:lookup |query )?(?:timed out|timeout)|temporary (?:dns|name ?server|lookup|name resolution) (?:failure|error)`,
    traits: ['temporary-dns'],
    quote: 'Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again' },

  // ---- the domain does not take mail ------------------------------------------------------
  { id: 'notaccept/null-mx', reason: 'notaccept',
    pattern: String.raw`null mx|no mx found|couldn'?t find a mail exchanger|name service error for name=\S+ type=mx|does not accept (?:any )?(?:e-?)?mail|not accepting (?:any )?(?:e-?)?mail|accepts? no (?:e-?)?mail|no mx (?:record|host)|domain (?:does not|doesn't) (?:receive|accept)|host does not accept mail`,
    quote: '556 5.1.10 Recipient address has null MX' },

  // ---- sender rejected ------------------------------------------------------------------
  { id: 'mailererror/local-mailer', reason: 'mailererror',
    pattern: String.raw`mailer (?:error|failure)|pipe to \||procmail|maildrop|(?:command|program|pipe) (?:died|failed|returned|exited)|exit (?:code|status)|unknown mailer|x-unix;|service unavailable \(pipe|mail delivery agent`,
    quote: 'x-unix; /usr/bin/procmail: exited with status 75' },
  { id: 'rejected/sender', reason: 'rejected',
    pattern: String.raw`sender (?:address |domain )?(?:rejected|refused|denied|not allowed|blocked|is blacklisted|verify failed|verification failed|address (?:is )?invalid)|(?:invalid|bad|unknown|unverified) sender|sender (?:domain )?(?:must (?:exist|resolve)|does not exist|not (?:found|resolvable))|domain of sender address .* does not exist|mail from (?:address )?(?:rejected|refused|not accepted)|address (?:not|does not) (?:verified|exist) (?:for|as a) sender|envelope sender|from address (?:is )?(?:rejected|invalid|blacklisted)|rejected your message because the sender|we do not accept mail from|purported responsible address|\bfrom:? (?:domain|address) (?:is )?(?:invalid|not valid)`,
    traits: ['sender'],
    quote: '550 5.1.8 <neko@example.org>... Domain of sender address neko@example.org does not exist' },

  // ---- unknown recipient ----------------------------------------------------------------
  // au (KDDI) answers DATA with "550 : User unknown": the address slot is empty because the
  // reply is to the message, not to RCPT TO; the recipient's own filter settings refused it.
  { id: 'filtered/data-user-unknown', reason: 'filtered',
    pattern: String.raw`\b550:? : user unknown`,
    quote: 'Diagnostic-Code: smtp;550 : User unknown' },
  // Wordings only the recipient's own mail store writes after looking the mailbox up (a
  // directory, a local delivery agent, a provider's account database): they mean the
  // mailbox does not exist whatever SMTP phase the report names (classify.ts). Symantec's
  // MessageLabs gateway checks recipients against the customer's registered addresses, so
  // its "No such user" is such a lookup too.
  { id: 'userunknown/mailbox-lookup', reason: 'userunknown',
    pattern: String.raw`recipient name is not recognized|invalid (?:final )?(?:delivery )?userid|^unknown user: |not listed in (?:the )?(?:domino )?directory|not listed in (?:the )?public name|doesn'?t have an? \S+ account|address (?:couldn'?t|could not|cannot) be found|\baddress not found\b|email address (?:couldn'?t|could not) be found|requested action not taken: (?:mailbox unavailable|no such user)|mail\.local: unknown user|recipientnotfound|delivery agent at messagelabs\.com\b.{0,400}\bno such user|recipient not found by smtp address lookup|recipient address rejected: access denied|local mailbox (?:<@> )?is unavailable: (?:user not found|no such user)|requested mail action aborted, mailbox not found`,
    traits: ['mailbox-lookup'],
    quote: 'The recipient name is not recognized MSEXCH:IMS:EXAMPLE 0 (000C05A6) Unknown Recipient' },
  { id: 'userunknown/no-such-user', reason: 'userunknown',
    pattern: String.raw`user (?:is )?unknown|unknown (?:user|recipient|local ?part|mailbox|address|e-?mail address)|no such (?:user|mailbox|recipient|address|account|person|local user)|(?:user|recipient|rcpt|mailbox|address|account|addressee|e-?mail address) (?:\(?<@>\)? )?(?:was |is )?(?:not found|not exist|does ?n[o']t exist|doesn't exist|dosn'?t exist|unknown|not known|invalid|unavailable|not valid|is not valid|no longer exists?|not listed)|(?:invalid|bad|unknown|non-?existent|nonexisting) (?:recipient|mailbox|user|address|destination (?:mailbox|address|user)|account|e-?mail)|recipient (?:address )?rejected: (?:user unknown|undeliverable|invalid|unknown|no such)|not a (?:valid|known) (?:user|mailbox|recipient)|is not a valid (?:user|mailbox|recipient|e-?mail)|no mailbox here by that name|mailbox (?:not found|does not exist|unavailable|is unavailable|name not allowed)|that (?:user|account|mailbox|address) (?:does not|doesn't) exist|account that you tried to reach does not exist|recipient not found|address (?:couldn'?t|could not|cannot) be found|recipient address rejected: access denied|recipient address rejected(?:\.|$| \[)|invalid (?:final )?(?:delivery )?userid|not listed in (?:the )?(?:domino )?directory|not listed in (?:the )?public name|undeliverable address|user not found|email address could not be found|not our customer|not have an account|address (?:is )?(?:not|no longer) (?:in use|valid)|is not a known user|unknown or illegal alias|user doesn't have a|address lookup fail(?:ed|ure)|no such person at this address|destination (?:address|mailbox) (?:is )?(?:invalid|unknown)|bad destination mailbox`,
    quote: '550 5.1.1 <kijitora@example.jp>... User Unknown' },

  // ---- unknown host ---------------------------------------------------------------------
  { id: 'hostunknown/no-such-domain', reason: 'hostunknown',
    pattern: String.raw`(?<![@\w.-])[a-z0-9][a-z0-9.-]*\.[a-z]{2,} (?:does not exist|not found)|host (?:or domain name )?(?:is )?(?:unknown|not found)|unknown (?:host|domain)|no such (?:domain|host)|domain (?:name )?(?:does not exist|not found|not exist|is invalid|unknown)|name or service not known|nxdomain|unrouteable (?:mail domain|address)|domain (?:is )?not (?:reachable|resolvable)|no (?:valid )?(?:mx|a) records? (?:found|for)|illegal host/domain|mail exchanger not found|could not resolve (?:domain|host)|host name lookup failure|bad destination system|dns error: domain name not found|recipient (?:address )?rejected: domain not found|invalid domain`,
    quote: '550 5.1.2 Host unknown (Name server: example.invalid: host not found)' },


  // ---- reputation, rate, connections ----------------------------------------------------
  { id: 'badreputation/reputation', reason: 'badreputation',
    pattern: String.raw`(?:poor|bad|low) (?:ip )?reputation|deferred due to (?:unexpected volume or )?user complaints|reputation (?:of|is)|sender score|ip reputation|sender reputation`,
    quote: '421 4.7.0 [192.0.2.1] Our system has detected that this message is suspicious due to the very low reputation of the sending IP address' },
  { id: 'toomanyconn/connections', reason: 'toomanyconn',
    pattern: String.raw`too many (?:connections|concurrent|simultaneous|sessions|smtp sessions)|connection frequency limited|connection (?:count |rate )?limit|exceeded (?:the )?(?:maximum )?(?:number of )?connections|too many hosts`,
    quote: '421 4.7.0 Too many concurrent SMTP connections from this IP address' },
  { id: 'speeding/rate', reason: 'speeding',
    pattern: String.raw`rate ?limit|(?:too many|excessive) (?:messages|mails|emails|recipients|requests) (?:in|per|from|have been)|sending (?:too )?(?:fast|quickly)|throttl|slow down|receiving mail at a rate|exceeded (?:the|your) (?:sending|message|hourly|daily) (?:rate|limit|quota)`,
    quote: '450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages' },

  // ---- blocked client (IP, host, network) -----------------------------------------------
  { id: 'policyviolation/policy', reason: 'policyviolation',
    pattern: String.raw`polic(?:y|ies) (?:violation|reasons?|restriction)|blocked because its content presents a potential|host network not allowed|header error|potential security issue|violat(?:es?|ion of|ing) (?:our |the |local |site )?(?:\w+ )?(?:polic|terms|acceptable)|(?:due to|by|because of) (?:local |our |site |security |organi[sz]ation(?:al)? |content )?polic|(?:local|site|organi[sz]ation(?:al)?) policy|prohibited (?:content|attachment|file)|not (?:allowed|permitted) by policy|message (?:was )?(?:rejected|refused) by (?:policy|the recipient's? policy)|attachment (?:type )?(?:is )?(?:not allowed|prohibited|blocked)|file type`,
    quote: '550 5.7.1 Message rejected due to local policy' },
  { id: 'blocked/listed', reason: 'blocked',
    pattern: String.raw`black ?list|block ?list|\bdnsbl\b|\brbl\b|spamhaus|spamcop|sorbs|barracuda ?(?:central|reputation)|(?<!not )listed (?:on|in|at|by) |(?:messages|mail) from \S+ (?:weren't|were not|was not|are not) (?:sent|accepted)|too many unwanted messages|(?:ip|host|client|network)(?: address)? (?:is |has been |was )?(?:blocked|banned|blacklisted|listed|rejected|refused|denied|not allowed)|(?:blocked|banned) (?:sending )?(?:ip|address|host|for abuse)|client host (?:\S+ )?(?:rejected|blocked)|connection (?:refused|rejected|denied) (?:by|from|due)|please use the smtp server of your isp|dynamic (?:ip|address|pool)|dial-?up|residential|your (?:ip|server|network|host) (?:has been |is |was )?(?:blocked|banned|not allowed|rejected)|not allowed to send (?:mail|e-?mail)? ?from|mail from your (?:ip|host|domain) (?:is|has been)|has been (?:temporarily )?(?:blocked|banned)|currently (?:blocked|suspended) |service unavailable[,;:]? (?:client|ip)|refused to talk to me|(?:is|are) blocked|blocked by|\bblocked\b`,
    quote: '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org' },

  // ---- TLS and security -----------------------------------------------------------------
  { id: 'failedstarttls/starttls', reason: 'failedstarttls',
    pattern: String.raw`starttls|tls (?:is )?required|must (?:use|issue a) (?:tls|starttls)|requiretls|encryption (?:is )?required|tls negotiation failed|handshake fail`,
    quote: '530 5.7.0 Must issue a STARTTLS command first' },
  { id: 'securityerror/auth-required', reason: 'securityerror',
    pattern: String.raw`authentication (?:is )?required|unauthenticated senders?|smtp auth|auth(?:entication)? (?:credentials )?(?:invalid|failed)|insecure|security (?:policy|error)|certificate|encryption needed|not authenticated|authentication mechanism`,
    quote: '530 5.7.0 Authentication required' },

  // ---- policy and filtering -------------------------------------------------------------
  { id: 'rejected/list-posting', reason: 'rejected',
    pattern: String.raw`permission to post|groups\.google\.com|google groups|not (?:allowed|permitted) to post|投稿する権限`,
    quote: 'The group you tried to contact may not exist, or you may not have permission to post messages to the group' },
  { id: 'filtered/recipient-refuses', reason: 'filtered',
    pattern: String.raw`(?:refused|rejected|declined|blocked|denied) by (?:the )?(?:recipient|user|addressee|mailbox owner)(?! domain)|(?:refused|rejected) due to recipient preferences|recipient (?:has )?(?:refused|rejected|blocked|declined)|(?:user|recipient)'?s? (?:filter|rules?|settings)|filtered|content filter|does not (?:want|wish) to receive|not (?:authorized|permitted|allowed) to (?:send|post|deliver) to|only accepts? mail from|you are not (?:allowed|authorized|permitted) to (?:post|send)|mail(?:ing)? list|group.{1,40}(?:permission|not allowed|only members)|members only|restricted to members`,
    quote: '550 5.7.1 Message rejected due to user rules: the recipient does not wish to receive mail from you' },

  // ---- content and protocol -------------------------------------------------------------
  { id: 'contenterror/content', reason: 'contenterror',
    pattern: String.raw`header (?:is )?(?:too long|syntax|invalid)|invalid (?:header|mime|content|character)|malformed (?:header|message|mime|content)|mime (?:error|boundary|structure)|line (?:is )?too long|8[ -]?bit|(?:content|media) (?:type )?(?:not supported|rejected|error)|cannot (?:be )?convert|conversion (?:failed|required)|encoding (?:error|problem)`,
    quote: '554 5.6.0 Message contains invalid header' },
  { id: 'syntaxerror/command', reason: 'syntaxerror',
    pattern: String.raw`syntax error|malformed address: |(?:command|parameter)s? (?:not )?(?:unrecognized|recognised|recognized|unknown|not implemented|invalid)|unrecognized command|bad (?:command|sequence)|invalid (?:command|argument|parameter)|line too long in command|pipelining`,
    quote: '501 5.5.4 Syntax error in parameters or arguments' },

  // ---- delivery over time and the network -----------------------------------------------
  // A named cause (DNS, a loop, the directory server) says more than "gave up after N days":
  // these come before the expiry wordings (a report often says both).
  { id: 'networkerror/dns', reason: 'networkerror',
    pattern: String.raw`name server|dns (?:lookup |query )?(?:fail|error|timeout|problem)|dns error|temporary failure in name resolution|routing loop|mail (?:forwarding )?loop|too many hops|hop count|loops? back to myself|malformed or unexpected name server reply|no mx (?:host )?(?:found|available)|temporary (?:dns|lookup)`,
    traits: ['dns'],
    quote: "DNS Error: DNS type 'mx' lookup of example.com responded with code NOERROR" },
  { id: 'systemerror/directory', reason: 'systemerror',
    pattern: String.raw`(?:unable to|could not|cannot) (?:contact|reach|connect to) (?:the )?(?:ldap|directory) server|directory (?:server|service) (?:failure|error|unavailable)`,
    quote: "Unable to contact LDAP server. (#4.4.3) I'm not going to try again" },
  { id: 'expired/gave-up', reason: 'expired',
    pattern: String.raw`(?:delivery )?time (?:has )?expired|retry (?:time(?:out)?|period) (?:exceeded|expired)|message (?:has )?expired|expired (?:after|in queue|message)|too long in (?:the )?queue|been (?:in the )?queued? (?:for )?too long|queue ?(?:time|life|lifetime) (?:exceeded|expired)|could not be delivered (?:with)?in|gave up|given up|giving up|(?:have been|has been|were) failing for a long time|retry time not reached|no further (?:delivery )?attempts|maximum (?:time|number of delivery attempts)|delivery (?:attempts )?(?:will|has) (?:stopped|ceased)|was not delivered after|unable to deliver (?:the message )?(?:with)?in|delivery (?:has )?failed after|(?:message|delivery) (?:timed|timeout) out|envelope expired|deferred for too long`,
    traits: ['expiry'],
    quote: "Status: 4.4.7 (delivery time expired); message could not be delivered for 5 days" },
  { id: 'networkerror/connection', reason: 'networkerror',
    pattern: String.raw`connection (?:refused|timed out|reset|closed|lost|dropped|failure)|(?:could not|cannot|couldn't|unable to) connect|did not accept our requests to connect|socket error|network (?:is )?(?:unreachable|error|down)|no route to host|host (?:is )?(?:unreachable|down|not responding)|timed out|time ?out|lost connection|try again later|no answer from|unable to (?:reach|route)|could not be routed|could not find a gateway`,
    traits: ['connection'],
    quote: 'connect to mx.example.jp[192.0.2.1]:25: Connection refused' },

  // ---- the receiving system -------------------------------------------------------------
  { id: 'systemfull/disk', reason: 'systemfull',
    pattern: String.raw`(?:disk|file ?system|spool|partition) (?:is )?full|out of (?:disk )?(?:space|storage)|insufficient (?:system )?(?:storage|disk space)|no space left|system (?:storage|disk) (?:full|exceeded)`,
    quote: '452 4.3.1 Insufficient system storage' },
  { id: 'systemerror/server-error', reason: 'systemerror',
    pattern: String.raw`system (?:error|problem|failure|not available)|queue file write error|internal (?:server )?error|local error|server error|temporary (?:local |server |system )(?:problem|error|failure)|i/o error|(?:configuration|config) error|misconfigur|resources? (?:temporarily )?unavailable|out of memory|unexpected error|delivery (?:system )?error|mail system (?:error|problem)|service (?:is )?(?:currently )?unavailable|requested action aborted|error in processing|transient (?:failure|error)`,
    quote: '451 4.3.0 Internal server error' },

  // ---- message refused with no more detail ----------------------------------------------
  { id: 'rejected/refused', reason: 'rejected',
    pattern: String.raw`message (?:was )?(?:rejected|refused|denied)|(?:rejected|refused) (?:your|the) message|access denied`,
    traits: ['weak'],
    quote: '554 5.7.1 Message rejected' },
];
