// The policy delegation server (Postfix SMTPD_POLICY_README): for admins who want the
// suppression check to fail open (check_policy_service { ..., default_action=DUNNO }) or to
// exempt some senders. A request is "name=value" lines ending with an empty line; the reply
// "action=<access(5) action>" and an empty line. Only the RCPT stage is judged; everything
// else is DUNNO (no opinion: the next restriction decides).

import { ProtocolError, type Framer } from './bounded-server.ts';
import { lookUp, refusalText, type LookupDeps } from './socketmap.ts';

/** Postfix sends about 40 attributes (SMTPD_POLICY_README, "Protocol description"). */
export const MAX_POLICY_ATTRIBUTES = 100;

/** Splits a connection's bytes into requests (each a block of lines up to an empty line). */
export function policyFramer(): Framer {
  let buf = '';
  return {
    push(chunk) {
      buf += chunk.toString('utf8');
      const out: string[] = [];
      for (;;) {
        const end = buf.indexOf('\n\n');
        if (end < 0) break;
        const block = buf.slice(0, end);
        // Each whole request is held to the bound, not only the part still waiting.
        if (block.split('\n').length > MAX_POLICY_ATTRIBUTES) throw new ProtocolError(`more than ${MAX_POLICY_ATTRIBUTES} attributes`);
        out.push(block);
        buf = buf.slice(end + 2);
      }
      if (buf.split('\n').length > MAX_POLICY_ATTRIBUTES) throw new ProtocolError(`more than ${MAX_POLICY_ATTRIBUTES} attributes`);
      return out;
    },
    pending: () => Buffer.byteLength(buf),
  };
}

export function parsePolicyRequest(block: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const lines = block.split('\n');
  if (lines.length > MAX_POLICY_ATTRIBUTES) throw new ProtocolError(`more than ${MAX_POLICY_ATTRIBUTES} attributes`);
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue; // SMTPD_POLICY_README: ignore what is not understood
    attrs.set(line.slice(0, eq), line.slice(eq + 1).replace(/\r$/, ''));
  }
  return attrs;
}

/** True when the sender is one of `exempt` (a whole address or '@domain'). */
export function isExemptSender(sender: string, exempt: readonly string[]): boolean {
  if (exempt.length === 0 || !sender) return false;
  const s = sender.toLowerCase();
  const domain = s.slice(s.lastIndexOf('@'));
  return exempt.some((e) => (e.startsWith('@') ? e === domain : e === s));
}

export interface PolicyDeps extends LookupDeps {
  exemptSenders: readonly string[];
}

export async function policyAnswer(deps: PolicyDeps, block: string): Promise<string> {
  const reply = (action: string) => `action=${action}\n\n`;
  const attrs = parsePolicyRequest(block);
  if (attrs.get('request') !== 'smtpd_access_policy') return reply('DUNNO');
  if ((attrs.get('protocol_state') ?? '').toUpperCase() !== 'RCPT') return reply('DUNNO');
  const recipient = attrs.get('recipient') ?? '';
  if (!recipient || isExemptSender(attrs.get('sender') ?? '', deps.exemptSenders)) return reply('DUNNO');
  const entry = await lookUp(deps, 'policy', recipient, 'DUNNO');
  // The policy server is the fail-open path: a failed lookup lets the mail through, as
  // Postfix does with default_action=DUNNO when rebound does not answer at all.
  return entry && entry !== 'failed' ? reply(`REJECT 5.1.1 ${refusalText(entry)}`) : reply('DUNNO');
}
