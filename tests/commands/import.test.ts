// `rebound import` as a new user runs it: an archive of old bounces queues no notices, a
// fresh bounce does, --no-notify queues none, and the summary line says how many.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { storeEnv } from '../harness/app-env.ts';
import { openStoreOf, scalar } from '../harness/test-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli.ts');
const POSTFIX = path.join(ROOT, 'tests/fixtures/corpus/postfix');
const run = promisify(execFile);

/** A folder with one bounce dated today and one as old as the corpus (days or more). */
function archive(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-import-cmd-'));
  const msgs = path.join(dir, 'mail');
  mkdirSync(msgs);
  const fresh = readFileSync(path.join(POSTFIX, 'dsn-remote-550.eml'), 'latin1').replace(
    /^Date: .*$/m,
    `Date: ${new Date().toUTCString()}`,
  );
  writeFileSync(path.join(msgs, '1-fresh.eml'), fresh, 'latin1');
  const old = readFileSync(path.join(POSTFIX, 'dsn-error-transport.eml'), 'latin1').replace(
    /^Date: .*$/m,
    'Date: Sat, 21 Nov 2020 10:00:00 +0000',
  );
  writeFileSync(path.join(msgs, '2-old.eml'), old, 'latin1');
  return dir;
}

async function importWith(dir: string, args: string[], env: Record<string, string> = {}) {
  const at = { DATA_DIR: path.join(dir, 'data'), ...(await storeEnv()) };
  const { stderr } = await run(process.execPath, [CLI, 'import', ...args, path.join(dir, 'mail')], {
    // The fixtures' originals were sent from app.test: the organisation's own mail.
    env: {
      ...process.env,
      ...at,
      LOG_LEVEL: 'silent',
      NOTIFY_CC: 'ops@example.org',
      LOCAL_DOMAINS: 'example.org, app.test',
      ...env,
    },
  });
  const store = await openStoreOf(at);
  try {
    const notices = await scalar(store, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'notice'");
    const bounces = await scalar(store, 'SELECT COUNT(*) AS n FROM bounces');
    const hard = (await store.sql.all<{ email_to: string }>("SELECT email_to FROM bounces WHERE bounce_type = 'hard' ORDER BY id")).map(
      (r) => r.email_to,
    );
    const notes = (await store.sql.all<{ notice_note: string }>('SELECT notice_note FROM bounces ORDER BY id')).map((r) => r.notice_note);
    const suppressed: string[] = [];
    for (const a of hard) if ((await store.suppressions.check(a, new Date())) !== undefined) suppressed.push(a);
    return { stderr, notices, bounces, hard, suppressed, notes };
  } finally {
    await store.close();
  }
}

describe('rebound import', () => {
  it('queues a notice for the fresh bounce only, and says so', async () => {
    const r = await importWith(archive(), []);
    expect(r.bounces).toBe(2);
    expect(r.notices).toBe(1);
    expect(r.stderr).toMatch(/2 read, 2 bounces, .* 0 failed; 1 notice queued/);
    // The old one says why it got none (written with the row, not updated after it).
    expect(r.notes).toEqual(['', 'no notice: an imported bounce older than IMPORT_NOTIFY_MAX_AGE']);
  });

  it('queues none with --no-notify, or with IMPORT_NOTIFY_MAX_AGE=0', async () => {
    const off = await importWith(archive(), ['--no-notify']);
    expect([off.bounces, off.notices]).toEqual([2, 0]);
    expect(off.stderr).toContain('; 0 notices queued');
    const zero = await importWith(archive(), [], { IMPORT_NOTIFY_MAX_AGE: '0' });
    expect(zero.notices).toBe(0);
    expect(zero.notes).toEqual(Array(2).fill('no notice: an imported bounce older than IMPORT_NOTIFY_MAX_AGE'));
  });

  it('notifies older bounces too when the setting allows it', async () => {
    const r = await importWith(archive(), [], { IMPORT_NOTIFY_MAX_AGE: '36500d' });
    expect(r.notices).toBe(2);
    expect(r.stderr).toContain('2 notices queued');
  });

  it('prints its help with the option and the setting, and refuses an unknown option', async () => {
    const help = await run(process.execPath, [CLI, 'import', '--help']);
    expect(help.stdout).toContain('--no-notify');
    expect(help.stdout).toContain('IMPORT_NOTIFY_MAX_AGE');
    const bad = await run(process.execPath, [CLI, 'import', '--notify-everyone', 'x']).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toContain('unknown option "--notify-everyone"');
  });

  it('puts imported hard bounces on the suppression list, with --no-notify too, as delivered ones are', async () => {
    const r = await importWith(archive(), ['--no-notify']);
    expect(r.hard.length).toBeGreaterThan(0);
    expect(r.suppressed).toEqual(r.hard);
  });
});
