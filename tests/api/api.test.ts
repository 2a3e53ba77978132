// The HTTP API over real HTTP against the dashboard's app with the API mounted: every route
// with and without a token, read-only tokens refused on writes, cookie sessions never
// authorising the API, validation errors naming the field, JSON errors without internals,
// throttling per token, and the OpenAPI document (checked by a maintained validator)
// matching the routes that answer.

import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BounceDetail, BounceList, Counts, ErrorBody, RetryResult } from '../../src/api/schemas.ts';
import { Client, insertBounce } from '../web/fixture.ts';
import { call, startApi, type ApiFixture } from './fixture.ts';
import { scalar } from '../harness/test-store.ts';
import { createIngestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { paddedDsn } from '../notify/forged-dsn.ts';

let f: ApiFixture;
let someId: number;

beforeAll(async () => {
  f = await startApi();
  someId = await scalar(f.store, "SELECT id FROM bounces WHERE decided_by != '' ORDER BY id LIMIT 1");
});
afterAll(async () => {
  await f?.close();
});

/** Sample bodies for the routes that take one, by operationId. */
const BODIES: Record<string, unknown> = { addSuppression: { address: 'someone@example.org' } };

/** One request per route, as the document lists them, with the path parameters and bodies filled in. */
function documentedCalls(): { method: string; path: string; body?: unknown }[] {
  const paths = f.document.paths as Record<string, Record<string, { operationId: string }>>;
  return Object.entries(paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: p.replace('{id}', String(someId)).replace('{address}', 'someone%40example.org') + (p === '/counts' ? '?by=day' : ''),
      body: BODIES[op.operationId],
    })),
  );
}

async function expectError(
  res: Response,
  status: number,
  code: string,
): Promise<{ error: { code: string; message: string; fields?: { field: string; message: string }[] } }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body;
}

describe('the API without a token', () => {
  it('answers every route but the document with 401 JSON and a Bearer challenge', async () => {
    const calls = documentedCalls();
    expect(calls.length).toBeGreaterThanOrEqual(10);
    for (const c of calls) {
      const res = await call(f.base, c.method, c.path, { body: c.body });
      if (c.path === '/openapi.json') {
        expect(res.status).toBe(200);
        continue;
      }
      const body = await expectError(res, 401, 'unauthorized');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="rebound"/);
      expect(body.error.message).toMatch(/Bearer/);
    }
  });

  it('refuses an unknown token and a revoked one', async () => {
    await expectError(await call(f.base, 'GET', '/bounces', { token: 'rbt_not-a-real-token' }), 401, 'unauthorized');
    const tokens = f.store.tokens;
    const t = await tokens.create('short-lived', 'read');
    expect((await call(f.base, 'GET', '/bounces', { token: t.token })).status).toBe(200);
    await tokens.revoke(t.id);
    const res = await call(f.base, 'GET', '/bounces', { token: t.token });
    await expectError(res, 401, 'unauthorized');
    expect(res.headers.get('www-authenticate')).toMatch(/invalid_token/);
  });

  it('never lets a signed-in dashboard session use the API, and asks no CSRF token of token requests', async () => {
    const browser = new Client(f.base);
    expect((await browser.signIn()).status).toBe(302);
    expect((await browser.get('/bounces')).status).toBe(200);
    // The cookie alone: a read and a write are both refused (401, not a CSRF 403).
    await expectError(await browser.request('GET', '/api/v1/bounces'), 401, 'unauthorized');
    await expectError(await browser.request('POST', `/api/v1/bounces/${someId}/retry`), 401, 'unauthorized');
    expect(f.retries).toEqual([]);
    // A token request with no cookie and no CSRF token works.
    expect((await call(f.base, 'POST', `/bounces/${someId}/retry`, { token: f.writeToken })).status).toBe(202);
    expect(f.retries).toEqual([someId]);
  });
});

describe('the API with a token', () => {
  it('answers every documented route with what its schema says', async () => {
    for (const c of documentedCalls()) {
      const token = c.method === 'GET' ? f.readToken : f.writeToken;
      const res = await call(f.base, c.method, c.path, { token, body: c.body });
      expect(res.status, `${c.method} ${c.path}`).toBeLessThan(300);
    }
    const list = BounceList.parse(await (await call(f.base, 'GET', '/bounces', { token: f.readToken })).json());
    expect(list.data.length).toBeGreaterThan(0);
    const detail = BounceDetail.parse(await (await call(f.base, 'GET', `/bounces/${someId}`, { token: f.readToken })).json());
    const row = (await f.store.bounces.get(someId))!;
    expect(detail).toMatchObject({ id: someId, email_to: row.email_to, reason: row.reason, status_code: row.status_code });
    expect(detail.decision_trail).toEqual(row.decided_by.split(/;\s*/).filter(Boolean));
    expect(detail.decision_trail.length).toBeGreaterThan(0);
    expect(detail.classification).toMatchObject({ kind: row.kind });
    expect(detail).not.toHaveProperty('dedupe_key');
    const raw = await call(f.base, 'GET', `/bounces/${someId}/raw`, { token: f.readToken });
    expect(raw.headers.get('content-type')).toMatch(/message\/rfc822/);
    expect(Buffer.from(await raw.arrayBuffer()).equals((await f.store.messages.raw(row.message_id))!)).toBe(true);
    expect(RetryResult.parse(await (await call(f.base, 'POST', `/bounces/${someId}/retry`, { token: f.writeToken })).json()).queued).toBe(
      true,
    );
  });

  it('answers 410 with a clear error when a large message lost a stored part, not a 500 or a short file', async () => {
    const raw = paddedDsn('api', 2 * 1024 * 1024 + 10_000);
    const r = await createIngestor({ store: f.store, log: silentLogger() }).ingest({ raw, source: 'lmtp' });
    const id = r.bounceIds[0]!;
    const whole = await call(f.base, 'GET', `/bounces/${id}/raw`, { token: f.readToken });
    expect(Buffer.from(await whole.arrayBuffer()).equals(raw)).toBe(true);
    await f.store.sql.run('DELETE FROM raw_parts WHERE seq = 1 AND sha256 = (SELECT sha256 FROM messages WHERE id = ?)', [r.messageId]);
    const res = await call(f.base, 'GET', `/bounces/${id}/raw`, { token: f.readToken });
    expect(res.status).toBe(410);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe('raw_incomplete');
    expect(body.error.message).toContain('a part of them is missing from the database');
  });

  it('gives a bounce classification with each recipient enhanced code under status, for rows stored before and after', async () => {
    // someId was classified and stored by this build (key enhancedCode); the old row is
    // stored as rows were before that rename (key status).
    const oldId = await insertBounce(f.store, {
      classification: JSON.stringify({ kind: 'bounce', recipients: [{ address: 'old@example.test', action: 'failed', status: '5.2.2' }] }),
    });
    expect((await f.store.messages.get((await f.store.bounces.get(someId))!.message_id))!.classification).toContain('"enhancedCode"');
    for (const id of [someId, oldId]) {
      const detail = BounceDetail.parse(await (await call(f.base, 'GET', `/bounces/${id}`, { token: f.readToken })).json());
      const recipients = detail.classification.recipients as Record<string, unknown>[];
      expect(recipients[0]!.status).toMatch(/^[245]\.\d+\.\d+$/);
      expect(recipients[0]).not.toHaveProperty('enhancedCode');
    }
  });

  it('filters the list as the dashboard does', async () => {
    const hard = BounceList.parse(await (await call(f.base, 'GET', '/bounces?type=hard&limit=500', { token: f.readToken })).json());
    const expected = await scalar(f.store, "SELECT COUNT(*) AS n FROM bounces WHERE bounce_type = 'hard'");
    expect(hard.data.length).toBe(expected);
    expect(hard.data.every((b) => b.bounce_type === 'hard')).toBe(true);
    const domain = hard.data[0]!.domain;
    const byDomain = BounceList.parse(
      await (await call(f.base, 'GET', `/bounces?domain=${encodeURIComponent(domain.toUpperCase())}`, { token: f.readToken })).json(),
    );
    expect(byDomain.data.length).toBeGreaterThan(0);
    expect(byDomain.data.every((b) => b.domain === domain)).toBe(true);
  });

  it('counts by day, domain, reason and type, as the rows say', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const total = await scalar(f.store, 'SELECT COUNT(*) AS n FROM bounces');
    for (const by of ['day', 'domain', 'reason', 'type']) {
      const c = Counts.parse(await (await call(f.base, 'GET', `/counts?by=${by}&limit=1000`, { token: f.readToken })).json());
      expect(c.to).toBe(today);
      expect(
        c.counts.reduce((s, x) => s + x.count, 0),
        by,
      ).toBe(total);
    }
    const byReason = Counts.parse(await (await call(f.base, 'GET', '/counts?by=reason', { token: f.readToken })).json());
    const userunknown = await scalar(f.store, "SELECT COUNT(*) AS n FROM bounces WHERE reason = 'userunknown'");
    expect(byReason.counts.find((x) => x.key === 'userunknown')?.count).toBe(userunknown);
  });

  it('refuses writes with a read-only token', async () => {
    const before = f.retries.length;
    const res = await call(f.base, 'POST', `/bounces/${someId}/retry`, { token: f.readToken });
    const body = await expectError(res, 403, 'forbidden');
    expect(body.error.message).toMatch(/read-only/);
    expect(res.headers.get('www-authenticate')).toMatch(/insufficient_scope/);
    expect(f.retries.length).toBe(before);
  });

  it('records when a token was last used', async () => {
    const tokens = f.store.tokens;
    const t = await tokens.create('fresh', 'read');
    expect((await tokens.get(t.id))!.last_used_at).toBe('');
    await call(f.base, 'GET', '/counts?by=type', { token: t.token });
    const used = (await tokens.get(t.id))!.last_used_at;
    expect(Date.now() - Date.parse(used)).toBeLessThan(10_000);
  });
});

describe('validation and errors', () => {
  it('answers 400 naming each invalid field', async () => {
    const cases: [string, string][] = [
      ['/bounces?limit=0', 'query.limit'],
      ['/bounces?limit=501', 'query.limit'],
      ['/bounces?limit=ten', 'query.limit'],
      ['/bounces?from=2026-13-45', 'query.from'],
      // A day the calendar does not have (Date.parse would roll it over to 2 March).
      ['/bounces?from=2026-02-30', 'query.from'],
      ['/bounces?sort=password', 'query.sort'],
      ['/bounces?type=medium', 'query.type'],
      ['/bounces?status=Processed&status=Problem', 'query.status'],
      ['/bounces?cursor=garbage', 'query.cursor'],
      ['/bounces/abc', 'path.id'],
      ['/bounces/0', 'path.id'],
      ['/counts', 'query.by'],
      ['/counts?by=day&from=2020-01-01&to=2026-01-01', 'query.from'],
    ];
    for (const [p, field] of cases) {
      const body = await expectError(await call(f.base, 'GET', p, { token: f.readToken }), 400, 'invalid_request');
      expect(
        body.error.fields?.map((x) => x.field),
        p,
      ).toContain(field);
      expect(body.error.message, p).toContain(field);
    }
  });

  it('refuses a cursor made for another sort', async () => {
    const first = BounceList.parse(await (await call(f.base, 'GET', '/bounces?limit=2&sort=domain', { token: f.readToken })).json());
    const body = await expectError(
      await call(f.base, 'GET', `/bounces?limit=2&sort=date&cursor=${first.next_cursor}`, { token: f.readToken }),
      400,
      'invalid_request',
    );
    expect(body.error.message).toMatch(/sort=domain/);
  });

  it('answers 404 and 405 as JSON', async () => {
    await expectError(await call(f.base, 'GET', '/bounces/999999999', { token: f.readToken }), 404, 'not_found');
    await expectError(await call(f.base, 'GET', '/nothing-here', { token: f.readToken }), 404, 'not_found');
    const res = await call(f.base, 'DELETE', '/bounces', { token: f.writeToken });
    await expectError(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('answers 500 without a stack or SQL when the database fails, and logs the detail', async () => {
    const other = await startApi({ files: [] });
    try {
      await other.store.sql.run('ALTER TABLE bounces RENAME TO bounces_gone');
      const res = await call(other.base, 'GET', '/bounces', { token: other.readToken });
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'internal error; the details are in the log' } });
      expect(text).not.toMatch(/SQLITE|bounces|at |\.ts/);
    } finally {
      await other.close();
    }
  });
});

describe('throttling', () => {
  it('throttles each token on its own, with Retry-After', async () => {
    const t = await startApi({ files: [], env: { API_RATE_LIMIT: '5' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await call(t.base, 'GET', '/counts?by=type', { token: t.readToken })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const res = await call(t.base, 'GET', '/counts?by=type', { token: t.readToken });
      await expectError(res, 429, 'rate_limited');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await call(t.base, 'GET', '/counts?by=type', { token: t.writeToken })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 by a maintained validator and is served at /api/v1/openapi.json', async () => {
    const res = await call(f.base, 'GET', '/openapi.json');
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toEqual(f.document);
    const v = new Validator();
    const r = await v.validate(doc as never);
    expect(r.errors ?? []).toEqual([]);
    expect(r.valid).toBe(true);
    expect(v.version).toBe('3.1');
  });

  it('documents exactly the routes that answer, each with its token scope and parameters', async () => {
    const doc = f.document as {
      paths: Record<string, Record<string, { 'x-token-scope'?: string; parameters: { name: string; in: string }[] }>>;
    };
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(f.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort());
    expect(doc.paths['/bounces']!.get!.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'domain', 'status', 'reason', 'type', 'q', 'sort', 'dir', 'limit', 'cursor']),
    );
    expect(doc.paths['/bounces/{id}/retry']!.post!['x-token-scope']).toBe('write');
    expect(doc.paths['/bounces/{id}']!.get!.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
  });
});
