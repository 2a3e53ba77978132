// Small key/value facts kept in the database (the generated admin password hash, ...).

import type { SqlRunner } from './sql/driver.ts';

const GET = 'SELECT value FROM settings WHERE key = ?';
const SET = 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';
const ADD = 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING';

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
  /** The key's value; `value` is stored first if it has none (the first of several instances wins). */
  async getOrAdd(key: string, value: string): Promise<string> {
    await this.#sql.run(ADD, [key, value]);
    return (await this.get(key)) ?? value;
  }
}
