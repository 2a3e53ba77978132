// A relay that takes no notices, with every part real: a DSN over LMTP is recorded, its
// notice fails against a closed SMTP port, and /health says "degraded" (200) naming the
// relay, with rebound_part_up{part="relay"} 0, while intake goes on.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { sendMail } from '../harness/smtp-client.ts';
import { waitFor } from '../harness/ports.ts';
import { dsn } from '../notify/dsn-fixtures.ts';
import { NO_SUPPRESSION_SERVERS, storeEnv } from '../harness/app-env.ts';

const LMTP_PORT = 7471;
const WEB_PORT = 7472;
/** Nothing listens here: every notice fails to connect. */
const CLOSED_RELAY_PORT = 7473;

let app: App | undefined;
afterAll(async () => {
  await app?.stop();
});

describe('health when notices cannot be sent', () => {
  it('answers 200 "degraded" naming the relay, and rebound_part_up{part="relay"} 0, while bounces are still taken', async () => {
    app = buildApp(
      loadConfig({
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'rebound-relay-down-')),
        ...(await storeEnv()),
        LMTP_LISTEN: `127.0.0.1:${LMTP_PORT}`,
        ...NO_SUPPRESSION_SERVERS,
        WEBUI_PORT: String(WEB_PORT),
        SMTP_SERVER: '127.0.0.1',
        SMTP_PORT: String(CLOSED_RELAY_PORT),
        NOTIFY_CC: 'ops@example.org',
        NOTIFY_FROM: 'rebound@example.org',
        // The fixture's original was sent from app.test: ours, so its bounce is notified.
        LOCAL_DOMAINS: 'example.org, app.test',
        ADMIN_PASS: 'relay-test-password',
        SESSION_SECRET: 'a-relay-test-session-secret-longer-than-32-chars',
      }),
      silentLogger(),
    );
    await app.start();
    const base = `http://127.0.0.1:${WEB_PORT}`;
    expect(((await (await fetch(`${base}/health`)).json()) as { status: string }).status).toBe('ok');
    const r = await sendMail({
      port: LMTP_PORT,
      protocol: 'lmtp',
      from: '',
      to: ['bounces@bounces.test'],
      raw: dsn({ tag: 'relay-down' }),
    });
    expect(r.data.map((x) => x.code)).toEqual([250]);
    const body = await waitFor('/health to show the failed notice', async () => {
      const b = (await (await fetch(`${base}/health`)).json()) as { status: string; degraded: string[]; failing: string[] };
      return b.status !== 'ok' && b;
    });
    expect(body).toMatchObject({ status: 'degraded', degraded: ['relay'], failing: [] });
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('rebound_part_up{part="relay"} 0');
    // Intake goes on.
    const again = await sendMail({
      port: LMTP_PORT,
      protocol: 'lmtp',
      from: '',
      to: ['bounces@bounces.test'],
      raw: dsn({ tag: 'relay-down-2' }),
    });
    expect(again.data.map((x) => x.code)).toEqual([250]);
  });
});
