// A running dashboard for the tests: a real store in a temp dir, filled through the real
// ingestor with real DSNs from the corpus, the app on an ephemeral loopback port, and a
// small client that keeps the session cookie like a browser.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { StatusBoard } from '../../src/status.ts';
import type { Repositories, Store } from '../../src/store/store.ts';
import { openTestStore } from '../harness/test-store.ts';
import { createWebApp, type WebAppOptions } from '../../src/web/app.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = path.join(ROOT, 'tests/fixtures/corpus');
export const ADMIN_PASS = 'correct horse battery staple';
export const SECRET = 'x'.repeat(16) + 'test-session-secret-0123456789';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ ADMIN_PASS, SESSION_SECRET: SECRET, COOKIE_SECURE: 'auto', DATA_DIR: '/nonexistent', ...env }, ROOT);
}

export interface Dashboard {
  dir: string;
  store: Store;
  board: StatusBoard;
  metrics: Metrics;
  server: WebServer;
  base: string;
  retries: number[];
  clock: { now: Date };
  close(): Promise<void>;
}

export interface DashboardOptions {
  env?: Record<string, string>;
  files?: string[];
  opts?: Partial<WebAppOptions>;
  retryAnswer?: (id: number) => Promise<{ queued: boolean; message: string }>;
}

/** Real Postfix DSNs plus a spread of Sisimai samples: bounces, delays, feedback reports. */
export function corpusFiles(): string[] {
  const postfix = readdirSync(path.join(CORPUS, 'postfix')).map((f) => path.join(CORPUS, 'postfix', f));
  const bsd = path.join(CORPUS, 'sisimai/maildir/bsd');
  const sis = readdirSync(bsd)
    .filter((f) => /^(lhost-(postfix|exim|sendmail|gmail)|rfc3464|arf)-/.test(f))
    .slice(0, 40);
  return [...postfix, ...sis.map((f) => path.join(bsd, f))];
}

export async function startDashboard(o: DashboardOptions = {}): Promise<Dashboard> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rebound-web-'));
  const config = testConfig(o.env);
  // The run's engine (REBOUND_TEST_ENGINE): SQLite in a temporary folder, or a fresh PostgreSQL database.
  const store = await openTestStore();
  const log = silentLogger();
  const clock = { now: new Date() };
  const ingestor = createIngestor({ store, log, clock: () => clock.now });
  for (const f of o.files ?? corpusFiles()) {
    await ingestor.ingest({ raw: readFileSync(f), source: 'import', envelopeTo: ['bounce@bounces.test'] });
  }
  await ingestor.drain();
  const board = new StatusBoard();
  board.report('lmtp', { ok: true, detail: 'listening on 127.0.0.1:2424', facts: { received: 3 } });
  const metrics = new Metrics();
  const retries: number[] = [];
  const app = createWebApp({
    config,
    store,
    log,
    board,
    metrics,
    retry: async (id) => {
      retries.push(id);
      return o.retryAnswer ? o.retryAnswer(id) : { queued: true, message: `Notice for bounce ${id} queued.` };
    },
    clock: () => clock.now,
    ...o.opts,
  });
  const server = await startWebServer(app, { host: '127.0.0.1', port: 0 });
  return {
    dir,
    store,
    board,
    metrics,
    server,
    base: server.address(),
    retries,
    clock,
    async close() {
      await server.stop();
      await store.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A client that keeps cookies (only the name=value part) and never follows redirects. */
export class Client {
  base: string;
  cookies = new Map<string, string>();
  constructor(base: string) {
    this.base = base;
  }
  async request(
    method: string,
    p: string,
    form?: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (form) {
      const p2 = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p2.append(k, x);
      body = p2.toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(this.base + p, { method, headers: h, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
  get(p: string) {
    return this.request('GET', p);
  }
  post(p: string, form: Record<string, string | string[]>) {
    return this.request('POST', p, form);
  }
  /** The CSRF token of the page at `p` (from its meta tag). */
  async csrf(p = '/login'): Promise<string> {
    const html = await (await this.get(p)).text();
    const m = /<meta name="csrf-token" content="([^"]+)">/.exec(html);
    if (!m) throw new Error(`no CSRF token on ${p}`);
    return m[1]!;
  }
  async signIn(password = ADMIN_PASS): Promise<Response> {
    const token = await this.csrf('/login');
    return this.post('/login', { _csrf: token, password, next: '/' });
  }
}

let hostileSeq = 0;

/** A bounce row written straight into the store (for many rows or for hostile values). */
export async function insertBounce(
  store: Pick<Repositories, 'messages' | 'bounces'>,
  o: Partial<Record<string, string | number>> = {},
): Promise<number> {
  hostileSeq += 1;
  const raw = Buffer.from(String(o.raw ?? `Subject: test ${hostileSeq}\r\n\r\nbody ${hostileSeq}\r\n`));
  const date = String(o.date ?? new Date().toISOString());
  const messageId = await store.messages.insert({
    receivedAt: date,
    source: 'import',
    sha256: `${Date.now()}-${hostileSeq}-${Math.random()}`,
    raw,
    envelopeFrom: '',
    envelopeTo: ['bounce@bounces.test'],
    kind: 'bounce',
    status: 'Processed',
    error: '',
    subject: String(o.subject ?? 'Undelivered Mail'),
    classification: String(o.classification ?? '{"kind":"bounce"}'),
  });
  const emailTo = String(o.emailTo ?? `user${hostileSeq}@example.test`);
  const id = await store.bounces.insert({
    messageId,
    date,
    emailTo,
    emailCc: String(o.emailCc ?? ''),
    status: (o.status as 'Processed') ?? 'Processed',
    reason: String(o.reason ?? 'userunknown'),
    domain: String(o.domain ?? emailTo.split('@')[1] ?? ''),
    kind: String(o.kind ?? 'bounce'),
    bounceType: String(o.bounceType ?? 'hard'),
    action: 'failed',
    statusCode: String(o.statusCode ?? '5.1.1'),
    replyCode: String(o.replyCode ?? '550'),
    diagnostic: String(o.diagnostic ?? 'smtp; 550 5.1.1 user unknown'),
    remoteMta: '',
    decidedBy: String(o.decidedBy ?? 'dsn:Status'),
    originalMessageId: String(o.originalMessageId ?? `<m${hostileSeq}@example.test>`),
    originalFrom: 'sender@example.test',
    originalTo: emailTo,
    originalSubject: String(o.originalSubject ?? `Hello ${hostileSeq}`),
    originalDate: '',
    trackingId: String(o.trackingId ?? ''),
    dedupeKey: `key-${hostileSeq}-${Math.random()}`,
  });
  return id!;
}
