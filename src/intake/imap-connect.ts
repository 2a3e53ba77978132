// Opening an IMAP connection with imapflow from rebound's IMAP settings, and saying in plain
// words why it failed. A failed login leaves imapflow's socket open (the server keeps an
// unauthenticated connection for minutes), so the client is closed here on every failure.

import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { isIP } from 'node:net';
import type { Config } from '../config.ts';
import { ReboundError } from '../errors.ts';
import { oneLine } from '../core/text.ts';
import type { Logger } from '../log.ts';
import { OAuthTokenError, type AccessTokens } from './imap-oauth.ts';

export type ImapSettings = Config['imap'];

/** Bounds on the connection phase: a silent server must not hang the poller. */
const CONNECTION_TIMEOUT_MS = 30_000;
const GREETING_TIMEOUT_MS = 16_000;

/**
 * Why a connection attempt failed: a refused login (or a refused OAuth2 grant) is not retried
 * like a network error. code 'imap-login' or 'imap-network'; only the network kind is temporary.
 */
export class ImapConnectError extends ReboundError {
  kind: 'login' | 'network';
  /** What the server or the socket said, short and free of secrets. */
  detail: string;
  constructor(kind: 'login' | 'network', detail: string, cause: unknown) {
    super(`imap-${kind}`, kind === 'login' ? `login failed: ${detail}` : `cannot connect: ${detail}`, {
      temporary: kind === 'network',
      cause,
    });
    this.name = 'ImapConnectError';
    this.kind = kind;
    this.detail = detail;
  }
}

/** How to sign in: a password, or an OAuth2 access token (imapflow then uses OAUTHBEARER when offered, else XOAUTH2). */
export type ImapCredentials = { pass: string } | { accessToken: string };

export function imapClientOptions(
  config: ImapSettings,
  logger: ImapFlowOptions['logger'],
  credentials: ImapCredentials = { pass: config.pass },
): ImapFlowOptions {
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
    auth: { user: config.user, ...credentials },
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
 *
 * With OAuth2 (`tokens` given), a refused sign-in is tried once more with a freshly fetched
 * token: the server may have revoked the cached one before its expiry. A second refusal is
 * the caller's to back off from.
 */
export async function connectImap(config: ImapSettings, log: Logger, tokens?: AccessTokens): Promise<ImapFlow> {
  if (config.auth !== 'oauth2') return connectWith(config, log, { pass: config.pass });
  if (!tokens) throw new ImapConnectError('login', 'OAuth2 is configured but no token source was given', undefined);
  try {
    return await connectWith(config, log, { accessToken: await accessToken(tokens) });
  } catch (err) {
    if (!(err instanceof ImapConnectError) || err.kind !== 'login' || err.cause instanceof OAuthTokenError) throw err;
    tokens.invalidate();
    log.warn(
      { server: `${config.host}:${config.port}`, response: err.detail },
      'IMAP refused the OAuth2 token; fetching a new one and trying once more',
    );
    return connectWith(config, log, { accessToken: await accessToken(tokens) });
  }
}

/** A token, or an ImapConnectError: a refused grant waits like a refused login, an unreachable endpoint like a network failure. */
async function accessToken(tokens: AccessTokens): Promise<string> {
  try {
    return await tokens.get();
  } catch (err) {
    if (err instanceof OAuthTokenError) throw new ImapConnectError(err.temporary ? 'network' : 'login', `OAuth2: ${err.detail}`, err);
    throw err;
  }
}

async function connectWith(config: ImapSettings, log: Logger, credentials: ImapCredentials): Promise<ImapFlow> {
  // imapflow logs every command at debug and connection chatter at info; warnings are enough
  // (and nothing at all under a silent logger, e.g. `rebound imap-check`).
  const level = log.isLevelEnabled('warn') ? 'warn' : log.level;
  const client = new ImapFlow(imapClientOptions(config, log.child({ component: 'imapflow' }, { level }), credentials));
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
    // imapflow may give the whole tagged line ("2 NO [AUTHENTICATIONFAILED] ..."); the tag and NO say nothing.
    const detail = oneLine((e.response || e.serverResponseCode || e.message || 'authentication failed').replace(/^\S+ (?:NO|BAD) /, ''));
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
const CERTIFICATE_ERRORS =
  /^(?:DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID|CERT_UNTRUSTED|CERT_REVOKED)$/;

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
