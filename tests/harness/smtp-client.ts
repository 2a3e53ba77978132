// A tiny SMTP/LMTP client for tests. It sends a message's bytes as they are (8-bit bytes,
// odd headers and all; only line ends become CRLF and leading dots are doubled, which SMTP
// itself requires, RFC 5321 §4.5.2) and returns every reply, so a test can assert on the
// per-recipient replies an LMTP server gives after DATA (RFC 2033 §4.2). A library client
// would hide exactly the replies the tests are about, or rewrite the message.

import net from 'node:net';

export interface Reply {
  code: number;
  /** The text of all lines joined with '\n', without the code. */
  text: string;
}

export interface SmtpTarget {
  host?: string;
  port?: number;
  /** A unix socket path instead of host/port. */
  path?: string;
}

export interface SendOptions extends SmtpTarget {
  protocol?: 'smtp' | 'lmtp';
  /** Name sent with EHLO/LHLO. */
  helo?: string;
  /** Envelope sender; '' for the null sender <>. */
  from: string;
  to: string[];
  raw: Buffer | string;
  /** Bound on the whole transaction. */
  timeoutMs?: number;
}

export interface SendResult {
  greeting: Reply;
  mail: Reply;
  /** One reply per RCPT, in order. */
  rcpt: Reply[];
  /** After DATA: one reply per accepted recipient (LMTP) or one reply (SMTP); [] when DATA was not sent. */
  data: Reply[];
}

/** One open SMTP or LMTP connection with a reply reader. */
export class SmtpSession {
  #socket: net.Socket;
  #buf = '';
  #lines: string[] = [];
  #waiters: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  #closedError: Error | undefined;
  greeting: Reply | undefined;

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', (err) => this.#fail(err));
    socket.on('close', () => this.#fail(new Error('connection closed')));
  }

  /** Connects and reads the greeting; `timeoutMs` bounds every later wait for a reply as well. */
  static async connect(target: SmtpTarget, timeoutMs = 10_000): Promise<SmtpSession> {
    const socket = target.path
      ? net.connect({ path: target.path })
      : net.connect({ host: target.host ?? '127.0.0.1', port: target.port ?? 25 });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    const s = new SmtpSession(socket);
    s.greeting = await s.readReply();
    return s;
  }

  #onData(chunk: Buffer): void {
    this.#buf += chunk.toString('latin1');
    let i: number;
    while ((i = this.#buf.indexOf('\n')) >= 0) {
      this.#lines.push(this.#buf.slice(0, i).replace(/\r$/, ''));
      this.#buf = this.#buf.slice(i + 1);
    }
    this.#deliver();
  }

  #deliver(): void {
    while (this.#waiters.length > 0) {
      // A reply ends at the first line whose fourth character is a space (RFC 5321 §4.2.1).
      const end = this.#lines.findIndex((l) => l.length < 4 || l[3] === ' ');
      if (end < 0) return;
      const lines = this.#lines.splice(0, end + 1);
      const code = Number(lines[0]!.slice(0, 3));
      this.#waiters.shift()!.resolve({ code, text: lines.map((l) => l.slice(4)).join('\n') });
    }
  }

  #fail(err: Error): void {
    this.#closedError ??= err;
    this.#deliver();
    for (const w of this.#waiters.splice(0)) w.reject(this.#closedError);
  }

  readReply(): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
      this.#deliver();
      if (this.#closedError && this.#waiters.length > 0) this.#fail(this.#closedError);
    });
  }

  /** Sends one command line and reads its reply. */
  async command(line: string): Promise<Reply> {
    this.write(`${line}\r\n`);
    return this.readReply();
  }

  write(data: string | Buffer): void {
    this.#socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** True once the server closed the connection or it failed. */
  get closed(): boolean {
    return this.#closedError !== undefined;
  }

  /** Sends QUIT (ignoring errors) and closes the socket. */
  async quit(): Promise<void> {
    if (!this.closed) {
      try {
        await this.command('QUIT');
      } catch {
        // the server may already be gone; closing is all that is left
      }
    }
    this.#socket.destroy();
  }

  destroy(): void {
    this.#socket.destroy();
  }
}

/**
 * The DATA payload for `raw`: every line end (LF or CRLF) becomes CRLF, a line starting with
 * '.' gets a second one (RFC 5321 §4.5.2), and the terminating CRLF.CRLF is appended. Every
 * other byte, including 8-bit bytes and lone CRs, is sent unchanged.
 */
export function dataPayload(raw: Buffer | string): Buffer {
  const s = typeof raw === 'string' ? raw : raw.toString('latin1');
  const lines = s.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const body = lines.map((l) => (l.startsWith('.') ? `.${l}` : l)).join('\r\n');
  return Buffer.from(`${body}\r\n.\r\n`, 'latin1');
}

/** Runs one whole transaction (greeting, EHLO/LHLO, MAIL, RCPT…, DATA, QUIT) and returns every reply. */
export async function sendMail(opts: SendOptions): Promise<SendResult> {
  const lmtp = (opts.protocol ?? 'smtp') === 'lmtp';
  const s = await SmtpSession.connect(opts, opts.timeoutMs ?? 10_000);
  try {
    const hello = await s.command(`${lmtp ? 'LHLO' : 'EHLO'} ${opts.helo ?? 'client.test'}`);
    if (hello.code !== 250) throw new Error(`${lmtp ? 'LHLO' : 'EHLO'} refused: ${hello.code} ${hello.text}`);
    const mail = await s.command(`MAIL FROM:<${opts.from}>`);
    const result: SendResult = { greeting: s.greeting!, mail, rcpt: [], data: [] };
    if (mail.code !== 250) return result;
    for (const to of opts.to) result.rcpt.push(await s.command(`RCPT TO:<${to}>`));
    const accepted = result.rcpt.filter((r) => r.code === 250 || r.code === 251).length;
    if (accepted === 0) return result;
    const go = await s.command('DATA');
    if (go.code !== 354) {
      result.data.push(go);
      return result;
    }
    s.write(dataPayload(opts.raw));
    for (let i = 0; i < (lmtp ? accepted : 1); i++) result.data.push(await s.readReply());
    return result;
  } finally {
    await s.quit();
  }
}
