// The mbox reader (src/intake/mbox.ts): where messages start and end, the mboxrd escape,
// CRLF and CR-only files, resuming at an offset, that a file is read in pieces, and that the
// in-memory splitter (the corpus scorer's) splits a file as the streaming reader does.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPostmark, looksLikeMbox, MAX_MBOX_MESSAGES, readMbox, splitMbox } from '../../src/intake/mbox.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-mbox-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function read(text: string, opts: Parameters<typeof readMbox>[1] = {}) {
  const file = path.join(dir, 'box.mbox');
  writeFileSync(file, text, 'latin1');
  const out: { text: string; start: number; end: number; truncated?: boolean }[] = [];
  for await (const m of readMbox(file, opts))
    out.push({ text: m.raw.toString('latin1'), start: m.start, end: m.end, ...(m.truncated ? { truncated: true } : {}) });
  return out;
}

const PM = 'From MAILER-DAEMON Sat Nov 21 10:00:00 2026\n';

describe('mbox reader', () => {
  it('knows a postmark by its date, not by "From " alone', () => {
    expect(isPostmark(Buffer.from('From MAILER-DAEMON Sat Nov 21 10:00:00 2026'))).toBe(true);
    expect(isPostmark(Buffer.from('From  Mon Jan  1 00:00 2024'))).toBe(true);
    expect(isPostmark(Buffer.from('From here on, the plan changes.'))).toBe(false);
    expect(isPostmark(Buffer.from('from MAILER-DAEMON Sat Nov 21 10:00:00 2026'))).toBe(false);
  });

  it('splits at postmarks after an empty line only, and keeps an unescaped "From " line of a body', async () => {
    const text =
      `${PM}Subject: one\n\nbody line\nFrom the desk of Bob (not escaped, not after an empty line)\n\nFrom here on: after an empty line, but no date\n\n` +
      `${PM}Subject: two\n\nsecond body\n`;
    const ms = await read(text);
    expect(ms.map((m) => m.text)).toEqual([
      'Subject: one\n\nbody line\nFrom the desk of Bob (not escaped, not after an empty line)\n\nFrom here on: after an empty line, but no date\n',
      'Subject: two\n\nsecond body\n',
    ]);
    // Byte ranges: each message from its postmark to the next one (the resume points).
    expect(ms[0]!.start).toBe(0);
    expect(ms[1]!.start).toBe(text.indexOf(`${PM}Subject: two`));
    expect(ms[0]!.end).toBe(ms[1]!.start);
    expect(ms[1]!.end).toBe(text.length);
  });

  it('takes one ">" off mboxrd-escaped lines and leaves other ">" lines alone', async () => {
    const ms = await read(`${PM}Subject: q\n\n>From a quoted line\n>>From twice\n> quoted reply\n>Fromage\n`);
    expect(ms[0]!.text).toBe('Subject: q\n\nFrom a quoted line\n>From twice\n> quoted reply\n>Fromage\n');
  });

  it('reads CRLF files, a last line without a newline, and messages across read chunks', async () => {
    const big = 'x'.repeat(70) + '\r\n';
    const text = `${PM.replace('\n', '\r\n')}Subject: a\r\n\r\n${big.repeat(50)}\r\n${PM.replace('\n', '\r\n')}Subject: b\r\n\r\nend`;
    const ms = await read(text, { chunkBytes: 64 });
    expect(ms).toHaveLength(2);
    expect(ms[0]!.text).toBe(`Subject: a\r\n\r\n${big.repeat(50)}`);
    expect(ms[1]!.text).toBe('Subject: b\r\n\r\nend');
  });

  it('resumes at a message boundary, and cuts a message over the size bound', async () => {
    const text = `${PM}Subject: 1\n\na\n\n${PM}Subject: 2\n\nb\n\n${PM}Subject: 3\n\n${'c'.repeat(500)}\n`;
    const all = await read(text);
    const rest = await read(text, { from: all[1]!.start });
    expect(rest.map((m) => m.text)).toEqual([all[1]!.text, all[2]!.text]);
    const cut = await read(text, { maxMessageBytes: 100 });
    expect(cut[2]!.truncated).toBe(true);
    expect(cut[2]!.text).toHaveLength(100);
    expect(cut[0]!.truncated).toBeUndefined();
  });

  it('tells an mbox from a message file by its first line', async () => {
    const mbox = path.join(dir, 'a.mbox');
    const eml = path.join(dir, 'a.eml');
    writeFileSync(mbox, `${PM}Subject: x\n\n`);
    writeFileSync(eml, 'From: someone@example.org\nSubject: x\n\n');
    expect(await looksLikeMbox(mbox)).toBe(true);
    expect(await looksLikeMbox(eml)).toBe(false);
  });
});

describe('mbox splitter in memory', () => {
  const messages = [
    'From MAILER-DAEMON  Thu Jul  2 12:05:05 2020',
    'From: a@example.org',
    'Subject: one',
    '',
    'body one',
    '>From an escaped line',
    '',
    'From double-bounce@mx.example.org  Thu Jul  2 12:05:06 2020',
    'From: b@example.org',
    'Subject: two',
    '',
    'body two',
    '',
  ];

  it('splits LF, CRLF and CR-only files alike, as the streaming reader splits them', async () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = messages.join(nl);
      const parts = splitMbox(Buffer.from(text, 'latin1')).map((p) => p.toString('latin1'));
      expect(parts).toEqual([
        ['From: a@example.org', 'Subject: one', '', 'body one', 'From an escaped line', ''].join(nl),
        ['From: b@example.org', 'Subject: two', '', 'body two', ''].join(nl),
      ]);
      expect((await read(text)).map((m) => m.text)).toEqual(parts);
    }
  });

  it('starts a message at a dated postmark after a body line only when a header field follows', async () => {
    const text = [
      'From MAILER-DAEMON  Thu Jul  2 12:05:05 2020',
      'From: a@example.org',
      '',
      'a body line',
      'From x Thu Jul  2 12:05:05 2020',
      'not a header',
      'From MAILER-DAEMON  Thu Jul  2 12:05:06 2020',
      'Subject: concatenated without an empty line',
      '',
      'body',
      '',
    ].join('\n');
    const parts = splitMbox(Buffer.from(text)).map((p) => p.toString('latin1'));
    expect(parts).toEqual([
      'From: a@example.org\n\na body line\nFrom x Thu Jul  2 12:05:05 2020\nnot a header\n',
      'Subject: concatenated without an empty line\n\nbody\n',
    ]);
    // The streaming reader, in pieces smaller than a line, and its byte ranges.
    const streamed = await read(text, { chunkBytes: 7 });
    expect(streamed.map((m) => m.text)).toEqual(parts);
    expect(streamed[1]!.start).toBe(text.indexOf('From MAILER-DAEMON  Thu Jul  2 12:05:06'));
  });

  it('returns a message that does not start with a postmark whole', () => {
    const raw = Buffer.from('From: a@example.org\nSubject: x\n\nbody\n');
    expect(splitMbox(raw)).toEqual([raw]);
  });

  it('returns at most MAX_MBOX_MESSAGES messages from a buffer of thousands', () => {
    const one = 'From MAILER-DAEMON  Thu Jul  2 12:05:05 2020\nFrom: a@example.org\n\nx\n\n';
    const parts = splitMbox(Buffer.from(one.repeat(5000)));
    expect(parts).toHaveLength(MAX_MBOX_MESSAGES);
    expect(parts[0]!.toString()).toBe('From: a@example.org\n\nx\n');
  });
});
