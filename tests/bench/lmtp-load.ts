// The LMTP load generator, a process of its own (so the client's work does not share an
// event loop with the server's): real DSNs from the sisimai corpus, each made unique so
// rebound stores every one instead of recognising a duplicate, sent over `connections`
// connections with pipelining until `count` messages are sent or `seconds` have passed.
// Prints one JSON line: rate, latency percentiles (end of data to the 250), outcomes.
//
// usage: node tests/bench/lmtp-load.ts PORT CONNECTIONS COUNT SECONDS

import { classifySync } from '../../src/core/classify.ts';
import { loadCorpus, percentile } from './lib.ts';
import { dataBody, LmtpClient } from './lmtp-client.ts';

export interface LoadResult {
  connections: number;
  sent: number;
  ok: number;
  /** Replies that said the message was a duplicate (the uniquifying missed it). */
  duplicates: number;
  failed: number;
  firstError?: string;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  bytes: number;
}

const RCPT = 'bounces@bench.example';

/**
 * Each corpus message as a template: dot-stuffed CRLF text split around its original
 * Message-ID (rebound's dedupe key names the original message), so a sequence number can
 * be put in that id and in a leading header.
 */
export function templates(): { pieces: string[]; id: string }[] {
  return loadCorpus().messages.map((raw) => {
    const c = classifySync(raw);
    const id = c.original.messageId || c.envelope.messageId;
    const text = dataBody(raw.toString('latin1'));
    return id ? { pieces: text.split(id), id } : { pieces: [text], id: '' };
  });
}

export function messageFor(t: { pieces: string[]; id: string }, seq: number): string {
  const body = t.pieces.length > 1 ? t.pieces.join(`bench${seq}.${t.id}`) : t.pieces[0]!;
  return `X-Bench-Seq: ${seq}\r\n${body}`;
}

export async function runLoad(port: number, connections: number, count: number, seconds: number): Promise<LoadResult> {
  const tpl = templates();
  const clients = await Promise.all(Array.from({ length: connections }, () => LmtpClient.connect(port)));
  // A per-run offset keeps sequence numbers unique across runs against the same store.
  const base = (Date.now() % 1_000_000_000) * 10;
  let next = 0;
  let ok = 0;
  let duplicates = 0;
  let failed = 0;
  let bytes = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (next < count && performance.now() < deadline) {
        const seq = next++;
        const body = messageFor(tpl[seq % tpl.length]!, base + seq);
        bytes += body.length;
        try {
          const { reply, latencyMs } = await client.send(body, RCPT);
          if (reply.code === 250) {
            ok++;
            latencies.push(latencyMs);
            if (reply.text.includes('already stored')) duplicates++;
          } else {
            failed++;
            firstError ??= `${reply.code} ${reply.text}`;
          }
        } catch (err) {
          failed++;
          firstError ??= (err as Error).message;
          return;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  await Promise.all(clients.map((c) => c.quit()));
  return {
    connections,
    sent: next,
    ok,
    duplicates,
    failed,
    ...(firstError ? { firstError } : {}),
    seconds: elapsed,
    rate: ok / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    bytes,
  };
}

if (import.meta.main) {
  const [port, connections, count, seconds] = process.argv.slice(2).map(Number);
  if (!port || !connections || !count || !seconds) {
    process.stderr.write('usage: node tests/bench/lmtp-load.ts PORT CONNECTIONS COUNT SECONDS\n');
    process.exit(2);
  }
  const result = await runLoad(port, connections, count, seconds);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
