// United Internet's mail systems (1&1/IONOS, GMX, WEB.DE, mail.com): the replies its postmaster
// pages explain (https://help.1and1.com/e-mail-and-office-c37589/1and1-postmaster-c85193/
// smtp-error-messages-for-the-1and1-mail-server-a793087.html, https://postmaster.web.de/error-messages)
// and the WEB.DE mailbox replies as a German ESP lists them
// (http://www.sitepackage.de/service/dokumentation/auswertung/typische-fehlermeldungen-bei-unzustellbarkeit.html).

import type { ReasonRule } from '../reasons.ts';

export const UNITED_INTERNET_RULES: readonly ReasonRule[] = [
  // "Due to a poor delivery rate (mail sent to too many e-mail addresses that do not exist), the
  // IP address of your e-mail server is currently blocked": the sending host, not the message.
  {
    id: 'blocked/united-internet-policy',
    reason: 'blocked',
    // The 450 form says the same ("the IP address of your server is currently blocked ...", or a
    // HELO that changes on every connection, as its error page explains it), read after the
    // report's "smtp;" as well as at the start of a line.
    phrases: [String.raw`(?:^|; ?)(?:\d{3} )?reject due to policy violations\.?(?: \(in reply to|$)`],
    quote: '421 Reject due to policy violations',
  },
  // WEB.DE writes its refusals in German and English: the mailbox is over its storage or its
  // message count.
  {
    id: 'mailboxfull/webde-storage',
    reason: 'mailboxfull',
    phrases: [
      String.raw`has exhausted allowed storage space`,
      String.raw`has too many messages on the server`,
      String.raw`speichervolumen (?:ue|ü)berschritten`,
      String.raw`zu ?viele mails auf dem server`,
    ],
    quote: '550 Benutzer hat das Speichervolumen ueberschritten. / User has exhausted allowed storage space.',
  },
  // WEB.DE's refusal of a local part it does not know, "550 Unknown local part <part> in
  // <address>" (sitepackage.de's list of German providers' replies, under "Empfänger ist
  // unbekannt"): only a lookup of the mailbox writes it, at whatever phase it is reported.
  {
    id: 'userunknown/webde-unknown-local-part',
    reason: 'userunknown',
    phrases: [String.raw`\bunknown local part \S+ in <@>`],
    hints: ['unknown local part'],
    traits: ['mailbox-lookup'],
    quote: '550 Unknown local part someone in <someone@web.de>',
  },
];
