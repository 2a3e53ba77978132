// How servers word the reason `policyviolation` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const POLICYVIOLATION_RULES: readonly ReasonRule[] = [
  {
    id: 'policyviolation/policy',
    reason: 'policyviolation',
    phrases: [
      String.raw`polic(?:y|ies) (?:violation|reasons?|restriction)`,
      String.raw`blocked because its content presents a potential`,
      String.raw`host network not allowed`,
      String.raw`header error`,
      String.raw`potential security issue`,
      String.raw`violat(?:es?|ion of|ing) (?:our |the |local |site )?(?:\w+ )?(?:polic|terms|acceptable)`,
      String.raw`(?:due to|by|because of) (?:local |our |site |security |organi[sz]ation(?:al)? |content )?polic`,
      String.raw`(?:local|site|organi[sz]ation(?:al)?) policy`,
      // "forbidden" as Rspamd's multimap refusals word it at NethServer ("554 5.7.1 Forbidden
      // attachment name extension", NethServer/dev issue 5811).
      String.raw`(?:prohibited|forbidden) (?:content|attachment|file)`,
      String.raw`not (?:allowed|permitted) by policy`,
      String.raw`message (?:was )?(?:rejected|refused) by (?:policy|the recipient's? policy)`,
      // MailChannels Inbound's "[IB_FEB] ... contained an attachment type that is not allowed".
      String.raw`attachment (?:type )?(?:that )?(?:is )?(?:not allowed|prohibited|blocked)`,
      // ASSP's "500 These attachments are not allowed -- Please compress (zip,tar..) them
      // before mailing." (a host's help page on ASSP's bounce messages, maxclicksonline.com).
      String.raw`\battachments are not allowed\b`,
      String.raw`file type`,
      // NetEase's "552 Illegal Attachment" (its published bounce codes, help.mail.163.com: an
      // attachment of a type it refuses, .scr, .pif, .vbs, ...).
      String.raw`illegal attachment`,
      // simscan's custom reply for an attachment type it refuses (simscan.c: "Your email was
      // rejected because it contains a bad attachment: %s").
      String.raw`rejected because it contains a bad attachment`,
      // Listed by Broadcom among recipient gateways' common refusals (knowledge.broadcom.com,
      // article 169925): "554 Rejected due to banned content" (amavis' BANNED: a file type).
      String.raw`rejected due to banned content`,
      // MailScanner's content report to the sender ("Potentially dangerous email rejected":
      // "This message contained potentially dangerous content which has been removed.", an
      // HTML object or iframe the site does not allow; github:MailScanner/v5
      // common/usr/share/MailScanner/reports/en/sender.content.report.txt).
      String.raw`\bcontained potentially dangerous content\b`,
      // A message "in breach of" a policy: Amazon WorkMail's Administrator Guide gives a Run
      // Lambda rule's BOUNCE action the bounce message "Email in breach of company policy."
      // (github.com/awsdocs/amazon-workmail-administration-guide, doc_source/lambda.md).
      String.raw`\bin breach of (?:\w+ ){0,2}polic`,
    ],
    quote: '550 5.7.1 Message rejected due to local policy',
  },
];
