// The classifier remembers the last few texts it scanned (prose.ts codesInText, the rules'
// normaliseForRules and matchReason in rules/compile.ts), so a notice read once per recipient
// is scanned once. What is remembered must never answer for another text or another rule table.

import { describe, expect, it } from 'vitest';
import { codesInText, replyCodeInText, statusInText } from '../../src/core/prose.ts';
import { compileRules, matchReason, normaliseForRules } from '../../src/core/rules/compile.ts';

describe('texts scanned once and remembered', () => {
  it('give each text its own status and reply code, read in any order and more often than it holds', () => {
    const texts = Array.from({ length: 20 }, (_, i) => {
      const reply = i % 2 ? '550' : '452';
      const status = i % 2 ? `5.1.${i}` : `4.2.${i}`;
      return { text: `<user${i}@example.org>: host mx${i}.example.org said: ${reply} ${status} refused (case ${i})`, reply, status };
    });
    for (let round = 0; round < 3; round++) {
      const order = round === 1 ? [...texts].reverse() : texts;
      for (const t of order) {
        expect(codesInText(t.text)).toEqual({ status: t.status, replyCode: t.reply });
        expect(statusInText(t.text)).toBe(t.status);
        expect(replyCodeInText(t.text)).toBe(t.reply);
      }
    }
    expect(codesInText('')).toEqual({ status: '', replyCode: '' });
  });

  it('answer a long text (not remembered) the same each time', () => {
    const long = 'x '.repeat(20_000) + ' 550 5.1.1 user unknown';
    expect(codesInText(long)).toEqual({ status: '5.1.1', replyCode: '550' });
    expect(codesInText(long)).toEqual({ status: '5.1.1', replyCode: '550' });
  });

  it("match the same text against each rule table's own rules", () => {
    const quota = compileRules([{ id: 'x/quota', reason: 'mailboxfull', phrases: ['over quota'], quote: 'mailbox over quota' }]);
    const other = compileRules([
      { id: 'y/user', reason: 'userunknown', phrases: ['no such user'], quote: 'no such user' },
      { id: 'y/quota', reason: 'exceedlimit', phrases: ['quota'], quote: 'quota' },
    ]);
    const text = 'Mailbox of <a@example.org> is over quota';
    for (let round = 0; round < 3; round++) {
      expect(matchReason(text, quota)?.id).toBe('x/quota');
      expect(matchReason(text, other)?.id).toBe('y/quota');
      expect(matchReason('no such user here', other)?.id).toBe('y/user');
      expect(matchReason('no such user here', quota)).toBeUndefined();
      for (let i = 0; i < 12; i++) expect(matchReason(`filler text ${i}`, quota)).toBeUndefined();
    }
    expect(normaliseForRules('  550   <A@Example.org>  Over   QUOTA ')).toBe('550 <@> over quota');
  });
});
