// `rebound import` of a large mbox, whole process: corpus DSNs made unique (each a new
// original Message-ID, so every one is stored), written as an mboxrd file, imported into a
// fresh data folder (DB_SYNCHRONOUS=full). Side by side in the same run: the mbox reader
// alone over the same file (the ceiling that reading sets), and a tenth of the file imported
// the same way, whose peak memory the full import's should match (constant memory).
//
// usage: node tests/bench/import.ts [--json] [--count N]

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifySync } from '../../src/core/classify.ts';
import { readMbox } from '../../src/intake/mbox.ts';
import { figure, loadCorpus, loadNote, MB, report, ROOT, round, rssOf, say, type Figure } from './lib.ts';

const GOAL_RATE = 2000;

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

/** An mboxrd file of `count` corpus messages, each with its own original Message-ID. */
export function writeMbox(file: string, count: number): void {
  const tpl = loadCorpus().messages.map((raw) => {
    const c = classifySync(raw);
    const id = c.original.messageId || c.envelope.messageId;
    const text = raw.toString('latin1').replace(/^(>*From )/gm, '>$1');
    return id ? { pieces: text.split(id), id } : { pieces: [text], id: '' };
  });
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = tpl[i % tpl.length]!;
    const body = t.pieces.length > 1 ? t.pieces.join(`bench${i}.${t.id}`) : t.pieces[0]!;
    parts.push(`From MAILER-DAEMON Sat Nov 21 10:00:00 2026\nX-Bench-Seq: ${i}\n${body}${body.endsWith('\n') ? '' : '\n'}\n`);
  }
  writeFileSync(file, parts.join(''), 'latin1');
}

/** Runs `rebound import FILE` (the launcher) in a fresh data folder: seconds and peak RSS. */
async function importOnce(file: string): Promise<{ seconds: number; peakRss: number; summary: string }> {
  const data = mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-import-data-'));
  try {
    const t0 = performance.now();
    const child = spawn('sh', [path.join(ROOT, 'src/bin/rebound'), 'import', file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATA_DIR: data, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => (stderr += c));
    // The launcher execs node: the child's pid is the import's. /proc's VmHWM is gone at exit,
    // so the resident set is sampled.
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 50);
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    const summary = stderr.trim().split('\n').pop() ?? '';
    if (code !== 0) throw new Error(`rebound import exited ${code}: ${stderr.slice(-500)}`);
    return { seconds, peakRss: peak, summary };
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

export async function benchImport(count: number): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-import-'));
  try {
    const big = path.join(dir, 'big.mbox');
    const small = path.join(dir, 'small.mbox');
    writeMbox(big, count);
    writeMbox(small, Math.round(count / 10));
    const bytes = statSync(big).size;
    say(`import: ${count} messages, ${round(bytes / MB)} MB mbox`);

    const r0 = performance.now();
    let n = 0;
    for await (const m of readMbox(big)) n += m.raw.length > 0 ? 1 : 0;
    const readSeconds = (performance.now() - r0) / 1000;
    say(`import: reader alone ${n} messages in ${readSeconds.toFixed(1)} s`);

    const tenth = await importOnce(small);
    say(
      `import: ${Math.round(count / 10)} messages in ${tenth.seconds.toFixed(1)} s, peak ${round(tenth.peakRss / MB)} MB; ${tenth.summary}`,
    );
    const load = loadNote();
    const full = await importOnce(big);
    say(`import: ${count} messages in ${full.seconds.toFixed(1)} s, peak ${round(full.peakRss / MB)} MB; ${full.summary}`);
    return [
      figure('mbox reader alone (in process)', round(n / readSeconds), 'msg/s', undefined, `${n} messages, ${round(bytes / MB)} MB`),
      figure(
        `rebound import, ${count} messages, whole process`,
        round(count / full.seconds),
        'msg/s',
        { atLeast: GOAL_RATE },
        `${full.seconds.toFixed(1)} s incl. start-up; DB_SYNCHRONOUS=full; ${load}`,
      ),
      figure(
        `rebound import, ${Math.round(count / 10)} messages, peak RSS`,
        round(tenth.peakRss / MB, 1),
        'MB',
        undefined,
        `${round(Math.round(count / 10) / tenth.seconds)} msg/s`,
      ),
      figure(
        `rebound import, ${count} messages, peak RSS`,
        round(full.peakRss / MB, 1),
        'MB',
        { atMost: round((tenth.peakRss / MB) * 1.2) },
        'constant memory: within 20% of the tenth',
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) report('import', await benchImport(arg('--count', 100_000)));
