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
  end: number;
}

/** Quantifier at i: its least count and where it ends; undefined when there is none. */
function quantifier(src: string, i: number): { min: number; end: number } | 'bad' | undefined {
  const c = src[i];
  let min: number;
  let end: number;
  if (c === '?' || c === '*') [min, end] = [0, i + 1];
  else if (c === '+') [min, end] = [1, i + 1];
  else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(i, i + 24));
    if (!m) return 'bad'; // a literal '{': not worth the doubt
    [min, end] = [Number(m[1]), i + m[0].length];
  } else return undefined;
  if (src[end] === '?') end++; // lazy
  return { min, end };
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

/** An alternation from i up to its closing ')' or the end. */
function alternation(src: string, i: number, depth: number): Parsed | 'bad' {
  if (depth > 20) return 'bad';
  let union: string[] | undefined = [];
  for (;;) {
    const seq = sequence(src, i, depth);
    if (seq === 'bad') return 'bad';
    if (!seq.hints) union = undefined;
    else if (union) union.push(...seq.hints);
    i = seq.end;
    if (src[i] !== '|') return { hints: union, end: i };
    i++;
  }
}

/** A sequence of atoms up to '|', ')' or the end; its best required string(s). */
function sequence(src: string, i: number, depth: number): Parsed | 'bad' {
  let best: string[] | undefined;
  let run = '';
  const endRun = () => {
    if (run.length >= MIN_HINT_CHARS) best = better(best, [run]);
    run = '';
  };
  while (i < src.length && src[i] !== '|' && src[i] !== ')') {
    const c = src[i]!;
    let literal: string | undefined;
    let groupHints: string[] | undefined;
    let next: number;
    if (c === '(') {
      let j = i + 1;
      let lookaround = false;
      if (src.startsWith('?:', j)) j += 2;
      else if (src.startsWith('?=', j) || src.startsWith('?!', j)) [j, lookaround] = [j + 2, true];
      else if (src.startsWith('?<=', j) || src.startsWith('?<!', j)) [j, lookaround] = [j + 3, true];
      else if (src[j] === '?') return 'bad'; // named groups and the like: not worth the doubt
      const inner = alternation(src, j, depth + 1);
      if (inner === 'bad' || src[inner.end] !== ')') return 'bad';
      next = inner.end + 1;
      if (!lookaround) groupHints = inner.hints;
    } else if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) return 'bad';
      next = j + 1;
    } else if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined) return 'bad';
      if (/[bBdDsSwW]/.test(e)) next = i + 2;
      else if (/[!-\/:-@\[-`{-~]/.test(e))
        [literal, next] = [e, i + 2]; // escaped punctuation
      else return 'bad'; // \n, \u, \1 ...: not worth the doubt
    } else if (c === '.' || c === '^' || c === '$') next = i + 1;
    else if (c === '*' || c === '+' || c === '?' || c === '{' || c === ']' || c === '}') return 'bad';
    else {
      next = i + 1;
      if (plainChar(c)) literal = c.toLowerCase();
    }
    const q = quantifier(src, next);
    if (q === 'bad') return 'bad';
    if (q) next = q.end;
    const required = !q || q.min > 0;
    if (literal !== undefined && required) {
      run += literal;
      if (q) endRun(); // repeated: what follows is not next to it
    } else {
      endRun();
      if (groupHints && required) best = better(best, groupHints);
    }
    i = next;
  }
  endRun();
  return { hints: best, end: i };
}

/**
 * Strings of which every text a phrase matches holds one (lower-case), or undefined when
 * none can be said for sure. A rule's hints are the union over its phrases.
 */
export function requiredText(phrases: readonly string[]): string[] | undefined {
  const all = new Set<string>();
  for (const p of phrases) {
    const parsed = alternation(p, 0, 0);
    if (parsed === 'bad' || parsed.end !== p.length || !parsed.hints?.length) return undefined;
    for (const h of parsed.hints) all.add(h);
  }
  return [...all];
}
