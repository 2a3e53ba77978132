// What every recorded MTA provides, and the message each case sends.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { recipientsOf, type Scenario } from './scenarios.ts';
import { submit } from './smtp-ends.ts';

export const SENDER = 'sender@sender.test';

export interface MtaRecorder {
  /** The fixtures folder's name (tests/fixtures/mta-notices/<name>/). */
  name: string;
  /** Unpacks the MTA and whatever it needs on this machine (run as root). */
  prepare(): void;
  /** The MTA's own account of its version, kept beside the fixtures. */
  version(): string;
  /** Sends one case's message through the MTA to the scripted remote on `port` and returns
   * the notice the MTA wrote back to the sender. */
  record(s: Scenario, port: number): Promise<Buffer>;
}

export function submittedMessage(s: Scenario): Buffer {
  return Buffer.from(
    [
      'From: Accounts <sender@sender.test>',
      `To: ${recipientsOf(s).join(', ')}`,
      'Cc: colleague@sender.test',
      'Subject: Invoice 1024',
      `Message-ID: <${s.id}@sender.test>`,
      'Date: Tue, 01 Dec 2026 09:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Please find the invoice attached.',
      '',
    ].join('\n'),
  );
}

/** Runs a command without blocking the event loop (the scripted remote answers in this
 * process while the MTA talks to it). */
export function run(command: string, args: string[], input?: Buffer): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
    child.stdin.end(input);
  });
}

/** The first message delivered into a maildir (its new/ folder), if any yet. */
export function firstInMaildir(maildir: string): Buffer | undefined {
  const fresh = join(maildir, 'new');
  if (!existsSync(fresh)) return undefined;
  const names = readdirSync(fresh).sort();
  return names.length ? readFileSync(join(fresh, names[0]!)) : undefined;
}

/** Looks for the MTA's notice up to `tries` times, `every` ms apart, nudging the MTA after
 * each wait when it needs it (a queue run); fails with `failure()` (what the MTA said) when
 * none came: the recorder runs unattended, so every wait is bounded. */
export async function awaitNotice(
  look: () => Buffer | undefined,
  { tries, every, nudge }: { tries: number; every: number; nudge?: (attempt: number) => Promise<unknown> | undefined },
  failure: () => string,
): Promise<Buffer> {
  for (let attempt = 0; attempt < tries; attempt++) {
    const notice = look();
    if (notice) return notice;
    await sleep(every);
    await nudge?.(attempt);
  }
  throw new Error(failure());
}

/** Starts a daemon whose output is kept for the error a failed case reports. */
export function startDaemon(command: string, args: string[]): { daemon: ChildProcess; log: () => string } {
  let log = '';
  const daemon = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  daemon.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  daemon.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return { daemon, log: () => log };
}

/** Asks a daemon the case started to stop (SIGTERM) and gives it up to 5 s to exit. */
export async function stopDaemon(daemon: ChildProcess | undefined): Promise<void> {
  if (!daemon || daemon.exitCode !== null) return;
  const exited = new Promise((resolve) => daemon.once('exit', resolve));
  daemon.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
}

/** Submits the case's message over SMTP to a daemon that may still be starting: up to
 * `tries` times, 250 ms apart; the last refusal when it never took it. */
export async function submitWhenListening(listen: number, s: Scenario, tries: number): Promise<Error | undefined> {
  const to = s.to.map((l) => `${l}@remote.test`);
  let submitted: Error | undefined = new Error('not tried');
  for (let attempt = 0; attempt < tries && submitted; attempt++) {
    await sleep(250);
    submitted = await submit(listen, SENDER, to, submittedMessage(s)).then(
      () => undefined,
      (e: Error) => e,
    );
  }
  return submitted;
}
