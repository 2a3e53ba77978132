// The notice log: who was sent a notice in the last hour, for the hourly caps on notices
// (NOTIFY_MAX_PER_ADDRESS_HOUR, NOTIFY_MAX_PER_HOUR). Rows older than an hour are pruned as
// new ones are written, so the table stays as small as one hour of notices.

import type { Db } from './db.ts';

export const HOUR_MS = 3_600_000;

export class NoticeLogRepository {
  #add;
  #forAddress;
  #noticesSince;
  #prune;
  constructor(db: Db) {
    this.#add = db.prepare('INSERT INTO notice_log (address, planned_at) VALUES (?, ?)');
    this.#forAddress = db.prepare('SELECT COUNT(*) FROM notice_log WHERE address = ? AND planned_at > ?').pluck();
    this.#noticesSince = db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'notice' AND created_at > ?").pluck();
    this.#prune = db.prepare('DELETE FROM notice_log WHERE planned_at <= ?');
  }

  /** Notices planned to this address in the hour before `now`. */
  toAddressInLastHour(address: string, now: Date): number {
    return this.#forAddress.get(address.toLowerCase(), new Date(now.getTime() - HOUR_MS).toISOString()) as number;
  }

  /** Notices queued (to anyone) in the hour before `now`. */
  noticesInLastHour(now: Date): number {
    return this.#noticesSince.get(new Date(now.getTime() - HOUR_MS).toISOString()) as number;
  }

  /** Records one planned notice's recipients, and forgets what is older than an hour. */
  add(recipients: readonly string[], now: Date): void {
    const at = now.toISOString();
    for (const a of recipients) this.#add.run(a.toLowerCase(), at);
    this.#prune.run(new Date(now.getTime() - HOUR_MS).toISOString());
  }
}
