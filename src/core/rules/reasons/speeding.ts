// How servers word the reason `speeding` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const SPEEDING_RULES: readonly ReasonRule[] = [
  {
    id: 'speeding/rate',
    reason: 'speeding',
    phrases: [
      String.raw`rate ?limit`,
      String.raw`please try again slower`,
      // Courier's ratefilter (courier/filters/ratefilter.C): the sender passed its number of
      // messages or recipients in the interval; and its "$who is sending too much mail, slow
      // down." (courier/filters/perlfilter/perlfilter-ratelimit.pl).
      String.raw`number of messages exceeded administrative limit`,
      String.raw`is sending too much mail, slow down`,
      String.raw`(?:too many|excessive) (?:messages|mails|emails|recipients|requests) (?:in|per|from|have been)`,
      String.raw`sending (?:too )?(?:fast|quickly)`,
      String.raw`throttl`,
      String.raw`slow down`,
      // Korean portals' "421 4.3.1 You send too many messages." (puffinknight.tistory.com/102):
      // the sender's pace; the 4.3.1 code ("mail system full") does not say the server is full.
      String.raw`\byou send too many messages\b`,
      // The same lists' "Since you sent too many e-mails, you are not allowed to send more
      // e-mails within 24 hours": a day's pause for the sender, not the recipient's refusal.
      String.raw`\byou sent too many e-?mails\b`,
      String.raw`receiving mail at a rate`,
      // Rackspace Email: "450 4.2.1 <x>: Mailbox received too much email in a short period of
      // time (G30)" (Rackspace's postmaster codes as smtp.codes/rackspace lists them).
      String.raw`received too much e-?mail in a short period`,
      // Apple's "iCloud: Mailbox size and message sending limits" (HT4863): "550 5.7.1
      // <address>: You have exceeded your daily sending limit. Please try again later."
      String.raw`exceeded (?:the|your) (?:(?:daily |hourly )?sending|message|hourly|daily) (?:rate|limit|quota)`,
      String.raw`(?:sending|send|message|hourly|daily) (?:rate )?limit (?:exceeded|reached)`,
      // An Italian host's relay (netfabric's help page "Problemi invio posta"): "MAX RCPT TO
      // DAILY LIMIT", the day's sends of the plan used up until midnight.
      String.raw`\bmax rcpt to daily limit\b`,
      // Iridis mailRelay's "HST-RTE: Hourly send rate exceeded, retry later." (its published
      // response codes, portal.iridis.uk knowledge base 254).
      String.raw`\bsend(?:ing)? rate exceeded`,
      // Exchange's message rate limit for a client, as Mailprotector's "Common Email
      // Bouncebacks" quotes it: "421 4.4.2 Message submission rate for this client has exceeded
      // the configured limit". The sender's pace; the 4.4.x code does not make it the network.
      String.raw`\bmessage submission rate for this client has exceeded\b`,
      String.raw`(?:sending|send|recipients?|outbound|hourly|daily|submission|message) quota (?:exceeded|reached)`,
      // A limit of messages per unit of time: Emailit's SMTP relay, "452 4.4.5 Messages per
      // second limit exceeded" at MAIL FROM (emailit.com/docs/smtp/troubleshooting, "Rate limit
      // errors"). The sender's pace; its X.4.5 (congestion) does not make it the connections.
      String.raw`\b(?:messages|mails|emails|recipients) per (?:second|minute|hour|day) limit (?:exceeded|reached)`,
    ],
    quote: '450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages',
  },
];
