// The store: one database connection and a repository per table.

import { openDatabase, type Db, type OpenOptions } from './db.ts';
import { BouncesRepository } from './bounces.ts';
import { ImapStateRepository } from './imap-state.ts';
import { MessagesRepository } from './messages.ts';
import { OutboxRepository } from './outbox.ts';
import { SettingsRepository } from './settings.ts';
import { SuppressionRepository } from '../suppress/repository.ts';
import { NO_SYNC, walSync, type DurabilityBarrier } from './wal-sync.ts';

export interface Store {
  db: Db;
  messages: MessagesRepository;
  bounces: BouncesRepository;
  outbox: OutboxRepository;
  settings: SettingsRepository;
  imapState: ImapStateRepository;
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
  return {
    db,
    messages: new MessagesRepository(db),
    bounces: new BouncesRepository(db),
    outbox: new OutboxRepository(db),
    settings: new SettingsRepository(db),
    imapState: new ImapStateRepository(db),
    suppressions: new SuppressionRepository(db),
    durable: () => barrier.sync(),
    close() {
      void barrier.close();
      if (db.open) db.close();
    },
  };
}
