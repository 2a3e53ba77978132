// `rebound copy` as a user runs it (node src/cli.ts copy), from a SQLite store filled through
// the real ingest path (corpus bounces with their notices, suppressions and webhook events,
// an API token, a manual suppression, settings) into a private PostgreSQL: every row arrives
// unchanged, the ids continue after the copied ones, a non-empty target is refused, an
// interrupted copy resumes without doubles, and a count that differs fails the command.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createIngestor } from '../../../src/ingest.ts';
import { paddedDsn } from '../../notify/forged-dsn.ts';
import { silentLogger } from '../../../src/log.ts';
import { createNoticePlanner } from '../../../src/notify/notices.ts';
import { announceSuppressionChanges, recordHooks } from '../../../src/record-hooks.ts';
import { connectPostgres } from '../../../src/store/pg/connect.ts';
import { openStore } from '../../../src/store/store.ts';
import { DatabaseSessionStore } from '../../../src/web/session.ts';
import { runCli, type CliResult } from '../../harness/cli.ts';
import { freePort } from '../../harness/ports.ts';
import { startPostgres, type Postgres } from '../../harness/postgres.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = path.join(ROOT, 'tests/fixtures/corpus');
const dir = mkdtempSync(path.join(tmpdir(), 'rebound-copy-'));
const dbFile = path.join(dir, 'bounces.db');
const env = { DATA_DIR: dir, LOCAL_DOMAINS: 'example.org, app.test', NOTIFY_CC: 'ops@example.org', LOG_LEVEL: 'silent' };

let server: Postgres;
const clients: pg.Client[] = [];

/** Runs the CLI (bounded: 60 s) and resolves with its exit code and output. */
function cli(...args: string[]): Promise<CliResult> {
  return runCli({ ...process.env, ...env }, args);
}

async function database(name: string): Promise<{ url: string; client: pg.Client }> {
  const url = await server.createDatabase(name);
  const client = await connectPostgres(url);
  clients.push(client);
  return { url, client };
}

/** A new database with rebound's schema, as `rebound migrate` leaves it. */
async function migratedDatabase(name: string): Promise<{ url: string; client: pg.Client }> {
  const d = await database(name);
  const migrated = await cli('migrate', '--database-url', d.url);
  expect(migrated.stderr).toBe('');
  expect(migrated.status).toBe(0);
  return d;
}

/** `rebound copy --from sqlite:<the filled store> --to URL ...more`. */
function copyTo(url: string, ...more: string[]): Promise<CliResult> {
  return cli('copy', '--from', `sqlite:${dbFile}`, '--to', url, ...more);
}

/** The store as a user's installation holds it, written by the code that writes it in service. */
async function fillSource(): Promise<void> {
  const config = loadConfig(env, dir);
  const store = openStore(dbFile);
  const webhooks = store.webhooks;
  await webhooks.createEndpoint({
    url: 'https://hooks.example.org/rebound',
    events: ['bounce.recorded', 'suppression.added'],
    enabled: true,
  });
  await webhooks.createEndpoint({ url: 'https://old.example.org/hook', events: ['bounce.recorded'], enabled: false });
  await store.tokens.create('crm sync', 'write');
  await store.tokens.revoke((await store.tokens.create('old', 'read')).id);
  announceSuppressionChanges(store, config);
  await store.suppressions.add(
    { address: 'gone@example.net', reason: 'manual', source: 'manual', by: 'admin', note: 'asked by phone' },
    new Date(),
  );
  await store.settings.set('admin_password_hash', 'scrypt$example');
  await store.imapState.set('bounces@imap.example.org/INBOX', { uidvalidity: 1700000000, lastUid: 42 });
  // What several instances share: a mailbox lease, a job's last period, a signed-in session.
  await store.leases.acquire('imap:default', 'relay-1:100:0badcafe', 60_000);
  await store.leases.claimPeriod('summary', '2026-11-30T07:00:00.000Z', 'relay-1:100:0badcafe');
  await new DatabaseSessionStore(store.sql, () => Date.now()).set('sid-1', { user: 'admin', csrf: 'token' }, 3_600_000);
  const ingestor = createIngestor({
    store,
    log: silentLogger(),
    planNotices: createNoticePlanner(config),
    recordHooks: recordHooks(config),
  });
  const files = [
    ...readdirSync(path.join(CORPUS, 'postfix')).map((f) => path.join(CORPUS, 'postfix', f)),
    ...readdirSync(path.join(CORPUS, 'sisimai/maildir/bsd'))
      .sort()
      .slice(0, 60)
      .map((f) => path.join(CORPUS, 'sisimai/maildir/bsd', f)),
  ];
  for (const f of files) await ingestor.ingest({ raw: readFileSync(f), source: 'import' });
  // A message over 1 MiB, whose bytes are kept in raw_parts.
  await ingestor.ingest({ raw: paddedDsn('copied', 1024 * 1024 + 100_000), source: 'lmtp' });
  // And one whose parts are written but whose commit has not come (raw_parts_pending).
  await store.rawParts.write('f'.repeat(64), paddedDsn('in-flight', 1024 * 1024 + 100_000), new Date());
  // The same bounce again with other headers (as IMAP delivers it): a message row, duplicate_of set.
  const again = readFileSync(path.join(CORPUS, 'postfix/dsn-remote-550.eml'));
  await ingestor.ingest({ raw: Buffer.concat([Buffer.from('Delivered-To: bounces@example.org\r\n'), again]), source: 'imap' });
  await ingestor.drain();
  const head = (await webhooks.heads())[0];
  if (head)
    await webhooks.recordAttempt(
      head.id,
      { at: new Date(), httpStatus: 503, durationMs: 12, error: '', responseExcerpt: 'busy' },
      { delivered: false, retryAt: new Date() },
    );
  store.close();
}

const sqliteTables = () => {
  const store = openStore(dbFile);
  try {
    return store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
  } finally {
    store.close();
  }
};

/** Every row of a table in one order both engines share (primary key, else every column). */
async function bothSides(client: pg.Client, table: string): Promise<{ sqlite: unknown[]; postgres: unknown[] }> {
  const store = openStore(dbFile);
  try {
    const cols = store.db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string; pk: number }[];
    const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const order = (key.length > 0 ? key : cols).map((c) => `"${c.name}"`).join(', ');
    const select = `SELECT ${cols.map((c) => `"${c.name}"`).join(', ')} FROM "${table}" ORDER BY ${order}`;
    return { sqlite: store.db.prepare(select).all(), postgres: (await client.query(select)).rows };
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  server = await startPostgres();
  await fillSource();
}, 120_000);
afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('rebound copy', () => {
  it('copies every row of every table unchanged, prints the counts, and ids continue after the copied ones', async () => {
    const { url, client } = await database('full');
    const r = await copyTo(url);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^done: \d+ rows copied in [\d.]+ s \(\d+ rows\/s\)/m);

    const tables = sqliteTables();
    let total = 0;
    for (const table of tables) {
      const { sqlite, postgres } = await bothSides(client, table);
      // Every table of a real installation holds rows here, so nothing below compares empties.
      expect({ table, rows: sqlite.length > 0 }).toEqual({ table, rows: true });
      expect({ table, rows: postgres }).toEqual({ table, rows: sqlite });
      expect(r.stdout).toContain(`${table}: ${sqlite.length} rows in SQLite, ${sqlite.length} in PostgreSQL`);
      total += sqlite.length;
    }
    expect(total).toBeGreaterThan(200);
    // The raw mail arrives byte for byte (bytea), the way the dashboard shows it.
    const raw = await client.query('SELECT raw FROM messages ORDER BY id LIMIT 1');
    expect(Buffer.isBuffer(raw.rows[0].raw)).toBe(true);

    // A row written after the move gets the next id, not one of the copied ones.
    const maxToken = (await client.query('SELECT max(id) AS m FROM api_tokens')).rows[0].m as number;
    const made = await client.query(
      "INSERT INTO api_tokens (name, token_hash, hint, scope, created_at) VALUES ('new', 'h-new', 'rbt_', 'read', '2026-11-30T00:00:00Z') RETURNING id",
    );
    expect(made.rows[0].id).toBe(maxToken + 1);
    const maxBounce = (await client.query('SELECT max(id) AS m FROM bounces')).rows[0].m as number;
    const nextBounce = await client.query("SELECT nextval(pg_get_serial_sequence('bounces', 'id')) AS n");
    expect(nextBounce.rows[0].n).toBe(maxBounce + 1);
  });

  it('refuses a database that already holds rows, and changes nothing in it', async () => {
    const { url, client } = await migratedDatabase('busy');
    await client.query("INSERT INTO settings (key, value) VALUES ('mine', 'keep')");
    const r = await copyTo(url);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not empty \(table settings holds rows\).*--resume/);
    expect((await client.query('SELECT key, value FROM settings')).rows).toEqual([{ key: 'mine', value: 'keep' }]);
    expect((await client.query('SELECT count(*) AS n FROM bounces')).rows[0].n).toBe(0);
  });

  it('continues an interrupted copy with --resume: no row lost, none doubled', async () => {
    const { url, client } = await migratedDatabase('interrupted');
    // The copy breaks off at webhook_attempts (copied after messages, bounces, outbox, ...).
    await client.query('ALTER TABLE webhook_attempts ADD CONSTRAINT interrupted CHECK (false) NOT VALID');
    const broken = await copyTo(url);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/copying webhook_attempts: .*interrupted.*run again with --resume/s);
    const copiedBefore = (await client.query('SELECT count(*) AS n FROM bounces')).rows[0].n as number;
    expect(copiedBefore).toBeGreaterThan(0);

    expect((await copyTo(url)).stderr).toMatch(/not empty/);
    await client.query('ALTER TABLE webhook_attempts DROP CONSTRAINT interrupted');
    const resumed = await copyTo(url, '--resume');
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(
      new RegExp(`bounces: ${copiedBefore} rows in SQLite, ${copiedBefore} in PostgreSQL \\(0 copied, ${copiedBefore} already there\\) ok`),
    );
    for (const table of sqliteTables()) {
      const { sqlite, postgres } = await bothSides(client, table);
      expect({ table, rows: postgres }).toEqual({ table, rows: sqlite });
    }
  });

  it('exits 1 naming the table when the counts differ after the copy', async () => {
    const { url, client } = await database('differs');
    expect((await copyTo(url)).status).toBe(0);
    // A row only PostgreSQL has (written there since): a resumed copy cannot call that complete.
    await client.query(
      "INSERT INTO suppressions (address, scope, reason, source, first_seen, last_seen) VALUES ('x@example.com', 'address', 'manual', 'manual', 'a', 'a')",
    );
    const r = await copyTo(url, '--resume');
    expect(r.status).toBe(1);
    const counts = /suppressions: (\d+) rows in SQLite, (\d+) in PostgreSQL .*MISMATCH: more rows in PostgreSQL than in SQLite/.exec(
      r.stdout,
    );
    expect(counts).not.toBeNull();
    // The one row added by hand above, and nothing else.
    expect(Number(counts![2])).toBe(Number(counts![1]) + 1);
    expect(r.stderr).toMatch(/row counts differ in suppressions/);
  });

  it('says it cannot connect when PostgreSQL is down, without the password, and exits 1', async () => {
    const closed = await freePort();
    const r = await copyTo(`postgres://rebound:pw-s3cret@127.0.0.1:${closed}/rebound`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^rebound copy: cannot connect to PostgreSQL at postgres://rebound:\\*\\*\\*@127\\.0\\.0\\.1:${closed}/rebound: .*ECONNREFUSED`,
      ),
    );
    expect(r.stderr).not.toContain('pw-s3cret');
    expect(r.stdout).toBe('');
  });

  it('says there is no SQLite database rather than copying nothing, and makes none', async () => {
    const { url, client } = await database('no_source');
    const missing = path.join(dir, 'no-such.db');
    const r = await cli('copy', '--from', `sqlite:${missing}`, '--to', url);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`rebound copy: no SQLite database at ${missing}\n`);
    expect(readdirSync(dir)).not.toContain('no-such.db');
    // Nothing was written to the target either: not even the schema.
    expect((await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")).rows[0]).toEqual({
      n: 0,
    });
  });

  it('keeps a text with a NUL character (which PostgreSQL text cannot hold) as U+FFFD, and says so', async () => {
    const small = path.join(dir, 'nul.db');
    const store = openStore(small);
    await store.settings.set('stranger_text', 'before\u0000after');
    store.close();
    const { url, client } = await database('nul');
    const r = await cli('copy', '--from', `sqlite:${small}`, '--to', url);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('settings: 1 rows in SQLite, 1 in PostgreSQL (1 copied, 1 values had NUL characters (now U+FFFD)) ok');
    expect((await client.query('SELECT value FROM settings')).rows).toEqual([{ value: 'before\uFFFDafter' }]);
  });

  it("copies DATA_DIR's database by default, and refuses a source that is not sqlite: or a missing target", async () => {
    const { url, client } = await database('defaults');
    const r = await cli('copy', '--to', url);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`copying ${dbFile} to ${url}`);
    expect((await client.query('SELECT count(*) AS n FROM bounces')).rows[0].n).toBeGreaterThan(0);

    const notSqlite = await cli('copy', '--from', dbFile, '--to', url);
    expect(notSqlite.status).toBe(2);
    expect(notSqlite.stderr).toMatch(/--from takes sqlite:PATH/);
    const nowhere = await cli('copy', '--from', `sqlite:${dbFile}`);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toMatch(/say where to: --to postgres:/);
  });
});
