// The Courier mail server (Debian's courier-mta and courier-base) as a recorded MTA. Courier
// reads its configuration from /etc/courier and keeps its queue in /var/lib/courier, paths
// compiled in, and courierd runs its modules from /usr/lib/courier/courier. So each case runs
// courierd in a mount namespace of its own (unshare -m) where those paths are bind mounts of
// the case's private configuration and queue under /tmp and of the unpacked programs; the
// machine keeps only the empty directories the mounts need, which the recorder removes after
// each case when it made them. The esmtp module delivers remote.test to the scripted remote
// and sender.test (the notices) to a collector, both by esmtproutes.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../tests/harness/ports.ts';
import { binary, ensureUser, installLibraries, ownRoot, unpack } from './debian.ts';
import { run, SENDER, submittedMessage, type MtaRecorder } from './mta.ts';
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
    installLibraries(['libcourier-unicode4', 'courier-authlib']);
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
      let log = '';
      courierd = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `${mounts} && ${start}`], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      courierd.stdout!.on('data', (d: Buffer) => (log += d.toString()));
      courierd.stderr!.on('data', (d: Buffer) => (log += d.toString()));
      for (let i = 0; i < 20 && !existsSync(join(spool, 'tmp/courierd.lock')); i++) await sleep(100);
      const sent = await inside(binary('usr/sbin/sendmail', ROOT), ['-f', SENDER, ...recipientsOf(s)], submittedMessage(s));
      if (sent.status !== 0) throw new Error(`courier refused the message: ${sent.output}`);
      for (let attempt = 0; attempt < 30; attempt++) {
        if (collector.received.length) return collector.received[0]!;
        await sleep(500);
      }
      throw new Error(`courier wrote no notice for ${s.id} (COURIER_KEEP=1 keeps its queue); courierd said:\n${log}`);
    } finally {
      if (courierd?.pid && courierd.exitCode === null) {
        await inside(binary('usr/sbin/courier', ROOT), ['stop']);
        for (let i = 0; i < 20 && courierd.exitCode === null; i++) await sleep(100);
        if (courierd.exitCode === null) courierd.kill('SIGKILL');
      }
      await collector.stop();
      if (!process.env.COURIER_KEEP) rmSync(dir, { recursive: true, force: true });
      removeMountPoints(made);
    }
  },
};
