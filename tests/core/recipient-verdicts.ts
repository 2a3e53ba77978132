// What a user sees of a notice, recipient by recipient, for the layout tests: its kind, and
// each failed address with its reason, hard/soft, status and reply code. The same notice with
// CRLF line ends (as SMTP carries it) must read the same.
import { expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';

export type RecipientVerdict = [address: string, reason: string, bounceType: string, status: string, replyCode: string];

async function readOnce(raw: Buffer): Promise<{ kind: string; recipients: RecipientVerdict[] }> {
  const c = await classify(raw);
  return {
    kind: c.kind,
    recipients: c.recipients.map((r): RecipientVerdict => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode]),
  };
}

/** The kind and each recipient's verdict; expects the CRLF copy of the same notice to read the same. */
export async function readVerdicts(raw: Buffer): Promise<{ kind: string; recipients: RecipientVerdict[] }> {
  const found = await readOnce(raw);
  expect(await readOnce(Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'))).toEqual(found);
  return found;
}

/** One notice and what it must read as. */
export interface VerdictCase {
  title: string;
  raw: () => Buffer;
  kind: 'bounce' | 'delay';
  recipients: RecipientVerdict[];
}

/** A test per case: the notice, and its CRLF copy, read as the case says. */
export function verdictCases(cases: readonly VerdictCase[]): void {
  for (const c of cases)
    it(c.title, async () => {
      expect(await readVerdicts(c.raw())).toEqual({ kind: c.kind, recipients: c.recipients });
    });
}

/** One case about a notice's only recipient: title, message, kind, then its verdict. */
export type OneRecipientRow = readonly [
  title: string,
  raw: () => Buffer,
  kind: 'bounce' | 'delay',
  reason: string,
  bounceType: string,
  status: string,
  reply: string,
];

/** Cases whose notices each name one recipient, `recipient`. */
export const oneRecipientCases = (recipient: string, list: readonly OneRecipientRow[]): VerdictCase[] =>
  list.map(([title, raw, kind, reason, bounceType, status, reply]) => ({
    title,
    raw,
    kind,
    recipients: [[recipient, reason, bounceType, status, reply]],
  }));
