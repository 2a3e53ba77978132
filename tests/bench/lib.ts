// Shared pieces of the benchmarks: the corpus, statistics, memory sampling, the machine
// description and the figure format every part reports to run.ts.
//
// Each part (classify.ts, hostile-classify.ts, lmtp.ts, dashboard.ts, hostile.ts, ...) runs as its own process, so
// the memory it reports is its own; run with `--json` it writes its figures as one JSON
// line prefixed with FIGURES_MARK on stdout, which run.ts collects into one table.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS_DIR = path.join(ROOT, 'tests/fixtures/corpus/sisimai');
export const FIGURES_MARK = '@@bench-figures ';

export interface Figure {
  /** What was measured, e.g. "classify CLI, whole process". */
  name: string;
  value: number;
  unit: string;
  /** The goal in words, e.g. "≥ 3000"; empty when the figure has none. */
  goal?: string;
  /** True/false when there is a goal; undefined otherwise. */
  met?: boolean;
  /** Conditions under which it was measured (load, counts). */
  note?: string;
}

export function figure(name: string, value: number, unit: string, goal?: { atLeast?: number; atMost?: number }, note?: string): Figure {
  const f: Figure = { name, value, unit };
  if (goal?.atLeast !== undefined) {
    f.goal = `≥ ${goal.atLeast}`;
    f.met = value >= goal.atLeast;
  } else if (goal?.atMost !== undefined) {
    f.goal = `≤ ${goal.atMost}`;
    f.met = value <= goal.atMost;
  }
  if (note) f.note = note;
  return f;
}

/** Every file under a folder, sorted (deterministic order for the benchmarks). */
export function filesUnder(dir: string, ext = '.eml'): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(ext)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The sisimai corpus as files and their bytes. */
export function loadCorpus(): { files: string[]; messages: Buffer[]; bytes: number } {
  const files = filesUnder(CORPUS_DIR);
  const messages = files.map((f) => readFileSync(f));
  return { files, messages, bytes: messages.reduce((n, m) => n + m.length, 0) };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank]!;
}

export function round(v: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export const MB = 1024 * 1024;

/** Samples this process's RSS every `intervalMs` and keeps the peak. */
export function rssSampler(intervalMs = 20): { peak(): number; stop(): number } {
  let peak = process.memoryUsage.rss();
  const t = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  t.unref();
  return {
    peak: () => Math.max(peak, process.memoryUsage.rss()),
    stop() {
      clearInterval(t);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** The kernel's high-water mark of this process's resident set (VmHWM), bytes. */
export function peakRssOfSelf(): number {
  return peakRssOf(process.pid);
}

/** VmHWM of a process by pid (Linux /proc), bytes; 0 when unreadable. */
export function peakRssOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Current VmRSS of a process by pid, bytes; 0 when unreadable. */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function loadNote(): string {
  const [a, b, c] = os.loadavg();
  return `load ${a!.toFixed(2)}/${b!.toFixed(2)}/${c!.toFixed(2)}`;
}

export function machine(): { cpu: string; cores: number; memoryGb: number; node: string; os: string } {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    // not Linux: os.cpus() is good enough
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

/** Prints a part's figures: a table for people, and with --json the marked line for run.ts. */
export function report(part: string, figures: Figure[]): void {
  if (process.argv.includes('--json')) {
    process.stdout.write(`${FIGURES_MARK}${JSON.stringify({ part, figures })}\n`);
  } else {
    process.stdout.write(formatTable(figures.map((f) => ({ part, ...f }))));
  }
}

export function formatValue(f: Figure): string {
  const v = Number.isInteger(f.value) ? String(f.value) : f.value >= 100 ? f.value.toFixed(0) : f.value.toFixed(2);
  return `${v} ${f.unit}`.trim();
}

export function formatTable(rows: (Figure & { part: string })[]): string {
  const head = ['part', 'figure', 'value', 'goal', 'met?', 'note'];
  const cells = rows.map((r) => [
    r.part,
    r.name,
    formatValue(r),
    r.goal ? `${r.goal} ${r.unit}` : '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((s, i) => s.padEnd(widths[i]!))
      .join('  ')
      .trimEnd() + '\n';
  return line(head) + line(widths.map((w) => '-'.repeat(w))) + cells.map(line).join('');
}

/** Progress and detail go to stderr, so stdout carries only the figures. */
export function say(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
