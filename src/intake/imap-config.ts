// The IMAP mailboxes' settings: the first from the seed's IMAP_* variables (unchanged), the
// OAuth2 variables beside them, and any number more from a JSON mailbox file
// (IMAP_MAILBOXES_FILE, e.g. config/imap-mailboxes.json). config.ts calls in here; a bad
// entry stops the start with an error naming the mailbox and the field.

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { MailboxSchema } from './imap-mailbox-schema.ts';
import { ConfigError, type Config, type ImapFolders, type ImapTls } from '../config.ts';

export type ImapAuth = 'password' | 'oauth2';
export type OAuthProvider = 'microsoft' | 'google' | 'other';

export interface ImapOAuthSettings {
  provider: OAuthProvider;
  /** client_credentials: Microsoft 365 app-only; refresh_token: Google, delegated Microsoft. */
  grant: 'client_credentials' | 'refresh_token';
  tokenUrl: string;
  /** The authorization server's issuer (checked against an id_token if one comes back). */
  issuer: string;
  clientId: string;
  /** Empty for a public client (delegated Microsoft access without a secret) or with a certificate. */
  clientSecret: string;
  /** Instead of a secret (Microsoft app-only): the app's certificate and its RSA private key, PEM. */
  clientCertificate: { certPem: string; keyPem: string } | null;
  /** Empty with the client-credentials grant. */
  refreshToken: string;
  /** Empty: none sent (Google keeps the scope of the original consent). */
  scope: string;
  /** http:// token URL allowed: for a loopback test endpoint only. */
  allowHttp: boolean;
}

/** Mailbox names label metrics and status parts: short, plain. */
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/** Where each provider's token endpoint and issuer are (Microsoft per tenant). */
function providerEndpoints(provider: OAuthProvider, tenant: string): { tokenUrl: string; issuer: string } | undefined {
  if (provider === 'microsoft') {
    const t = encodeURIComponent(tenant);
    return { tokenUrl: `https://login.microsoftonline.com/${t}/oauth2/v2.0/token`, issuer: `https://login.microsoftonline.com/${t}/v2.0` };
  }
  if (provider === 'google') return { tokenUrl: 'https://oauth2.googleapis.com/token', issuer: 'https://accounts.google.com' };
  return undefined;
}

/** The raw OAuth2 fields of one mailbox, from variables or from the file. */
export interface OAuthInput {
  provider?: string;
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  tokenUrl?: string;
  scope?: string;
  allowHttp?: boolean;
  /** PEM texts, already read from IMAP_OAUTH_CERT_FILE / IMAP_OAUTH_KEY_FILE (or the file's certFile / keyFile). */
  certPem?: string;
  keyPem?: string;
}

/**
 * Checks and completes one mailbox's OAuth2 settings. `fail(field, message)` throws the
 * ConfigError naming the variable (or the file's mailbox and field).
 */
export function oauthSettings(o: OAuthInput, fail: (field: keyof OAuthInput, message: string) => never): ImapOAuthSettings {
  const provider = (o.provider ?? '').toLowerCase();
  if (provider !== 'microsoft' && provider !== 'google' && provider !== 'other')
    fail('provider', `"${o.provider ?? ''}" is not one of microsoft, google, other (required with oauth2)`);
  if (!o.clientId) fail('clientId', 'is required with oauth2');
  if (provider === 'microsoft' && !o.tenant) fail('tenant', 'is required for microsoft (the directory (tenant) ID or a verified domain)');
  const known = providerEndpoints(provider, o.tenant ?? '');
  const tokenUrl = o.tokenUrl || known?.tokenUrl;
  if (!tokenUrl) fail('tokenUrl', `is required for provider "${provider}"`);
  let url: URL;
  try {
    url = new URL(tokenUrl);
  } catch {
    fail('tokenUrl', `"${tokenUrl}" is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && o.allowHttp))
    fail('tokenUrl', `"${tokenUrl}" must be https:// (http:// only with allowHttp, for a loopback test endpoint)`);
  const grant = o.refreshToken ? 'refresh_token' : 'client_credentials';
  if (provider === 'google' && grant !== 'refresh_token')
    fail('refreshToken', 'is required for google (Google has no app-only IMAP access)');
  if (Boolean(o.certPem) !== Boolean(o.keyPem)) fail(o.certPem ? 'keyPem' : 'certPem', 'the certificate and its private key go together');
  if (o.certPem && o.clientSecret) fail('clientSecret', 'set either a client secret or a certificate, not both');
  if (o.certPem && o.keyPem) checkCertificate(o.certPem, o.keyPem, fail);
  if (grant === 'client_credentials' && !o.clientSecret && !o.certPem)
    fail('clientSecret', 'is required without a refresh token (the client-credentials grant), unless a certificate is set');
  const defaultScope =
    provider === 'microsoft'
      ? grant === 'client_credentials'
        ? 'https://outlook.office365.com/.default'
        : 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access'
      : '';
  return {
    provider,
    grant,
    tokenUrl,
    issuer: known && !o.tokenUrl ? known.issuer : url.origin,
    clientId: o.clientId,
    clientSecret: o.clientSecret ?? '',
    clientCertificate: o.certPem && o.keyPem ? { certPem: o.certPem, keyPem: o.keyPem } : null,
    refreshToken: o.refreshToken ?? '',
    scope: o.scope ?? defaultScope,
    allowHttp: o.allowHttp ?? false,
  };
}

/** The certificate must parse, hold an RSA key (Microsoft signs client assertions with RS256 only) and match the key. */
function checkCertificate(certPem: string, keyPem: string, fail: (field: keyof OAuthInput, message: string) => never): void {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch (err) {
    fail('certPem', `is not a PEM certificate: ${(err as Error).message}`);
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(keyPem);
  } catch (err) {
    fail('keyPem', `is not a PEM private key: ${(err as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'rsa') fail('keyPem', `is a ${key.asymmetricKeyType} key; an RSA key is needed`);
  if (!cert.checkPrivateKey(key)) fail('keyPem', 'does not belong to the certificate');
}

/** The variable each OAuth2 field of the first mailbox comes from. */
export const OAUTH_VARIABLES: Record<keyof OAuthInput, string> = {
  provider: 'IMAP_OAUTH_PROVIDER',
  tenant: 'IMAP_OAUTH_TENANT',
  clientId: 'IMAP_OAUTH_CLIENT_ID',
  clientSecret: 'IMAP_OAUTH_CLIENT_SECRET',
  refreshToken: 'IMAP_OAUTH_REFRESH_TOKEN',
  tokenUrl: 'IMAP_OAUTH_TOKEN_URL',
  scope: 'IMAP_OAUTH_SCOPE',
  allowHttp: 'IMAP_OAUTH_ALLOW_HTTP',
  certPem: 'IMAP_OAUTH_CERT_FILE',
  keyPem: 'IMAP_OAUTH_KEY_FILE',
};

// --- the mailbox file ---

/**
 * The mailbox file's zod schema (imap-mailbox-schema.ts), loaded only when there is a mailbox
 * file: zod holds ~8 MB resident, which a service without one does not pay for
 * (tests/bench/idle.ts). Synchronously, because loadConfig is: require() of an ES module.
 */
let schema: MailboxSchema | undefined;
const mailboxSchema = (): MailboxSchema =>
  (schema ??= (createRequire(import.meta.url)('./imap-mailbox-schema.ts') as typeof import('./imap-mailbox-schema.ts')).mailboxSchema(
    NAME_RE,
  ));

const DEFAULT_FOLDERS: ImapFolders = { inbox: 'INBOX', processed: 'PROCESSED', skipped: 'SKIPPED', problem: 'PROBLEM' };
const DEFAULT_TEST_FOLDERS: ImapFolders = { inbox: 'TEST', processed: 'TESTPROCESSED', skipped: 'TESTSKIPPED', problem: 'TESTPROBLEM' };

/**
 * Reads the mailbox file: a JSON array of mailboxes (README "Several IMAP mailboxes").
 * Paths in it (passFile, ...) are relative to the file. `globalTestMode` is TEST_MODE.
 */
export function loadMailboxFile(file: string, cwd: string, globalTestMode: boolean): Config['imap'][] {
  const VAR = 'IMAP_MAILBOXES_FILE';
  const abs = path.resolve(cwd, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(abs, 'utf8'));
  } catch (err) {
    throw new ConfigError(VAR, `cannot read "${file}" as JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) throw new ConfigError(VAR, `"${file}" must hold a JSON array of mailboxes`);
  if (data.length > 100) throw new ConfigError(VAR, `"${file}" lists ${data.length} mailboxes; at most 100`);
  const dir = path.dirname(abs);
  return data.map((entry: unknown, i) => {
    const label =
      typeof (entry as { name?: unknown })?.name === 'string'
        ? `mailbox "${String((entry as { name: string }).name).slice(0, 40)}"`
        : `mailbox #${i + 1}`;
    const fail = (field: string, message: string): never => {
      throw new ConfigError(VAR, `${label}: field "${field}" ${message}`);
    };
    const parsed = mailboxSchema().safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field =
        issue.path.join('.') || (issue.code === 'unrecognized_keys' ? ((issue as { keys?: string[] }).keys?.join(', ') ?? '?') : '?');
      fail(field, issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message);
    }
    const m = parsed.data!;
    const readSecret = (field: string, direct: string | undefined, fileName: string | undefined): string => {
      if (direct && fileName) fail(field, `and ${field}File are both set; use one`);
      if (!fileName) return direct ?? '';
      try {
        return readFileSync(path.resolve(dir, fileName), 'utf8').replace(/\r?\n$/, '');
      } catch (err) {
        return fail(`${field}File`, `cannot be read: ${(err as Error).message}`);
      }
    };
    const pass = readSecret('pass', m.pass, m.passFile);
    if (m.auth === 'password' && !pass) fail('pass', 'is required with auth "password" (or passFile)');
    if (m.auth === 'oauth2' && !m.oauth) fail('oauth', 'is required with auth "oauth2"');
    const oauth =
      m.auth === 'oauth2' && m.oauth
        ? oauthSettings(
            {
              ...m.oauth,
              clientSecret: readSecret('oauth.clientSecret', m.oauth.clientSecret, m.oauth.clientSecretFile) || undefined,
              refreshToken: readSecret('oauth.refreshToken', m.oauth.refreshToken, m.oauth.refreshTokenFile) || undefined,
              certPem: readSecret('oauth.cert', undefined, m.oauth.certFile) || undefined,
              keyPem: readSecret('oauth.key', undefined, m.oauth.keyFile) || undefined,
            },
            (field, message) => fail(`oauth.${field === 'certPem' ? 'certFile' : field === 'keyPem' ? 'keyFile' : field}`, message),
          )
        : null;
    const testMode = m.testMode ?? globalTestMode;
    const normalFolders = m.folders ?? DEFAULT_FOLDERS;
    const testFolders = m.testFolders ?? DEFAULT_TEST_FOLDERS;
    return {
      enabled: true,
      name: m.name,
      statusPart: `imap:${m.name}`,
      host: m.server,
      port: m.port ?? (m.tls === 'implicit' ? 993 : 143),
      user: m.user,
      pass,
      auth: m.auth,
      oauth,
      tls: m.tls as ImapTls,
      tlsVerify: m.tlsVerify,
      pollInterval: m.pollInterval === undefined ? 300_000 : durationMs(m.pollInterval, (msg) => fail('pollInterval', msg)),
      idle: m.idle,
      batchSize: m.batchSize,
      testMode,
      folders: testMode ? testFolders : normalFolders,
    };
  });
}

function durationMs(v: number | string, fail: (msg: string) => never): number {
  let ms: number;
  if (typeof v === 'number') ms = v * 1000;
  else {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(v)!;
    ms = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's').toLowerCase()]!;
  }
  if (ms < 1000) fail('is shorter than 1 s');
  return Math.round(ms);
}

/** Names must be unique: they key the status parts and label the metrics. */
export function checkMailboxNames(mailboxes: Config['imap'][]): void {
  const seen = new Set<string>();
  for (const m of mailboxes) {
    if (!NAME_RE.test(m.name)) throw new ConfigError('IMAP_NAME', `"${m.name}" must be 1 to 32 letters, digits, dot, dash or underscore`);
    if (seen.has(m.name.toLowerCase()))
      throw new ConfigError(
        'IMAP_MAILBOXES_FILE',
        `mailbox "${m.name}": field "name" is used twice (the first mailbox is IMAP_NAME, default "main")`,
      );
    seen.add(m.name.toLowerCase());
  }
}
