// OAuth2 access tokens for IMAP sign-in (SASL XOAUTH2 / OAUTHBEARER, RFC 7628), fetched and
// refreshed by rebound itself with openid-client: the client-credentials grant for
// Microsoft 365 app-only access, a refresh token for Google and for delegated Microsoft
// access. A token is reused until shortly before it expires; a refused sign-in throws the
// cached one away (the server may have revoked it early) and the next get() fetches anew.
//
// Tokens, secrets and refresh tokens never leave this module except as the bearer value
// handed to imapflow (which marks it sensitive and never logs it).

import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import * as oidc from 'openid-client';
import { ReboundError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { ImapOAuthSettings } from './imap-config.ts';

/** Refresh this long before expiry at most (a quarter of a short token's lifetime at least). */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** A token response without expires_in (RFC 6749 section 5.1 makes it optional): assume an hour. */
const DEFAULT_LIFETIME_S = 3600;
/** Bound on one token request: a silent endpoint must not hang the poller (seconds, openid-client's unit). */
const TOKEN_TIMEOUT_S = 30;

/** The token endpoint refused or could not be reached; `detail` says so in plain words, free of secrets. */
export class OAuthTokenError extends ReboundError {
  detail: string;
  /** The OAuth2 error code (RFC 6749 section 5.2) when the endpoint gave one. */
  oauthError?: string;
  constructor(detail: string, opts: { temporary: boolean; oauthError?: string; cause?: unknown }) {
    super('imap-oauth', detail, { temporary: opts.temporary, cause: opts.cause });
    this.name = 'OAuthTokenError';
    this.detail = detail;
    this.oauthError = opts.oauthError;
  }
}

export interface AccessTokens {
  /** A valid access token: the cached one while it has time left, else a new one from the endpoint. */
  get(): Promise<string>;
  /** Forgets the cached token (the server refused it); the next get() asks the endpoint. */
  invalidate(): void;
  /** Grants made so far (for tests and imap-check). */
  readonly grants: number;
}

export interface TokenSourceOptions {
  log: Logger;
  clock?: () => number;
}

export function createTokenSource(s: ImapOAuthSettings, opts: TokenSourceOptions): AccessTokens {
  const clock = opts.clock ?? Date.now;
  const log = opts.log;
  const config = new oidc.Configuration(
    // No discovery: the token endpoint is all a client-credentials or refresh grant needs.
    { issuer: s.issuer, token_endpoint: s.tokenUrl },
    s.clientId,
    s.clientSecret ? { client_secret: s.clientSecret } : {},
    s.clientCertificate
      ? certificateAuth(s.clientCertificate, s.tokenUrl)
      : s.clientSecret
        ? oidc.ClientSecretPost(s.clientSecret)
        : oidc.None(),
  );
  config.timeout = TOKEN_TIMEOUT_S;
  // Only for a loopback test endpoint (IMAP_OAUTH_ALLOW_HTTP=true): a token over plain HTTP is a stolen token.
  if (s.allowHttp) oidc.allowInsecureRequests(config);

  let refreshToken = s.refreshToken;
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  let grants = 0;

  async function fetchToken(): Promise<string> {
    const params: Record<string, string> = s.scope ? { scope: s.scope } : {};
    let r: Awaited<ReturnType<typeof oidc.clientCredentialsGrant>>;
    try {
      r =
        s.grant === 'client_credentials'
          ? await oidc.clientCredentialsGrant(config, params)
          : await oidc.refreshTokenGrant(config, refreshToken, params);
    } catch (err) {
      throw describeTokenError(err, s);
    }
    grants++;
    // Microsoft rotates refresh tokens: keep the newest (the old one stays valid until it expires).
    if (r.refresh_token) refreshToken = r.refresh_token;
    const lifetimeMs = (r.expiresIn() ?? DEFAULT_LIFETIME_S) * 1000;
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 4);
    cached = { token: r.access_token, refreshAt: clock() + lifetimeMs - margin };
    log.info({ grant: s.grant, expiresInS: Math.round(lifetimeMs / 1000) }, 'OAuth2 access token obtained');
    return r.access_token;
  }

  return {
    get() {
      if (cached && clock() < cached.refreshAt) return Promise.resolve(cached.token);
      // Concurrent callers (the poller and a pollOnce) share one request.
      inFlight ??= fetchToken().finally(() => (inFlight = undefined));
      return inFlight;
    },
    invalidate() {
      cached = undefined;
    },
    get grants() {
      return grants;
    },
  };
}

/**
 * private_key_jwt (RFC 7523 section 2.2) as Microsoft Entra wants it for a certificate
 * credential: RS256, the certificate's thumbprint in the header (x5t, SHA-1, and x5t#S256),
 * and the token endpoint as the audience.
 */
function certificateAuth(c: { certPem: string; keyPem: string }, tokenUrl: string): oidc.ClientAuth {
  const der = new X509Certificate(c.certPem).raw;
  const x5t = createHash('sha1').update(der).digest('base64url');
  const x5tS256 = createHash('sha256').update(der).digest('base64url');
  const key = createPrivateKey(c.keyPem).toCryptoKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  return oidc.PrivateKeyJwt(
    { key },
    {
      [oidc.modifyAssertion]: (header, payload) => {
        header.x5t = x5t;
        header['x5t#S256'] = x5tS256;
        payload.aud = tokenUrl;
      },
    },
  );
}

/** Turns what openid-client threw into plain words an admin can act on. */
export function describeTokenError(err: unknown, s: Pick<ImapOAuthSettings, 'provider' | 'grant' | 'tokenUrl'>): OAuthTokenError {
  if (err instanceof oidc.ResponseBodyError) {
    const code = err.error;
    const description = oneLine(err.error_description ?? '');
    const temporary = err.status >= 500 || err.status === 429;
    const said = `the token endpoint answered ${err.status} ${code}${description ? ` (${description})` : ''}`;
    return new OAuthTokenError(`${said}: ${hint(code, description, s)}`, { temporary, oauthError: code, cause: err });
  }
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } } | undefined;
  if (e?.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || e?.code === 'OAUTH_RESPONSE_IS_NOT_JSON' || e?.code === 'OAUTH_INVALID_RESPONSE') {
    return new OAuthTokenError(
      `the token endpoint's answer is not an OAuth2 token response (${oneLine(e.message ?? '')}); check IMAP_OAUTH_TOKEN_URL`,
      { temporary: true, cause: err },
    );
  }
  if (e?.code === 'OAUTH_HTTP_REQUEST_FORBIDDEN') {
    return new OAuthTokenError(
      'the token URL is http://, which is refused: use https:// (IMAP_OAUTH_ALLOW_HTTP=true is for a loopback test endpoint only)',
      { temporary: false, cause: err },
    );
  }
  const why = [e?.cause?.code, e?.cause?.message ?? e?.message].filter(Boolean).join(': ');
  return new OAuthTokenError(`cannot reach the token endpoint ${new URL(s.tokenUrl).host}: ${oneLine(why || String(err))}`, {
    temporary: true,
    cause: err,
  });
}

/** What to do about an OAuth2 error, in the provider's terms (Microsoft's AADSTS codes are in the description). */
function hint(code: string, description: string, s: Pick<ImapOAuthSettings, 'provider' | 'grant'>): string {
  const aad = /AADSTS(\d+)/.exec(description)?.[1];
  switch (aad) {
    case '90002':
    case '900023':
      return 'the tenant does not exist: check IMAP_OAUTH_TENANT (the directory (tenant) ID or a verified domain)';
    case '700016':
      return 'no application with this client id in this tenant: check IMAP_OAUTH_CLIENT_ID and IMAP_OAUTH_TENANT (wrong tenant?)';
    case '7000215':
      return "the client secret is wrong: use the secret's Value, not its Secret ID";
    case '7000222':
      return 'the client secret has expired: create a new one in the app registration';
    case '70011':
      return 'the scope is not valid: app-only access needs https://outlook.office365.com/.default';
    case '65001':
      return 'the permission was never consented: grant admin consent for the IMAP permission in the app registration';
    case '700082':
    case '50173':
    case '70008':
      return 'the refresh token has expired or was revoked: sign in again and set a new IMAP_OAUTH_REFRESH_TOKEN';
  }
  switch (code) {
    case 'invalid_grant':
      return s.grant === 'refresh_token'
        ? 'the refresh token was revoked, has expired or belongs to another client: sign in again and set a new IMAP_OAUTH_REFRESH_TOKEN'
        : 'the grant was refused: check the app registration';
    case 'invalid_client':
    case 'unauthorized_client':
      return 'the client id or secret was refused: check IMAP_OAUTH_CLIENT_ID and IMAP_OAUTH_CLIENT_SECRET';
    case 'invalid_scope':
      return s.provider === 'google'
        ? 'the scope was refused: Google IMAP needs https://mail.google.com/'
        : 'the scope was refused: check IMAP_OAUTH_SCOPE';
    default:
      return "see the provider's documentation for this error";
  }
}

/** Endpoint texts go into logs and the status board: one line, bounded. */
function oneLine(v: string): string {
  const flat = v.replace(/[\r\n\t]+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
