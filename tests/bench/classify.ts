// Classifier benchmark: messages per second over the whole sisimai corpus, in process (the
// MIME scan alone and the whole classification, several passes, median) and as a whole
// process (`node src/cli.ts classify <every corpus file>`, start-up included, which is what
// a user running the CLI waits for). With --profile it also profiles the CLI run and the
// in-process passes and prints the functions that take the time.
//
// usage: node tests/bench/classify.ts [--json] [--profile] [--passes N]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classify, classifySync } from '../../src/core/classify.ts';
import { fullParseTrigger } from '../../src/core/full-parse.ts';
import { parseEntity, toLfBinary } from '../../src/core/mime.ts';
import { formatProfile, summariseProfile } from './cpu-profile.ts';
import { elapsedMs, figure, loadCorpus, loadNote, MB, median, peakRssOfSelf, report, ROOT, round, say, type Figure } from './lib.ts';

const GOAL_CLI_RATE = 3000;

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

/** One timed pass of `fn` over every message, one after the other; messages per second. */
async function pass(messages: Buffer[], fn: (m: Buffer) => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  for (const m of messages) await fn(m);
  return messages.length / (elapsedMs(start) / 1000);
}

interface CliRun {
  ms: number;
  peakRss: number;
  ok: boolean;
  detail: string;
}

/** Runs the classify CLI over the files once; wall time of the whole process. */
function runCli(files: string[], extraNodeArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): CliRun {
  const start = process.hrtime.bigint();
  // /usr/bin/time is not everywhere; the peak RSS of the child comes from a wrapper that
  // reads its own VmHWM at exit, printed on stderr.
  const r = spawnSync(
    process.execPath,
    [
      ...extraNodeArgs,
      '--import',
      'data:text/javascript,' +
        encodeURIComponent(
          "import{readFileSync as r}from'node:fs';process.on('exit',()=>{const m=/VmHWM:\\s+(\\d+)/.exec(r('/proc/self/status','utf8'));process.stderr.write('@@hwm '+(m?m[1]:0)+'\\n')})",
        ),
      path.join(ROOT, 'src/cli.ts'),
      'classify',
      ...files,
    ],
    { cwd: ROOT, maxBuffer: 256 * MB, encoding: 'utf8', env },
  );
  const ms = elapsedMs(start);
  const hwm = /@@hwm (\d+)/.exec(r.stderr ?? '');
  const lines = (r.stdout ?? '').split('\n').filter(Boolean).length;
  const ok = r.status === 0 || (r.status === 1 && lines === files.length);
  return {
    ms,
    peakRss: hwm ? Number(hwm[1]) * 1024 : 0,
    ok: ok && lines === files.length,
    detail: `exit ${r.status}, ${lines} output lines for ${files.length} files${r.error ? `, ${r.error.message}` : ''}${ok ? '' : `; stderr: ${(r.stderr ?? '').slice(0, 300)}`}`,
  };
}

const SISIMAI_TIMES = 8;
const GOAL_VS_SISIMAI = 6;

/** Wall time and CPU time of one whole process over the files. */
function timeProcess(cmd: string, args: string[]): { ms: number; cpuMs: number; ok: boolean; lines: number } {
  const start = process.hrtime.bigint();
  // The child's CPU time: a waited-for child's usage is added to this process's cutime and
  // cstime (/proc/self/stat), read before and after.
  const childCpu = () => {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100; // cutime, cstime in clock ticks (USER_HZ 100)
  };
  const c0 = childCpu();
  const r = spawnSync(cmd, args, { cwd: ROOT, maxBuffer: 256 * MB, encoding: 'utf8' });
  const ms = elapsedMs(start);
  const lines = (r.stdout ?? '').split('\n').filter(Boolean).length;
  return { ms, cpuMs: childCpu() - c0, ok: r.status === 0 || r.status === 1, lines };
}

/**
 * rebound's classify CLI beside Sisimai (Perl, Debian's libsisimai-perl; tests/bench/setup.sh
 * installs it) over the same few thousand files (the corpus ×8), each as a whole process
 * the way a user runs it (`rebound classify FILES`, `perl sisimai-classify.pl FILES`),
 * alternating, median of 3 each. CPU time is given too: on a shared machine it moves less.
 */
function sisimaiSideBySide(corpusFiles: string[]): Figure[] {
  const probe = spawnSync('perl', ['-MSisimai', '-e', 'print $Sisimai::VERSION'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    return [figure('Sisimai (Perl), whole process', NaN, 'msg/s', undefined, 'Sisimai not installed: run tests/bench/setup.sh')];
  }
  const files = Array.from({ length: SISIMAI_TIMES }, () => corpusFiles.map((f) => path.relative(ROOT, f))).flat();
  const reboundCmd: [string, string[]] = ['sh', [path.join(ROOT, 'src/bin/rebound'), 'classify', ...files]];
  const sisimaiCmd: [string, string[]] = ['perl', [path.join(ROOT, 'tests/bench/sisimai-classify.pl'), ...files]];
  timeProcess(...reboundCmd); // warm the compile cache and the file cache
  const reb: ReturnType<typeof timeProcess>[] = [];
  const sis: ReturnType<typeof timeProcess>[] = [];
  for (let i = 0; i < 3; i++) {
    reb.push(timeProcess(...reboundCmd));
    sis.push(timeProcess(...sisimaiCmd));
  }
  const n = files.length;
  const rebMs = median(reb.map((r) => r.ms));
  const sisMs = median(sis.map((r) => r.ms));
  const rebCpu = median(reb.map((r) => r.cpuMs));
  const sisCpu = median(sis.map((r) => r.cpuMs));
  const bad = [...reb, ...sis].find((r) => !r.ok || r.lines !== n);
  say(
    `classify: rebound ${round(rebMs)} ms (CPU ${round(rebCpu)} ms), Sisimai ${round(sisMs)} ms (CPU ${round(sisCpu)} ms) for ${n} files`,
  );
  return [
    figure(
      `Sisimai ${probe.stdout.trim()} (Perl), whole process, ${n} files`,
      round(n / (sisMs / 1000)),
      'msg/s',
      undefined,
      `median of 3, ${round(sisMs)} ms; CPU ${round(sisCpu)} ms${bad ? `; trouble: ${bad.lines} lines` : ''}`,
    ),
    figure(
      `rebound classify CLI, whole process, same ${n} files`,
      round(n / (rebMs / 1000)),
      'msg/s',
      undefined,
      `median of 3, ${round(rebMs)} ms; CPU ${round(rebCpu)} ms; the launcher`,
    ),
    figure('rebound / Sisimai, whole process (wall time)', round(sisMs / rebMs, 1), '×', { atLeast: GOAL_VS_SISIMAI }, loadNote()),
    figure('rebound / Sisimai, CPU time', round(sisCpu / rebCpu, 1), '×', undefined, 'user + system of each process'),
  ];
}

export async function benchClassify(opts: { passes: number; profile: boolean }): Promise<Figure[]> {
  const corpus = loadCorpus();
  const n = corpus.messages.length;
  say(`classify: ${n} messages, ${round(corpus.bytes / MB, 1)} MB, ${loadNote()}`);
  const figures: Figure[] = [];

  // Warm-up: the first pass compiles the regexes and lets V8 optimise. Its rate is what a
  // short CLI run gets (every message seen once, by cold code).
  const coldRate = await pass(corpus.messages, (m) => classify(m));
  // classify() is what ingest and the CLI call: the bounded scanner, and mailparser for the
  // few messages the scan could not read whole; classifySync is the scanner path alone.
  const slow = corpus.messages.filter((m) => fullParseTrigger(m, parseEntity(toLfBinary(m)), classifySync(m)) !== '').length;
  const parseRates: number[] = [];
  const syncRates: number[] = [];
  const classifyRates: number[] = [];
  for (let i = 0; i < opts.passes; i++) {
    parseRates.push(await pass(corpus.messages, (m) => parseEntity(toLfBinary(m))));
    syncRates.push(await pass(corpus.messages, (m) => classifySync(m)));
    classifyRates.push(await pass(corpus.messages, (m) => classify(m)));
  }
  const parseRate = median(parseRates);
  const syncRate = median(syncRates);
  const classifyRate = median(classifyRates);
  const note = `${n} msgs × ${opts.passes} passes, median; ${loadNote()}`;
  figures.push(figure('MIME scan only (in process)', round(parseRate), 'msg/s', undefined, note));
  figures.push(
    figure(
      'classify, scanner path only (in process)',
      round(syncRate),
      'msg/s',
      undefined,
      `classifySync; the scan is ${round((syncRate / parseRate) * 100)}% of its time`,
    ),
  );
  figures.push(
    figure(
      'classify, as ingest and the CLI run it (in process)',
      round(classifyRate),
      'msg/s',
      undefined,
      `classify(): ${slow} of ${n} messages also go through mailparser`,
    ),
  );
  figures.push(
    figure(
      'classify, first pass (cold code, in process)',
      round(coldRate),
      'msg/s',
      undefined,
      'what one pass over the corpus gets before V8 has optimised',
    ),
  );
  figures.push(figure('in-process passes, peak RSS', round(peakRssOfSelf() / MB, 1), 'MB'));

  // The whole process, as a user runs it.
  if (!existsSync(path.join(ROOT, 'src/commands/classify.ts'))) {
    figures.push(
      figure('classify CLI, whole process', 0, 'msg/s', { atLeast: GOAL_CLI_RATE }, 'src/commands/classify.ts does not exist yet'),
    );
  } else {
    const runs: CliRun[] = [];
    runCli(corpus.files); // warm the file cache and the compile cache
    for (let i = 0; i < 3; i++) runs.push(runCli(corpus.files));
    const bad = runs.find((r) => !r.ok);
    const ms = median(runs.map((r) => r.ms));
    figures.push(
      figure(
        'classify CLI, whole process',
        round(n / (ms / 1000)),
        'msg/s',
        { atLeast: GOAL_CLI_RATE },
        `${n} files in ${round(ms)} ms (median of 3)${bad ? `; CLI trouble: ${bad.detail}` : ''}; ${loadNote()}`,
      ),
    );
    figures.push(figure('classify CLI, peak RSS', round(Math.max(...runs.map((r) => r.peakRss)) / MB, 1), 'MB'));
    // The same CLI over the corpus ten times in one run: start-up and JIT warm-up spread
    // over 10x the messages, i.e. the rate a bigger batch gets.
    const times10 = Array.from({ length: 10 }, () => corpus.files).flat();
    const big = runCli(times10);
    figures.push(
      figure(
        `classify CLI, whole process, corpus ×10 (${times10.length} files)`,
        round(times10.length / (big.ms / 1000)),
        'msg/s',
        undefined,
        `${round(big.ms)} ms${big.ok ? '' : `; CLI trouble: ${big.detail}`}`,
      ),
    );
    // Where the whole-process time goes: node start-up alone and module loading.
    const bare = median(
      [0, 1, 2].map(() => {
        const s = process.hrtime.bigint();
        spawnSync(process.execPath, ['-e', '0']);
        return elapsedMs(s);
      }),
    );
    figures.push(figure('node start-up alone (for reference)', round(bare), 'ms'));
    figures.push(...sisimaiSideBySide(corpus.files));
    if (opts.profile) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-prof-'));
      try {
        runCli(corpus.files, ['--cpu-prof', '--cpu-prof-dir', dir]);
        const prof = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
        if (prof) say(`\nclassify CLI, whole process:\n${formatProfile(summariseProfile(path.join(dir, prof), 20))}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  if (opts.profile) {
    // In process: profile a few passes via the inspector module.
    const { Session } = await import('node:inspector/promises');
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    for (let i = 0; i < 5; i++) for (const m of corpus.messages) await classify(m);
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-prof-'));
    try {
      const file = path.join(dir, 'in-process.cpuprofile');
      (await import('node:fs')).writeFileSync(file, JSON.stringify(profile));
      say(`\nclassify in process (5 passes):\n${formatProfile(summariseProfile(file, 20))}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}

if (import.meta.main) {
  const figures = await benchClassify({ passes: arg('--passes', 7), profile: process.argv.includes('--profile') });
  report('classify', figures);
}
