// A private PostgreSQL 15 on loopback for the store's PostgreSQL tests: Debian's package
// (binaries in /usr/lib/postgresql/15/bin), a fresh cluster in a temp folder, never the
// packaged cluster (/var/lib/postgresql/15/main, port 5432) and never /etc/postgresql.
//
//   const pg = await startPostgres();                       // 127.0.0.1, a free port
//   const url = await pg.createDatabase('copy_test');       // postgres://postgres@127.0.0.1:PORT/copy_test
//   await pg.stop();                                         // in afterAll, also on failure
//
// PostgreSQL refuses to run as root, and the tests run as root: the folder is handed to the
// `postgres` OS user and initdb/pg_ctl run through runuser (as the current user otherwise).
// Trust authentication, on the unix socket in the folder and 127.0.0.1 only; fsync and
// full_page_writes off: a test cluster is thrown away, so a crash of the machine may lose it
// (`durable: true` keeps them on, for the bench). The temp folder's parent (TMPDIR, /tmp by
// default) must be one the postgres user can enter.
// Collation "C" (byte order), as SQLite's BINARY compares text.

import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, waitForPort, waitForPortClosed } from './ports.ts';

const run = promisify(execFile);

export const PG_BIN = '/usr/lib/postgresql/15/bin';
/** The OS user the cluster runs as when the tests run as root. */
const PG_OS_USER = 'postgres';
/** Bounded waits: initdb takes ~1-2 s, a start or stop well under a second on an idle machine. */
const INITDB_TIMEOUT_MS = 60_000;
const START_STOP_TIMEOUT_S = 30;

export interface Postgres {
  host: '127.0.0.1';
  port: number;
  /** The temp folder: data/, the unix socket and server.log. */
  dir: string;
  /** The superuser's URL for the `postgres` database. */
  url: string;
  /** Creates a fresh, empty database and returns its URL (names: [a-z0-9_]). */
  createDatabase(name: string): Promise<string>;
  /** The server's log so far (for a failing test's message). */
  log(): string;
  /** Stops the cluster (fast shutdown) and removes the folder. */
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Default: a free loopback port. */
  port?: number;
  /** fsync and full-page writes on, as in production (the bench); default off (tests). */
  durable?: boolean;
  /** max_connections; default 60 (one test file's pools). The suite-wide cluster needs more. */
  maxConnections?: number;
}

export async function startPostgres(opts: PostgresOptions = {}): Promise<Postgres> {
  if (!existsSync(path.join(PG_BIN, 'postgres'))) {
    throw new Error(`no PostgreSQL 15 in ${PG_BIN}: run tests/setup/install-test-servers.sh`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'rebound-pg-'));
  const asRoot = userInfo().uid === 0;
  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', PG_OS_USER]);
      const { stdout: gid } = await run('id', ['-g', PG_OS_USER]);
      chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    const data = path.join(dir, 'data');
    await asPostgres(
      asRoot,
      'initdb',
      ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'],
      INITDB_TIMEOUT_MS,
    );
    // Only the socket in our folder and loopback; nothing from the packaged cluster.
    writeFileSync(path.join(data, 'pg_hba.conf'), ['local all all trust', 'host all all 127.0.0.1/32 trust', ''].join('\n'));
    // Up to three ports: another test may take a free port between our probe and the bind.
    let lastErr: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = opts.port ?? (await freePort());
      appendFileSync(
        path.join(data, 'postgresql.conf'),
        [
          '',
          '# tests/harness/postgres.ts (later lines win)',
          "listen_addresses = '127.0.0.1'",
          `port = ${port}`,
          `unix_socket_directories = '${dir}'`,
          ...(opts.durable ? [] : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']),
          'shared_buffers = 32MB',
          `max_connections = ${opts.maxConnections ?? 60}`,
          '',
        ].join('\n'),
      );
      try {
        await asPostgres(
          asRoot,
          'pg_ctl',
          ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', String(START_STOP_TIMEOUT_S), 'start'],
          (START_STOP_TIMEOUT_S + 5) * 1000,
        );
        await waitForPort('127.0.0.1', port, 100, 50);
        return instance(dir, data, port, asRoot);
      } catch (err) {
        lastErr = err;
        if (opts.port !== undefined) break;
      }
    }
    throw new Error(`PostgreSQL did not start: ${(lastErr as Error).message}\n${readLog(dir)}`);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function instance(dir: string, data: string, port: number, asRoot: boolean): Postgres {
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    dir,
    url,
    async createDatabase(name) {
      if (!/^[a-z0-9_]{1,60}$/.test(name)) throw new Error(`createDatabase: "${name}" is not [a-z0-9_]`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    log: () => readLog(dir),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await asPostgres(asRoot, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', String(START_STOP_TIMEOUT_S), 'stop'], 40_000).catch(() =>
          // A client that will not let go: immediate shutdown (the cluster is thrown away).
          asPostgres(asRoot, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', String(START_STOP_TIMEOUT_S), 'stop'], 40_000),
        );
        await waitForPortClosed('127.0.0.1', port, 100, 50);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function asPostgres(asRoot: boolean, tool: string, args: string[], timeoutMs: number): Promise<unknown> {
  const bin = path.join(PG_BIN, tool);
  // cwd: the postgres user cannot read root's working directory, and initdb complains.
  const options = { timeout: timeoutMs, cwd: '/' };
  return asRoot ? run('runuser', ['-u', PG_OS_USER, '--', bin, ...args], options) : run(bin, args, options);
}

function readLog(dir: string): string {
  try {
    return readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-4000);
  } catch {
    return '(no server log)';
  }
}
