import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestor } from '../../src/ingest.ts';
import { importPath, settingsCheckpoints } from '../../src/intake/import.ts';
import { readMbox } from '../../src/intake/mbox.ts';
import { silentLogger } from '../../src/log.ts';
import { dsn as dsnVariant } from '../notify/dsn-fixtures.ts';
import { storeEnv } from '../harness/app-env.ts';
import { onSqlite, openTestStore, scalar, type TestStore } from '../harness/test-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const POSTFIX = path.join(ROOT, 'tests/fixtures/corpus/postfix');
const dsn = (name: string) => readFileSync(path.join(POSTFIX, name));
const toLf = (b: Buffer) => Buffer.from(b.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
const plain = Buffer.from(
  'From: a@example.org\nTo: b@example.org\nSubject: hello\n\nFirst line\nFrom here on, a line that mbox must escape.\n',
);

let dir: string;
let store: TestStore;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-import-'));
  store = await openTestStore();
});
afterEach(() => store.dispose());

function writeMbox(file: string, messages: Buffer[]): void {
  const parts = messages.map((m) => {
    const escaped = toLf(m)
      .toString('latin1')
      .replace(/^(>*From )/gm, '>$1');
    return `From MAILER-DAEMON Sat Nov 21 10:00:00 2026\n${escaped}${escaped.endsWith('\n') ? '' : '\n'}\n`;
  });
  writeFileSync(file, parts.join(''), 'latin1');
}

describe('file import', () => {
  it('splits an mbox into its messages and undoes the >From escape', async () => {
    const file = path.join(dir, 'box.mbox');
    writeMbox(file, [plain, dsn('dsn-remote-550.eml')]);
    const out: Buffer[] = [];
    for await (const m of readMbox(file)) out.push(m.raw);
    expect(out).toHaveLength(2);
    expect(out[0]!.toString()).toBe(plain.toString());
    expect(out[1]!.toString()).toContain('Undelivered Mail Returned to Sender');
  });

  it('records every message of an mbox, a Maildir and a single file, and counts them', async () => {
    const ingestor = createIngestor({ store, log: silentLogger() });
    const mbox = path.join(dir, 'bounces.mbox');
    writeMbox(mbox, [dsn('dsn-error-transport.eml'), dsn('dsn-delayed-remote450.eml'), plain]);
    const m = await importPath(mbox, { ingestor });
    expect(m).toEqual({ read: 3, processed: 2, skipped: 1, problem: 0, duplicates: 0, failed: 0, noticesQueued: 0 });

    const maildir = path.join(dir, 'Maildir');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(path.join(maildir, sub), { recursive: true });
    writeFileSync(path.join(maildir, 'new', '1.host'), dsn('dsn-remote-550.eml'));
    writeFileSync(path.join(maildir, 'cur', '2.host:2,S'), dsn('dsn-failed-connrefused.eml'));
    writeFileSync(path.join(maildir, 'tmp', '3.host'), dsn('dsn-failed-remote450.eml'));
    const md = await importPath(maildir, { ingestor });
    expect(md).toMatchObject({ read: 2, processed: 2, failed: 0 });

    const single = path.join(dir, 'one.eml');
    writeFileSync(single, dsn('dsn-remote-550.eml'));
    expect(await importPath(single, { ingestor })).toMatchObject({ read: 1, duplicates: 1 });
    expect(await scalar(store, "SELECT COUNT(*) AS n FROM messages WHERE source = 'import'")).toBe(5);
  });

  // Fails the writes with SQLite's PRAGMA query_only; nothing switches a PostgreSQL pool so.
  it.skipIf(!onSqlite)('counts messages it could not store as failed instead of stopping', async () => {
    const ingestor = createIngestor({ store, log: silentLogger() });
    store.db!.pragma('query_only = ON');
    const errors: string[] = [];
    const t = await importPath(path.join(POSTFIX, 'dsn-remote-550.eml'), { ingestor, onError: (w) => errors.push(w) });
    expect(t).toMatchObject({ read: 1, failed: 1 });
    expect(errors).toEqual([path.join(POSTFIX, 'dsn-remote-550.eml')]);
  });

  it('counts a whole failed commit of hundreds as failed, keeps its resume point before them, and a rerun loses none and doubles none', async () => {
    const count = 2500;
    const file = path.join(dir, 'big.mbox');
    writeMbox(
      file,
      Array.from({ length: count }, (_, i) => dsnVariant({ tag: `batch-${i}`, failed: `user${i}@mx-reject.test` })),
    );
    // The second commit's flush fails (a disk error after the COMMIT): every write of that
    // group is refused, though its rows may be in the file (then they come back as duplicates).
    let flushes = 0;
    const failing = Object.create(store) as TestStore;
    failing.durable = () => (++flushes === 2 ? Promise.reject(new Error('EIO: simulated flush failure')) : store.durable());
    const checkpoints = settingsCheckpoints(store);
    const first = await importPath(file, { ingestor: createIngestor({ store: failing, log: silentLogger() }), checkpoints });
    expect(first.read).toBe(count);
    // A group, not one message: hundreds in flight share each commit.
    expect(first.failed).toBeGreaterThan(1);
    expect(first.processed + first.failed).toBe(count);
    const saved = (await checkpoints.get(file))!;
    expect(saved.read).toBeLessThanOrEqual(count - first.failed);

    let resumedAt = -1;
    const second = await importPath(file, {
      ingestor: createIngestor({ store, log: silentLogger() }),
      checkpoints,
      onResume: (_f, n) => (resumedAt = n),
    });
    expect(resumedAt).toBe(saved.read);
    expect(second).toMatchObject({ read: count - saved.read, failed: 0 });
    expect(second.processed + second.duplicates).toBe(second.read);
    expect(await scalar(store, 'SELECT COUNT(*) AS n FROM messages')).toBe(count);
    expect(await scalar(store, 'SELECT COUNT(DISTINCT email_to) AS n FROM bounces')).toBe(count);
    expect(await scalar(store, 'SELECT COUNT(*) AS n FROM bounces')).toBe(count);
  });

  it('runs from the command line with a progress summary', async () => {
    const run = promisify(execFile);
    const at = { DATA_DIR: path.join(dir, 'cli-data'), ...(await storeEnv()) };
    const { stderr } = await run(process.execPath, [path.join(ROOT, 'src/cli.ts'), 'import', POSTFIX], {
      env: { ...process.env, ...at, LOG_LEVEL: 'silent' },
    });
    expect(stderr).toMatch(/imported .*postfix: 6 read, 6 bounces, 0 skipped \(not bounces\), 0 problem, 0 duplicates, 0 failed/);
    // Several paths: one line each and a total; everything is already recorded now.
    const again = await run(
      process.execPath,
      [path.join(ROOT, 'src/cli.ts'), 'import', path.join(POSTFIX, 'dsn-remote-550.eml'), POSTFIX],
      {
        env: { ...process.env, ...at, LOG_LEVEL: 'silent' },
      },
    );
    expect(again.stderr).toMatch(
      /imported .*dsn-remote-550\.eml: 1 read, 0 bounces, 0 skipped \(not bounces\), 0 problem, 1 duplicates, 0 failed/,
    );
    expect(again.stderr).toContain('total: {"read":7,"processed":0,"skipped":0,"problem":0,"duplicates":7,"failed":0,"noticesQueued":0}');
    const err = await run(process.execPath, [path.join(ROOT, 'src/cli.ts'), 'import', path.join(dir, 'nope')], {
      env: { ...process.env, ...at },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(/cannot read .*nope/);
  });
});
