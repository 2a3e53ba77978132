// rebound's web app (createWebApp + startWebServer) over a seeded database, in a process of
// its own, so the memory and event-loop delay measured are the dashboard's, not those of
// the HTTP client reading a 266 MB export.
//
// IPC with the parent: sends {ready, url}; {cmd:'reset'} restarts the RSS peak and the
// event-loop delay histogram; {cmd:'stats'} answers {stats: {rss, peakRss, eldMax}};
// {cmd:'stop'} stops the server and exits.
//
// usage (spawned by dashboard.ts): node tests/bench/dashboard-server.ts DB_FILE PASSWORD

import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/store.ts';
import { serveWebApp } from '../harness/web-app.ts';

export interface DashboardStats {
  rss: number;
  /** Highest RSS sampled (every 10 ms) since the last reset, bytes. */
  peakRss: number;
  /** Longest event-loop delay since the last reset, ms. */
  eldMax: number;
  /** What the RSS was made of when it peaked: V8 heap (total, used), external and array buffers, bytes. */
  atPeak: { heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
}

const [dbFile, password] = process.argv.slice(2);
if (!dbFile || !password || !process.send) {
  process.stderr.write('usage: node tests/bench/dashboard-server.ts DB_FILE PASSWORD (spawned with an IPC channel)\n');
  process.exit(2);
}

const dir = path.dirname(dbFile);
const config = loadConfig(
  { DATA_DIR: dir, DB_FILE: path.basename(dbFile), ADMIN_PASS: password, SESSION_SECRET: 'b'.repeat(64), COOKIE_SECURE: 'never' },
  dir,
);
const store = openStore(config.dbPath);
const web = await serveWebApp(config, store, 'not in a benchmark');

let peak = 0;
let atPeak: DashboardStats['atPeak'] = { heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss <= peak) return;
  peak = rss;
  const { heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  atPeak = { heapTotal, heapUsed, external, arrayBuffers };
}, 10);
const eld = monitorEventLoopDelay({ resolution: 5 });
eld.enable();

process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'reset') {
    peak = process.memoryUsage.rss();
    eld.reset();
    process.send!({ reset: true });
  } else if (msg.cmd === 'stats') {
    const rss = process.memoryUsage.rss();
    const stats: DashboardStats = { rss, peakRss: Math.max(peak, rss), eldMax: eld.max / 1e6, atPeak };
    process.send!({ stats });
  } else if (msg.cmd === 'stop') {
    clearInterval(sampler);
    void web.stop().finally(() => {
      store.close();
      process.send!({ stopped: true }, () => process.exit(0));
    });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true, url: web.address() });
