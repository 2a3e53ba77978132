// Runs the classifier over a corpus folder (manifest.json and the files it names) and scores
// it, on the table as published and, when a corrections file is given, on the corrected
// table. Shared by the corpus report, the deviations updater and the corpus test.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifySync } from '../core/classify.ts';
import {
  applyCorrections, classifyCorpusFile, scoreCorpus,
  type CorpusScore, type ManifestEntry, type TableCorrection,
} from '../core/corpus-score.ts';
import type { Classification } from '../core/types.ts';

export interface CorpusRun {
  manifest: ManifestEntry[];
  raws: { file: string; raw: Buffer }[];
  results: Map<string, Classification>;
  corrections: TableCorrection[];
  /** On the corrected table (the same as tableScore when there are no corrections). */
  score: CorpusScore;
  /** On the table as published. */
  tableScore: CorpusScore;
}

export function runCorpus(dir: string, correctionsFile?: string): CorpusRun {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const raws = manifest.map((e) => ({ file: e.file, raw: readFileSync(join(dir, e.file)) }));
  const results = new Map<string, Classification>();
  for (const { file, raw } of raws) results.set(file, classifyCorpusFile(raw, (r) => classifySync(r)));
  const corrections =
    correctionsFile && existsSync(correctionsFile) ? (JSON.parse(readFileSync(correctionsFile, 'utf8')) as TableCorrection[]) : [];
  const tableScore = scoreCorpus(manifest, results);
  const score = corrections.length ? scoreCorpus(applyCorrections(manifest, corrections), results) : tableScore;
  return { manifest, raws, results, corrections, score, tableScore };
}
