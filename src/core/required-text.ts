// Derives a rule's hints from its phrases: strings of which any text the rule matches must
// hold one. firstMatching (compile.ts) tests them with String.includes before it runs the
// rule's pattern, which on most texts (no rule of the 350 matches) is what takes the time.
// The derivation is conservative: where it cannot be sure, it gives no hints, and the rule
// is tried on every text as before. It never changes which rule matches.

/** Shorter required strings say too little to spare a pattern's run. */
const MIN_HINT_CHARS = 3;

/**
 * A character that stands for itself in a rule's pattern on the lower-cased text, case-
 * insensitively: ASCII (the text is lower-cased, and a non-ASCII character never matches an
 * ASCII one under the 'i' flag without 'u'), or a kana, Han or Hangul character (no case).
 * Other letters are left out: some match another character case-insensitively (µ and μ).
 */
function plainChar(c: string): boolean {
  const n = c.charCodeAt(0);
  return n < 0x80 || (n >= 0x3040 && n <= 0x30ff) || (n >= 0x4e00 && n <= 0x9fff) || (n >= 0xac00 && n <= 0xd7a3);
}

interface Parsed {
  /** Strings of which a match holds one; undefined when not known. */
  hints: string[] | undefined;
  /** The next token. */
  end: number;
}

/**
 * A phrase's tokens, found by one native pattern rather than a loop over its characters
 * (the rules are compiled at start-up, where this loop runs as cold code): an escape, a
 * class, a group's opening, ')', '|', '.', '^', '$', a quantifier with its lazy '?', a run
 * of plain characters, or any other single character.
 */
const TOKEN =
  /\\[\s\S]?|\[\^?\]?(?:\\[\s\S]|[^\]\\])*\]|\((?:\?(?::|=|!|<=|<!))?|[)|.^$]|[?*+]\??|\{\d+(?:,\d*)?\}\??|[^\\[\](){}|.^$?*+]+|[\s\S]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** A quantifier token's least count; undefined when the token is none. */
function leastCount(token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  const c = token[0];
  if (c === '?' || c === '*') return 0;
  if (c === '+') return 1;
  if (c === '{' && token.length > 1) return Number(/\d+/.exec(token)![0]);
  return undefined;
}

/** The better of two hint sets: the one whose shortest string is longer, then the smaller. */
function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const minA = Math.min(...a.map((h) => h.length));
  const minB = Math.min(...b.map((h) => h.length));
  if (minA !== minB) return minA > minB ? a : b;
  return a.length <= b.length ? a : b;
}

/** An alternation from token k up to its closing ')' or the end. */
function alternation(tokens: string[], k: number, depth: number): Parsed | 'bad' {
  if (depth > 20) return 'bad';
  let union: string[] | undefined = [];
  for (;;) {
    const seq = sequence(tokens, k, depth);
    if (seq === 'bad') return 'bad';
    if (!seq.hints) union = undefined;
    else if (union) union.push(...seq.hints);
    k = seq.end;
    if (tokens[k] !== '|') return { hints: union, end: k };
    k++;
  }
}

/** A sequence of atoms up to '|', ')' or the end; its best required string(s). */
function sequence(tokens: string[], k: number, depth: number): Parsed | 'bad' {
  let best: string[] | undefined;
  let run = '';
  const endRun = () => {
    if (run.length >= MIN_HINT_CHARS) best = better(best, [run]);
    run = '';
  };
  while (k < tokens.length && tokens[k] !== '|' && tokens[k] !== ')') {
    const t = tokens[k]!;
    const c = t[0]!;
    // The characters of a plain run before its last (a quantifier takes only the last).
    let lead = '';
    let literal: string | undefined;
    let groupHints: string[] | undefined;
    let next = k + 1;
    if (c === '(') {
      if (t === '(' && tokens[k + 1]?.startsWith('?')) return 'bad'; // named groups and the like: not worth the doubt
      const lookaround = t.length > 1 && t !== '(?:';
      const inner = alternation(tokens, k + 1, depth + 1);
      if (inner === 'bad' || tokens[inner.end] !== ')') return 'bad';
      next = inner.end + 1;
      if (!lookaround) groupHints = inner.hints;
    } else if (c === '[') {
      if (t.startsWith('[]') || t.startsWith('[^]')) return 'bad';
    } else if (c === '\\') {
      const e = t[1];
      if (e === undefined) return 'bad';
      if (!'bBdDsSwW'.includes(e)) {
        if (!/[!-\/:-@\[-`{-~]/.test(e)) return 'bad'; // \n, \u, \1 ...: not worth the doubt
        literal = e; // escaped punctuation
      }
    } else if (c === '.' || c === '^' || c === '$') {
      // matches no fixed character
    } else if (t.length === 1 && '*+?{]}'.includes(c)) return 'bad';
    else if (c === '*' || c === '+' || c === '?' || c === '{') return 'bad';
    else {
      lead = t.slice(0, -1);
      const last = t[t.length - 1]!;
      if (plainChar(last)) literal = last.toLowerCase();
    }
    if (lead) {
      if (ASCII_ONLY.test(lead)) run += lead.toLowerCase();
      else
        for (const ch of lead) {
          if (plainChar(ch)) run += ch.toLowerCase();
          else endRun();
        }
    }
    const min = leastCount(tokens[next]);
    if (min !== undefined) next++;
    const required = min === undefined || min > 0;
    if (literal !== undefined && required) {
      run += literal;
      if (min !== undefined) endRun(); // repeated: what follows is not next to it
    } else {
      endRun();
      if (groupHints && required) best = better(best, groupHints);
    }
    k = next;
  }
  endRun();
  return { hints: best, end: k };
}

/**
 * Strings of which every text a phrase matches holds one (lower-case), or undefined when
 * none can be said for sure. A rule's hints are the union over its phrases.
 */
export function requiredText(phrases: readonly string[]): string[] | undefined {
  const all = new Set<string>();
  for (const p of phrases) {
    const tokens = p.match(TOKEN) ?? [];
    const parsed = alternation(tokens, 0, 0);
    if (parsed === 'bad' || parsed.end !== tokens.length || !parsed.hints?.length) return undefined;
    for (const h of parsed.hints) all.add(h);
  }
  return [...all];
}
