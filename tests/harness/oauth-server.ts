// A small OAuth2 authorization server on loopback for the IMAP OAuth2 tests: a token endpoint
// (RFC 6749: client_credentials and refresh_token grants, client_secret_post or _basic) that
// issues short-lived opaque access tokens, and a token-introspection endpoint (RFC 7662) that
// the real Dovecot's oauth2 passdb asks whether a token is active and whose it is.
//
// It stands in for login.microsoftonline.com and oauth2.googleapis.com, which cannot be
// reached (or signed in to) from here; it speaks the same protocol, so rebound's
// openid-client code path is the real one.
//
//   const as = await startOAuthServer({ clientId: 'app', clientSecret: 's3cret', ttlSeconds: 3 });
//   const rt = as.issueRefreshToken('bounces@bounces.test');   // as a user's consent would
//   as.revoke(rt);                                             // the user (or an admin) revokes the grant
//   as.tokenRequests; as.introspections                        // what was asked

import { createHash, randomBytes, verify, X509Certificate } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OAuthServerOptions {
  clientId: string;
  clientSecret: string;
  /** Lifetime of each access token (expires_in), seconds. */
  ttlSeconds: number;
  /** Whose mailbox a client-credentials (app-only) token opens. */
  appUser?: string;
  /** A certificate credential (PEM): client assertions (RFC 7523) signed by its key are accepted too. */
  clientCertPem?: string;
}

export interface OAuthServer {
  tokenUrl: string;
  introspectionUrl: string;
  issueRefreshToken(user: string): string;
  /** Refuses the refresh token from now on and deactivates every access token issued from it. */
  revoke(refreshToken: string): void;
  /** Deactivates one access token (the server revoked it before its expiry). */
  revokeAccessToken(token: string): void;
  setTtl(seconds: number): void;
  /** Token requests so far, answered or refused: grant type and HTTP status. */
  tokenRequests: { grantType: string; status: number; clientAuth: 'secret' | 'certificate' | 'none' }[];
  /** Access tokens issued so far, in order. */
  issued: string[];
  introspections: number;
  close(): Promise<void>;
}

interface AccessToken {
  user: string;
  expiresAt: number;
  active: boolean;
  fromRefresh?: string;
}

export async function startOAuthServer(opts: OAuthServerOptions): Promise<OAuthServer> {
  let ttl = opts.ttlSeconds;
  const refreshTokens = new Map<string, { user: string; revoked: boolean }>();
  const accessTokens = new Map<string, AccessToken>();
  const tokenRequests: OAuthServer['tokenRequests'] = [];
  const issued: string[] = [];
  let introspections = 0;
  let base = '';

  function json(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  }

  /**
   * A private_key_jwt client assertion checked the way Microsoft Entra documents it: RS256,
   * x5t = SHA-1 thumbprint of the registered certificate, iss = sub = client id, aud = the
   * token endpoint, not expired, signature by the certificate's key.
   */
  function assertionValid(assertion: string): boolean {
    if (!opts.clientCertPem) return false;
    const [h, p, sig] = assertion.split('.');
    if (!h || !p || !sig) return false;
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>;
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const cert = new X509Certificate(opts.clientCertPem);
    const thumbprint = createHash('sha1').update(cert.raw).digest('base64url');
    return (
      header.alg === 'RS256' &&
      header.x5t === thumbprint &&
      payload.iss === opts.clientId &&
      payload.sub === opts.clientId &&
      payload.aud === `${base}/token` &&
      typeof payload.exp === 'number' &&
      payload.exp * 1000 > Date.now() &&
      verify('sha256', Buffer.from(`${h}.${p}`), cert.publicKey, Buffer.from(sig, 'base64url'))
    );
  }

  function clientAuthenticated(req: http.IncomingMessage, form: URLSearchParams): boolean {
    if (form.get('client_assertion_type') === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      return form.get('client_id') === opts.clientId && assertionValid(form.get('client_assertion') ?? '');
    }
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    if (basic) {
      const [id, secret] = Buffer.from(basic[1]!, 'base64').toString().split(':').map(decodeURIComponent);
      return id === opts.clientId && secret === opts.clientSecret;
    }
    return form.get('client_id') === opts.clientId && form.get('client_secret') === opts.clientSecret;
  }

  function newAccessToken(user: string, fromRefresh?: string): string {
    const token = `at-${randomBytes(18).toString('hex')}`;
    accessTokens.set(token, { user, expiresAt: Date.now() + ttl * 1000, active: true, fromRefresh });
    issued.push(token);
    return token;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 64 * 1024)
        req.destroy(); // a test server, but bounded all the same
      else chunks.push(c);
    });
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      if (req.method === 'POST' && req.url === '/token') {
        const grantType = form.get('grant_type') ?? '';
        const clientAuth = form.has('client_assertion')
          ? 'certificate'
          : form.has('client_secret') || req.headers.authorization
            ? 'secret'
            : 'none';
        const answer = (status: number, body: unknown) => {
          tokenRequests.push({ grantType, status, clientAuth });
          json(res, status, body);
        };
        // Refusals worded like Microsoft's (AADSTS codes in error_description), which rebound explains.
        const clientId =
          form.get('client_id') ??
          Buffer.from(/^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '', 'base64')
            .toString()
            .split(':')[0];
        if (clientId !== opts.clientId) {
          return answer(400, {
            error: 'unauthorized_client',
            error_description: `AADSTS700016: Application with identifier '${clientId}' was not found in the directory 'test-tenant'.`,
          });
        }
        if (!clientAuthenticated(req, form))
          return answer(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
        if (grantType === 'client_credentials') {
          if (!opts.appUser) return answer(400, { error: 'unauthorized_client', error_description: 'no app-only access configured' });
          return answer(200, { access_token: newAccessToken(opts.appUser), token_type: 'Bearer', expires_in: ttl });
        }
        if (grantType === 'refresh_token') {
          const rt = refreshTokens.get(form.get('refresh_token') ?? '');
          if (!rt || rt.revoked) return answer(400, { error: 'invalid_grant', error_description: 'The refresh token has been revoked.' });
          return answer(200, { access_token: newAccessToken(rt.user, form.get('refresh_token')!), token_type: 'Bearer', expires_in: ttl });
        }
        return answer(400, { error: 'unsupported_grant_type' });
      }
      if (req.method === 'POST' && req.url === '/introspect') {
        // RFC 7662 section 2.2: an unknown, expired or revoked token is just {"active": false}.
        introspections++;
        const t = accessTokens.get(form.get('token') ?? '');
        if (!t || !t.active || Date.now() >= t.expiresAt) return json(res, 200, { active: false });
        return json(res, 200, { active: true, username: t.user, exp: Math.floor(t.expiresAt / 1000), token_type: 'Bearer' });
      }
      json(res, 404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    tokenUrl: `${base}/token`,
    introspectionUrl: `${base}/introspect`,
    issueRefreshToken(user) {
      const token = `rt-${randomBytes(18).toString('hex')}`;
      refreshTokens.set(token, { user, revoked: false });
      return token;
    },
    revoke(refreshToken) {
      const rt = refreshTokens.get(refreshToken);
      if (rt) rt.revoked = true;
      for (const t of accessTokens.values()) if (t.fromRefresh === refreshToken) t.active = false;
    },
    revokeAccessToken(token) {
      const t = accessTokens.get(token);
      if (t) t.active = false;
    },
    setTtl(seconds) {
      ttl = seconds;
    },
    tokenRequests,
    issued,
    get introspections() {
      return introspections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
