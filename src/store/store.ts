// The store: one database (through the driver seam, src/store/sql/driver.ts) and a repository
// per table. Repositories are cheap to build (their SQL is constant text; the driver keeps the
// compiled statements), so a transaction builds its own set on the transaction's runner.

import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type Db, type OpenOptions } from './db.ts';
import { BouncesRepository } from './bounces.ts';
import { ImapStateRepository } from './imap-state.ts';
import { LeasesRepository } from './leases.ts';
import { MessagesRepository } from './messages.ts';
import { RawPartsRepository } from './raw-parts.ts';
import { NoticeLogRepository } from './notice-log.ts';
import { OutboxRepository } from './outbox.ts';
import { SettingsRepository } from './settings.ts';
import type { SqlDriver, SqlRunner } from './sql/driver.ts';
import { SqliteDriver } from './sql/sqlite.ts';
import { SuppressionRepository, type SuppressionHub } from '../suppress/repository.ts';
import { WebhooksRepository } from '../webhooks/store.ts';
import { TokensRepository } from '../api/tokens.ts';
import { NO_SYNC, walSync, type DurabilityBarrier } from './wal-sync.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';
import { WriteHealth, type StoreHealth } from './write-health.ts';
import { openPostgresDriver } from './sql/postgres.ts';
import { PostgresWriteHealth } from './pg/write-health.ts';
import { connectPostgres } from './pg/connect.ts';
import { migratePostgres } from './pg/migrate.ts';
import type { Logger } from '../log.ts';

/** How often the database files' identity is checked while no commit comes. */
const FILES_CHECK_INTERVAL_MS = 2000;

/** The repositories, bound to one runner: the store's own, or a transaction's. */
export interface Repositories {
  /** The runner they use, for a query that belongs to no repository. */
  sql: SqlRunner;
  messages: MessagesRepository;
  /** A large message's bytes, in parts written before its row (migration 017). */
  rawParts: RawPartsRepository;
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
  /**
   * The SQLite connection itself, for what is about SQLite (backup, WAL, file identity, the
   * export's reader); absent on PostgreSQL.
   */
  db?: Db;
  sql: SqlDriver;
  /** Whether a bounce can be committed now (last commit, probe write; SQLite: file identity). */
  health: StoreHealth;
  /**
   * Resolves once the schema is current. SQLite migrates when it opens; PostgreSQL at the
   * first call (the app's start), under an advisory lock so that instances starting together
   * migrate once.
   */
  ready(): Promise<void>;
  /** Resolves once every commit made before the call is on disk (SQLite, DB_SYNCHRONOUS=full; a PostgreSQL COMMIT is). */
  durable(): Promise<void>;
  /** SQLite closes at once; PostgreSQL resolves when the pool's connections are closed. */
  close(): void | Promise<void>;
}

/** The SQLite store (DATA_DIR): its connection and file checks are there. */
export interface SqliteStore extends Store {
  db: Db;
  health: WriteHealth;
  close(): void;
}

/** What every set of repositories of one store shares: the suppression list's change listeners. */
type Shared = SuppressionHub<Repositories>;

function repositoriesOn(sql: SqlRunner, shared: Shared): Repositories {
  const rawParts = new RawPartsRepository(sql);
  const repos: Repositories = {
    sql,
    messages: new MessagesRepository(sql, rawParts),
    rawParts,
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

export function openStore(file: string, opts: OpenOptions = {}): SqliteStore {
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
  // Checkpoints on a thread of their own, not inside a COMMIT on the event loop; none while the
  // files are not the ones opened (the write health's rescue checkpoints those itself).
  const checkpointer =
    file === ':memory:' || opts.readonly
      ? undefined
      : startWalCheckpointer(db, file, { log: opts.log, skip: () => health.filesFault() !== undefined });
  return {
    ...repositoriesOver(sql),
    sql,
    db,
    health,
    ready: () => Promise.resolve(),
    durable: () => barrier.sync(),
    close() {
      clearInterval(watch);
      void checkpointer?.close();
      void barrier.close();
      void sql.close();
    },
  };
}

export interface PostgresStoreOptions {
  /** Connections at most (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** Where the migrations applied and an idle connection's failure are logged. */
  log?: Pick<Logger, 'info' | 'warn'>;
}

/**
 * The store on the PostgreSQL at `url` (DATABASE_URL), shared by several instances. Nothing
 * connects here: ready() migrates (src/store/pg/migrate.ts), and a server that is down makes
 * that, or a later statement, fail.
 */
export function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Store {
  const sql = openPostgresDriver(url, { poolSize: opts.poolSize, log: opts.log });
  let migrated: Promise<void> | undefined;
  async function migrate(): Promise<void> {
    // Its own connection: the advisory lock is the session's, and a pooled one may be reused.
    const client = await connectPostgres(url);
    try {
      const applied = await migratePostgres(client);
      if (applied.length > 0) opts.log?.info({ migrations: applied, database: sql.description }, 'PostgreSQL schema migrated');
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return {
    ...repositoriesOver(sql),
    sql,
    health: new PostgresWriteHealth(sql),
    ready() {
      // A failed attempt is tried again at the next call.
      migrated ??= migrate().catch((err: unknown) => {
        migrated = undefined;
        throw err;
      });
      return migrated;
    },
    // A COMMIT PostgreSQL answered is durable (its own WAL, fsync'd before the answer).
    durable: () => Promise.resolve(),
    close: () => sql.close(),
  };
}
