// The notices real MTAs wrote about the cases of tools/mta-notices/scenarios.ts: each MTA
// (unpacked from Debian's package) sent a message to a scripted server on loopback that
// refused it at the case's phase, or to no server at all, and its notice to the sender was
// kept byte for byte (node tools/mta-notices/record.ts <mta>, as root). These are the MTAs'
// own layouts (their text parts, their delivery-status parts, their multi-line replies and
// retry-period failures), not copies of anyone's samples.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { casesNotProduced, casesOf } from '../../tools/mta-notices/scenarios.ts';
import { FIXTURES } from './corpus-helpers.ts';

const NOTICES = join(FIXTURES, 'mta-notices');
const MTAS = readdirSync(NOTICES).filter((name) => existsSync(join(NOTICES, name, 'VERSION')));

it('has recorded notices of several MTAs', () => {
  expect(MTAS.length).toBeGreaterThanOrEqual(1);
});

for (const mta of MTAS) {
  const version = readFileSync(join(NOTICES, mta, 'VERSION'), 'utf8').trim();
  describe(`${version}: its own notices`, () => {
    // A shared case this MTA cannot be made to write (MTA_DIFFERENCES in scenarios.ts says why).
    for (const { scenario, why } of casesNotProduced(mta)) it.skip(`${scenario.title} (not produced: ${why})`, () => {});
    for (const s of casesOf(mta)) {
      it(s.title, async () => {
        const file = join(NOTICES, mta, `${s.id}.eml`);
        expect(existsSync(file), `${file} is recorded`).toBe(true);
        const c = await classify(readFileSync(file));
        expect(c.kind).toBe(s.kind);
        expect(c.original.messageId).toBe(`${s.id}@sender.test`);
        const domain = s.remote === 'local' ? 'sender.test' : 'remote.test';
        const byAddress = (a: { address: string }, b: { address: string }) => a.address.localeCompare(b.address);
        const expected = s.expected
          .map((e) => ({
            address: `${e.localPart}@${domain}`,
            reason: e.reason,
            bounceType: s.kind === 'delay' ? 'none' : e.hard ? 'hard' : 'soft',
            ...(e.status && { status: e.status }),
            ...(e.replyCode && { replyCode: e.replyCode }),
          }))
          .sort(byAddress);
        // A case without an expected code leaves the MTA free to write one of its own (Exim's
        // 5.0.0 for a host it never reached); the others must be what the server said.
        const seen = c.recipients
          .map((r) => {
            const e = expected.find((x) => x.address === r.address);
            return {
              address: r.address,
              reason: r.reason,
              bounceType: r.bounceType,
              ...(e?.status && { status: r.enhancedCode }),
              ...(e?.replyCode && { replyCode: r.replyCode }),
            };
          })
          .sort(byAddress);
        expect(seen).toEqual(expected);
      });
    }
  });
}
