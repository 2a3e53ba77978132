// Runs the classifier over the fixture corpus once per test process, for the corpus tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifySync } from '../../src/core/classify.ts';
import { classifyCorpusFile, scoreCorpus, type CorpusScore, type ManifestEntry } from '../../src/core/corpus-score.ts';
import type { Classification } from '../../src/core/types.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SISIMAI_DIR = join(FIXTURES, 'corpus/sisimai');
export const POSTFIX_DIR = join(FIXTURES, 'corpus/postfix');

export function readFixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

let cached: { manifest: ManifestEntry[]; results: Map<string, Classification>; score: CorpusScore } | undefined;

export function corpusRun() {
  if (cached) return cached;
  const manifest = JSON.parse(readFileSync(join(SISIMAI_DIR, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const results = new Map<string, Classification>();
  for (const e of manifest) results.set(e.file, classifyCorpusFile(readFileSync(join(SISIMAI_DIR, e.file)), (raw) => classifySync(raw)));
  cached = { manifest, results, score: scoreCorpus(manifest, results) };
  return cached;
}
