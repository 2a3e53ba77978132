// Loopback ports for the test servers. Several engineers run their own Postfix instances at
// the same time, so every suite picks a whole port set from its own thousand (2xxx, 3xxx,
// 4xxx ...) and every helper takes ports as parameters; nothing here assumes a default.

import net from 'node:net';

/** The ports one Postfix test instance and its neighbours use. */
export interface PostfixPorts {
  /** Postfix smtpd: where tests inject mail. */
  smtpd: number;
  /** rebound's LMTP listener: where Postfix delivers the bounce address. */
  lmtp: number;
  /** A fake remote MX (tests/harness/fake-mx.ts) answering 550/450 by recipient. */
  mx: number;
  /** A port where nothing listens: "connection refused", i.e. a soft failure. */
  dead: number;
  /** A notification sink (an smtp-server) behind Postfix's notify.test route. */
  sink: number;
}

/**
 * The conventional port set of one thousand: portSet(2) gives smtpd 2525, lmtp 2424,
 * mx 2526, dead 2999, sink 2587 (the README's defaults); portSet(3) gives 3525, 3424, ...
 */
export function portSet(thousand: number): PostfixPorts {
  if (!Number.isInteger(thousand) || thousand < 2 || thousand > 60) throw new Error(`portSet(${thousand}): use 2..60`);
  const b = thousand * 1000;
  return { smtpd: b + 525, lmtp: b + 424, mx: b + 526, dead: b + 999, sink: b + 587 };
}

/**
 * A loopback port nothing listens on right now (the kernel's pick), for a server that takes
 * its port as a parameter; another process may take it before that server binds, so callers
 * retry on "address in use".
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true when something accepts a TCP connection on host:port within timeoutMs. */
export function canConnect(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** Waits (bounded: `tries` × `intervalMs`) until host:port accepts connections; throws otherwise. */
export async function waitForPort(host: string, port: number, tries = 100, intervalMs = 50): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await canConnect(host, port, intervalMs * 4)) return;
    await sleep(intervalMs);
  }
  throw new Error(`nothing listens on ${host}:${port} after ${tries} tries`);
}

/** Waits (bounded) until nothing accepts connections on host:port any more. */
export async function waitForPortClosed(host: string, port: number, tries = 100, intervalMs = 50): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (!(await canConnect(host, port, intervalMs * 4))) return;
    await sleep(intervalMs);
  }
  throw new Error(`${host}:${port} still accepts connections after ${tries} tries`);
}

/** Throws naming the port when any of the given loopback ports is already taken. */
export async function assertPortsFree(ports: number[], host = '127.0.0.1'): Promise<void> {
  const taken: number[] = [];
  for (const p of ports) if (await canConnect(host, p, 200)) taken.push(p);
  if (taken.length > 0) throw new Error(`ports already in use on ${host}: ${taken.join(', ')} (another test instance?)`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Polls `probe` until it returns a value other than undefined/false, at most `tries` times
 * `intervalMs` apart; throws with `what` in the message when it never does.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  opts: { tries?: number; intervalMs?: number } = {},
): Promise<T> {
  const tries = opts.tries ?? 200;
  const intervalMs = opts.intervalMs ?? 50;
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    await sleep(intervalMs);
  }
  throw new Error(`timed out waiting for ${what} (${tries} × ${intervalMs} ms)`);
}

/**
 * Runs every teardown step even when one fails (a server left running would hold its port for
 * the next test file), then throws the first failure.
 */
export async function stopAll(steps: (() => unknown)[]): Promise<void> {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length > 0) throw errors[0];
}
