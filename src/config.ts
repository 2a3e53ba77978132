// rebound's configuration: environment variables in, one typed and validated object out.
// This is the only module that reads process.env. Every variable has a laptop-friendly
// default; a bad value stops the start with an error naming the variable and the value.
// Secrets may come from NAME_FILE (Docker/Kubernetes secrets) instead of NAME.

import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import {
  checkMailboxNames,
  loadMailboxFile,
  OAUTH_VARIABLES,
  oauthSettings,
  type ImapAuth,
  type ImapOAuthSettings,
} from './intake/imap-config.ts';
import { DEFAULT_HARD_REASONS, type SuppressionSettings } from './suppress/policy.ts';
import { DAY_MS } from './core/utc-day.ts';
import { CONFIG_ERROR_CODE, ReboundError } from './errors.ts';
import { newInstanceId } from './instance-id.ts';

export type Env = Record<string, string | undefined>;

export interface ListenAddress {
  /** 'tcp' with host and port, or 'unix' with a socket path (for Postfix's lmtp:unix:). */
  kind: 'tcp' | 'unix';
  host: string;
  port: number;
  path: string;
}

export type ImapTls = 'implicit' | 'starttls' | 'none';

export interface ImapFolders {
  inbox: string;
  processed: string;
  skipped: string;
  problem: string;
}

export interface Config {
  dataDir: string;
  dbPath: string;
  /** DATABASE_URL: a postgres:// URL, or '' for SQLite at dbPath (the default). */
  databaseUrl: string;
  /** DATABASE_POOL_SIZE: connections each instance keeps to PostgreSQL at most. */
  databasePoolSize: number;
  /** full: each commit is fsynced before the 250 (survives power loss); normal: faster. */
  dbSynchronous: 'full' | 'normal';
  logLevel: string;
  /** Notices only to NOTIFY_CC_TEST; the IMAP poller reads the TEST folders. */
  testMode: boolean;
  trackingHeader: string;
  publicUrl: string;
  lmtp: {
    enabled: boolean;
    protocol: 'lmtp' | 'smtp';
    listen: ListenAddress[];
    /** Largest message accepted, bytes (advertised with SIZE; more gets 552 5.3.4). */
    maxSize: number;
    maxConnections: number;
    /** Idle socket timeout, ms. */
    idleTimeout: number;
    /** Recipients accepted at RCPT: empty = any; entries are addresses or @domain / domain. */
    accept: string[];
    /** Name in the greeting; must differ from Postfix's myhostname. */
    hostname: string;
    tlsKey: string;
    tlsCert: string;
  };
  /** The first IMAP mailbox (IMAP_* variables); `imapMailboxes` holds it and the mailbox file's. */
  imap: {
    enabled: boolean;
    /** Labels the metrics and logs; IMAP_NAME, default "main". */
    name: string;
    /** Its part on the status board and in /health: "imap" for the first, "imap:NAME" for the others. */
    statusPart: 'imap' | `imap:${string}`;
    host: string;
    port: number;
    user: string;
    pass: string;
    /** password: LOGIN/PLAIN with `pass`; oauth2: XOAUTH2/OAUTHBEARER with a token from `oauth`. */
    auth: ImapAuth;
    oauth: ImapOAuthSettings | null;
    tls: ImapTls;
    /** Verify the server certificate (off only for a self-signed test server). */
    tlsVerify: boolean;
    pollInterval: number;
    idle: boolean;
    batchSize: number;
    testMode: boolean;
    /** The folders in use now: the normal set, or the TEST set in test mode. */
    folders: ImapFolders;
  };
  /** Every IMAP mailbox polled: the first (when IMAP_SERVER is set), then IMAP_MAILBOXES_FILE's. */
  imapMailboxes: Config['imap'][];
  notify: {
    cc: string[];
    ccTest: string[];
    from: string;
    /** Which kinds of result are notified: hard, soft, delay, autoreply, complaint. */
    on: string[];
    retryCron: string;
    retryMax: number;
    summaryCron: string;
    /** The organisation's own mail domains (LOCAL_DOMAINS): only these are ever notified from a Cc. */
    localDomains: string[];
    /** Caps on what one stranger's message can make rebound send (src/notify/notices.ts). */
    limits: NoticeLimits;
    /** `rebound import` queues notices only for bounces younger than this (ms, by their own date); 0: none. */
    importMaxAge: number;
  };
  smtp: {
    host: string;
    port: number;
    user: string;
    pass: string;
    /** Implicit TLS (port 465 style). */
    secure: boolean;
    /** Refuse to send without STARTTLS. */
    requireTls: boolean;
    tlsVerify: boolean;
  };
  web: {
    enabled: boolean;
    host: string;
    port: number;
    /** Empty when unset: the app then generates one and prints it once. */
    adminPass: string;
    sessionSecret: string;
    cookieSecure: 'auto' | 'always' | 'never';
    /** Proxies (addresses, CIDR ranges) whose X-Forwarded-For/-Proto are believed; empty: none. */
    trustProxy: string[];
    sessionIdleMinutes: number;
    sessionMaxHours: number;
  };
  api: {
    /** Requests per minute per API token (a burst of as many is allowed). */
    rateLimit: number;
  };
  webhooks: {
    /** Allow webhook URLs on private, loopback and link-local addresses. */
    allowPrivate: boolean;
    /** Wait this long for a receiver's answer, ms. */
    timeoutMs: number;
    /** Retry a delivery this long before it is marked failed, ms. */
    retryForMs: number;
  };
  /** Several instances on one store (issue 18): who this one is, how long its leases and claims hold. */
  instance: {
    /** Holder of this process's leases and claims (INSTANCE_ID; default hostname:pid:random). */
    id: string;
    /** An IMAP mailbox lease lasts this long unless renewed, ms: how soon another instance takes over a dead one's mailbox. */
    leaseTtlMs: number;
    /** A claimed notice or webhook is another instance's to send after this long, ms. */
    claimTtlMs: number;
  };
  /** The suppression list (src/suppress/) and the two servers Postfix asks. */
  suppress: SuppressionSettings & {
    /** socketmap_table(5) server; empty: off. */
    socketmapListen: ListenAddress[];
    /** smtpd_policy_service server (SMTPD_POLICY_README); empty: off. */
    policyListen: ListenAddress[];
    /** Senders the policy server never refuses for (addresses or @domain). */
    policyExemptSenders: string[];
    /** Simultaneous connections per server. */
    maxConnections: number;
    /** Idle connection timeout, ms; a request must also arrive whole within it. */
    idleTimeout: number;
  };
}

export interface NoticeLimits {
  /** Failed recipients of one message that get a notice (NOTIFY_MAX_PER_MESSAGE). */
  perMessage: number;
  /** Original Cc addresses written to per notice (NOTIFY_MAX_CC). */
  ccPerNotice: number;
  /** Notices to one address per hour (NOTIFY_MAX_PER_ADDRESS_HOUR). */
  perAddressHour: number;
  /** Notices in total per hour (NOTIFY_MAX_PER_HOUR). */
  perHour: number;
}

/** A configuration value that cannot be used; the message names the variable and value. */
/** A bad setting: permanent (it needs a fix), named after the variable. */
export class ConfigError extends ReboundError {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(CONFIG_ERROR_CODE, `${variable}: ${message}`, { temporary: false });
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

/** Shortest SESSION_SECRET accepted (the dashboard refuses a shorter one too). */
export const MIN_SESSION_SECRET_LENGTH = 32;

class Reader {
  env: Env;
  cwd: string;
  constructor(env: Env, cwd: string) {
    this.env = env;
    this.cwd = cwd;
  }

  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  string(name: string, def: string): string {
    return this.raw(name) ?? def;
  }

  /** A secret from NAME, or read from the file NAME_FILE names (trailing newline dropped). */
  secret(name: string): string {
    const direct = this.env[name];
    const file = this.raw(`${name}_FILE`);
    if (direct !== undefined && direct !== '' && file) {
      throw new ConfigError(name, `set either ${name} or ${name}_FILE, not both`);
    }
    if (file) {
      try {
        return readFileSync(path.resolve(this.cwd, file), 'utf8').replace(/\r?\n$/, '');
      } catch (err) {
        throw new ConfigError(`${name}_FILE`, `cannot read "${file}": ${(err as Error).message}`);
      }
    }
    return direct ?? '';
  }

  /** The contents of the file NAME names (undefined when unset). */
  file(name: string): string | undefined {
    const file = this.raw(name);
    if (!file) return undefined;
    try {
      return readFileSync(path.resolve(this.cwd, file), 'utf8');
    } catch (err) {
      throw new ConfigError(name, `cannot read "${file}": ${(err as Error).message}`);
    }
  }

  int(name: string, def: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return def;
    if (!/^-?\d+$/.test(v)) throw new ConfigError(name, `"${v}" is not a whole number`);
    const n = Number(v);
    if (n < min || n > max) throw new ConfigError(name, `"${v}" is out of range (${min} to ${max})`);
    return n;
  }

  bool(name: string, def: boolean): boolean {
    const v = this.raw(name);
    if (v === undefined) return def;
    const l = v.toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(l)) return true;
    if (['0', 'false', 'no', 'off'].includes(l)) return false;
    throw new ConfigError(name, `"${v}" is not a boolean (use true or false)`);
  }

  oneOf<T extends string>(name: string, def: T, allowed: readonly T[]): T {
    const v = this.raw(name);
    if (v === undefined) return def;
    const l = v.toLowerCase() as T;
    if (!allowed.includes(l)) throw new ConfigError(name, `"${v}" is not one of ${allowed.join(', ')}`);
    return l;
  }

  /** A duration: plain seconds, or a number with ms, s, m or h. Returns milliseconds. */
  duration(name: string, defMs: number, minMs: number): number {
    const v = this.raw(name);
    if (v === undefined) return defMs;
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i.exec(v);
    if (!m) throw new ConfigError(name, `"${v}" is not a duration (e.g. 300, 30s, 5m, 1h, 3d)`);
    const unit = (m[2] ?? 's').toLowerCase();
    const ms = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS }[unit]!;
    if (ms < minMs) throw new ConfigError(name, `"${v}" is shorter than ${minMs} ms`);
    return Math.round(ms);
  }

  /** A size in bytes: a number with an optional k, M or G (powers of 1024). */
  size(name: string, def: number): number {
    const v = this.raw(name);
    if (v === undefined) return def;
    const m = /^(\d+(?:\.\d+)?)\s*([kmg])?b?$/i.exec(v);
    if (!m) throw new ConfigError(name, `"${v}" is not a size (e.g. 10M, 512k, 1048576)`);
    const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase()]!;
    const n = Math.round(Number(m[1]) * mult);
    if (n < 1024) throw new ConfigError(name, `"${v}" is smaller than 1 KiB`);
    return n;
  }

  addresses(name: string, def = ''): string[] {
    const list = splitList(this.string(name, def));
    for (const a of list) {
      if (!isPlausibleAddress(a)) throw new ConfigError(name, `"${a}" is not an email address`);
    }
    return list;
  }

  cron(name: string, def: string): string {
    const v = this.string(name, def);
    const fields = v.split(/\s+/);
    if (fields.length < 5 || fields.length > 6 || !fields.every((f) => /^[\d*/,\-A-Za-z?LW#]+$/.test(f))) {
      throw new ConfigError(name, `"${v}" is not a cron pattern (e.g. "0 0 * * *")`);
    }
    return v;
  }

  url(name: string, def: string): string {
    const v = this.string(name, def);
    try {
      const u = new URL(v);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
    } catch {
      throw new ConfigError(name, `"${v}" is not an http(s) URL`);
    }
    return v.replace(/\/+$/, '');
  }
}

export function splitList(v: string): string[] {
  return v
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A domain name as LOCAL_DOMAINS takes it: letters, digits, hyphens, dots (or localhost). */
function isDomainName(d: string): boolean {
  return /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(d);
}

/**
 * LOCAL_DOMAINS, or by default the domains of NOTIFY_CC, of NOTIFY_FROM (the bounce address,
 * at best) and of LMTP_ACCEPT's entries: the domains whose people rebound may write to on
 * the word of a bounce.
 */
function parseLocalDomains(value: string | undefined, cc: string[], from: string, accept: string[]): string[] {
  if (value !== undefined && value.trim() !== '') {
    const list = splitList(value.toLowerCase()).map((d) => d.replace(/^@/, ''));
    for (const d of list) if (!isDomainName(d)) throw new ConfigError('LOCAL_DOMAINS', `"${d}" is not a domain name`);
    return [...new Set(list)];
  }
  const domainOf = (a: string) => a.slice(a.lastIndexOf('@') + 1).toLowerCase();
  const derived = [...cc, from].map(domainOf);
  for (const entry of accept) derived.push(entry.includes('@') ? domainOf(entry) : entry.replace(/^@/, ''));
  return [...new Set(derived.filter(isDomainName))];
}

export function isPlausibleAddress(a: string): boolean {
  return /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(a) || /^[^\s@<>]+@localhost$/i.test(a);
}

/** Parses "127.0.0.1:2424", "[::1]:2424", ":2424", "2424" or "unix:/path" into listen addresses. */
export function parseListen(name: string, v: string): ListenAddress[] {
  const out: ListenAddress[] = [];
  for (const item of splitList(v)) {
    if (item.startsWith('unix:')) {
      const p = item.slice(5);
      if (!p.startsWith('/')) throw new ConfigError(name, `"${item}": the unix socket path must be absolute`);
      out.push({ kind: 'unix', host: '', port: 0, path: p });
      continue;
    }
    const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\[\]]*)):(\d+)$/.exec(item) ?? /^()()(\d+)$/.exec(item);
    if (!m) throw new ConfigError(name, `"${item}" is not host:port, [ipv6]:port or unix:/path`);
    const port = Number(m[3]);
    if (port < 1 || port > 65535) throw new ConfigError(name, `"${item}": port ${port} is out of range`);
    // A bare port ("2424", ":2424") means loopback, never every interface: the regexps
    // leave '' (not undefined) in the host groups then.
    out.push({ kind: 'tcp', host: m[1] || m[2] || '127.0.0.1', port, path: '' });
  }
  return out;
}

/** '' (SQLite) or a postgres:// / postgresql:// URL with a host; anything else is a mistake. */
export function parseDatabaseUrl(name: string, v: string): string {
  if (v === '') return '';
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigError(name, 'is not a URL (use postgres://USER:PASSWORD@HOST:PORT/DATABASE, or leave it unset for SQLite)');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new ConfigError(name, `"${u.protocol}" URLs are not supported: use postgres:// (or leave it unset for SQLite in DATA_DIR)`);
  }
  if (!u.hostname && !u.searchParams.get('host')) throw new ConfigError(name, 'names no host (postgres://USER@HOST/DATABASE)');
  return v;
}

/** A database URL fit to print: its password replaced by ***. */
export function maskDatabaseUrl(v: string): string {
  if (!v) return '';
  const u = new URL(v);
  if (u.password) u.password = '***';
  // libpq and pg also take the password from the query string.
  for (const key of ['password', 'sslpassword']) if (u.searchParams.has(key)) u.searchParams.set(key, '***');
  return u.toString();
}

/** "127.0.0.1, 10.0.0.0/8, ::1" into its entries; 'loopback' stands for 127.0.0.0/8 and ::1. */
export function parseTrustProxy(name: string, v: string): string[] {
  const out: string[] = [];
  for (const item of splitList(v)) {
    if (item.toLowerCase() === 'loopback') {
      out.push('127.0.0.0/8', '::1');
      continue;
    }
    const [addr = '', prefix, extra] = item.split('/');
    const version = isIP(addr);
    const max = version === 6 ? 128 : 32;
    if (version === 0 || extra !== undefined || (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max))) {
      throw new ConfigError(name, `"${item}" is not an IP address, a CIDR range (10.0.0.0/8) or loopback`);
    }
    out.push(item);
  }
  return out;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const r = new Reader(env, cwd);
  const dataDir = path.resolve(cwd, r.string('DATA_DIR', 'data'));
  const testMode = r.bool('TEST_MODE', false) || r.bool('IMAP_TEST_MODE', false);

  const normalFolders: ImapFolders = {
    inbox: r.string('IMAP_FOLDER_INBOX', 'INBOX'),
    processed: r.string('IMAP_FOLDER_PROCESSED', 'PROCESSED'),
    skipped: r.string('IMAP_FOLDER_SKIPPED', 'SKIPPED'),
    problem: r.string('IMAP_FOLDER_PROBLEM', 'PROBLEM'),
  };
  const testFolders: ImapFolders = {
    inbox: r.string('IMAP_FOLDER_TEST', 'TEST'),
    processed: r.string('IMAP_FOLDER_TESTPROCESSED', 'TESTPROCESSED'),
    skipped: r.string('IMAP_FOLDER_TESTSKIPPED', 'TESTSKIPPED'),
    problem: r.string('IMAP_FOLDER_TESTPROBLEM', 'TESTPROBLEM'),
  };
  const imapTls = r.oneOf<ImapTls>('IMAP_TLS', 'implicit', ['implicit', 'starttls', 'none']);
  const imapHost = r.string('IMAP_SERVER', '');
  const imapAuth = r.oneOf<ImapAuth>('IMAP_AUTH', 'password', ['password', 'oauth2']);
  const imap: Config['imap'] = {
    enabled: imapHost !== '',
    name: r.string('IMAP_NAME', 'main'),
    statusPart: 'imap',
    host: imapHost,
    port: r.int('IMAP_PORT', imapTls === 'implicit' ? 993 : 143, 1, 65535),
    user: r.string('IMAP_USER', ''),
    pass: r.secret('IMAP_PASS'),
    auth: imapAuth,
    oauth:
      imapAuth === 'oauth2' && imapHost !== ''
        ? oauthSettings(
            {
              provider: r.raw('IMAP_OAUTH_PROVIDER'),
              tenant: r.raw('IMAP_OAUTH_TENANT'),
              clientId: r.raw('IMAP_OAUTH_CLIENT_ID'),
              clientSecret: r.secret('IMAP_OAUTH_CLIENT_SECRET') || undefined,
              refreshToken: r.secret('IMAP_OAUTH_REFRESH_TOKEN') || undefined,
              tokenUrl: r.raw('IMAP_OAUTH_TOKEN_URL'),
              scope: r.raw('IMAP_OAUTH_SCOPE'),
              allowHttp: r.bool('IMAP_OAUTH_ALLOW_HTTP', false),
              certPem: r.file('IMAP_OAUTH_CERT_FILE'),
              keyPem: r.file('IMAP_OAUTH_KEY_FILE'),
            },
            (field, message) => {
              throw new ConfigError(OAUTH_VARIABLES[field], message);
            },
          )
        : null,
    tls: imapTls,
    tlsVerify: r.bool('IMAP_TLS_VERIFY', true),
    pollInterval: r.duration('IMAP_POLL_INTERVAL', 300_000, 1000),
    idle: r.bool('IMAP_IDLE', true),
    batchSize: r.int('IMAP_BATCH_SIZE', 100, 1, 10_000),
    testMode,
    folders: testMode ? testFolders : normalFolders,
  };
  if (imap.enabled && !imap.user) throw new ConfigError('IMAP_USER', 'is required when IMAP_SERVER is set');
  const mailboxFile = r.raw('IMAP_MAILBOXES_FILE');
  const imapMailboxes = [...(imap.enabled ? [imap] : []), ...(mailboxFile ? loadMailboxFile(mailboxFile, cwd, testMode) : [])];
  checkMailboxNames(imapMailboxes);

  const webPort = r.int('WEBUI_PORT', 8888, 1, 65535);
  const lmtpListen = r.string('LMTP_LISTEN', '127.0.0.1:2424');
  const config: Config = {
    dataDir,
    dbPath: path.resolve(dataDir, r.string('DB_FILE', 'bounces.db')),
    databaseUrl: parseDatabaseUrl('DATABASE_URL', r.secret('DATABASE_URL').trim()),
    databasePoolSize: r.int('DATABASE_POOL_SIZE', 5, 1, 1000),
    dbSynchronous: r.oneOf('DB_SYNCHRONOUS', 'full', ['full', 'normal']),
    logLevel: r.oneOf('LOG_LEVEL', 'info', ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
    testMode,
    trackingHeader: r.string('TRACKING_HEADER', 'X-Rebound-Mail-ID'),
    publicUrl: r.url('PUBLIC_URL', `http://127.0.0.1:${webPort}`),
    lmtp: {
      enabled: r.bool('LMTP_ENABLED', true),
      protocol: r.oneOf('LMTP_PROTOCOL', 'lmtp', ['lmtp', 'smtp']),
      listen: parseListen('LMTP_LISTEN', lmtpListen),
      maxSize: r.size('LMTP_MAX_SIZE', 10 * 1024 * 1024),
      maxConnections: r.int('LMTP_MAX_CONNECTIONS', 100, 1, 100_000),
      idleTimeout: r.duration('LMTP_IDLE_TIMEOUT', 60_000, 1000),
      accept: splitList(r.string('LMTP_ACCEPT', '')).map((s) => s.toLowerCase()),
      hostname: r.string('LMTP_HOSTNAME', 'rebound.localdomain'),
      tlsKey: r.string('LMTP_TLS_KEY', ''),
      tlsCert: r.string('LMTP_TLS_CERT', ''),
    },
    imap,
    imapMailboxes,
    notify: {
      cc: r.addresses('NOTIFY_CC'),
      ccTest: r.addresses('NOTIFY_CC_TEST'),
      from: r.string('NOTIFY_FROM', 'rebound@localhost'),
      on: parseNotifyOn(r.string('NOTIFY_ON', 'hard,soft')),
      retryCron: r.cron('RETRY_CRON', '*/30 * * * *'),
      retryMax: r.int('RETRY_MAX', 5, 0, 1000),
      summaryCron: r.cron('SUMMARY_CRON', '0 0 * * *'),
      localDomains: [],
      limits: {
        perMessage: r.int('NOTIFY_MAX_PER_MESSAGE', 10, 0, 500),
        ccPerNotice: r.int('NOTIFY_MAX_CC', 20, 0, 500),
        perAddressHour: r.int('NOTIFY_MAX_PER_ADDRESS_HOUR', 30, 0, 100_000),
        perHour: r.int('NOTIFY_MAX_PER_HOUR', 300, 0, 1_000_000),
      },
      importMaxAge: r.duration('IMPORT_NOTIFY_MAX_AGE', 3 * DAY_MS, 0),
    },
    smtp: {
      host: r.string('SMTP_SERVER', '127.0.0.1'),
      port: r.int('SMTP_PORT', 25, 1, 65535),
      user: r.string('SMTP_USER', ''),
      pass: r.secret('SMTP_PASS'),
      secure: r.bool('SMTP_SECURE', false),
      requireTls: r.bool('SMTP_REQUIRE_TLS', false),
      tlsVerify: r.bool('SMTP_TLS_VERIFY', true),
    },
    web: {
      enabled: r.bool('WEBUI_ENABLED', true),
      host: r.string('WEBUI_HOST', '127.0.0.1'),
      port: webPort,
      adminPass: r.secret('ADMIN_PASS'),
      sessionSecret: r.secret('SESSION_SECRET'),
      cookieSecure: r.oneOf('COOKIE_SECURE', 'auto', ['auto', 'always', 'never']),
      trustProxy: parseTrustProxy('TRUST_PROXY', r.string('TRUST_PROXY', '')),
      sessionIdleMinutes: r.int('SESSION_IDLE_MINUTES', 60, 1, 7 * 24 * 60),
      sessionMaxHours: r.int('SESSION_MAX_HOURS', 12, 1, 24 * 30),
    },
    api: {
      rateLimit: r.int('API_RATE_LIMIT', 600, 1, 1_000_000),
    },
    webhooks: {
      allowPrivate: r.bool('WEBHOOK_ALLOW_PRIVATE', false),
      timeoutMs: r.duration('WEBHOOK_TIMEOUT', 10_000, 100),
      retryForMs: r.duration('WEBHOOK_RETRY_FOR', 24 * 3_600_000, 1000),
    },
    instance: {
      id: instanceId(r.raw('INSTANCE_ID')),
      leaseTtlMs: r.duration('LEASE_TTL', 60_000, 5_000),
      claimTtlMs: r.duration('CLAIM_TTL', 10 * 60_000, 120_000),
    },
    suppress: {
      hardReasons: parseReasons(r.string('SUPPRESS_HARD_REASONS', DEFAULT_HARD_REASONS.join(','))),
      hardDays: r.int('SUPPRESS_HARD_DAYS', 0, 0, 36_500),
      softCount: r.int('SUPPRESS_SOFT_COUNT', 3, 1, 1000),
      softWindowDays: r.int('SUPPRESS_SOFT_WINDOW_DAYS', 7, 1, 365),
      softDays: r.int('SUPPRESS_SOFT_DAYS', 14, 1, 36_500),
      complaints: r.bool('SUPPRESS_COMPLAINTS', false),
      complaintDays: r.int('SUPPRESS_COMPLAINT_DAYS', 0, 0, 36_500),
      socketmapListen: parseListen('SOCKETMAP_LISTEN', r.string('SOCKETMAP_LISTEN', '127.0.0.1:2426').replace(/^off$/i, '')),
      policyListen: parseListen('POLICY_LISTEN', r.string('POLICY_LISTEN', '127.0.0.1:2427').replace(/^off$/i, '')),
      policyExemptSenders: splitList(r.string('POLICY_EXEMPT_SENDERS', '')).map((s) => s.toLowerCase()),
      maxConnections: r.int('SUPPRESS_MAX_CONNECTIONS', 100, 1, 10_000),
      idleTimeout: r.duration('SUPPRESS_IDLE_TIMEOUT', 60_000, 1000),
    },
  };
  // Unset is a logged development default (a random secret per start); set but short is a
  // mistake worth stopping for: a guessable key signs the dashboard's session cookies.
  if (config.web.sessionSecret && config.web.sessionSecret.length < MIN_SESSION_SECRET_LENGTH) {
    throw new ConfigError(
      'SESSION_SECRET',
      `is ${config.web.sessionSecret.length} characters; use at least ${MIN_SESSION_SECRET_LENGTH} random ones (e.g. openssl rand -hex 32)`,
    );
  }
  // A claim must outlast the request it covers, or another instance could send the same event.
  if (config.instance.claimTtlMs <= 2 * config.webhooks.timeoutMs) {
    throw new ConfigError('CLAIM_TTL', `must be more than twice WEBHOOK_TIMEOUT (${config.webhooks.timeoutMs} ms)`);
  }
  if (!isPlausibleAddress(config.notify.from)) {
    throw new ConfigError('NOTIFY_FROM', `"${config.notify.from}" is not an email address`);
  }
  config.notify.localDomains = parseLocalDomains(r.raw('LOCAL_DOMAINS'), config.notify.cc, config.notify.from, config.lmtp.accept);
  if (config.lmtp.listen.length === 0 && config.lmtp.enabled) {
    throw new ConfigError('LMTP_LISTEN', 'is empty; set LMTP_ENABLED=false to run without the listener');
  }
  if (Boolean(config.lmtp.tlsKey) !== Boolean(config.lmtp.tlsCert)) {
    throw new ConfigError('LMTP_TLS_CERT', 'LMTP_TLS_KEY and LMTP_TLS_CERT go together');
  }
  return config;

  function parseReasons(v: string): string[] {
    const list = splitList(v.toLowerCase());
    for (const item of list) {
      if (!/^[a-z]{2,32}$/.test(item)) throw new ConfigError('SUPPRESS_HARD_REASONS', `"${item}" is not a reason name (e.g. userunknown)`);
    }
    return list;
  }

  function parseNotifyOn(v: string): string[] {
    const allowed = ['hard', 'soft', 'delay', 'autoreply', 'complaint'];
    const list = splitList(v.toLowerCase());
    for (const item of list) {
      if (!allowed.includes(item)) throw new ConfigError('NOTIFY_ON', `"${item}" is not one of ${allowed.join(', ')}`);
    }
    return list;
  }
}

/** INSTANCE_ID as given (checked: it is stored and shown), or a fresh one. */
function instanceId(v: string | undefined): string {
  if (v === undefined) return newInstanceId();
  if (!/^[\w.:@-]{1,100}$/.test(v)) {
    throw new ConfigError('INSTANCE_ID', `"${v.slice(0, 100)}" is not 1 to 100 letters, digits and . _ : @ -`);
  }
  return v;
}

/** The configuration with every secret replaced by '***' (or '' when unset), for printing. */
export function maskedConfig(config: Config): unknown {
  const mask = (s: string) => (s ? '***' : '');
  const maskImap = (m: Config['imap']) => ({
    ...m,
    pass: mask(m.pass),
    oauth: m.oauth && {
      ...m.oauth,
      clientSecret: mask(m.oauth.clientSecret),
      refreshToken: mask(m.oauth.refreshToken),
      clientCertificate: m.oauth.clientCertificate && { certPem: '(certificate)', keyPem: '***' },
    },
  });
  return {
    ...config,
    databaseUrl: maskDatabaseUrl(config.databaseUrl),
    imap: maskImap(config.imap),
    imapMailboxes: config.imapMailboxes.map(maskImap),
    smtp: { ...config.smtp, pass: mask(config.smtp.pass) },
    web: { ...config.web, adminPass: mask(config.web.adminPass), sessionSecret: mask(config.web.sessionSecret) },
  };
}
