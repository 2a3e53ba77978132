import { describe, expect, it } from 'vitest';
import { classify, classifySync } from '../../src/core/classify.ts';
import { MAX_MESSAGE_BYTES } from '../../src/core/mime.ts';
import { MAX_BLOCK_LINES, MAX_LISTED_ON_LINE, MAX_NOTICE_LINES, replyCodeInText } from '../../src/core/prose.ts';
import { MAX_DIAGNOSTIC_CHARS } from '../../src/core/recipients.ts';
import { notesFailureReasons } from '../../src/core/lhost/notes.ts';
import {
  atSigns,
  awayAfterReplyPrefixes,
  awayPastHeaderBytes,
  binaryGarbage,
  blankLinePadding,
  blanksAfterAddress,
  blanksBeforeCode,
  codeLikeRuns,
  complaintOfManyLines,
  fiveThousandAddresses,
  lettersThenAddress,
  malformedMime,
  megabyteHeaderLine,
  notesSections,
  openQuotes,
  sendmailDashes,
  sesJson,
  strangersLines,
  twentyMegabytes,
} from './hostile-messages.ts';

// These tests assert the answer each input gets. How long the scans take is measured by the
// bench part `npm run bench -- hostile-classify` (tests/bench/hostile-classify.ts), which times
// these same inputs beside an ordinary notice of the same size. A test's timeout is no speed
// check: vitest cannot stop a synchronous scan, and fails it only after it returns, and only past
// the suite's 30 s, so a scan grown quadratic to some seconds still passes here.

describe('unreadable and hostile input', () => {
  it('gives an error result, not a throw, for an empty message', async () => {
    const c = await classify(Buffer.alloc(0));
    expect(c).toMatchObject({ kind: 'not-bounce', recipients: [] });
    expect(c.error).toMatch(/empty/);
  });

  it('gives an error result for binary garbage', () => {
    const c = classifySync(binaryGarbage());
    expect(c.kind).toBe('not-bounce');
    expect(c.recipients).toEqual([]);
    expect(c.error).toMatch(/not an email message/);
  });

  it('gives an error result when the input is not a buffer', () => {
    expect(classifySync('text' as unknown as Buffer).error).toMatch(/not a byte buffer/);
  });

  it('survives malformed MIME: unterminated multipart, missing boundary, absurd nesting', () => {
    for (const raw of Object.values(malformedMime())) {
      const c = classifySync(raw);
      expect(c.kind).toBe('not-bounce');
    }
  });

  it('classifies a 20 MB message by reading only its bounded head', () => {
    const raw = twentyMegabytes();
    const c = classifySync(raw);
    expect(c.recipients[0]).toMatchObject({ address: 'kim@example.com', reason: 'userunknown' });
    // Nothing past the first MAX_MESSAGE_BYTES changes the answer: the bound that keeps the
    // scan cheap (its time is the bench part's).
    expect(c).toEqual(classifySync(raw.subarray(0, MAX_MESSAGE_BYTES)));
  });

  it('reads no reply code from a quarter megabyte of code-like runs without a space, and still finds one after a short run', () => {
    // Each "550-1" is a candidate whose lookahead looks for an address in the rest of the
    // word: without bounds that was quadratic (7.3 s for one of these texts). This asserts the
    // answers; the time is the bench part's.
    for (const text of codeLikeRuns()) expect(replyCodeInText(text)).toMatch(/^(?:550)?$/);
    expect(replyCodeInText(blanksBeforeCode())).toMatch(/^(?:550)?$/);
    expect(replyCodeInText('error_code : 550, mailbox unavailable')).toBe('550');
    expect(replyCodeInText(`${';550-1'.repeat(50)} said: 550 5.1.1 <kim@example.com>: unknown`)).toBe('550');
  });

  it('keeps a header line of a megabyte from stalling the scan', () => {
    expect(classifySync(megabyteHeaderLine()).kind).toBe('not-bounce');
  });

  it('reads an Amazon SES notification with absurdly nested or unterminated JSON as no event, without a throw', () => {
    for (const raw of Object.values(sesJson())) {
      const c = classifySync(raw);
      expect(c.error).toBeUndefined();
      expect(c.recipients.filter((r) => r.decidedBy.some((d) => d.startsWith('ses:')))).toEqual([]);
    }
  });

  it('reads a complaint and an auto-reply built to stall the new scans as what they are', () => {
    // Thousands of header-like lines in a text part, before the reported message's own fields;
    // a subject of endless reply prefixes.
    const c = classifySync(complaintOfManyLines());
    expect(c.kind).toBe('complaint');
    expect(c.recipients.length).toBeLessThanOrEqual(50);
    // A subject of endless reply prefixes before an away word, with BSD vacation's hint: an
    // automatic reply, read whole while the header block fits in MAX_HEADER_BYTES.
    const away = classifySync(awayAfterReplyPrefixes());
    expect([away.kind, away.recipients.map((r) => [r.address, r.reason])]).toEqual(['autoreply', [['kim@example.org', 'vacation']]]);
    // Past MAX_HEADER_BYTES the header block is cut: the away word and the hint after the
    // subject are never read, and a person's mail is no automatic reply.
    expect(classifySync(awayPastHeaderBytes()).kind).toBe('not-bounce');
  });

  it("reads a notice of a stranger's 200,000 lines from its first lines only: each recipient's result stays bounded and right", async () => {
    const c = await classify(strangersLines());
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => [r.address, r.replyCode, r.enhancedCode])).toEqual([
      ['a@example.net', '550', '5.1.1'],
      ['b@example.net', '550', '5.1.1'],
    ]);
    for (const r of c.recipients) expect(r.diagnostic.length).toBeLessThanOrEqual(MAX_DIAGNOSTIC_CHARS);
  });

  it("takes at most MAX_LISTED_ON_LINE more recipients from one line listing a stranger's 5,000 addresses", async () => {
    const c = await classify(fiveThousandAddresses());
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => r.address)).toEqual(Array.from({ length: MAX_LISTED_ON_LINE + 1 }, (_, i) => `u${i}@example.net`));
  });

  it('reads a recipient followed by 200,000 blanks and another address without backtracking over the blanks', async () => {
    const c = await classify(blanksAfterAddress());
    expect(c.recipients.map((r) => [r.address, r.reason])).toEqual([['a@example.net', 'userunknown']]);
  });

  it('reads a quoted local part followed by 200,000 characters of open quotes without scanning past each quote again', async () => {
    const c = await classify(openQuotes());
    expect(c.recipients.map((r) => [r.address, r.reason])).toEqual([['"first last"@example.net', 'userunknown']]);
  });

  it('reads a Sendmail notice with a deferred address and a line of 200,000 dashes without trying the transcript heading at each dash', async () => {
    const c = await classify(sendmailDashes());
    expect(c.recipients.map((r) => [r.address, r.reason])).toEqual([['a@example.net', 'userunknown']]);
  });

  it('reads the one recipient of a notice padded with 200,000 characters of blank lines', async () => {
    // The only recipient names no code, so the notice is searched for one, without the returned
    // message's quoted fields ("Subject: 550 ..."): that search once tried every blank line
    // afresh (a \s* running across line ends; 17.7 s for this notice, and the test passed). This
    // asserts the answer; the time is the bench part's.
    const c = await classify(blankLinePadding());
    expect(c.kind).toBe('bounce');
    expect(c.recipients.map((r) => r.address)).toEqual(['a@example.net']);
  });

  it("reads a delay notice with a line of 200,000 '@' without trying OpenSMTPD's expiry line at each one", async () => {
    const c = await classify(atSigns());
    expect(c.kind).toBe('delay');
    expect(c.recipients.map((r) => [r.address, r.action])).toEqual([['slow@example.net', 'delayed']]);
  });

  it('reads an address after a line of 200,000 letters without scanning the line again for each character', async () => {
    const unlabelled = await classify(lettersThenAddress(false));
    expect(unlabelled).toMatchObject({ kind: 'not-bounce', recipients: [] });
    const labelled = await classify(lettersThenAddress(true));
    expect(labelled.kind).toBe('bounce');
    expect(labelled.recipients.map((r) => r.address)).toEqual(['u@example.net']);
  });

  it("reads a Notes 'Failure Reasons' section of a stranger's million lines from its first lines only, each reason bounded", () => {
    const { reasonsThenAddresses, addresses, longReason } = notesSections();
    expect(notesFailureReasons(reasonsThenAddresses, new Set())).toBeUndefined();
    const many = notesFailureReasons(addresses, new Set()) ?? [];
    expect(many.length).toBeLessThan(MAX_NOTICE_LINES);
    const long = notesFailureReasons(longReason, new Set()) ?? [];
    expect(long[0].lines.length).toBeLessThanOrEqual(MAX_BLOCK_LINES);
  });
});
