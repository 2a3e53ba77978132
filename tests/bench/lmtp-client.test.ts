// The load generator's client must deliver exactly the bytes of the corpus messages (a
// benchmark that sends something else measures nothing) and tell a 250 from a refusal.
// Checked against a real smtp-server in LMTP mode on loopback.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { dataBody, LmtpClient } from './lmtp-client.ts';

describe('the benchmark LMTP client', () => {
  const received: Buffer[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      lmtp: true,
      disableReverseLookup: true,
      logger: false,
      disabledCommands: ['AUTH', 'STARTTLS'],
      hideSTARTTLS: true,
      onRcptTo(address, _session, cb) {
        if (address.address.startsWith('busy@')) {
          const err = new Error('mailbox busy, try later') as Error & { responseCode: number };
          err.responseCode = 451;
          return cb(err);
        }
        cb();
      },
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks));
          cb(null, 'stored');
        });
      },
    });
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
    port = (server.server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers the message byte for byte: dots undone by the server, bare CR and LF made CRLF, 8-bit bytes kept', async () => {
    const raw = Buffer.from('Subject: caf\xe9\n\n.leading dot\r\n..two dots\rlast line without end', 'latin1');
    const client = await LmtpClient.connect(port);
    try {
      const { reply } = await client.send(dataBody(raw.toString('latin1')), 'bounces@bench.example');
      expect(reply.code).toBe(250);
    } finally {
      await client.quit();
    }
    expect(received.at(-1)!.toString('latin1')).toBe('Subject: caf\xe9\r\n\r\n.leading dot\r\n..two dots\r\nlast line without end\r\n');
  });

  it('reports a refused recipient as the refusal, not as a delivery, and the connection goes on', async () => {
    const client = await LmtpClient.connect(port);
    try {
      const refused = await client.send(dataBody('Subject: x\r\n\r\nbody\r\n'), 'busy@bench.example');
      expect(refused.reply.code).toBe(451);
      const next = await client.send(dataBody('Subject: y\r\n\r\nbody\r\n'), 'bounces@bench.example');
      expect(next.reply.code).toBe(250);
    } finally {
      await client.quit();
    }
  });
});
