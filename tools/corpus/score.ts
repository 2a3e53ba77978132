// Agreement between the classifier and a corpus manifest, computed as the corpus READMEs
// describe: match our recipients to the expected rows by address (case-insensitive), then
// compare the fields. Every expected row counts in every figure: a recipient we did not find
// is a miss for its reason, hard/soft, status and reply code too. One implementation, used by
// the corpus test, the corpus report and the deviations updater.
//
// Two corpora: `sisimai` (Sisimai's reason names and hard/soft calls) and `crisp` (another
// project's labels, read as families of reasons, see tests/fixtures/corpus/README.md).

import type { Classification, Reason, RecipientResult } from '../../src/core/types.ts';
import { splitMbox } from '../../src/intake/mbox.ts';

export type CorpusName = 'sisimai' | 'crisp';

export interface ExpectedRow {
  status: string;
  replycode?: string;
  /** Sisimai corpus: the reason name. */
  reason?: string;
  /** Sisimai corpus: the hard/soft call. */
  hardbounce?: boolean;
  recipient?: string;
  messageid?: string;
  feedbacktype?: string;
  /** Crisp corpus: permanent (5xx) or temporary; null where not stated. */
  permanent?: boolean | null;
  /** Crisp corpus: that project's label ('' where not stated). */
  type?: string;
}

export interface ManifestEntry {
  file: string;
  family: string;
  expected: ExpectedRow[];
  newline?: 'crlf' | 'cr';
}

export type DeviationField =
  'recipient' | 'reason' | 'hardbounce' | 'status' | 'replycode' | 'not-bounce' | 'newline-copy' | 'permanent' | 'family';

export interface Deviation {
  corpus: CorpusName;
  file: string;
  recipient: string;
  field: DeviationField;
  expected: string;
  ours: string;
}

export interface Tally {
  agree: number;
  total: number;
}

export interface CorpusScore {
  corpus: CorpusName;
  recipient: Tally;
  reason: Tally;
  hardbounce: Tally;
  status: Tally;
  replycode: Tally;
  /** Crisp: permanent or temporary, from the class of our status (or reply code). */
  permanent: Tally;
  notBounce: Tally;
  newlineCopies: Tally;
  deviations: Deviation[];
}

/**
 * The crisp README's table: which Sisimai reasons agree with each of that project's labels,
 * and whether the label means the address is dead.
 */
export const CRISP_FAMILIES: Record<string, { reasons: readonly Reason[]; hard: boolean }> = {
  no_such_recipient: { reasons: ['userunknown', 'suspend'], hard: true },
  server_unknown: { reasons: ['hostunknown', 'notaccept'], hard: true },
  mailbox_full: { reasons: ['mailboxfull'], hard: false },
  mailbox_over_quota: { reasons: ['mailboxfull'], hard: false },
  spam_content: { reasons: ['spamdetected', 'contenterror', 'filtered', 'policyviolation', 'rejected', 'blocked'], hard: false },
  ip_blocked_spam: { reasons: ['blocked', 'badreputation', 'spamdetected', 'rejected'], hard: false },
  reputation: { reasons: ['blocked', 'badreputation', 'spamdetected', 'rejected'], hard: false },
  server_timeout: { reasons: ['expired', 'networkerror'], hard: false },
  authentication_failure: { reasons: ['authfailure', 'securityerror'], hard: false },
  recipient_disabled_or_recipient_rate_limited: { reasons: ['suspend', 'speeding', 'toomanyconn'], hard: false },
  action_not_taken_mailbox_rate_limited: { reasons: ['speeding', 'toomanyconn', 'mailboxfull'], hard: false },
};

/**
 * Classifies one corpus file. A file in mbox format may hold several bounces (Sisimai reads
 * each, as rebound's importer does): their recipients are scored together, in order.
 */
export async function classifyCorpusFile(raw: Buffer, classify: (raw: Buffer) => Promise<Classification>): Promise<Classification> {
  const messages = splitMbox(raw);
  const results: Classification[] = [];
  for (const m of messages) results.push(await classify(m));
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
export function answerOf(c: Classification): string {
  return JSON.stringify({
    kind: c.kind,
    recipients: c.recipients.map((r) => [r.address, r.reason, r.enhancedCode, r.replyCode, r.bounceType, r.action]),
  });
}

const tally = (): Tally => ({ agree: 0, total: 0 });

/** Scores classifications (by manifest file path) against a manifest of either corpus. */
export function scoreCorpus(corpus: CorpusName, manifest: ManifestEntry[], results: Map<string, Classification>): CorpusScore {
  const score: CorpusScore = {
    corpus,
    recipient: tally(),
    reason: tally(),
    hardbounce: tally(),
    status: tally(),
    replycode: tally(),
    permanent: tally(),
    notBounce: tally(),
    newlineCopies: tally(),
    deviations: [],
  };
  const deviate = (file: string, recipient: string, field: DeviationField, expected: string, ours: string) =>
    score.deviations.push({ corpus, file, recipient, field, expected, ours });
  /** Counts one comparison; a disagreement is recorded. */
  const compare = (t: Tally, file: string, recipient: string, field: DeviationField, expected: string, ours: string | undefined) => {
    t.total++;
    if (ours !== undefined && ours === expected) t.agree++;
    else deviate(file, recipient, field, expected, ours ?? '(recipient not found)');
  };
  for (const entry of manifest) {
    const ours = results.get(entry.file);
    if (!ours) throw new Error(`no classification for ${entry.file}`);
    if (entry.expected.length === 0) {
      score.notBounce.total++;
      if (ours.kind !== 'bounce' && ours.kind !== 'delay') score.notBounce.agree++;
      else deviate(entry.file, '', 'not-bounce', 'not-bounce', ours.kind);
      continue;
    }
    if (entry.newline) {
      const original = results.get(entry.file.replace(/^maildir\/(?:dos|mac)\//, 'maildir/bsd/'));
      score.newlineCopies.total++;
      if (original && answerOf(original) === answerOf(ours)) score.newlineCopies.agree++;
      else deviate(entry.file, '', 'newline-copy', original ? answerOf(original) : 'missing', answerOf(ours));
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
      if (match) score.recipient.agree++;
      else deviate(entry.file, label, 'recipient', label || '(any)', ours.recipients.map((r) => r.address).join(',') || '(none)');
      // Every row counts below; with no recipient found each field is a miss.
      if (row.status !== '' && !isPlaceholderStatus(row.status))
        compare(score.status, entry.file, label, 'status', row.status, match?.enhancedCode);
      if (row.replycode) compare(score.replycode, entry.file, label, 'replycode', row.replycode, match?.replyCode);
      if (corpus === 'sisimai') {
        compare(score.reason, entry.file, label, 'reason', row.reason ?? '', match?.reason);
        compare(
          score.hardbounce,
          entry.file,
          label,
          'hardbounce',
          String(row.hardbounce),
          match ? String(match.bounceType === 'hard') : undefined,
        );
        continue;
      }
      if (row.permanent === true || row.permanent === false) {
        compare(score.permanent, entry.file, label, 'permanent', String(row.permanent), match ? String(isPermanent(match)) : undefined);
      }
      const family = row.type ? CRISP_FAMILIES[row.type] : undefined;
      if (row.type && !family) throw new Error(`${entry.file}: unknown crisp type ${row.type}`);
      if (family) {
        compare(
          score.hardbounce,
          entry.file,
          label,
          'hardbounce',
          String(family.hard),
          match ? String(match.bounceType === 'hard') : undefined,
        );
        const inFamily = match && family.reasons.includes(match.reason);
        compare(score.reason, entry.file, label, 'family', row.type ?? '', match ? (inFamily ? row.type : match.reason) : undefined);
      }
    }
    // A recipient we report that the table does not have (the sender's own address, a quoted
    // Cc) is a wrong finding: it counts against the recipients found, never silently dropped.
    for (const extra of unclaimed) {
      score.recipient.total++;
      deviate(entry.file, extra.address, 'recipient', '(none)', extra.address);
    }
  }
  return score;
}

/** A permanent failure by the class of the status we give (else the reply code's). */
function isPermanent(r: RecipientResult): boolean {
  const cls = r.enhancedCode[0] || r.replyCode[0] || '';
  return cls === '5';
}

/** The figures as printable lines. */
export function formatScore(s: CorpusScore): string[] {
  const pct = (t: Tally) => `${(ratio(t) * 100).toFixed(1)}% (${t.agree}/${t.total})`;
  if (s.corpus === 'crisp') {
    return [
      `recipient found      ${pct(s.recipient)}`,
      `reason in family     ${pct(s.reason)}`,
      `hard/not-hard agrees ${pct(s.hardbounce)}`,
      `perm/temp agrees     ${pct(s.permanent)}`,
      `status agrees        ${pct(s.status)}`,
      `reply code agrees    ${pct(s.replycode)}`,
      `CR/CRLF copies       ${pct(s.newlineCopies)}  (made from each file)`,
    ];
  }
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
