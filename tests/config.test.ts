import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, maskedConfig, parseListen } from '../src/config.ts';

describe('configuration', () => {
  it('runs on a laptop with no variables at all', () => {
    const c = loadConfig({}, '/srv/rebound');
    expect(c.dbPath).toBe('/srv/rebound/data/bounces.db');
    expect(c.lmtp.listen).toEqual([{ kind: 'tcp', host: '127.0.0.1', port: 2424, path: '' }]);
    expect(c.web.port).toBe(8888);
    expect(c.imap.enabled).toBe(false);
    expect(c.imap.folders).toEqual({ inbox: 'INBOX', processed: 'PROCESSED', skipped: 'SKIPPED', problem: 'PROBLEM' });
    expect(c.notify.retryCron).toBe('*/30 * * * *');
    expect(c.notify.summaryCron).toBe('0 0 * * *');
    expect(c.imap.pollInterval).toBe(300_000);
  });

  it('switches the IMAP folders to the TEST set in test mode', () => {
    const c = loadConfig({ IMAP_SERVER: 'imap.example.org', IMAP_USER: 'b', IMAP_TEST_MODE: 'true' });
    expect(c.testMode).toBe(true);
    expect(c.imap.folders.inbox).toBe('TEST');
    expect(c.imap.folders.processed).toBe('TESTPROCESSED');
    expect(c.imap.port).toBe(993);
  });

  it('names the variable and the bad value in its error', () => {
    expect(() => loadConfig({ WEBUI_PORT: 'eighty' })).toThrow(/WEBUI_PORT: "eighty" is not a whole number/);
    expect(() => loadConfig({ IMAP_PORT: '70000' })).toThrow(/IMAP_PORT: "70000" is out of range/);
    expect(() => loadConfig({ NOTIFY_CC: 'ops@example.org, not-an-address' })).toThrow(/NOTIFY_CC: "not-an-address"/);
    expect(() => loadConfig({ IMAP_TEST_MODE: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ LMTP_LISTEN: 'localhost' })).toThrow(/LMTP_LISTEN: "localhost" is not host:port/);
    expect(() => loadConfig({ SUMMARY_CRON: 'at midnight' })).toThrow(/SUMMARY_CRON/);
    expect(() => loadConfig({ IMAP_SERVER: 'imap.example.org' })).toThrow(/IMAP_USER: is required/);
    expect(() => loadConfig({ NOTIFY_ON: 'hard,everything' })).toThrow(/NOTIFY_ON: "everything"/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: is 5 characters; use at least 32/);
  });

  it('reads secrets from NAME_FILE and never prints them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-config-'));
    writeFileSync(path.join(dir, 'pass'), 's3cret-value\n');
    const c = loadConfig({ ADMIN_PASS_FILE: path.join(dir, 'pass'), SMTP_PASS: 'relay-pass' });
    expect(c.web.adminPass).toBe('s3cret-value');
    const printed = JSON.stringify(maskedConfig(c));
    expect(printed).not.toContain('s3cret-value');
    expect(printed).not.toContain('relay-pass');
    expect(() => loadConfig({ ADMIN_PASS_FILE: path.join(dir, 'missing') })).toThrow(/ADMIN_PASS_FILE: cannot read/);
    expect(() => loadConfig({ ADMIN_PASS: 'a', ADMIN_PASS_FILE: path.join(dir, 'pass') })).toThrow(/either ADMIN_PASS or ADMIN_PASS_FILE/);
  });

  it('understands IPv6, several addresses and unix sockets for the listener', () => {
    expect(parseListen('X', '[::1]:2424, unix:/run/rebound/lmtp.sock')).toEqual([
      { kind: 'tcp', host: '::1', port: 2424, path: '' },
      { kind: 'unix', host: '', port: 0, path: '/run/rebound/lmtp.sock' },
    ]);
    expect(parseListen('X', '0.0.0.0:24')[0]).toMatchObject({ host: '0.0.0.0', port: 24 });
    expect(() => parseListen('X', 'unix:relative.sock')).toThrow(/must be absolute/);
  });

  it('listens on loopback for a bare port ("2424", ":2424"), never on every interface', () => {
    for (const v of ['2424', ':2424'])
      expect(parseListen('LMTP_LISTEN', v)).toEqual([{ kind: 'tcp', host: '127.0.0.1', port: 2424, path: '' }]);
    expect(loadConfig({ LMTP_LISTEN: '2424' }).lmtp.listen[0]!.host).toBe('127.0.0.1');
  });

  it('reads TRUST_PROXY as addresses and CIDR ranges, and refuses anything else naming the variable', () => {
    expect(loadConfig({}).web.trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8 ::1 loopback' }).web.trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      '127.0.0.0/8',
      '::1',
    ]);
    for (const bad of ['proxy.example.com', '10.0.0.0/33', '::1/129', '*'])
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/^TRUST_PROXY: /);
  });

  it('takes LOCAL_DOMAINS from NOTIFY_CC, NOTIFY_FROM and LMTP_ACCEPT by default, and safe caps on notices', () => {
    const c = loadConfig(
      { NOTIFY_CC: 'ops@Example.org, lead@example.org', NOTIFY_FROM: 'bounces@mail.example.com', LMTP_ACCEPT: '@bounces.example.net' },
      '/tmp',
    );
    expect(c.notify.localDomains).toEqual(['example.org', 'mail.example.com', 'bounces.example.net']);
    expect(c.notify.limits).toEqual({ perMessage: 10, ccPerNotice: 20, perAddressHour: 30, perHour: 300 });
    expect(loadConfig({}, '/tmp').notify.localDomains).toEqual(['localhost']);
    expect(loadConfig({ LOCAL_DOMAINS: 'Example.org, @example.com', NOTIFY_CC: 'ops@other.test' }, '/tmp').notify.localDomains).toEqual([
      'example.org',
      'example.com',
    ]);
  });

  it('stops on a LOCAL_DOMAINS entry that is not a domain, or a cap out of range, naming the variable', () => {
    expect(() => loadConfig({ LOCAL_DOMAINS: 'example.org, evil.test/x' }, '/tmp')).toThrow(
      /^LOCAL_DOMAINS: "evil.test\/x" is not a domain name/,
    );
    expect(() => loadConfig({ NOTIFY_MAX_PER_MESSAGE: '10000' }, '/tmp')).toThrow(/^NOTIFY_MAX_PER_MESSAGE: "10000" is out of range/);
    expect(() => loadConfig({ NOTIFY_MAX_CC: 'many' }, '/tmp')).toThrow(/^NOTIFY_MAX_CC: "many" is not a whole number/);
  });

  it('uses SQLite unless DATABASE_URL names a PostgreSQL server, stops on any other URL, and never prints its password', () => {
    expect(loadConfig({}).databaseUrl).toBe('');
    expect(loadConfig({}).databasePoolSize).toBe(5);
    expect(loadConfig({ DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/^DATABASE_POOL_SIZE: "0" is out of range/);
    const c = loadConfig({ DATABASE_URL: 'postgres://rebound:pw-s3cret@db.example.org:5432/rebound' });
    expect(c.databaseUrl).toBe('postgres://rebound:pw-s3cret@db.example.org:5432/rebound');
    expect(loadConfig({ DATABASE_URL: 'postgresql://rebound@10.0.0.5/rebound' }).databaseUrl).toBe('postgresql://rebound@10.0.0.5/rebound');
    const printed = JSON.stringify(maskedConfig(c));
    expect(printed).not.toContain('pw-s3cret');
    expect(printed).toContain('postgres://rebound:***@db.example.org:5432/rebound');
    // pg also reads the password from the query string.
    const inQuery = loadConfig({ DATABASE_URL: 'postgres://rebound@db.example.org/rebound?password=pw-s3cret&sslmode=require' });
    expect(JSON.stringify(maskedConfig(inQuery))).not.toContain('pw-s3cret');
    expect(JSON.stringify(maskedConfig(inQuery))).toContain('sslmode=require');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://rebound:pw@db/rebound' })).toThrow(/^DATABASE_URL: "mysql:" URLs are not supported/);
    expect(() => loadConfig({ DATABASE_URL: 'sqlite:/srv/rebound/bounces.db' })).toThrow(/^DATABASE_URL: /);
    // The error never repeats the value: it may hold a password.
    expect(() => loadConfig({ DATABASE_URL: 'pw-s3cret nonsense' })).toThrow(/^DATABASE_URL: is not a URL/);
    expect(() => loadConfig({ DATABASE_URL: 'pw-s3cret nonsense' })).not.toThrow(/pw-s3cret/);
  });

  it('gives each process its own instance id, takes INSTANCE_ID as given, and refuses a bad one or a claim shorter than a request', () => {
    const a = loadConfig({}).instance;
    const b = loadConfig({}).instance;
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(new RegExp(`^[\\w.-]+:${process.pid}:[0-9a-f]{8}$`));
    expect(a).toMatchObject({ leaseTtlMs: 60_000, claimTtlMs: 600_000 });
    expect(loadConfig({ INSTANCE_ID: 'relay-2' }).instance.id).toBe('relay-2');
    expect(() => loadConfig({ INSTANCE_ID: 'two words' })).toThrow(/INSTANCE_ID: "two words"/);
    expect(() => loadConfig({ LEASE_TTL: '1s' })).toThrow(/LEASE_TTL: "1s" is shorter/);
    expect(() => loadConfig({ CLAIM_TTL: '3m', WEBHOOK_TIMEOUT: '2m' })).toThrow(/CLAIM_TTL: must be more than twice WEBHOOK_TIMEOUT/);
  });

  it('parses durations and sizes with units', () => {
    const c = loadConfig({ IMAP_POLL_INTERVAL: '30s', LMTP_MAX_SIZE: '25M', LMTP_IDLE_TIMEOUT: '2m' });
    expect(c.imap.pollInterval).toBe(30_000);
    expect(c.lmtp.maxSize).toBe(25 * 1024 * 1024);
    expect(c.lmtp.idleTimeout).toBe(120_000);
    expect(() => loadConfig({ LMTP_MAX_SIZE: 'big' })).toThrow(/LMTP_MAX_SIZE: "big" is not a size/);
  });
});

describe('config/.env.example', () => {
  const root = path.resolve(import.meta.dirname, '..');
  const example = readFileSync(path.join(root, 'config/.env.example'), 'utf8');
  const source = readFileSync(path.join(root, 'src/config.ts'), 'utf8');
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const variables = [...source.matchAll(/r\.\w+\('([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]!);

  it('documents every variable the configuration reads, and the README lists each too', () => {
    expect(variables.length).toBeGreaterThan(40);
    // A variable whose default follows another (PUBLIC_URL) is listed commented out.
    const inExample = new Set([...example.matchAll(/^(?:# )?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(variables.filter((v) => !inExample.has(v))).toEqual([]);
    // The README's table may group a family (IMAP_FOLDER_INBOX, `_PROCESSED` ...) on one row.
    const missing = variables.filter((v) => !readme.includes(v) && !readme.includes(`\`_${v.split('_').slice(2).join('_')}\``));
    expect(missing).toEqual([]);
  });

  it('loads as it is, sourced by a shell (the README says `set -a; . ./.env`)', () => {
    const env: Record<string, string> = {};
    for (const m of example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)) env[m[1]!] = m[2]!.replace(/^"(.*)"$/, '$1');
    const c = loadConfig(env, '/srv/rebound');
    expect(c.notify.retryCron).toBe('*/30 * * * *');
    expect(c.web.port).toBe(8888);
    // A copy with another dashboard port links notices to that port, not to 8888.
    const moved = loadConfig({ ...env, WEBUI_PORT: '9090' }, '/srv/rebound');
    expect(moved.publicUrl).toBe('http://127.0.0.1:9090');
  });
});
