// A real SMTP server (smtp-server) on loopback that records what it is sent: the exact
// envelope (MAIL FROM and every RCPT TO, Bcc included, which never shows in the headers),
// the authenticated user and the raw message. It answers normally, or 4xx/5xx on demand, so
// a test can play a relay that is down, refusing or back again.
//
//   const sink = await startSmtpSink({ port: 2588, auth: { user: 'u', pass: 'p' } });
//   sink.refuse(451);                        // every MAIL FROM gets 451 until accept()
//   sink.accept();
//   const [m] = await sink.waitForMessages(1);
//   m.envelope.to                            // ['a@x', 'b@x']
//   await sink.stop();                       // in afterAll
//
// Its built-in TLS certificate has expired, so STARTTLS is disabled and hidden: a client
// using the production nodemailer settings (no ignoreTLS) then talks plain SMTP on loopback.

import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { sleep } from './ports.ts';

export interface SinkMessage {
  envelope: { from: string; to: string[] };
  /** The AUTH user, '' when the client did not log in. */
  user: string;
  raw: Buffer;
  receivedAt: Date;
}

export interface SmtpSink {
  readonly port: number;
  readonly host: string;
  readonly messages: SinkMessage[];
  /** Answers every MAIL FROM with this code (421..554) until accept(). */
  refuse(code: number, text?: string): void;
  /** Back to normal: accept everything. */
  accept(): void;
  /** How many transactions were refused so far. */
  readonly refusals: number;
  /** Resolves with the messages once at least `count` arrived; bounded wait. */
  waitForMessages(count: number, timeoutMs?: number): Promise<SinkMessage[]>;
  clear(): void;
  stop(): Promise<void>;
}

export interface SinkOptions {
  port: number;
  host?: string;
  /** Require AUTH (PLAIN/LOGIN) with these credentials; without it, no AUTH is offered. */
  auth?: { user: string; pass: string };
  /** Greeting name; must differ from Postfix's myhostname when Postfix relays to the sink. */
  name?: string;
}

export async function startSmtpSink(opts: SinkOptions): Promise<SmtpSink> {
  const host = opts.host ?? '127.0.0.1';
  const messages: SinkMessage[] = [];
  let refusal: { code: number; text: string } | undefined;
  let refusals = 0;

  const options: SMTPServerOptions = {
    name: opts.name ?? 'sink.rebound.test',
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    hideSTARTTLS: true,
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) {
        cb(null, { user: auth.username });
        return;
      }
      cb(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onMailFrom(_address, _session, cb) {
      if (refusal) {
        refusals++;
        cb(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
        return;
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          user: typeof session.user === 'string' ? session.user : '',
          raw: Buffer.concat(chunks),
          receivedAt: new Date(),
        });
        cb(null, 'Message queued by the test sink');
      });
    },
  };
  const server = new SMTPServer(options);
  server.on('error', () => {
    // A client dropping the connection (a test killing a send) is not a failure of the sink.
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: opts.port,
    host,
    messages,
    get refusals() {
      return refusals;
    },
    refuse(code, text) {
      refusal = { code, text: text ?? (code >= 500 ? 'Relay access denied (test sink)' : 'Try again later (test sink)') };
    },
    accept() {
      refusal = undefined;
    },
    async waitForMessages(count, timeoutMs = 10_000) {
      const step = 25;
      for (let waited = 0; waited <= timeoutMs; waited += step) {
        if (messages.length >= count) return messages.slice();
        await sleep(step);
      }
      throw new Error(`sink on ${host}:${opts.port}: ${messages.length} message(s) after ${timeoutMs} ms, wanted ${count}`);
    },
    clear() {
      messages.length = 0;
      refusals = 0;
    },
    stop() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
