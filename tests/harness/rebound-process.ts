// `rebound start` as a real child process (node src/cli.ts start, as the launcher runs it),
// for tests that kill it: SIGKILL leaves no chance to clean up, exactly as a crashed host or
// the OOM killer would. Its stdout and stderr (pino's JSON lines) go to a log file, written
// by the kernel, so every line before a kill is kept. Started again with the same settings
// (same ports, same INSTANCE_ID) it is the same instance coming back.
//
//   const a = reboundProcess({ name: 'a', env, logFile: '/tmp/x/a.log', lmtpPort: 4424 });
//   await a.start();               // resolves once LMTP accepts connections
//   await a.kill('SIGKILL');       // resolves once the process is gone
//   await a.start();               // the same instance again
//   await a.stop();                // SIGTERM, then SIGKILL after a bounded wait (afterAll)

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canConnect, sleep } from './ports.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** A start (Node, the classifier thread, migrations) takes 1-3 s on an idle machine. */
const START_TRIES = 300;
const START_INTERVAL_MS = 50;
/** A clean stop is bounded by src/main.ts's own 8 s; then it is killed. */
const STOP_TIMEOUT_MS = 12_000;

export interface ReboundProcessOptions {
  /** Short name for messages ("a", "b"). */
  name: string;
  /** The whole environment of the process (nothing is inherited but what is given). */
  env: NodeJS.ProcessEnv;
  /** Where stdout and stderr go (appended across restarts). */
  logFile: string;
  /** The LMTP port it listens on: start() waits for it. */
  lmtpPort: number;
}

export interface ReboundProcess {
  readonly name: string;
  /** The running process's pid, undefined while it is down. */
  readonly pid: number | undefined;
  /** How many times it was started. */
  readonly starts: number;
  start(): Promise<void>;
  /** Sends the signal and waits (bounded) until the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited in time; nothing when it is down. */
  stop(): Promise<void>;
  /** The log file so far (every start). */
  log(): string;
}

export function reboundProcess(o: ReboundProcessOptions): ReboundProcess {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let starts = 0;

  const exitWithin = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), ms);
      void exited.then(() => {
        clearTimeout(t);
        resolve(true);
      });
    });

  const self: ReboundProcess = {
    name: o.name,
    get pid() {
      return child?.pid;
    },
    get starts() {
      return starts;
    },
    async start() {
      if (child) throw new Error(`rebound ${o.name} is already running (pid ${child.pid})`);
      const fd = openSync(o.logFile, 'a');
      const c = spawn(process.execPath, ['src/cli.ts', 'start'], { cwd: ROOT, env: o.env, stdio: ['ignore', fd, fd] });
      closeSync(fd); // the child has its own copy
      child = c;
      starts++;
      exited = new Promise((resolve) => c.once('exit', () => resolve()));
      void exited.then(() => {
        if (child === c) child = undefined;
      });
      try {
        for (let i = 0; ; i++) {
          if (child !== c) throw new Error('it exited during the start');
          if (await canConnect('127.0.0.1', o.lmtpPort, START_INTERVAL_MS * 4)) return;
          if (i >= START_TRIES) throw new Error(`LMTP port ${o.lmtpPort} not listening after ${START_TRIES} tries`);
          await sleep(START_INTERVAL_MS);
        }
      } catch (err) {
        await self.stop();
        const tail = self.log().split('\n').slice(-15).join('\n');
        throw new Error(`rebound ${o.name} did not start: ${(err as Error).message}\n${tail}`, { cause: err });
      }
    },
    async kill(signal) {
      const c = child;
      if (!c) return;
      c.kill(signal);
      if (!(await exitWithin(STOP_TIMEOUT_MS))) throw new Error(`rebound ${o.name} (pid ${c.pid}) did not exit after ${signal}`);
    },
    async stop() {
      const c = child;
      if (!c) return;
      c.kill('SIGTERM');
      if (await exitWithin(STOP_TIMEOUT_MS)) return;
      c.kill('SIGKILL');
      await exitWithin(STOP_TIMEOUT_MS);
    },
    log: () => (existsSync(o.logFile) ? readFileSync(o.logFile, 'utf8') : ''),
  };
  return self;
}
