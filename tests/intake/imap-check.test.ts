// `rebound imap-check [MAILBOX]` run as an admin runs it (the CLI in a child process, settings
// from the environment and a mailbox file) against a real Dovecot with OAuth2 sign-in
// (port 1346) and the loopback token and introspection endpoints of tests/harness/oauth-server.ts.
// What is checked is the text the admin reads and the exit code.
//
// The Microsoft token checks (inspectToken, diagnoseSignIn) are fed hand-made tokens and
// server answers: Microsoft's endpoints cannot be reached from here.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { diagnoseSignIn, inspectToken } from '../../src/intake/imap-check.ts';
import { ImapConnectError } from '../../src/intake/imap-connect.ts';
import { startDovecot, type Dovecot } from '../harness/dovecot.ts';
import { startOAuthServer, type OAuthServer } from '../harness/oauth-server.ts';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const USER = 'bounces@bounces.test';
const CLIENT_SECRET = 'check-secret-5d1e';

let as: OAuthServer;
let dc: Dovecot;
let dir: string;

beforeAll(async () => {
  as = await startOAuthServer({ clientId: 'check-app', clientSecret: CLIENT_SECRET, ttlSeconds: 600 });
  dc = await startDovecot({
    port: 1346,
    user: USER,
    extraUsers: { 'other@bounces.test': 'right-pass' },
    oauth2: { introspectionUrl: as.introspectionUrl, mechanisms: ['xoauth2', 'oauthbearer'] },
  });
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-imap-check-'));
  writeFileSync(
    path.join(dir, 'mailboxes.json'),
    JSON.stringify([{ name: 'other', server: '127.0.0.1', port: 1346, tls: 'none', user: 'other@bounces.test', pass: 'a-wrong-pass' }]),
  );
});

afterAll(async () => {
  await dc?.stop();
  if (dc) rmSync(dc.baseDir, { recursive: true, force: true });
  await as?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function imapCheck(env: Record<string, string>, args: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const base = {
    PATH: process.env.PATH ?? '',
    DATA_DIR: dir,
    IMAP_SERVER: '127.0.0.1',
    IMAP_PORT: '1346',
    IMAP_TLS: 'none',
    IMAP_USER: USER,
    IMAP_AUTH: 'oauth2',
    IMAP_OAUTH_PROVIDER: 'other',
    IMAP_OAUTH_TOKEN_URL: as.tokenUrl,
    IMAP_OAUTH_ALLOW_HTTP: 'true',
    IMAP_OAUTH_CLIENT_ID: 'check-app',
    IMAP_OAUTH_CLIENT_SECRET: CLIENT_SECRET,
    IMAP_MAILBOXES_FILE: path.join(dir, 'mailboxes.json'),
  };
  try {
    const r = await run(process.execPath, [path.join(ROOT, 'src/cli.ts'), 'imap-check', ...args], {
      env: { ...base, ...env },
      timeout: 60_000,
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe('rebound imap-check', () => {
  it('signs in to each mailbox, lists the folders it will use, and names what is wrong', async () => {
    const rt = as.issueRefreshToken(USER);
    const r = await imapCheck({ IMAP_OAUTH_REFRESH_TOKEN: rt });
    expect(r.code).toBe(1); // the second mailbox's password is wrong
    expect(r.out).toContain('ok   got an access token from 127.0.0.1');
    expect(r.out).toContain(`ok   signed in as ${USER} (OAUTHBEARER)`);
    expect(r.out).toContain('ok   folder INBOX (read) exists');
    expect(r.out).toContain('note folder PROCESSED (processed) is missing; rebound creates it at start');
    expect(r.out).toMatch(/FAIL the server refused the sign-in \(\[AUTHENTICATIONFAILED\][^)]*\): check IMAP_USER and IMAP_PASS/);
    for (const secret of [CLIENT_SECRET, rt, 'a-wrong-pass', ...as.issued]) expect(r.out + r.err).not.toContain(secret);

    const one = await imapCheck({ IMAP_OAUTH_REFRESH_TOKEN: rt }, ['main']);
    expect(one.code).toBe(0);
    expect(one.out).toContain('=> ready');
    expect(one.out).not.toContain('other@bounces.test');

    const none = await imapCheck({ IMAP_OAUTH_REFRESH_TOKEN: rt }, ['nosuch']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('no mailbox named "nosuch"; configured: main, other');
  });

  it('says the grant was revoked, and which setting to renew', async () => {
    const rt = as.issueRefreshToken(USER);
    as.revoke(rt);
    const r = await imapCheck({ IMAP_OAUTH_REFRESH_TOKEN: rt }, ['main']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'FAIL no access token: the token endpoint answered 400 invalid_grant (The refresh token has been revoked.): the refresh token was revoked, has expired or belongs to another client: sign in again and set a new IMAP_OAUTH_REFRESH_TOKEN',
    );
  });

  it("explains a client id unknown in the tenant and a wrong secret in Microsoft's terms", async () => {
    const wrongApp = await imapCheck({ IMAP_OAUTH_CLIENT_ID: 'not-this-app', IMAP_OAUTH_REFRESH_TOKEN: as.issueRefreshToken(USER) }, [
      'main',
    ]);
    expect(wrongApp.out).toMatch(
      /FAIL no access token: the token endpoint answered 400 unauthorized_client \(AADSTS700016: .*\): no application with this client id in this tenant: check IMAP_OAUTH_CLIENT_ID and IMAP_OAUTH_TENANT \(wrong tenant\?\)/,
    );
    const wrongSecret = await imapCheck(
      { IMAP_OAUTH_CLIENT_SECRET: 'the-secret-id-not-its-value', IMAP_OAUTH_REFRESH_TOKEN: as.issueRefreshToken(USER) },
      ['main'],
    );
    expect(wrongSecret.out).toContain("the client secret is wrong: use the secret's Value, not its Secret ID");
    expect(wrongSecret.out).not.toContain('the-secret-id-not-its-value');
  });
});

describe('Microsoft-specific diagnosis (hand-made tokens and answers)', () => {
  const ms = loadConfig({
    IMAP_SERVER: 'outlook.office365.com',
    IMAP_USER: 'bounces@contoso.example',
    IMAP_AUTH: 'oauth2',
    IMAP_OAUTH_PROVIDER: 'microsoft',
    IMAP_OAUTH_TENANT: 'contoso.example',
    IMAP_OAUTH_CLIENT_ID: 'c',
    IMAP_OAUTH_CLIENT_SECRET: 's',
  }).imap;
  const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it('names a missing IMAP.AccessAsApp permission and a token for the wrong audience', () => {
    expect(inspectToken(jwt({ aud: 'https://outlook.office365.com', roles: ['IMAP.AccessAsApp'] }), ms)).toEqual([
      { result: 'ok', text: 'the token is for Exchange Online with IMAP.AccessAsApp' },
    ]);
    expect(inspectToken(jwt({ aud: 'https://outlook.office365.com', roles: ['Mail.Read'] }), ms)[0]!.text).toMatch(
      /^the token carries no IMAP.AccessAsApp permission \(roles: Mail.Read\): add the Office 365 Exchange Online application permission IMAP.AccessAsApp/,
    );
    expect(inspectToken(jwt({ aud: 'https://graph.microsoft.com', roles: ['IMAP.AccessAsApp'] }), ms)[0]!.text).toMatch(
      /^the token is for https:\/\/graph.microsoft.com, not Exchange Online/,
    );
  });

  it('turns Exchange\'s bare AUTHENTICATE failure into the usual causes, and a password sign-in into "use OAuth2"', () => {
    const refused = new ImapConnectError('login', 'AUTHENTICATE failed.', undefined);
    expect(diagnoseSignIn(refused, ms)).toMatch(
      /Exchange Online refused the token; the usual causes: .*New-ServicePrincipal.*Add-MailboxPermission.*IMAP.AccessAsApp.*Set-CASMailbox -ImapEnabled/,
    );
    const basic = loadConfig({ IMAP_SERVER: 'outlook.office365.com', IMAP_USER: 'b@contoso.example', IMAP_PASS: 'x' }).imap;
    expect(diagnoseSignIn(new ImapConnectError('login', 'LOGIN failed.', undefined), basic)).toBe(
      'the server refused the sign-in (LOGIN failed.): Microsoft 365 has turned password sign-in off; use IMAP_AUTH=oauth2 (README "IMAP with OAuth2")',
    );
  });
});
