// The suppression list over the API: check, list, add and remove with tokens, read-only
// tokens refused, bad addresses and bodies refused with the field named.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SuppressionAdded, SuppressionCheck, SuppressionList, SuppressionRemoved } from '../../src/api/suppression-routes.ts';
import { ErrorBody } from '../../src/api/schemas.ts';
import { call, startApi, type ApiFixture } from './fixture.ts';

let f: ApiFixture;
beforeAll(async () => {
  f = await startApi({ files: [] });
});
afterAll(async () => {
  await f?.close();
});

const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error;

describe('the suppression list over the API', () => {
  it('adds, checks, lists and removes an address with a read-write token', async () => {
    const added = await call(f.base, 'POST', '/suppressions', {
      token: f.writeToken,
      body: { address: 'Jane@Example.org', note: 'asked to stop' },
    });
    expect(added.status).toBe(201);
    const a = SuppressionAdded.parse(await added.json());
    expect(a).toMatchObject({
      created: true,
      entry: {
        address: 'jane@example.org',
        scope: 'address',
        source: 'manual',
        reason: 'manual',
        created_by: 'api:writer',
        note: 'asked to stop',
        expires_at: null,
      },
    });
    const again = await call(f.base, 'POST', '/suppressions', { token: f.writeToken, body: { address: 'jane@example.org' } });
    expect(again.status).toBe(200);
    expect(SuppressionAdded.parse(await again.json()).created).toBe(false);

    const check = SuppressionCheck.parse(
      await (await call(f.base, 'GET', '/suppressions/JANE%40example.org', { token: f.readToken })).json(),
    );
    expect(check).toMatchObject({ suppressed: true, entry: { address: 'jane@example.org' } });
    const other = SuppressionCheck.parse(
      await (await call(f.base, 'GET', '/suppressions/john%40example.org', { token: f.readToken })).json(),
    );
    expect(other).toEqual({ address: 'john@example.org', suppressed: false, entry: null });

    const list = SuppressionList.parse(await (await call(f.base, 'GET', '/suppressions?q=jane', { token: f.readToken })).json());
    expect(list.data.map((e) => e.address)).toEqual(['jane@example.org']);

    const removed = await call(f.base, 'DELETE', '/suppressions/jane%40example.org', { token: f.writeToken });
    expect(removed.status).toBe(200);
    expect(SuppressionRemoved.parse(await removed.json()).removed.address).toBe('jane@example.org');
    expect((await errorOf(await call(f.base, 'DELETE', '/suppressions/jane%40example.org', { token: f.writeToken }))).code).toBe(
      'not_found',
    );
    expect(
      SuppressionCheck.parse(await (await call(f.base, 'GET', '/suppressions/jane%40example.org', { token: f.readToken })).json())
        .suppressed,
    ).toBe(false);
  });

  it('suppresses a whole domain, with an expiry', async () => {
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const res = await call(f.base, 'POST', '/suppressions', {
      token: f.writeToken,
      body: { address: '@blocked.example', reason: 'policy', expires_at: until },
    });
    expect(res.status).toBe(201);
    const check = SuppressionCheck.parse(
      await (await call(f.base, 'GET', '/suppressions/anyone%40blocked.example', { token: f.readToken })).json(),
    );
    expect(check).toMatchObject({
      suppressed: true,
      entry: { address: '@blocked.example', scope: 'domain', reason: 'policy', expires_at: until },
    });
  });

  it('pages the list with next_cursor', async () => {
    for (let i = 0; i < 7; i++)
      await call(f.base, 'POST', '/suppressions', { token: f.writeToken, body: { address: `page${i}@paging.example` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = SuppressionList.parse(
        await (
          await call(f.base, 'GET', `/suppressions?q=paging.example&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: f.readToken })
        ).json(),
      );
      seen.push(...page.data.map((e) => e.address));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `page${i}@paging.example`));
  });

  it('refuses writes with a read-only token and changes nothing', async () => {
    const add = await call(f.base, 'POST', '/suppressions', { token: f.readToken, body: { address: 'ro@example.org' } });
    expect(add.status).toBe(403);
    expect(
      SuppressionCheck.parse(await (await call(f.base, 'GET', '/suppressions/ro%40example.org', { token: f.readToken })).json()).suppressed,
    ).toBe(false);
    expect((await call(f.base, 'DELETE', '/suppressions/%40blocked.example', { token: f.readToken })).status).toBe(403);
    expect(
      SuppressionCheck.parse(await (await call(f.base, 'GET', '/suppressions/x%40blocked.example', { token: f.readToken })).json())
        .suppressed,
    ).toBe(true);
  });

  it('answers 400 naming the field for a bad address, body or expiry, 413 for a body too large, 415 for one that is not JSON', async () => {
    const cases: [unknown, string][] = [
      [{ address: 'not an address' }, 'body.address'],
      [{ address: '"quoted"@example.org' }, 'body.address'],
      [{}, 'body.address'],
      [{ address: 'a@example.org', expires_at: 'tomorrow' }, 'body.expires_at'],
      [{ address: 'a@example.org', note: 'x'.repeat(1001) }, 'body.note'],
      ['{"address": ', 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await call(f.base, 'POST', '/suppressions', { token: f.writeToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        (await errorOf(res)).fields?.map((x) => x.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    const huge = await call(f.base, 'POST', '/suppressions', {
      token: f.writeToken,
      body: { address: 'a@example.org', note: 'x'.repeat(70 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).code).toBe('payload_too_large');
    const form = await call(f.base, 'POST', '/suppressions', {
      token: f.writeToken,
      body: 'address=a@example.org',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect((await errorOf(await call(f.base, 'GET', '/suppressions?limit=0', { token: f.readToken }))).fields?.[0]?.field).toBe(
      'query.limit',
    );
    expect((await errorOf(await call(f.base, 'GET', '/suppressions/%20', { token: f.readToken }))).fields?.[0]?.field).toBe('path.address');
  });
});
