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
import { casesOf, LOCAL_DOMAIN } from '../../tools/mta-notices/scenarios.ts';
import { FIXTURES } from './corpus-helpers.ts';

const NOTICES = join(FIXTURES, 'mta-notices');

/** The notice without its message/delivery-status part: what an MTA that writes no report
 * part (older Exims, many gateways) or a forwarder that drops it leaves; the words a person
 * reads must give the same answer. */
function withoutReportPart(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text)?.[1];
  if (!boundary) return raw;
  const parts = text.split(`--${boundary}`);
  const kept = parts.filter((part) => !/^\r?\n(?:[^\r\n]+\r?\n)*?content-type:\s*message\/delivery-status/i.test(part));
  if (kept.length !== parts.length - 1) throw new Error('the notice has no single delivery-status part');
  return Buffer.from(kept.join(`--${boundary}`), 'latin1');
}

const MTAS = readdirSync(NOTICES).filter((name) => existsSync(join(NOTICES, name, 'VERSION')));

it('has recorded notices of several MTAs', () => {
  expect(MTAS.length).toBeGreaterThanOrEqual(1);
});

for (const mta of MTAS) {
  const version = readFileSync(join(NOTICES, mta, 'VERSION'), 'utf8').trim();
  describe(`${version}: its own notices`, () => {
    for (const [s, form] of casesOf(mta).flatMap((s) => [[s, 'as written'] as const, [s, 'from its text part alone'] as const])) {
      it(`${s.title} (${form})`, async () => {
        const file = join(NOTICES, mta, `${s.id}.eml`);
        expect(existsSync(file), `${file} is recorded`).toBe(true);
        const raw = readFileSync(file);
        const notice = form === 'as written' ? raw : withoutReportPart(raw);
        const c = await classify(notice);
        expect(c.kind).toBe(s.kind);
        expect(c.original.messageId).toBe(`${s.id}@sender.test`);
        // Without the report part, a code the text does not hold cannot be asked for.
        const said = (code: string | undefined) =>
          code && (form === 'as written' || notice.toString('latin1').includes(code)) ? code : undefined;
        const domain = s.remote === 'local' ? LOCAL_DOMAIN : 'remote.test';
        const byAddress = (a: { address: string }, b: { address: string }) => a.address.localeCompare(b.address);
        const expected = s.expected
          .map((e) => ({
            address: `${e.localPart}@${domain}`,
            reason: e.reason,
            bounceType: s.kind === 'delay' ? 'none' : e.hard ? 'hard' : 'soft',
            ...(said(e.status) && { status: e.status }),
            ...(said(e.replyCode) && { replyCode: e.replyCode }),
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
