// How servers word the reason `suspend` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const SUSPEND_RULES: readonly ReasonRule[] = [
  {
    id: 'suspend/disabled',
    reason: 'suspend',
    // "administratively": Infomaniak's help page (infomaniak.com/en/support/faq/858) quotes "550
    // 5.1.1 <address> recipient rejected, account administratively disabled" as a recipient
    // suspended by their provider, the words over the 5.1.1 code.
    phrases: [
      // Also an alias its owner switched off at a forwarding service, which the owner can
      // switch on again: never hard (README rule 8). Forward Email's "550 Mailbox is disabled"
      // for an alias written "!!!name" and "421 Mailbox is disabled, try again later" for
      // "!!name" (github.com/forwardemail/forwardemail.net, helpers/get-recipients.js and
      // helpers/get-forwarding-addresses.js), SimpleLogin's "550 SL E504 Account disabled" and
      // "550 SL E518 Disabled mailbox" (github.com/simple-login/app, app/email/status.py).
      String.raw`(?:account|mailbox|address|user|recipient)(?: has been| is| was)? (?:temporarily |currently |now |administratively )?(?:disabled|suspended|deactivated|inactive|frozen|locked|blocked due to inactivity|not active|expired)`,
      String.raw`(?:disabled|suspended|inactive|deactivated|expired) (?:account|mailbox|user|recipient)`,
      String.raw`account (?:has been )?(?:closed|terminated)`,
      String.raw`mailbox (?:is )?not (?:enabled|active)`,
      String.raw`(?:temporary|temporarily) locked`,
      String.raw`this account has been temporarily`,
      String.raw`(?:account|mailbox) (?:is |has been )?(?:blocked|bloqu)`,
      String.raw`account that you tried to reach is disabled`,
      String.raw`mailbox unavailable or inactive`,
      // Korean portals' "550 5.1.1 Inactive mbox" for a mailbox whose use was stopped
      // (puffinknight.tistory.com/102: "받는사람이 사용중지된 경우", the recipient suspended).
      String.raw`\binactive mbox\b`,
      // The address between the noun and the verdict, "User <address> is disabled" (a Chinese
      // host's list of bounce keywords, fobhost.com/jishuzhichi/jishuzhichi59.html: the account
      // disabled, frozen or deleted).
      String.raw`\buser <@> (?:is|has been) (?:disabled|suspended|frozen)\b`,
      // 21CN's reply for an account disabled (its service expired unpaid, or barred for abuse),
      // "550 is now disabled with SMTP service", as a Chinese ISP's help page quotes it
      // (help.szhot.com/text_show.php?id=170: "此用户被禁用或者不可以使用").
      String.raw`\bis now disabled with smtp service\b`,
      // A mailbox closed for lack of use comes back when its owner signs in again.
      String.raw`(?:unavailable|disabled|blocked|suspended|locked|closed) (?:due to|because of|for) (?:long )?inactivity`,
      // Mail.ru's "Local mailbox ... is unavailable: user is terminated" (help.mail.ru).
      String.raw`unavailable: user is terminated`,
      String.raw`user (?:is|has been) terminated`,
      String.raw`(?:account|mailbox) (?:is )?no longer active`,
      // au (KDDI)'s notice for an account whose service is limited, as for one that is
      // disabled, "The user(s) account is temporarily limited." (the account's state, often an
      // unpaid line, per au's help pages): it can come back.
      String.raw`user\(s\) account is temporarily limited`,
      // "Recipient rejected: Temporarily inactive", "User or domain is disabled".
      String.raw`recipient rejected: temporarily inactive`,
      String.raw`user or domain is disabled`,
      // La Poste's and Orange's mailbox put in the archive after long disuse ("Boite du
      // destinataire archivee. Archived recipient."): it can be brought back.
      String.raw`bo[iî]te du destinataire archiv[ée]e`,
      String.raw`\barchived recipient\b`,
    ],
    quote: '550 5.2.1 The email account that you tried to reach is disabled',
  },
];
