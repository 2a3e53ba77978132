// `rebound password`: the way back in when the generated password printed once at the first
// start was never seen. Run as a user would: from a pipe, with --generate, and on a terminal
// (a real pseudo-terminal from util-linux `script`).

import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { passwordCheck } from '../../src/web/auth.ts';
import { hashPassword, STORED_PASSWORD_KEY } from '../../src/web/password.ts';
import { storeEnv } from '../harness/app-env.ts';
import { openStoreOf } from '../harness/test-store.ts';

const CLI = path.resolve(import.meta.dirname, '../../src/cli.ts');

/** Where the store is: DATA_DIR, and DATABASE_URL on the PostgreSQL run. */
type StoreAt = { DATA_DIR: string; DATABASE_URL?: string };

async function dataDir(): Promise<StoreAt> {
  const at = { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'rebound-password-')), ...(await storeEnv()) };
  // As after a first start: a generated password nobody saw.
  const store = await openStoreOf(at);
  await store.settings.set(STORED_PASSWORD_KEY, hashPassword('the-lost-generated-one'));
  await store.close();
  return at;
}

/** The dashboard's own check against what is stored now. */
async function signInWorks(at: StoreAt, typed: string): Promise<boolean> {
  const store = await openStoreOf(at);
  try {
    return passwordCheck('', await store.settings.get(STORED_PASSWORD_KEY))(typed);
  } finally {
    await store.close();
  }
}

function runCli(at: StoreAt, args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'password', ...args], { env: { ...process.env, ...at, ADMIN_PASS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('rebound password', () => {
  it('sets a new password read from a pipe; the lost one no longer works', async () => {
    const dir = await dataDir();
    const r = await runCli(dir, [], 'a new password 1\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the dashboard password is set');
    expect(await signInWorks(dir, 'a new password 1')).toBe(true);
    expect(await signInWorks(dir, 'the-lost-generated-one')).toBe(false);
  });

  it('makes and prints a random one with --generate', async () => {
    const dir = await dataDir();
    const r = await runCli(dir, ['--generate'], '');
    expect(r.code).toBe(0);
    const printed = r.stdout.trim();
    expect(printed).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await signInWorks(dir, printed)).toBe(true);
  });

  it('refuses a short password and keeps the old one', async () => {
    const dir = await dataDir();
    const r = await runCli(dir, [], 'short\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/needs 10 to 1024 characters; unchanged/);
    expect(await signInWorks(dir, 'the-lost-generated-one')).toBe(true);
  });

  it('asks twice on a terminal without showing what is typed, and refuses two different entries', async () => {
    const onTerminal = async (first: string, second: string) => {
      const dir = await dataDir();
      // `script` gives the command a real pseudo-terminal; input is typed only after each prompt.
      const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} password`, '/dev/null'], {
        env: { ...process.env, ...dir, ADMIN_PASS: '' },
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('New dashboard password:') && !out.includes('#1')) {
          out += '#1';
          child.stdin.write(`${first}\r`);
        }
        if (out.includes('Again:') && !out.includes('#2')) {
          out += '#2';
          child.stdin.write(`${second}\r`);
        }
      });
      const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
      return { dir, code, out };
    };
    const same = await onTerminal('typed on a tty 1', 'typed on a tty 1');
    expect(same.code).toBe(0);
    expect(same.out).not.toContain('typed on a tty 1');
    expect(await signInWorks(same.dir, 'typed on a tty 1')).toBe(true);
    const differ = await onTerminal('typed on a tty 1', 'typed on a tty 2');
    expect(differ.code).toBe(1);
    expect(differ.out).toContain('the two entries differ');
    expect(await signInWorks(differ.dir, 'the-lost-generated-one')).toBe(true);
  });

  it('is listed in rebound --help', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, '--help']);
    expect(stdout).toMatch(/password \[--generate\]\s+set or reset the dashboard password/);
  });
});
