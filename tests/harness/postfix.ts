// A private, loopback-only Postfix instance for end-to-end tests: its own config, queue,
// data directory and log file under a fresh directory in os.tmpdir(), started with
// `postfix -c` (Debian's postfix package, run as root; tests/setup/install-test-servers.sh
// installs it). It makes real DSNs: hard (error: transport), remote 5xx/4xx (a fake MX on
// loopback), connection refused (a dead port), delay warnings, expiries.
//
// Usage (every port and name is a parameter, so several instances run at once: pick a whole
// port set from your own thousand, e.g. portSet(3) from tests/harness/ports.ts):
//
//   const pf = await startPostfix({ name: 'lmtp-e2e', ports: portSet(2),
//     mainCf: { delay_warning_time: '3s' } });
//   await pf.send('bounces+tag@example.test', ['nobody@undeliverable.test'], raw);
//   ... Postfix writes a DSN and delivers it over LMTP to 127.0.0.1:<ports.lmtp> ...
//   await pf.flush(); const q = await pf.queue(); await pf.stop();   // stop() in afterAll
//
// Routing of the instance (domains are fixed, ports come from `ports`):
//   bounces@example.test, bounces+x=y@example.test   rebound over LMTP (config/postfix/transport form A)
//   *@bounces.example.test                           rebound over LMTP (form B, a bounce subdomain)
//   *@undeliverable.test                             error:5.1.1 (Postfix bounces it itself)
//   *@mx-reject.test                                 smtp:[127.0.0.1]:<ports.mx>   (tests/harness/fake-mx.ts)
//   *@deferred.test                                  smtp:[127.0.0.1]:<ports.dead> (nothing listens: soft failure)
//   *@notify.test                                    smtp:[127.0.0.1]:<ports.sink> (a notification sink)
//   *@local.test                                     local(8): unknown users bounce after acceptance
//   virtualMailboxes                                 virtual(8) maildir delivery (e.g. a Dovecot maildir)
//   anything else                                    error:5.4.4: nothing ever leaves loopback
//
// The transport entries and main.cf lines for the bounce address are read from
// config/postfix/transport and config/postfix/main.cf (the snippets an admin pastes), with
// example.com replaced by example.test and 127.0.0.1:2424 by the test's LMTP port: the tests
// prove the documented configuration. Timings are made fast (2 s backoff, 60 s lifetimes)
// after that, and `mainCf` overrides come last.

import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { waitForPort, waitForPortClosed, sleep, type PostfixPorts } from './ports.ts';
import { sendMail, type SendResult } from './smtp-client.ts';

const run = promisify(execFile);

/** Domain that replaces example.com of the snippets in the test instance. */
export const TEST_DOMAIN = 'example.test';
/** The bounce address of transport form A in the test instance. */
export const BOUNCE_ADDRESS = `bounces@${TEST_DOMAIN}`;
/** The bounce subdomain of transport form B in the test instance. */
export const BOUNCE_SUBDOMAIN = `bounces.${TEST_DOMAIN}`;
/** Postfix's own name; an LMTP/SMTP peer must greet with another name. */
export const POSTFIX_HOSTNAME = 'mta.postfix.test';

const SNIPPET_DIR = fileURLToPath(new URL('../../config/postfix/', import.meta.url));
/** Every command run against the instance is bounded by this. */
const COMMAND_TIMEOUT_MS = 20_000;

export interface PostfixOptions {
  /** Short name used in the base directory's name and the logs. */
  name: string;
  ports: PostfixPorts;
  /** Host of rebound's LMTP listener in the transport entries: '127.0.0.1' (default) or '::1'. */
  lmtpHost?: '127.0.0.1' | '::1';
  /**
   * Several rebound LMTP listeners (on lmtpHost) for the bounce address: the transport's next
   * hop becomes the list `inet:HOST:P1, HOST:P2`, tried in order (transport(5), Postfix >= 3.5).
   * `inet:` only once, in front of the list: lmtp(8) strips it from the whole next hop before
   * splitting the list, and a second `inet:HOST:P2` is a fatal "valid hostname or network
   * address required". Default: [ports.lmtp] alone.
   */
  lmtpPorts?: number[];
  /** Also listen on [::1] (smtpd) and allow IPv6 delivery. */
  ipv6?: boolean;
  /**
   * Extra transport(5) entries, `{ 'pattern': 'transport:nexthop' }`, written first. Not a pattern
   * the snippet has: texthash refuses a table with a duplicate entry (use lmtpPorts for those).
   */
  transport?: Record<string, string>;
  /** main.cf overrides, applied last (delay_warning_time, maximal_queue_lifetime, ...). */
  mainCf?: Record<string, string>;
  /**
   * virtual(8) maildir delivery: address -> absolute maildir directory (trailing '/' added).
   * The parent directory must be writable by uid/gid 65534 (nobody), which delivers.
   * Default: ops@vmail.test and admin@vmail.test under <baseDir>/vmail/.
   */
  virtualMailboxes?: Record<string, string>;
  /** More master.cf service lines (a pipe(8) transport, say), added after the built-in ones. */
  masterServices?: string[];
  /** Parent of the instance's fresh base directory; default os.tmpdir(). Must be absolute. */
  parentDir?: string;
  /** Keep the base directory after stop() (for debugging); also with REBOUND_KEEP_TEST_DIRS=1. */
  keepDir?: boolean;
}

export interface QueueEntry {
  queue_name: string;
  queue_id: string;
  arrival_time: number;
  message_size: number;
  /** The null sender shows as "MAILER-DAEMON". */
  sender: string;
  recipients: { address: string; delay_reason?: string }[];
}

export interface PostfixInstance {
  baseDir: string;
  configDir: string;
  ports: PostfixPorts;
  /** The main.cf in effect, as written. */
  mainCf: Record<string, string>;
  /** The transport table in effect, as written. */
  transport: string;
  /** Injects a message through Postfix's smtpd (127.0.0.1:<ports.smtpd>); from '' is the null sender. */
  send(from: string, to: string[], raw: Buffer | string): Promise<SendResult>;
  /** `postqueue -f`: deliver the deferred queue now, ignoring backoff. */
  flush(): Promise<void>;
  /** `postqueue -j`, parsed. */
  queue(): Promise<QueueEntry[]>;
  /** `postsuper -d ALL`: empty every queue. */
  purge(): Promise<void>;
  /** Rewrites main.cf with these overrides on top of the current settings and reloads. */
  reload(overrides?: Record<string, string>): Promise<void>;
  /** The instance's log so far. */
  maillog(): string;
  stop(): Promise<void>;
}

async function postfixCmd(cmd: string, args: string[]): Promise<string> {
  const { stdout } = await run(cmd, args, { timeout: COMMAND_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The active `key = value` lines of config/postfix/main.cf (continuation lines joined). */
export function readMainCfSnippet(file = path.join(SNIPPET_DIR, 'main.cf')): Record<string, string> {
  const out: Record<string, string> = {};
  let last = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (/^\s/.test(line) && last) {
      out[last] += ` ${line.trim()}`;
      continue;
    }
    const m = /^([a-z0-9_]+)\s*=\s*(.*)$/.exec(line);
    if (!m) throw new Error(`${file}: cannot read the line "${line}"`);
    last = m[1]!;
    out[last] = m[2]!.trim();
  }
  return out;
}

/** The active entries of config/postfix/transport as [pattern, transport:nexthop] pairs. */
export function readTransportSnippet(file = path.join(SNIPPET_DIR, 'transport')): [string, string][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !/^\s*(#|$)/.test(l))
    .map((l) => {
      const [k, v] = l.trim().split(/\s+/, 2);
      if (!k || !v) throw new Error(`${file}: cannot read the line "${l}"`);
      return [k, v];
    });
}

/** Replaces the snippets' example domain and LMTP address with the test instance's. */
function localise(value: string, lmtpHost: string, lmtpPort: number): string {
  const host = lmtpHost.includes(':') ? `[${lmtpHost}]` : lmtpHost;
  return value.replace(/example\.com/g, TEST_DOMAIN).replace(/(?:127\.0\.0\.1|\[::1\]):2424/g, `${host}:${lmtpPort}`);
}

export async function startPostfix(opts: PostfixOptions): Promise<PostfixInstance> {
  if (!/^[a-z0-9-]{1,40}$/i.test(opts.name)) throw new Error(`startPostfix: name "${opts.name}" must be [a-z0-9-]{1,40}`);
  const parent = opts.parentDir ?? os.tmpdir();
  if (!path.isAbsolute(parent)) throw new Error('startPostfix: parentDir must be absolute (postfix -c fails silently on a relative path)');
  const { ports } = opts;
  const baseDir = mkdtempSync(path.join(parent, `rebound-pf-${opts.name}-`));
  // Postfix daemons (user postfix) and virtual(8) (uid 65534) must traverse the directory.
  chmodSync(baseDir, 0o755);
  const configDir = path.join(baseDir, 'etc');
  for (const d of ['etc', 'spool', 'data', 'log', 'vmail']) mkdirSync(path.join(baseDir, d), { recursive: true });
  chownSync(path.join(baseDir, 'data'), uidOf('postfix'), gidOf('postfix')); // data_directory belongs to mail_owner
  chownSync(path.join(baseDir, 'vmail'), 65534, 65534);

  const lmtpHost = opts.lmtpHost ?? '127.0.0.1';
  const vmail = opts.virtualMailboxes ?? {
    'ops@vmail.test': path.join(baseDir, 'vmail/ops'),
    'admin@vmail.test': path.join(baseDir, 'vmail/admin'),
  };
  const vdomains = [...new Set(Object.keys(vmail).map((a) => a.split('@')[1]!.toLowerCase()))];

  // 1. The test infrastructure: private directories, loopback only, no DNS, safe defaults.
  const base: Record<string, string> = {
    compatibility_level: '3.6',
    queue_directory: path.join(baseDir, 'spool'),
    data_directory: path.join(baseDir, 'data'),
    mail_owner: 'postfix',
    setgid_group: 'postdrop',
    myhostname: POSTFIX_HOSTNAME,
    mydomain: 'postfix.test',
    myorigin: '$myhostname',
    mydestination: 'local.test',
    local_recipient_maps: '',
    alias_maps: '',
    alias_database: '',
    inet_interfaces: opts.ipv6 ? '127.0.0.1, [::1]' : '127.0.0.1',
    inet_protocols: opts.ipv6 || lmtpHost === '::1' ? 'all' : 'ipv4',
    mynetworks: '127.0.0.0/8 [::1]/128',
    // SAFETY: whatever transport_maps does not route is bounced here, never sent off loopback.
    default_transport: 'error:5.4.4 test instance: no delivery outside loopback',
    relay_transport: 'error:5.4.4 test instance: no delivery outside loopback',
    smtp_bind_address: '127.0.0.1',
    smtp_bind_address6: '::1',
    lmtp_bind_address: '127.0.0.1',
    lmtp_bind_address6: '::1',
    smtpd_peername_lookup: 'no',
    // Without this smtpd rejects error:-routed recipients at RCPT and no DSN is made.
    smtpd_reject_unlisted_recipient: 'no',
    smtp_dns_support_level: 'disabled',
    smtp_host_lookup: 'native',
    lmtp_host_lookup: 'native',
    smtp_connect_timeout: '5s',
    lmtp_connect_timeout: '5s',
    smtpd_banner: '$myhostname ESMTP test',
    biff: 'no',
    virtual_mailbox_domains: vdomains.join(', '),
    virtual_mailbox_base: '/',
    virtual_mailbox_maps: `texthash:${configDir}/vmailbox`,
    virtual_uid_maps: 'static:65534',
    virtual_gid_maps: 'static:65534',
    maillog_file: path.join(baseDir, 'log/maillog'),
    maillog_file_prefixes: baseDir,
  };
  // 2. The documented snippet (config/postfix/main.cf), localised.
  const snippet = readMainCfSnippet();
  for (const [k, v] of Object.entries(snippet)) base[k] = localise(v, lmtpHost, ports.lmtp);
  base.transport_maps = `texthash:${configDir}/transport`; // texthash: no postmap step
  // Transport form A's domain has no local users in the test: accept it like the subdomain.
  base.relay_domains = [base.relay_domains, TEST_DOMAIN].filter(Boolean).join(', ');
  // 3. Fast test timings, then the caller's overrides.
  Object.assign(base, {
    queue_run_delay: '2s',
    minimal_backoff_time: '2s',
    maximal_backoff_time: '2s',
    delay_warning_time: '0',
    maximal_queue_lifetime: '60s',
    bounce_queue_lifetime: '60s',
  });
  const mainCf: Record<string, string> = { ...base, ...opts.mainCf };

  // One LMTP next hop (the snippet's) or the list of them, in the order given.
  const hostPart = lmtpHost.includes(':') ? `[${lmtpHost}]` : lmtpHost;
  const nextHops = (v: string) =>
    opts.lmtpPorts ? v.replace(`inet:${hostPart}:${ports.lmtp}`, `inet:${opts.lmtpPorts.map((p) => `${hostPart}:${p}`).join(', ')}`) : v;
  const transportLines = [
    '# extra entries of the test (first match wins)',
    ...Object.entries(opts.transport ?? {}).map(([k, v]) => `${k} ${v}`),
    '# from config/postfix/transport, localised',
    ...readTransportSnippet().map(([k, v]) => `${localise(k, lmtpHost, ports.lmtp)} ${nextHops(localise(v, lmtpHost, ports.lmtp))}`),
    '# test routes',
    'undeliverable.test error:5.1.1 mailbox does not exist (test)',
    `mx-reject.test smtp:[127.0.0.1]:${ports.mx}`,
    `deferred.test smtp:[127.0.0.1]:${ports.dead}`,
    `notify.test smtp:[127.0.0.1]:${ports.sink}`,
  ];
  const transport = `${transportLines.join('\n')}\n`;
  writeFileSync(path.join(configDir, 'transport'), transport);
  writeFileSync(
    path.join(configDir, 'vmailbox'),
    Object.entries(vmail)
      .map(([a, dir]) => `${a} ${path.resolve(dir).slice(1).replace(/\/?$/, '/')}`)
      .join('\n') + '\n',
  );
  writeMainCf(configDir, mainCf);
  writeFileSync(
    path.join(configDir, 'master.cf'),
    masterCf(ports.smtpd, Boolean(opts.ipv6)) + (opts.masterServices ?? []).map((l) => `${l}\n`).join(''),
  );

  const pidFile = path.join(baseDir, 'spool/pid/master.pid');
  const maillogPath = path.join(baseDir, 'log/maillog');
  const instance: PostfixInstance = {
    baseDir,
    configDir,
    ports,
    mainCf,
    transport,
    send: (from, to, raw) => sendMail({ host: '127.0.0.1', port: ports.smtpd, protocol: 'smtp', helo: 'client.test', from, to, raw }),
    async flush() {
      await postfixCmd('postqueue', ['-c', configDir, '-f']);
    },
    async queue() {
      const out = await postfixCmd('postqueue', ['-c', configDir, '-j']);
      return out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as QueueEntry);
    },
    async purge() {
      await postfixCmd('postsuper', ['-c', configDir, '-d', 'ALL']);
    },
    async reload(overrides = {}) {
      Object.assign(mainCf, overrides);
      writeMainCf(configDir, mainCf);
      await postfixCmd('postfix', ['-c', configDir, 'reload']);
    },
    maillog: () => (existsSync(maillogPath) ? readFileSync(maillogPath, 'utf8') : ''),
    async stop() {
      try {
        await postfixCmd('postfix', ['-c', configDir, 'stop']);
      } catch {
        // not running (start failed half-way): nothing to stop
      }
      // `postfix stop` returns before the master has exited: wait (bounded) for it.
      for (let i = 0; i < 100 && masterAlive(pidFile); i++) await sleep(50);
      if (masterAlive(pidFile)) throw new Error(`postfix (${baseDir}) did not stop within 5 s`);
      if (!opts.keepDir && process.env.REBOUND_KEEP_TEST_DIRS !== '1') rmSync(baseDir, { recursive: true, force: true });
    },
  };

  try {
    await postfixCmd('postfix', ['-c', configDir, 'start']);
    // `postfix start` returns before smtpd listens.
    await waitForPort('127.0.0.1', ports.smtpd, 200, 50);
  } catch (err) {
    const log = instance.maillog().split('\n').slice(-20).join('\n');
    await instance.stop().catch(() => {});
    throw new Error(`postfix "${opts.name}" did not start: ${(err as Error).message}\n${log}`, { cause: err });
  }
  return instance;
}

/** Stops an instance if it was started; for afterAll, where start may have failed. */
export async function stopPostfix(pf: PostfixInstance | undefined): Promise<void> {
  if (!pf) return;
  await pf.stop();
  await waitForPortClosed('127.0.0.1', pf.ports.smtpd, 100, 50);
}

function writeMainCf(configDir: string, cf: Record<string, string>): void {
  writeFileSync(
    path.join(configDir, 'main.cf'),
    Object.entries(cf)
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n') + '\n',
  );
}

function masterCf(smtpdPort: number, ipv6: boolean): string {
  // chroot = n everywhere: a chroot would need resolv.conf and friends copied into the queue.
  return [
    '# service type  private unpriv  chroot  wakeup  maxproc command + args',
    `127.0.0.1:${smtpdPort} inet n - n - - smtpd`,
    ...(ipv6 ? [`[::1]:${smtpdPort} inet n - n - - smtpd`] : []),
    'pickup    unix  n - n 60 1 pickup',
    'cleanup   unix  n - n - 0 cleanup',
    'qmgr      unix  n - n 300 1 qmgr',
    'rewrite   unix  - - n - - trivial-rewrite',
    'bounce    unix  - - n - 0 bounce',
    'defer     unix  - - n - 0 bounce',
    'trace     unix  - - n - 0 bounce',
    'verify    unix  - - n - 1 verify',
    'flush     unix  n - n 1000? 0 flush',
    'proxymap  unix  - - n - - proxymap',
    'proxywrite unix - - n - 1 proxymap',
    'smtp      unix  - - n - - smtp',
    'relay     unix  - - n - - smtp',
    'showq     unix  n - n - - showq',
    'error     unix  - - n - - error',
    'retry     unix  - - n - - error',
    'discard   unix  - - n - - discard',
    'local     unix  - n n - - local',
    'virtual   unix  - n n - - virtual',
    'lmtp      unix  - - n - - lmtp',
    'anvil     unix  - - n - 1 anvil',
    'scache    unix  - - n - 1 scache',
    'postlog   unix-dgram n - n - 1 postlogd',
    '',
  ].join('\n');
}

function masterAlive(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function uidOf(user: string): number {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`no user "${user}": is the postfix package installed? (tests/setup/install-test-servers.sh)`);
  return Number(line.split(':')[2]);
}

function gidOf(group: string): number {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${group}:`));
  if (!line) throw new Error(`no group "${group}": is the postfix package installed?`);
  return Number(line.split(':')[2]);
}
