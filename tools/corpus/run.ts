// Runs the classifier over a corpus folder (manifest.json and the files it names) and scores
// it, on the table as published and, when a corrections file is given, on the corrected
// table. It calls classify(), the path ingest takes (the bounded scanner, and mailparser
// where a message needs it). Shared by the corpus report, the deviations updater and the
// corpus tests.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../../src/core/classify.ts';
import {
  answerOf,
  applyCorrections,
  classifyCorpusFile,
  scoreCorpus,
  type CorpusName,
  type CorpusScore,
  type ManifestEntry,
  type TableCorrection,
} from './score.ts';
import type { Classification } from '../../src/core/types.ts';

export const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
export const CORPUS_DIRS: Record<CorpusName, string> = {
  sisimai: join(FIXTURES, 'corpus/sisimai'),
  crisp: join(FIXTURES, 'corpus/crisp'),
};
/** The table's certain errors, both corpora (file paths are per corpus; entries name it). */
export const CORRECTIONS_FILE = join(FIXTURES, 'corpus-corrections.json');
export const DEVIATIONS_FILE = join(FIXTURES, 'known-deviations.json');

export interface CorpusRun {
  corpus: CorpusName;
  manifest: ManifestEntry[];
  raws: { file: string; raw: Buffer }[];
  results: Map<string, Classification>;
  corrections: TableCorrection[];
  /** On the corrected table (the same as tableScore when there are no corrections). */
  score: CorpusScore;
  /** On the table as published. */
  tableScore: CorpusScore;
}

type StoredCorrection = TableCorrection & { corpus?: CorpusName };

export async function runCorpus(corpus: CorpusName, dir = CORPUS_DIRS[corpus], correctionsFile = CORRECTIONS_FILE): Promise<CorpusRun> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const raws = manifest.map((e) => ({ file: e.file, raw: readFileSync(join(dir, e.file)) }));
  const results = new Map<string, Classification>();
  for (const { file, raw } of raws) results.set(file, await classifyCorpusFile(raw, (r) => classify(r)));
  const stored =
    correctionsFile && existsSync(correctionsFile) ? (JSON.parse(readFileSync(correctionsFile, 'utf8')) as StoredCorrection[]) : [];
  // Corrections without a corpus name predate the second corpus: they are Sisimai's.
  const corrections = stored.filter((c) => (c.corpus ?? 'sisimai') === corpus);
  const tableScore = scoreCorpus(corpus, manifest, results);
  const score = corrections.length ? scoreCorpus(corpus, applyCorrections(manifest, corrections), results) : tableScore;
  if (!manifest.some((e) => e.newline)) {
    const copies = await scoreMadeNewlineCopies(raws, results);
    for (const s of new Set([score, tableScore])) {
      s.newlineCopies = copies.tally;
      s.deviations.push(...copies.deviations.map((d) => ({ ...d, corpus })));
    }
  }
  return { corpus, manifest, raws, results, corrections, score, tableScore };
}

/** The line ends a copy of each file is made with: Windows (CRLF) and classic Mac (CR only). */
const NEWLINE_COPIES = { crlf: '\r\n', cr: '\r' } as const;

/**
 * A corpus that ships no CR or CRLF copies (crisp): each file is copied with CRLF and with
 * CR-only line ends, and each copy must answer exactly like the file as stored. Mail reaches
 * rebound with any of these line ends (SMTP's CRLF, Unix mbox, old Mac tools).
 */
async function scoreMadeNewlineCopies(
  raws: { file: string; raw: Buffer }[],
  results: Map<string, Classification>,
): Promise<{ tally: CorpusScore['newlineCopies']; deviations: Omit<CorpusScore['deviations'][number], 'corpus'>[] }> {
  const tally = { agree: 0, total: 0 };
  const deviations: Omit<CorpusScore['deviations'][number], 'corpus'>[] = [];
  for (const { file, raw } of raws) {
    const original = answerOf(results.get(file)!);
    const lf = raw.toString('latin1').replace(/\r\n?/g, '\n');
    for (const [name, nl] of Object.entries(NEWLINE_COPIES)) {
      const copy = await classifyCorpusFile(Buffer.from(lf.replace(/\n/g, nl), 'latin1'), (r) => classify(r));
      tally.total++;
      const answer = answerOf(copy);
      if (answer === original) tally.agree++;
      else deviations.push({ file: `${file} (${name} copy)`, recipient: '', field: 'newline-copy', expected: original, ours: answer });
    }
  }
  return { tally, deviations };
}
