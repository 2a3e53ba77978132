// Reads a recorded notice (tests/fixtures/mta-notices/<mta>/<case>.eml) with classify() and
// sets what rebound says beside what the case expects, in the same shape, for the test
// (tests/core/real-mta-notices.test.ts) and the corpus report (tools/corpus/report.ts).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../../src/core/classify.ts';
import { casesOf, LOCAL_DOMAIN, TEXT_PART_LACKS, type Scenario } from './scenarios.ts';

export const NOTICES_DIR = fileURLToPath(new URL('../../tests/fixtures/mta-notices/', import.meta.url));

/** How a notice is read: as the MTA wrote it, or from its text part alone. */
export type NoticeForm = 'as written' | 'from its text part alone';
export const NOTICE_FORMS: readonly NoticeForm[] = ['as written', 'from its text part alone'];

/** The MTAs with recorded notices (a folder with a VERSION file). */
export function recordedMtas(): string[] {
  if (!existsSync(NOTICES_DIR)) return [];
  return readdirSync(NOTICES_DIR)
    .filter((name) => existsSync(join(NOTICES_DIR, name, 'VERSION')))
    .sort();
}

export const mtaVersion = (mta: string) => readFileSync(join(NOTICES_DIR, mta, 'VERSION'), 'utf8').trim();

/**
 * The notice without its message/delivery-status part (or RFC 6533's global one): what an MTA that writes no report
 * part (older Exims, many gateways) or a forwarder that drops it leaves; the words a person
 * reads must give the same answer.
 */
export function withoutReportPart(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text)?.[1];
  if (!boundary) return raw;
  const parts = text.split(`--${boundary}`);
  const kept = parts.filter((part) => !/^\r?\n(?:[^\r\n]+\r?\n)*?content-type:\s*message\/(?:global-)?delivery-status/i.test(part));
  if (kept.length !== parts.length - 1) throw new Error('the notice has no single delivery-status part');
  return Buffer.from(kept.join(`--${boundary}`), 'latin1');
}

interface Verdict {
  kind: string;
  messageId: string;
  recipients: { address: string; reason: string; bounceType: string; status?: string; replyCode?: string }[];
}

/** What the case expects and what rebound read, to compare whole. */
export async function readNotice(mta: string, s: Scenario, form: NoticeForm): Promise<{ expected: Verdict; seen: Verdict }> {
  const raw = readFileSync(join(NOTICES_DIR, mta, `${s.id}.eml`));
  const notice = form === 'as written' ? raw : withoutReportPart(raw);
  const c = await classify(notice);
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
  return {
    expected: { kind: s.kind, messageId: `${s.id}@sender.test`, recipients: expected },
    seen: { kind: c.kind, messageId: c.original.messageId, recipients: seen },
  };
}

export interface NoticeScore {
  mta: string;
  form: NoticeForm;
  cases: number;
  agree: number;
  /** Case ids read otherwise than expected. */
  misread: string[];
}

/** Every recorded MTA's notices, read both ways, counted. */
export async function scoreNotices(): Promise<NoticeScore[]> {
  const scores: NoticeScore[] = [];
  for (const mta of recordedMtas())
    for (const form of NOTICE_FORMS) {
      const score: NoticeScore = { mta, form, cases: 0, agree: 0, misread: [] };
      for (const s of casesOf(mta)) {
        if (form !== 'as written' && TEXT_PART_LACKS[mta]?.[s.id]) continue;
        score.cases++;
        const { expected, seen } = await readNotice(mta, s, form);
        if (JSON.stringify(expected) === JSON.stringify(seen)) score.agree++;
        else score.misread.push(s.id);
      }
      scores.push(score);
    }
  return scores;
}
