// The classifier, through classify() (the path ingest takes), over both fixture corpora,
// scored as tests/fixtures/corpus/README.md describes with every expected row counted (a
// recipient not found is a miss in every figure). Every disagreement must be listed, with
// its reason, in known-deviations.json.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatScore, ratio, type CorpusName, type Deviation } from '../../tools/corpus/score.ts';
import type { CorpusRun } from '../../tools/corpus/run.ts';
import { corpusRun, FIXTURES } from './corpus-helpers.ts';

interface ListedDeviation extends Deviation {
  why: string;
}

const listed = (JSON.parse(readFileSync(FIXTURES + 'known-deviations.json', 'utf8')) as ListedDeviation[]).map((d) => ({
  ...d,
  corpus: d.corpus ?? 'sisimai',
}));
const key = (d: Deviation) => [d.corpus, d.file, d.recipient, d.field, d.expected, d.ours].join(' | ');

function expectDeviationsListed(corpus: CorpusName, run: CorpusRun) {
  const actual = run.score.deviations.map(key).sort();
  const expected = listed
    .filter((d) => d.corpus === corpus)
    .map(key)
    .sort();
  // A reason is a sentence about the message, not a placeholder.
  for (const d of listed) expect(d.why.trim().split(/\s+/).length, key(d)).toBeGreaterThanOrEqual(8);
  expect(listed.filter((d) => d.why.startsWith('unreviewed')).map(key)).toEqual([]);
  expect({ unlisted: actual.filter((k) => !expected.includes(k)), stale: expected.filter((k) => !actual.includes(k)) }).toEqual({
    unlisted: [],
    stale: [],
  });
}

describe('the classifier over the Sisimai corpus', () => {
  let run: CorpusRun;
  beforeAll(async () => {
    run = await corpusRun('sisimai');
    console.log(
      [
        'sisimai, table as published:',
        ...formatScore(run.tableScore),
        'sisimai, with tests/fixtures/corpus-corrections.json:',
        ...formatScore(run.score),
      ].join('\n  '),
    );
  });

  it('corrects the expected table only where the message itself shows it wrong, with the evidence', () => {
    expect(run.corrections.length).toBeLessThanOrEqual(5);
    for (const c of run.corrections) expect(c.evidence.length).toBeGreaterThan(40);
  });

  it('reads all 410 messages of the manifest', () => {
    expect(run.manifest).toHaveLength(410);
  });

  it('finds at least 99% of the failed recipients', () => {
    expect(ratio(run.score.recipient)).toBeGreaterThanOrEqual(0.99);
  });

  it('agrees on the reason for at least 96% of all rows (Sisimai 5.1 itself: 88.8% of those it found)', () => {
    expect(ratio(run.score.reason)).toBeGreaterThanOrEqual(0.96);
  });

  it('agrees on hard or soft for at least 99.5% of all rows (Sisimai 5.1 itself: 98.1% of those it found)', () => {
    expect(ratio(run.score.hardbounce)).toBeGreaterThanOrEqual(0.995);
  });

  it('agrees on the status code for at least 99% of the rows that give one, placeholders skipped', () => {
    expect(ratio(run.score.status)).toBeGreaterThanOrEqual(0.99);
  });

  it('agrees on the reply code for at least 97% of the rows that give one', () => {
    expect(ratio(run.score.replycode)).toBeGreaterThanOrEqual(0.97);
  });

  it('classifies none of the messages under maildir/not as a bounce', () => {
    expect(run.score.notBounce.agree).toBe(run.score.notBounce.total);
  });

  it('answers CRLF and CR-only copies exactly like their LF originals', () => {
    expect(run.score.newlineCopies.total).toBe(68);
    expect(run.score.newlineCopies.agree).toBe(run.score.newlineCopies.total);
  });

  it('lists every disagreement in known-deviations.json, each with a reviewed reason, and nothing stale', () => {
    expectDeviationsListed('sisimai', run);
  });
});

describe('the classifier over the crisp corpus (replies of large providers)', () => {
  let run: CorpusRun;
  beforeAll(async () => {
    run = await corpusRun('crisp');
    console.log(['crisp:', ...formatScore(run.score)].join('\n  '));
  });

  it('reads all 109 messages of the manifest', () => {
    expect(run.manifest).toHaveLength(109);
  });

  it('answers a CRLF and a CR-only copy of every message exactly like the file as stored', () => {
    expect(run.score.newlineCopies.total).toBe(2 * 109);
    expect(run.score.newlineCopies.agree).toBe(run.score.newlineCopies.total);
  });

  it('finds at least 99% of the failed recipients', () => {
    expect(ratio(run.score.recipient)).toBeGreaterThanOrEqual(0.99);
  });

  it('agrees on the status code for at least 99% of the rows that state one', () => {
    expect(ratio(run.score.status)).toBeGreaterThanOrEqual(0.99);
  });

  it('agrees on permanent or temporary for at least 98% of the rows that state it', () => {
    expect(ratio(run.score.permanent)).toBeGreaterThanOrEqual(0.98);
  });

  it('agrees on hard or not hard for at least 90% of the labelled rows', () => {
    expect(ratio(run.score.hardbounce)).toBeGreaterThanOrEqual(0.9);
  });

  it('gives a reason in the family of the label for at least 90% of the labelled rows', () => {
    expect(ratio(run.score.reason)).toBeGreaterThanOrEqual(0.9);
  });

  it('lists every disagreement in known-deviations.json, each with a reviewed reason, and nothing stale', () => {
    expectDeviationsListed('crisp', run);
  });
});
