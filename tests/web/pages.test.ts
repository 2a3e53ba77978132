// The pages and their JSON over HTTP: overview, list filters, detail (escaped), raw
// download, retry, assets. Data: real corpus DSNs through the real ingestor, plus rows
// inserted directly where the test needs hostile values or known dates.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { capturingLogger } from '../harness/log.ts';
import { paddedDsn } from '../notify/forged-dsn.ts';
import { onSqlite, scalar } from '../harness/test-store.ts';
import { Client, CORPUS, insertBounce, startDashboard, type Dashboard } from './fixture.ts';

const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror=alert(1)>';

describe('dashboard pages', () => {
  let d: Dashboard;
  let c: Client;
  let hostileId: number;
  let failingId: number;
  let refusedId: number;
  beforeAll(async () => {
    d = await startDashboard({
      retryAnswer: async (id) => {
        if (id === failingId) throw new Error('relay exploded');
        if (id === refusedId) return { queued: false, message: '' };
        return { queued: true, message: `Notice for bounce ${id} queued.` };
      },
    });
    hostileId = await insertBounce(d.store, {
      emailTo: 'x"><script>@evil.test',
      domain: 'evil.test',
      diagnostic: `smtp; 550 ${HOSTILE}`,
      originalSubject: `=HYPERLINK("http://evil.test") ${HOSTILE}`,
      date: '2024-03-05T10:00:00.000Z',
      reason: 'filtered',
      bounceType: 'soft',
      raw: `Subject: ${HOSTILE}\r\n\r\n${HOSTILE}\r\n`,
    });
    failingId = await insertBounce(d.store, { domain: 'fail.test', emailTo: 'a@fail.test', date: '2024-03-06T10:00:00.000Z' });
    refusedId = await insertBounce(d.store, { domain: 'refused.test', emailTo: 'b@refused.test' });
    c = new Client(d.base);
    await c.signIn();
  });
  afterAll(async () => {
    await d?.close();
  });

  async function api(query: string) {
    const res = await c.get(`/api/bounces?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { recordsTotal: number; recordsFiltered: number; data: Record<string, string | number>[] };
  }

  it('shows the counts of today, 7 and 30 days and the intake status on the overview', async () => {
    const html = await (await c.get('/')).text();
    const totals = [...html.matchAll(/count-total">(\d+)</g)].map((m) => Number(m[1]));
    const today = Number(await scalar(d.store, 'SELECT COUNT(*) FROM bounces WHERE date >= ?', [new Date().toISOString().slice(0, 10)]));
    expect(totals[0]).toBe(today);
    expect(today).toBeGreaterThan(10);
    expect(html).toContain('data-part="lmtp"');
    expect(html).toContain('<td title="lmtp">LMTP listener (mail from Postfix)</td>');
    expect(html).toContain('<td title="retry_queued">notice waiting for a retry</td>');
    expect(html).toContain('listening on 127.0.0.1:2424');
    expect(html).toContain('<canvas id="chart-domains" data-src="/api/stats?period=7d"');
  });

  it('answers the chart data: top 5 domains with hard or soft bounces, and counts per day', async () => {
    const s = (await (await c.get('/api/stats?period=30d')).json()) as {
      topDomains: { domain: string; count: number }[];
      perDay: { count: number }[];
    };
    expect(s.topDomains.length).toBe(5);
    const expected = await d.store.sql.all<{ domain: string; n: number | string }>(
      "SELECT domain, COUNT(*) AS n FROM bounces WHERE bounce_type IN ('hard','soft') AND date >= ? GROUP BY domain ORDER BY n DESC, domain LIMIT 5",
      [new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)],
    );
    expect(s.topDomains.map((t) => [t.domain, t.count])).toEqual(expected.map((e) => [e.domain, Number(e.n)]));
    expect(s.perDay.reduce((a, r) => a + r.count, 0)).toBeGreaterThan(0);
  });

  it('filters the list by domain, status, reason, hard/soft and date range, and searches by address prefix', async () => {
    const all = await api('length=500');
    expect(all.recordsFiltered).toBe(all.recordsTotal);
    const someDomain = String(all.data.find((r) => r.bounce_type === 'hard')!.domain);
    const byDomain = await api(`domain=${encodeURIComponent(someDomain)}&length=500`);
    expect(byDomain.data.length).toBeGreaterThan(0);
    expect(byDomain.data.every((r) => r.domain === someDomain)).toBe(true);
    expect(byDomain.recordsFiltered).toBe(all.data.filter((r) => r.domain === someDomain).length);
    expect(byDomain.recordsTotal).toBe(all.recordsTotal);

    const hard = await api('type=hard&length=500');
    expect(hard.data.length).toBe(all.data.filter((r) => r.bounce_type === 'hard').length);
    const reason = await api('reason=filtered&type=soft&length=500');
    expect(reason.data.map((r) => r.id)).toContain(hostileId);
    expect(reason.data.every((r) => r.reason === 'filtered' && r.bounce_type === 'soft')).toBe(true);
    const range = await api('from=2024-03-05&to=2024-03-05');
    expect(range.data.map((r) => r.id)).toEqual([hostileId]);
    const range2 = await api('from=2024-03-01&to=2024-03-31&sort=date&dir=asc');
    expect(range2.data.map((r) => r.id)).toEqual([hostileId, failingId]);
    const search = await api('q=a%40fail');
    expect(search.data.map((r) => r.id)).toEqual([failingId]);
    const status = await api('status=Problem');
    expect(status.recordsFiltered).toBe(0);
  });

  it('pages and sorts on the server, and ignores a sort column that is not on the list', async () => {
    const p1 = await api('length=5&start=0&sort=id&dir=asc');
    const p2 = await api('length=5&start=5&sort=id&dir=asc');
    expect(p1.data.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(p2.data.map((r) => r.id)).toEqual([6, 7, 8, 9, 10]);
    const evil = await api('length=3&sort=' + encodeURIComponent('id; DROP TABLE bounces') + '&dir=sideways');
    // The default order instead: newest first.
    expect(evil.data.map((r) => r.id)).toEqual((await api('length=3&sort=date&dir=desc')).data.map((r) => r.id));
    expect(evil.data.length).toBe(3);
    expect(Number(await scalar(d.store, 'SELECT COUNT(*) FROM bounces'))).toBeGreaterThan(3);
  });

  it('shows the reason in plain words beside its code and the times for the browser to put in its zone', async () => {
    const html = await (await c.get(`/bounces/${hostileId}`)).text();
    expect(html).toContain('<th class="text-nowrap">Reason</th>');
    expect(html).toMatch(
      /data-field="reason">filtered<div class="small text-muted reason-words">The receiving side refused the message on its own rules/,
    );
    expect(html).toContain('<time class="local-time" datetime="2024-03-05T10:00:00.000Z">2024-03-05 10:00:00 UTC</time>');
    expect(html).toContain('<th>Message received</th>');
    const row = (await api(`domain=evil.test`)).data[0]!;
    expect(row.reason_words).toMatch(/^The receiving side refused the message on its own rules/);
    expect(row).toHaveProperty('bounced_at');
    const assets = await c.get('/assets/app/times.js');
    expect(assets.status).toBe(200);
  });

  it('reflects the filters of the URL in the form and the export links', async () => {
    const html = await (await c.get('/bounces?domain=example.com&type=hard&from=2024-01-01&status=nonsense')).text();
    expect(html).toContain('id="f-domain" name="domain" value="example.com"');
    expect(html).toContain('<option value="hard" selected>');
    expect(html).toContain('href="/export/csv?from=2024-01-01&amp;domain=example.com&amp;type=hard"');
    expect(html).not.toContain('nonsense');
  });

  it('shows every field of a bounce, its decision trail and raw message as text, escaped', async () => {
    const res = await c.get(`/bounces/${hostileId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('data-field="diagnostic"');
    expect(html).toContain('x&quot;&gt;&lt;script&gt;@evil.test');
    // Labels in words, the decision trail as typed steps (kind, then which one).
    expect(html).toContain('<code>dsn</code> Status');
    expect(html).toContain('<th class="text-nowrap">Address that bounced</th>');
    expect(html).not.toContain('>email_to<');
    expect(html).toContain('No notice for this bounce.');
  });

  it('shows a real DSN with its classification JSON and its notices', async () => {
    const id = Number(await scalar(d.store, "SELECT id FROM bounces WHERE bounce_type = 'hard' ORDER BY id LIMIT 1"));
    await d.store.outbox.add({ bounceId: id, kind: 'notice', recipients: ['ops@example.test'] });
    const html = await (await c.get(`/bounces/${id}`)).text();
    expect(html).toContain('&quot;recipients&quot;');
    expect(html).toContain('ops@example.test');
    expect(html).toMatch(/<td>pending<\/td>/);
  });

  it('flags a bounce that got no notice with why, and a message cut short, escaped (issue 11)', async () => {
    const id = await insertBounce(d.store, { domain: 'forged.test', emailTo: 'v@forged.test' });
    await d.store.bounces.setNoticeNote(
      id,
      'no notice: not sent by us: its From "<b>boss</b>@evil.test", outside LOCAL_DOMAINS (org.test), and no VERP address of ours',
    );
    const messageId = (await d.store.bounces.get(id))!.message_id;
    await d.store.sql.run('UPDATE messages SET truncated = ? WHERE id = ?', [
      'the delivery-status report names 5000 recipients; only the first 500 were read (limit 500)',
      messageId,
    ]);
    const html = await (await c.get(`/bounces/${id}`)).text();
    expect(html).toMatch(/id="notice-note">no notice: not sent by us: its From &quot;&lt;b&gt;boss&lt;\/b&gt;@evil.test&quot;/);
    expect(html).toContain(
      'id="message-truncated">the delivery-status report names 5000 recipients; only the first 500 were read (limit 500)</td>',
    );
  });

  it('downloads the raw message as an attachment with exactly the stored bytes', async () => {
    const id = Number(await scalar(d.store, 'SELECT id FROM bounces ORDER BY id LIMIT 1'));
    const res = await c.get(`/bounces/${id}/raw`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('message/rfc822');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="bounce-${id}.eml"`);
    const first = readFileSync(path.join(CORPUS, 'postfix/dsn-delayed-connrefused.eml'));
    expect(Buffer.from(await res.arrayBuffer()).equals(first)).toBe(true);
  });

  it('shows and downloads a message kept in raw parts, and says so when a part of it is missing', async () => {
    const raw = paddedDsn('page', 2 * 1024 * 1024 + 50_000);
    const r = await createIngestor({ store: d.store, log: silentLogger() }).ingest({ raw, source: 'lmtp' });
    const id = r.bounceIds[0]!;
    const html = await (await c.get(`/bounces/${id}`)).text();
    expect(html).toContain(`Raw message (${raw.length} bytes, the first 256 KiB shown; download for all)`);
    expect(html).toContain('Reporting-MTA');
    expect(html).not.toContain('id="raw-missing"');
    const res = await c.get(`/bounces/${id}/raw`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(raw)).toBe(true);
    // A part lost from the database (a restore gone wrong): the page says so, it does not fail.
    await d.store.sql.run('DELETE FROM raw_parts WHERE seq = 0 AND sha256 = (SELECT sha256 FROM messages WHERE id = ?)', [r.messageId]);
    const after = await c.get(`/bounces/${id}`);
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('id="raw-missing">The stored bytes of this message are incomplete');
    // Its download says the same, as a page of its own: not an internal error, not a short file.
    const download = await c.get(`/bounces/${id}/raw`);
    expect(download.status).toBe(410);
    expect(download.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await download.text()).toContain('The stored bytes of this message are incomplete: a part of them is missing');
  });

  it('answers 404 for a bounce that does not exist', async () => {
    expect((await c.get('/bounces/999999')).status).toBe(404);
    expect((await c.get('/bounces/abc')).status).toBe(404);
    expect((await c.get('/bounces/999999/raw')).status).toBe(404);
  });

  it('retries a bounce from its page through the callback and shows the answer', async () => {
    const token = await c.csrf(`/bounces/${hostileId}`);
    const res = await c.post(`/bounces/${hostileId}/retry`, { _csrf: token });
    expect(res.headers.get('location')).toBe(`/bounces/${hostileId}`);
    expect(d.retries).toContain(hostileId);
    const html = await (await c.get(`/bounces/${hostileId}`)).text();
    expect(html).toContain(`Notice for bounce ${hostileId} queued.`);
    // The message is shown once.
    expect(await (await c.get(`/bounces/${hostileId}`)).text()).not.toContain('queued.</div>');
  });

  it('shows a failed retry as an error without the internal detail', async () => {
    const token = await c.csrf(`/bounces/${failingId}`);
    await c.post(`/bounces/${failingId}/retry`, { _csrf: token });
    const html = await (await c.get(`/bounces/${failingId}`)).text();
    expect(html).toContain('alert-danger');
    expect(html).toContain('The retry failed; see the log for details.');
    expect(html).not.toContain('relay exploded');
  });

  it('shows a retry the notifier did not queue as an error', async () => {
    const token = await c.csrf(`/bounces/${refusedId}`);
    await c.post(`/bounces/${refusedId}/retry`, { _csrf: token });
    const html = await (await c.get(`/bounces/${refusedId}`)).text();
    expect(html).toMatch(/alert-danger" role="alert" id="flash">Not queued.</);
    expect(d.retries).toContain(refusedId);
  });

  it('retries the selected rows of the list and returns to the filtered list', async () => {
    const token = await c.csrf('/bounces');
    const before = d.retries.length;
    const res = await c.post('/bounces/retry', { _csrf: token, ids: ['1', '2', '999999', 'x'], back: '/bounces?type=hard' });
    expect(res.headers.get('location')).toBe('/bounces?type=hard');
    expect(d.retries.slice(before)).toEqual([1, 2]);
    const html = await (await c.get('/bounces?type=hard')).text();
    expect(html).toContain('2 of 3 selected bounce(s) queued for a new notice. 1 not found.');
    const evil = await c.post('/bounces/retry', { _csrf: token, ids: '1', back: 'https://evil.example/' });
    expect(evil.headers.get('location')).toBe('/bounces');
  });

  it('names each selected row whose retry failed, and refuses an empty or oversized selection', async () => {
    const token = await c.csrf('/bounces');
    const before = d.retries.length;
    await c.post('/bounces/retry', { _csrf: token, ids: ['1', String(failingId)], back: '/bounces' });
    expect(d.retries.slice(before)).toEqual([1, failingId]);
    let html = await (await c.get('/bounces')).text();
    expect(html).toContain('alert-danger');
    expect(html).toContain(`1 of 2 selected bounce(s) queued for a new notice. #${failingId}: The retry failed; see the log for details.`);
    expect(html).not.toContain('relay exploded');

    const none = await c.post('/bounces/retry', { _csrf: token, back: '/bounces' });
    expect(none.headers.get('location')).toBe('/bounces');
    expect(await (await c.get('/bounces')).text()).toContain('No bounces were selected.');
    const many = Array.from({ length: 501 }, (_, i) => String(i + 1));
    const mid = d.retries.length;
    await c.post('/bounces/retry', { _csrf: token, ids: many, back: '/bounces' });
    html = await (await c.get('/bounces')).text();
    expect(html).toContain('Select at most 500 bounces at once.');
    expect(d.retries.length).toBe(mid);
  });

  it('refuses a form over 64 KiB (413) and a body that is not a form (415) before it reaches a handler', async () => {
    const token = await c.csrf('/bounces');
    const before = d.retries.length;
    const big = await c.post('/bounces/retry', { _csrf: token, ids: '1', pad: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    expect(await big.text()).toBe('form too large');
    const json = await c.request('POST', '/bounces/retry', undefined, { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(d.retries.length).toBe(before);
  });

  it('serves Bootstrap, DataTables and Chart.js from the npm packages and nothing outside the whitelist', async () => {
    const anon = new Client(d.base);
    for (const [p, type] of [
      ['/assets/vendor/bootstrap.min.css', 'text/css'],
      ['/assets/vendor/dataTables.min.js', 'text/javascript'],
      ['/assets/vendor/chart.umd.min.js', 'text/javascript'],
      ['/assets/app/list.js', 'text/javascript'],
    ]) {
      const res = await anon.get(p!);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(500);
    }
    // fetch normalises the dots away: that is a path outside /assets/, which needs sign-in.
    expect((await anon.get('/assets/vendor/../../package.json')).status).not.toBe(200);
    expect((await anon.get('/assets/vendor/%2e%2e%2fpackage.json')).status).toBe(404);
    expect((await anon.get('/assets/app/fixture.ts')).status).toBe(404);
  });
});

describe('dashboard pages when the store does not answer', () => {
  it('answers a generic 500 on the pages and the list API, the error only in the log', async () => {
    const { log, lines } = capturingLogger();
    const d = await startDashboard({ files: [], opts: { log } });
    try {
      const c = new Client(d.base);
      await c.signIn();
      await d.store.close();
      for (const p of ['/', '/api/bounces', '/bounces/1']) {
        const res = await c.get(p);
        expect(res.status, p).toBe(500);
        const body = await res.text();
        expect(body, p).toBe('Internal error. The details are in the log.');
      }
      // Each engine's own words for a closed store.
      expect(JSON.stringify(lines.filter((l) => l.msg === 'request failed'))).toMatch(
        onSqlite ? /the database connection is not open/i : /PostgreSQL: the store is closed/,
      );
    } finally {
      await d.close();
    }
  });
});
