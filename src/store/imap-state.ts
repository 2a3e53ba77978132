// Where the IMAP poller is in each mailbox: UIDVALIDITY and the highest UID done.

import type { SqlRunner } from './sql/driver.ts';

export interface ImapPosition {
  uidvalidity: number;
  lastUid: number;
}

const GET = 'SELECT uidvalidity, last_uid AS "lastUid" FROM imap_state WHERE mailbox = ?';
const SET = `INSERT INTO imap_state (mailbox, uidvalidity, last_uid, updated_at) VALUES (@mailbox, @uidvalidity, @lastUid, @now)
   ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, updated_at = excluded.updated_at`;

export class ImapStateRepository {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }
  get(mailbox: string): Promise<ImapPosition | undefined> {
    return this.#sql.get<ImapPosition>(GET, [mailbox]);
  }
  async set(mailbox: string, pos: ImapPosition, now = new Date()): Promise<void> {
    await this.#sql.run(SET, { mailbox, uidvalidity: pos.uidvalidity, lastUid: pos.lastUid, now: now.toISOString() });
  }
}
