// The store: one database connection and a repository per table.

import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type Db, type OpenOptions } from './db.ts';
import { BouncesRepository } from './bounces.ts';
import { ImapStateRepository } from './imap-state.ts';
import { LeasesRepository } from './leases.ts';
import { MessagesRepository } from './messages.ts';
import { NoticeLogRepository } from './notice-log.ts';
import { OutboxRepository } from './outbox.ts';
import { SettingsRepository } from './settings.ts';
import { SuppressionRepository } from '../suppress/repository.ts';
import { NO_SYNC, walSync, type DurabilityBarrier } from './wal-sync.ts';
import { WriteHealth } from './write-health.ts';

/** How often the database files' identity is checked while no commit comes. */
const FILES_CHECK_INTERVAL_MS = 2000;

export interface Store {
  db: Db;
  messages: MessagesRepository;
  bounces: BouncesRepository;
  outbox: OutboxRepository;
  noticeLog: NoticeLogRepository;
  settings: SettingsRepository;
  imapState: ImapStateRepository;
  /** Leases and job periods shared by the rebound instances on this store (src/store/leases.ts). */
  leases: LeasesRepository;
  /** Whether a bounce can be committed now (last commit, probe write, file identity). */
  health: WriteHealth;
  /** The suppression list (src/suppress/repository.ts). */
  suppressions: SuppressionRepository;
  /** Resolves once every commit made before the call is on disk (DB_SYNCHRONOUS=full). */
  durable(): Promise<void>;
  close(): void;
}

export function openStore(file: string, opts: OpenOptions = {}): Store {
  const db = openDatabase(file, opts);
  const barrier: DurabilityBarrier =
    file === ':memory:' || opts.readonly || opts.synchronous === 'normal' ? NO_SYNC : walSync(`${file}-wal`);
  const health = new WriteHealth(db, file === ':memory:' ? undefined : file, opts.busyTimeout ?? DEFAULT_BUSY_TIMEOUT_MS);
  // Also between commits: a -wal removed while no mail comes is found (and its commits copied
  // into the database file) before a crash can take them, not at the next delivery.
  const watch = file === ':memory:' || opts.readonly ? undefined : setInterval(() => health.filesFault(), FILES_CHECK_INTERVAL_MS);
  watch?.unref();
  return {
    db,
    messages: new MessagesRepository(db),
    bounces: new BouncesRepository(db),
    outbox: new OutboxRepository(db),
    noticeLog: new NoticeLogRepository(db),
    settings: new SettingsRepository(db),
    imapState: new ImapStateRepository(db),
    leases: new LeasesRepository(db),
    health,
    suppressions: new SuppressionRepository(db),
    durable: () => barrier.sync(),
    close() {
      clearInterval(watch);
      void barrier.close();
      if (db.open) db.close();
    },
  };
}
