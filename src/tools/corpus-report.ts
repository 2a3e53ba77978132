// Prints how well the classifier agrees with a corpus manifest, and how fast it runs.
// Usage: node src/tools/corpus-report.ts [DIR] [--deviations]
// DIR holds manifest.json and the files it names (default: the test fixture corpus).

import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifySync } from '../core/classify.ts';
import { parseEntity, toLfBinary } from '../core/mime.ts';
import { formatScore } from '../core/corpus-score.ts';
import { runCorpus } from './corpus-run.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../../tests/fixtures/corpus/sisimai', import.meta.url));
/** Passes over the corpus for the throughput figure (one pass is too short to time well). */
const TIMING_PASSES = 5;

export function main(argv: string[]): number {
  const showDeviations = argv.includes('--deviations');
  const dir = resolve(argv.find((a) => !a.startsWith('--')) ?? DEFAULT_DIR);
  // A corpus-corrections.json beside the corpus folder (the fixtures have one) lists the
  // table's certain errors; the figures are given with and without it.
  const { manifest, raws, score, tableScore, corrections } = runCorpus(dir, join(dir, '..', '..', 'corpus-corrections.json'));
  console.log(`corpus ${dir}: ${manifest.length} messages`);
  if (corrections.length) {
    console.log('  on the table as published:');
    for (const line of formatScore(tableScore)) console.log('    ' + line);
    console.log(`  with the ${corrections.length} corrections of tests/fixtures/corpus-corrections.json:`);
  }
  for (const line of formatScore(score)) console.log('  ' + line);

  let start = performance.now();
  for (let i = 0; i < TIMING_PASSES; i++) for (const { raw } of raws) parseEntity(toLfBinary(raw));
  const parseSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  for (let i = 0; i < TIMING_PASSES; i++) for (const { raw } of raws) classifySync(raw);
  const classifySeconds = (performance.now() - start) / 1000;
  const n = raws.length * TIMING_PASSES;
  console.log(`  throughput: MIME scan ${Math.round(n / parseSeconds)} msg/s, full classify ${Math.round(n / classifySeconds)} msg/s`);

  if (showDeviations) for (const d of score.deviations) console.log(`  ${d.file} ${d.recipient} ${d.field}: expected ${d.expected}, ours ${d.ours}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
