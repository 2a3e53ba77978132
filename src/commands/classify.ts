// `rebound classify [--explain] [FILE ...]`: classifies message files (stdin when none, or
// "-") and prints one JSON object per line per file; with --explain, the result in plain
// words with the decision trail (classify-explain.ts). Exit 0 when every file was read; 1 when
// one could not be (named on stderr; the others are still printed).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../core/classify.ts';
import type { Classification } from '../core/types.ts';
import { explain } from './classify-explain.ts';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The printed shape of one classification (a stable, documented subset). */
export function toOutputLine(file: string, c: Classification): string {
  return JSON.stringify({
    file,
    kind: c.kind,
    recipients: c.recipients.map((r) => ({
      address: r.address,
      action: r.action,
      status: r.enhancedCode,
      replyCode: r.replyCode,
      reason: r.reason,
      bounceType: r.bounceType,
      diagnostic: r.diagnostic,
      remoteMta: r.remoteMta,
      decidedBy: r.decidedBy,
    })),
    original: {
      messageId: c.original.messageId,
      from: c.original.from,
      to: c.original.to,
      cc: c.original.cc,
      subject: c.original.subject,
      date: c.original.date,
      trackingId: c.original.trackingId,
    },
    ...(c.error ? { error: c.error } : {}),
  });
}

export async function run(args: string[]): Promise<number> {
  const explaining = args.includes('--explain');
  const named = args.filter((a) => a !== '--explain');
  const files = named.length ? named : ['-'];
  let failed = 0;
  // Lines are written in batches: one write per file costs more than classifying it.
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) process.stdout.write(pending.join(''));
    pending = [];
  };
  for (const file of files) {
    let raw: Buffer;
    try {
      // Synchronous reads: a bounce is small, and one thread-pool round trip per file would
      // cost more than the classification itself.
      raw = file === '-' ? await readStdin() : readFileSync(file);
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
      flush();
      process.stderr.write(`rebound classify: cannot read ${file}: ${reason}\n`);
      failed++;
      continue;
    }
    // The same entry point as ingest: the fast reader, and mailparser where a message needs it.
    const c = await classify(raw);
    pending.push(explaining ? explain(file, c) : toOutputLine(file, c) + '\n');
    if (pending.length >= 256) flush();
  }
  flush();
  return failed ? 1 : 0;
}

// Runnable on its own: node src/commands/classify.ts FILE...
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
