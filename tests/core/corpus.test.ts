// The classifier over the whole Sisimai corpus, scored as tests/fixtures/corpus/README.md
// describes. Every disagreement must be listed, with its reason, in known-deviations.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScore, ratio, type Deviation } from '../../src/core/corpus-score.ts';
import { corpusRun, FIXTURES } from './corpus-helpers.ts';

interface ListedDeviation extends Deviation { why: string }

const listed = JSON.parse(readFileSync(FIXTURES + 'known-deviations.json', 'utf8')) as ListedDeviation[];
const key = (d: Deviation) => [d.file, d.recipient, d.field, d.expected, d.ours].join(' | ');

describe('the classifier over the Sisimai corpus', () => {
  const { score, tableScore, manifest, corrections } = corpusRun();
  console.log(['corpus, table as published:', ...formatScore(tableScore), 'corpus, with tests/fixtures/corpus-corrections.json:', ...formatScore(score)].join('\n  '));

  it('corrects the expected table only where the message itself shows it wrong, with the evidence', () => {
    expect(corrections.length).toBeLessThanOrEqual(5);
    for (const c of corrections) expect(c.evidence.length).toBeGreaterThan(40);
  });

  it('reads all 410 messages of the manifest', () => {
    expect(manifest).toHaveLength(410);
  });

  it('finds at least 99% of the failed recipients', () => {
    expect(ratio(score.recipient)).toBeGreaterThanOrEqual(0.99);
  });

  it('agrees on the reason for at least 93% of the recipients found (Sisimai 5.1 itself: 88.8%)', () => {
    expect(ratio(score.reason)).toBeGreaterThanOrEqual(0.93);
  });

  it('agrees on hard or soft for at least 99% of the recipients found (Sisimai 5.1 itself: 98.1%)', () => {
    expect(ratio(score.hardbounce)).toBeGreaterThanOrEqual(0.99);
  });

  it('agrees on the status code for at least 99% of the recipients found, placeholders skipped', () => {
    expect(ratio(score.status)).toBeGreaterThanOrEqual(0.99);
  });

  it('classifies none of the messages under maildir/not as a bounce', () => {
    expect(score.notBounce.agree).toBe(score.notBounce.total);
  });

  it('answers CRLF and CR-only copies exactly like their LF originals', () => {
    expect(score.newlineCopies.total).toBe(68);
    expect(score.newlineCopies.agree).toBe(score.newlineCopies.total);
  });

  it('lists every disagreement in known-deviations.json, each with a reason, and nothing stale', () => {
    const actual = score.deviations.map(key).sort();
    const expected = listed.map(key).sort();
    for (const d of listed) expect(d.why, key(d)).toMatch(/\S{10,}/);
    expect({ unlisted: actual.filter((k) => !expected.includes(k)), stale: expected.filter((k) => !actual.includes(k)) })
      .toEqual({ unlisted: [], stale: [] });
  });
});
