// The one-case-per-wording tables of the rule tests (family-wordings, filter-and-gateway-
// wordings, provider-page-wordings): a wording wrapped in a bounce, and the reason and
// hard/soft a user should see for its one recipient.
import { expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { BounceType, Reason } from '../../src/core/types.ts';
import { dsnReport } from './dsn-report.ts';

export type Verdict = readonly [reason: Reason, bounceType: BounceType];

export async function verdictOf(raw: Buffer): Promise<Verdict | undefined> {
  const r = (await classify(raw)).recipients[0];
  return r && [r.reason, r.bounceType];
}

/** A remote reply as Postfix reports it in a delivery-status notification. */
export const reported = (status: string, diagnostic: string) =>
  dsnReport(status, diagnostic, { notice: 'Delivery to the following recipient failed.' });

/** A remote reply as Postfix reports it, with what it answered: "RCPT TO command", "end of DATA command", "initial greeting". */
export const reportedInReplyTo = (phase: string) => (status: string, reply: string) => reported(status, `${reply} (in reply to ${phase})`);

export type Case = readonly [name: string, bounce: () => Buffer, expected: Verdict];

/** One test per case, named after what a user should see. */
export function wordingTests(cases: readonly Case[]): void {
  for (const [name, bounce, expected] of cases) {
    it(name, async () => {
      expect(await verdictOf(bounce())).toEqual(expected);
    });
  }
}
