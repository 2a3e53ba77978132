// The reason rules are tried only on texts holding one of their hints, and most rules' hints
// are derived from their phrases (src/core/required-text.ts). A prefilter may only spare
// work: the rule that decides must be the one trying every pattern in order would find.

import { describe, expect, it } from 'vitest';
import { builtInRules, compileRules, matchReason, normaliseForRules, type CompiledRule } from '../../src/core/rules/compile.ts';
import { REASON_RULES } from '../../src/core/rules/reasons.ts';
import { requiredText } from '../../src/core/required-text.ts';

/** The first rule whose pattern matches, every rule tried: the answer without prefilters. */
function everyRuleTried(text: string, rules: readonly CompiledRule[]): string | undefined {
  const input = normaliseForRules(text);
  return input ? rules.find((r) => r.regex.test(input))?.id : undefined;
}

describe('rules skipped by their hints', () => {
  it('decide every quoted example as trying every rule would, in any case and with addresses around it', () => {
    const rules = builtInRules();
    for (const r of REASON_RULES) {
      for (const text of [r.quote, r.quote.toUpperCase(), `<someone@example.org>: ${r.quote} (a@b.example)`]) {
        expect(matchReason(text, rules)?.id, `${r.id}: ${text}`).toBe(everyRuleTried(text, rules));
      }
    }
  });

  it('are given the words each phrase cannot match without', () => {
    // "mail", "box " and "full" are each required; the first of the longest is enough.
    expect(requiredText([String.raw`mail ?box (?:is )?full`])).toEqual(['mail']);
    expect(requiredText([String.raw`user'?s? mailbox is full`, String.raw`(?:inbox|mailbox) is out of space`])).toEqual([
      ' mailbox is full',
      ' is out of space',
    ]);
    expect(requiredText([String.raw`(?:account|mailbox) disabled`])).toEqual([' disabled']);
    expect(requiredText([String.raw`\b5\.7\.1 sender denied\b`])).toEqual(['5.7.1 sender denied']);
    // Kana and Han have no case: they can be required as written.
    expect(requiredText([String.raw`メールボックスがいっぱい`])).toEqual(['メールボックスがいっぱい']);
  });

  it('are not given when a phrase could match without any string of three characters', () => {
    // An optional group, a lookbehind, a class, two letters: nothing is sure.
    expect(requiredText([String.raw`(?:over quota)?x`])).toBeUndefined();
    expect(requiredText([String.raw`(?<!sending )[a-z]+ (?:is|was)`])).toBeUndefined();
    // One phrase without: the whole rule is tried on every text.
    expect(requiredText([String.raw`mailbox full`, String.raw`\d{3} k`])).toBeUndefined();
    // Letters a case-insensitive pattern may match in another form (µ and μ) are never required.
    expect(requiredText([String.raw`μμμ`])).toBeUndefined();
    expect(requiredText([String.raw`überschritten`])).toEqual(['berschritten']);
    // Escapes of uncertain meaning and backreferences: no hints.
    expect(requiredText([String.raw`(abc)\1def`])).toBeUndefined();
    expect(requiredText([String.raw`caf\u00e9 closed`])).toBeUndefined();
  });

  it('keep a rule that matches a text holding its hint only across a long notice', () => {
    const rules = compileRules([
      { id: 'x/full', reason: 'mailboxfull', phrases: [String.raw`mail ?box (?:is )?full`], quote: 'mailbox is full' },
      { id: 'x/any', reason: 'rejected', phrases: [String.raw`refused`], quote: 'refused' },
    ]);
    expect(rules[0]!.hints).toEqual(['mail']);
    const long = 'word '.repeat(700) + 'the MAILBOX IS FULL';
    expect(matchReason(long, rules)?.id).toBe('x/full');
    expect(matchReason('word '.repeat(700) + 'the mail box refused', rules)?.id).toBe('x/any');
  });
});
