// One file of `rebound classify`, read and classified into the text the CLI prints: shared by
// the command's own thread and its worker threads (classify-files-worker.ts), so both print
// byte for byte the same.

import { readFileSync } from 'node:fs';
import { classify } from '../core/classify.ts';
import type { Classification } from '../core/types.ts';

/** What one file gives: a line (or block, with --explain) for stdout, or a message for stderr. */
export type FileOutput = { out: string } | { err: string };

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

/** The explainer (and its rule tables) is loaded only by --explain. */
let explainer: Promise<typeof import('./classify-explain.ts')> | undefined;

/** Formats a classification the way the CLI prints it. */
export async function formatResult(file: string, c: Classification, explaining: boolean): Promise<string> {
  if (!explaining) return toOutputLine(file, c) + '\n';
  const { explain } = await (explainer ??= import('./classify-explain.ts'));
  return explain(file, c);
}

/** Reads and classifies one named file (never stdin). */
export async function classifyFile(file: string, explaining: boolean): Promise<FileOutput> {
  let raw: Buffer;
  try {
    // Synchronous reads: a bounce is small, and one thread-pool round trip per file would
    // cost more than the classification itself.
    raw = readFileSync(file);
  } catch (err) {
    return { err: `rebound classify: cannot read ${file}: ${readError(err)}\n` };
  }
  // The same entry point as ingest: the fast reader, and mailparser where a message needs it.
  return { out: await formatResult(file, await classify(raw), explaining) };
}

export function readError(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}
