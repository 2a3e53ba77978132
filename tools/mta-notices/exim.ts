// Exim 4 (Debian's exim4-daemon-light) as a recorded MTA: one private spool and
// configuration per case, run from the command line (-odi delivers at once, -qff runs the
// queue again past the retry period). Its notices land in a maildir of the sender's domain.

import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binary, ensureUser, installLibraries, unpack } from './debian.ts';
import { awaitNotice, firstInMaildir, run, SENDER, submittedMessage, type MtaRecorder } from './mta.ts';
import { LOCAL_DOMAIN, recipientsOf, type Scenario } from './scenarios.ts';

const EXIM_USER = 'Debian-exim';

function config(dir: string, exim: string, port: number, s: Scenario): string {
  // A case that gives up waits 2 s; a delay warning needs the message kept for an hour.
  const retry = s.delayWarning ? 'F,1h,1h' : 'F,2s,1s';
  return `primary_hostname = mail.sender.test
qualify_domain = sender.test
spool_directory = ${dir}/spool
log_file_path = ${dir}/log/%slog
exim_path = ${exim}
exim_user = ${EXIM_USER}
exim_group = ${EXIM_USER}
never_users =
trusted_users = root
host_lookup =
rfc1413_hosts =
keep_environment =
${s.delayWarning ? 'delay_warning = 2s' : ''}

begin routers
to_local_mailbox:
  driver = accept
  domains = ${LOCAL_DOMAIN}
  local_parts = full
  transport = local_mailbox
to_sender_domain:
  driver = accept
  domains = sender.test
  transport = notices
to_remote:
  driver = manualroute
  domains = remote.test
  route_list = * 127.0.0.1
  self = send
  transport = remote_smtp

begin transports
notices:
  driver = appendfile
  directory = ${dir}/out
  maildir_format
  create_directory
  user = ${EXIM_USER}
local_mailbox:
  driver = appendfile
  directory = ${dir}/local-full
  maildir_format
  create_directory
  quota = 200
  user = ${EXIM_USER}
remote_smtp:
  driver = smtp
  port = ${port}
  hosts_avoid_tls = *
  allow_localhost
  connect_timeout = 2s
  command_timeout = 2s
  user = ${EXIM_USER}

begin retry
* * ${retry}
`;
}

const noticeIn = (dir: string) => firstInMaildir(join(dir, 'out'));

export const exim: MtaRecorder = {
  name: 'exim',
  prepare() {
    installLibraries(['libidn12']);
    unpack(['exim4-daemon-light', 'exim4-base']);
    ensureUser(EXIM_USER);
  },
  version() {
    const banner = execFileSync(binary('usr/sbin/exim4'), ['-bV', '-C', '/dev/null'], { encoding: 'utf8' });
    return `Exim ${/^Exim version (\S+)/.exec(banner)?.[1] ?? 'unknown'}`;
  },
  async record(s, port) {
    const exim4 = binary('usr/sbin/exim4');
    const dir = mkdtempSync('/tmp/rebound-exim-');
    try {
      for (const sub of ['spool', 'log', 'out']) mkdirSync(join(dir, sub));
      const conf = join(dir, 'exim.conf');
      writeFileSync(conf, config(dir, exim4, port, s));
      execFileSync('chown', ['-R', `${EXIM_USER}:${EXIM_USER}`, dir]);
      chownSync(conf, 0, 0);
      const to = recipientsOf(s);
      const sent = await run(exim4, ['-C', conf, '-odi', '-f', SENDER, ...to], submittedMessage(s));
      if (sent.status !== 0) throw new Error(`exim refused the message: ${sent.output}`);
      const waits = s.untilGiveUp || s.delayWarning;
      return await awaitNotice(
        () => noticeIn(dir),
        { tries: 8, every: waits ? 2500 : 500, nudge: waits ? () => run(exim4, ['-C', conf, '-qff']) : undefined },
        () => `exim wrote no notice for ${s.id}; its log:\n${readFileSync(join(dir, 'log/mainlog'), 'utf8')}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
