// Compiles the reason rules once and matches a diagnostic against them.
// A rule that does not compile is reported with its id and position, like ZoneMTA's
// bounces.txt loader reports a bad line, instead of failing somewhere later.

import type { Reason } from '../types.ts';
import { REASON_RULES, type ReasonRule, type RuleTrait } from './reasons.ts';
import { detachedCopy } from '../text.ts';

/** Rules look at this many characters of a diagnostic at most (hostile input bound). */
export const MAX_RULE_INPUT = 4096;

export interface CompiledRule {
  id: string;
  reason: Reason;
  regex: RegExp;
  /** 1-based position in the rule table, for error messages and traces. */
  index: number;
  /** The text must hold one of these for the rule to be tried (none: always tried). */
  hints?: readonly string[];
  traits: readonly RuleTrait[];
}

export class RuleError extends Error {
  ruleId: string;
  index: number;
  constructor(ruleId: string, index: number, cause: unknown) {
    super(`reason rule ${index} (${ruleId}) does not compile: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.ruleId = ruleId;
    this.index = index;
  }
}

/** Compiles a rule table; throws RuleError naming the first bad rule. */
export function compileRules(rules: readonly ReasonRule[]): CompiledRule[] {
  const seen = new Set<string>();
  return rules.map((rule, i) => {
    if (seen.has(rule.id)) throw new RuleError(rule.id, i + 1, new Error('duplicate id'));
    seen.add(rule.id);
    try {
      if (!rule.phrases.length) throw new Error('no phrases');
      const pattern = rule.phrases.map((p) => `(?:${p})`).join('|');
      return {
        id: rule.id,
        reason: rule.reason,
        regex: new RegExp(pattern, 'i'),
        index: i + 1,
        hints: rule.hints,
        traits: rule.traits ?? [],
      };
    } catch (err) {
      throw new RuleError(rule.id, i + 1, err);
    }
  });
}

let compiled: CompiledRule[] | undefined;

/** The built-in rules, compiled on first use. */
export function builtInRules(): CompiledRule[] {
  compiled ??= compileRules(REASON_RULES);
  return compiled;
}

/**
 * Mail addresses in a diagnostic: rules look at the words around them, never at an address
 * (a recipient named dmarc@ or spam@ says nothing about why the message failed). Each is
 * replaced by ADDRESS_TOKEN, so "550 <a@b>: User unknown" stays unlike "550 : User unknown".
 */
export const ADDRESS_TOKEN = '<@>';
const ADDRESS_IN_TEXT = /<?[^\s<>()\[\]"',;:]+@[^\s<>()\[\]"',;:]+>?/g;

/**
 * The last few texts normalised: one diagnostic is matched against the rules, then against
 * the rules of several traits (reason.ts), each of which normalised it again. Small, cleared
 * when full, and only for texts of an ordinary size, so it never holds much of a message.
 */
const normalised = new Map<string, string>();
const NORMALISED_ENTRIES = 8;
const NORMALISED_MAX_CHARS = 16_384;

/** Lower-cases, removes addresses, collapses whitespace and bounds a text before rules see it. */
export function normaliseForRules(text: string): string {
  if (text.length > NORMALISED_MAX_CHARS) return normalise(text);
  let flat = normalised.get(text);
  if (flat === undefined) {
    flat = normalise(text);
    if (normalised.size >= NORMALISED_ENTRIES) normalised.clear();
    normalised.set(detachedCopy(text), flat);
  }
  return flat;
}

function normalise(text: string): string {
  const cut = text.length > MAX_RULE_INPUT * 2 ? text.slice(0, MAX_RULE_INPUT * 2) : text;
  const flat = withoutContinuationCodes(cut.toLowerCase().replace(ADDRESS_IN_TEXT, ADDRESS_TOKEN).replace(/\s+/g, ' ').trim());
  return flat.length > MAX_RULE_INPUT ? flat.slice(0, MAX_RULE_INPUT) : flat;
}

/** The first line of a multi-line reply in a flattened text: its code, a hyphen, and the
 * enhanced status its lines repeat (Gmail's "550-5.7.1 ..."). */
const MULTILINE_REPLY_START = /(?:^|[\s;:(\[<>])([245]\d\d)-(?:([245]\.\d{1,3}\.\d{1,3}) )?/g;
/** Multi-line replies undone in one text: a transcript holds a few (the greeting banner, then
 * the refusal); a stranger's text of thousands is read as its first few. */
const MAX_MULTILINE_REPLIES = 8;

/**
 * A multi-line reply flattened into one text ("550-5.7.1 has a policy that 550-5.7.1
 * prohibited the mail ... 550 5.7.1 https://..."), as MTAs write it in a Diagnostic-Code or a
 * notice or a transcript: the code and status that start each later line are not the server's words, and a
 * wording that runs across a line break must read as the server wrote it. Each reply's first
 * line keeps its code (rules may read it); the repeats of that same code and status go. A
 * transcript may hold several multi-line replies ("<<< 220-mx ESMTP ..." before the refusal):
 * each is undone, up to MAX_MULTILINE_REPLIES.
 */
function withoutContinuationCodes(flat: string): string {
  let out = flat;
  let from = 0;
  const undone = new Set<string>();
  for (let n = 0; n < MAX_MULTILINE_REPLIES; n++) {
    MULTILINE_REPLY_START.lastIndex = from;
    const start = MULTILINE_REPLY_START.exec(out);
    if (!start) break;
    const [, code, status] = start;
    const head = start.index + start[0].length;
    const key = `${code} ${status ?? ''}`;
    if (!undone.has(key)) {
      undone.add(key);
      const status_ = status ? `(?:${status.replace(/\./g, '\\.')} )?` : '';
      // A transcript quotes each line after "<<< " (Sendmail, Courier).
      const repeat = new RegExp(` (?:<<< )?${code}[- ]${status_}`, 'g');
      out = out.slice(0, head) + out.slice(head).replace(repeat, ' ');
    }
    from = head;
  }
  return out;
}

/** The first rule matching the text, or undefined. */
export function matchReason(text: string, rules: readonly CompiledRule[] = builtInRules()): CompiledRule | undefined {
  const input = normaliseForRules(text);
  if (!input) return undefined;
  // A notice is matched once per recipient it names, with the same rules: the last few
  // answers per rule table are kept (null: no rule matched).
  let recent = recentMatches.get(rules);
  if (!recent) recentMatches.set(rules, (recent = new Map()));
  const known = recent.get(input);
  if (known !== undefined) return known ?? undefined;
  const found = firstMatching(input, rules);
  if (recent.size >= RECENT_MATCHES) recent.clear();
  recent.set(input, found ?? null);
  return found;
}

/** The last few answers of matchReason, per rule table, by normalised text (at most MAX_RULE_INPUT characters). */
const recentMatches = new WeakMap<readonly CompiledRule[], Map<string, CompiledRule | null>>();
const RECENT_MATCHES = 8;

function firstMatching(input: string, rules: readonly CompiledRule[]): CompiledRule | undefined {
  for (const rule of rules) {
    if (rule.hints && !rule.hints.some((h) => input.includes(h))) continue;
    if (rule.regex.test(input)) return rule;
  }
  return undefined;
}

const withoutTrait = new Map<RuleTrait, CompiledRule[]>();

/** The built-in rules lacking a trait, in their order (compiled once per trait). */
export function builtInRulesWithout(trait: RuleTrait): CompiledRule[] {
  let rules = withoutTrait.get(trait);
  if (!rules) {
    rules = builtInRules().filter((r) => !r.traits.includes(trait));
    withoutTrait.set(trait, rules);
  }
  return rules;
}

/** True when the built-in rule with this id matches the text. */
export function ruleMatches(id: string, text: string, rules: CompiledRule[] = builtInRules()): boolean {
  const rule = rules.find((r) => r.id === id);
  return Boolean(rule && text && rule.regex.test(normaliseForRules(text)));
}

/** True when a built-in rule with this trait matches the text (see rules/README.md). */
export function matchTrait(trait: RuleTrait, text: string, rules: CompiledRule[] = builtInRules()): boolean {
  if (!text) return false;
  const input = normaliseForRules(text);
  return rules.some((r) => r.traits.includes(trait) && (!r.hints || r.hints.some((h) => input.includes(h))) && r.regex.test(input));
}
