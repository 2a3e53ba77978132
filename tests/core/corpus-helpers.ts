// Runs the classifier over the fixture corpus once per test process, for the corpus tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCorpus, type CorpusRun } from '../../src/tools/corpus-run.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SISIMAI_DIR = join(FIXTURES, 'corpus/sisimai');
export const POSTFIX_DIR = join(FIXTURES, 'corpus/postfix');

export function readFixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

let cached: CorpusRun | undefined;

/** The bars hold on the corrected table; the published table's figures are printed too. */
export function corpusRun(): CorpusRun {
  cached ??= runCorpus(SISIMAI_DIR, join(FIXTURES, 'corpus-corrections.json'));
  return cached;
}
