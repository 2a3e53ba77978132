// Postfix (the machine's own, which tests/setup/install-test-servers.sh installs) as a
// recorded MTA: one private instance per case (tests/harness/postfix.ts), remote.test routed
// to the scripted remote and the sender's domain to a collector that keeps the notice.

import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPostfix } from '../../tests/harness/postfix.ts';
import { freePort } from '../../tests/harness/ports.ts';
import { awaitNotice, SENDER, submittedMessage, type MtaRecorder } from './mta.ts';
import { startRemote } from './remote.ts';
import { LOCAL_DOMAIN, recipientsOf, type Scenario } from './scenarios.ts';

/** main.cf settings of a case: whatever Postfix defers it gives up at its next attempt, a
 * second later (it defers a 5xx greeting too: smtp_skip_5xx_greeting); the delay-warning
 * case keeps the message an hour and warns after a second. */
function timings(s: Scenario): Record<string, string> {
  const common = { smtp_helo_timeout: '2s', smtp_connect_timeout: '2s', minimal_backoff_time: '1s', maximal_backoff_time: '1s' };
  if (s.delayWarning) return { ...common, delay_warning_time: '1s', maximal_queue_lifetime: '1h' };
  return { ...common, maximal_queue_lifetime: '1s', bounce_queue_lifetime: '1s' };
}

/** Dovecot's delivery agent behind Postfix's pipe(8), for the cases that end in a mailbox
 * over its quota: with -e it tells Postfix why, without it mails its own rejection. */
const DOVECOT_LDA = '/usr/lib/dovecot/dovecot-lda';
const LDA_CASES: Record<string, string[]> = { 'dovecot-lda-over-quota': ['-e'], 'dovecot-lda-rejection': [] };
/** uid/gid of nobody: pipe(8) runs the agent as this user, never as root. */
const NOBODY = 65534;

function dovecotForLda(dir: string, submissionPort: number): string {
  mkdirSync(join(dir, 'mail'));
  chownSync(dir, NOBODY, NOBODY);
  chownSync(join(dir, 'mail'), NOBODY, NOBODY);
  chmodSync(dir, 0o755);
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    [
      `base_dir = ${dir}/run`,
      `log_path = ${dir}/lda.log`,
      `mail_location = maildir:${dir}/mail`,
      'mail_plugins = quota',
      'plugin {',
      '  quota = maildir:User quota',
      '  quota_rule = *:storage=100B',
      '}',
      `postmaster_address = postmaster@${LOCAL_DOMAIN}`,
      `hostname = mail.${LOCAL_DOMAIN}`,
      // Its rejection goes out through the instance's own smtpd, like any reply it sends.
      `submission_host = 127.0.0.1:${submissionPort}`,
      'ssl = no',
      '',
    ].join('\n'),
  );
  chmodSync(conf, 0o644);
  return conf;
}

export const postfix: MtaRecorder = {
  name: 'postfix',
  prepare() {
    if (!existsSync('/usr/sbin/postfix')) throw new Error('Postfix is not installed: run tests/setup/install-test-servers.sh');
  },
  version() {
    return `Postfix ${execFileSync('postconf', ['-d', '-h', 'mail_version'], { encoding: 'utf8' }).trim()}`;
  },
  async record(s, port) {
    const collector = await startRemote({}, await freePort());
    const ports = { smtpd: await freePort(), lmtp: await freePort(), mx: await freePort(), dead: await freePort(), sink: await freePort() };
    const ldaFlags = LDA_CASES[s.id];
    if (ldaFlags && !existsSync(DOVECOT_LDA)) throw new Error(`${DOVECOT_LDA} is missing: install dovecot-core`);
    const ldaDir = ldaFlags && mkdtempSync('/tmp/rebound-lda-');
    const pf = await startPostfix({
      name: `notice-${s.id}`.slice(0, 40),
      ports,
      transport: {
        'remote.test': `smtp:[127.0.0.1]:${port}`,
        'sender.test': `smtp:[127.0.0.1]:${collector.port}`,
        ...(ldaDir && { [LOCAL_DOMAIN]: 'dovecot-lda:' }),
      },
      masterServices: ldaDir
        ? [
            'dovecot-lda unix - n n - - pipe',
            `  flags=DRhu user=nobody argv=${DOVECOT_LDA} -c ${dovecotForLda(ldaDir, ports.smtpd)} -f \${sender} -a \${recipient} ${ldaFlags.join(' ')}`,
          ]
        : [],
      mainCf: { mydestination: LOCAL_DOMAIN, ...timings(s) },
    });
    try {
      // The harness's client writes commands byte for byte (latin1): hand it an internationalised
      // address as its UTF-8 bytes.
      const to = recipientsOf(s).map((a) => Buffer.from(a, 'utf8').toString('latin1'));
      const sent = await pf.send(SENDER, to, submittedMessage(s));
      if (sent.data[0]?.code !== 250) throw new Error(`postfix refused the message: ${JSON.stringify(sent)}`);
      return await awaitNotice(
        () => collector.received[0],
        { tries: 16, every: 1000, nudge: () => pf.flush() },
        () => `postfix wrote no notice for ${s.id}; its log:\n${pf.maillog()}`,
      );
    } finally {
      await pf.stop();
      await collector.stop();
      if (ldaDir) rmSync(ldaDir, { recursive: true, force: true });
    }
  },
};
