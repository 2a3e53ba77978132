// LMTP end to end: the load generator (its own process) against rebound's listener (its
// own process, real store in a temporary folder) and, side by side, against a bare
// smtp-server that discards, at 1 and 8 connections. Rebound's rate is given as a share of
// the bare transport's, measured the same way on the same machine a moment before.
//
// usage: node tests/bench/lmtp.ts [--json] [--count N] [--seconds S] [--memory] [--profile]
// (--memory: rebound alone at 8 connections, its peak RSS and what makes it up)

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatProfile, summariseProfile } from './cpu-profile.ts';
import { figure, loadNote, MB, report, round, say, type Figure } from './lib.ts';
import type { LoadResult } from './lmtp-load.ts';
import { launcherEnv, runLoadProcess, startServer } from './processes.ts';

const GOAL_RATE = 2000;
const GOAL_SHARE = 20;
const GOAL_RATE_1 = 800;
const GOAL_P99_MS = 20;
const GOAL_RSS_MB = 150;
const WARMUP = 400;
const RUNS = 3;

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

function describe(r: LoadResult): string {
  return (
    `${r.ok}/${r.sent} ok in ${r.seconds.toFixed(1)} s, ${round(r.rate)} msg/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(1)} ms` +
    `${r.duplicates ? `, ${r.duplicates} duplicates` : ''}${r.failed ? `, ${r.failed} failed (${r.firstError})` : ''}`
  );
}

async function measure(mode: 'rebound' | 'bare', connectionCounts: number[], count: number, seconds: number, profile = false) {
  const profileDir = profile ? mkdtempSync(path.join(os.tmpdir(), 'rebound-prof-')) : undefined;
  // rebound's listener with the environment its launcher gives the service.
  const server = await startServer(mode, profileDir, mode === 'rebound' ? { env: launcherEnv() } : {});
  try {
    const warm = await runLoadProcess(server.port, 8, WARMUP, seconds);
    say(`lmtp ${mode}: warm-up ${describe(warm)}`);
    const results = new Map<number, LoadResult & { cpuPerMsg: number; perCommit: number; range: string }>();
    for (const c of connectionCounts) {
      // Three runs, the one with the median rate kept: the machine is shared, and one
      // burst of someone else's work should not decide the figure.
      const runs: (LoadResult & { cpuPerMsg: number; perCommit: number })[] = [];
      for (let i = 0; i < RUNS; i++) {
        const load = loadNote();
        const before = await server.stats();
        const r = await runLoadProcess(server.port, c, count, seconds);
        const after = await server.stats();
        const commits = (after.commits ?? 0) - (before.commits ?? 0);
        const cpuPerMsg = (after.cpuMs - before.cpuMs) / r.sent;
        say(
          `lmtp ${mode} ×${c}: ${describe(r)}${commits ? `, ${(r.sent / commits).toFixed(1)} msgs per commit` : ''}, listener CPU ${cpuPerMsg.toFixed(3)} ms/msg; ${load}`,
        );
        runs.push({ ...r, cpuPerMsg, perCommit: commits ? r.sent / commits : 0 });
      }
      runs.sort((a, b) => a.rate - b.rate);
      const mid = runs[runs.length >> 1]!;
      results.set(c, { ...mid, range: `${round(runs[0]!.rate)}-${round(runs[runs.length - 1]!.rate)}` });
    }
    const stats = await server.stats();
    return { results, stats };
  } finally {
    await server.stop();
    if (profileDir) {
      const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
      if (file) say(`\nlmtp ${mode} listener:\n${formatProfile(summariseProfile(path.join(profileDir, file), 25))}`);
      if (!process.env.BENCH_KEEP_PROFILE) rmSync(profileDir, { recursive: true, force: true });
      else say(`profile kept in ${profileDir}`);
    }
  }
}

export async function benchLmtp(opts: { count: number; seconds: number; profile?: boolean; memoryOnly?: boolean }): Promise<Figure[]> {
  // --memory: rebound alone at 8 connections, for its peak RSS and what makes it up.
  const conns = opts.memoryOnly ? [8] : [1, 8];
  const bare = opts.memoryOnly ? undefined : await measure('bare', conns, opts.count, opts.seconds);
  const reb = await measure('rebound', conns, opts.count, opts.seconds, opts.profile);
  const figures: Figure[] = [];
  for (const c of bare ? conns : []) {
    const b = bare!.results.get(c)!;
    const r = reb.results.get(c)!;
    const goalAt8 = c === 8;
    const failNote = r.failed ? `; ${r.failed} FAILED: ${r.firstError}` : '';
    figures.push(
      figure(
        `bare smtp-server, ${c} conn`,
        round(b.rate),
        'msg/s',
        undefined,
        `median of ${RUNS} runs (${b.range}), ${b.ok} msgs each, p99 ${b.p99.toFixed(2)} ms`,
      ),
    );
    figures.push(
      figure(
        `rebound, ${c} conn`,
        round(r.rate),
        'msg/s',
        { atLeast: goalAt8 ? GOAL_RATE : GOAL_RATE_1 },
        `median of ${RUNS} runs (${r.range}), ${r.ok} msgs each${r.duplicates ? `, ${r.duplicates} duplicates` : ''}; ${r.perCommit ? `${r.perCommit.toFixed(1)} msgs per commit; ` : ''}listener CPU ${r.cpuPerMsg.toFixed(2)} ms/msg${failNote}`,
      ),
    );
    figures.push(figure(`rebound / bare, ${c} conn`, round((r.rate / b.rate) * 100), '%', goalAt8 ? { atLeast: GOAL_SHARE } : undefined));
    figures.push(figure(`rebound p50, ${c} conn`, round(r.p50, 2), 'ms'));
    figures.push(
      figure(`rebound p99, ${c} conn`, round(r.p99, 2), 'ms', goalAt8 ? { atMost: GOAL_P99_MS } : undefined, `max ${r.max.toFixed(1)} ms`),
    );
  }
  figures.push(
    figure(
      'rebound listener, peak RSS',
      round(reb.stats.peakRss / MB, 1),
      'MB',
      { atMost: GOAL_RSS_MB },
      `${reb.stats.messages} messages, ${reb.stats.bounces} bounces stored; ${loadNote()}`,
    ),
  );
  const p = reb.stats.atPeak;
  const native = p.rss - p.heapTotal - (p.external - p.arrayBuffers) - p.arrayBuffers - p.workerHeapTotal;
  figures.push(
    figure(
      'rebound listener, what the peak is made of',
      round(p.rss / MB, 1),
      'MB',
      undefined,
      `highest RSS sampled every 100 ms: main V8 heap ${round(p.heapTotal / MB, 1)} MB (${round(p.heapUsed / MB, 1)} used), ` +
        `Buffers ${round(p.arrayBuffers / MB, 1)} MB, other external ${round((p.external - p.arrayBuffers) / MB, 1)} MB, ` +
        `classify worker's V8 heap ${round(p.workerHeapTotal / MB, 1)} MB, native rest (code, SQLite cache, allocator, stacks) ${round(native / MB, 1)} MB`,
    ),
  );
  return figures;
}

if (import.meta.main) {
  report(
    'lmtp',
    await benchLmtp({
      count: arg('--count', 3000),
      seconds: arg('--seconds', 30),
      profile: process.argv.includes('--profile'),
      memoryOnly: process.argv.includes('--memory'),
    }),
  );
}
