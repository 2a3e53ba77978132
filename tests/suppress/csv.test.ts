// CSV export and import of the suppression list: a round trip, formula cells guarded, and
// hostile or malformed files refused line by line with nothing written.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { openSharedTestStores, scalar, type TestStore } from '../harness/test-store.ts';
import { CsvError, exportCsv, importCsv, parseCsv } from '../../src/suppress/csv.ts';

let store: Store;
/** Two stores on one database: the second is the first opened again. */
let opened: TestStore[];
const now = new Date('2026-11-02T10:00:00Z');
const rows = () => scalar(store, 'SELECT count(*) AS n FROM suppressions');

beforeEach(async () => {
  opened = await openSharedTestStores(2);
  store = opened[0]!;
});
afterEach(async () => {
  for (const s of opened) await s.dispose();
});

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const l of lines) out.push(l);
  return out;
}

async function refusal(text: string): Promise<string[]> {
  try {
    await importCsv(store, text, { by: 'test', now });
  } catch (err) {
    expect(err).toBeInstanceOf(CsvError);
    return (err as CsvError).errors;
  }
  throw new Error('the import was not refused');
}

describe('suppression CSV', () => {
  it('exports what it imports: addresses, domains, notes with commas and quotes, expiries', async () => {
    const file = [
      'address,reason,note,expiry',
      'Jane@Example.org,userunknown,"left, says ""HR""",',
      '@gone.test,manual,domain closed,2027-01-01',
      'bob@example.org,,,2026-12-01T12:00:00Z',
    ].join('\r\n');
    expect(await importCsv(store, file, { by: 'admin', now })).toEqual({ added: 3, refreshed: 0 });
    const out = (await collect(exportCsv(store, { now }))).join('');
    expect(out.split('\r\n')[0]).toBe('address,reason,note,expiry,source,first_seen,last_seen,bounce_count');
    const back = parseCsv(out)
      .slice(1)
      .map((r) => r.cells.slice(0, 5));
    expect(back).toEqual([
      ['bob@example.org', 'manual', '', '2026-12-01T12:00:00.000Z', 'import'],
      // A leading @ would make a spreadsheet formula: guarded, and read back without the guard.
      ["'@gone.test", 'manual', 'domain closed', '2027-01-01T00:00:00.000Z', 'import'],
      ['jane@example.org', 'userunknown', 'left, says "HR"', '', 'import'],
    ]);
    expect((await store.suppressions.events('jane@example.org'))[0]).toMatchObject({ action: 'added', actor: 'admin', source: 'import' });
    // Imported again: nothing new, nothing lost.
    await store.close();
    store = opened[1]!;
    expect(await importCsv(store, out, { by: 'admin', now })).toEqual({ added: 0, refreshed: 3 });
    expect(await store.suppressions.check('x@gone.test', now)).toMatchObject({ address: '@gone.test' });
  });

  it('guards cells a spreadsheet would run as formulas, and reads them back as written', async () => {
    await store.suppressions.add(
      { address: 'x@example.org', reason: 'manual', source: 'manual', note: '=HYPERLINK("http://evil.test","click")' },
      now,
    );
    const out = (await collect(exportCsv(store, { now }))).join('');
    expect(out).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    await store.suppressions.remove('x@example.org', { by: 't' }, now);
    await importCsv(store, out, { by: 'admin', now });
    expect((await store.suppressions.get('x@example.org'))!.note).toBe('=HYPERLINK("http://evil.test","click")');
  });

  it('refuses a file with bad lines, naming each, and writes none of its good lines', async () => {
    const errors = await refusal(
      [
        'address,reason,note,expiry',
        'good@example.org,manual,,',
        'not an address,manual,,',
        'good@example.org,manual,,',
        'x@example.org,<script>,,',
        'y@example.org,manual,,yesterday',
        'z@example.org,manual,,2020-01-01',
        'w@example.org,manual',
        'v@example.org,manual,"bell\x07",',
      ].join('\n'),
    );
    expect(errors).toEqual([
      'line 3: "not an address" is neither an address nor a domain',
      'line 4: good@example.org is already on line 2',
      'line 5: the reason "<script>" is not a reason name (letters, digits, - and _)',
      'line 6: the expiry "yesterday" is not a date (YYYY-MM-DD or ISO 8601 with a zone)',
      'line 7: the expiry 2020-01-01 has passed',
      'line 8: 2 cells, the header has 4',
      'line 9: the note holds control characters',
    ]);
    expect(await rows()).toBe(0);
  });

  it('refuses a file without the header, with unknown columns, an open quote, or too many lines', async () => {
    expect((await refusal('jane@example.org,manual,,\n'))[0]).toMatch(/^line 1: the header must name the columns/);
    expect((await refusal('address,password\nx@example.org,secret\n'))[0]).toMatch(/unknown: "password"/);
    expect(await refusal('address,note\nx@example.org,"never closed\n')).toEqual(['line 2: a quoted cell is never closed']);
    await expect(importCsv(store, `address\n${'a@example.org\n'.repeat(3)}`, { by: 't', now, maxLines: 2 })).rejects.toThrow(/at most 2/);
    expect(await refusal('')).toEqual(['the file is empty']);
    expect(await rows()).toBe(0);
  });

  it('counts line numbers across quoted line breaks', async () => {
    const errors = await refusal('address,note\r\na@example.org,"two\r\nlines"\r\nbad,x\r\n');
    expect(errors).toEqual(['line 4: "bad" is neither an address nor a domain']);
  });
});
