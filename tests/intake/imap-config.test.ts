// The IMAP mailboxes' settings as loadConfig reads them: the seed's IMAP_* variables, the
// OAuth2 variables, and the mailbox file. A bad entry stops the start naming the mailbox
// (or the variable) and the field; `rebound config` shows no secret.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, maskedConfig } from '../../src/config.ts';
import { selfSignedCert } from '../harness/certs.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-imap-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function withFile(mailboxes: unknown, env: Record<string, string> = {}) {
  writeFileSync(path.join(dir, 'mailboxes.json'), typeof mailboxes === 'string' ? mailboxes : JSON.stringify(mailboxes));
  return loadConfig({ IMAP_MAILBOXES_FILE: 'mailboxes.json', ...env }, dir);
}

const GOOD = { name: 'shop', server: 'imap.example.com', user: 'bounces@shop.example', pass: 'p' };

describe('IMAP mailbox configuration', () => {
  it("keeps the seed variables for the first mailbox and adds the file's, with defaults", () => {
    const c = withFile([GOOD], { IMAP_SERVER: 'imap.example.org', IMAP_USER: 'b@example.org', IMAP_PASS: 'x' });
    expect(c.imap).toMatchObject({
      enabled: true,
      name: 'main',
      statusPart: 'imap',
      host: 'imap.example.org',
      port: 993,
      auth: 'password',
      oauth: null,
    });
    expect(c.imapMailboxes).toHaveLength(2);
    expect(c.imapMailboxes[1]).toMatchObject({
      name: 'shop',
      statusPart: 'imap:shop',
      host: 'imap.example.com',
      port: 993,
      tls: 'implicit',
      pollInterval: 300_000,
      folders: { inbox: 'INBOX', processed: 'PROCESSED' },
    });
    expect(loadConfig({}).imapMailboxes).toEqual([]);
  });

  it('stops with an error naming the mailbox and the field', () => {
    expect(() => withFile([GOOD, { ...GOOD, name: 'sales', port: 99999 }])).toThrow('IMAP_MAILBOXES_FILE: mailbox "sales": field "port"');
    expect(() => withFile([{ ...GOOD, pass: undefined }])).toThrow(
      'IMAP_MAILBOXES_FILE: mailbox "shop": field "pass" is required with auth "password"',
    );
    expect(() => withFile([{ ...GOOD, sever: 'typo' }])).toThrow(/mailbox "shop": field "sever" is not a known field/);
    expect(() => withFile([{ ...GOOD, pollInterval: 'soon' }])).toThrow(/mailbox "shop": field "pollInterval" is not a duration/);
    expect(() => withFile([{ server: 'x', user: 'y', pass: 'z' }])).toThrow(/mailbox #1: field "name"/);
    expect(() => withFile([GOOD, GOOD])).toThrow(/mailbox "shop": field "name" is used twice/);
    expect(() => withFile([{ ...GOOD, auth: 'oauth2', oauth: { provider: 'microsoft', clientId: 'c', clientSecret: 's' } }])).toThrow(
      'mailbox "shop": field "oauth.tenant" is required for microsoft',
    );
    expect(() => withFile([{ ...GOOD, auth: 'oauth2', oauth: { provider: 'google', clientId: 'c', clientSecret: 's' } }])).toThrow(
      'mailbox "shop": field "oauth.refreshToken" is required for google',
    );
    expect(() => withFile('{ not json')).toThrow(/IMAP_MAILBOXES_FILE: cannot read "mailboxes.json" as JSON/);
  });

  it('reads the OAuth2 variables: Microsoft app-only by client credentials, Google by refresh token', () => {
    const base = { IMAP_SERVER: 'outlook.office365.com', IMAP_USER: 'bounces@contoso.example', IMAP_AUTH: 'oauth2' };
    const ms = loadConfig({
      ...base,
      IMAP_OAUTH_PROVIDER: 'microsoft',
      IMAP_OAUTH_TENANT: 'contoso.example',
      IMAP_OAUTH_CLIENT_ID: 'cid',
      IMAP_OAUTH_CLIENT_SECRET: 'sec',
    });
    expect(ms.imap.oauth).toMatchObject({
      grant: 'client_credentials',
      tokenUrl: 'https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token',
      scope: 'https://outlook.office365.com/.default',
    });
    const g = loadConfig({
      ...base,
      IMAP_SERVER: 'imap.gmail.com',
      IMAP_OAUTH_PROVIDER: 'google',
      IMAP_OAUTH_CLIENT_ID: 'cid',
      IMAP_OAUTH_CLIENT_SECRET: 'sec',
      IMAP_OAUTH_REFRESH_TOKEN: 'rt',
    });
    expect(g.imap.oauth).toMatchObject({ grant: 'refresh_token', tokenUrl: 'https://oauth2.googleapis.com/token', scope: '' });
    expect(() =>
      loadConfig({ ...base, IMAP_OAUTH_PROVIDER: 'microsoft', IMAP_OAUTH_CLIENT_ID: 'cid', IMAP_OAUTH_CLIENT_SECRET: 's' }),
    ).toThrow(/^IMAP_OAUTH_TENANT: is required for microsoft/);
    expect(() =>
      loadConfig({
        ...base,
        IMAP_OAUTH_PROVIDER: 'other',
        IMAP_OAUTH_CLIENT_ID: 'c',
        IMAP_OAUTH_CLIENT_SECRET: 's',
        IMAP_OAUTH_TOKEN_URL: 'http://127.0.0.1:9/token',
      }),
    ).toThrow(/^IMAP_OAUTH_TOKEN_URL: .* must be https:\/\//);
    expect(() => loadConfig({ ...base, IMAP_OAUTH_PROVIDER: 'yahoo' })).toThrow(/^IMAP_OAUTH_PROVIDER: "yahoo" is not one of/);
  });

  it("takes a certificate and its key instead of a client secret, and refuses a key that is not the certificate's", () => {
    const make = (name: string) => selfSignedCert(dir, name, name, 1);
    make('a');
    make('b');
    const env = {
      IMAP_SERVER: 'outlook.office365.com',
      IMAP_USER: 'b@contoso.example',
      IMAP_AUTH: 'oauth2',
      IMAP_OAUTH_PROVIDER: 'microsoft',
      IMAP_OAUTH_TENANT: 't',
      IMAP_OAUTH_CLIENT_ID: 'cid',
    };
    const c = loadConfig({ ...env, IMAP_OAUTH_CERT_FILE: 'a.crt', IMAP_OAUTH_KEY_FILE: 'a.key' }, dir);
    expect(c.imap.oauth).toMatchObject({ grant: 'client_credentials', clientSecret: '' });
    expect(c.imap.oauth!.clientCertificate!.certPem).toContain('BEGIN CERTIFICATE');
    expect(JSON.stringify(maskedConfig(c))).not.toContain('PRIVATE KEY');
    expect(() => loadConfig({ ...env, IMAP_OAUTH_CERT_FILE: 'a.crt', IMAP_OAUTH_KEY_FILE: 'b.key' }, dir)).toThrow(
      'IMAP_OAUTH_KEY_FILE: does not belong to the certificate',
    );
    expect(() => loadConfig({ ...env, IMAP_OAUTH_CERT_FILE: 'a.crt' }, dir)).toThrow(
      /^IMAP_OAUTH_KEY_FILE: the certificate and its private key go together/,
    );
  });

  it("masks every IMAP secret in `rebound config`, the file's mailboxes too", () => {
    const c = withFile(
      [
        {
          ...GOOD,
          pass: 'file-pass-1',
          name: 'g',
          auth: 'oauth2',
          oauth: { provider: 'google', clientId: 'cid', clientSecret: 'file-secret-2', refreshToken: 'file-rt-3' },
        },
      ],
      {
        IMAP_SERVER: 'outlook.office365.com',
        IMAP_USER: 'b@contoso.example',
        IMAP_AUTH: 'oauth2',
        IMAP_OAUTH_PROVIDER: 'microsoft',
        IMAP_OAUTH_TENANT: 't',
        IMAP_OAUTH_CLIENT_ID: 'cid',
        IMAP_OAUTH_CLIENT_SECRET: 'env-secret-4',
      },
    );
    const shown = JSON.stringify(maskedConfig(c));
    for (const s of ['file-pass-1', 'file-secret-2', 'file-rt-3', 'env-secret-4']) expect(shown).not.toContain(s);
    expect(shown).toContain('"clientId":"cid"');
  });
});
