import { describe, expect, it } from 'vitest';
import { compileRules, matchReason, RuleError, builtInRules } from '../../src/core/rules/compile.ts';
import { REASON_RULES } from '../../src/core/rules/reasons.ts';

describe('the reason rules', () => {
  it('compile, each with a unique id and a quoted example', () => {
    expect(builtInRules().length).toBe(REASON_RULES.length);
    for (const r of REASON_RULES) expect(r.quote.length).toBeGreaterThan(5);
  });

  it('report a bad rule by its id and position', () => {
    expect(() => compileRules([{ id: 'x/ok', reason: 'blocked', pattern: 'a', quote: 'quote a' }, { id: 'x/bad', reason: 'blocked', pattern: '(', quote: 'quote b' }]))
      .toThrowError(RuleError);
    expect(() => compileRules([{ id: 'x/bad', reason: 'blocked', pattern: '(', quote: 'q' }])).toThrow(/rule 1 \(x\/bad\)/);
  });

  it('match the quoted example of each rule to that rule\'s reason', () => {
    for (const r of REASON_RULES) expect(matchReason(r.quote)?.reason, r.id).toBe(r.reason);
  });

  it('look only at a bounded slice of a huge diagnostic', () => {
    const start = performance.now();
    expect(matchReason('x'.repeat(5_000_000) + ' mailbox full')).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(500);
  });
});
