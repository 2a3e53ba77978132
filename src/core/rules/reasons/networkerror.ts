// How servers word the reason `networkerror` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const NETWORKERROR_RULES: readonly ReasonRule[] = [
  // Postfix's smtpd when the client was too slow (src/smtpd/smtpd.c): "421 4.4.2 <host>
  // Error: timeout exceeded"; reported by the sending Postfix as "refused to talk to me".
  {
    id: 'networkerror/server-timeout',
    reason: 'networkerror',
    phrases: [String.raw`error: timeout exceeded`, String.raw`4\.4\.2 .{0,80}timeout exceeded`],
    traits: ['connection'],
    quote: 'host mx.example.net[192.0.2.1] refused to talk to me: 421 4.4.2 mx.example.net Error: timeout exceeded',
  },
  // A name server that could not answer now: Postfix (src/dns/dns_strerror.c, h_errno
  // TRY_AGAIN) "Host not found, try again", glibc's EAI_AGAIN "Temporary failure in name
  // resolution", Sendmail's TRY_AGAIN "host name lookup failure", Exim "host lookup did not
  // complete", qmail "CNAME lookup failed temporarily", a SERVFAIL answer.
  {
    id: 'networkerror/temporary-dns',
    reason: 'networkerror',
    phrases: [
      String.raw`name service error .{0,120}try again`,
      String.raw`host not found, try again`,
      String.raw`temporary failure in name resolution`,
      String.raw`host name lookup failure`,
      String.raw`host lookup did not complete`,
      String.raw`lookups? failed temporarily`,
      String.raw`\bservfail\b`,
      String.raw`dns (?:lookup |query )?(?:timed out|timeout)`,
      String.raw`temporary (?:dns|name ?server|lookup|name resolution) (?:failure|error)`,
      // OpenSMTPD's mta.c when the MX query failed for now.
      String.raw`temporary failure in mx lookup`,
    ],
    traits: ['temporary-dns'],
    quote: 'Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again',
  },
  // A named cause (DNS, a loop, the directory server) says more than "gave up after N days":
  // these come before the expiry wordings (a report often says both).
  {
    id: 'networkerror/dns',
    reason: 'networkerror',
    phrases: [
      String.raw`name server`,
      String.raw`dns (?:lookup |query )?(?:fail|error|timeout|problem)`,
      String.raw`dns error`,
      // Momentum/SparkPost's own "[internal] Unable to lookup DNS for <domain>".
      String.raw`unable to look ?up dns for`,
      String.raw`temporary failure in name resolution`,
      String.raw`routing loop`,
      // Exchange Online's 5.4.4 SMTPSEND.DNS.MxLoopback: the domain's MX points back at itself.
      String.raw`dns records for the target domain are configured in a loop`,
      String.raw`mail (?:forwarding )?loop`,
      String.raw`too many hops`,
      String.raw`hop count`,
      String.raw`malformed or unexpected name server reply`,
      // Postfix smtpd's own words for the same DNS_INVAL answer when it checks a recipient's
      // domain (postfix/src/smtpd/smtpd_check.c, Postfix 3.12, reject_unknown_mailhost: "<%s>: %s
      // rejected: Malformed DNS server reply", under unknown_address_reject_code and the status
      // 4.1.2, made 5.1.2 when that code is 550): the domain's name servers answered with
      // something unusable, which says nothing of whether the domain exists ("Domain not found"
      // is Postfix's words for that).
      String.raw`rejected: malformed dns server reply`,
      String.raw`no mx (?:host )?(?:found|available)`,
      String.raw`temporary (?:dns|lookup)`,
      // Postfix's smtp_addr.c (4.4.4): the best MX hosts have no address and the rest loop back.
      String.raw`unable to find primary relay for`,
      // OpenSMTPD's mta.c: no MX it can use ("No valid route to remote MX", "Address family
      // mismatch on destination MXs"): the route, not the recipient.
      String.raw`no valid route to remote mx`,
      String.raw`address family mismatch on destination mxs`,
      // Courier's esmtp client when the domain's MX list held no host it could try (courier/
      // module.esmtp/libesmtp.C: "Did not find a suitable MX for a connection", '5'): the route.
      String.raw`did not find a suitable mx for a connection`,
    ],
    traits: ['dns'],
    quote: "DNS Error: DNS type 'mx' lookup of example.com responded with code NOERROR",
  },
  {
    id: 'networkerror/connection',
    reason: 'networkerror',
    phrases: [
      String.raw`connection (?:refused|timed out|reset|closed|lost|dropped|failure)`,
      String.raw`(?:could not|cannot|couldn't|unable to) connect`,
      String.raw`did not accept our requests to connect`,
      // nullmailer's smtp and qmqp modules when connect() failed (protocols/protocol.cc,
      // protocol_fail(..., "Connect failed")), the whole Diagnostic-Code of its notice: only
      // as the whole text ("LDAP connect failed" is a receiving server's own system).
      String.raw`^(?:smtp; ?)?connect failed$`,
      String.raw`socket error`,
      String.raw`network (?:is )?(?:unreachable|error|down)`,
      String.raw`no route to host`,
      String.raw`host (?:is )?(?:unreachable|down|not responding)`,
      String.raw`timed out`,
      String.raw`time ?out`,
      String.raw`lost connection`,
      String.raw`no answer from`,
      String.raw`unable to (?:reach|route)`,
      String.raw`could not be routed`,
      String.raw`could not find a gateway`,
      // Momentum/SparkPost: "[internal] no MXs for this domain could be reached".
      String.raw`no mxs? for this domain could be reached`,
    ],
    traits: ['connection'],
    quote: 'connect to mx.example.jp[192.0.2.1]:25: Connection refused',
  },
  // OpenSMTPD's delivery agents when the message has already passed this host
  // (usr.sbin/smtpd/mta.c, mda.c, queue.c: "Loop detected").
  {
    id: 'networkerror/loop-detected',
    reason: 'networkerror',
    phrases: [
      String.raw`\bloop detected\b`,
      // EveryCloud's gateway reason list: "554 5.5.6 loop detection"
      // (support.everycloudtech.com, "Workspace reason codes").
      String.raw`\bloop detection\b`,
      // Exchange's transport when the destination's MX points back at itself ("554 5.4.4
      // SMTPSEND.DNS.MxLoopback; DNS records for the destination domain are configured in a
      // loop", learn.microsoft.com, NDR codes): a routing fault, not a domain that is missing
      // (5.4.4 alone would say hostunknown, hard).
      String.raw`smtpsend\.dns\.mxloopback`,
      String.raw`dns records for the destination domain are configured in a loop`,
      // Forwarding loops as servers word them ("Maximum forwarding loop count exceeded",
      // "message looping"): the route, not the address.
      String.raw`forwarding loop count exceeded`,
      String.raw`\bmessage looping\b`,
      // qmail-local's "This message is looping: it already has my Delivered-To line. (#5.4.6)"
      // (qmail-local.c) and vpopmail's vdelivermail, which writes the same finding with no
      // code ("mail is looping", vdelivermail.c): the message came back to the mailbox it passed.
      String.raw`\b(?:mail|message) is looping\b`,
    ],
    traits: ['dns'],
    quote: 'Loop detected',
  },
  // Exchange 2003's SMTP service when it found no DNS record to route by ("DNS records for the
  // destination computer could not be found") and relays' "unable to resolve route": the
  // route, not a name that does not exist.
  {
    id: 'networkerror/no-route-records',
    reason: 'networkerror',
    phrases: [String.raw`dns records for the destination computer could not be found`, String.raw`unable to resolve route`],
    traits: ['dns'],
    quote: '554 5.4.4 DNS records for the destination computer could not be found',
  },
  // Sendmail's words for a connection that failed, from its errno (contrib/sendmail/src/err.c,
  // sm_errstring): "Connection refused by <host>", "Connection reset by <host> during <phase>",
  // "... with <host> during <phase>", "Host <host> is down". Anchored to the whole text: a
  // server's own "Connection refused by policy" is a refusal, not a network failure. Within
  // a longer text, only after Sendmail's own "<address>... Deferred: ", the line its
  // transcript writes about the address ("someone@example.net... Deferred: Connection refused
  // by [192.0.2.1]", then "Message could not be delivered for 5 days"; recorded from Sendmail
  // 8.17.1.9): a server's reply comes after "Deferred: " with its code.
  {
    id: 'networkerror/sendmail-connection',
    reason: 'networkerror',
    phrases: [
      String.raw`^(?:(?:\S+\.\.\. )?deferred: )?connection refused by [a-z0-9.:\[\]-]+\.?$`,
      // (The rules see the address and its "..." as one token, ADDRESS_TOKEN.)
      String.raw`(?:<@>|\.\.\.) deferred: connection refused by [a-z0-9.:\[\]-]+\.?(?: |$)`,
      String.raw`^(?:(?:\S+\.\.\. )?deferred: )?connection (?:reset|timed out) (?:by|with) [a-z0-9.:\[\]-]+ during `,
      String.raw`^(?:(?:\S+\.\.\. )?deferred: )?host [a-z0-9.:\[\]-]+ is down\.?$`,
    ],
    traits: ['connection'],
    quote: 'Deferred: Connection refused by mx.example.net.',
  },
  // Exim: the remote host dropped the connection (src/src/transports/smtp.c, "Remote host
  // closed connection in response to %s"), or the routing led back to this host
  // (src/src/routers/rf_self_action.c).
  {
    id: 'networkerror/exim-connection',
    reason: 'networkerror',
    phrases: [String.raw`remote host closed connection in response to`],
    traits: ['connection'],
    quote: 'Remote host closed connection in response to end of data',
  },
  // OpenSMTPD's mta.c when no route to the destination's MXs is left to try ("Destination seem
  // to reject all mails", "Network error on destination MXs", "All routes to destination
  // blocked", "No valid route to destination"): temporary failures of the connections, so a
  // final report after them is the end of the retries (README rule 3), never a block list.
  {
    id: 'networkerror/opensmtpd-routes',
    reason: 'networkerror',
    phrases: [
      // Alone, or after the address as its notice writes each recipient's line (bounce.c:
      // "%s@%s: %s"); a delay notice's advice follows it in the same block.
      String.raw`^(?:<@>: )?destination seem to reject all mails\b`,
      String.raw`^(?:<@>: )?network error on destination mxs\b`,
      String.raw`^(?:<@>: )?all routes to destination blocked\b`,
      String.raw`^(?:<@>: )?no valid route to destination\b`,
    ],
    traits: ['connection'],
    quote: 'All routes to destination blocked',
  },
  // Courier's esmtp module when the server dropped the connection (courier/module.esmtp/
  // libesmtp.c: connect_error on ECONNRESET, "Network connection shut down by the remote
  // mail server"; connection_closed, "Connection unexpectedly closed by remote host."), soft
  // errors it retries until queuetime runs out. Its final notice says only "UNDELIVERABLE
  // MAIL" and Status 5.0.0 (recorded from Courier 1.0.16), so this line is all that tells the
  // end of the retries (README rule 3).
  {
    id: 'networkerror/courier-connection',
    reason: 'networkerror',
    phrases: [
      String.raw`network connection shut down by the remote mail server`,
      String.raw`connection unexpectedly closed by remote host`,
    ],
    traits: ['connection'],
    quote: 'Network connection shut down by the remote mail server',
  },
];
