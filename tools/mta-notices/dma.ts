// The DragonFly Mail Agent (Debian's dma) as a recorded MTA: a one-shot sendmail-like
// agent, run once per case (`dma -D -f sender rcpt < msg`). Its configuration path
// (/etc/dma/dma.conf) is compiled in, so each case runs in a mount namespace of its own where
// /etc/dma and /var/mail are the case's folders under /tmp. Everything remote goes to the
// SMARTHOST (the scripted remote); the sender's domain is dma's own MAILNAME, so its notices
// are delivered locally, by an alias, to the mbox of the `mail` user it runs as.
// A case that runs until dma gives up has its queue files dated back past dma's five days
// (MAX_TIMEOUT in dma.h: after a temporary failure dma gives up when its queue file is older)
// while the first attempt runs, and the queue is flushed (-q) so that a sleeping dma tries
// again at once: then it writes its notice.

import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { binary, ownRoot, unpack } from './debian.ts';
import { run, SENDER, submittedMessage, type MtaRecorder } from './mta.ts';

const ROOT = ownRoot('dma');
/** dma drops root for this user (DMA_ROOT_USER in dma.h) and is setgid mail. */
const MAIL_USER = 'mail';
/** Older than dma's MAX_TIMEOUT (5 days). */
const SIX_DAYS_AGO = () => Date.now() / 1000 - 6 * 24 * 3600;

function config(dir: string, port: number): string {
  return `SMARTHOST 127.0.0.1
PORT ${port}
ALIASES ${dir}/aliases
SPOOLDIR ${dir}/spool
MAILNAME sender.test
`;
}

/** The notice in the mbox, without the mbox's own "From " separator line. */
function noticeIn(dir: string): Buffer | undefined {
  const mbox = join(dir, 'mail', MAIL_USER);
  if (!existsSync(mbox)) return undefined;
  const text = readFileSync(mbox);
  if (!text.length) return undefined;
  return text.subarray(text.indexOf('\n') + 1);
}

export const dma: MtaRecorder = {
  name: 'dma',
  prepare() {
    unpack(['dma'], ROOT);
    // The compiled-in configuration folder must exist as a mount point (it stays empty).
    mkdirSync('/etc/dma', { recursive: true });
  },
  version() {
    // "DragonFly Mail Agent v0.13", as its notices name it.
    const said = execFileSync('strings', [binary('usr/sbin/dma', ROOT)], { encoding: 'utf8' });
    const name = /^DragonFly Mail Agent v\S+$/m.exec(said)![0];
    const deb = readdirSync(join(ROOT, '../debs')).find((f) => f.startsWith('dma_')) ?? '';
    return `${name} (Debian ${deb.replace(/^dma_|_amd64\.deb$/g, '')})`;
  },
  async record(s, port) {
    const dmaBin = binary('usr/sbin/dma', ROOT);
    const dir = mkdtempSync('/tmp/rebound-dma-');
    chmodSync(dir, 0o755);
    const uid = Number(execFileSync('id', ['-u', MAIL_USER], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', MAIL_USER], { encoding: 'utf8' }));
    try {
      for (const sub of ['etc', 'spool', 'mail']) mkdirSync(join(dir, sub));
      writeFileSync(join(dir, 'etc/dma.conf'), config(dir, port));
      writeFileSync(join(dir, 'aliases'), `sender: ${MAIL_USER}\n`);
      writeFileSync(join(dir, 'mail', MAIL_USER), '');
      chmodSync(join(dir, 'mail', MAIL_USER), 0o660);
      chmodSync(join(dir, 'spool'), 0o775);
      for (const p of ['spool', 'mail', `mail/${MAIL_USER}`]) chownSync(join(dir, p), uid, gid);
      const inNamespace = (args: string[], input?: Buffer) =>
        run(
          'unshare',
          [
            '-m',
            '--propagation',
            'private',
            'sh',
            '-c',
            `mount --bind ${dir}/etc /etc/dma && mount --bind ${dir}/mail /var/mail && exec timeout 700 ${dmaBin} "$@"`,
            'dma',
            ...args,
          ],
          input,
        );
      const to = s.to.map((l) => `${l}@remote.test`);
      const spool = join(dir, 'spool');
      const sending = inNamespace(['-D', '-f', SENDER, ...to], submittedMessage(s));
      if (s.untilGiveUp) {
        // Once the queue file exists, date it back; dma sees that after a failed attempt. A
        // first attempt that already failed sleeps until the queue is flushed (dma -q touches
        // the spool's flush file; its own run leaves the locked message alone).
        let done = false;
        void sending.finally(() => (done = true));
        const silent = typeof s.remote === 'object' && s.remote.silent;
        for (let tick = 0; tick < (silent ? 140 : 24) && !done; tick++) {
          await sleep(tick < 10 ? 500 : 5000);
          for (const f of readdirSync(spool).filter((f) => /^[QM]/.test(f))) utimesSync(join(spool, f), SIX_DAYS_AGO(), SIX_DAYS_AGO());
          if (tick >= 4 && !done) await inNamespace(['-q']);
        }
      }
      const sent = await sending;
      if (sent.status !== 0) throw new Error(`dma refused the message: ${sent.output}`);
      const notice = noticeIn(dir);
      if (notice) return notice;
      throw new Error(`dma wrote no notice for ${s.id}; its spool: ${readdirSync(join(dir, 'spool')).join(' ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
