// The Courier mail server (Debian's courier-mta and courier-base) as a recorded MTA. Courier
// reads its configuration from /etc/courier and keeps its queue in /var/lib/courier, paths
// compiled in, and courierd runs its modules from /usr/lib/courier/courier. So each case runs
// courierd in a mount namespace of its own (unshare -m) where those paths are bind mounts of
// the case's private configuration and queue under /tmp and of the unpacked programs; the
// machine keeps only the empty directories the mounts need, which the recorder removes after
// each case when it made them. The esmtp module delivers remote.test to the scripted remote
// and sender.test (the notices) to a collector, both by esmtproutes; the local cases' accounts
// are a private userdb that authdaemond (courier-authlib) serves in the same namespace.
// Installed on the machine for it: libcourier-unicode4, courier-authlib and
// courier-authlib-userdb (libraries and their tools; courier-authlib's postinst adds the
// courier user and group and ships /usr/lib/courier/courier-authlib). Nothing of Courier's
// own is installed: the machine's Postfix stays its mail-transport-agent.

import { execFileSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../tests/harness/ports.ts';
import { binary, ensureUser, installLibraries, ownRoot, unpack } from './debian.ts';
import { awaitNotice, run, SENDER, startDaemon, submittedMessage, type MtaRecorder } from './mta.ts';
import { startRemote } from './remote.ts';
import { LOCAL_DOMAIN, recipientsOf, type Scenario } from './scenarios.ts';

// courier-mta ships sendmail, mailq and newaliases like every MTA package: a root of its own.
const ROOT = ownRoot('courier');
const DEBS = new URL('../../.tools/mta/debs/', import.meta.url);

/** The compiled-in paths (courier-config: sysconfdir, localstatedir, piddir, libexecdir). */
const MOUNTS = {
  etc: '/etc/courier',
  var: '/var/lib/courier',
  run: '/run/courier',
  lib: '/usr/lib/courier/courier',
} as const;

/** The control files of a case (courier(8), "Configuration files"): a case that gives up
 * keeps the message 4 s with an attempt every second; the delay-warning case keeps it an
 * hour, warns after a second and tries again every 2 s (the warning goes out at the end of
 * the first attempt after warntime). */
function controlFiles(s: Scenario, port: number, collector: number): Record<string, string> {
  const timing: Record<string, string> = s.delayWarning
    ? { queuetime: '1h', warntime: '1s', retryalpha: '2s', retrybeta: '100', retrygamma: '2s', retrymaxdelta: '0' }
    : { queuetime: '4s', retryalpha: '1s', retrybeta: '100', retrygamma: '1s', retrymaxdelta: '0' };
  return {
    me: 'mail.sender.test',
    defaultdomain: 'sender.test',
    locals: `localhost\n${LOCAL_DOMAIN}`,
    dsnfrom: '"Mail Delivery Subsystem" <postmaster@sender.test>',
    esmtproutes: `remote.test: [127.0.0.1],${port}\nsender.test: [127.0.0.1],${collector}`,
    esmtptimeoutconnect: '2',
    esmtptimeouthelo: '2',
    esmtptimeout: '2',
    esmtptimeoutdata: '2',
    ...timing,
  };
}

/** Makes the mount points that do not exist yet; returns them, deepest first, to remove after. */
function makeMountPoints(): string[] {
  const made: string[] = [];
  for (const path of Object.values(MOUNTS)) {
    if (existsSync(path)) continue;
    mkdirSync(path, { recursive: true });
    made.unshift(path);
  }
  return made;
}

function removeMountPoints(made: string[]): void {
  for (const path of made) {
    if (existsSync(path) && readdirSync(path).length === 0) rmdirSync(path);
  }
}

const AUTHDAEMON_PID = '/run/courier/authdaemon/pid';

/** The local cases' accounts: a userdb (courier-authlib-userdb) that authdaemond serves to
 * submit and courierlocal, with homes under the case's directory. `full` has a maildir whose
 * quota (maildirquota.courier(7): "100S", 100 bytes) the message does not fit in. */
async function startAccounts(
  dir: string,
  inside: (command: string, args: string[]) => Promise<{ status: number | null; output: string }>,
): Promise<void> {
  const [uid, gid] = ['-u', '-g'].map((flag) => execFileSync('id', [flag, 'courier'], { encoding: 'utf8' }).trim());
  const home = join(dir, 'home/full');
  chmodSync(dir, 0o755); // courierdeliver, as the account's uid, goes through it to the home
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(home, 'Maildir', sub), { recursive: true });
  writeFileSync(join(home, 'Maildir/maildirsize'), '100S\n');
  execFileSync('chown', ['-R', `${uid}:${gid}`, join(dir, 'home')]);
  const etc = join(dir, 'etc');
  writeFileSync(join(etc, 'userdb'), `full\tuid=${uid}|gid=${gid}|home=${home}|mail=${home}/Maildir|quota=100S\n`, { mode: 0o600 });
  writeFileSync(
    join(etc, 'authdaemonrc'),
    'authmodulelist="authuserdb"\ndaemons=1\nauthdaemonvar=/run/courier/authdaemon\nDEBUG_LOGIN=0\nDEFAULTOPTIONS=""\nLOGGEROPTS=""\n',
  );
  mkdirSync(join(dir, 'run/authdaemon'));
  execFileSync('chown', ['root:courier', join(dir, 'run/authdaemon')]);
  chmodSync(join(dir, 'run/authdaemon'), 0o750);
  const made = await inside('/usr/sbin/makeuserdb', []);
  if (made.status !== 0) throw new Error(`makeuserdb failed: ${made.output}`);
  // As courier-authdaemon's /usr/sbin/authdaemond does: authdaemonrc's settings, under courierlogger.
  const started = await inside('/bin/sh', [
    '-c',
    `set -a; . /etc/courier/authdaemonrc; exec /usr/sbin/courierlogger -pid=${AUTHDAEMON_PID} -start /usr/lib/courier/courier-authlib/authdaemond`,
  ]);
  if (started.status !== 0) throw new Error(`authdaemond did not start: ${started.output}`);
  for (let i = 0; i < 20 && !existsSync(join(dir, 'run/authdaemon/socket')); i++) await sleep(100);
}

/** The processes whose mount namespace is `namespace` (the link /proc/<pid>/ns/mnt names). */
function inNamespace(namespace: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/ns/mnt`) === namespace;
      } catch {
        return false;
      }
    });
}

function version(): string {
  const courierd = readFileSync(join(ROOT, 'usr/lib/courier/courier/courierd'), 'latin1');
  const upstream = /Courier \d+\.\d+\.\d+/.exec(courierd)?.[0] ?? 'Courier';
  const deb = readdirSync(DEBS).find((f) => f.startsWith('courier-mta_'))!;
  const debian = execFileSync('dpkg-deb', ['-f', join(DEBS.pathname, deb), 'Version'], { encoding: 'utf8' }).trim();
  return `${upstream} (Debian courier-mta ${debian})`;
}

export const courier: MtaRecorder = {
  name: 'courier',
  prepare() {
    installLibraries(['libcourier-unicode4', 'courier-authlib', 'courier-authlib-userdb']);
    unpack(['courier-base', 'courier-mta'], ROOT);
    ensureUser('courier', 'courier');
  },
  version,
  async record(s, port) {
    const collector = await startRemote({}, await freePort());
    const dir = mkdtempSync('/tmp/rebound-courier-');
    // COURIER_KEEP=1 keeps the case's configuration and queue for a look (courierd logs to syslog).
    if (process.env.COURIER_KEEP) console.log(dir);
    const made = makeMountPoints();
    let courierd: ChildProcess | undefined;
    let namespace = '';
    const inside = (command: string, args: string[], input?: Buffer) =>
      run('timeout', ['10', 'nsenter', '-t', String(courierd!.pid), '-m', command, ...args], input);
    try {
      const etc = join(dir, 'etc');
      cpSync(join(ROOT, 'etc/courier'), etc, { recursive: true });
      // No mail filters (courierfilter is not started); courierd wants every module.* file it knows.
      rmSync(join(etc, 'enablefiltering'));
      for (const [name, text] of Object.entries(controlFiles(s, port, collector.port))) writeFileSync(join(etc, name), text + '\n');
      const spool = join(dir, 'var');
      cpSync(join(ROOT, 'var/lib/courier'), spool, { recursive: true });
      mkdirSync(join(spool, 'sts'));
      mkdirSync(join(dir, 'run'));
      execFileSync('chown', ['-R', 'courier:courier', spool]);
      // courierd, once it runs as courier, writes its pid file there (tmpfiles.d: 0775 root courier)
      execFileSync('chown', ['root:courier', join(dir, 'run')]);
      chmodSync(join(dir, 'run'), 0o775);
      const mounts = [
        [etc, MOUNTS.etc],
        [spool, MOUNTS.var],
        [join(dir, 'run'), MOUNTS.run],
        [join(ROOT, 'usr/lib/courier/courier'), MOUNTS.lib],
      ]
        .map(([from, to]) => `mount --bind '${from}' '${to}'`)
        .join(' && ');
      // As courierctl.start does: courierd with the environment of /etc/courier/courierd only.
      const start = `exec env -i /bin/sh -c 'set -a; . /etc/courier/courierd; cd /usr; exec /usr/lib/courier/courier/courierd'`;
      const started = startDaemon('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `${mounts} && ${start}`]);
      courierd = started.daemon;
      for (let i = 0; i < 20 && !existsSync(join(spool, 'tmp/courierd.lock')); i++) await sleep(100);
      const ns = readlinkSync(`/proc/${courierd.pid}/ns/mnt`);
      // Never the machine's own namespace: the cleanup kills every process of this one.
      if (ns === readlinkSync('/proc/self/ns/mnt')) throw new Error(`courierd did not start: ${started.log()}`);
      namespace = ns;
      if (s.remote === 'local') await startAccounts(dir, inside);
      const sent = await inside(binary('usr/sbin/sendmail', ROOT), ['-f', SENDER, ...recipientsOf(s)], submittedMessage(s));
      if (sent.status !== 0) throw new Error(`courier refused the message: ${sent.output}`);
      return await awaitNotice(
        () => collector.received[0],
        { tries: 30, every: 500 },
        () => `courier wrote no notice for ${s.id} (COURIER_KEEP=1 keeps its queue); courierd said:\n${started.log()}`,
      );
    } finally {
      if (courierd?.exitCode === null && !namespace) courierd.kill('SIGKILL');
      if (courierd?.pid && courierd.exitCode === null && namespace) {
        if (s.remote === 'local') await inside('/usr/sbin/courierlogger', [`-pid=${AUTHDAEMON_PID}`, '-stop']);
        await inside(binary('usr/sbin/courier', ROOT), ['stop']);
        for (let i = 0; i < 20 && courierd.exitCode === null; i++) await sleep(100);
        // What courier stop leaves (a delivery agent in its sleep between retries): every
        // process of the namespace, all started by this case.
        for (const pid of inNamespace(namespace)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // gone already
          }
        }
      }
      await collector.stop();
      if (!process.env.COURIER_KEEP) rmSync(dir, { recursive: true, force: true });
      removeMountPoints(made);
    }
  },
};
