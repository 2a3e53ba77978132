// Decides one recipient's reason from what the report says about it. The decision rules are
// written down in rules/README.md; each step below names the rule it implements, and every
// step that decides or changes the reason adds an entry to the decision trail (decidedBy).

import type { Reason } from './types.ts';
import { builtInRulesWithout, matchReason, matchTrait, type CompiledRule } from './rules/compile.ts';
import { reasonForReplyCode } from './rules/reply-codes.ts';
import { POWERMTA_BOUNCE_CATEGORIES } from './rules/providers/powermta.ts';
import { fallbackReasonForStatus, isDecisiveStatus, reasonForStatus } from './status-codes.ts';
import { smtpCommandIn, type SmtpPhase } from './smtp-command.ts';
import { HARD_REASONS, RECIPIENT_REASONS } from './hardness.ts';

export interface ReasonInput {
  status: string;
  replyCode: string;
  /** The server's own words about this recipient (Diagnostic-Code, or the notice's block). */
  diagnostic: string;
  /** The text around the diagnostic (the recipient's block or the whole notice). */
  context: string;
  /** The whole human-readable notice, when the context is narrower. */
  notice?: string;
  /** RFC 3464 Action: failed (final), delayed (still being tried), delivered ... */
  action: string;
  decidedBy: string[];
  /** The sending MTA's own category of the failure (PowerMTA's X-PowerMTA-BounceCategory), if any. */
  mtaCategory?: string;
}

/** Reasons that say only "refused": the SMTP phase or a code class can say more. */
const VAGUE_REFUSALS = new Set<Reason>(['rejected', 'undefined', 'onhold', 'systemerror', 'securityerror']);
/**
 * Codes of the sender's address (RFC 3463 X.1.7, X.1.8). Not X.7.27 (RFC 7505's "sender
 * has a null MX"): Sendmail sends it with "Host does not accept mail" for a recipient domain
 * with a null MX, so that code alone does not say whose address it is.
 */
const SENDER_STATUS = /^[45]\.1\.[78]$/;
/** A code of the addressing class that settles an unknown mailbox whatever the phase. */
const ADDRESSING_STATUS = /^[45]\.1\.(?:[0135]|\d{3})$/;

/** Decides a recipient's reason; never throws. */
export function decideReason(input: ReasonInput): Reason {
  const { status, diagnostic, context, action, decidedBy } = input;
  // Rule 1: a success is `delivered`, whatever else the text says.
  if (action === 'delivered' || action === 'relayed' || action === 'expanded' || status.startsWith('2.')) {
    decidedBy.push(`dsn:Action ${action || 'delivered'}`);
    return 'delivered';
  }
  const command = smtpCommandIn(diagnostic) || smtpCommandIn(context);
  const said = firstSay(input);
  const rule = said?.rule;
  let reason = said?.reason ?? fallback(input, command);

  // Rule 2's limit: words that say only "refused" do not make a temporary refusal hard.
  reason = weakUnderTemporaryCode(reason, input, command, rule);

  // Rule 4: a temporary DNS failure is never an unknown host.
  reason = temporaryDns(reason, input);
  // Rule 3: a final failure after the retry period is `expired`.
  reason = afterRetryPeriod(reason, input, rule);
  // Words that name the receiving side's own failure (a block list's error answer passed on as
  // a listing) keep their reason: the sender's words around them and the phase say no more.
  if (rule?.traits.includes('receiver') && reason === said?.reason) return reason;
  // Rule 5: a refusal of the sender never gives a recipient reason.
  reason = senderSide(reason, input, command);
  // Rule 6: the SMTP command the error followed narrows the reason.
  reason = narrowByCommand(reason, command, input, rule);
  // "Access denied" with a security-class code (X.7.x) is the security refusal the code names.
  if (
    reason !== 'securityerror' &&
    rule?.traits.includes('weak') &&
    /^[45]\.7\./.test(status) &&
    !reasonForStatus(status) &&
    command !== 'MAIL'
  ) {
    decidedBy.push(`status-class:${status}`);
    reason = 'securityerror';
  }
  return reason;
}

/**
 * Rule 2: what the server said. A precise code that overrules words (X.1.6, X.2.3, the
 * X.7.2x authentication codes) first; then the text rules on the server's diagnostic; then
 * what the code settles by itself; then the text rules on the whole notice.
 */
function firstSay(input: ReasonInput): { reason: Reason; rule?: CompiledRule } | undefined {
  const { status, diagnostic, context, decidedBy } = input;
  const byStatus = status ? reasonForStatus(status) : undefined;
  const byText = diagnostic ? matchReason(diagnostic) : undefined;
  // A rule about the sender ("Sender address rejected: SPF ...") names no other cause than the code's.
  const wordsNameACause = Boolean(byText && !byText.traits.includes('weak') && !byText.traits.includes('sender'));
  if (byStatus && isDecisiveStatus(status, wordsNameACause)) {
    decidedBy.push(`status-code:${status}`);
    return { reason: byStatus, rule: byText?.reason === byStatus ? byText : undefined };
  }
  if (byText) {
    decidedBy.push(`rule:${byText.id}`);
    return namedCauseUnderExpiry(input, byText) ?? { reason: byText.reason, rule: byText };
  }
  if (byStatus) {
    decidedBy.push(`status-code:${status}`);
    return { reason: byStatus };
  }
  const byContext = context && context !== diagnostic ? matchReason(context) : undefined;
  if (byContext) {
    decidedBy.push(`rule:${byContext.id} (notice)`);
    return { reason: byContext.reason, rule: byContext };
  }
  return undefined;
}

/**
 * Causes that say what is wrong with the recipient's address or mailbox: when a server names
 * one and the MTA then says its retry period ran out ("550 5.1.1 user unknown; retry timeout
 * exceeded"), the named cause is why the message failed and keeps its reason (rule 3). A
 * temporary cause (a DNS lookup that did not complete, a refused connection, a busy server)
 * under the same words stays `expired`: the period ran out while waiting for it to pass.
 */
const CAUSES_KEPT_AFTER_EXPIRY = new Set<Reason>(['userunknown', 'hasmoved', 'notaccept', 'mailboxfull', 'suspend', 'exceedlimit']);

/**
 * Rule 3, first half: the words that matched first say the retry period ran out; a rule
 * without the expiry trait, or the status code, may still name the cause the retries could
 * not wait out. Returns that cause, or undefined when there is none to keep.
 */
function namedCauseUnderExpiry(input: ReasonInput, expiry: CompiledRule): { reason: Reason; rule?: CompiledRule } | undefined {
  if (!expiry.traits.includes('expiry')) return undefined;
  const cause = matchReason(input.diagnostic, builtInRulesWithout('expiry'));
  if (cause && CAUSES_KEPT_AFTER_EXPIRY.has(cause.reason) && !cause.traits.includes('weak')) {
    input.decidedBy.push(`named-cause:${cause.id}`);
    return { reason: cause.reason, rule: cause };
  }
  // A rule that reads the words as a check that found nothing (Postfix's "unverified
  // address", whose 4.1.1 is the check's fixed code): the status code names no cause either.
  if (cause?.reason === 'onhold') return undefined;
  const byStatus = input.status ? reasonForStatus(input.status) : undefined;
  if (byStatus && CAUSES_KEPT_AFTER_EXPIRY.has(byStatus)) {
    input.decidedBy.push(`named-cause:status ${input.status}`);
    return { reason: byStatus };
  }
  return undefined;
}

/**
 * Rule 7: when no words and no precise code say why. A delay is `expired` (still being
 * tried); then the code's class and subject (RFC 3463); then the reply code (RFC 5321
 * section 4.2), read with the command it answered; then the command alone. `onhold` only
 * when all of these are silent and the server did write words a person can read;
 * `undefined` when there are none.
 */
function fallback(input: ReasonInput, command: SmtpPhase): Reason {
  const { status, replyCode, action, decidedBy } = input;
  if (action === 'delayed') {
    decidedBy.push('dsn:Action delayed');
    return 'expired';
  }
  const byClass = fallbackReasonForStatus(status, command);
  if (byClass) {
    decidedBy.push(`status-class:${status}`);
    return byClass;
  }
  const byReply = reasonForReplyCode(replyCode, command);
  if (byReply) {
    decidedBy.push(`reply-code:${replyCode}${command ? ` after ${command}` : ''}`);
    return byReply;
  }
  if (command === 'CONN' || command === 'EHLO' || command === 'HELO') {
    decidedBy.push(`smtp-command:${command}`);
    return 'blocked';
  }
  if (command === 'MAIL') {
    decidedBy.push('smtp-command:MAIL');
    return 'rejected';
  }
  const byCategory = reasonForMtaCategory(input);
  if (byCategory) return byCategory;
  if (diagnosticWords(input.diagnostic)) {
    decidedBy.push('default:onhold');
    return 'onhold';
  }
  decidedBy.push('default:undefined');
  return 'undefined';
}

/**
 * Rule 7's last resort before `onhold`: the sending MTA's own category of the failure
 * (rules/providers/powermta.ts). Never a dead address's reason (bad-mailbox, bad-domain).
 */
function reasonForMtaCategory(input: ReasonInput): Reason | undefined {
  const category = (input.mtaCategory ?? '').trim().toLowerCase();
  if (!category) return undefined;
  const rule = POWERMTA_BOUNCE_CATEGORIES.find((c) => c.category === category);
  if (!rule) return undefined;
  // Never a dead address on the MTA's guess alone: its patterns are the operator's, about the
  // same words that decided nothing here (README rule 7).
  if (HARD_REASONS.has(rule.reason)) return undefined;
  input.decidedBy.push(`mta-category:X-PowerMTA-BounceCategory ${rule.category}`);
  return rule.reason;
}

/**
 * Rule 2's limit: a weak rule ("Recipient rejected", the words say only "refused") cannot
 * make a temporary refusal hard. "451 Recipient rejected" at RCPT TO says the server will
 * not take the address now, not that it does not exist: the codes decide instead (rule 7),
 * and the trail says why. A code that itself names the address (4.1.1) still decides.
 */
function weakUnderTemporaryCode(reason: Reason, input: ReasonInput, command: SmtpPhase, rule: CompiledRule | undefined): Reason {
  if (!rule?.traits.includes('weak') || !HARD_REASONS.has(reason)) return reason;
  const code = input.replyCode || input.status;
  if (!code.startsWith('4')) return reason;
  input.decidedBy.push(`weak-rule:temporary ${code}`);
  const byStatus = input.status ? reasonForStatus(input.status) : undefined;
  if (byStatus) {
    input.decidedBy.push(`status-code:${input.status}`);
    return byStatus;
  }
  return fallback(input, command);
}

/** `to` when a rule found why (said on the decision trail), else `reason` as it was. */
function overriddenBy(why: string, reason: Reason, to: Reason, input: ReasonInput): Reason {
  if (!why) return reason;
  input.decidedBy.push(`${why}:${to}`);
  return to;
}

/** Characters of the recipient's context read for a temporary DNS failure's words. */
const TEMPORARY_DNS_CONTEXT_CHARS = 8192;

/**
 * Rule 4: "Name service error ... try again", SERVFAIL, a DNS timeout, a temporary (4.x.x)
 * code or the directory-failure code X.4.3: the name could not be looked up for now. That is
 * a network problem, not proof that the domain does not exist.
 */
function temporaryDns(reason: Reason, input: ReasonInput): Reason {
  if (reason !== 'hostunknown') return reason;
  const why = input.status.startsWith('4')
    ? `temporary-status:${input.status}`
    : /^5\.4\.3$/.test(input.status)
      ? `status-code:${input.status}`
      : matchTrait('temporary-dns', input.diagnostic) ||
          // No status or a placeholder (X.0.0) says nothing of the lookup: Gmail writes its "because the
          // domain ... couldn't be found" sentence and the resolver's "SERVFAIL" paragraphs apart.
          ((!input.status || /^[45]\.0\.0$/.test(input.status)) &&
            matchTrait('temporary-dns', (input.notice ?? input.context).slice(0, TEMPORARY_DNS_CONTEXT_CHARS)))
        ? 'temporary-dns'
        : '';
  return overriddenBy(why, reason, 'networkerror', input);
}

/**
 * Rule 3: the MTA gave up (a final failure) after trying for its whole retry period, and
 * the recipient's diagnostic says so ("retry timeout exceeded", "message expired", "too long
 * in the queue") or says the server could not be reached (connection refused or timed out,
 * the last error of a report that gave up): the message is `expired`, not a network error.
 * A cause the server did name keeps its reason: mailbox full, user unknown, and a DNS
 * failure (that names why the server could not be found).
 */
/**
 * A notice's own lines: without the lines it quotes ("> ...") and the header fields of the
 * message it returns ("Subject: Your free trial has expired" is the sender's subject).
 */
function ownNoticeLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*(?:>|(?:subject|from|to|cc|date|reply-to|message-id|thread-topic)[ \t]*:)/i.test(line))
    .join('\n');
}

function afterRetryPeriod(reason: Reason, input: ReasonInput, rule: CompiledRule | undefined): Reason {
  if (input.action === 'delayed') return reason;
  const final = input.action === 'failed' || input.action === 'expired' || input.action === '';
  if (!final) return reason;
  const said = matchTrait('expiry', input.diagnostic);
  // A TLS or certificate failure is the connection's, tried again and again like a refused
  // one: under the MTA's words that the retry period ran out (qmail-remote's TLS patch, "TLS
  // unable to verify server ...", then qmail-send's "this message has been in the queue too
  // long"), the period ran out while waiting for it to pass.
  if (said && TLS_REASONS.has(reason)) {
    input.decidedBy.push('gave-up:expired (retry period over)');
    return 'expired';
  }
  // The same when the MTA says so around the server's reply rather than in it: Sendmail's
  // queue timeout writes the tls_server ruleset's last answer as the Diagnostic-Code ("403
  // 4.7.0 TLS handshake failed.") and "Message could not be delivered for 5 days" in its
  // transcript (queue.c).
  if (
    TLS_REASONS.has(reason) &&
    matchTrait('expiry', ownNoticeLines((input.notice ?? input.context).slice(0, TEMPORARY_DNS_CONTEXT_CHARS)))
  ) {
    input.decidedBy.push('gave-up:expired (retry period over, notice)');
    return 'expired';
  }
  if (reason !== 'networkerror') return reason;
  if (rule?.traits.includes('temporary-dns') || rule?.traits.includes('dns')) return reason;
  const connection = rule?.traits.includes('connection') && !/^5\.[1-7]\.[1-9]/.test(input.status);
  if (!said && !connection) return reason;
  input.decidedBy.push(`gave-up:expired (${said ? 'retry period over' : 'connection failed'})`);
  return 'expired';
}

/** Reasons a connection's security gives: temporary while the MTA retries (rule 3). */
const TLS_REASONS = new Set<Reason>(['securityerror', 'failedstarttls']);

/** The server's words speak of the message's size (not only a code of the size class). */
const SIZE_WORD = /\bsize\b/i;

/**
 * Rule 5: the sender's address was refused (X.1.7, X.1.8, X.7.27, the answer to MAIL FROM,
 * or the server's words "sender address rejected"): nothing is known about the recipient,
 * so a recipient reason (unknown user or domain, mailbox full ...) becomes `rejected`; a
 * size refusal in answer to MAIL FROM is about the message and stays.
 */
function senderSide(reason: Reason, input: ReasonInput, command: SmtpPhase): Reason {
  if (!RECIPIENT_REASONS.has(reason) && !VAGUE_REFUSALS.has(reason)) return reason;
  if (reason === 'rejected') return reason;
  const why = SENDER_STATUS.test(input.status)
    ? `status-code:${input.status}`
    : command === 'MAIL'
      ? 'smtp-command:MAIL'
      : matchTrait('sender', input.diagnostic)
        ? 'sender-refused'
        : '';
  // A server refuses a message's declared SIZE in its answer to MAIL FROM (RFC 1870 6.1;
  // Sendmail's "552 5.2.3 Message size exceeds fixed maximum message size"): the phase alone
  // says nothing of the sender there, the size stays the reason.
  if (
    why === 'smtp-command:MAIL' &&
    reason === 'exceedlimit' &&
    SIZE_WORD.test(input.diagnostic) &&
    !matchTrait('sender', input.diagnostic)
  )
    return reason;
  return overriddenBy(why, reason, 'rejected', input);
}

/**
 * Rule 6: the phase. Refused at the greeting or to EHLO/HELO: nothing of the message or its
 * sender was seen yet, so a vague refusal is about the sending host (`blocked`). An "unknown
 * user" wording said in reply to DATA (or with no phase named) is not proof the mailbox is
 * missing, a filter refused the message (`filtered`), unless the code is of the addressing
 * class or the wording is one only a mailbox lookup produces.
 */
function narrowByCommand(reason: Reason, command: SmtpPhase, input: ReasonInput, rule: CompiledRule | undefined): Reason {
  const { decidedBy, status } = input;
  if ((command === 'CONN' || command === 'EHLO' || command === 'HELO') && VAGUE_REFUSALS.has(reason)) {
    decidedBy.push(`smtp-command:${command}`);
    return 'blocked';
  }
  if (reason !== 'userunknown') return reason;
  if (ADDRESSING_STATUS.test(status)) return reason;
  if (command === 'DATA' || command === 'BDAT') {
    if (rule?.traits.includes('mailbox-lookup')) return reason;
    decidedBy.push(`smtp-command:${command}`);
    return 'filtered';
  }
  if (command || rule?.traits.includes('mailbox-lookup')) return reason;
  // The reporting MTA's own heading can say it too (Gmail's "Address not found").
  if (matchTrait('mailbox-lookup', input.notice ?? input.context)) return reason;
  decidedBy.push('smtp-command:none');
  return 'filtered';
}

/** Characters of a diagnostic searched for words a person can read (rule 7's onhold). */
const WORDS_WINDOW_CHARS = 2000;

/** True when a diagnostic says something beyond the recipient's address and codes. */
function diagnosticWords(text: string): boolean {
  if (!text) return false;
  const rest = text
    .slice(0, WORDS_WINDOW_CHARS)
    .replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, ' ')
    .replace(/\b\d{3}\b|\b[245]\.\d{1,3}\.\d{1,3}\b/g, ' ');
  return /\p{L}{3,}/u.test(rest);
}
