// Agreement between the classifier and a corpus manifest, computed as the corpus README
// describes: match our recipients to the expected rows by address (case-insensitive), then,
// on the matched rows, compare reason, hard/soft and status (Sisimai's 5.0.9xx / 4.0.9xx placeholders skipped)
// and the reply code. One implementation, used by the corpus test and the corpus report.

import type { Classification, RecipientResult } from './types.ts';
import { splitMbox } from './mime.ts';

export interface ExpectedRow {
  status: string;
  replycode?: string;
  reason: string;
  hardbounce: boolean;
  recipient?: string;
  messageid?: string;
  feedbacktype?: string;
}

export interface ManifestEntry {
  file: string;
  family: string;
  expected: ExpectedRow[];
  newline?: 'crlf' | 'cr';
}

export interface Deviation {
  file: string;
  recipient: string;
  field: 'recipient' | 'reason' | 'hardbounce' | 'status' | 'not-bounce' | 'newline-copy';
  expected: string;
  ours: string;
}

export interface Tally { agree: number; total: number }

export interface CorpusScore {
  recipient: Tally;
  reason: Tally;
  hardbounce: Tally;
  status: Tally;
  replycode: Tally;
  notBounce: Tally;
  newlineCopies: Tally;
  deviations: Deviation[];
}

/**
 * Classifies one corpus file. A file in mbox format may hold several bounces (Sisimai reads
 * each, as rebound's importer does): their recipients are scored together, in order.
 */
export function classifyCorpusFile(raw: Buffer, classify: (raw: Buffer) => Classification): Classification {
  const messages = splitMbox(raw);
  const results = messages.map(classify);
  if (results.length === 1) return results[0];
  const first = results.find((r) => r.kind === 'bounce' || r.kind === 'delay') ?? results[0];
  const kinds = results.map((r) => r.kind);
  const kind = kinds.includes('bounce') ? 'bounce' : kinds.includes('delay') ? 'delay' : first.kind;
  return { ...first, kind, recipients: results.flatMap((r) => r.recipients) };
}

/**
 * A place where the corpus's expected answers are certainly wrong (the message itself says
 * otherwise, or the table answers the same text two ways), corrected with the evidence. The
 * corpus README asks for such cases to be recorded; the corpus report and test give the
 * figures on the table as published and on the corrected one.
 */
export interface TableCorrection {
  /** Manifest path; a '*' for the folder covers the LF, CRLF and CR copies. */
  file: string;
  /** The expected row's recipient to correct; '' replaces the whole expected list. */
  row: string;
  table: unknown;
  /** Fields to set on that row, or (row '') the whole expected list. */
  corrected: Partial<ExpectedRow> | ExpectedRow[];
  evidence: string;
}

/** The manifest with the corrections applied; throws when a correction no longer fits. */
export function applyCorrections(manifest: ManifestEntry[], corrections: TableCorrection[]): ManifestEntry[] {
  const used = new Set<TableCorrection>();
  const out = manifest.map((entry) => {
    let e = entry;
    for (const c of corrections) {
      const pattern = new RegExp(`^${c.file.replace(/[.]/g, '\\.').replace('*', '[^/]+')}$`);
      if (!pattern.test(entry.file)) continue;
      used.add(c);
      if (c.row === '') {
        e = { ...e, expected: c.corrected as ExpectedRow[] };
        continue;
      }
      if (!e.expected.some((r) => r.recipient === c.row)) throw new Error(`correction for ${entry.file}: no row ${c.row}`);
      e = { ...e, expected: e.expected.map((r) => (r.recipient === c.row ? { ...r, ...(c.corrected as Partial<ExpectedRow>) } : r)) };
    }
    return e;
  });
  const unused = corrections.filter((c) => !used.has(c));
  if (unused.length) throw new Error(`corrections match no manifest entry: ${unused.map((c) => c.file).join(', ')}`);
  return out;
}

/** Sisimai's placeholder codes for "no code in the message" (README): not compared. */
export function isPlaceholderStatus(status: string): boolean {
  return /^[45]\.0\.9\d\d$/.test(status);
}

export function ratio(t: Tally): number {
  return t.total === 0 ? 1 : t.agree / t.total;
}

/** The fields a CR or CRLF copy must answer exactly like its LF original. */
function answerOf(c: Classification): string {
  return JSON.stringify({ kind: c.kind, recipients: c.recipients.map((r) => [r.address, r.reason, r.status, r.replyCode, r.bounceType, r.action]) });
}

/** Scores classifications (by manifest file path) against the manifest. */
export function scoreCorpus(manifest: ManifestEntry[], results: Map<string, Classification>): CorpusScore {
  const score: CorpusScore = {
    recipient: { agree: 0, total: 0 }, reason: { agree: 0, total: 0 }, hardbounce: { agree: 0, total: 0 },
    status: { agree: 0, total: 0 }, replycode: { agree: 0, total: 0 }, notBounce: { agree: 0, total: 0 },
    newlineCopies: { agree: 0, total: 0 }, deviations: [],
  };
  const deviate = (d: Deviation) => score.deviations.push(d);
  for (const entry of manifest) {
    const ours = results.get(entry.file);
    if (!ours) throw new Error(`no classification for ${entry.file}`);
    if (entry.expected.length === 0) {
      score.notBounce.total++;
      if (ours.kind !== 'bounce' && ours.kind !== 'delay') score.notBounce.agree++;
      else deviate({ file: entry.file, recipient: '', field: 'not-bounce', expected: 'not-bounce', ours: ours.kind });
      continue;
    }
    if (entry.newline) {
      const original = results.get(entry.file.replace(/^maildir\/(?:dos|mac)\//, 'maildir/bsd/'));
      score.newlineCopies.total++;
      if (original && answerOf(original) === answerOf(ours)) score.newlineCopies.agree++;
      else deviate({ file: entry.file, recipient: '', field: 'newline-copy', expected: original ? answerOf(original) : 'missing', ours: answerOf(ours) });
    }
    const unclaimed = [...ours.recipients];
    for (const row of entry.expected) {
      let match: RecipientResult | undefined;
      if (row.recipient) {
        const want = row.recipient.toLowerCase();
        const i = unclaimed.findIndex((r) => r.address.toLowerCase() === want);
        if (i >= 0) match = unclaimed.splice(i, 1)[0];
      } else if (unclaimed.length) {
        // A row without an address takes our first remaining recipient.
        match = unclaimed.shift();
      }
      const label = row.recipient ?? '';
      score.recipient.total++;
      if (!match) {
        deviate({ file: entry.file, recipient: label, field: 'recipient', expected: label || '(any)', ours: ours.recipients.map((r) => r.address).join(',') || '(none)' });
        continue;
      }
      // Reason, hard/soft, status and reply code are compared on the recipients both sides
      // name (the README's method, and how Sisimai's own figures were computed).
      score.recipient.agree++;
      score.reason.total++;
      score.hardbounce.total++;
      // No code in the message (Sisimai's placeholders, or none given): nothing to compare.
      const statusCounted = row.status !== '' && !isPlaceholderStatus(row.status);
      if (statusCounted) score.status.total++;
      if (row.replycode) score.replycode.total++;
      if (match.reason === row.reason) score.reason.agree++;
      else deviate({ file: entry.file, recipient: label, field: 'reason', expected: row.reason, ours: match.reason });
      const hard = match.bounceType === 'hard';
      if (hard === row.hardbounce) score.hardbounce.agree++;
      else deviate({ file: entry.file, recipient: label, field: 'hardbounce', expected: String(row.hardbounce), ours: String(hard) });
      if (statusCounted) {
        if (match.status === row.status) score.status.agree++;
        else deviate({ file: entry.file, recipient: label, field: 'status', expected: row.status, ours: match.status });
      }
      if (row.replycode && match.replyCode === row.replycode) score.replycode.agree++;
    }
  }
  return score;
}

/** The figures as printable lines. */
export function formatScore(s: CorpusScore): string[] {
  const pct = (t: Tally) => `${(ratio(t) * 100).toFixed(1)}% (${t.agree}/${t.total})`;
  return [
    `recipient found   ${pct(s.recipient)}`,
    `reason agrees     ${pct(s.reason)}`,
    `hard/soft agrees  ${pct(s.hardbounce)}`,
    `status agrees     ${pct(s.status)}  (placeholders skipped)`,
    `reply code agrees ${pct(s.replycode)}`,
    `not-bounce kept   ${pct(s.notBounce)}`,
    `CR/CRLF copies    ${pct(s.newlineCopies)}`,
  ];
}
