// How servers word the reason `toomanyconn` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const TOOMANYCONN_RULES: readonly ReasonRule[] = [
  // Sisimai files RFC 3463's X.5.3 "Too many recipients" under toomanyconn: the sender's
  // session asked for more than the server allows, like too many connections.
  {
    id: 'toomanyconn/recipients',
    reason: 'toomanyconn',
    phrases: [
      String.raw`too many recipients`,
      String.raw`exceeded the (?:maximum )?number of recipients`,
      String.raw`recipient limit`,
      // chkuser (chkuser_settings.h, CHKUSER_MAXRCPT_STRING): "reached maximum number of
      // recipients for one session" / "allowed in one session".
      String.raw`reached (?:the )?maximum number of recipients`,
      // NetEase's "550 Requested mail action not taken: too much recipient" (its published
      // bounce codes, help.mail.163.com: a message to more recipients than it allows).
      String.raw`too much recipients?\b`,
      // GNU Mailman 3's refusal of a post to more addresses than the list allows
      // (src/mailman/rules/max_recipients.py: "Message has more than {} recipients").
      String.raw`message has more than \d{1,6} recipients`,
    ],
    quote: '452 4.5.3 Too many recipients',
  },
  {
    id: 'toomanyconn/connections',
    reason: 'toomanyconn',
    phrases: [
      String.raw`too many (?:connections|concurrent|simultaneous|sessions|smtp sessions)`,
      String.raw`connection frequency limited`,
      // A server's cap on the work it does for one client host ("451-The server has reached
      // its limit for processing requests from your host. 451 Please try again later.", as an
      // MDaemon session log quotes it, pastebin.com/jA77NHFE).
      String.raw`reached its limit for processing requests from your host`,
      // Orange's and other French servers' "Trop de connexions" (too many connections).
      String.raw`trop de connexions`,
      String.raw`connection (?:count |rate )?limit`,
      String.raw`exceeded (?:the )?(?:maximum )?(?:number of )?connections`,
      String.raw`too many hosts`,
      // Exchange Online's front door: "421 4.3.2 The maximum number of concurrent connections
      // per resource forest has exceeded a limit, closing transmission channel" (smtp.codes/421).
      // Exchange Server's receive connector says "server connections" for its own cap on all
      // clients ("421 4.3.2 The maximum number of concurrent server connections has exceeded a
      // limit, closing transmission channel", SmtpResponse.TooManyConnections).
      String.raw`maximum number of (?:concurrent|simultaneous) (?:server )?connections`,
      // A receiver's refusal of a host connecting too often, as SendGrid's table of the replies
      // its senders meet quotes it ("450 too frequent connects from <ip>, please try again
      // later.", its "SMTP Errors and Troubleshooting" page).
      String.raw`too frequent connects from\b`,
      // Ghent University's (Belgium) relay: "421 4.5.1. Connection Rate - See
      // https://helpdesk.ugent.be/email/", its help page: "U maakte teveel connecties binnen de
      // laatste 10 minuten" (too many connections in the last ten minutes; helpdesk.ugent.be/
      // email/faq.php). The connection rate named alone, before its link, is the limit (mox's
      // "connection rate from your ip or network too high, slow down please" is the sender's
      // speed, read by speeding).
      String.raw`\bconnection rate - `,
    ],
    quote: '421 4.7.0 Too many concurrent SMTP connections from this IP address',
  },
  // The sender put more messages in one SMTP session than the server takes: J:COM's reply
  // (https://note.com/sendmagic/n/n59a9f610bc0e), Yahoo's (https://smtp.codes/yahoo).
  {
    id: 'toomanyconn/messages-per-session',
    reason: 'toomanyconn',
    phrases: [
      String.raw`too many messages (?:for|in|per) (?:this|one|a) (?:session|connection)`,
      String.raw`max(?:imum)? messages? per connection reached`,
      // OpenSMTPD's smtp_session.c past its messages per session ("452 ... MAIL: Too many
      // messages sent").
      String.raw`too many messages sent`,
    ],
    quote: '421 #4.x.2 Too many messages for this session',
  },
];
