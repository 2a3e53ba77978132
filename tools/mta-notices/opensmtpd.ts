// OpenSMTPD (Debian's opensmtpd) as a recorded MTA. Its queue (/var/spool/smtpd), its
// control socket (/var/run/smtpd.sock) and its chroot (/var/lib/opensmtpd/empty) are
// compiled in, so each case runs smtpd -d in a mount namespace of its own where those
// folders are the case's folders under /tmp (and in a UTS namespace named mail.sender.test).
// The message is submitted over SMTP on loopback; remote.test is relayed to the scripted
// remote, and sender.test, where its notices go, is delivered to a maildir under /tmp (its
// mail.maildir comes from the unpacked package, mounted on /usr/libexec in the namespace).

import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binary, ensureUser, ownRoot, unpack } from './debian.ts';
import { awaitNotice, firstInMaildir, run, startDaemon, stopDaemon, submitWhenListening, type MtaRecorder } from './mta.ts';
import type { Scenario } from './scenarios.ts';
import { freePort } from '../../tests/harness/ports.ts';

const ROOT = ownRoot('opensmtpd');

function config(s: Scenario, listen: number, port: number, dir: string): string {
  // The sender's mailbox belongs to the daemon's user (the notices' maildir).
  const id = (flag: string) => execFileSync('id', [flag, 'opensmtpd'], { encoding: 'utf8' }).trim();
  // A message is kept 6 s (the queue's time to live): OpenSMTPD gives up then on every
  // temporary failure, and a refusal in the greeting is one to it (it disables the route and
  // keeps the message). A delay warning is sent after 2 s (bounce warn-interval) while the
  // default 4 days run.
  return `${s.delayWarning ? '' : 'queue ttl 6s'}
${s.delayWarning ? 'bounce warn-interval 2s' : ''}
listen on 127.0.0.1 port ${listen}
action "remote" relay host smtp+notls://127.0.0.1:${port}
table users { "sender" = "${id('-u')}:${id('-g')}:${dir}/home" }
action "sender" maildir "${dir}/out" userbase <users>
match from any for domain "remote.test" action "remote"
match from any for domain "sender.test" action "sender"
`;
}

/** Runs a command in the case's namespace (the daemon's, so smtpctl finds its socket). */
const inNamespace = (pid: number, command: string, args: string[]) => run('nsenter', ['-t', String(pid), '-m', '--', command, ...args]);

const noticeIn = (dir: string) => firstInMaildir(join(dir, 'out'));

export const opensmtpd: MtaRecorder = {
  name: 'opensmtpd',
  prepare() {
    unpack(['opensmtpd'], ROOT);
    // Debian builds it to run as opensmtpd and opensmtpq (its postinst makes them, each in a
    // group of its name; smtpctl is setgid opensmtpq).
    ensureUser('opensmtpd', 'opensmtpd');
    ensureUser('opensmtpq', 'opensmtpq');
  },
  version() {
    // "Version: OpenSMTPD 6.8.0p2", then its usage; and the Debian package it came from.
    const said = spawnSync(binary('usr/sbin/smtpd', ROOT), ['-h'], { encoding: 'utf8' });
    const deb = readdirSync(join(ROOT, '../debs')).find((f) => f.startsWith('opensmtpd_')) ?? '';
    return `${/OpenSMTPD \S+/.exec(said.stdout + said.stderr)![0]} (Debian ${deb.replace(/^opensmtpd_|_amd64\.deb$/g, '')})`;
  },
  async record(s, port) {
    const smtpd = binary('usr/sbin/smtpd', ROOT);
    const smtpctl = binary('usr/sbin/smtpctl', ROOT);
    const dir = mkdtempSync('/tmp/rebound-opensmtpd-');
    chmodSync(dir, 0o755);
    const listen = await freePort();
    let daemon: ChildProcess | undefined;
    try {
      for (const sub of ['spool', 'run', 'lib/opensmtpd/empty', 'out', 'home']) mkdirSync(join(dir, sub), { recursive: true });
      const conf = join(dir, 'smtpd.conf');
      writeFileSync(conf, config(s, listen, port, dir));
      execFileSync('chown', ['opensmtpd:opensmtpd', join(dir, 'out'), join(dir, 'home')]);
      const setup = [
        'hostname mail.sender.test',
        `mount --bind ${dir}/spool /var/spool`,
        `mount --bind ${dir}/lib /var/lib`,
        `mount --bind ${dir}/run /run`,
        `mount --bind ${ROOT}usr/libexec /usr/libexec`,
        `exec ${smtpd} -d -f ${conf}`,
      ].join(' && ');
      const started = startDaemon('unshare', ['-m', '-u', '--propagation', 'private', 'sh', '-c', setup]);
      daemon = started.daemon;
      const pid = daemon.pid!;
      const submitted = await submitWhenListening(listen, s, 20);
      if (submitted) throw submitted;
      // A silent remote is given up on after smtpd's own reply timeout (5 minutes).
      const silent = typeof s.remote === 'object' && s.remote.silent;
      return await awaitNotice(
        () => noticeIn(dir),
        // smtpctl's schedule all every 2 s: a queue run now rather than at smtpd's next retry.
        {
          tries: silent ? 800 : 40,
          every: 500,
          nudge: (attempt) => (attempt % 4 === 3 ? inNamespace(pid, smtpctl, ['schedule', 'all']) : undefined),
        },
        () => `opensmtpd wrote no notice for ${s.id}; its log:\n${started.log()}`,
      );
    } finally {
      await stopDaemon(daemon);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
