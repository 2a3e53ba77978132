// rebound's configuration: environment variables in, one typed and validated object out.
// This is the only module that reads process.env. Every variable has a laptop-friendly
// default; a bad value stops the start with an error naming the variable and the value.
// Secrets may come from NAME_FILE (Docker/Kubernetes secrets) instead of NAME.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DAY_MS } from './core/utc-day.ts';
import { CONFIG_ERROR_CODE, ReboundError } from './errors.ts';

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
  imap: {
    enabled: boolean;
    host: string;
    port: number;
    user: string;
    pass: string;
    tls: ImapTls;
    /** Verify the server certificate (off only for a self-signed test server). */
    tlsVerify: boolean;
    pollInterval: number;
    idle: boolean;
    batchSize: number;
    /** The folders in use now: the normal set, or the TEST set in test mode. */
    folders: ImapFolders;
    normalFolders: ImapFolders;
    testFolders: ImapFolders;
  };
  notify: {
    cc: string[];
    ccTest: string[];
    from: string;
    /** Which kinds of result are notified: hard, soft, delay, autoreply, complaint. */
    on: string[];
    retryCron: string;
    retryMax: number;
    summaryCron: string;
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
    sessionIdleMinutes: number;
    sessionMaxHours: number;
  };
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
  return v.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);
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
    out.push({ kind: 'tcp', host: m[1] ?? (m[2] || '127.0.0.1'), port, path: '' });
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
  const imap = {
    enabled: imapHost !== '',
    host: imapHost,
    port: r.int('IMAP_PORT', imapTls === 'implicit' ? 993 : 143, 1, 65535),
    user: r.string('IMAP_USER', ''),
    pass: r.secret('IMAP_PASS'),
    tls: imapTls,
    tlsVerify: r.bool('IMAP_TLS_VERIFY', true),
    pollInterval: r.duration('IMAP_POLL_INTERVAL', 300_000, 1000),
    idle: r.bool('IMAP_IDLE', true),
    batchSize: r.int('IMAP_BATCH_SIZE', 100, 1, 10_000),
    folders: testMode ? testFolders : normalFolders,
    normalFolders,
    testFolders,
  };
  if (imap.enabled && !imap.user) throw new ConfigError('IMAP_USER', 'is required when IMAP_SERVER is set');

  const webPort = r.int('WEBUI_PORT', 8888, 1, 65535);
  const lmtpListen = r.string('LMTP_LISTEN', '127.0.0.1:2424');
  const config: Config = {
    dataDir,
    dbPath: path.resolve(dataDir, r.string('DB_FILE', 'bounces.db')),
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
    notify: {
      cc: r.addresses('NOTIFY_CC'),
      ccTest: r.addresses('NOTIFY_CC_TEST'),
      from: r.string('NOTIFY_FROM', 'rebound@localhost'),
      on: parseNotifyOn(r.string('NOTIFY_ON', 'hard,soft')),
      retryCron: r.cron('RETRY_CRON', '*/30 * * * *'),
      retryMax: r.int('RETRY_MAX', 5, 0, 1000),
      summaryCron: r.cron('SUMMARY_CRON', '0 0 * * *'),
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
      sessionIdleMinutes: r.int('SESSION_IDLE_MINUTES', 60, 1, 7 * 24 * 60),
      sessionMaxHours: r.int('SESSION_MAX_HOURS', 12, 1, 24 * 30),
    },
  };
  // Unset is a logged development default (a random secret per start); set but short is a
  // mistake worth stopping for: a guessable key signs the dashboard's session cookies.
  if (config.web.sessionSecret && config.web.sessionSecret.length < MIN_SESSION_SECRET_LENGTH) {
    throw new ConfigError('SESSION_SECRET', `is ${config.web.sessionSecret.length} characters; use at least ${MIN_SESSION_SECRET_LENGTH} random ones (e.g. openssl rand -hex 32)`);
  }
  if (!isPlausibleAddress(config.notify.from)) {
    throw new ConfigError('NOTIFY_FROM', `"${config.notify.from}" is not an email address`);
  }
  if (config.lmtp.listen.length === 0 && config.lmtp.enabled) {
    throw new ConfigError('LMTP_LISTEN', 'is empty; set LMTP_ENABLED=false to run without the listener');
  }
  if (Boolean(config.lmtp.tlsKey) !== Boolean(config.lmtp.tlsCert)) {
    throw new ConfigError('LMTP_TLS_CERT', 'LMTP_TLS_KEY and LMTP_TLS_CERT go together');
  }
  return config;

  function parseNotifyOn(v: string): string[] {
    const allowed = ['hard', 'soft', 'delay', 'autoreply', 'complaint'];
    const list = splitList(v.toLowerCase());
    for (const item of list) {
      if (!allowed.includes(item)) throw new ConfigError('NOTIFY_ON', `"${item}" is not one of ${allowed.join(', ')}`);
    }
    return list;
  }
}

/** The configuration with every secret replaced by '***' (or '' when unset), for printing. */
export function maskedConfig(config: Config): unknown {
  const mask = (s: string) => (s ? '***' : '');
  return {
    ...config,
    imap: { ...config.imap, pass: mask(config.imap.pass) },
    smtp: { ...config.smtp, pass: mask(config.smtp.pass) },
    web: { ...config.web, adminPass: mask(config.web.adminPass), sessionSecret: mask(config.web.sessionSecret) },
  };
}
