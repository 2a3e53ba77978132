// A minimal LMTP client for the load generator: LHLO once, then per message MAIL FROM,
// RCPT TO and DATA sent together (PIPELINING, RFC 2920 section 3.1: DATA may end a group),
// the body with its dots doubled (RFC 5321 section 4.5.2), and the one reply per recipient
// after the final dot (RFC 2033 section 4.2). Kept apart from tests/harness/smtp-client.ts
// because a benchmark wants the fewest writes and allocations per message, and the
// timestamps taken at the right moments.

import net from 'node:net';

export interface Reply {
  code: number;
  text: string;
}

/** CRLF line ends, dots doubled, a final CRLF: the body as it travels after DATA. */
export function dataBody(raw: string): string {
  let s = raw.replace(/\r\n|\r|\n/g, '\r\n');
  if (!s.endsWith('\r\n')) s += '\r\n';
  if (s.startsWith('.')) s = `.${s}`;
  return s.replace(/\r\n\./g, '\r\n..');
}

export class LmtpClient {
  #socket: net.Socket;
  #buf = '';
  #lines: string[] = [];
  #replies: Reply[] = [];
  #waiters: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  #closed: Error | undefined;
  #timeoutMs: number;

  private constructor(socket: net.Socket, timeoutMs: number) {
    this.#socket = socket;
    this.#timeoutMs = timeoutMs;
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => this.#onData(chunk));
    socket.on('error', (err) => this.#fail(err));
    socket.on('close', () => this.#fail(new Error('connection closed')));
  }

  static async connect(port: number, host = '127.0.0.1', timeoutMs = 30_000): Promise<LmtpClient> {
    const socket = net.connect({ host, port });
    const client = new LmtpClient(socket, timeoutMs);
    const greeting = await client.reply();
    if (greeting.code !== 220) throw new Error(`greeting ${greeting.code} ${greeting.text}`);
    socket.write('LHLO bench.localdomain\r\n');
    const lhlo = await client.reply();
    if (lhlo.code !== 250) throw new Error(`LHLO answered ${lhlo.code} ${lhlo.text}`);
    return client;
  }

  #onData(chunk: string): void {
    this.#buf += chunk;
    let nl: number;
    while ((nl = this.#buf.indexOf('\r\n')) >= 0) {
      const line = this.#buf.slice(0, nl);
      this.#buf = this.#buf.slice(nl + 2);
      this.#lines.push(line);
      // The last line of a reply has a space (or nothing) after the code.
      if (line.length < 4 || line[3] === ' ') {
        const code = Number(line.slice(0, 3));
        const text = this.#lines.map((l) => l.slice(4)).join('\n');
        this.#lines = [];
        const w = this.#waiters.shift();
        if (w) w.resolve({ code, text });
        else this.#replies.push({ code, text });
      }
    }
  }

  #fail(err: Error): void {
    this.#closed ??= err;
    for (const w of this.#waiters.splice(0)) w.reject(err);
  }

  /** The next reply, bounded by the client's timeout. */
  reply(): Promise<Reply> {
    const ready = this.#replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.#closed) return Promise.reject(this.#closed);
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.#waiters.findIndex((w) => w.resolve === done);
        if (i >= 0) this.#waiters.splice(i, 1);
        reject(new Error(`no reply within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      const done = (r: Reply) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.#waiters.push({
        resolve: done,
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  /**
   * Delivers one message to one recipient. `body` is already dataBody()-prepared (bytes as
   * latin1 string). Returns the final reply and the milliseconds from writing the end of
   * data to reading that reply.
   */
  async send(body: string | Buffer, rcpt: string): Promise<{ reply: Reply; latencyMs: number }> {
    // SIZE= as Postfix's LMTP client sends it to a server that announces SIZE.
    this.#socket.write(`MAIL FROM:<> SIZE=${body.length}\r\nRCPT TO:<${rcpt}>\r\nDATA\r\n`);
    const mail = await this.reply();
    const rcptReply = await this.reply();
    const data = await this.reply();
    if (mail.code !== 250 || rcptReply.code !== 250 || data.code !== 354) {
      // A refusal: end an open data phase with an empty message, reset the transaction
      // (RFC 5321 section 4.1.1.5) and report the first refusal, not the DATA that followed it.
      if (data.code === 354) {
        this.#socket.write('.\r\n');
        await this.reply();
      }
      this.#socket.write('RSET\r\n');
      await this.reply();
      return { reply: [mail, rcptReply, data].find((r) => r.code >= 400) ?? data, latencyMs: 0 };
    }
    // One write with the final dot: the clock starts once the end of data is handed to the socket.
    if (typeof body === 'string') this.#socket.write(`${body}.\r\n`, 'latin1');
    else this.#socket.write(Buffer.concat([body, Buffer.from('.\r\n')]));
    const t0 = performance.now();
    const reply = await this.reply();
    return { reply, latencyMs: performance.now() - t0 };
  }

  async quit(): Promise<void> {
    if (this.#closed) return;
    this.#socket.write('QUIT\r\n');
    await this.reply().catch(() => undefined);
    this.#socket.destroy();
  }

  destroy(): void {
    this.#socket.destroy();
  }
}
