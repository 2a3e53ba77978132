// hMailServer's refusals at RCPT TO (hmailserver/hmailserver,
// hmailserver/source/Server/SMTP/RecipientParser.cpp: the texts it sends with 550 when a
// recipient cannot be delivered to) and the errors its own notice names
// (hmailserver/source/Server/SMTP/ExternalDelivery.cpp, SMTPClientConnection.cpp). Known by hMailServer's own wording.

import type { ReasonRule } from '../reasons.ts';

export const HMAILSERVER_RULES: readonly ReasonRule[] = [
  // The recipient's whole domain switched off by its administrator ("550 Domain has been
  // disabled."): every account in it is kept, none takes mail for now.
  {
    id: 'suspend/hmailserver-domain-disabled',
    reason: 'suspend',
    phrases: [String.raw`(?:^|\d{3} )domain has been disabled\.`],
    hints: ['domain has been disabled'],
    quote: '550 Domain has been disabled.',
  },
  // A distribution list that only its members, or one domain, may write to ("550 Not
  // authorized sender.", "550 Not authorized domain."): the sender is refused.
  {
    id: 'rejected/hmailserver-list-sender',
    reason: 'rejected',
    phrases: [String.raw`(?:^|\d{3} )not authorized (?:sender|domain)\.`],
    hints: ['not authorized'],
    traits: ['sender'],
    quote: '550 Not authorized sender.',
  },
  // ExternalDelivery.cpp (4d11f81), when the DNS query for the recipient's domain worked and
  // named no mail server: "Error Description: No mail servers appear to exists for the
  // recipient's address." (sic). The domain receives no mail: an unknown host.
  {
    id: 'hostunknown/hmailserver-no-mail-servers',
    reason: 'hostunknown',
    phrases: [String.raw`\bno mail servers appear to exists? for the recipient'?s address\b`],
    hints: ['no mail servers appear'],
    quote: "Error Description: No mail servers appear to exists for the recipient's address.",
  },
  // ExternalDelivery.cpp, when the DNS query itself failed: "Error Description: Unable to find
  // the recipient's email server. The DNS query has failed." The name could not be looked up
  // now, nothing is known of the domain (README rule 4): never hard.
  {
    id: 'networkerror/hmailserver-dns-query-failed',
    reason: 'networkerror',
    phrases: [String.raw`\bunable to find the recipient'?s email server\. the dns query has failed\b`],
    hints: ['dns query has failed'],
    traits: ['temporary-dns', 'dns'],
    quote: "Error Description: Unable to find the recipient's email server. The DNS query has failed.",
  },
  // SMTPClientConnection.cpp: the remote server dropped the connection ("Remote server closed
  // connection."), written as the server's reply under the command hMailServer last sent. A
  // broken connection, not a refusal of that command: expired once the retries ran out
  // ("Tried <n> time(s)", README rule 3).
  {
    id: 'networkerror/hmailserver-connection-closed',
    reason: 'networkerror',
    phrases: [String.raw`\bremote server replied: remote server closed connection\.`],
    hints: ['remote server closed connection'],
    traits: ['connection'],
    quote: 'Remote server replied: Remote server closed connection.',
  },
];
