// The store: one database (through the driver seam, src/store/sql/driver.ts) and a repository
// per table. Repositories are cheap to build (their SQL is constant text; the driver keeps the
// compiled statements), so a transaction builds its own set on the transaction's runner.

import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type Db, type OpenOptions } from './db.ts';
import { BouncesRepository } from './bounces.ts';
import { ImapStateRepository } from './imap-state.ts';
import { LeasesRepository } from './leases.ts';
import { MessagesRepository } from './messages.ts';
import { NoticeLogRepository } from './notice-log.ts';
import { OutboxRepository } from './outbox.ts';
import { SettingsRepository } from './settings.ts';
import type { SqlDriver, SqlRunner } from './sql/driver.ts';
import { SqliteDriver } from './sql/sqlite.ts';
import { SuppressionRepository, type SuppressionHub } from '../suppress/repository.ts';
import { WebhooksRepository } from '../webhooks/store.ts';
import { TokensRepository } from '../api/tokens.ts';
import { NO_SYNC, walSync, type DurabilityBarrier } from './wal-sync.ts';
import { WriteHealth } from './write-health.ts';

/** How often the database files' identity is checked while no commit comes. */
const FILES_CHECK_INTERVAL_MS = 2000;

/** The repositories, bound to one runner: the store's own, or a transaction's. */
export interface Repositories {
  /** The runner they use, for a query that belongs to no repository. */
  sql: SqlRunner;
  messages: MessagesRepository;
  bounces: BouncesRepository;
  outbox: OutboxRepository;
  noticeLog: NoticeLogRepository;
  settings: SettingsRepository;
  imapState: ImapStateRepository;
  /** Leases and job periods shared by the rebound instances on this store (src/store/leases.ts). */
  leases: LeasesRepository;
  /** The suppression list (src/suppress/repository.ts); its change listeners get a transaction's Repositories. */
  suppressions: SuppressionRepository<Repositories>;
  /** Webhook endpoints, the delivery queue and its attempt log (src/webhooks/store.ts). */
  webhooks: WebhooksRepository;
  /** API tokens, kept as hashes (src/api/tokens.ts). */
  tokens: TokensRepository;
  /**
   * Runs `body` in a transaction whose repositories it is given: on the store, a new
   * transaction (it waits for the one open); on a transaction's repositories, a savepoint
   * (a body that throws rolls back alone). Inside, use only `tx`: the store's own
   * repositories wait for the transaction to end, and so would wait forever.
   */
  transaction<T>(body: (tx: Repositories) => Promise<T>): Promise<T>;
}

export interface Store extends Repositories {
  /** The SQLite connection itself, for what is about SQLite (backup, WAL, file identity, migrations). */
  db: Db;
  sql: SqlDriver;
  /** Whether a bounce can be committed now (last commit, probe write, file identity). */
  health: WriteHealth;
  /** Resolves once every commit made before the call is on disk (DB_SYNCHRONOUS=full). */
  durable(): Promise<void>;
  close(): void;
}

/** What every set of repositories of one store shares: the suppression list's change listeners. */
type Shared = SuppressionHub<Repositories>;

function repositoriesOn(sql: SqlRunner, shared: Shared): Repositories {
  const repos: Repositories = {
    sql,
    messages: new MessagesRepository(sql),
    bounces: new BouncesRepository(sql),
    outbox: new OutboxRepository(sql),
    noticeLog: new NoticeLogRepository(sql),
    settings: new SettingsRepository(sql),
    imapState: new ImapStateRepository(sql),
    leases: new LeasesRepository(sql),
    suppressions: new SuppressionRepository(sql, shared),
    webhooks: new WebhooksRepository(sql),
    tokens: new TokensRepository(sql),
    transaction: (body) => sql.transaction((tx) => body(repositoriesOn(tx, shared))),
  };
  return repos;
}

/**
 * The repositories over any driver (SQLite's, or PostgreSQL's: src/store/sql/postgres.ts),
 * with their own set of suppression change listeners. openStore() builds the SQLite store on it.
 */
export function repositoriesOver(sql: SqlRunner): Repositories {
  const shared: Shared = { listeners: new Set(), repositoriesOn: (runner) => repositoriesOn(runner, shared) };
  return repositoriesOn(sql, shared);
}

export function openStore(file: string, opts: OpenOptions = {}): Store {
  const db = openDatabase(file, opts);
  const lockWaitMs = opts.busyTimeout ?? DEFAULT_BUSY_TIMEOUT_MS;
  const sql = new SqliteDriver(db, { lockWaitMs, description: file });
  const barrier: DurabilityBarrier =
    file === ':memory:' || opts.readonly || opts.synchronous === 'normal' ? NO_SYNC : walSync(`${file}-wal`);
  const health = new WriteHealth(db, sql, file === ':memory:' ? undefined : file, lockWaitMs);
  // Also between commits: a -wal removed while no mail comes is found (and its commits copied
  // into the database file) before a crash can take them, not at the next delivery.
  const watch = file === ':memory:' || opts.readonly ? undefined : setInterval(() => health.filesFault(), FILES_CHECK_INTERVAL_MS);
  watch?.unref();
  return {
    ...repositoriesOver(sql),
    sql,
    db,
    health,
    durable: () => barrier.sync(),
    close() {
      clearInterval(watch);
      void barrier.close();
      void sql.close();
    },
  };
}
