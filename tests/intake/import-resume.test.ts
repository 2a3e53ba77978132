// `rebound import` of an mbox interrupted (SIGKILL, as a power cut or an impatient admin
// would) and run again: it resumes at its saved point, and every message is stored once.
// Also the progress display, on a terminal and in a log.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImportProgress } from '../../src/intake/import-progress.ts';
import { dsn } from '../notify/dsn-fixtures.ts';
import { storeEnv } from '../harness/app-env.ts';
import { openStoreOf, scalar } from '../harness/test-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MESSAGES = 5000;

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-import-resume-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(ROOT, 'src/cli.ts'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, exited, stderr: () => stderr };
}

describe('rebound import of an mbox', () => {
  it('resumes after an interruption where it stopped, and stores every message once', { timeout: 120_000 }, async () => {
    const mbox = path.join(dir, 'bounces.mbox');
    const parts: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const text = dsn({ tag: `resume-${i}`, failed: `user${i}@mx-reject.test` })
        .toString('latin1')
        .replace(/^(>*From )/gm, '>$1');
      parts.push(`From MAILER-DAEMON Sat Nov 21 10:00:00 2026\n${text}${text.endsWith('\n') ? '' : '\n'}\n`);
    }
    writeFileSync(mbox, parts.join(''), 'latin1');
    const env = { DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', ...(await storeEnv()) };
    // The database the command writes, read beside it as another process would.
    const reader = await openStoreOf(env);
    try {
      const first = cli(['import', mbox], env);
      // Killed once its first resume point is saved (every 1000 messages), long before the end.
      const deadline = Date.now() + 90_000;
      let saved: { offset: number; read: number } | undefined;
      while (!saved && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        const v = await reader.sql.get<{ value: string }>("SELECT value FROM settings WHERE key LIKE 'import.mbox:%'");
        if (v) saved = JSON.parse(v.value) as { offset: number; read: number };
      }
      expect(first.child.exitCode).toBeNull();
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      expect(saved!.read).toBeGreaterThanOrEqual(1000);
      expect(saved!.read).toBeLessThan(MESSAGES);

      const second = cli(['import', mbox], env);
      expect(await second.exited).toBe(0);
      const resumed = Number(/resuming after (\d+) messages/.exec(second.stderr())?.[1]);
      expect(resumed).toBeGreaterThanOrEqual(saved!.read);
      const summary = /imported .*: (\d+) read, (\d+) bounces, \d+ skipped \(not bounces\), 0 problem, (\d+) duplicates, 0 failed/.exec(
        second.stderr(),
      );
      expect(summary).not.toBeNull();
      const [read, bounces, duplicates] = [Number(summary![1]), Number(summary![2]), Number(summary![3])];
      // The second run reads only what lies after its resume point; what the killed run stored
      // after its last saved point is recognised, not stored again.
      expect(read).toBe(MESSAGES - resumed);
      expect(bounces + duplicates).toBe(read);

      expect(await scalar(reader, 'SELECT COUNT(*) AS n FROM messages')).toBe(MESSAGES);
      expect(await scalar(reader, 'SELECT COUNT(*) AS n FROM bounces')).toBe(MESSAGES);
      expect(await scalar(reader, 'SELECT COUNT(DISTINCT email_to) AS n FROM bounces')).toBe(MESSAGES);

      // A third run finds nothing left to do.
      const third = cli(['import', mbox], env);
      expect(await third.exited).toBe(0);
      expect(third.stderr()).toMatch(new RegExp(`resuming after ${MESSAGES} messages`));
      expect(third.stderr()).toMatch(/: 0 read, 0 bounces/);
    } finally {
      await reader.close();
    }
  });
});

describe('import progress', () => {
  it('draws a bar with the count, the share done, the rate and the ETA on a terminal, at most every 100 ms', () => {
    let t = 0;
    const out: string[] = [];
    const p = createImportProgress('importing box', { write: (s) => out.push(s) }, true, () => t);
    t = 1000;
    p.update(2000, 0.25);
    t = 1050;
    p.update(2100, 0.26); // too soon: not drawn
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\rimporting box \[######\.{18}\] 2,000 messages 25% 2,000 msg\/s ETA 0:03/);
    p.done();
    expect(out[1]).toBe('\r\x1b[K');
  });

  it('writes plain lines every 5 s when not on a terminal', () => {
    let t = 0;
    const out: string[] = [];
    const p = createImportProgress('importing box', { write: (s) => out.push(s) }, false, () => t);
    for (t = 1000; t <= 12_000; t += 1000) p.update(t, t / 20_000);
    expect(out).toEqual([
      'importing box: 1000 messages, 5% done, 1000 msg/s, ETA 0:19\n',
      'importing box: 6000 messages, 30% done, 1000 msg/s, ETA 0:14\n',
      'importing box: 11000 messages, 55% done, 1000 msg/s, ETA 0:09\n',
    ]);
    p.done();
    expect(out).toHaveLength(3);
  });
});
