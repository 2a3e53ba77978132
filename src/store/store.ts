// The store: one database connection and a repository per table.

import { openDatabase, type Db, type OpenOptions } from './db.ts';
import { BouncesRepository } from './bounces.ts';
import { ImapStateRepository } from './imap-state.ts';
import { MessagesRepository } from './messages.ts';
import { NoticeLogRepository } from './notice-log.ts';
import { OutboxRepository } from './outbox.ts';
import { SettingsRepository } from './settings.ts';
import { NO_SYNC, walSync, type DurabilityBarrier } from './wal-sync.ts';

export interface Store {
  db: Db;
  messages: MessagesRepository;
  bounces: BouncesRepository;
  outbox: OutboxRepository;
  noticeLog: NoticeLogRepository;
  settings: SettingsRepository;
  imapState: ImapStateRepository;
  /** Resolves once every commit made before the call is on disk (DB_SYNCHRONOUS=full). */
  durable(): Promise<void>;
  close(): void;
}

export function openStore(file: string, opts: OpenOptions = {}): Store {
  const db = openDatabase(file, opts);
  const barrier: DurabilityBarrier =
    file === ':memory:' || opts.readonly || opts.synchronous === 'normal' ? NO_SYNC : walSync(`${file}-wal`);
  return {
    db,
    messages: new MessagesRepository(db),
    bounces: new BouncesRepository(db),
    outbox: new OutboxRepository(db),
    noticeLog: new NoticeLogRepository(db),
    settings: new SettingsRepository(db),
    imapState: new ImapStateRepository(db),
    durable: () => barrier.sync(),
    close() {
      void barrier.close();
      if (db.open) db.close();
    },
  };
}
