// Many messages into an SMTP server (Postfix's smtpd in the tests) as a busy relay would send
// them: a few connections side by side, many transactions per connection, and each
// transaction's MAIL, RCPT and DATA sent in one write (PIPELINING, RFC 2920: DATA is the last
// command of a group). Bounded in concurrency, in transactions per connection and in time.
//
//   const r = await injectMany({ port: pf.ports.smtpd, from: '', to: 'bounces@example.test',
//     count: 2000, message: (i) => dsn({ tag: `load-${i}` }), connections: 8 });
//   r.accepted === 2000, r.refused = [{ index, reply }] for the rest

import { dataPayload, SmtpSession, type Reply } from './smtp-client.ts';

export interface LoadOptions {
  host?: string;
  port: number;
  helo?: string;
  /** Envelope sender; '' for the null sender of a DSN. */
  from: string;
  to: string;
  count: number;
  /** The bytes of message number i (0 <= i < count). */
  message: (i: number) => Buffer;
  /** Connections side by side (default 8). */
  connections?: number;
  /** Transactions on one connection before it is closed and another opened (default 100). */
  perConnection?: number;
  /** Bound on the whole load (default 120 s); what is not sent by then is reported unsent. */
  timeoutMs?: number;
}

export interface LoadResult {
  accepted: number;
  /** Transactions the server did not accept, by message number. */
  refused: { index: number; reply: Reply }[];
  /** Messages never tried (the time bound ran out, or a connection failed). */
  unsent: number;
  elapsedMs: number;
}

export async function injectMany(o: LoadOptions): Promise<LoadResult> {
  const t0 = Date.now();
  const deadline = t0 + (o.timeoutMs ?? 120_000);
  const perConnection = o.perConnection ?? 100;
  let next = 0;
  let accepted = 0;
  const refused: LoadResult['refused'] = [];
  const errors: Error[] = [];

  async function worker(): Promise<void> {
    while (next < o.count && Date.now() < deadline) {
      const s = await SmtpSession.connect({ host: o.host ?? '127.0.0.1', port: o.port }, 30_000);
      try {
        const hello = await s.command(`EHLO ${o.helo ?? 'relay.load.test'}`);
        if (hello.code !== 250) throw new Error(`EHLO refused: ${hello.code} ${hello.text}`);
        if (!/^PIPELINING$/im.test(hello.text)) throw new Error('the server does not offer PIPELINING');
        for (let n = 0; n < perConnection && next < o.count && Date.now() < deadline; n++) {
          const index = next++;
          s.write(`MAIL FROM:<${o.from}>\r\nRCPT TO:<${o.to}>\r\nDATA\r\n`);
          const [mail, rcpt, data] = [await s.readReply(), await s.readReply(), await s.readReply()];
          if (data.code !== 354) {
            // A refused MAIL or RCPT makes the pipelined DATA fail too ("no valid recipients"):
            // the server is back at the start of a transaction. The first refusal says why.
            refused.push({ index, reply: [mail, rcpt, data].find((r) => r.code >= 400)! });
            continue;
          }
          s.write(dataPayload(o.message(index)));
          const end = await s.readReply();
          if (end.code === 250) accepted++;
          else refused.push({ index, reply: end });
        }
      } finally {
        await s.quit();
      }
    }
  }

  const workers = Array.from({ length: o.connections ?? 8 }, () => worker().catch((err: unknown) => void errors.push(err as Error)));
  await Promise.all(workers);
  if (errors.length > 0 && accepted + refused.length < o.count) {
    throw new Error(`load stopped after ${accepted} accepted: ${errors[0]!.message}`, { cause: errors[0] });
  }
  return { accepted, refused, unsent: o.count - accepted - refused.length, elapsedMs: Date.now() - t0 };
}
