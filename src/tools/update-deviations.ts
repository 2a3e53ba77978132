// Rewrites tests/fixtures/known-deviations.json from the current disagreements, keeping the
// reviewed reason ("why") of every entry that is still a disagreement. New entries get the
// decision trail and an "unreviewed" mark so they stand out until someone judges them.
// Usage: node src/tools/update-deviations.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deviation } from '../core/corpus-score.ts';
import { runCorpus } from './corpus-run.ts';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
const DIR = join(FIXTURES, 'corpus/sisimai');
const OUT = join(FIXTURES, 'known-deviations.json');

// The deviations are those left after the table's certain errors are corrected.
const { results, score } = runCorpus(DIR, join(FIXTURES, 'corpus-corrections.json'));
const key = (d: Deviation) => [d.file, d.recipient, d.field, d.expected, d.ours].join(' | ');
const previous = new Map<string, string>();
try {
  for (const d of JSON.parse(readFileSync(OUT, 'utf8')) as Array<Deviation & { why: string }>) previous.set(key(d), d.why);
} catch { /* first run */ }

const out = score.deviations.map((d) => {
  const r = results.get(d.file)?.recipients.find((x) => x.address.toLowerCase() === d.recipient.toLowerCase());
  const trail = r ? `ours from ${r.decidedBy.join(', ')} on "${r.diagnostic.slice(0, 140)}"` : 'no matching recipient found';
  return { ...d, why: previous.get(key(d)) ?? `unreviewed: ${trail}` };
});
writeFileSync(OUT, JSON.stringify(out, null, 1) + '\n');
console.log(`${out.length} deviations written, ${out.filter((d) => d.why.startsWith('unreviewed')).length} unreviewed`);
