// `rebound imap-check [MAILBOX]`: checks each configured IMAP mailbox (or the one named) and
// says in plain words what is wrong. Exit 0 when all are ready, 1 when one is not, 2 for usage.

import { loadConfig } from '../config.ts';
import { checkMailbox, formatCheck } from '../intake/imap-check.ts';
import { silentLogger } from '../log.ts';

export async function run(args: string[]): Promise<number> {
  const config = loadConfig();
  const names = config.imapMailboxes.map((m) => m.name);
  if (names.length === 0) {
    process.stderr.write('rebound imap-check: no IMAP mailbox is configured (set IMAP_SERVER, or IMAP_MAILBOXES_FILE)\n');
    return 2;
  }
  const wanted = args[0];
  const mailboxes = wanted ? config.imapMailboxes.filter((m) => m.name === wanted) : config.imapMailboxes;
  if (mailboxes.length === 0) {
    process.stderr.write(`rebound imap-check: no mailbox named "${wanted}"; configured: ${names.join(', ')}\n`);
    return 2;
  }
  let ok = true;
  for (const m of mailboxes) {
    const c = await checkMailbox(m, silentLogger());
    process.stdout.write(formatCheck(c));
    ok &&= c.ok;
  }
  return ok ? 0 : 1;
}
