// A fake remote MX on loopback (a real smtp-server) that answers by recipient, so Postfix
// meets a real 5xx or 4xx from "the internet" and writes a real DSN about it.
//
//   const mx = await startFakeMx({ port: 2526 });
//   // Postfix routes mx-reject.test to it: hard-*@ -> 550 5.1.1, soft-*@ -> 450 4.2.0,
//   // full-*@ -> 452 4.2.2, anything else 250 (kept in mx.received).
//   await mx.stop();

import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface FakeMxReply {
  code: number;
  /** Reply text, enhanced status code first (e.g. '5.1.1 <x@y>: Recipient address rejected: User unknown'). */
  message: string;
}

export interface FakeMxOptions {
  port: number;
  host?: string;
  /** Greeting name; must differ from Postfix's myhostname (else "greeted me with my own hostname"). */
  name?: string;
  /** The answer for a recipient at RCPT; undefined = accept. Defaults to the local-part prefix rules above. */
  answer?: (rcpt: string) => FakeMxReply | undefined;
}

export interface FakeMx {
  /** Accepted messages: envelope and bytes. */
  received: { from: string; to: string[]; raw: Buffer }[];
  /** Every RCPT seen with the code answered, in order. */
  rcpts: { rcpt: string; code: number }[];
  stop(): Promise<void>;
}

export function defaultAnswer(rcpt: string): FakeMxReply | undefined {
  const local = rcpt.split('@')[0]!.toLowerCase();
  if (local.startsWith('hard')) return { code: 550, message: `5.1.1 <${rcpt}>: Recipient address rejected: User unknown` };
  if (local.startsWith('soft')) return { code: 450, message: `4.2.0 <${rcpt}>: Recipient address rejected: Try again later` };
  if (local.startsWith('full')) return { code: 452, message: `4.2.2 <${rcpt}>: Mailbox full` };
  return undefined;
}

export async function startFakeMx(opts: FakeMxOptions): Promise<FakeMx> {
  const answer = opts.answer ?? defaultAnswer;
  const received: FakeMx['received'] = [];
  const rcpts: FakeMx['rcpts'] = [];
  const server = new SMTPServer({
    name: opts.name ?? 'mx.remote.test',
    disableReverseLookup: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    // Postfix caches its connection for a few seconds; stop() must not wait 30 s for it.
    closeTimeout: 1000,
    // smtp-server's own enhanced codes would be added in front of ours; the texts carry them.
    onRcptTo(address: SMTPServerAddress, _session, cb) {
      const a = answer(address.address);
      rcpts.push({ rcpt: address.address, code: a?.code ?? 250 });
      if (!a) return cb();
      const err = new Error(a.message) as Error & { responseCode: number };
      err.responseCode = a.code;
      cb(err);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => {
    // a client dropping the connection is not the test's business
  });
  return {
    received,
    rcpts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
