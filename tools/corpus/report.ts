// Prints how well the classifier agrees with both corpora (`npm run corpus`), and how fast
// it runs, then how it reads the notices real MTAs wrote here (tools/mta-notices/), then
// whether any answer moves when the messages are changed in ways that must not move it.
// Usage: node tools/corpus/report.ts [--deviations] [sisimai|crisp|mta-notices ...]

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../../src/core/classify.ts';
import { parseEntity, toLfBinary } from '../../src/core/mime.ts';
import { formatScore, type CorpusName } from './score.ts';
import { runCorpus } from './run.ts';
import { mtaVersion, scoreNotices } from '../mta-notices/score.ts';
import { allSamples, CHANGES, checkInvariance } from './invariance.ts';

/** Passes over the corpus for the throughput figure (one pass is too short to time well). */
const TIMING_PASSES = 3;
const ALL: CorpusName[] = ['sisimai', 'crisp'];

export async function main(argv: string[]): Promise<number> {
  const showDeviations = argv.includes('--deviations');
  const named = argv.filter((a): a is CorpusName => (ALL as string[]).includes(a));
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const notices = !wanted.length || wanted.includes('mta-notices');
  for (const corpus of wanted.length ? named : ALL) {
    const { manifest, raws, score, tableScore, corrections } = await runCorpus(corpus);
    console.log(`corpus ${corpus}: ${manifest.length} messages, every expected row counted`);
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
    for (let i = 0; i < TIMING_PASSES; i++) for (const { raw } of raws) await classify(raw);
    const classifySeconds = (performance.now() - start) / 1000;
    const n = raws.length * TIMING_PASSES;
    console.log(`  throughput: MIME scan ${Math.round(n / parseSeconds)} msg/s, classify() ${Math.round(n / classifySeconds)} msg/s`);
    if (showDeviations)
      for (const d of score.deviations) console.log(`  ${d.file} ${d.recipient} ${d.field}: expected ${d.expected}, ours ${d.ours}`);
  }
  if (notices) {
    console.log('real MTA notices (tests/fixtures/mta-notices), each case read whole against its expected answer:');
    for (const s of await scoreNotices()) {
      const misread = s.misread.length ? ` misread: ${s.misread.join(', ')}` : '';
      // An MTA whose text part holds no answer for any case (TEXT_PART_LACKS) has nothing to count there.
      const figure = s.cases
        ? `${((100 * s.agree) / s.cases).toFixed(1)}% (${s.agree}/${s.cases})`
        : 'none read: the answers are in its report part only';
      console.log(`  ${mtaVersion(s.mta).padEnd(36)} ${s.form.padEnd(25)} ${figure}${misread}`);
    }
  }
  if (!wanted.length) {
    // tools/corpus/invariance.ts: the same messages changed in ways that must not change an answer.
    const { tried, moved } = await checkInvariance(allSamples());
    console.log('the same messages changed (tools/corpus/invariance.ts), answers that moved:');
    for (const change of CHANGES)
      console.log(`  ${change.padEnd(17)} ${moved.filter((m) => m.change === change).length} of ${tried[change]}`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
