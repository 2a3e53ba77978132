// One private PostgreSQL for a whole test run, for the suite on the PostgreSQL engine:
//
//   REBOUND_TEST_ENGINE=postgres npx vitest run --config tests/vitest.config.ts
//
// tests/vitest.config.ts names this file as a globalSetup: with REBOUND_TEST_ENGINE=postgres,
// setup() starts ONE cluster (tests/harness/postgres.ts), migrates a template database with
// src/store/pg/migrate.ts and hands its address to the test workers; teardown() stops it.
// Without it, nothing is started and the run costs nothing more.
//
// In a test file, freshDatabaseUrl() gives that file its own migrated database, a copy of the
// template (CREATE DATABASE ... TEMPLATE: ~30 ms, where migrating a new one takes ~1 s), so files
// never see each other's rows. The cluster and every database go with teardown(); a file that
// makes many may give each back early with dropDatabase(url).

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { connectPostgres } from '../../src/store/pg/connect.ts';
import { migratePostgres } from '../../src/store/pg/migrate.ts';
import { startPostgres, type Postgres } from './postgres.ts';

export type TestEngine = 'sqlite' | 'postgres';

/** What the workers are told: where the cluster is, and the migrated template's name. */
export interface PgSuite {
  /** The superuser's URL for the `postgres` database (to create databases). */
  adminUrl: string;
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    reboundPostgres: PgSuite | null;
  }
}

const TEMPLATE = 'rebound_template';
/** Each file's pools on one cluster: a file's stores (5 connections each) times the few open at once. */
const SUITE_MAX_CONNECTIONS = 200;

/** The engine this run's stores should use: REBOUND_TEST_ENGINE, SQLite unless it says postgres. */
export function testEngine(env: NodeJS.ProcessEnv = process.env): TestEngine {
  const v = (env.REBOUND_TEST_ENGINE ?? '').trim().toLowerCase();
  if (v === '' || v === 'sqlite') return 'sqlite';
  if (v === 'postgres' || v === 'postgresql') return 'postgres';
  throw new Error(`REBOUND_TEST_ENGINE="${v}": use sqlite (the default) or postgres`);
}

/** The cluster this process started (setup() called here), if any. */
let started: { server: Postgres; suite: PgSuite } | undefined;

/** vitest globalSetup: starts the cluster when the run is on PostgreSQL. */
export async function setup(project: Pick<TestProject, 'provide'>, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (testEngine(env) !== 'postgres') {
    project.provide('reboundPostgres', null);
    return;
  }
  const server = await startPostgres({ maxConnections: SUITE_MAX_CONNECTIONS });
  try {
    const templateUrl = await server.createDatabase(TEMPLATE);
    const client = await connectPostgres(templateUrl);
    try {
      await migratePostgres(client);
    } finally {
      await client.end();
    }
    const suite = { adminUrl: server.url, template: TEMPLATE };
    started = { server, suite };
    project.provide('reboundPostgres', suite);
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** vitest globalSetup: stops the cluster (and removes its folder), also after a failed run. */
export async function teardown(): Promise<void> {
  const s = started;
  started = undefined;
  await s?.server.stop();
}

function currentSuite(): PgSuite {
  let suite: PgSuite | null | undefined = started?.suite;
  if (!suite) {
    try {
      suite = inject('reboundPostgres');
    } catch {
      suite = undefined;
    }
  }
  if (!suite) {
    throw new Error('no suite PostgreSQL: run the tests with REBOUND_TEST_ENGINE=postgres (tests/vitest.config.ts starts it then)');
  }
  return suite;
}

async function withAdmin<T>(suite: PgSuite, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: suite.adminUrl });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

/** A new database, migrated to the current schema, for this test file alone; its URL. */
export async function freshDatabaseUrl(): Promise<string> {
  const suite = currentSuite();
  // Unique across workers (pid) and across files a reused worker runs (time, random).
  const name = `t_${process.pid}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(suite, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${suite.template}" STRATEGY FILE_COPY`));
  const url = new URL(suite.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database freshDatabaseUrl() made (its connections are ended first). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const suite = currentSuite();
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^t_[0-9]+_[0-9a-z]+_[0-9a-f]{8}$/.test(name)) throw new Error(`dropDatabase: "${name}" was not made by freshDatabaseUrl()`);
  await withAdmin(suite, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
