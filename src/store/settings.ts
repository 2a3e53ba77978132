// Small key/value facts kept in the database (the generated admin password hash, ...).

import type { Db } from './db.ts';

export class SettingsRepository {
  #get;
  #set;
  constructor(db: Db) {
    this.#get = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
    this.#set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }
  get(key: string): string | undefined {
    return this.#get.get(key) as string | undefined;
  }
  set(key: string, value: string): void {
    this.#set.run(key, value);
  }
}
