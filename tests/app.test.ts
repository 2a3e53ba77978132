// The composition root with every part wired: a DSN delivered over LMTP is committed, its
// notice reaches a real SMTP server (the relay), the dashboard and /health answer, and stop()
// closes the parts so the ports are free again and the database is closed.

import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { netstring } from '../src/suppress/socketmap.ts';
import { startSmtpSink, type SmtpSink } from './harness/smtp-sink.ts';
import { sendMail } from './harness/smtp-client.ts';
import { storeEnv } from './harness/app-env.ts';
import { dsn } from './notify/dsn-fixtures.ts';

const LMTP_PORT = 7424;
const WEB_PORT = 7888;
const RELAY_PORT = 7587;
const SOCKETMAP_PORT = 7426;

let app: App;
let relay: SmtpSink;

beforeAll(async () => {
  relay = await startSmtpSink({ port: RELAY_PORT });
  const config = loadConfig({
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'rebound-app-')),
    ...(await storeEnv()),
    LMTP_LISTEN: `127.0.0.1:${LMTP_PORT}`,
    WEBUI_PORT: String(WEB_PORT),
    SOCKETMAP_LISTEN: `127.0.0.1:${SOCKETMAP_PORT}`,
    POLICY_LISTEN: 'off',
    SMTP_SERVER: '127.0.0.1',
    SMTP_PORT: String(RELAY_PORT),
    NOTIFY_CC: 'ops@example.org',
    NOTIFY_FROM: 'rebound@example.org',
    // The DSN fixture's original is from news@app.test with Carol (example.net) in Cc: both
    // the organisation's here, so its bounce is notified to her (issue 11: only local ones).
    LOCAL_DOMAINS: 'example.org, example.net, app.test',
    ADMIN_PASS: 'app-test-password',
    SESSION_SECRET: 'an-app-test-session-secret-longer-than-32-chars',
  });
  app = buildApp(config, silentLogger());
  await app.start();
});

afterAll(async () => {
  await app?.stop().catch(() => {});
  await relay?.stop();
});

/** The store is closed: a query through it fails (on either engine). */
const expectClosed = (a: App) => expect(a.store.sql.get('SELECT 1 AS one')).rejects.toThrow();

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

describe('rebound, all parts wired', () => {
  it('records a DSN from LMTP and sends its notice to NOTIFY_CC and the original Cc', async () => {
    const r = await sendMail({
      port: LMTP_PORT,
      protocol: 'lmtp',
      from: '',
      to: ['bounces@bounces.test'],
      raw: dsn({ tag: 'app-1', cc: 'Carol <carol@example.net>' }),
    });
    expect(r.data.map((d) => d.code)).toEqual([250]);
    const [notice] = await relay.waitForMessages(1);
    expect(notice!.envelope.to.sort()).toEqual(['carol@example.net', 'ops@example.org']);
    expect(notice!.raw.toString()).toMatch(/hard-user@mx-reject\.test/);
    const row = await app.store.sql.get('SELECT email_to, status, reason FROM bounces');
    expect(row).toEqual({ email_to: 'hard-user@mx-reject.test', status: 'Processed', reason: 'userunknown' });
  });

  it('puts the hard bounce on the suppression list, and its socketmap server says so', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const s = net.connect(SOCKETMAP_PORT, '127.0.0.1', () => s.write(netstring('suppressed hard-user@mx-reject.test')));
      s.setTimeout(3000, () => (s.destroy(), reject(new Error('no answer'))));
      s.on('data', (d) => (s.destroy(), resolve(d.toString())));
      s.on('error', reject);
    });
    expect(answer).toMatch(
      /^\d+:OK REJECT 5\.1\.1 this address is on the suppression list of rebound after a hard bounce \(userunknown\) on \d{4}-\d\d-\d\d,$/,
    );
  });

  it('answers /health with 200 while every enabled part works', async () => {
    const res = await fetch(`http://127.0.0.1:${WEB_PORT}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('refuses to start when its LMTP port is taken, names the address, and leaves nothing running', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(7425, '127.0.0.1', () => r()));
    const second = buildApp(
      loadConfig({
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'rebound-app-')),
        ...(await storeEnv()),
        LMTP_LISTEN: '127.0.0.1:7425',
        WEBUI_PORT: '7889',
        SOCKETMAP_LISTEN: '127.0.0.1:7427',
        POLICY_LISTEN: 'off',
        ADMIN_PASS: 'x',
        SESSION_SECRET: 'an-app-test-session-secret-longer-than-32-chars',
      }),
      silentLogger(),
    );
    try {
      await expect(second.start()).rejects.toThrow(/cannot listen on 127\.0\.0\.1:7425/);
      // The parts it had started are stopped again: the dashboard's port is free, the database closed.
      expect(await portOpen(7889)).toBe(false);
      await expectClosed(second);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('stops every part: the ports are closed and the database is closed', async () => {
    await app.stop();
    expect(await portOpen(LMTP_PORT)).toBe(false);
    expect(await portOpen(WEB_PORT)).toBe(false);
    await expectClosed(app);
  });
});
