// A private Dovecot IMAP server on loopback for the IMAP poller's tests: Debian's
// dovecot-imapd with its own config file, base_dir, state_dir, log and maildirs in a fresh
// temp dir (/etc/dovecot is never read). Facts behind each setting are in
// ../shared/test-servers/README.md section 3.
//
//   const dc = await startDovecot({ port: 1143 });        // user bounces@bounces.test / secret
//   await dc.append('INBOX', raw);                         // APPEND through imapflow
//   await dc.uids('PROCESSED');                            // what is in a folder now
//   await dc.kill(); await dc.start();                     // a crash (SIGKILL) and a restart
//   await dc.stop();                                       // in afterAll, also on failure
//
// With `tls`, the instance gets a self-signed certificate for 127.0.0.1 made with the openssl
// command in its base dir (`ssl = required`), offers STARTTLS on `port` and implicit TLS on
// `tls.imapsPort` when given. The harness's own clients then use STARTTLS and trust exactly
// that certificate (`dc.tls.certPem`). Dovecot 2.3 counts a connection whose remote and local
// IP are equal as "secured", so on loopback it still accepts a plaintext login even with
// `ssl = required` (tested): a test proves TLS was used with `tlsLogins()`, read from the
// server's log, not from a refusal.
//
//   const dc = await startDovecot({ port: 1243, tls: { imapsPort: 1993 } });
//   dc.tlsLogins();                                        // logins the server saw over TLS
//
// Postfix's virtual(8) can deliver straight into a user's maildir: `maildirFor(user)` is the
// path, owned by uid/gid 65534 like the mail processes (README "imap-fallback-e2e").
//
// Requires root (Dovecot refuses to start otherwise) and Debian's dovecot-imapd 2.3.

import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { canConnect, sleep, waitForPort, waitForPortClosed } from './ports.ts';

const run = promisify(execFile);

/** uid/gid of nobody/nogroup: Dovecot refuses uid 0 for mail processes (README pitfall 3). */
export const MAIL_UID = 65534;
export const MAIL_GID = 65534;

export interface DovecotOptions {
  port: number;
  user?: string;
  pass?: string;
  /** Directory to hold the instance (created if missing); default a fresh temp dir. */
  baseDir?: string;
  /** More users (user -> password) beside the main one. */
  extraUsers?: Record<string, string>;
  /** TLS on (default off: `ssl = no`, plaintext only). */
  tls?: DovecotTlsOptions;
  /** OAuth2 sign-in beside the passwords: Dovecot's oauth2 passdb asks `introspectionUrl` (RFC 7662). */
  oauth2?: DovecotOAuth2Options;
}

export interface DovecotOAuth2Options {
  introspectionUrl: string;
  /** The SASL mechanisms offered; imapflow picks OAUTHBEARER when offered, else XOAUTH2. */
  mechanisms: ('xoauth2' | 'oauthbearer')[];
}

export interface DovecotTlsOptions {
  /** A second loopback listener with implicit TLS (imaps, RFC 8314 section 3.3); none when absent. */
  imapsPort?: number;
}

/** The instance's certificate: self-signed, subject and SAN 127.0.0.1, valid for two days. */
export interface DovecotCert {
  certFile: string;
  keyFile: string;
  certPem: string;
}

export interface Dovecot {
  host: '127.0.0.1';
  port: number;
  /** The implicit-TLS listener's port (only with `tls.imapsPort`). */
  imapsPort?: number;
  /** The certificate (only with `tls`). */
  tls?: DovecotCert;
  user: string;
  pass: string;
  baseDir: string;
  /** The user's maildir (Dovecot `maildir:~/Maildir`), e.g. for Postfix virtual(8) delivery. */
  maildirFor(user?: string): string;
  start(): Promise<void>;
  /** Clean stop (`dovecot stop`, waits until the port is closed). */
  stop(): Promise<void>;
  /** SIGKILL the master and all its children: a crash, connections cut without a goodbye. */
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** APPENDs a message; returns its UID and the folder's UIDVALIDITY. */
  append(folder: string, raw: Buffer | string): Promise<{ uid: number; uidValidity: number }>;
  /** UIDs in a folder ([] when the folder does not exist). */
  uids(folder: string): Promise<number[]>;
  /** Raw bytes of every message in a folder, in UID order ([] when it does not exist). */
  messages(folder: string): Promise<Buffer[]>;
  /** Every folder's path. */
  folders(): Promise<string[]>;
  createFolder(folder: string): Promise<void>;
  deleteFolder(folder: string): Promise<void>;
  /** An authenticated imapflow client for the test's own checks (close it yourself). */
  client(user?: string, pass?: string): Promise<ImapFlow>;
  /** Login attempts the server refused so far (from its log: "auth failed"). */
  failedLogins(): number;
  /** Logins the server accepted so far (from its log). */
  successfulLogins(): number;
  /** Logins the server accepted over TLS (implicit or STARTTLS) so far, from its log. */
  tlsLogins(): number;
  /** Bearer-token sign-ins the server refused (XOAUTH2 or OAUTHBEARER), from its log. */
  refusedOAuthLogins(): number;
  /** Logins the server accepted with this SASL mechanism (e.g. 'XOAUTH2'), from its log. */
  loginsWith(mechanism: string): number;
  /** Ends every session of `user` (`doveadm kick`), as a server does when a token expires. */
  kick(user?: string): Promise<void>;
  log(): string;
}

/** A test file's afterAll: stops its Dovecot, if it started, and removes the instance's folder. */
export async function stopAndRemoveDovecot(dc: Dovecot | undefined): Promise<void> {
  if (!dc) return;
  await dc.stop();
  rmSync(dc.baseDir, { recursive: true, force: true });
}

export async function startDovecot(opts: DovecotOptions): Promise<Dovecot> {
  const port = opts.port;
  const user = opts.user ?? 'bounces@bounces.test';
  const pass = opts.pass ?? 'secret';
  const baseDir = opts.baseDir ?? mkdtempSync(path.join(tmpdir(), 'rebound-dovecot-'));
  for (const d of ['run', 'state', 'log', 'mail']) mkdirSync(path.join(baseDir, d), { recursive: true });
  // The mail processes run as 65534 and must reach their home below baseDir.
  chmodSync(baseDir, 0o755);
  chownSync(path.join(baseDir, 'mail'), MAIL_UID, MAIL_GID);
  const users = { [user]: pass, ...opts.extraUsers };
  const usersFile = path.join(baseDir, 'users');
  writeFileSync(
    usersFile,
    Object.entries(users)
      .map(([u, p]) => `${u}:{PLAIN}${p}\n`)
      .join(''),
    { mode: 0o640 },
  );
  const dovecotGid = await groupId('dovecot');
  if (dovecotGid !== undefined) chownSync(usersFile, 0, dovecotGid);
  const conf = path.join(baseDir, 'dovecot.conf');
  const logFile = path.join(baseDir, 'log', 'dovecot.log');
  const tls = opts.tls ? await makeCert(path.join(baseDir, 'tls')) : undefined;
  const imapsPort = opts.tls?.imapsPort;
  const ports = imapsPort === undefined ? [port] : [port, imapsPort];
  let oauth2File: string | undefined;
  if (opts.oauth2) {
    oauth2File = path.join(baseDir, 'dovecot-oauth2.conf.ext');
    writeFileSync(oauth2File, oauth2Conf(opts.oauth2));
  }
  writeFileSync(
    conf,
    dovecotConf({
      baseDir,
      port,
      usersFile,
      logFile,
      tls,
      imapsPort,
      oauth2: opts.oauth2 && oauth2File ? { ...opts.oauth2, file: oauth2File } : undefined,
    }),
  );
  await run('doveconf', ['-c', conf, '-n']); // validates the config: fails here, not at start

  const pidFile = path.join(baseDir, 'run', 'master.pid');

  const dc: Dovecot = {
    host: '127.0.0.1',
    port,
    imapsPort,
    tls,
    user,
    pass,
    baseDir,
    maildirFor: (u = user) => path.join(baseDir, 'mail', u, 'Maildir'),
    async start() {
      for (const p of ports) {
        if (await canConnect('127.0.0.1', p, 200)) throw new Error(`port ${p} is already in use (another Dovecot?)`);
      }
      // The daemon keeps the inherited stdio open, so wait for the exit code, not for EOF.
      await runDetached('dovecot', ['-c', conf]); // daemonizes; ready in ~70 ms
      for (const p of ports) await waitForPort('127.0.0.1', p, 100, 50);
    },
    async stop() {
      if (!existsSync(pidFile)) return;
      await runDetached('dovecot', ['-c', conf, 'stop']).catch(() => undefined);
      for (const p of ports) await waitForPortClosed('127.0.0.1', p, 100, 50);
      // `dovecot stop` returns before every child has gone; wait (bounded) for the master.
      const pid = readPid(pidFile);
      for (let i = 0; pid !== undefined && i < 100 && alive(pid); i++) await sleep(50);
    },
    async kill() {
      const pid = readPid(pidFile);
      if (pid === undefined) return;
      // The children (imap-login holds the listening socket, imap holds the connection)
      // would outlive the master: kill the whole tree, as a crash of the machine would.
      const tree = [pid, ...descendants(pid)];
      for (const p of tree) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      for (let i = 0; i < 100 && tree.some(alive); i++) await sleep(20);
      rmSync(pidFile, { force: true });
      for (const p of ports) await waitForPortClosed('127.0.0.1', p, 100, 50);
    },
    async restart() {
      await dc.stop();
      await dc.start();
    },
    async append(folder, raw) {
      return withClient(dc, user, pass, async (c) => {
        await ensureFolder(c, folder);
        const r = await c.append(folder, typeof raw === 'string' ? Buffer.from(raw) : raw);
        if (!r || r.uid === undefined) throw new Error(`APPEND to ${folder} gave no UID`);
        return { uid: r.uid, uidValidity: Number(r.uidValidity) };
      });
    },
    async uids(folder) {
      return withClient(dc, user, pass, async (c) => {
        if (!(await exists(c, folder))) return [];
        const lock = await c.getMailboxLock(folder);
        try {
          const found = await c.search({ all: true }, { uid: true });
          return (found || []).sort((a, b) => a - b);
        } finally {
          lock.release();
        }
      });
    },
    async messages(folder) {
      return withClient(dc, user, pass, async (c) => {
        if (!(await exists(c, folder))) return [];
        const lock = await c.getMailboxLock(folder);
        try {
          const out: { uid: number; raw: Buffer }[] = [];
          if ((c.mailbox || { exists: 0 }).exists === 0) return [];
          for await (const m of c.fetch('1:*', { uid: true, source: true })) out.push({ uid: m.uid, raw: m.source! });
          return out.sort((a, b) => a.uid - b.uid).map((m) => m.raw);
        } finally {
          lock.release();
        }
      });
    },
    async folders() {
      return withClient(dc, user, pass, async (c) => (await c.list()).map((f) => f.path));
    },
    async createFolder(folder) {
      await withClient(dc, user, pass, (c) => ensureFolder(c, folder));
    },
    async deleteFolder(folder) {
      await withClient(dc, user, pass, async (c) => {
        if (await exists(c, folder)) await c.mailboxDelete(folder);
      });
    },
    async client(u = user, p = pass) {
      const c = newClient(dc, u, p);
      try {
        await c.connect();
      } catch (err) {
        c.close(); // imapflow keeps the socket of a failed login open (README pitfall 6)
        throw err;
      }
      return c;
    },
    // One auth line per refused attempt (auth_verbose = yes), however the client hung up.
    failedLogins: () => countLines(logFile, /auth: Info: passwd-file\(.*\): (Password mismatch|unknown user)/),
    successfulLogins: () => countLines(logFile, /imap-login: Info: Login: /),
    // Dovecot marks a login over TLS with ", TLS," (a plaintext one on loopback: "secured").
    tlsLogins: () => countLines(logFile, /imap-login: Info: Login: .*, TLS[,:]/),
    refusedOAuthLogins: () => countLines(logFile, /imap-login: Info: Disconnected: .*auth failed.*method=(XOAUTH2|OAUTHBEARER),/),
    loginsWith: (mechanism) => countLines(logFile, new RegExp(`imap-login: Info: Login: .*method=${mechanism},`)),
    async kick(u = user) {
      await run('doveadm', ['-c', conf, 'kick', u]);
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
  await dc.start();
  return dc;
}

function dovecotConf(o: {
  baseDir: string;
  port: number;
  usersFile: string;
  logFile: string;
  tls?: DovecotCert;
  imapsPort?: number;
  oauth2?: DovecotOAuth2Options & { file: string };
}): string {
  return `# rebound test instance (tests/harness/dovecot.ts)
instance_name = rebound-test-${o.port}
base_dir = ${o.baseDir}/run
state_dir = ${o.baseDir}/state
protocols = imap
listen = 127.0.0.1
log_path = ${o.logFile}
info_log_path = ${o.logFile}
${o.tls ? tlsConf(o.tls) : NO_TLS}disable_plaintext_auth = no
auth_mechanisms = plain login${o.oauth2 ? ` ${o.oauth2.mechanisms.join(' ')}` : ''}
auth_verbose = yes
# A refused login is answered at once (default 2 s), so tests can count attempts.
auth_failure_delay = 0
${
  o.oauth2
    ? `# Bearer tokens (XOAUTH2, OAUTHBEARER) go to the oauth2 passdb only, passwords to the file.
passdb {
  driver = oauth2
  mechanisms = ${o.oauth2.mechanisms.join(' ')}
  args = ${o.oauth2.file}
}
passdb {
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%u ${o.usersFile}
}`
    : `passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${o.usersFile}
}`
}
userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_GID} home=${o.baseDir}/mail/%u
}
first_valid_uid = ${MAIL_UID}
last_valid_uid = ${MAIL_UID}
first_valid_gid = ${MAIL_GID}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${o.port}
  }
  inet_listener imaps {
${o.imapsPort === undefined ? '    port = 0' : `    address = 127.0.0.1\n    port = ${o.imapsPort}\n    ssl = yes`}
  }
}
# The anvil auth penalty would delay EVERY later login from 127.0.0.1 by 2..15 s after one
# failure; the auth process cannot open this socket, so the penalty is off (README pitfall 4).
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service stats {
  inet_listener http {
    port = 0
  }
}
`;
}

/**
 * Dovecot's oauth2 passdb (2.3): no tokeninfo_url, so every token goes to the introspection
 * endpoint (POST token=...); the answer's `username` must be the user signing in and
 * `active` must be true (RFC 7662).
 */
function oauth2Conf(o: DovecotOAuth2Options): string {
  return `introspection_url = ${o.introspectionUrl}
introspection_mode = post
force_introspection = yes
username_attribute = username
active_attribute = active
active_value = true
timeout_msecs = 5000
`;
}

const NO_TLS = `# No TLS at all: with the default ssl = yes and no certificate Dovecot still offers
# STARTTLS and clients fail (README pitfall 1).
ssl = no
`;

function tlsConf(cert: DovecotCert): string {
  // ssl = required refuses authentication before TLS, except on a "secured" (loopback)
  // connection: see the header. The "<" makes Dovecot read the file's contents (as root).
  return `ssl = required
ssl_cert = <${cert.certFile}
ssl_key = <${cert.keyFile}
`;
}

/** A self-signed certificate for 127.0.0.1 (subject and subjectAltName), made with openssl. */
async function makeCert(dir: string): Promise<DovecotCert> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  // A client verifies an IP literal against an IP subjectAltName only (RFC 6125 section
  // 1.7.2; Node does the same), so the SAN is what makes a trusting client accept it.
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  chmodSync(keyFile, 0o600);
  return { certFile, keyFile, certPem: readFileSync(certFile, 'utf8') };
}

function newClient(dc: { host: string; port: number; tls?: DovecotCert }, user: string, pass: string): ImapFlow {
  const c = new ImapFlow({
    host: dc.host,
    port: dc.port,
    secure: false,
    // With TLS the helpers use it too (STARTTLS), trusting exactly the server's own certificate.
    doSTARTTLS: dc.tls ? true : false,
    ...(dc.tls ? { tls: { ca: dc.tls.certPem } } : {}),
    auth: { user, pass },
    logger: false,
    disableAutoIdle: true,
  });
  c.on('error', () => {
    // a test helper's connection cut by a killed server: the pending command rejects anyway
  });
  return c;
}

async function withClient<T>(dc: Dovecot, user: string, pass: string, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = await dc.client(user, pass);
  try {
    return await fn(c);
  } finally {
    await c.logout().catch(() => c.close());
  }
}

async function exists(c: ImapFlow, folder: string): Promise<boolean> {
  return (await c.list()).some((f) => f.path === folder);
}

async function ensureFolder(c: ImapFlow, folder: string): Promise<void> {
  if (folder.toUpperCase() === 'INBOX' || (await exists(c, folder))) return;
  await c.mailboxCreate(folder);
}

/** Runs a command whose stdio a daemon may keep open; resolves on its exit code 0. */
function runDetached(cmd: string, args: string[], timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`));
    });
  });
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const n = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** True while the process runs; a zombie (killed, not yet reaped by PID 1) counts as gone. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Every process below `pid`, read from /proc (children first found, then theirs). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so cut after ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(name), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    for (const [child, parent] of parentOf) {
      if (parent === p) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}

async function groupId(name: string): Promise<number | undefined> {
  try {
    const { stdout } = await run('getent', ['group', name]);
    const gid = Number(stdout.split(':')[2]);
    return Number.isInteger(gid) ? gid : undefined;
  } catch {
    return undefined;
  }
}

function countLines(file: string, re: RegExp): number {
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => re.test(l)).length;
}
