// The store: one database connection and a repository per table.

import { openDatabase, type Db, type OpenOptions } from './db.ts';
import { BouncesRepository } from './bounces.ts';
import { ImapStateRepository } from './imap-state.ts';
import { MessagesRepository } from './messages.ts';
import { OutboxRepository } from './outbox.ts';
import { SettingsRepository } from './settings.ts';

export interface Store {
  db: Db;
  messages: MessagesRepository;
  bounces: BouncesRepository;
  outbox: OutboxRepository;
  settings: SettingsRepository;
  imapState: ImapStateRepository;
  close(): void;
}

export function openStore(file: string, opts: OpenOptions = {}): Store {
  const db = openDatabase(file, opts);
  return {
    db,
    messages: new MessagesRepository(db),
    bounces: new BouncesRepository(db),
    outbox: new OutboxRepository(db),
    settings: new SettingsRepository(db),
    imapState: new ImapStateRepository(db),
    close() {
      if (db.open) db.close();
    },
  };
}
