// `rebound migrate` as a user runs it (node src/cli.ts migrate): on SQLite in DATA_DIR and on
// a private PostgreSQL (DATABASE_URL or --database-url), naming what it applied and saying so
// when there was nothing to do; and `rebound start` with DATABASE_URL migrating and running on
// PostgreSQL, not on SQLite in DATA_DIR.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SUPPRESSION_SERVERS } from '../harness/app-env.ts';
import { runCli, type CliResult } from '../harness/cli.ts';
import pg from 'pg';
import { freePort } from '../harness/ports.ts';
import { reboundProcess } from '../harness/rebound-process.ts';
import { startPostgres, type Postgres } from '../harness/postgres.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'rebound-migrate-'));
const SQLITE_NAMES = readdirSync(path.join(ROOT, 'src/store/migrations'))
  .filter((f) => /^\d+-.*\.sql$/.test(f))
  .sort();
const PG_NAMES = readdirSync(path.join(ROOT, 'src/store/migrations/postgres'))
  .filter((f) => /^\d+-.*\.sql$/.test(f))
  .sort();

let server: Postgres;

/** Runs the CLI (bounded: 60 s) with only the given variables beyond PATH and HOME. */
function cli(vars: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return runCli({ PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', ...vars }, args);
}

const appliedLines = (names: string[]) => names.map((n) => `applied ${n}\n`).join('');

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('rebound migrate', () => {
  it('creates the SQLite database in DATA_DIR naming each migration, then finds nothing to do', async () => {
    const data = path.join(dir, 'sqlite');
    const first = await cli({ DATA_DIR: data }, 'migrate');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const version = Number(SQLITE_NAMES.at(-1)!.split('-')[0]);
    expect(first.stdout).toBe(`${appliedLines(SQLITE_NAMES)}SQLite ${path.join(data, 'bounces.db')}: schema version ${version}\n`);
    const again = await cli({ DATA_DIR: data }, 'migrate');
    expect(again.stdout).toBe(`SQLite ${path.join(data, 'bounces.db')}: schema version ${version}, already up to date\n`);
  });

  it('migrates the PostgreSQL database DATABASE_URL or --database-url names, once', async () => {
    const url = await server.createDatabase('by_variable');
    const version = Number(PG_NAMES.at(-1)!.split('-')[0]);
    const first = await cli({ DATA_DIR: path.join(dir, 'unused'), DATABASE_URL: url }, 'migrate');
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(`${appliedLines(PG_NAMES)}PostgreSQL ${url}: schema version ${version}\n`);
    const again = await cli({ DATA_DIR: path.join(dir, 'unused') }, 'migrate', '--database-url', url);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(`PostgreSQL ${url}: schema version ${version}, already up to date\n`);
    // Neither touched SQLite.
    expect(() => readdirSync(path.join(dir, 'unused'))).toThrow(/ENOENT/);
  });

  it('says it cannot connect, without the password, and exits 1', async () => {
    const url = `postgres://rebound:pw-s3cret@127.0.0.1:${server.port}/no_such_db`;
    const r = await cli({ DATA_DIR: path.join(dir, 'unused') }, 'migrate', '--database-url', url);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^rebound migrate: cannot connect to PostgreSQL at postgres:\/\/rebound:\*\*\*@127\.0\.0\.1:\d+\/no_such_db: .*role "rebound" does not exist/,
    );
    expect(r.stderr).not.toContain('pw-s3cret');
  });

  it('says it cannot connect when nothing listens there, without the password, and exits 1', async () => {
    // A port nobody listens on: PostgreSQL down, or the wrong host in the URL.
    const closed = await freePort();
    const url = `postgres://rebound:pw-s3cret@127.0.0.1:${closed}/rebound`;
    const r = await cli({ DATA_DIR: path.join(dir, 'unused') }, 'migrate', '--database-url', url);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^rebound migrate: cannot connect to PostgreSQL at postgres://rebound:\\*\\*\\*@127\\.0\\.0\\.1:${closed}/rebound: .*ECONNREFUSED`,
      ),
    );
    expect(r.stderr).not.toContain('pw-s3cret');
  });

  it('refuses an unknown option or a URL that is not PostgreSQL', async () => {
    const bogus = await cli({}, 'migrate', '--bogus');
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toMatch(/--bogus/);
    expect(bogus.stderr).toMatch(/usage: rebound migrate/);
    const r = await cli({}, 'migrate', '--database-url', 'mysql://db/rebound');
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/--database-url: "mysql:" URLs are not supported/);
  });
});

describe('rebound start with DATABASE_URL', () => {
  it('migrates the PostgreSQL database, answers /health with the database ok, writes nothing to DATA_DIR, and stops cleanly', async () => {
    const url = await server.createDatabase('started');
    const data = path.join(dir, 'start');
    const [lmtpPort, webPort] = [await freePort(), await freePort()];
    const rebound = reboundProcess({
      name: 'pg',
      logFile: path.join(dir, 'start.log'),
      lmtpPort,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...NO_SUPPRESSION_SERVERS,
        DATA_DIR: data,
        DATABASE_URL: url,
        ADMIN_PASS: 'migrate-test-password',
        LMTP_LISTEN: `127.0.0.1:${lmtpPort}`,
        WEBUI_PORT: String(webPort),
      },
    });
    try {
      await rebound.start();
      const health = await fetch(`http://127.0.0.1:${webPort}/health`);
      const report = (await health.json()) as { status: string; parts: Record<string, { ok: boolean; detail: string }> };
      expect(health.status, rebound.log()).toBe(200);
      expect(report.parts.database).toEqual({ ok: true, detail: 'a test write succeeded' });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const applied = await client.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM schema_migrations');
        expect(applied.rows[0]!.n).toBe(PG_NAMES.length);
      } finally {
        await client.end();
      }
      expect(() => readdirSync(path.join(data, 'bounces.db'))).toThrow(/ENOENT/);
    } finally {
      await rebound.stop();
    }
    expect(rebound.log()).toMatch(/"msg":"stopped"/);
  });

  it('runs `rebound suppress` on the PostgreSQL database, not on a SQLite file in DATA_DIR', async () => {
    const url = await server.createDatabase('commands');
    const data = path.join(dir, 'commands');
    const vars = { DATA_DIR: data, DATABASE_URL: url };
    const added = await cli(vars, 'suppress', 'add', 'gone@example.org', '--note', 'by hand');
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const listed = await cli(vars, 'suppress', 'list');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^gone@example\.org\t/m);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT address FROM suppressions')).rows).toEqual([{ address: 'gone@example.org' }]);
    } finally {
      await client.end();
    }
    expect(() => readdirSync(path.join(data, 'bounces.db'))).toThrow(/ENOENT/);
  });
});
