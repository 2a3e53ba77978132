// The decision trail of a bounce: which DSN field, rule or status code decided it. The
// classifier writes each step as 'by:id' ('dsn:Status 5.1.1', 'rule:exim-unrouteable
// (rules.ts:123)', 'verp'); the bounces table keeps them joined with '; '. Readers use the
// typed form, never the string.

export interface DecisionStep {
  /** What kind of evidence: 'dsn', 'rule', 'status-code', 'text', 'verp', 'x-failed-recipients', ... */
  by: string;
  /** Which one of that kind: the field and its value, the rule's name; '' when the kind says it all. */
  id: string;
}

/** One step from its written form 'by:id' (or just 'by'). */
export function parseDecisionStep(step: string): DecisionStep {
  const s = step.trim();
  const colon = s.indexOf(':');
  return colon < 0 ? { by: s, id: '' } : { by: s.slice(0, colon), id: s.slice(colon + 1).trim() };
}

/** The stored trail ('a:b; c') as typed steps. */
export function parseDecisionTrail(stored: string): DecisionStep[] {
  return stored
    .split(/;\s*/)
    .filter((s) => s.trim() !== '')
    .map(parseDecisionStep);
}

/** The stored form of a trail. */
export function formatDecisionTrail(steps: readonly (DecisionStep | string)[]): string {
  return steps.map((s) => (typeof s === 'string' ? s : s.id ? `${s.by}:${s.id}` : s.by)).join('; ');
}
