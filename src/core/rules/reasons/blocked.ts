// How servers word the reason `blocked` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const BLOCKED_RULES: readonly ReasonRule[] = [
  // A refusal that sends the sender to an IP block list's lookup page: the list holds the
  // sending host. The list of such pages is the one Zeek watches SMTP errors for
  // (zeek/zeek, scripts/policy/protocols/smtp/blocklists.zeek: spamhaus.org/, spamcop.net/bl,
  // cbl.abuseat.org/, sorbs.net/, b.barracudacentral.com/, psbl.surriel.com/,
  // uceprotect.net/, sophos.com/security/, ...), with Proofpoint's IP check pages ("554
  // Blocked - see https://ipcheck.proofpoint.com/?ip=..."). Spamhaus's domain list (DBL) is
  // about a domain in the message, not the host: left to the content rules.
  {
    id: 'blocked/ip-blocklist-link',
    reason: 'blocked',
    phrases: [
      String.raw`\bspamhaus\.org/(?:query/ip|query/bl\?ip|lookup|sbl|xbl|pbl|css)\b`,
      String.raw`\bspamcop\.net/(?:bl|w3m\?action=checkblock)`,
      String.raw`\bcbl\.abuseat\.org/`,
      String.raw`\bsorbs\.net/`,
      String.raw`\bbarracudacentral\.(?:com|org)/`,
      String.raw`\bpsbl\.surriel\.com/`,
      String.raw`\buceprotect\.net/`,
      String.raw`\bsophos\.com/security/`,
      String.raw`\bipcheck\.proofpoint\.com/`,
      // The lists' own lookup pages as their TXT records give them, which rblsmtpd (ucspi-tcp)
      // sends as its whole reply ("553 <TXT>" with -b): Barracuda's BRBL "Client host blocked
      // using Barracuda Reputation, see http://www.barracudanetworks.com/reputation/?r=1&ip=<ip>",
      // SpamRATS "SPAMRATS IP Addresses See: http://www.spamrats.com/bl?<ip>", PSBL "Listed in
      // PSBL, see http://psbl.org/listing?ip=<ip>" (the TXT records PSMailTools' Get-SpamBlacklist
      // help prints, github:PSMailTools docs). A bare link names the sending host's listing,
      // never the recipient (553 at RCPT TO would otherwise read as an unknown user).
      String.raw`\bbarracudanetworks\.com/reputation\b`,
      String.raw`\bspamrats\.com/(?:bl\b|lookup)`,
      String.raw`\bpsbl\.org/listing\b`,
    ],
    quote: '554 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1',
  },
  // A reply that names the sending IP as found in a DNS block list's zone, whatever words come
  // before it ("554 Rejected as spam 192.0.2.1 found in dnsbl.sorbs.net", a small site's
  // filter as its own page explains it, va.ler.io/spam.html): the list holds the sending host,
  // the words "as spam" do not judge this message.
  {
    id: 'blocked/ip-found-in-dnsbl',
    reason: 'blocked',
    phrases: [
      String.raw`\b\d{1,3}(?:\.\d{1,3}){3} (?:was )?found in (?:\S+\.)?(?:dnsbl|rbl|sorbs|spamhaus|spamcop|barracudacentral)\S*`,
      // Cloudflare Email Routing's refusal of a sending IP on its block lists (its Postmaster
      // page, developers.cloudflare.com/email-routing/postmaster/, "Realtime Block Lists": "554
      // <YOUR_IP_ADDRESS> found on one or more RBLs (abusixip). Refer to https://developers.
      // cloudflare.com/email-routing/postmaster/#spam-and-abusive-traffic/"; its older text said
      // "DNSBLs"): the "spam" of the link's anchor does not judge this message.
      String.raw`\b(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}) found on one or more (?:dnsbls|rbls)\b`,
    ],
    hints: ['found in', 'found on one or more'],
    quote: '554 Rejected as spam 192.0.2.1 found in dnsbl.sorbs.net',
  },
  // An MTA's own template for a refusal by a DNS block list that names the sending host (its
  // address, its reverse name or its HELO name): the list's zone name ("spam.spamrats.com",
  // "bl.spameatingmonkey.net", "bl.0spam.org", "bl.nordspam.com", "spam.dnsbl.sorbs.net") or
  // its TXT record ("Spam Received See: ...") may say "spam", but the host is what is listed,
  // not this message. Postfix smtpd's default_rbl_reply ("$rbl_code Service unavailable;
  // $rbl_class [$rbl_what] blocked using $rbl_domain${rbl_reason?; $rbl_reason}", with
  // $rbl_class "Client host", "Unverified Client host" or "Helo command" for reject_rbl_client,
  // reject_rhsbl_client, reject_rhsbl_reverse_client and reject_rhsbl_helo: src/global/
  // mail_params.h DEF_DEF_RBL_REPLY, src/smtpd/smtpd_check.c SMTPD_NAME_*); Spamhaus's DQS
  // reply map for Postfix ("554 $rbl_class $rbl_what blocked using ZEN - see https://www.
  // spamhaus.org/query/ip/$client_address for details", docs.spamhaus.com, Configuring DQS on
  // Postfix); Exim's configure.default DNS list ACL ("rejected because $sender_host_address is
  // in a black list at $dnslist_domain\n$dnslist_text"); Sendmail's FEATURE(dnsbl) ("550
  // Rejected: " $&{client_addr} " listed at <zone>", cf/feature/dnsbl.m4 8.34; its older "Mail
  // from <ip> refused by blackhole site <zone>" and the README's "refused - see <url>");
  // OpenBSD spamd's replies to a blacklisted host after its DATA (usr.sbin/spamd/spamd.c
  // doreply: "450-Sorry <ip>", "You are trying to send mail from an address listed by one or
  // more IP-based registries as being a SPAM source."; spamd.conf's "Your address %A is in the
  // nixspam list"). Before the content rules; a sender address on such a list is
  // rejected/postfix-rhsbl-sender's.
  {
    id: 'blocked/mta-dnsbl-template',
    reason: 'blocked',
    phrases: [
      String.raw`\bservice unavailable; (?:unverified )?(?:client host|helo command) \[[^\]\s]{1,255}\] blocked using\b`,
      String.raw`\b(?:unverified )?(?:client host|helo command) \[?[^\]\s]{1,255}\]? blocked using \S{1,80} - see\b`,
      String.raw`\b(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}) is in a black ?list at\b`,
      String.raw`\brejected: (?:\d{1,3}(?:\.\d{1,3}){3}|(?:ipv6:)?[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}) listed at\b`,
      String.raw`\bmail from (?:\d{1,3}(?:\.\d{1,3}){3}|(?:ipv6:)?[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}) refused (?:- see|by blackhole site)\b`,
      String.raw`\byou are trying to send mail from an address listed by one or more ip-based registries\b`,
      String.raw`\byour address (?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}) is in the [\w.-]{1,40} list\b`,
    ],
    hints: ['blocked using', 'black list at', 'blacklist at', 'listed at', 'refused', 'ip-based registries', 'your address'],
    quote: '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.spameatingmonkey.net',
  },
  {
    id: 'blocked/ip-for-spam',
    reason: 'blocked',
    phrases: [String.raw`(?:ip|host|client|address|source)\b.{0,40}(?:blocked|bloqu\S*|banned|rejected) (?:for|pour|due to) (?:\S+ )?spam`],
    quote: '550 Client host blocked for spamming issues',
  },
  // A sending IP refused in the provider's own words: Korean providers until it is registered
  // with them, "421 4.3.2 Your IP(192.0.2.1) is filtered and this connection will be closed.
  // You must register your IP to ..." (blog.jinbo.net/007/archive/20051107 and
  // kbit.tistory.com, lists of Korean servers' replies). The sending host, not the
  // recipient's filter.
  {
    id: 'blocked/ip-held-by-provider',
    reason: 'blocked',
    phrases: [
      String.raw`\byour ip ?\([^)\s]{1,64}\) is filtered\b`,
      String.raw`\byou must register your ip\b`,
      // Aruba's Italian "Indirizzo IP bloccato temporaneamente per sospetto abuso" (the IP
      // address blocked for now on suspected abuse; guide.pec.it, "Risoluzione agli errori
      // comuni").
      String.raw`\bindirizzo ip bloccato\b`,
      // "remote ip is forbidden": the sender's IP is blocked (fobhost.com's list of bounce
      // keywords, "发件人IP被屏蔽").
      String.raw`\bremote ip is forbidden\b`,
      // Daum's (Kakao) "421 4.4.5 CCRT <ip>: Connection refused. Server is busy(RT)": its spam
      // centre took the IP for a spam source and holds its connections for now (oliveit.tistory
      // .com/39, a list of its return-mail types). A reply, not a refused TCP connection.
      String.raw`\bccrt\b.{0,80}\bconnection refused\. server is busy\(rt\)`,
      // ProLinux E-Mail Server (a Uruguayan provider's qmail-based server; its page "Cómo
      // interpretar los rebotes del servidor ProLinux E-Mail Server", pl.com.uy): "Sender refused
      // by the DNSBL spammers.v6net.org" and "Sorry, your mailserver [192.0.2.1] is rejected by
      // <list>": the sending host is on a DNS block list, whatever the list's name says.
      String.raw`\bsender refused by the dnsbl\b`,
      String.raw`\byour mail ?server \[[^\]\s]{1,64}\] is rejected by\b`,
      // Proximus's (Belgium) refusal of a sender its abuse desk put on its block list: "554
      // Access denied - Under investigation for spam abuse. Contact your email provider for
      // more info" (proximus.be support, "Your IP address is in our blacklist"). The sending
      // host is held for what it sent before, not this message's content.
      String.raw`\bunder investigation for spam abuse\b`,
    ],
    quote:
      '421 4.3.2 Your IP(192.0.2.1) is filtered and this connection will be closed. You must register your IP to postmaster@example.net',
  },
  {
    id: 'blocked/helo',
    reason: 'blocked',
    phrases: [
      String.raw`hel[o0] (?:command )?(?:rejected|refused)`,
      String.raw`(?:invalid|bad) hel[o0]`,
      // The name the sending host gave in HELO/EHLO, or the host itself, is the one that does
      // not resolve: "Invalid domain name in HELO", "Helo name x does not exist", Postfix's
      // "Client host rejected: unknown host" (reject_unknown_client). Never the recipient's.
      String.raw`(?:invalid|bad|unknown) (?:domain |host)?name in (?:hel[o0]|ehlo)`,
      String.raw`(?:hel[o0]|ehlo) (?:name |hostname |domain )?\S* ?(?:does not exist|not found|unknown|(?:is )?invalid|does not resolve)`,
      String.raw`client host rejected: unknown (?:host|client)`,
      String.raw`(?:message|mail|connection)s? from (?:an )?unknown host`,
      String.raw`your host ?name (?:does not exist|is unknown|not found)`,
      // ProLinux E-Mail Server (pl.com.uy, its list of bounces): "553 sorry, your HELO host
      // name has been denied".
      String.raw`your hel[o0] host ?name has been denied`,
    ],
    quote: '501 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname',
  },
  // qmail-remote's own words when the server refused its HELO (qmail 1.03 .. notqmail 1.09
  // qmail-remote.c: "Connected to %s but my name was rejected."): the sending host was refused,
  // but the reply under them ("Remote host said: ...") says why and comes first (../README.md,
  // rule 2), so this rule stands after the rules that read a server's reasons, reverse DNS
  // among them.
  {
    id: 'blocked/qmail-helo',
    reason: 'blocked',
    phrases: [String.raw`my name was rejected`],
    quote: 'Connected to 192.0.2.1 but my name was rejected. Remote host said: 501 5.0.0 Invalid domain name',
  },
  {
    id: 'blocked/listed',
    reason: 'blocked',
    phrases: [
      String.raw`black ?list`,
      String.raw`block ?list`,
      // The Chinese webmail server's "550 black ip." (the sending IP is barred; its list as
      // blog.sina.com.cn copies it).
      String.raw`\bblack ip\b`,
      // Refusals of the connecting host in other servers' words ("not currently accepting mail
      // from your IP", "You are not allowed to connect.", "server access forbidden by your
      // IP", "no access from mail server", "Rejecting open proxy").
      String.raw`not currently accepting mail from your ip`,
      String.raw`you are not allowed to connect`,
      String.raw`server access forbidden by your ip`,
      String.raw`no access from mail server`,
      String.raw`rejecting open proxy`,
      // ASSP (the anti-spam SMTP proxy hosting panels put in front of their MTA) when it
      // blocks the sending IP: "554 5.7.2 Service denied, closing transmission channel
      // (<session>)" (a host's help page on ASSP's bounce messages, maxclicksonline.com).
      String.raw`\bservice denied, closing transmission channel\b`,
      // Sendmail's dnsbl feature with a URL (cf/feature/dnsbl.m4: "Mail from <client address>
      // refused - see <URL>"), and its older rbl feature's "refused by blackhole site".
      String.raw`mail from \[?(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:]+)\]? refused`,
      String.raw`\bdnsbl\b`,
      String.raw`\brbl\b`,
      String.raw`spamhaus`,
      String.raw`spamcop`,
      String.raw`sorbs`,
      String.raw`barracuda ?(?:central|reputation)`,
      // Not "whitelisted by" (Courier's submit.C: "412 You are not whitelisted by this
      // recipient"), an allow list.
      String.raw`(?<!not |white|allow)listed (?:on|in|at|by) `,
      String.raw`(?:messages|mail) from \S+ (?:weren't|were not|was not|are not) (?:sent|accepted)`,
      String.raw`too many unwanted messages`,
      String.raw`(?:ip|host|client|network)(?: address)? (?:is |has been |was )?(?:blocked|banned|blacklisted|listed|rejected|refused|denied|not allowed|invalid for)`,
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
      String.raw`(?:no longer|does not|doesn't) accepts? (?:e-?)?mail from your (?:server|ip|host|network)`,
      // A refusal named after the sending host's address: "does not accept mail from 192.0.2.1".
      String.raw`(?:does not|doesn't|do not|will not|won't) accept (?:e-?)?mail from (?:your (?:ip|host|server)|\[?\d{1,3}\.\d{1,3}\.)`,
      String.raw`has been (?:temporarily )?(?:blocked|banned)`,
      String.raw`currently (?:blocked|suspended) `,
      String.raw`service unavailable[,;:]? (?:client|ip)`,
      String.raw`refused to talk to me`,
      String.raw`(?:is|are) blocked`,
      String.raw`blocked by`,
      String.raw`\bblocked\b`,
    ],
    quote: '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
  },
  // spamdyke, the qmail filter (spamdyke/spamdyke.h): its refusals of the connecting host,
  // sent at RCPT TO: ERROR_ACCESS_DENIED (the host matched its access file), ERROR_UNCONDITIONAL
  // (reject-all), ERROR_EARLYTALKER (the client spoke before the greeting). None of them is
  // about the address; "Mail is not being accepted at this address" is (filtered.ts).
  {
    id: 'blocked/spamdyke-client',
    reason: 'blocked',
    phrases: [
      String.raw`refused\. access is denied`,
      String.raw`refused\. mail is not being accepted(?! at this address)`,
      String.raw`refused\. you are not following the smtp protocol`,
    ],
    hints: ['refused. '],
    quote: '554 Refused. Access is denied.',
  },
  // qmail-remote when the server's greeting was not a 2xx (qmail-remote.c: "Connected to %s
  // but greeting failed."): the server refused the sending host before any command. Tried
  // after every rule that could read the remote's own words after it ("Remote host said: ...").
  {
    id: 'blocked/qmail-greeting-failed',
    reason: 'blocked',
    phrases: [String.raw`\bbut greeting failed\b`],
    quote: 'Connected to 192.0.2.1 but greeting failed. Remote host said: 554 No SMTP service here',
  },
  // Exim's default configuration refuses a client that sends many recipients of which most
  // fail (src/src/configure.default, acl_check_rcpt): the sending host is refused for its
  // conduct; it says nothing about the address it was refused for.
  {
    id: 'blocked/too-many-bad-recipients',
    reason: 'blocked',
    phrases: [String.raw`too many (?:bad|invalid|unknown|failed) recipients`, String.raw`excessive unknown recipients`],
    quote: '550 Rejected for too many bad recipients',
  },
];
