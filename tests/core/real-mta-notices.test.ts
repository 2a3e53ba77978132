// The notices real MTAs wrote about the cases of tools/mta-notices/scenarios.ts: each MTA
// (unpacked from Debian's package) sent a message to a scripted server on loopback that
// refused it at the case's phase, or to no server at all, and its notice to the sender was
// kept byte for byte (node tools/mta-notices/record.ts <mta>, as root). These are the MTAs'
// own layouts (their text parts, their delivery-status parts, their multi-line replies and
// retry-period failures), not copies of anyone's samples. Each is read as written and again
// from its text part alone (tools/mta-notices/score.ts).

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casesNotProduced, casesOf, TEXT_PART_LACKS } from '../../tools/mta-notices/scenarios.ts';
import { mtaVersion, NOTICE_FORMS, NOTICES_DIR, readNotice, recordedMtas } from '../../tools/mta-notices/score.ts';

const MTAS = recordedMtas();

it('has recorded notices of several MTAs, each notice one of its cases', () => {
  expect(MTAS.length).toBeGreaterThanOrEqual(2);
  for (const mta of MTAS) {
    const cases = new Set(casesOf(mta).map((s) => `${s.id}.eml`));
    expect(readdirSync(join(NOTICES_DIR, mta)).filter((f) => f.endsWith('.eml') && !cases.has(f))).toEqual([]);
  }
});

for (const mta of MTAS) {
  describe(`${mtaVersion(mta)}: its own notices`, () => {
    // A shared case this MTA cannot be made to write (MTA_DIFFERENCES in scenarios.ts says why).
    for (const { scenario, why } of casesNotProduced(mta)) it.skip(`${scenario.title} (not produced: ${why})`, () => {});
    for (const s of casesOf(mta))
      for (const form of NOTICE_FORMS) {
        const lacks = form === 'as written' ? undefined : TEXT_PART_LACKS[mta]?.[s.id];
        if (lacks) it.skip(`${s.title} (${form}: not in the text part: ${lacks})`, () => {});
        else
          it(`${s.title} (${form})`, async () => {
            const file = join(NOTICES_DIR, mta, `${s.id}.eml`);
            expect(existsSync(file), `${file} is recorded`).toBe(true);
            const { expected, seen } = await readNotice(mta, s, form);
            expect(seen).toEqual(expected);
          });
      }
  });
}
