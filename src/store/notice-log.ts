// The notice log: who was sent a notice in the last hour, for the hourly caps on notices
// (NOTIFY_MAX_PER_ADDRESS_HOUR, NOTIFY_MAX_PER_HOUR). Rows older than an hour are pruned as
// new ones are written, so the table stays as small as one hour of notices.

import type { SqlRunner } from './sql/driver.ts';

export const HOUR_MS = 3_600_000;

const ADD = 'INSERT INTO notice_log (address, planned_at) VALUES (?, ?)';
const FOR_ADDRESS = 'SELECT COUNT(*) AS n FROM notice_log WHERE address = ? AND planned_at > ?';
const NOTICES_SINCE = "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'notice' AND created_at > ?";
const PRUNE = 'DELETE FROM notice_log WHERE planned_at <= ?';

export class NoticeLogRepository {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /** Notices planned to this address in the hour before `now`. */
  async toAddressInLastHour(address: string, now: Date): Promise<number> {
    const row = await this.#sql.get<{ n: number }>(FOR_ADDRESS, [address.toLowerCase(), new Date(now.getTime() - HOUR_MS).toISOString()]);
    return row?.n ?? 0;
  }

  /** Notices queued (to anyone) in the hour before `now`. */
  async noticesInLastHour(now: Date): Promise<number> {
    return (await this.#sql.get<{ n: number }>(NOTICES_SINCE, [new Date(now.getTime() - HOUR_MS).toISOString()]))?.n ?? 0;
  }

  /** Records one planned notice's recipients, and forgets what is older than an hour. */
  async add(recipients: readonly string[], now: Date): Promise<void> {
    const at = now.toISOString();
    for (const a of recipients) await this.#sql.run(ADD, [a.toLowerCase(), at]);
    await this.#sql.run(PRUNE, [new Date(now.getTime() - HOUR_MS).toISOString()]);
  }
}
