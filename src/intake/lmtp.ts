// rebound's real-time intake: an LMTP (or plain SMTP) listener that Postfix delivers the
// bounce address to through transport_maps. A thin adapter over smtp-server: envelope and
// bytes in, `ingest` (the one funnel) per delivery, replies out. It holds no business logic.
//
// The promise to Postfix: 250 only after the message is committed. Any failure to commit is
// a 451 4.3.0, so Postfix keeps the message and retries (nothing is lost); the error text
// stays in our log and never reaches the client.

import { existsSync, lstatSync, readFileSync, chmodSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import type { Config, ListenAddress } from '../config.ts';
import { splitAddress } from '../core/address.ts';
import { errorText, ReboundError } from '../errors.ts';
import type { IngestResult, Ingestor } from '../ingest.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { PartName, StatusBoard } from '../status.ts';
import { readInSlices, ReceivedBytes } from './received-bytes.ts';

export interface LmtpServerOptions {
  config: Config['lmtp'];
  ingestor: Ingestor;
  log: Logger;
  board?: StatusBoard;
  metrics?: Metrics;
}

export interface LmtpServer {
  /** Listens on every configured address; rejects (and listens on none) when one fails. */
  start(): Promise<void>;
  /** Stops accepting, lets transactions in flight finish (at most timeoutMs), then closes. */
  stop(timeoutMs?: number): Promise<void>;
  /** The addresses listened on, as '127.0.0.1:2424', '[::1]:2424' or 'unix:/path'. */
  addresses(): string[];
}

/** How long stop() lets transactions in flight finish by default. */
export const STOP_TIMEOUT_MS = 10_000;
/** How often stop() looks for connections that have gone idle. */
const STOP_POLL_MS = 25;
const BOARD_PART: PartName = 'lmtp';

type ReplyError = Error & { responseCode: number };

function replyError(code: number, text: string): ReplyError {
  const err = new Error(text) as ReplyError;
  err.responseCode = code;
  return err;
}

// smtp-server prefixes each reply with the enhanced status code of its reply code
// (RFC 3463: 451 -> 4.3.0, 550 -> 5.1.1, 421 -> 4.4.2, 552 oversized -> 5.3.4), so the
// texts here carry none of their own.
const TEMPFAIL_TEXT = 'Requested action aborted: message not stored, try again later';
const SHUTDOWN_TEXT = 'rebound is shutting down, try again later';

/**
 * True when `address` is one rebound should take. An empty list accepts everything; entries
 * are addresses ('bounces@example.com', which also covers its VERP forms
 * 'bounces+user=example.org@example.com') or domains ('@bounces.example.com' or
 * 'bounces.example.com'). Compared case-insensitively.
 */
export function recipientAccepted(address: string, accept: readonly string[]): boolean {
  if (accept.length === 0) return true;
  const a = address.toLowerCase();
  if (!a.includes('@')) return false;
  const { local, domain } = splitAddress(a);
  const plus = local.indexOf('+');
  const base = plus > 0 ? `${local.slice(0, plus)}@${domain}` : a;
  return accept.some((entry) => {
    const e = entry.toLowerCase();
    if (e.startsWith('@')) return domain === e.slice(1);
    if (!e.includes('@')) return domain === e;
    return a === e || base === e;
  });
}

/** '127.0.0.1:2424', '[::1]:2424' or 'unix:/path'. */
export function formatListen(l: ListenAddress): string {
  if (l.kind === 'unix') return `unix:${l.path}`;
  return l.host.includes(':') ? `[${l.host}]:${l.port}` : `${l.host}:${l.port}`;
}

/** The reply's class for the latency histogram: 2xx, 4xx, 5xx, or 'mixed' when LMTP recipients differ. */
function replyClass(reply: string | (string | Error)[] | undefined): string {
  const one = (r: string | Error | undefined) => (r instanceof Error ? `${String((r as ReplyError).responseCode ?? 451)[0]}xx` : '2xx');
  if (!Array.isArray(reply)) return reply === undefined ? '5xx' : '2xx';
  const classes = new Set(reply.map(one));
  return classes.size === 1 ? [...classes][0]! : 'mixed';
}

export function createLmtpServer(opts: LmtpServerOptions): LmtpServer {
  const { config, ingestor, board, metrics } = opts;
  const log = opts.log.child({ component: 'lmtp' });
  const lmtp = config.protocol === 'lmtp';
  const servers: { listen: ListenAddress; server: SMTPServer }[] = [];
  let stopping = false;
  let started = false;

  function count(outcome: string, by = 1): void {
    metrics?.messagesReceived.inc({ source: 'lmtp', outcome }, by);
  }

  /** One delivery: the message for these recipients, committed or not. */
  async function deliver(
    raw: Buffer,
    sha256: string | undefined,
    envelopeFrom: string,
    envelopeTo: string[],
    clog: Logger,
  ): Promise<string | ReplyError> {
    let result: IngestResult;
    try {
      result = await ingestor.ingest({ raw, sha256, source: 'lmtp', envelopeFrom, envelopeTo });
    } catch (err) {
      // ingest fails only when it cannot commit (a full disk, a locked or closed database):
      // always worth another try, so the sender keeps the message. A message rebound cannot
      // read is stored as a problem and answered 250; one over LMTP_MAX_SIZE never gets here
      // (552 5.3.4 above). No failure refuses a bounce for good.
      count('deferred');
      clog.error({ err, rcpt: envelopeTo }, 'message not stored; answering 451 so the sender retries');
      return replyError(451, TEMPFAIL_TEXT);
    }
    count(result.duplicate ? 'duplicate' : result.outcome === 'Problem' ? 'problem' : 'stored');
    if (result.duplicateOf !== undefined) return `stored as message ${result.messageId}, a copy of message ${result.duplicateOf}`;
    return result.duplicate ? `already stored as message ${result.messageId}` : `stored as message ${result.messageId}`;
  }

  async function handleData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    raw: Buffer,
    sha256: string | undefined,
  ): Promise<string | (string | Error)[] | undefined> {
    const clog = log.child({ cid: session.id });
    const rcpts = session.envelope.rcptTo.map((r) => r.address);
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    if (stream.sizeExceeded) {
      // smtp-server (rejectOversized) answers 552 5.3.4 for every recipient: a permanent refusal.
      count('too-big');
      clog.warn({ rcpt: rcpts, limit: config.maxSize }, 'message over the size limit refused');
      return undefined;
    }
    if (!lmtp) {
      // SMTP has one reply for the whole message: commit it once, with every recipient.
      const r = await deliver(raw, sha256, envelopeFrom, rcpts, clog);
      if (r instanceof Error) throw r;
      return r;
    }
    // LMTP (RFC 2033 §4.2): one reply per accepted recipient, in RCPT order. Each recipient
    // is its own delivery, so a failure for one defers only that one; the same bytes for the
    // next recipient are recognised as the stored message (a duplicate, answered 250).
    const replies: (string | Error)[] = [];
    for (const rcpt of rcpts) replies.push(await deliver(raw, sha256, envelopeFrom, [rcpt], clog));
    // debug: ingest already logs one line per recorded bounce at info.
    clog.debug(
      {
        from: envelopeFrom,
        rcpt: rcpts,
        size: raw.length,
        replies: replies.map((r) => (r instanceof Error ? (r as ReplyError).responseCode : 250)),
      },
      'LMTP transaction done',
    );
    return replies;
  }

  function smtpOptions(listen: ListenAddress): SMTPServerOptions {
    const tls = Boolean(config.tlsKey && config.tlsCert);
    return {
      lmtp,
      name: config.hostname,
      banner: 'rebound',
      size: config.maxSize,
      // smtp-server answers 552 5.3.4 (per recipient in LMTP) for a message over the limit.
      rejectOversized: true,
      maxClients: config.maxConnections,
      socketTimeout: config.idleTimeout,
      closeTimeout: STOP_TIMEOUT_MS,
      // Otherwise every connection waits for a reverse DNS lookup of 127.0.0.1.
      disableReverseLookup: true,
      logger: false,
      // RFC 2034 enhanced status codes (451 4.3.0, 550 5.1.1, 552 5.3.4): smtp-server hides
      // them unless asked, and Postfix records them in its DSNs and logs.
      hideENHANCEDSTATUSCODES: false,
      // No AUTH: the listener is for the local MTA. STARTTLS only with a configured certificate
      // (an LMTP over the network); smtp-server's built-in certificate is not one to offer.
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      hideSTARTTLS: !tls,
      ...(tls ? { key: readFileSync(config.tlsKey), cert: readFileSync(config.tlsCert) } : {}),
      onConnect(session, cb) {
        if (stopping) return cb(replyError(421, SHUTDOWN_TEXT));
        log.debug({ cid: session.id, remote: session.remoteAddress, listen: formatListen(listen) }, 'connection');
        cb();
      },
      onMailFrom(_address: SMTPServerAddress, _session, cb) {
        if (stopping) return cb(replyError(421, SHUTDOWN_TEXT));
        cb();
      },
      onRcptTo(address: SMTPServerAddress, session, cb) {
        if (stopping) return cb(replyError(421, SHUTDOWN_TEXT));
        if (!recipientAccepted(address.address, config.accept)) {
          log.info({ cid: session.id, rcpt: address.address }, 'recipient not accepted (LMTP_ACCEPT)');
          return cb(replyError(550, 'Recipient address rejected: not a bounce address of this rebound'));
        }
        cb();
      },
      onData(stream, session, cb) {
        // Past the limit the message is refused anyway: its bytes are not held.
        const args = session.envelope.mailFrom ? session.envelope.mailFrom.args : false;
        const received = new ReceivedBytes(config.maxSize, args && args.SIZE ? Number(args.SIZE) : undefined);
        readInSlices(stream, (c) => received.add(c));
        stream.on('end', () => {
          const endTimer = metrics?.lmtpReplySeconds.startTimer();
          handleData(stream, session, received.bytes(), received.overLimit ? undefined : received.sha256()).then(
            (reply) => {
              endTimer?.({ reply: replyClass(reply) });
              cb(null, reply);
            },
            (err: unknown) => {
              const code = (err as ReplyError).responseCode;
              if (!code) log.error({ err, cid: session.id }, 'unexpected error handling a message');
              endTimer?.({ reply: code ? `${String(code)[0]}xx` : '4xx' });
              cb(code ? (err as ReplyError) : replyError(451, TEMPFAIL_TEXT));
            },
          );
        });
      },
    };
  }

  async function listenOne(listen: ListenAddress): Promise<SMTPServer> {
    const server = new SMTPServer(smtpOptions(listen));
    let listening = false;
    server.on('error', (err: Error) => {
      // Per-connection errors (a client resetting the socket) arrive here; they end that
      // connection only. A failure to listen (a port in use) arrives here too, before any
      // connection: start() reports that one, so it is no connection warning.
      if (!listening) return;
      log.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'connection error');
    });
    if (listen.kind === 'unix') await removeStaleSocket(listen.path);
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.server.once('error', onError);
      const done = () => {
        server.server.off('error', onError);
        listening = true;
        resolve();
      };
      if (listen.kind === 'unix') server.listen(listen.path, done);
      else server.listen({ host: listen.host, port: listen.port, ipv6Only: listen.host.includes(':') }, done);
    });
    // Postfix's lmtp client runs as the postfix user: let it connect. Who may reach the
    // socket is decided by the permissions of the directory it lives in.
    if (listen.kind === 'unix') chmodSync(listen.path, 0o666);
    return server;
  }

  function addresses(): string[] {
    return servers.map((s) => formatListen(s.listen));
  }

  return {
    async start() {
      if (started) throw new Error('the LMTP listener is already started');
      stopping = false;
      try {
        for (const listen of config.listen) {
          const server = await listenOne(listen);
          // Port 0 asks the system for a free port: report the one actually bound.
          const bound = server.server.address();
          const actual = listen.kind === 'tcp' && bound && typeof bound === 'object' ? { ...listen, port: bound.port } : listen;
          servers.push({ listen: actual, server });
        }
      } catch (err) {
        const failed = config.listen[servers.length];
        const where = failed ? formatListen(failed) : '?';
        await Promise.all(servers.splice(0).map((s) => closeServer(s.server, 0)));
        board?.report(BOARD_PART, { ok: false, detail: `cannot listen on ${where}: ${errorText(err)}` });
        throw new ReboundError('lmtp-listen', `LMTP listener cannot listen on ${where}: ${errorText(err)}`, {
          temporary: false,
          cause: err,
        });
      }
      started = true;
      const detail = `listening on ${addresses().join(', ')}`;
      board?.report(BOARD_PART, { ok: true, detail, facts: { protocol: config.protocol, maxSize: config.maxSize } });
      log.info({ addresses: addresses(), protocol: config.protocol }, detail);
    },

    async stop(timeoutMs = STOP_TIMEOUT_MS) {
      if (!started) return;
      stopping = true;
      board?.report(BOARD_PART, { ok: false, detail: 'stopping' });
      await Promise.all(servers.map((s) => closeServer(s.server, timeoutMs)));
      for (const s of servers) if (s.listen.kind === 'unix') safeUnlink(s.listen.path);
      servers.length = 0;
      started = false;
      board?.report(BOARD_PART, { ok: false, detail: 'stopped' });
      log.info('LMTP listener stopped');
    },

    addresses,
  };

  /**
   * Stops listening at once; closes each connection as soon as it is between transactions
   * (Postfix keeps idle connections cached); smtp-server closes whatever is still busy after
   * timeoutMs with a 421. A transaction in flight runs from MAIL FROM to its DATA replies.
   */
  function closeServer(server: SMTPServer, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      server.options.closeTimeout = Math.max(timeoutMs, 1);
      const closeIdle = () => {
        for (const c of server.connections) {
          if (!c.session?.envelope?.mailFrom) {
            c.send(421, SHUTDOWN_TEXT);
            c.close();
          }
        }
      };
      const timer = setInterval(closeIdle, STOP_POLL_MS);
      timer.unref();
      server.close(() => {
        clearInterval(timer);
        resolve();
      });
      closeIdle();
    });
  }
}

/**
 * A socket file left by a previous run that ended without cleaning up makes listen() fail
 * with EADDRINUSE: remove it, unless something still answers on it (another rebound) or it
 * is not a socket at all (a path mistake we must not delete).
 */
async function removeStaleSocket(path: string): Promise<void> {
  if (!existsSync(path)) return;
  if (!lstatSync(path).isSocket()) throw new Error(`${path} exists and is not a socket`);
  const alive = await new Promise<boolean>((resolve) => {
    const s = net.connect({ path });
    s.setTimeout(1000, () => {
      s.destroy();
      resolve(true);
    });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
  if (alive) throw new Error(`${path} is in use by another process`);
  unlinkSync(path);
}

function safeUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
