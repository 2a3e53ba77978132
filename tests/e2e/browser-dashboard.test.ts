// The dashboard in real Chromium: sign in, the overview's charts drawn, the list filtered,
// a bounce whose texts hold <script> shown as text and never run, retry pressed, exports
// downloaded. Screenshots of the overview and the list go to tests/artifacts/.

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../harness/browser.ts';
import { scalar } from '../harness/test-store.ts';
import { ADMIN_PASS, ROOT, insertBounce, startDashboard, type Dashboard } from '../web/fixture.ts';

const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const XSS = '<script>window.__pwned = true; alert("xss")</script><img src=x onerror="window.__pwned=true">';

describe('the dashboard in Chromium', () => {
  let d: Dashboard;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let hostileId: number;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    d = await startDashboard();
    // Spread some rows over the last days so the per-day chart has more than one bar.
    for (let i = 1; i <= 6; i++) {
      for (let j = 0; j < i; j++) {
        await insertBounce(d.store, {
          date: new Date(Date.now() - i * 86_400_000).toISOString(),
          domain: ['gmail.test', 'outlook.test', 'yahoo.test'][j % 3],
          emailTo: `user${i}-${j}@${['gmail.test', 'outlook.test', 'yahoo.test'][j % 3]}`,
          bounceType: j % 2 ? 'soft' : 'hard',
          reason: j % 2 ? 'mailboxfull' : 'userunknown',
        });
      }
    }
    hostileId = await insertBounce(d.store, {
      emailTo: 'victim@xss.test',
      domain: 'xss.test',
      diagnostic: `smtp; 550 ${XSS}`,
      originalSubject: XSS,
      raw: `Subject: ${XSS}\r\n\r\n${XSS}\r\n`,
    });
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await d?.close();
  });

  it('signs in with the admin password', async () => {
    await page.goto(`${d.base}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('#password', 'wrong password');
    await page.click('button[type=submit]');
    await expect(page.locator('#login-error').textContent()).resolves.toContain('Sign-in failed');
    await page.fill('#password', ADMIN_PASS);
    await page.click('button[type=submit]');
    await page.waitForURL(`${d.base}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Overview');
  });

  it('draws the charts on the overview from the JSON endpoint', async () => {
    await page.goto(`${d.base}/?period=30d`);
    await page.waitForSelector('body[data-charts]', { timeout: 10_000 });
    expect(await page.getAttribute('body', 'data-charts')).toBe('drawn');
    // Evaluated in the page (strings: the test's tsconfig has no DOM types).
    const charts = (await page.evaluate('window.reboundCharts.map((c) => c.data.labels)')) as string[][];
    expect(charts[0]!.length).toBe(5);
    expect(charts[1]!.length).toBeGreaterThanOrEqual(7);
    // The canvas holds drawn (non-blank) pixels.
    const inked = (await page.evaluate(`(() => {
      const canvas = document.getElementById('chart-domains');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    })()`)) as number;
    expect(inked).toBeGreaterThan(1000);
    await expect(page.locator('#intake-status tr[data-part="lmtp"]').textContent()).resolves.toContain('listening on 127.0.0.1:2424');
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview.png'), fullPage: true });
  });

  it('filters the list, and keeps the filter in the URL', async () => {
    await page.goto(`${d.base}/bounces`);
    await page.waitForSelector('#bounces[data-loaded]');
    await page.fill('#f-domain', 'gmail.test');
    await page.selectOption('#f-type', 'hard');
    await Promise.all([page.waitForURL(/domain=gmail\.test/), page.click('#apply-filters')]);
    await page.waitForSelector('#bounces[data-loaded]');
    const url = new URL(page.url());
    expect(url.searchParams.get('domain')).toBe('gmail.test');
    expect(url.searchParams.get('type')).toBe('hard');
    const cells = await page.locator('#bounces tbody tr td:nth-child(5)').allTextContents();
    const types = await page.locator('#bounces tbody tr td:nth-child(8)').allTextContents();
    const expected = Number(await scalar(d.store, "SELECT COUNT(*) FROM bounces WHERE domain = 'gmail.test' AND bounce_type = 'hard'"));
    expect(cells.length).toBe(expected);
    expect(new Set(cells)).toEqual(new Set(['gmail.test']));
    expect(new Set(types)).toEqual(new Set(['hard']));
    await page.goto(`${d.base}/bounces`);
    await page.waitForSelector('#bounces[data-loaded]');
    await page.screenshot({ path: path.join(ARTIFACTS, 'list.png'), fullPage: true });
  });

  it('shows a hostile bounce as text in the list and on its page, and runs none of it', async () => {
    await page.goto(`${d.base}/bounces?domain=xss.test`);
    await page.waitForSelector('#bounces[data-loaded]');
    await expect(page.locator('#bounces tbody td.subject').first().textContent()).resolves.toBe(XSS);
    await page.click(`#bounces a[href="/bounces/${hostileId}"]`);
    await page.waitForURL(`${d.base}/bounces/${hostileId}`);
    await expect(page.locator('td[data-field="diagnostic"]').textContent()).resolves.toBe(`smtp; 550 ${XSS}`);
    await expect(page.locator('#raw').textContent()).resolves.toContain(XSS);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('#fields script, #raw script, #fields img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("speaks an admin's words and shows times in the browser's zone, UTC on hover", async () => {
    // A reader in Tokyo (UTC+9 all year): a bounce at 10:00 UTC is 19:00 there.
    const id = await insertBounce(d.store, {
      date: '2026-03-05T10:00:00.000Z',
      domain: 'tz.test',
      emailTo: 'tz@tz.test',
      reason: 'mailboxfull',
      bounceType: 'soft',
    });
    const tokyo = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
    try {
      const p = await tokyo.newPage();
      await p.goto(`${d.base}/login`);
      await p.fill('#password', ADMIN_PASS);
      await Promise.all([p.waitForURL(`${d.base}/`), p.click('button[type=submit]')]);
      await p.goto(`${d.base}/bounces/${id}`);
      const received = p.locator('td[data-field="date"] time');
      await expect(received.textContent()).resolves.toMatch(/5 Mar 2026,? 19:00:00/);
      await expect(received.getAttribute('title')).resolves.toBe('2026-03-05 10:00:00 UTC');
      const labels = await p.locator('#fields th').allTextContents();
      expect(labels).toContain('Address that bounced');
      expect(labels).not.toContain('email_to');
      await expect(p.locator('td[data-field="reason"] .reason-words').textContent()).resolves.toMatch(/mailbox is full/);
      await p.screenshot({ path: path.join(ARTIFACTS, 'detail.png'), fullPage: true });
      // The list: the reason's words on hover, the time in Tokyo's zone.
      await p.goto(`${d.base}/bounces?domain=tz.test`);
      await p.waitForSelector('#bounces[data-loaded]');
      await expect(p.locator('#bounces tbody td time').first().getAttribute('title')).resolves.toBe('2026-03-05 10:00:00 UTC');
      await expect(p.locator('#bounces tbody td span[title]').first().getAttribute('title')).resolves.toMatch(/mailbox is full/);
    } finally {
      await tokyo.close();
    }
  });

  it('retries from the detail page and shows the answer', async () => {
    const before = d.retries.length;
    await Promise.all([page.waitForURL(`${d.base}/bounces/${hostileId}`), page.click('#retry')]);
    await expect(page.locator('#flash').textContent()).resolves.toBe(`Notice for bounce ${hostileId} queued.`);
    expect(d.retries.slice(before)).toEqual([hostileId]);
  });

  it('retries the selected rows of the list', async () => {
    await page.goto(`${d.base}/bounces?domain=outlook.test`);
    await page.waitForSelector('#bounces[data-loaded]');
    const boxes = page.locator('#bounces input.row-select');
    const ids = (await boxes.evaluateAll((els) => els.map((e) => Number(e.getAttribute('value'))))).slice(0, 2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const before = d.retries.length;
    await Promise.all([page.waitForURL(/\/bounces\?domain=outlook\.test/), page.click('#retry-selected')]);
    await expect(page.locator('#flash').textContent()).resolves.toContain('2 of 2 selected bounce(s) queued');
    expect(d.retries.slice(before).sort()).toEqual(ids.sort());
  });

  it('downloads the filtered export as CSV and Excel', async () => {
    await page.goto(`${d.base}/bounces?domain=yahoo.test`);
    await page.waitForSelector('#bounces[data-loaded]');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    expect(csv.suggestedFilename()).toMatch(/^bounces-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    const lines = text.trim().split('\r\n');
    const expected = Number(await scalar(d.store, "SELECT COUNT(*) FROM bounces WHERE domain = 'yahoo.test'"));
    expect(lines.length - 1).toBe(expected);
    expect(lines.slice(1).every((l) => l.includes('@yahoo.test'))).toBe(true);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#export-excel')]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('signs out', async () => {
    await Promise.all([page.waitForURL(/\/login/), page.click('#sign-out')]);
    await page.goto(`${d.base}/bounces`);
    expect(new URL(page.url()).pathname).toBe('/login');
    // No page broke the Content-Security-Policy along the way.
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  });
});
