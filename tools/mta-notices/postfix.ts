// Postfix (the machine's own, which tests/setup/install-test-servers.sh installs) as a
// recorded MTA: one private instance per case (tests/harness/postfix.ts), remote.test routed
// to the scripted remote and the sender's domain to a collector that keeps the notice.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPostfix } from '../../tests/harness/postfix.ts';
import { freePort } from '../../tests/harness/ports.ts';
import { SENDER, submittedMessage, type MtaRecorder } from './mta.ts';
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
    const pf = await startPostfix({
      name: `notice-${s.id}`.slice(0, 40),
      ports,
      transport: { 'remote.test': `smtp:[127.0.0.1]:${port}`, 'sender.test': `smtp:[127.0.0.1]:${collector.port}` },
      mainCf: { mydestination: LOCAL_DOMAIN, ...timings(s) },
    });
    try {
      const to = recipientsOf(s);
      const sent = await pf.send(SENDER, to, submittedMessage(s));
      if (sent.data[0]?.code !== 250) throw new Error(`postfix refused the message: ${JSON.stringify(sent)}`);
      for (let attempt = 0; attempt < 16; attempt++) {
        if (collector.received.length) return collector.received[0]!;
        await sleep(1000);
        await pf.flush();
      }
      throw new Error(`postfix wrote no notice for ${s.id}; its log:\n${pf.maillog()}`);
    } finally {
      await pf.stop();
      await collector.stop();
    }
  },
};
