// Where the IMAP poller is in each mailbox: UIDVALIDITY and the highest UID done.

import type { Db } from './db.ts';

export interface ImapPosition {
  uidvalidity: number;
  lastUid: number;
}

export class ImapStateRepository {
  #get;
  #set;
  constructor(db: Db) {
    this.#get = db.prepare('SELECT uidvalidity, last_uid AS lastUid FROM imap_state WHERE mailbox = ?');
    this.#set = db.prepare(
      `INSERT INTO imap_state (mailbox, uidvalidity, last_uid, updated_at) VALUES (@mailbox, @uidvalidity, @lastUid, @now)
       ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, updated_at = excluded.updated_at`,
    );
  }
  get(mailbox: string): ImapPosition | undefined {
    return this.#get.get(mailbox) as ImapPosition | undefined;
  }
  set(mailbox: string, pos: ImapPosition, now = new Date()): void {
    this.#set.run({ mailbox, ...pos, now: now.toISOString() });
  }
}
