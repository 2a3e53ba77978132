// The Suppressions page over HTTP: add, filter, remove with a note (audit trail), export
// and import, hostile values escaped; the bounce detail page says whether its address is
// suppressed; the overview counts suppressions per day.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, insertBounce, startDashboard, type Dashboard } from './fixture.ts';

const HOSTILE = '<script>window.__pwned=1</script>';

describe('the Suppressions page', () => {
  let d: Dashboard;
  let c: Client;
  let token: string;
  beforeAll(async () => {
    d = await startDashboard({ files: [] });
    c = new Client(d.base);
    await c.signIn();
    token = await c.csrf('/suppressions');
  });
  afterAll(async () => {
    await d?.close();
  });

  const page = async (p = '/suppressions') => {
    const res = await c.get(p);
    expect(res.status).toBe(200);
    return res.text();
  };
  const flash = async (res: Response) => {
    expect(res.status).toBe(302);
    const html = await page(res.headers.get('location')!);
    return /<div class="alert alert-(\w+)" role="alert" id="flash">([^<]*)</.exec(html)?.slice(1);
  };

  it('adds an entry by hand, shows it with its note escaped, and lists it in the audit trail', async () => {
    const res = await c.post('/suppressions/add', { _csrf: token, address: 'Jane@Example.org', reason: '', note: HOSTILE, expires: '' });
    expect(await flash(res)).toEqual(['success', 'jane@example.org is suppressed.']);
    const html = await page();
    expect(html).toContain('data-address="jane@example.org"');
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toMatch(/<td>added<\/td><td>dashboard:admin<\/td>/);
    expect(await d.store.suppressions.check('jane@example.org', new Date())).toMatchObject({ source: 'manual', expiresAt: null });
  });

  it('refuses an address that is none, and an expiry in the past', async () => {
    expect(await flash(await c.post('/suppressions/add', { _csrf: token, address: 'not an address', note: '' }))).toEqual([
      'danger',
      'Not added: &quot;not an address&quot; is neither an address nor a domain.',
    ]);
    expect(
      (await flash(await c.post('/suppressions/add', { _csrf: token, address: 'a@example.org', expires: '2001-01-01' })))![1],
    ).toContain('the expiry has passed');
    expect(await d.store.suppressions.get('a@example.org')).toBeUndefined();
  });

  it('filters by search text and source', async () => {
    await d.store.suppressions.add({ address: 'dead@bounced.test', reason: 'userunknown', source: 'bounce' }, new Date());
    const bySource = await page('/suppressions?source=bounce');
    expect(bySource).toContain('data-address="dead@bounced.test"');
    expect(bySource).not.toContain('data-address="jane@example.org"');
    const bySearch = await page('/suppressions?q=JANE');
    expect(bySearch).toContain('data-address="jane@example.org"');
    expect(bySearch).not.toContain('data-address="dead@bounced.test"');
  });

  it('removes an entry only with a note, and keeps who, when and why', async () => {
    expect((await flash(await c.post('/suppressions/remove', { _csrf: token, address: 'dead@bounced.test', note: '' })))![0]).toBe(
      'danger',
    );
    expect(await d.store.suppressions.get('dead@bounced.test')).toBeDefined();
    const res = await c.post('/suppressions/remove', {
      _csrf: token,
      address: 'dead@bounced.test',
      note: 'mailbox recreated',
      back: '/suppressions?source=bounce',
    });
    expect(res.headers.get('location')).toBe('/suppressions?source=bounce');
    expect(await flash(res)).toEqual(['success', 'dead@bounced.test is no longer suppressed.']);
    expect((await d.store.suppressions.events('dead@bounced.test'))[0]).toMatchObject({
      action: 'removed',
      actor: 'dashboard:admin',
      note: 'mailbox recreated',
    });
    expect(await page('/suppressions?history=dead@bounced.test')).toMatch(
      /<td>removed<\/td><td>dashboard:admin<\/td>\s*<td class="text-break">mailbox recreated<\/td>/,
    );
  });

  it('refuses a removal without the CSRF token', async () => {
    const res = await c.post('/suppressions/remove', { address: 'jane@example.org', note: 'x' });
    expect(res.status).toBe(403);
    expect(await d.store.suppressions.get('jane@example.org')).toBeDefined();
  });

  it('exports the filtered entries as CSV and imports a pasted file all or nothing', async () => {
    const res = await c.get('/suppressions/export.csv?q=jane');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="suppressions-\d{4}-\d\d-\d\d\.csv"/);
    const csv = await res.text();
    // A CSV is data, not a page: the note comes back as written (no formula to guard here).
    expect(csv.split('\r\n')[1]).toMatch(/^jane@example\.org,manual,<script>window\.__pwned=1<\/script>,,manual,/);
    expect(csv.split('\r\n')).toHaveLength(3); // header, jane, the final line end
    const bad = await flash(await c.post('/suppressions/import', { _csrf: token, csv: 'address,note\nok@example.org,fine\nnope,bad\n' }));
    expect(bad![0]).toBe('danger');
    expect(bad![1]).toContain('line 3: &quot;nope&quot; is neither an address nor a domain');
    expect(await d.store.suppressions.get('ok@example.org')).toBeUndefined();
    expect(await flash(await c.post('/suppressions/import', { _csrf: token, csv: 'address,note\nok@example.org,fine\n' }))).toEqual([
      'success',
      'Imported: 1 added, 0 already listed.',
    ]);
  });

  it('says on a bounce detail page whether its address is suppressed, and by which bounce', async () => {
    const id = await insertBounce(d.store, { emailTo: 'gone@bounced.test' });
    expect(await page(`/bounces/${id}`)).toMatch(/id="suppression-status">\s*gone@bounced.test is not suppressed now\./);
    await d.store.suppressions.add({ address: 'gone@bounced.test', reason: 'userunknown', source: 'bounce', bounceId: id }, new Date());
    const html = await page(`/bounces/${id}`);
    expect(html).toMatch(
      /gone@bounced\.test is suppressed\s+since \d{4}-\d\d-\d\dT[\d:.]+Z: userunknown, bounce, by this bounce;\s+expires never\./,
    );
  });

  it('reports the entries in force on /metrics', async () => {
    const text = await (await fetch(`${d.base}/metrics`)).text();
    expect(text).toMatch(/^rebound_suppressions 3$/m); // jane, ok and gone; dead was removed
  });

  it('counts suppressions added per day on the overview', async () => {
    const html = await page('/');
    const today = new Date().toISOString().slice(0, 10);
    expect(html).toMatch(new RegExp(`id="suppressions-per-day">[\\s\\S]*<td>${today}</td><td class="text-end">4</td>`));
  });
});
