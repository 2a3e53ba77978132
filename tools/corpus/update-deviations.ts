// Rewrites tests/fixtures/known-deviations.json from the current disagreements of both
// corpora, keeping the reviewed reason ("why") of every entry that is still a disagreement.
// New entries get the decision trail and an "unreviewed" mark so they stand out until
// someone judges them. Usage: node tools/corpus/update-deviations.ts
import { readFileSync, writeFileSync } from 'node:fs';
import type { Deviation } from './score.ts';
import { DEVIATIONS_FILE, runCorpus } from './run.ts';

export const deviationKey = (d: Deviation) => [d.corpus, d.file, d.recipient, d.field, d.expected, d.ours].join(' | ');

const previous = new Map<string, string>();
try {
  for (const d of JSON.parse(readFileSync(DEVIATIONS_FILE, 'utf8')) as Array<Deviation & { why: string }>) {
    previous.set(deviationKey({ ...d, corpus: d.corpus ?? 'sisimai' }), d.why);
  }
} catch {
  /* first run */
}

const out: Array<Deviation & { why: string }> = [];
for (const corpus of ['sisimai', 'crisp'] as const) {
  // The deviations are those left after the table's certain errors are corrected.
  const { results, score } = await runCorpus(corpus);
  for (const d of score.deviations) {
    const r = results.get(d.file)?.recipients.find((x) => x.address.toLowerCase() === d.recipient.toLowerCase());
    const trail = r ? `ours from ${r.decidedBy.join(', ')} on "${r.diagnostic.slice(0, 140)}"` : 'no matching recipient found';
    out.push({ ...d, why: previous.get(deviationKey(d)) ?? `unreviewed: ${trail}` });
  }
}
writeFileSync(DEVIATIONS_FILE, JSON.stringify(out, null, 1) + '\n');
console.log(`${out.length} deviations written, ${out.filter((d) => d.why.startsWith('unreviewed')).length} unreviewed`);
