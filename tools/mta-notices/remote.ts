// A scripted remote mail server on loopback for recording real MTAs' notices. It speaks
// plain SMTP over a socket (no library in between, so every reply goes out byte for byte as
// the scenario writes it, multi-line replies included) and refuses at the phase the
// scenario names. Only the recorder uses it; tests read the notices it made the MTAs write.

import { createServer, type Server, type Socket } from 'node:net';

export type Phase = 'connect' | 'ehlo' | 'mail' | 'rcpt' | 'data' | 'end-of-data';

export interface RemoteReply {
  code: number;
  /** The reply text after the code; lines joined by "\n" become a multi-line reply. */
  text: string;
}

export interface RemoteScript {
  /** Replies that refuse at a phase; a phase not named is accepted. */
  refuse?: Partial<Record<Phase, RemoteReply>>;
  /** A recipient's own RCPT reply, by local part; others get `refuse.rcpt` or 250. */
  rcptByLocalPart?: Record<string, RemoteReply>;
  /** Accept the connection and say nothing (the client's greeting timeout runs out). */
  silent?: boolean;
  /** Close the connection without a word when the client sends this phase's command. */
  hangUpAt?: Exclude<Phase, 'connect' | 'end-of-data'>;
  /** EHLO keywords after the name (default 8BITMIME, ENHANCEDSTATUSCODES). */
  ehloKeywords?: string[];
}

const PHASE_OF_VERB: Record<string, Phase> = { EHLO: 'ehlo', HELO: 'ehlo', MAIL: 'mail', RCPT: 'rcpt', DATA: 'data' };

/** Most commands one connection may send before it is closed (a recorder runs unattended). */
const MAX_COMMANDS = 200;
/** Most bytes of one message kept in memory while it is read. */
const MAX_MESSAGE_BYTES = 1_000_000;

export function formatReply(reply: RemoteReply): string {
  const lines = reply.text.split('\n');
  return lines.map((line, i) => `${reply.code}${i < lines.length - 1 ? '-' : ' '}${line}\r\n`).join('');
}

/** A server that announced SIZE refuses a larger declared size at MAIL FROM, in Postfix
 * smtpd's words (smtpd.c, mail_cmd), as a client that sends anyway would see. */
function sizeRefusal(mailFrom: string, script: RemoteScript): RemoteReply | undefined {
  return oversize(Number(/\bSIZE=(\d+)/i.exec(mailFrom)?.[1] ?? 0), script);
}

/** The same refusal after the data, for a client that declared no size (Postfix smtpd does both). */
function oversize(bytes: number, script: RemoteScript): RemoteReply | undefined {
  const limit = Number(/^SIZE (\d+)$/.exec(script.ehloKeywords?.find((k) => k.startsWith('SIZE ')) ?? '')?.[1] ?? 0);
  return limit && bytes > limit ? { code: 552, text: '5.3.4 Message size exceeds fixed limit' } : undefined;
}

function converse(socket: Socket, script: RemoteScript, received: Buffer[]): void {
  socket.setEncoding('latin1');
  if (script.silent) return;
  const refuse = script.refuse ?? {};
  const send = (reply: RemoteReply) => socket.write(formatReply(reply));
  send(refuse.connect ?? { code: 220, text: 'mx.remote.test ESMTP ready' });
  let buffered = '';
  let inData = false;
  let commands = 0;
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    for (;;) {
      if (inData) {
        const end = buffered.startsWith('.\r\n') ? 0 : buffered.indexOf('\r\n.\r\n');
        if (end < 0) {
          if (buffered.length > MAX_MESSAGE_BYTES) socket.destroy();
          return;
        }
        // The message as sent, dot-stuffing undone (RFC 5321 4.5.2).
        const message = end === 0 ? '' : buffered.slice(0, end + 2);
        buffered = buffered.slice(end === 0 ? 3 : end + 5);
        inData = false;
        if (!refuse['end-of-data'] && !oversize(message.length, script)) received.push(Buffer.from(message.replace(/^\./gm, ''), 'latin1'));
        send(refuse['end-of-data'] ?? oversize(message.length, script) ?? { code: 250, text: '2.0.0 Ok: queued as 4AB12C' });
        continue;
      }
      const eol = buffered.indexOf('\r\n');
      if (eol < 0) return;
      const line = buffered.slice(0, eol);
      buffered = buffered.slice(eol + 2);
      if (++commands > MAX_COMMANDS) return void socket.destroy();
      const verb = line.slice(0, 4).toUpperCase();
      if (script.hangUpAt && PHASE_OF_VERB[verb] === script.hangUpAt) return void socket.destroy();
      if (verb === 'QUIT') {
        send({ code: 221, text: '2.0.0 Bye' });
        return void socket.end();
      }
      if (refuse.connect) send({ code: 503, text: '5.5.1 Error: send QUIT' });
      else if (verb === 'EHLO' || verb === 'HELO')
        send(
          refuse.ehlo ?? {
            code: 250,
            text: ['mx.remote.test', ...(script.ehloKeywords ?? ['8BITMIME', 'ENHANCEDSTATUSCODES'])].join('\n'),
          },
        );
      else if (verb === 'MAIL') send(refuse.mail ?? sizeRefusal(line, script) ?? { code: 250, text: '2.1.0 Ok' });
      else if (verb === 'RCPT') {
        const local = /<([^@>]*)@/.exec(line)?.[1]?.toLowerCase() ?? '';
        send(script.rcptByLocalPart?.[local] ?? refuse.rcpt ?? { code: 250, text: '2.1.5 Ok' });
      } else if (verb === 'DATA') {
        if (refuse.data) send(refuse.data);
        else {
          send({ code: 354, text: 'End data with <CR><LF>.<CR><LF>' });
          inData = true;
        }
      } else if (verb === 'RSET' || verb === 'NOOP') send({ code: 250, text: '2.0.0 Ok' });
      else send({ code: 502, text: '5.5.2 Error: command not recognized' });
    }
  });
  socket.on('error', () => {
    // the MTA hanging up is its business
  });
}

export interface RunningRemote {
  port: number;
  /** Messages it accepted (a notice collector is a remote that refuses nothing). */
  received: Buffer[];
  stop(): Promise<void>;
}

export async function startRemote(script: RemoteScript, port: number): Promise<RunningRemote> {
  const sockets = new Set<Socket>();
  const received: Buffer[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    converse(socket, script, received);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
