// Compiles the reason rules once and matches a diagnostic against them.
// A rule that does not compile is reported with its id and position, like ZoneMTA's
// bounces.txt loader reports a bad line, instead of failing somewhere later.

import type { Reason } from '../types.ts';
import { REASON_RULES, type ReasonRule, type RuleTrait } from './reasons.ts';
import { detachedCopy } from '../text.ts';
import { requiredText } from '../required-text.ts';

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
  /** Each hint's pairs of adjacent ASCII characters (see pairsIn), computed with the rule. */
  hintPairs?: readonly (readonly number[])[];
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
      // A rule without hints of its own gets those its phrases require (required-text.ts):
      // most texts match none of the rules, and a substring test spares running the pattern.
      const hints = rule.hints ?? requiredText(rule.phrases);
      return {
        id: rule.id,
        reason: rule.reason,
        regex: new RegExp(pattern, 'i'),
        index: i + 1,
        hints,
        hintPairs: hints?.map(asciiPairs),
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
  const lower = cut.toLowerCase();
  // No '@', no address: the address pattern would only scan every run of characters in vain.
  const withoutAddresses = lower.includes('@') ? lower.replace(ADDRESS_IN_TEXT, ADDRESS_TOKEN) : lower;
  const flat = withoutContinuationCodes(withoutAddresses.replace(/\s+/g, ' ').trim());
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
      // A hyphen line ("550-") is always the same reply; a last line ("550 ") is this reply's
      // only when it repeats the first line's status: "550 5.1.1 ..." after "550-5.7.1 ..."
      // is another reply, its words kept whole.
      const status_ = status ? status.replace(/\./g, '\\.') + ' ' : '';
      // A transcript quotes each line after "<<< " (Sendmail, Courier).
      const repeat = new RegExp(status ? ` (?:<<< )?${code}(?:-(?:${status_})?| ${status_})` : ` (?:<<< )?${code}[- ]`, 'g');
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
  const pairs = pairsIn(input);
  for (const rule of rules) {
    if (rule.hints && !holdsHint(input, pairs, rule)) continue;
    if (rule.regex.test(input)) return rule;
  }
  return undefined;
}

/**
 * The pairs of adjacent ASCII characters a text holds, one bit each (128 x 128). A hint
 * with a pair the text lacks is not in it: most hints are ruled out by a bit or two instead
 * of a String.includes over the whole text, which over a long notice that no rule matches
 * (every rule's every hint tried) took longer than the patterns themselves.
 */
function pairsIn(text: string): Uint32Array {
  if (text === lastPairsText) return lastPairs;
  const bits = new Uint32Array(PAIR_WORDS);
  let prev = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((prev | c) < 128) {
      const k = (prev << 7) | c;
      bits[k >>> 5] |= 1 << (k & 31);
    }
    prev = c;
  }
  // matchReason and the matchTrait calls after it read the same text: the last one is kept.
  lastPairsText = text;
  lastPairs = bits;
  return bits;
}
const PAIR_WORDS = (128 * 128) / 32;
let lastPairsText = '';
let lastPairs = new Uint32Array(PAIR_WORDS);

/** The pairs of adjacent ASCII characters in a hint, as pairsIn's bit numbers. */
function asciiPairs(hint: string): number[] {
  const keys: number[] = [];
  for (let i = 1; i < hint.length; i++) {
    const a = hint.charCodeAt(i - 1);
    const b = hint.charCodeAt(i);
    if ((a | b) < 128) keys.push((a << 7) | b);
  }
  return keys;
}

/** The text holds one of the rule's hints (the pairs rule most of them out first). */
function holdsHint(input: string, pairs: Uint32Array, rule: CompiledRule): boolean {
  const hints = rule.hints ?? [];
  // A rule made elsewhere than compileRules has no pairs: each hint is then searched for.
  const keys = rule.hintPairs ?? [];
  next: for (let i = 0; i < hints.length; i++) {
    for (const k of keys[i] ?? []) if (!(pairs[k >>> 5]! & (1 << (k & 31)))) continue next;
    if (input.includes(hints[i]!)) return true;
  }
  return false;
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
  const pairs = pairsIn(input);
  return rulesWith(trait, rules).some((r) => (!r.hints || holdsHint(input, pairs, r)) && r.regex.test(input));
}

/** Per rule table, the rules of each trait: a few dozen of the 350, looked up once, not per call. */
const byTrait = new WeakMap<readonly CompiledRule[], Map<RuleTrait, CompiledRule[]>>();

function rulesWith(trait: RuleTrait, rules: readonly CompiledRule[]): CompiledRule[] {
  let traits = byTrait.get(rules);
  if (!traits) byTrait.set(rules, (traits = new Map()));
  let found = traits.get(trait);
  if (!found) traits.set(trait, (found = rules.filter((r) => r.traits.includes(trait))));
  return found;
}
