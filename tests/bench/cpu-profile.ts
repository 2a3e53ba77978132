// Summarises a V8 .cpuprofile (written by `node --cpu-prof`): self time per function and
// per file, so a benchmark can say where the time goes without opening DevTools.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: ProfileEntry[];
  files: ProfileEntry[];
  /** For the top native functions (no file of their own): the JS functions that called them. */
  callers: { name: string; callers: ProfileEntry[] }[];
}

function shortUrl(url: string): string {
  if (!url) return '(native)';
  const p = url.replace(/^file:\/\//, '');
  if (p.startsWith(ROOT)) return path.relative(ROOT, p);
  return p.replace(/^node:/, 'node:');
}

/** Self time by function (name + file:line) and by file, largest first. */
export function summariseProfile(file: string, top = 15): ProfileSummary {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  prof.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const totalUs = prof.endTime - prof.startTime;
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (n: ProfileNode) => {
    const url = shortUrl(n.callFrame.url);
    return `${n.callFrame.functionName || '(anonymous)'} ${url}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  };
  const fn = new Map<string, number>();
  const files = new Map<string, number>();
  const callersOf = new Map<string, Map<string, number>>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    if (!n) continue;
    const url = shortUrl(n.callFrame.url);
    const name = nameOf(n);
    fn.set(name, (fn.get(name) ?? 0) + us);
    if (!n.callFrame.url) {
      // Native work: charge it to the nearest caller that has a file.
      let p = parent.get(id);
      while (p !== undefined && !byId.get(p)?.callFrame.url) p = parent.get(p);
      const caller = p !== undefined ? nameOf(byId.get(p)!) : '(root)';
      const m = callersOf.get(name) ?? new Map<string, number>();
      m.set(caller, (m.get(caller) ?? 0) + us);
      callersOf.set(name, m);
    }
    const fileKey = n.callFrame.url ? url : n.callFrame.functionName || '(native)';
    files.set(fileKey, (files.get(fileKey) ?? 0) + us);
  }
  const entries = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: us / 1000, share: us / totalUs }));
  const functions = entries(fn);
  const callers = functions
    .filter((f) => callersOf.has(f.name) && !/^\((?:idle|program|garbage collector)\)/.test(f.name))
    .slice(0, 6)
    .map((f) => ({ name: f.name, callers: entries(callersOf.get(f.name)!).slice(0, 4) }));
  return { totalMs: totalUs / 1000, functions, files: entries(files), callers };
}

export function formatProfile(s: ProfileSummary): string {
  const rows = (title: string, es: ProfileEntry[]) =>
    `${title}\n` +
    es.map((e) => `  ${e.selfMs.toFixed(1).padStart(8)} ms ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.name}`).join('\n');
  const callers = s.callers.map((c) => rows(`native ${c.name.trim()} called from:`, c.callers)).join('\n');
  return `profile: ${s.totalMs.toFixed(0)} ms sampled\n${rows('top functions by self time:', s.functions)}\n${rows('top files by self time:', s.files)}\n${callers}\n`;
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node tests/bench/cpu-profile.ts FILE.cpuprofile [TOP]\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(formatProfile(summariseProfile(file, Number(process.argv[3] ?? 15))));
  }
}
