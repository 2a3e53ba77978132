// What every recorded MTA provides, and the message each case sends.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { recipientsOf, type Scenario } from './scenarios.ts';

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
