// Settings every test that starts the whole service (buildApp, `rebound start`) shares.

import { freshDatabaseUrl, testEngine } from './pg-suite.ts';

/**
 * The suppression servers listen on fixed ports by default (2426, 2427): a test that is not
 * about them turns them off, so test files never contend for those ports.
 */
export const NO_SUPPRESSION_SERVERS = { SOCKETMAP_LISTEN: 'off', POLICY_LISTEN: 'off' } as const;

/**
 * Where the store of one app (or `rebound` command) a test starts lives, on this run's engine
 * (REBOUND_TEST_ENGINE, pg-suite.ts): on PostgreSQL a fresh migrated database of its own
 * (DATABASE_URL, which wins over DATA_DIR); on SQLite nothing, so DATA_DIR says where as before.
 * Spread it into the env given to loadConfig or runCli: `{ DATA_DIR: dir, ...(await storeEnv()) }`.
 */
export async function storeEnv(): Promise<{ DATABASE_URL?: string }> {
  return testEngine() === 'postgres' ? { DATABASE_URL: await freshDatabaseUrl() } : {};
}

const storeOfDir = new Map<string, Promise<{ DATABASE_URL?: string }>>();

/**
 * storeEnv() once per DATA_DIR: an app or command started again on the same folder (a
 * restart, a second instance beside it) finds the same database on either engine.
 */
export function storeEnvOf(dataDir: string): Promise<{ DATABASE_URL?: string }> {
  let env = storeOfDir.get(dataDir);
  if (!env) storeOfDir.set(dataDir, (env = storeEnv()));
  return env;
}
