// Small key/value facts kept in the database (the generated admin password hash, ...).

import type { SqlRunner } from './sql/driver.ts';

const GET = 'SELECT value FROM settings WHERE key = ?';
const SET = 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

export class SettingsRepository {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }
  async get(key: string): Promise<string | undefined> {
    return (await this.#sql.get<{ value: string }>(GET, [key]))?.value;
  }
  async set(key: string, value: string): Promise<void> {
    await this.#sql.run(SET, [key, value]);
  }
}
