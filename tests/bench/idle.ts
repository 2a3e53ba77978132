// The idle service: `rebound start` as an admin runs it (LMTP, notifier, jobs,
// dashboard; logging to /dev/null), given a few seconds to settle after one /health and
// one /metrics request, then its resident memory, side by side with the bare smtp-server
// listener (lmtp-server.ts bare: Node, the TypeScript loader, smtp-server) in the same run.
// Then one dashboard page and one CSV export: what loading those parts on first use costs.
// The service is started twice: the first start fills Node's compile cache (the launcher
// keeps it in the temp folder) after a change to the code, and holds Node's TypeScript
// stripper until it stops; every later start does not. Both figures are reported. Last,
// what each npm package costs (module-cost.ts).
//
// usage: node tests/bench/idle.ts [--json]

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { figure, FIGURES_MARK, loadNote, MB, peakRssOf, report, ROOT, round, rssOf, say, type Figure } from './lib.ts';
import { freePort } from '../harness/ports.ts';
import { startServer } from './processes.ts';

const GOAL_IDLE_MB = 90;
const SETTLE_MS = 3000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function idleService(opts: { pages: boolean }): Promise<{ idle: number; afterPages: number; peak: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-idle-'));
  const [lmtpPort, webPort] = [await freePort(), await freePort()];
  // The launcher, as `npm start` and the Docker image run it.
  const child = spawn('sh', [path.join(ROOT, 'src/bin/rebound'), 'start'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dir,
      LMTP_LISTEN: `127.0.0.1:${lmtpPort}`,
      WEBUI_PORT: String(webPort),
      ADMIN_PASS: 'bench-idle-password',
      SESSION_SECRET: 'a-bench-idle-session-secret-longer-than-32-chars',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${webPort}`;
  try {
    await waitFor(`${base}/health/live`, 30_000);
    await fetch(`${base}/health`);
    await (await fetch(`${base}/metrics`)).text();
    await sleep(SETTLE_MS);
    const idle = rssOf(child.pid!);
    if (!opts.pages) return { idle, afterPages: NaN, peak: peakRssOf(child.pid!) };
    // Sign in, one page, one (empty) CSV export: the dashboard's parts loaded on first use.
    const form = new URLSearchParams({ password: 'bench-idle-password' });
    const login = await fetch(`${base}/login`, { redirect: 'manual' });
    const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1] ?? '';
    form.set('_csrf', csrf);
    const signed = await fetch(`${base}/login`, { method: 'POST', body: form, headers: { cookie }, redirect: 'manual' });
    const session = [cookie, ...(signed.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0])].join('; ');
    await (await fetch(`${base}/`, { headers: { cookie: session } })).text();
    await (await fetch(`${base}/export/csv`, { headers: { cookie: session } })).text();
    await sleep(SETTLE_MS);
    return { idle, afterPages: rssOf(child.pid!), peak: peakRssOf(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bareListener(): Promise<number> {
  const server = await startServer('bare');
  try {
    await sleep(SETTLE_MS);
    return rssOf(server.pid);
  } finally {
    await server.stop();
  }
}

/** module-cost.ts in a process of its own, with the compile cache the launcher uses. */
function moduleCostFigures(): Figure[] {
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(ROOT, 'tests/bench/module-cost.ts'), '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? path.join(os.tmpdir(), 'node-compile-cache') },
  });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith(FIGURES_MARK));
  if (!line) return [figure('module costs', NaN, 'MB', undefined, `module-cost.ts failed: exit ${r.status}`)];
  return (JSON.parse(line.slice(FIGURES_MARK.length)) as { figures: Figure[] }).figures;
}

export async function benchIdle() {
  const bare = await bareListener();
  say(`idle: bare smtp-server listener ${round(bare / MB, 1)} MB`);
  const first = await idleService({ pages: false });
  const s = await idleService({ pages: true });
  say(
    `idle: rebound ${round(s.idle / MB, 1)} MB idle (first start ${round(first.idle / MB, 1)} MB), ${round(s.afterPages / MB, 1)} MB after a page and an export`,
  );
  const note = loadNote();
  return [
    figure(
      'rebound service, idle RSS, first start after a code change',
      round(first.idle / MB, 1),
      'MB',
      undefined,
      "fills Node's compile cache; holds the TypeScript stripper until it stops",
    ),
    figure('bare smtp-server listener, idle RSS', round(bare / MB, 1), 'MB', undefined, 'Node, the TypeScript loader, smtp-server'),
    figure(
      'rebound service, idle RSS',
      round(s.idle / MB, 1),
      'MB',
      { atMost: GOAL_IDLE_MB },
      `LMTP, notifier, jobs, dashboard started; after one /health and one /metrics; ${note}`,
    ),
    figure(
      'rebound service after a dashboard page and a CSV export',
      round(s.afterPages / MB, 1),
      'MB',
      undefined,
      `peak ${round(s.peak / MB, 1)} MB`,
    ),
    ...moduleCostFigures(),
  ];
}

if (import.meta.main) report('idle', await benchIdle());
