// nullmailer 2 (Debian's nullmailer) as a recorded MTA: a relay-only MTA that hands every
// message to its "remotes" (here the scripted remote, `127.0.0.1 smtp port=N`). Its paths are
// compiled in (/etc/nullmailer, Debian's /etc/mailname for its name, /var/spool/nullmailer,
// /usr/lib/nullmailer for the protocol modules, /usr/bin/nullmailer-dsn and
// /usr/sbin/nullmailer-queue, which nullmailer-send runs), so each case runs nullmailer-send
// in a mount namespace of its own where the case's /etc files and the unpacked package's
// /usr files are laid over the machine's (read-only overlays) and /var/spool is the case's.
// The message goes in through the package's own sendmail.
// nullmailer-send (send.cc, bounce_msg) writes a notice with nullmailer-dsn when the
// protocol module fails permanently, or fails temporarily after the message has been queued
// longer than queuelifetime (2 s in the cases that run until it gives up), and queues it for
// the sender through nullmailer-queue like any message: it has no route of its own for the
// sender. The recorder takes the notice from the queue (a queue file whose envelope sender is
// empty, the envelope lines before the first blank line dropped): the message the remote is
// handed, byte for byte. It looks every 5 ms: the file stays in the queue until the remote
// (answering in this process's event loop) has taken it, or in failed/ if it refused it.

import { execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ownRoot, unpack } from './debian.ts';
import { awaitNotice, run, SENDER, startDaemon, stopDaemon, submittedMessage, type MtaRecorder } from './mta.ts';
import { recipientsOf, type Scenario } from './scenarios.ts';

const ROOT = ownRoot('nullmailer');
/** Debian's nullmailer-queue is setuid mail, and its service runs nullmailer-send as mail. */
const MAIL_USER = 'mail';

function controlFiles(s: Scenario, port: number): Record<string, string> {
  return {
    remotes: `127.0.0.1 smtp port=${port}\n`,
    // A queue run every second while messages wait (pausetime doubles up to maxpause).
    pausetime: '1\n',
    maxpause: '1\n',
    // The protocol module is killed after 3 s (a remote that never greets).
    sendtimeout: '3\n',
    ...(s.untilGiveUp && { queuelifetime: '2\n' }),
  };
}

/** The notice nullmailer queued for the sender: the queue file after its envelope. */
function noticeIn(spool: string): Buffer | undefined {
  for (const folder of ['queue', 'failed']) {
    const dir = join(spool, folder);
    for (const name of readdirSync(dir).sort()) {
      const file = readFileSync(join(dir, name));
      // nullmailer-dsn's envelope: an empty sender, the recipient, a blank line.
      if (file[0] !== 0x0a) continue;
      const end = file.indexOf('\n\n', 1);
      if (end > 0) return file.subarray(end + 2);
    }
  }
  return undefined;
}

export const nullmailer: MtaRecorder = {
  name: 'nullmailer',
  prepare() {
    unpack(['nullmailer'], ROOT);
  },
  version() {
    const deb = readdirSync(join(ROOT, '../debs')).find((f) => f.startsWith('nullmailer_')) ?? '';
    // "nullmailer_1%3a2.2-4_amd64.deb": Debian's version 1:2.2-4 of nullmailer 2.2.
    const debian = decodeURIComponent(deb.replace(/^nullmailer_|_amd64\.deb$/g, ''));
    return `nullmailer ${/^\d+:([^-]+)/.exec(debian)?.[1] ?? debian} (Debian ${debian})`;
  },
  async record(s, port) {
    const dir = mkdtempSync('/tmp/rebound-nullmailer-');
    chmodSync(dir, 0o755);
    const uid = Number(execFileSync('id', ['-u', MAIL_USER], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', MAIL_USER], { encoding: 'utf8' }));
    const spool = join(dir, 'var-spool/nullmailer');
    let daemon: ChildProcess | undefined;
    try {
      mkdirSync(join(dir, 'etc/nullmailer'), { recursive: true });
      writeFileSync(join(dir, 'etc/mailname'), 'mail.sender.test\n');
      for (const [name, text] of Object.entries(controlFiles(s, port))) writeFileSync(join(dir, 'etc/nullmailer', name), text);
      for (const sub of ['', 'queue', 'tmp', 'failed']) {
        mkdirSync(join(spool, sub), { recursive: true });
        chownSync(join(spool, sub), uid, gid);
        chmodSync(join(spool, sub), 0o750);
      }
      execFileSync('mkfifo', ['-m', '0600', join(spool, 'trigger')]);
      chownSync(join(spool, 'trigger'), uid, gid);
      const setup = [
        `mount -t overlay overlay -o lowerdir=${dir}/etc:/etc /etc`,
        `mount --bind ${dir}/var-spool /var/spool`,
        `mount -t overlay overlay -o lowerdir=${ROOT}usr/lib:/usr/lib /usr/lib`,
        `mount -t overlay overlay -o lowerdir=${ROOT}usr/sbin:/usr/sbin /usr/sbin`,
        `mount -t overlay overlay -o lowerdir=${ROOT}usr/bin:/usr/bin /usr/bin`,
        // As Debian's service runs it: as mail, in the spool.
        `cd /var/spool/nullmailer`,
        `exec setpriv --reuid ${MAIL_USER} --regid ${MAIL_USER} --clear-groups /usr/sbin/nullmailer-send`,
      ].join(' && ');
      const started = startDaemon('unshare', ['-m', '--propagation', 'private', 'sh', '-c', setup]);
      daemon = started.daemon;
      await sleep(500);
      const sent = await run(
        'nsenter',
        ['-t', String(daemon.pid), '-m', '--', '/usr/sbin/sendmail', '-f', SENDER, ...recipientsOf(s)],
        submittedMessage(s),
      );
      if (sent.status !== 0) throw new Error(`nullmailer refused the message: ${sent.output}\n${started.log()}`);
      return await awaitNotice(
        () => noticeIn(spool),
        { tries: 3000, every: 5 },
        () => `nullmailer wrote no notice for ${s.id}; its log:\n${started.log()}`,
      );
    } finally {
      await stopDaemon(daemon);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
