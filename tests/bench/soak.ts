// Memory soak (issue 11, defect 8): does rebound give memory back after hostile input? The
// same listener (lmtp-server.ts, rebound mode, with its notifier sending to an SMTP sink on
// loopback) is fed ROUNDS rounds of hostile messages (forged DSNs of 5,000 recipients and
// 5,000 Cc, forged DSNs of 50 recipients and 200 Cc, a 9.5 MB DSN, a DSN nested 200 levels)
// and, as the baseline, in a second listener, as many ordinary corpus DSNs. RSS is read
// before, after every round, every second of an idle spell, and after a full garbage
// collection; the V8 heap is read alongside, which tells retained data (a leak: the heap
// stays up after the collection) from allocator slack (the heap falls back, RSS stays).
// RSS is expected to rise in the first round (a new classifier thread, SQLite's and the
// allocator's high-water marks) and then stay flat: "growth" is read from round 2 on.
//
// usage: node tests/bench/soak.ts [--json]

import { figure, loadNote, MB, report, round, say, type Figure } from './lib.ts';
import { dataBody, LmtpClient } from './lmtp-client.ts';
import { messageFor, templates } from './lmtp-load.ts';
import { bigMessage, nestedMessage } from './hostile.ts';
import { startServer, type ServerProcess } from './processes.ts';
import type { ServerStats } from './lmtp-server.ts';
import { startSmtpSink } from '../harness/smtp-sink.ts';
import { forgedDsn } from '../notify/forged-dsn.ts';

const ROUNDS = 6;
const IDLE_SECONDS = 10;
const SINK_PORT = 2612;
const RCPT = 'bounces@org.test';

/** "RSS flat over time": growth from the first round to the last, at most. */
const GOAL_GROWTH_MB = 30;
/** The issue's bound on one message's hold of the event loop. */
const GOAL_ELD_MAX_MS = 50;

interface Sample {
  phase: string;
  rss: number;
  heapUsed: number;
  external: number;
}

function hostileRound(seq: number): string[] {
  const cc5000 = Array.from({ length: 5000 }, (_, i) => `cc${i}@${i % 2 ? 'org.test' : 'victims.test'}`);
  const cc200 = cc5000.slice(0, 200);
  return [
    ...[0, 1].map((k) => forgedDsn({ tag: `soak-huge-${seq}-${k}`, failed: 5000, from: 'sales@org.test', cc: cc5000 })),
    ...[0, 1, 2, 3, 4].map((k) => forgedDsn({ tag: `soak-50-${seq}-${k}`, failed: 50, from: 'sales@org.test', cc: cc200 })),
  ]
    .map((b) => dataBody(b.toString('latin1')))
    .concat([dataBody(bigMessage(seq)), dataBody(nestedMessage(seq))]);
}

async function soak(
  kind: 'hostile' | 'baseline',
  malloc: Record<string, string> = {},
): Promise<{ samples: Sample[]; eldMax: number; noticesSent: number; messages: number }> {
  const sink = await startSmtpSink({ port: SINK_PORT });
  const server: ServerProcess = await startServer('rebound', undefined, {
    execArgv: ['--expose-gc'],
    env: {
      BENCH_SMTP_PORT: String(SINK_PORT),
      BENCH_NOTIFY_CC: 'ops@org.test',
      BENCH_NOTIFY_FROM: 'bounces@org.test',
      BENCH_LOG_LEVEL: 'warn',
      ...malloc,
    },
  });
  const label = Object.keys(malloc).length
    ? `${kind} (${Object.entries(malloc)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')})`
    : kind;
  const samples: Sample[] = [];
  const sample = async (phase: string): Promise<ServerStats> => {
    const s = await server.stats();
    samples.push({ phase, rss: s.rss, heapUsed: s.heapUsed, external: s.external });
    say(
      `soak ${label}: ${phase}: RSS ${round(s.rss / MB, 1)} MB, heap ${round(s.heapUsed / MB, 1)} MB, external ${round(s.external / MB, 1)} MB; ${loadNote()}`,
    );
    return s;
  };
  let eldMax = 0;
  let messages = 0;
  try {
    await new Promise((r) => setTimeout(r, 1000));
    await sample('before');
    const tpl = templates();
    let seq = Date.now() % 1_000_000_000;
    for (let r = 1; r <= ROUNDS; r++) {
      const hostile = hostileRound(seq++);
      const bodies = kind === 'hostile' ? hostile : hostile.map(() => messageFor(tpl[seq % tpl.length]!, seq++));
      await server.resetEventLoopDelay();
      const client = await LmtpClient.connect(server.port, '127.0.0.1', 120_000);
      for (const body of bodies) {
        const { reply } = await client.send(body, RCPT);
        if (reply.code !== 250) say(`soak ${label}: round ${r} answered ${reply.code} ${reply.text.split('\n')[0]}`);
        messages++;
      }
      await client.quit();
      // Let the notifier finish its pass (bounded: a few seconds).
      for (let i = 0; i < 50 && (await server.stats()).noticesSent !== sink.messages.length; i++)
        await new Promise((res) => setTimeout(res, 100));
      const s = await sample(`after round ${r}`);
      eldMax = Math.max(eldMax, s.eld.max);
    }
    for (let t = 1; t <= IDLE_SECONDS; t++) {
      await new Promise((r) => setTimeout(r, 1000));
      if (t % 5 === 0 || t === IDLE_SECONDS) await sample(`idle ${t} s`);
    }
    await server.gc();
    await new Promise((r) => setTimeout(r, 500));
    const last = await sample('after a full GC');
    return { samples, eldMax, noticesSent: last.noticesSent ?? 0, messages };
  } finally {
    await server.stop();
    await sink.stop();
  }
}

export async function benchSoak(): Promise<Figure[]> {
  const hostile = await soak('hostile');
  const baseline = await soak('baseline');
  // The same hostile rounds with glibc's malloc held to two arenas (it makes up to 8 per
  // core, one per thread that allocates: the classifier thread, libuv's pool, SQLite's
  // callers): if what RSS keeps after a full GC is allocator slack, this run keeps less.
  const arenas = await soak('hostile', { MALLOC_ARENA_MAX: '2' });
  const at = (s: Sample[], phase: string) => s.find((x) => x.phase === phase)!;
  const mb = (b: number) => round(b / MB, 1);
  const figures: Figure[] = [];
  for (const phase of ['before', 'after round 1', 'after round 2', `after round ${ROUNDS}`, `idle ${IDLE_SECONDS} s`, 'after a full GC']) {
    const h = at(hostile.samples, phase);
    const b = at(baseline.samples, phase);
    figures.push(
      figure(
        `RSS ${phase}`,
        mb(h.rss),
        'MB',
        undefined,
        `baseline ${mb(b.rss)} MB; heap ${mb(h.heapUsed)} MB (baseline ${mb(b.heapUsed)}), external ${mb(h.external)} MB`,
      ),
    );
  }
  const growth = at(hostile.samples, `after round ${ROUNDS}`).rss - at(hostile.samples, 'after round 2').rss;
  const baseGrowth = at(baseline.samples, `after round ${ROUNDS}`).rss - at(baseline.samples, 'after round 2').rss;
  figures.push(
    figure(
      `RSS growth, round 2 to ${ROUNDS}`,
      mb(growth),
      'MB',
      { atMost: GOAL_GROWTH_MB },
      `baseline ${mb(baseGrowth)} MB; ${hostile.messages} hostile msgs, ${hostile.noticesSent} notices sent`,
    ),
  );
  const arenaGrowth = at(arenas.samples, `after round ${ROUNDS}`).rss - at(arenas.samples, 'after round 2').rss;
  figures.push(
    figure(
      'MALLOC_ARENA_MAX=2: RSS after a full GC',
      mb(at(arenas.samples, 'after a full GC').rss),
      'MB',
      undefined,
      `same hostile rounds; default malloc ${mb(at(hostile.samples, 'after a full GC').rss)} MB; heap ${mb(at(arenas.samples, 'after a full GC').heapUsed)} MB`,
    ),
    figure(
      `MALLOC_ARENA_MAX=2: RSS growth, round 2 to ${ROUNDS}`,
      mb(arenaGrowth),
      'MB',
      { atMost: GOAL_GROWTH_MB },
      `peak after round ${ROUNDS} ${mb(at(arenas.samples, `after round ${ROUNDS}`).rss)} MB (default malloc ${mb(at(hostile.samples, `after round ${ROUNDS}`).rss)} MB)`,
    ),
  );
  const gcHeap = at(hostile.samples, 'after a full GC').heapUsed;
  const gcHeapBase = at(baseline.samples, 'after a full GC').heapUsed;
  figures.push(
    figure(
      'heap used after a full GC',
      mb(gcHeap),
      'MB',
      undefined,
      `baseline ${mb(gcHeapBase)} MB: retained data, not slack, is what differs`,
    ),
  );
  figures.push(
    figure(
      'listener event-loop delay, max, hostile rounds',
      round(hostile.eldMax, 1),
      'ms',
      { atMost: GOAL_ELD_MAX_MS },
      `baseline ${round(baseline.eldMax, 1)} ms; ${loadNote()}`,
    ),
  );
  return figures;
}

if (import.meta.main) {
  report('soak', await benchSoak());
}
