// One rebound IMAP poller alone in a process, for tests/intake/imap-lease.test.ts: it holds
// the mailbox lease while it runs, so SIGKILL makes it die holding it, as a crashed instance
// does. Arguments: the database file (or a PostgreSQL URL), the mailbox settings (JSON), the holder id, the lease
// time in ms. It prints "polling" once started.

import type { Config } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { createImapPoller } from '../../src/intake/imap.ts';
import { silentLogger } from '../../src/log.ts';
import { openPostgresStore, openStore } from '../../src/store/store.ts';

const [dbPath, settings, holder, ttl] = process.argv.slice(2);
const store = /^postgres(ql)?:/.test(dbPath!) ? openPostgresStore(dbPath!) : openStore(dbPath!);
await store.ready();
const log = silentLogger();
const poller = createImapPoller({
  config: JSON.parse(settings!) as Config['imap'],
  ingestor: createIngestor({ store, log }),
  store,
  log,
  lease: { holder: holder!, ttlMs: Number(ttl) },
});
await poller.start();
process.stdout.write('polling\n');
// Runs until killed.
setInterval(() => {}, 1 << 30);
