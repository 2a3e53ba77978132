// `npm run bench [-- PART ...] [--profile] [--markdown FILE]`: runs the benchmark parts
// (classify, hostile-classify, lmtp, dashboard, hostile, idle, import, soak, stall, suppress, pg-copy, pg-driver; all by default), each in a process of its own and
// bounded in time, and prints one table: figure, value, goal, met?. With --markdown the
// machine and the table are also written as Markdown (for the README's Benchmarks section).

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIGURES_MARK, formatTable, formatValue, loadNote, machine, ROOT, say, type Figure } from './lib.ts';

const PARTS: Record<string, { file: string; timeoutS: number; args?: string[] }> = {
  classify: { file: 'classify.ts', timeoutS: 240 },
  'hostile-classify': { file: 'hostile-classify.ts', timeoutS: 240 },
  lmtp: { file: 'lmtp.ts', timeoutS: 240 },
  dashboard: { file: 'dashboard.ts', timeoutS: 420 },
  hostile: { file: 'hostile.ts', timeoutS: 120 },
  idle: { file: 'idle.ts', timeoutS: 90 },
  import: { file: 'import.ts', timeoutS: 900 },
  soak: { file: 'soak.ts', timeoutS: 720 },
  stall: { file: 'message-stall.ts', timeoutS: 240 },
  suppress: { file: 'suppress.ts', timeoutS: 240 },
  'pg-copy': { file: 'pg-copy.ts', timeoutS: 300 },
  'pg-driver': { file: 'pg-driver.ts', timeoutS: 180 },
};

type Row = Figure & { part: string };

function runPart(name: string, extra: string[]): Promise<Row[]> {
  const part = PARTS[name]!;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'tests/bench', part.file), '--json', ...(part.args ?? []), ...extra], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => (out += c));
    const timer = setTimeout(() => {
      say(`bench: ${name} took longer than ${part.timeoutS} s; stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, part.timeoutS * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(FIGURES_MARK));
      if (!line) {
        resolve([{ part: name, name: 'did not finish', value: NaN, unit: '', met: false, note: `exit ${code ?? signal}` }]);
        return;
      }
      const { figures } = JSON.parse(line.slice(FIGURES_MARK.length)) as { figures: Figure[] };
      resolve(figures.map((f) => ({ part: name, ...f })));
    });
  });
}

function markdown(rows: Row[], m: ReturnType<typeof machine>, when: string): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `Measured ${when} on ${m.cores} cores (${esc(m.cpu)}), ${m.memoryGb} GB memory, Node ${m.node}, ${m.os}.`,
    '',
    '| part | figure | value | goal | met? | note |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.part} | ${esc(r.name)} | ${esc(formatValue(r))} | ${r.goal ? esc(`${r.goal} ${r.unit}`) : ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} | ${esc(r.note ?? '')} |`,
    ),
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const md = args.indexOf('--markdown');
  const mdFile = md >= 0 ? args[md + 1] : undefined;
  const chosen = args.filter((a, i) => a in PARTS && !(md >= 0 && i === md + 1));
  const unknown = args.filter((a, i) => !a.startsWith('--') && !(a in PARTS) && !(md >= 0 && i === md + 1));
  if (unknown.length) {
    say(`bench: unknown part ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
    return 2;
  }
  const extra = args.includes('--profile') ? ['--profile'] : [];
  const parts = chosen.length ? chosen : Object.keys(PARTS);
  const m = machine();
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  say(`bench: ${parts.join(', ')} on ${m.cores} cores, ${m.cpu}, ${m.memoryGb} GB, node ${m.node}; ${loadNote()}`);
  const rows: Row[] = [];
  for (const p of parts) {
    const started = Date.now();
    rows.push(...(await runPart(p, extra)));
    say(`bench: ${p} done in ${((Date.now() - started) / 1000).toFixed(0)} s; ${loadNote()}`);
  }
  process.stdout.write(
    `\nrebound benchmarks, ${when}; ${m.cores} cores, ${m.cpu}, ${m.memoryGb} GB, node ${m.node}; ${loadNote()} at the end\n\n`,
  );
  process.stdout.write(formatTable(rows));
  const missed = rows.filter((r) => r.met === false);
  process.stdout.write(
    `\n${rows.filter((r) => r.met === true).length} goals met, ${missed.length} missed${missed.length ? `: ${missed.map((r) => `${r.part} ${r.name}`).join('; ')}` : ''}\n`,
  );
  if (mdFile) {
    writeFileSync(path.resolve(mdFile), markdown(rows, m, when));
    say(`bench: table written to ${mdFile}`);
  }
  // Missed goals are figures to read, not a failure of the run.
  return rows.some((r) => Number.isNaN(r.value)) ? 1 : 0;
}

process.exitCode = await main();
