// The mailer's error mapping against real listeners on loopback: the smtp-server sink on
// 127.0.0.1:2594 answering 4xx/5xx, a closed port, and a plain TCP server that accepts and
// never greets (a hung relay).

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createMailer, SendError, type OutgoingMail } from '../../src/notify/mailer.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';

const SINK_PORT = 2594;
const SILENT_PORT = 2595;
const DEAD_PORT = 2596;

let sink: SmtpSink;
let silent: net.Server;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  sink = await startSmtpSink({ port: SINK_PORT });
  silent = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => silent.listen(SILENT_PORT, '127.0.0.1', r));
});
afterAll(async () => {
  await sink?.stop();
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

const mail: OutgoingMail = {
  from: 'rebound@app.test',
  to: ['ops@example.org', 'hidden@example.org'],
  subject: 'hello',
  text: 'text',
  html: '<p>html</p>',
  headers: { 'Auto-Submitted': 'auto-generated' },
};
const smtp = (port: number) => loadConfig({ SMTP_SERVER: '127.0.0.1', SMTP_PORT: String(port) }, '/tmp').smtp;

async function failure(port: number, timeouts?: { connection: number; greeting: number; socket: number }): Promise<SendError> {
  const m = createMailer(smtp(port), timeouts);
  try {
    await m.send(mail);
  } catch (err) {
    return err as SendError;
  } finally {
    m.close();
  }
  throw new Error('the send did not fail');
}

describe('the mailer', () => {
  it('delivers with the envelope sender NOTIFY_FROM to exactly the given recipients', async () => {
    const m = createMailer(smtp(SINK_PORT));
    const r = await m.send(mail);
    m.close();
    expect(r.response).toMatch(/^250 /);
    expect(sink.messages.at(-1)!.envelope).toEqual({ from: 'rebound@app.test', to: ['ops@example.org', 'hidden@example.org'] });
  });

  it('calls a 4xx answer temporary and a 5xx answer permanent, quoting the relay', async () => {
    sink.refuse(452, 'Insufficient system storage');
    const t = await failure(SINK_PORT);
    sink.refuse(550, 'Relaying denied');
    const p = await failure(SINK_PORT);
    sink.accept();
    expect(t).toMatchObject({ kind: 'temporary', responseCode: 452 });
    expect(t.message).toContain('Insufficient system storage');
    expect(p).toMatchObject({ kind: 'permanent', responseCode: 550 });
    expect(p.message).toContain(`relay 127.0.0.1:${SINK_PORT}`);
  });

  it('calls a refused connection temporary', async () => {
    const e = await failure(DEAD_PORT);
    expect(e.kind).toBe('temporary');
    expect(e.message).toMatch(/ECONNREFUSED/);
  });

  it('gives up on a relay that never greets after the greeting timeout, as a temporary failure', async () => {
    const e = await failure(SILENT_PORT, { connection: 2000, greeting: 300, socket: 2000 });
    expect(e).toBeInstanceOf(SendError);
    expect(e.kind).toBe('temporary');
    expect(e.message).toMatch(/greeting/i);
  });
});
