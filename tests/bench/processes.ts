// Starting and stopping the benchmark's child processes: the listener under test
// (lmtp-server.ts) and the load generator (lmtp-load.ts). Every wait is bounded, and a
// listener is killed if it does not stop in time.

import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib.ts';
import type { LoadResult } from './lmtp-load.ts';
import type { ServerStats } from './lmtp-server.ts';

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ServerProcess {
  port: number;
  pid: number;
  stats(): Promise<ServerStats>;
  resetEventLoopDelay(): Promise<void>;
  /** A full garbage collection in the listener (started with --expose-gc). */
  gc(): Promise<void>;
  stop(): Promise<void>;
}

export function waitMessage<T>(
  child: ChildProcess,
  pick: (m: Record<string, unknown>) => T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: Record<string, unknown>) => {
      const v = pick(m);
      if (v !== undefined) done(undefined, v);
    };
    const onExit = (code: number | null) => done(new Error(`${what}: the listener exited (${code})`));
    function done(err?: Error, v?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(v as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * The environment the launcher (src/bin/rebound) gives the service: glibc's malloc held to two
 * arenas, and Node's compile cache, which (once warm) spares the process Node's TypeScript
 * stripper (~17 MB resident). Either can be overridden from the bench's own environment.
 */
export function launcherEnv(): Record<string, string> {
  return {
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? path.join(os.tmpdir(), 'node-compile-cache'),
  };
}

/**
 * Starts lmtp-server.ts in `mode` with a fresh temporary data folder, removed at stop.
 * With `profileDir` the listener writes a V8 CPU profile there when it exits.
 */
export async function startServer(
  mode: 'rebound' | 'bare',
  profileDir?: string,
  extra: { execArgv?: string[]; env?: Record<string, string>; unsetEnv?: string[] } = {},
): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra.env };
  for (const name of extra.unsetEnv ?? []) delete env[name];
  const dir = mkdtempSync(path.join(os.tmpdir(), `rebound-bench-${mode}-`));
  const child = fork(path.join(ROOT, 'tests/bench/lmtp-server.ts'), [mode, dir], {
    cwd: ROOT,
    // rebound's listener with the flags its launcher (src/bin/rebound) gives the service.
    execArgv: [
      ...(mode === 'rebound' ? ['--max-semi-space-size=4'] : []),
      ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      ...(extra.execArgv ?? []),
    ],
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  let ready: { port: number };
  try {
    ready = await waitMessage(
      child,
      (m) => (m.ready ? (m as { port: number }) : undefined),
      START_TIMEOUT_MS,
      `starting the ${mode} listener`,
    );
  } catch (err) {
    child.kill('SIGKILL');
    cleanup();
    throw err;
  }
  let stopped = false;
  return {
    port: ready.port,
    pid: child.pid!,
    async stats() {
      const p = waitMessage(child, (m) => m.stats as ServerStats | undefined, 5000, 'stats');
      child.send({ cmd: 'stats' });
      return p;
    },
    async gc() {
      const p = waitMessage(child, (m) => (m.gcDone ? true : undefined), 10_000, 'gc');
      child.send({ cmd: 'gc' });
      await p;
    },
    async resetEventLoopDelay() {
      const p = waitMessage(child, (m) => (m.reset ? true : undefined), 5000, 'reset');
      child.send({ cmd: 'reset-eld' });
      await p;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        const exited = new Promise<void>((resolve) => {
          if (child.exitCode !== null) resolve();
          else child.once('exit', () => resolve());
        });
        if (child.connected) child.send({ cmd: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      } finally {
        cleanup();
      }
    },
  };
}

/** Runs lmtp-load.ts once against a port and returns its result. */
export function runLoadProcess(port: number, connections: number, count: number, seconds: number): Promise<LoadResult> {
  return new Promise<LoadResult>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'tests/bench/lmtp-load.ts'), String(port), String(connections), String(count), String(seconds)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => (out += c));
    // The generator bounds itself by time; this is the backstop.
    const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 60) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as LoadResult);
      } catch {
        reject(new Error(`load generator exited ${code} without a result: ${out.slice(0, 300)}`));
      }
    });
  });
}
