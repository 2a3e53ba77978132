// A small TCP / unix-socket server for Postfix's lookup protocols (socketmap, policy
// delegation), bounded against slow or hostile clients: a cap on connections, an idle
// timeout that also bounds how long one request may take to arrive, and a cap on the bytes a
// connection may buffer before its request is complete. The protocols themselves are
// framers (bytes -> complete requests) plus an answer function, which may wait for the store
// (never for the client); a connection's replies go out in the order of its requests.

import { existsSync, lstatSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import type { ListenAddress } from '../config.ts';
import type { Logger } from '../log.ts';

/** Splits a connection's bytes into requests; throws ProtocolError on a malformed frame. */
export interface Framer {
  /** Takes what arrived; returns every request completed by it (0, 1 or more). */
  push(chunk: Buffer): string[];
  /** Bytes held waiting for the rest of a request. */
  pending(): number;
}

/** Replies a client may leave unread before it is cut off (Postfix reads each one at once). */
export const MAX_UNREAD_REPLY_BYTES = 64 * 1024;
/**
 * Requests of one connection waiting for their answer before the server stops reading from
 * it (Postfix sends one and waits for its reply). Reading goes on once they are answered, so a
 * client that sends many at once is held to the pace of the answers, and its unread replies
 * are bounded as ever (MAX_UNREAD_REPLY_BYTES).
 */
export const MAX_UNANSWERED_REQUESTS = 64;

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export interface BoundedServerOptions {
  name: string;
  listen: ListenAddress[];
  maxConnections: number;
  /** ms without a byte from the client, or with a request unfinished, before closing. */
  idleTimeout: number;
  /** The largest request accepted, bytes; more closes the connection. */
  maxRequestBytes: number;
  newFramer: () => Framer;
  /** Answers one request; the returned bytes are written as they are. Must not throw. */
  answer: (request: string) => string | Promise<string>;
  log: Logger;
}

export interface BoundedServer {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** 'host:port' or 'unix:/path' of each listener, once started. */
  addresses(): string[];
}

/** How long stop() waits for connections to end before it closes them. */
const CLOSE_TIMEOUT_MS = 1000;

export function createBoundedServer(opts: BoundedServerOptions): BoundedServer {
  const log = opts.log.child({ component: opts.name });
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  let cid = 0;

  function onConnection(socket: net.Socket): void {
    if (sockets.size >= opts.maxConnections) {
      // Postfix retries the lookup on a fresh connection (and then answers 4xx): close
      // rather than let the extra client wait for a slot.
      log.warn({ connections: sockets.size }, 'too many connections; closing the new one');
      socket.destroy();
      return;
    }
    const id = ++cid;
    sockets.add(socket);
    const framer = opts.newFramer();
    socket.setNoDelay(true);
    socket.setTimeout(opts.idleTimeout, () => {
      log.debug({ cid: id, pending: framer.pending() }, 'idle timeout; closing');
      socket.destroy();
    });
    // The idle timer restarts with every byte; a client trickling one byte at a time is held
    // to a deadline for the whole request instead.
    let requestDeadline: NodeJS.Timeout | undefined;
    // Answers in request order, one after another.
    let replies: Promise<void> = Promise.resolve();
    let unanswered = 0;
    const fail = (err: unknown) => {
      // Anything a request makes go wrong (a malformed request, a failing answer) ends this
      // connection only: never the process, whose LMTP intake must go on.
      if (!socket.destroyed) log.warn({ cid: id, err: (err as Error).message }, 'malformed request; closing the connection');
      socket.destroy();
    };
    const reply = async (request: string) => {
      // A connection ended meanwhile (a client that did not read, a timeout) asks the store nothing more.
      if (socket.destroyed) {
        unanswered--;
        return;
      }
      const bytes = await opts.answer(request);
      unanswered--;
      if (socket.destroyed) return;
      if (socket.isPaused() && unanswered <= MAX_UNANSWERED_REQUESTS / 2) socket.resume();
      socket.write(bytes);
      // A client that sends and never reads would make the replies pile up in memory.
      if (socket.writableLength > MAX_UNREAD_REPLY_BYTES) throw new ProtocolError('the client does not read its replies');
    };
    socket.on('data', (chunk: Buffer) => {
      let requests: string[];
      try {
        requests = framer.push(chunk);
        if (framer.pending() > opts.maxRequestBytes) throw new ProtocolError(`request longer than ${opts.maxRequestBytes} bytes`);
        for (const request of requests) {
          // A whole request that came in one chunk is bounded too, not only what is left over.
          if (Buffer.byteLength(request) > opts.maxRequestBytes)
            throw new ProtocolError(`request longer than ${opts.maxRequestBytes} bytes`);
          unanswered++;
          replies = replies.then(() => reply(request)).catch(fail);
        }
        if (unanswered >= MAX_UNANSWERED_REQUESTS) socket.pause();
      } catch (err) {
        fail(err);
        return;
      }
      if (framer.pending() === 0) {
        clearTimeout(requestDeadline);
        requestDeadline = undefined;
      } else if (requests.length > 0 || !requestDeadline) {
        clearTimeout(requestDeadline);
        requestDeadline = setTimeout(() => {
          log.debug({ cid: id }, 'request not complete in time; closing');
          socket.destroy();
        }, opts.idleTimeout);
      }
    });
    socket.on('close', () => clearTimeout(requestDeadline));
    socket.on('error', (err) => log.debug({ cid: id, err: err.message }, 'connection error'));
    socket.on('close', () => sockets.delete(socket));
  }

  return {
    async start() {
      for (const addr of opts.listen) {
        const server = net.createServer({ noDelay: true }, onConnection);
        server.maxConnections = opts.maxConnections + 1; // +1: the one closed above is told why in the log
        if (addr.kind === 'unix') await removeStaleSocket(addr.path);
        const where = addr.kind === 'unix' ? `unix:${addr.path}` : `${addr.host}:${addr.port}`;
        await new Promise<void>((resolve, reject) => {
          server.once('error', (err) => reject(new Error(`${opts.name} server cannot listen on ${where}: ${err.message}`, { cause: err })));
          const ready = () => {
            server.removeAllListeners('error');
            resolve();
          };
          if (addr.kind === 'unix') server.listen(addr.path, ready);
          else server.listen({ host: addr.host, port: addr.port }, ready);
        });
        server.on('error', (err) => log.error({ err }, 'listener error'));
        servers.push(server);
        log.info({ address: describe(server) }, `${opts.name} listening`);
      }
    },

    async stop() {
      const closed = servers.map((s) => new Promise<void>((r) => s.close(() => r())));
      // Postfix keeps lookup connections open between queries: end them, then force.
      for (const s of sockets) s.end();
      const timer = setTimeout(() => {
        for (const s of sockets) s.destroy();
      }, CLOSE_TIMEOUT_MS);
      await Promise.all(closed);
      clearTimeout(timer);
      servers.length = 0;
    },

    addresses: () => servers.map(describe),
  };
}

function describe(server: net.Server): string {
  const a = server.address();
  if (typeof a === 'string') return `unix:${a}`;
  if (!a) return '';
  return a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}

/**
 * A socket file left by a process that died would stop listen() with EADDRINUSE; one that a
 * live process (another rebound) answers on is left alone, and listen() then says so.
 */
async function removeStaleSocket(file: string): Promise<void> {
  if (!existsSync(file) || !lstatSync(file).isSocket()) return;
  const live = await new Promise<boolean>((resolve) => {
    const probe = net.connect(file);
    probe.once('connect', () => (probe.destroy(), resolve(true)));
    probe.once('error', () => resolve(false));
  });
  if (!live) unlinkSync(file);
}
