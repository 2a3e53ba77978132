// How tools/corpus/score.ts counts our answer against a corpus table: a recipient we report
// that the table lacks is a wrong finding and shows in the figures.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import { scoreCorpus, type ManifestEntry } from '../../tools/corpus/score.ts';

const notice = (lines: string[]) =>
  Buffer.from(
    ['From: MAILER-DAEMON@mx.example.org', 'To: s@example.com', 'Subject: Undelivered Mail Returned to Sender', '', ...lines, ''].join(
      '\n',
    ),
  );

describe('corpus score', () => {
  it('counts a recipient we report that the table does not have as a recipient deviation', async () => {
    const c = await classify(notice(['<a@example.net>: 550 5.1.1 User unknown', '', '<b@example.net>: 550 5.1.1 User unknown']));
    expect(c.recipients.map((r) => r.address)).toEqual(['a@example.net', 'b@example.net']);
    const manifest: ManifestEntry[] = [
      {
        file: 'm.eml',
        family: 'test',
        expected: [{ recipient: 'a@example.net', reason: 'userunknown', hardbounce: true, status: '5.1.1', replycode: '550' }],
      },
    ];
    const score = scoreCorpus('sisimai', manifest, new Map([['m.eml', c]]));
    expect(score.recipient).toEqual({ agree: 1, total: 2 });
    expect(score.deviations).toEqual([
      { corpus: 'sisimai', file: 'm.eml', recipient: 'b@example.net', field: 'recipient', expected: '(none)', ours: 'b@example.net' },
    ]);
  });
});
