// How servers word the reason `authfailure` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const AUTHFAILURE_RULES: readonly ReasonRule[] = [
  {
    id: 'authfailure/dmarc-spf-dkim',
    reason: 'authfailure',
    phrases: [
      String.raw`dmarc`,
      // SPF named with its failure, not in advice ("set up SPF records for your domain").
      String.raw`\bspf\b.{0,40}(?:fail|did not pass|not pass|permerror|temperror|validation|verification|check|reject|invalid|hard ?fail)`,
      String.raw`(?:fail\w*|did not pass|not pass)\W{1,3}(?:the )?spf\b`,
      // A filter naming SPF as what refused the message ("550 5.1.0 <session> blocked by SPF",
      // a qmail host's help page, support.forpsi.com/kb/a3302).
      String.raw`\b(?:blocked|rejected|refused) (?:by|due to) (?:the )?spf\b`,
      // RFC 7208's own words: the host is not authorised to send for the domain (by its SPF record).
      String.raw`(?:not (?:allowed|authori[sz]ed|permitted|designated)|unauthori[sz]ed)\b.{0,80}\bspf\b`,
      // RFC 7208's permerror written out: Haraka's SPF plugin (haraka-plugin-spf, index.js
      // return_results: "sender <address> SPF Permanent Error"), the sender domain's record is broken.
      String.raw`\bspf permanent error\b`,
      String.raw`sender policy framework`,
      // United Internet (1&1, GMX, WEB.DE): "550 <x>: Reject due to SPF policy. The originating
      // IP of the message is not permitted by the domain owner" (https://smtp.codes/unitedinternet/).
      // MailChannels Inbound: "550 5.7.1 Email has been rejected due to the domain's SPF policy"
      // (docs.mailchannels.com/inbound/smtp-errors).
      String.raw`\breject(?:ed)? due to (?:the )?(?:domain'?s )?spf policy`,
      // MailChannels' "550 5.7.1 [BFD] Sender prohibited by SPF" (its Email API sending policies).
      String.raw`\bprohibited by (?:the )?spf\b`,
      // Vade's "550 5.7.1 Message rejected per sender's SPF policy - OXSUS001_514", as a
      // Proofpoint Essentials user met it (404andmore.com, "Proofpoint Essentials: Fixing the
      // 550 5.7.1 SPF Rejected Error"; the OXSUS code is Vade's, see providers/vade.ts).
      String.raw`\brejected per (?:the )?sender'?s spf policy`,
      // The bracketed "[SPF]" before the refusal: "550 5.7.0 [SPF] host (...) is not allowed to
      // send mail from domain" (Interia, pomoc.poczta.interia.pl), "[SPF] 1.2.3.4 is not allowed
      // to send mail from <domain>." (C4, a Czech host, faq.c4.cz "Odeslaný e-mail se vrací zpět
      // s chybou": the domain's SPF record does not list the sending server).
      String.raw`\[spf\][^\n]{0,80}\bnot allowed to send mail from\b`,
      // The "SPF:" tag of an Exim SPF ACL as admins' Exim logs quote it: "rejected RCPT <x>: SPF:
      // 192.0.2.9 is not allowed to send mail from example.org: Please see
      // http://www.open-spf.org/Why : Reason: mechanism".
      String.raw`\bspf: \S+ is not allowed to send mail from\b`,
      // Cisco Secure Email (IronPort) AsyncOS's default SPF reject text (AsyncOS for Email
      // Advanced Configuration Guide, "Email Authentication": "550 #5.7.1 SPF unauthorized mail
      // is prohibited.").
      String.raw`\bspf unauthori[sz]ed mail is prohibited`,
      // GoDaddy's IB508 "Invalid SPF record. Please inspect your SPF settings".
      String.raw`invalid spf record`,
      String.raw`no spf record`,
      // pypolicyd-spf's and postfix-policyd-spf-perl's explanation link: ".../Why?s=mfrom;id=...".
      String.raw`\bwhy\?s=(?:mfrom|helo);`,
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
    quote: '550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass)',
  },
];
