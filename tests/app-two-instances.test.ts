// Two whole rebound services (buildApp) on one store (DATA_DIR's file, or one PostgreSQL
// database on that run), as two instances behind one Postfix: bounces delivered over LMTP to
// either are recorded once each, every notice reaches the relay (a real SMTP sink) exactly
// once, a dashboard session made on one works on the other, and each has its own instance id.
// Ports are free ones the system hands out: a fixed port in the ephemeral range (32768 and
// up) can be taken by any outgoing connection on the machine.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { NO_SUPPRESSION_SERVERS, storeEnvOf } from './harness/app-env.ts';
import { scalar } from './harness/test-store.ts';
import { capturingLogger } from './harness/log.ts';
import { freePort, sleep } from './harness/ports.ts';
import { sendMail } from './harness/smtp-client.ts';
import { startSmtpSink, type SmtpSink } from './harness/smtp-sink.ts';
import { dsn } from './notify/dsn-fixtures.ts';
import { Client } from './web/fixture.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-two-'));
let relay: SmtpSink;
let relayPort = 0;
const lmtpPorts: number[] = [];
const webPorts: number[] = [];
const apps: App[] = [];

async function instance(lmtpPort: number, webPort: number): Promise<App> {
  const config = loadConfig({
    ...NO_SUPPRESSION_SERVERS,
    DATA_DIR: dir,
    ...(await storeEnvOf(dir)),
    LMTP_LISTEN: `127.0.0.1:${lmtpPort}`,
    WEBUI_PORT: String(webPort),
    SMTP_SERVER: '127.0.0.1',
    SMTP_PORT: String(relayPort),
    NOTIFY_CC: 'ops@example.org',
    NOTIFY_FROM: 'rebound@example.org',
    LOCAL_DOMAINS: 'example.org, app.test',
    ADMIN_PASS: 'two-instances-password',
    SESSION_SECRET: 'a-session-secret-both-instances-share-0123',
  });
  const app = buildApp(config, capturingLogger().log);
  apps.push(app);
  return app;
}

beforeAll(async () => {
  relayPort = await freePort();
  relay = await startSmtpSink({ port: relayPort });
  for (let i = 0; i < 2; i++) {
    lmtpPorts.push(await freePort());
    webPorts.push(await freePort());
  }
  // One after the other, as a service manager would; both then run side by side.
  await (await instance(lmtpPorts[0]!, webPorts[0]!)).start();
  await (await instance(lmtpPorts[1]!, webPorts[1]!)).start();
});

afterAll(async () => {
  for (const a of apps) await a.stop().catch(() => {});
  await relay?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two rebound instances on one database', () => {
  it('records bounces delivered to either once and sends each notice exactly once', async () => {
    const ports = lmtpPorts;
    for (let i = 0; i < 6; i++) {
      const r = await sendMail({
        port: ports[i % 2]!,
        protocol: 'lmtp',
        from: '',
        to: ['bounces@bounces.test'],
        raw: dsn({ tag: `two-${i}`, failed: `user${i}@mx-reject.test` }),
      });
      expect(r.data.map((d) => d.code)).toEqual([250]);
    }
    await relay.waitForMessages(6);
    await sleep(500);
    expect(relay.messages).toHaveLength(6);
    const marks = relay.messages.map((m) => /X-Rebound-Notice: (\d+)/.exec(m.raw.toString())![1]);
    expect(new Set(marks).size).toBe(6);
    expect(await scalar(apps[0]!.store, 'SELECT COUNT(*) AS n FROM bounces')).toBe(6);
    expect(await apps[1]!.store.outbox.countsByState()).toMatchObject({ sent: 6, pending: 0 });
  });

  it('serves a session made on one instance on the other', async () => {
    const a = new Client(`http://127.0.0.1:${webPorts[0]}`);
    await a.signIn('two-instances-password');
    const b = new Client(`http://127.0.0.1:${webPorts[1]}`);
    b.cookies = a.cookies;
    const overview = await b.get('/');
    expect(overview.status).toBe(200);
    // The overview itself, as the signed-in admin sees it (the sign-out button), not a login form.
    expect(await overview.text()).toContain('id="sign-out"');
  });

  it('gives each instance its own id', () => {
    expect(apps[0]!.config.instance.id).not.toBe(apps[1]!.config.instance.id);
  });
});
