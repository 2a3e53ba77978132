// Runs the classifier over the fixture corpora once per test process, for the corpus tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, runCorpus, type CorpusRun } from '../../tools/corpus/run.ts';
import type { CorpusName } from '../../tools/corpus/score.ts';

export { FIXTURES };
export const SISIMAI_DIR = join(FIXTURES, 'corpus/sisimai');
export const POSTFIX_DIR = join(FIXTURES, 'corpus/postfix');

export function readFixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

const cached = new Map<CorpusName, Promise<CorpusRun>>();

/** The bars hold on the corrected table; the published table's figures are printed too. */
export function corpusRun(corpus: CorpusName = 'sisimai'): Promise<CorpusRun> {
  let run = cached.get(corpus);
  if (!run) cached.set(corpus, (run = runCorpus(corpus)));
  return run;
}
