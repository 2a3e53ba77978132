// Opening an IMAP connection with imapflow from rebound's IMAP settings, and saying in plain
// words why it failed. A failed login leaves imapflow's socket open (the server keeps an
// unauthenticated connection for minutes), so the client is closed here on every failure.

import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { isIP } from 'node:net';
import type { Config } from '../config.ts';
import { oneLine } from '../core/text.ts';
import type { Logger } from '../log.ts';

export type ImapSettings = Config['imap'];

/** Bounds on the connection phase: a silent server must not hang the poller. */
const CONNECTION_TIMEOUT_MS = 30_000;
const GREETING_TIMEOUT_MS = 16_000;

/** Why a connection attempt failed: a refused login is not retried like a network error. */
export class ImapConnectError extends Error {
  kind: 'login' | 'network';
  /** What the server or the socket said, short and free of secrets. */
  detail: string;
  constructor(kind: 'login' | 'network', detail: string, cause: unknown) {
    super(kind === 'login' ? `login failed: ${detail}` : `cannot connect: ${detail}`, { cause });
    this.name = 'ImapConnectError';
    this.kind = kind;
    this.detail = detail;
  }
}

export function imapClientOptions(config: ImapSettings, logger: ImapFlowOptions['logger']): ImapFlowOptions {
  const tlsOptions = {
    rejectUnauthorized: config.tlsVerify,
    // SNI needs a name; an IP literal is not one (RFC 6066 section 3).
    ...(isIP(config.host) ? {} : { servername: config.host }),
  };
  return {
    host: config.host,
    port: config.port,
    secure: config.tls === 'implicit',
    // 'starttls' insists on the upgrade (imapflow fails when the server does not offer it);
    // 'none' never upgrades, for a loopback server without a certificate.
    doSTARTTLS: config.tls === 'starttls' ? true : config.tls === 'none' ? false : undefined,
    tls: tlsOptions,
    auth: { user: config.user, pass: config.pass },
    logger,
    // The poller decides when to IDLE; imapflow's automatic IDLE would race its commands.
    disableAutoIdle: true,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    clientInfo: { name: 'rebound' },
  };
}

/**
 * Connects and logs in. Resolves with a usable client whose `error` events are logged (an
 * unhandled 'error' event would crash the process), or rejects with an ImapConnectError.
 */
export async function connectImap(config: ImapSettings, log: Logger): Promise<ImapFlow> {
  // imapflow logs every command at debug and connection chatter at info; warnings are enough.
  const client = new ImapFlow(imapClientOptions(config, log.child({ component: 'imapflow' }, { level: 'warn' })));
  client.on('error', (err: Error) => {
    log.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'IMAP connection error');
  });
  try {
    await client.connect();
    return client;
  } catch (err) {
    client.close();
    throw describeConnectError(err);
  }
}

/** Turns whatever imapflow threw at connect() into an ImapConnectError with a readable detail. */
export function describeConnectError(err: unknown): ImapConnectError {
  const e = (err ?? {}) as {
    authenticationFailed?: boolean;
    response?: string;
    serverResponseCode?: string;
    code?: string;
    message?: string;
  };
  if (e.authenticationFailed) {
    // e.response is the server's tagged NO line, e.g. "[AUTHENTICATIONFAILED] Authentication failed."
    const detail = oneLine(e.response || e.serverResponseCode || e.message || 'authentication failed');
    return new ImapConnectError('login', detail, err);
  }
  if (e.code && CERTIFICATE_ERRORS.test(e.code)) {
    // Node's own text suggests command-line flags; an admin needs the setting instead.
    return new ImapConnectError(
      'network',
      `the server's TLS certificate is not trusted (${e.code}); install a certificate from a known authority on the server, or set IMAP_TLS_VERIFY=false for a server you control`,
      err,
    );
  }
  const parts = [e.code, e.message].filter((p): p is string => !!p && p !== 'Command failed');
  return new ImapConnectError('network', oneLine(parts.join(': ') || String(err)), err);
}

/** Node's codes for a certificate that does not verify (self-signed, unknown CA, expired, wrong name). */
const CERTIFICATE_ERRORS = /^(?:DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID|CERT_UNTRUSTED|CERT_REVOKED)$/;

/** Logs out politely within `timeoutMs`, then closes the socket whatever happened. */
export async function closeImap(client: ImapFlow, timeoutMs = 3000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    if (client.usable) {
      await Promise.race([client.logout(), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    }
  } catch {
    // the server went away; close() below is all that is left to do
  } finally {
    clearTimeout(timer);
    client.close();
  }
}
