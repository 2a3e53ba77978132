// The Docker recipe, checked without Docker (no engine runs on these machines): the same
// two scripts the Dockerfile runs, src/bin/install-production.sh (production dependencies
// only) and src/bin/container-start.sh (the container's CMD), run here on a copy of the
// files the Dockerfile copies, as a non-root user, with only environment variables and an
// empty data directory. Then: /health answers 200, a DSN delivered over LMTP is in the
// database and on the dashboard, and SIGTERM ends the process cleanly with exit code 0.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOBODY = 65534;
const LMTP_PORT = 5424;
const WEB_PORT = 5888;
const PASSWORD = 'smoke-test-password';

let appDir: string;
let dataDir: string;
let child: ChildProcess | undefined;
let output = '';

function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    for (;;) {
      const v = await fn().catch(() => undefined);
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
}

async function deliverLmtp(raw: Buffer, rcpt: string): Promise<string> {
  const conn = new SMTPConnection({ host: '127.0.0.1', port: LMTP_PORT, lmtp: true, ignoreTLS: true, name: 'mta.smoke.test' });
  await new Promise<void>((res, rej) => conn.connect((err?: Error) => (err ? rej(err) : res())));
  try {
    const info = await new Promise<{ response: string }>((res, rej) =>
      conn.send({ from: '', to: [rcpt] }, raw, (err, i) => (err ? rej(err) : res(i as { response: string }))),
    );
    return info.response;
  } finally {
    conn.quit();
  }
}

beforeAll(async () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'rebound-smoke-'));
  chmodSync(base, 0o755);
  appDir = path.join(base, 'app');
  // What the Dockerfile copies.
  for (const p of ['package.json', 'package-lock.json', 'src', 'templates', 'config']) {
    cpSync(path.join(ROOT, p), path.join(appDir, p), { recursive: true });
  }
  execFileSync('sh', [path.join(appDir, 'src/bin/install-production.sh')], { stdio: 'pipe', timeout: 180_000 });
  dataDir = path.join(base, 'data');
  mkdirSync(dataDir);
  chownSync(dataDir, NOBODY, NOBODY);
  const env = {
    PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: '/nonexistent',
    DATA_DIR: dataDir,
    // Inside a container these are 0.0.0.0; a test here stays on loopback.
    WEBUI_HOST: '127.0.0.1',
    WEBUI_PORT: String(WEB_PORT),
    LMTP_LISTEN: `127.0.0.1:${LMTP_PORT}`,
    SOCKETMAP_LISTEN: '127.0.0.1:5426',
    POLICY_LISTEN: '127.0.0.1:5427',
    ADMIN_PASS: PASSWORD,
    SESSION_SECRET: 'a-smoke-test-session-secret-of-more-than-32-characters',
    SMTP_SERVER: '127.0.0.1',
    SMTP_PORT: '5999',
    ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : {}),
  };
  child = spawn('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'sh', 'src/bin/container-start.sh'], {
    cwd: appDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
}, 240_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
  }
});

describe('the container recipe (install production dependencies, start as non-root)', () => {
  it('installs no test tools', () => {
    expect(() => readFileSync(path.join(appDir, 'node_modules/vitest/package.json'))).toThrow();
    expect(readFileSync(path.join(appDir, 'node_modules/better-sqlite3/package.json'), 'utf8')).toContain('better-sqlite3');
  });

  it('answers /health with 200 once started, as a non-root user', async () => {
    const body = await waitFor('/health 200', async () => {
      const r = await fetch(`http://127.0.0.1:${WEB_PORT}/health`);
      return r.status === 200 ? await r.json() : undefined;
    });
    expect(body).toBeTruthy();
    const uid = execFileSync('ps', ['-o', 'uid=', '-p', String(child!.pid)])
      .toString()
      .trim();
    // setpriv execs in place: the process we started is the one running as nobody.
    expect(Number(uid)).toBe(NOBODY);
  });

  it('records a DSN delivered over LMTP and shows it on the dashboard', async () => {
    const dsn = readFileSync(path.join(ROOT, 'tests/fixtures/corpus/postfix/dsn-remote-550.eml'));
    const reply = await deliverLmtp(dsn, 'bounces@bounces.test');
    expect(reply).toMatch(/^250/);

    const db = new Database(path.join(dataDir, 'bounces.db'), { readonly: true, fileMustExist: true });
    const row = db.prepare('SELECT id, email_to, reason, bounce_type FROM bounces').get() as {
      id: number;
      email_to: string;
      reason: string;
      bounce_type: string;
    };
    db.close();
    expect(row).toMatchObject({ email_to: 'hard-user@mx-reject.test', reason: 'userunknown', bounce_type: 'hard' });

    // Sign in like a browser: the form's CSRF token and the session cookie.
    const jar = new Map<string, string>();
    const keep = (r: Response) => {
      for (const c of r.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, v] = pair!.split('=');
        jar.set(k!, v ?? '');
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const login = await fetch(`http://127.0.0.1:${WEB_PORT}/login`);
    keep(login);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const signIn = await fetch(`http://127.0.0.1:${WEB_PORT}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
      body: new URLSearchParams({ _csrf: csrf, password: PASSWORD, next: '/' }).toString(),
    });
    expect(signIn.status).toBe(302);
    keep(signIn);
    const page = await fetch(`http://127.0.0.1:${WEB_PORT}/bounces/${row.id}`, { headers: { cookie: cookie() } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('hard-user@mx-reject.test');
    expect(html).toContain('userunknown');
  });

  it('stops cleanly on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child!.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 15_000))]);
    expect(code).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  });
});
