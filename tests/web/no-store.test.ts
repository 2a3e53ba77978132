// Nothing the dashboard answers with addresses, raw mail or its state is kept by a browser
// or a shared cache: Cache-Control: no-store on the sign-in page, the raw message, error
// pages; the static assets alone may be cached.

import { describe, expect, it } from 'vitest';
import { Client, insertBounce, startDashboard } from './fixture.ts';

describe('Cache-Control', () => {
  it('is no-store on the sign-in page, the raw message, the 403, 404 and 500 pages, and not on the static assets', async () => {
    const d = await startDashboard({ files: [] });
    try {
      const id = await insertBounce(d.store);
      const c = new Client(d.base);
      const noStore = async (what: string, res: Response, status: number) => {
        expect(res.status, what).toBe(status);
        expect(res.headers.get('cache-control'), what).toBe('no-store');
        await res.arrayBuffer();
      };
      await noStore('GET /login', await c.get('/login'), 200);
      await noStore('POST /login without CSRF', await c.post('/login', { password: 'x' }), 403);
      await noStore('401 sign-in failed', await c.post('/login', { _csrf: await c.csrf(), password: 'wrong' }), 401);
      await c.signIn();
      await noStore('raw message', await c.get(`/bounces/${id}/raw`), 200);
      await noStore('404 page', await c.get('/no-such-page'), 404);
      await noStore('404 bounce', await c.get('/bounces/999999'), 404);
      const asset = await fetch(`${d.base}/assets/vendor/bootstrap.min.css`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toMatch(/max-age/);
      await d.store.close();
      await noStore('500 page', await c.get('/'), 500);
    } finally {
      await d.close();
    }
  });
});
