// The classifier's slow path: messages the bounded scanner cannot read whole are read again
// by mailparser and decided by the same code. Each message below is shaped like real mail
// the scanner gives up on; each test also checks what the fast path alone would have shown,
// so it fails if the slow path stops being taken or stops adding anything.

import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { classify, classifySync, classifyWithFullParser } from '../../src/core/classify.ts';
import { fullParseTrigger } from '../../src/core/full-parse.ts';
import { MAX_HEADER_BYTES, MAX_NESTING_DEPTH, parseEntity, toLfBinary } from '../../src/core/mime.ts';

const CORPUS_DSN = new URL('../fixtures/corpus/postfix/dsn-remote-550.eml', import.meta.url);

/** A Postfix-style multipart/report about one recipient; `notice` replaces the text part. */
function postfixReport(opts: {
  recipient: string;
  status: string;
  diagnostic?: string;
  notice?: string;
  noticeHeaders?: string;
  topHeaders?: string;
  dsnEncoding?: 'base64';
}): string {
  const dsnFields = [
    'Reporting-MTA: dns; mx1.example.net',
    'Arrival-Date: Mon, 2 Mar 2026 09:14:03 +0900',
    '',
    `Final-Recipient: rfc822; ${opts.recipient}`,
    'Action: failed',
    `Status: ${opts.status}`,
    ...(opts.diagnostic ? [`Diagnostic-Code: smtp; ${opts.diagnostic}`] : []),
    '',
  ].join('\r\n');
  const dsnBody = opts.dsnEncoding === 'base64' ? Buffer.from(dsnFields).toString('base64').replace(/.{76}/g, '$&\r\n') : dsnFields;
  return [
    opts.topHeaders ?? '',
    'From: Mail Delivery System <MAILER-DAEMON@mx1.example.net>',
    'To: newsletter@shop.example.com',
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Mon, 2 Mar 2026 09:14:05 +0900',
    'Message-Id: <20260302001405.1A2B3C@mx1.example.net>',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="rep-1"',
    '',
    'This is a MIME-encapsulated message.',
    '',
    '--rep-1',
    opts.noticeHeaders ?? 'Content-Type: text/plain; charset=us-ascii',
    '',
    opts.notice ?? `<${opts.recipient}>: host mx.example.org said: ${opts.diagnostic ?? opts.status} (in reply to RCPT TO command)`,
    '',
    '--rep-1',
    'Content-Type: message/delivery-status',
    ...(opts.dsnEncoding ? [`Content-Transfer-Encoding: ${opts.dsnEncoding}`] : []),
    '',
    dsnBody,
    '--rep-1',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Shop <newsletter@shop.example.com>',
    `To: ${opts.recipient}`,
    'Subject: Spring sale',
    'Message-ID: <sale-2026-03@shop.example.com>',
    'X-Rebound-Mail-ID: camp-42',
    '',
    '--rep-1--',
    '',
  ]
    .filter((line, i) => i > 0 || line !== '')
    .join('\r\n');
}

/** Forwards a message inline (Content-Disposition: inline), as mail clients and ticket systems do. */
function forwardInline(inner: string, layer: number): string {
  return [
    `From: Support desk <desk${layer}@support.example.com>`,
    'To: ops@shop.example.com',
    `Subject: Fwd: case ${layer}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="fwd-${layer}"`,
    '',
    `--fwd-${layer}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Please see the forwarded message below.',
    '',
    `--fwd-${layer}`,
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    inner,
    `--fwd-${layer}--`,
    '',
  ].join('\r\n');
}

/** ISO-2022-JP bytes (RFC 1468) for text of ASCII and JIS X 0208 characters. */
function iso2022jp(text: string): Buffer {
  const out: number[] = [];
  let kanji = false;
  for (const ch of text) {
    const ascii = ch.charCodeAt(0) < 0x80;
    if (ascii && kanji) {
      out.push(0x1b, 0x28, 0x42);
      kanji = false;
    }
    if (!ascii && !kanji) {
      out.push(0x1b, 0x24, 0x42);
      kanji = true;
    }
    if (ascii) out.push(ch.charCodeAt(0));
    else for (const b of iconv.encode(ch, 'euc-jp')) out.push(b & 0x7f);
  }
  if (kanji) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}

const hasMailparserMark = (c: { recipients: { decidedBy: string[] }[] }) =>
  c.recipients.some((r) => r.decidedBy.includes('parser:mailparser'));

describe('the full-parse slow path', () => {
  it('finds the failed recipient of a report nested deeper than the scanner goes, inside inline forwards', async () => {
    let raw = postfixReport({
      recipient: 'kenji@example.org',
      status: '5.1.1',
      diagnostic: '550 5.1.1 <kenji@example.org>: Recipient address rejected: User unknown',
    });
    // Each inline forward adds two levels (multipart/mixed, message/rfc822).
    const layers = MAX_NESTING_DEPTH / 2;
    for (let i = 1; i <= layers; i++) raw = forwardInline(raw, i);
    const bytes = Buffer.from(raw);

    const fast = classifySync(bytes);
    expect(fast.recipients).toEqual([]);

    const c = await classify(bytes);
    expect(c.kind).toBe('bounce');
    expect(c.recipients).toHaveLength(1);
    expect(c.recipients[0]).toMatchObject({
      address: 'kenji@example.org',
      enhancedCode: '5.1.1',
      reason: 'userunknown',
      bounceType: 'hard',
      replyCode: '550',
    });
    expect(c.recipients[0].decidedBy.slice(0, 2)).toEqual(['parser:mailparser', 'full-parse:nesting']);
    expect(c.original).toMatchObject({ messageId: 'sale-2026-03@shop.example.com', trackingId: 'camp-42', subject: 'Spring sale' });
  });

  it('reads a notice in an ISO-2022-JP variant the scanner cannot decode, so its Japanese reason counts', async () => {
    const notice = iso2022jp('<hanako@example.jp>: このグループに投稿する権限がありません。\r\nメッセージは配信されませんでした。');
    const raw = Buffer.concat([
      Buffer.from(
        postfixReport({
          recipient: 'hanako@example.jp',
          status: '5.0.0',
          notice: '@@NOTICE@@',
          noticeHeaders: 'Content-Type: text/plain; charset="ISO-2022-JP-2"',
          dsnEncoding: 'base64',
        }).split('@@NOTICE@@')[0],
      ),
      notice,
      Buffer.from(
        postfixReport({ recipient: 'hanako@example.jp', status: '5.0.0', notice: '@@NOTICE@@', dsnEncoding: 'base64' }).split(
          '@@NOTICE@@',
        )[1],
      ),
    ]);

    const fast = classifySync(raw);
    expect(fast.recipients[0].address).toBe('hanako@example.jp');
    expect(fast.recipients[0].diagnostic).not.toContain('投稿する権限');

    const c = await classify(raw);
    expect(c.recipients).toHaveLength(1);
    expect(c.recipients[0]).toMatchObject({ address: 'hanako@example.jp', enhancedCode: '5.0.0', reason: 'rejected', bounceType: 'soft' });
    expect(c.recipients[0].diagnostic).toContain('このグループに投稿する権限がありません');
    expect(c.recipients[0].decidedBy).toEqual(
      expect.arrayContaining(['parser:mailparser', 'full-parse:charset', 'rule:rejected/list-posting']),
    );
  });

  it('reads the bounce headers and report after a header block longer than the scanner keeps (a mail loop)', async () => {
    const hop = (i: number) =>
      `Received: from relay${i % 2}.example.net (relay${i % 2}.example.net [192.0.2.${(i % 2) + 10}])\r\n\tby relay${(i + 1) % 2}.example.net (Postfix) with ESMTP id Q${i}; Mon, 2 Mar 2026 09:14:03 +0900`;
    const received: string[] = [];
    // The scanner counts the block with LF line ends; make it longer than its bound that way.
    for (let i = 0; received.join('\n').replace(/\r\n/g, '\n').length <= MAX_HEADER_BYTES + 1000; i++) received.push(hop(i));
    const raw = Buffer.from(
      postfixReport({
        recipient: 'loop@example.net',
        status: '5.4.6',
        diagnostic: '554 5.4.6 too many hops',
        topHeaders: received.join('\r\n'),
      }),
    );
    expect(fullParseTrigger(raw, parseEntity(toLfBinary(raw)), classifySync(raw))).toBe('header-size');
    // The scanner cut the header block: it lost the bounce's own From and Subject.
    expect(classifySync(raw).envelope.subject).toBe('');

    const c = await classify(raw);
    expect(c.envelope).toMatchObject({
      subject: 'Undelivered Mail Returned to Sender',
      from: 'MAILER-DAEMON@mx1.example.net',
      messageId: '20260302001405.1A2B3C@mx1.example.net',
    });
    expect(c.recipients).toHaveLength(1);
    expect(c.recipients[0]).toMatchObject({ address: 'loop@example.net', enhancedCode: '5.4.6', replyCode: '554', action: 'failed' });
    expect(c.recipients[0].decidedBy.slice(0, 2)).toEqual(['parser:mailparser', 'full-parse:header-size']);
    expect(c.original.trackingId).toBe('camp-42');
  });

  it('leaves a normal corpus DSN on the fast path with the same answer', async () => {
    const raw = readFileSync(CORPUS_DSN);
    const c = await classify(raw);
    expect(c.recipients[0]).toMatchObject({ address: 'hard-user@mx-reject.test', enhancedCode: '5.1.1', reason: 'userunknown' });
    expect(hasMailparserMark(c)).toBe(false);
    expect(c).toEqual(classifySync(raw));
  });

  it('gives a clear error result for garbage, also on the async path', async () => {
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const c = await classify(garbage);
    expect(c).toMatchObject({ kind: 'not-bounce', recipients: [] });
    expect(c.error).toMatch(/not an email message/);
  });

  it('gives an error result naming the cause when mailparser cannot read the message either', async () => {
    // A header block past mailparser's own bound (1 MiB) before a report the scanner cannot see.
    const filler: string[] = [];
    for (let i = 0; filler.length * 80 < 1100 * 1024; i++) filler.push(`X-Trace-${i}: ${'t'.repeat(60)}`);
    const raw = Buffer.from(
      postfixReport({
        recipient: 'lost@example.net',
        status: '5.1.1',
        dsnEncoding: 'base64',
        notice: 'Delivery failed.',
        topHeaders: filler.join('\r\n'),
      }),
    );
    const c = await classify(raw);
    expect(c).toMatchObject({ kind: 'not-bounce', recipients: [] });
    expect(c.error).toMatch(/full parse after header-size.*header size/i);
  });

  it("keeps the scanner's recipients when mailparser cannot read the message either", async () => {
    // The bounce's own From and Subject come first, then a header block past mailparser's bound
    // (1 MiB): the scanner keeps From and Subject and reads the notice text after the cut,
    // mailparser refuses the header block.
    const filler: string[] = [];
    for (let i = 0; filler.length * 80 < 1100 * 1024; i++) filler.push(`X-Trace-${i}: ${'t'.repeat(60)}`);
    const raw = Buffer.from(
      postfixReport({
        recipient: 'kept@example.net',
        status: '5.1.1',
        diagnostic: '550 5.1.1 <kept@example.net>: Recipient address rejected: User unknown',
        topHeaders: ['From: MAILER-DAEMON@mx1.example.net', 'Subject: Undelivered Mail Returned to Sender', ...filler].join('\r\n'),
      }),
    );
    const fast = classifySync(raw);
    expect(fullParseTrigger(raw, parseEntity(toLfBinary(raw)), fast)).toBe('header-size');
    expect(fast.recipients.map((r) => r.address)).toEqual(['kept@example.net']);

    const c = await classify(raw);
    expect(c.error).toBeUndefined();
    expect(c).toEqual(fast);
    expect(hasMailparserMark(c)).toBe(false);
  });

  it('gives an error result, not a throw, when the full parse runs out of time', async () => {
    let raw = postfixReport({ recipient: 'kenji@example.org', status: '5.1.1' });
    for (let i = 1; i <= MAX_NESTING_DEPTH / 2; i++) raw = forwardInline(raw, i);
    // A large attachment beside the report keeps mailparser busy well past a 1 ms budget.
    const big = raw.replace(
      '--fwd-4--',
      `--fwd-4\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${'QUJD'.repeat(19).concat('\r\n').repeat(40000)}--fwd-4--`,
    );
    const bytes = Buffer.from(big);
    const c = await classifyWithFullParser(bytes, {}, classifySync(bytes), 'nesting', 1);
    expect(c).toMatchObject({ kind: 'not-bounce', recipients: [] });
    expect(c.error).toMatch(/full parse after nesting.*longer than 1 ms/);
  });
});
