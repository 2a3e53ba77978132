// The repositories' placeholders (`?` positional, `@name` named; see driver.ts) turned into
// PostgreSQL's `$1`, `$2`, ... A scan of the statement, not a regular expression: a `?` or an
// `@` inside a string literal ('it''s @ 5?'), a quoted identifier ("a?b"), a comment or a
// dollar-quoted body is text, not a placeholder, and `::` casts pass through untouched.
// A named parameter used twice gets one number, so the value is sent once.
//
// What is not read as a placeholder: PostgreSQL's `?`, `?|`, `?&` jsonb operators cannot be
// written (rebound stores no jsonb), and `@` followed by anything but a letter or `_` (the
// `@>` and `@` operators) stays an operator.

import type { SqlParams, SqlValue } from './driver.ts';

export interface TranslatedSql {
  /** The statement with `$n` placeholders. */
  text: string;
  /** 'positional': `count` `?` marks; 'named': the name behind each `$n`, in order. */
  kind: 'none' | 'positional' | 'named';
  count: number;
  names: string[];
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_$]/;

/** Index just past the quote that closes the literal opened at `start` (`q` doubled inside is the quote itself). */
function skipQuoted(sql: string, start: number, q: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
      continue;
    }
    if (c === q) {
      if (sql[i + 1] === q) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  throw new SyntaxError(`unterminated ${q === "'" ? 'string literal' : 'quoted identifier'} in SQL: ${sql.slice(start, start + 40)}`);
}

/** Index past a block comment; PostgreSQL nests them. */
function skipBlockComment(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  throw new SyntaxError('unterminated /* comment in SQL');
}

/** The dollar-quote tag (`$$`, `$body$`) starting at i, or undefined when `$` starts something else ($1). */
function dollarTag(sql: string, i: number): string | undefined {
  const m = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64));
  return m?.[0];
}

export function translatePlaceholders(sql: string): TranslatedSql {
  let out = '';
  let from = 0;
  let count = 0;
  const names: string[] = [];
  const numberOf = new Map<string, number>();
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'") {
      // E'...' strings take backslash escapes; standard strings do not (standard_conforming_strings).
      const prev = sql[i - 1];
      const escaped = (prev === 'E' || prev === 'e') && !IDENT_CHAR.test(sql[i - 2] ?? ' ');
      i = skipQuoted(sql, i, "'", escaped);
    } else if (c === '"') {
      i = skipQuoted(sql, i, '"', false);
    } else if (c === '-' && sql[i + 1] === '-') {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      i = skipBlockComment(sql, i);
    } else if (c === '$' && !IDENT_CHAR.test(sql[i - 1] ?? ' ')) {
      const tag = dollarTag(sql, i);
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        if (end < 0) throw new SyntaxError(`unterminated ${tag} quote in SQL`);
        i = end + tag.length;
      } else {
        i++;
      }
    } else if (c === ':' && sql[i + 1] === ':') {
      i += 2;
    } else if (c === '?') {
      if (names.length) throw new TypeError('SQL mixes ? and @name placeholders; use one kind per statement');
      out += sql.slice(from, i) + `$${++count}`;
      i++;
      from = i;
    } else if (c === '@' && IDENT_START.test(sql[i + 1] ?? '') && !IDENT_CHAR.test(sql[i - 1] ?? ' ')) {
      if (count && !names.length) throw new TypeError('SQL mixes ? and @name placeholders; use one kind per statement');
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(sql[j]!)) j++;
      const name = sql.slice(i + 1, j);
      let num = numberOf.get(name);
      if (num === undefined) {
        names.push(name);
        num = names.length;
        numberOf.set(name, num);
      }
      out += sql.slice(from, i) + `$${num}`;
      i = j;
      from = i;
    } else if (IDENT_CHAR.test(c)) {
      // A whole word at once: `$` inside an identifier (a$b) is not a dollar quote.
      i++;
      while (i < n && IDENT_CHAR.test(sql[i]!)) i++;
    } else {
      i++;
    }
  }
  out += sql.slice(from);
  if (names.length) return { text: out, kind: 'named', count: names.length, names };
  return { text: out, kind: count ? 'positional' : 'none', count, names };
}

/** What `pg` sends for one value: bigints as decimal text, bytes as a Buffer, undefined as NULL. */
function toPg(v: SqlValue | undefined): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return v;
}

/**
 * The values for `$1..$n`, checked as better-sqlite3 checks them (so a repository fails the
 * same way on both engines): the right kind of params for the placeholders, no missing name,
 * no more or fewer positional values than marks. Extra named keys are ignored.
 */
export function bindValues(t: TranslatedSql, params: SqlParams | undefined): unknown[] {
  const isList = Array.isArray(params);
  if (t.kind === 'named') {
    if (params === undefined || isList) throw new TypeError('this statement takes @name parameters: pass an object');
    const obj = params as Readonly<Record<string, SqlValue | undefined>>;
    return t.names.map((name) => {
      if (!Object.hasOwn(obj, name)) throw new RangeError(`Missing named parameter "${name}"`);
      return toPg(obj[name]);
    });
  }
  const list = params === undefined ? [] : isList ? (params as readonly SqlValue[]) : undefined;
  if (!list) {
    if (t.kind === 'none' && Object.keys(params as object).length === 0) return [];
    throw new TypeError('this statement takes ? parameters (or none): pass a list');
  }
  if (list.length > t.count) throw new RangeError('Too many parameter values were provided');
  if (list.length < t.count) throw new RangeError('Too few parameter values were provided');
  return list.map(toPg);
}
