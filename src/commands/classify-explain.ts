// `rebound classify --explain FILE`: the result in plain words for an admin, with the decision
// trail (which field, which rule and its quote, which decision rule of src/core/rules/README.md
// decided each recipient). Text for a terminal; the texts shown come from a stranger's message,
// so control characters are removed before printing.

import type { Classification, Reason, RecipientResult } from '../core/types.ts';
import { builtInRules } from '../core/rules/compile.ts';
import { REASON_RULES } from '../core/rules/reasons.ts';
import { REPLY_CODE_RULES } from '../core/rules/reply-codes.ts';
import { describeStatus } from '../core/status-codes.ts';

/** What each reason means, in an admin's words. */
export const REASON_WORDS: Readonly<Record<Reason, string>> = {
  userunknown: 'the mailbox does not exist',
  hostunknown: 'the domain does not exist',
  hasmoved: 'the mailbox has moved and leaves no forwarding address',
  notaccept: 'the domain or its server accepts no mail',
  mailboxfull: 'the mailbox is full',
  expired: 'the sending server gave up after its retry period (or is still retrying)',
  filtered: "a filter on the recipient's side refused the message",
  rejected: 'the sender (the envelope From) was refused',
  blocked: 'the sending server (its IP address or name) is blocked',
  authfailure: 'SPF, DKIM or DMARC checks failed',
  networkerror: 'a network or DNS problem on the way',
  suspend: 'the mailbox is disabled or suspended',
  policyviolation: "the message broke the receiving site's policy",
  requireptr: 'the sending IP address has no proper reverse DNS',
  spamdetected: 'the message was taken for spam',
  systemerror: 'the receiving system had an error',
  securityerror: 'a security or authentication requirement was not met',
  mailererror: 'a local delivery program failed',
  onhold: 'the server gave a reason no rule recognises; read the text',
  norelaying: 'the server refused to relay the message',
  notcompliantrfc: 'the message does not follow the mail standards',
  toomanyconn: 'too many connections or recipients at once',
  exceedlimit: 'the message exceeds a limit of that mailbox',
  mesgtoobig: 'the message is too big',
  badreputation: 'the sender has a poor reputation there',
  contenterror: 'the content or its encoding was refused',
  virusdetected: 'a virus was found in the message',
  syntaxerror: 'an SMTP command was not understood',
  speeding: 'mail arrived too fast (rate limit)',
  undefined: 'the report says nothing about why',
  failedstarttls: 'an encrypted connection (STARTTLS) was required or failed',
  systemfull: "the receiving system's storage is full",
  suppressed: 'the address is on a suppression list',
  feedback: 'a recipient complained (feedback report)',
  vacation: 'an automatic reply (out of office)',
  delivered: 'the message was delivered',
};

const KIND_WORDS: Record<Classification['kind'], string> = {
  bounce: 'a bounce: delivery failed',
  delay: 'a delay warning: delivery is still being tried',
  autoreply: 'an automatic reply, not a bounce',
  complaint: 'a complaint (feedback report)',
  'not-bounce': 'not a bounce',
};

/** Removes terminal control characters and bounds the length of a stranger's text. */
function clean(text: string, max = 300): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max) + '...' : flat;
}

function verdict(r: RecipientResult): string {
  const words = `${REASON_WORDS[r.reason] ?? r.reason} (${r.reason})`;
  if (r.bounceType === 'hard') return `HARD bounce: ${words}. The address is dead: stop mailing it.`;
  if (r.bounceType === 'soft') return `soft bounce: ${words}. The address may work later: do not suppress it for this.`;
  if (r.action === 'delayed') return `delayed: ${words}. Nothing to do yet.`;
  return `${words}.`;
}

/** One decision-trail entry in plain words. */
export function explainStep(step: string): string {
  const rest = (prefix: string) => step.slice(prefix.length);
  const ruleMatch = /^rule:(\S+)( \(notice\))?$/.exec(step);
  if (ruleMatch) {
    const rule = builtInRules().find((r) => r.id === ruleMatch[1]);
    const where = ruleMatch[2] ? "the notice's text" : "the server's words";
    const source = rule ? REASON_QUOTES.get(rule.id) : undefined;
    return `${where} match rule ${ruleMatch[1]} (${rule?.reason ?? '?'})${source ? `, written for: "${clean(source, 160)}"` : ''}`;
  }
  if (step.startsWith('dsn:Status ')) return `the report's Status field says ${rest('dsn:Status ')}`;
  if (step.startsWith('dsn:Diagnostic-Code ')) return `the server's own reply gives the more precise code ${rest('dsn:Diagnostic-Code ')}`;
  if (step === 'dsn:success-reply-ignored')
    return "the report's Diagnostic-Code is a success reply (the answer to QUIT), not this failure: the notice's text decides";
  if (step.startsWith('dsn:Action ')) return `the report's Action is ${rest('dsn:Action ')}`;
  if (step.startsWith('text:status ')) return `the notice's text gives the status code ${rest('text:status ')}`;
  if (step === 'prose:recipient') return "the address was read from the notice's text";
  if (step.startsWith('status-code:') && !step.includes(':', 'status-code:'.length)) {
    const code = rest('status-code:');
    return `the status code ${code} settles the reason by itself (${describeStatus(code).meaning || 'registered code'})`;
  }
  if (step.startsWith('status-class:')) {
    const code = rest('status-class:');
    return `no words decided: the class of ${code} decides (${describeStatus(code).subject || 'unknown subject'}; decision rule 7)`;
  }
  if (step.startsWith('reply-code:')) {
    const code = rest('reply-code:').slice(0, 3);
    const meaning = REPLY_CODE_RULES.find((r) => r.code === code)?.meaning ?? '';
    return `no words or status decided: the reply ${rest('reply-code:')} decides (${meaning}; decision rule 7)`;
  }
  if (step === 'smtp-command:none')
    return 'no SMTP command named: an unknown-user wording that is not a mailbox lookup is taken as a filter (decision rule 6)';
  if (/^smtp-command:\w+$/.test(step)) return `the error answered ${rest('smtp-command:')}, which narrows the reason (decision rule 6)`;
  if (step.endsWith(':rejected'))
    return `the refusal is about the sender (${step.slice(0, -':rejected'.length)}), so no recipient reason applies (decision rule 5)`;
  if (step.endsWith(':networkerror'))
    return `a temporary DNS failure is never an unknown host (${step.slice(0, -':networkerror'.length)}; decision rule 4)`;
  if (step.startsWith('named-cause:'))
    return `the server also named the cause (${rest('named-cause:')}): it keeps its reason after the retry period (decision rule 3)`;
  if (step.startsWith('weak-rule:temporary '))
    return `the words say only "refused" and the code ${rest('weak-rule:temporary ')} is temporary: the codes decide, never hard (decision rule 2)`;
  if (step.startsWith('gave-up:expired'))
    return `the server gave up after its retry period ${step.slice('gave-up:expired'.length).trim()} (decision rule 3)`;
  if (step === 'autoreply:challenge')
    return 'a challenge-response system holds the message until its sender confirms that a person sent it (onhold): answer its request';
  if (step === 'refusal:never-dead')
    return "a list's, a help desk's or a mailbox filter's refusal never makes an address dead: soft, whatever a quoted reply says";
  if (step.startsWith('refusal:'))
    return `a list's or a help desk's refusal names no address of its own: the address is taken from ${rest('refusal:')}`;
  if (step === 'mdn:Final-Recipient')
    return 'a mailbox filter\'s rejection (an MDN saying "deleted"): the address is the one the returned message was written to';
  if (step === 'pec:envelope') return 'an Italian certified-mail envelope: the message it carries was read';
  if (step.startsWith('pec:daticert'))
    return `an Italian certified-mail notice: the address comes from its certification data (${rest('pec:daticert').trim()})`;
  if (step.startsWith('pec:')) return `an Italian certified-mail notice of non-delivery (X-Ricevuta: ${rest('pec:')})`;
  if (step === 'default:onhold') return 'nothing known decides: the server wrote words no rule recognises (onhold; decision rule 7)';
  if (step === 'default:undefined') return 'nothing decides and the server gave no words (undefined)';
  if (step === 'header:X-Failed-Recipients') return 'the address comes from the X-Failed-Recipients header';
  if (step === 'verp') return 'the address comes from the VERP bounce address';
  if (step === 'forwarded-bounce') return 'this bounce was found forwarded inside the message';
  if (step === 'parser:mailparser' || step.startsWith('full-parse:')) return `read again by the full MIME parser (${step})`;
  return step;
}

/** The quote of each rule, for the trail ("written for: ..."). */
const REASON_QUOTES = new Map(REASON_RULES.map((r) => [r.id, r.quote]));

/** The whole explanation of one classified file. */
export function explain(file: string, c: Classification): string {
  const out: string[] = [`${clean(file)}: ${KIND_WORDS[c.kind]}`];
  if (c.error) out.push(`  could not be read: ${clean(c.error)}`);
  if (c.original.messageId || c.original.subject) {
    out.push(
      `  about the message ${c.original.messageId ? `<${clean(c.original.messageId, 200)}>` : ''}${c.original.subject ? ` "${clean(c.original.subject, 120)}"` : ''}`,
    );
  }
  for (const r of c.recipients) {
    out.push(`  ${clean(r.address, 200) || '(no address found)'}: ${verdict(r)}`);
    if (r.enhancedCode) out.push(`    status ${r.enhancedCode}: ${describeStatus(r.enhancedCode).meaning || 'not a registered code'}`);
    if (r.replyCode) out.push(`    reply code ${r.replyCode}`);
    if (r.remoteMta) out.push(`    remote server ${clean(r.remoteMta, 200)}`);
    if (r.diagnostic) out.push(`    the server said: "${clean(r.diagnostic)}"`);
    out.push('    how this was decided:');
    r.decidedBy.forEach((step, i) => out.push(`      ${i + 1}. ${explainStep(step)}`));
  }
  return out.join('\n') + '\n';
}
