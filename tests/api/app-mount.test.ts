// The API as the running service mounts it (buildApp): its routes are loaded at the first
// request under /api/v1 (src/api/lazy.ts), not at start, and then answer as the API does.
// The routes themselves are tested in api.test.ts.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { NO_SUPPRESSION_SERVERS, storeEnv } from '../harness/app-env.ts';
import { freePort } from '../harness/ports.ts';

let app: App;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-api-mount-'));
  const port = await freePort();
  app = buildApp(
    loadConfig({
      ...NO_SUPPRESSION_SERVERS,
      DATA_DIR: dir,
      ...(await storeEnv()),
      LMTP_ENABLED: 'false',
      WEBUI_PORT: String(port),
      ADMIN_PASS: 'api-mount-test-password',
      SESSION_SECRET: 'an-api-mount-test-session-secret-longer-than-32',
    }),
    silentLogger(),
  );
  await app.start();
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app?.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe('the API in the running service', () => {
  it('answers its first requests, several at once, once its routes are loaded', async () => {
    const [doc, again] = await Promise.all([fetch(`${base}/api/v1/openapi.json`), fetch(`${base}/api/v1/openapi.json`)]);
    expect(doc.status).toBe(200);
    expect(again.status).toBe(200);
    const body = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toMatch(/^3\.1/);
    expect(Object.keys(body.paths)).toContain('/bounces');
    // The request that waited for the same first load gets the same document.
    expect(await again.json()).toEqual(body);
  });

  it('asks for a token on a route that needs one, and leaves other paths to the dashboard', async () => {
    const bounces = await fetch(`${base}/api/v1/bounces`);
    expect(bounces.status).toBe(401);
    expect(((await bounces.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const health = await fetch(`${base}/health/live`);
    expect(health.status).toBe(200);
    await health.arrayBuffer();
  });
});
