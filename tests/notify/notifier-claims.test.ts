// Two rebound processes on one store: two notifiers, each on its own connection to the same
// database (as two processes have; SQLite or PostgreSQL, tests/harness/test-store.ts), send the one outbox to a real SMTP server on loopback
// (smtp-server sink, port 31587). Every notice must arrive exactly once, and a notice claimed
// by a process that died must be sent by the other once the claim has run out.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { createNoticePlanner } from '../../src/notify/notices.ts';
import { createMailer } from '../../src/notify/mailer.ts';
import { createNotifier, type Notifier } from '../../src/notify/notifier.ts';
import type { Store } from '../../src/store/store.ts';
import { sleep } from '../harness/ports.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';
import { onSqlite, openSharedTestStores, scalar } from '../harness/test-store.ts';
import { dsn } from './dsn-fixtures.ts';

const SINK_PORT = 31587;
const CLAIM_TTL_MS = 60_000;

let sink: SmtpSink;
let dir: string;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  sink = await startSmtpSink({ port: SINK_PORT });
});
afterAll(async () => {
  await sink?.stop();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  sink.clear();
  rmSync(dir, { recursive: true, force: true });
});

async function setUp(): Promise<{ config: Config; a: Store; b: Store }> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-claims-'));
  const config = loadConfig(
    {
      DATA_DIR: dir,
      SMTP_SERVER: '127.0.0.1',
      SMTP_PORT: String(SINK_PORT),
      NOTIFY_FROM: 'rebound@app.test',
      NOTIFY_CC: 'ops@example.org',
      // The hourly caps would otherwise stop the planning at 30 notices to ops@.
      NOTIFY_MAX_PER_ADDRESS_HOUR: '1000',
    },
    dir,
  );
  const [a, b] = await openSharedTestStores(2);
  cleanups.push(
    () => a!.dispose(),
    () => b!.dispose(),
  );
  return { config, a: a!, b: b! };
}

function notifier(config: Config, store: Store, holder: string, clock: () => Date = () => new Date()): Notifier {
  const n = createNotifier({ config, store, log: silentLogger(), holder, claimTtlMs: CLAIM_TTL_MS, clock });
  cleanups.push(() => n.stop());
  return n;
}

/** Records `count` distinct hard bounces through the real ingestor; their notices wait in the outbox. */
async function bounces(config: Config, store: Store, count: number, tag: string): Promise<number[]> {
  const ingestor = createIngestor({ store, log: silentLogger(), planNotices: createNoticePlanner(config) });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = await ingestor.ingest({
      raw: dsn({ tag: `${tag}-${i}`, failed: `user${i}@mx-reject.test` }),
      source: 'lmtp',
      envelopeTo: ['bounces@app.test'],
    });
    ids.push(...r.bounceIds);
  }
  await ingestor.drain();
  return ids;
}

/** The bounce id of each notice the sink received (X-Rebound-Notice), in arrival order. */
async function noticeIds(): Promise<number[]> {
  const out: number[] = [];
  for (const m of sink.messages) out.push(Number((await simpleParser(m.raw)).headers.get('x-rebound-notice')));
  return out;
}

describe('notices with two rebound processes on one store', () => {
  it('sends each notice exactly once when both notifiers send the same outbox at the same time', async () => {
    const { config, a, b } = await setUp();
    const ids = await bounces(config, a, 70, 'both');
    expect(ids).toHaveLength(70);
    const one = notifier(config, a, 'host-a:1:aaaa');
    const two = notifier(config, b, 'host-b:2:bbbb');
    const [ra, rb] = await Promise.all([one.sendDue(), two.sendDue()]);
    // Both took part: each claimed batches the other then skipped.
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    expect(ra.sent + rb.sent).toBe(70);
    // Nothing more arrives later either.
    await sleep(200);
    const got = await noticeIds();
    expect(got).toHaveLength(70);
    expect(new Set(got)).toEqual(new Set(ids));
    expect(await a.outbox.countsByState()).toMatchObject({ sent: 70, pending: 0, failed: 0 });
    const claimed = await scalar(a, 'SELECT COUNT(*) AS n FROM outbox WHERE claimed_by IS NOT NULL');
    expect(claimed).toBe(0);
  });

  // These two move the host's clock: on PostgreSQL claims go by the database's clock
  // (tests/store/pg/store-claims.test.ts checks that instead).
  it.skipIf(!onSqlite)('leaves a notice another live process has claimed, and sends it once that claim has run out', async () => {
    const { config, a, b } = await setUp();
    const ids = await bounces(config, a, 3, 'dead');
    const now = { t: Date.now() };
    // A process that claimed the rows and died before sending them.
    const taken = await b.outbox.claimDue('dead-host:99:dead', CLAIM_TTL_MS, new Date(now.t), 10);
    expect(taken.map((r) => r.bounce_id).sort()).toEqual([...ids].sort());
    const live = notifier(config, a, 'host-a:1:aaaa', () => new Date(now.t));
    expect(await live.sendDue()).toEqual({ sent: 0, failed: 0 });
    now.t += CLAIM_TTL_MS - 1000;
    expect(await live.sendDue()).toEqual({ sent: 0, failed: 0 });
    expect(sink.messages).toHaveLength(0);
    now.t += 2000;
    expect(await live.sendDue()).toEqual({ sent: 3, failed: 0 });
    expect(new Set(await noticeIds())).toEqual(new Set(ids));
    expect((await a.outbox.countsByState()).sent).toBe(3);
  });

  it("sends a notice again with the same Message-ID when its sender died between the relay's 250 and the record", async () => {
    const { config, a, b } = await setUp();
    const [first, second] = await bounces(config, a, 2, 'in-doubt');
    expect(await notifier(config, a, 'host-a:1:aaaa').sendDue()).toEqual({ sent: 2, failed: 0 });
    // What a SIGKILL right after the relay's answer leaves: the row still due, claimed by the
    // dead process, and that claim run out by now.
    const [row] = await a.outbox.forBounce(first!);
    await a.sql.run("UPDATE outbox SET state = 'pending', claimed_by = 'host-a:1:aaaa', claimed_until = ? WHERE id = ?", [
      new Date(Date.now() - 1000).toISOString(),
      row!.id,
    ]);
    expect(await notifier(config, b, 'host-b:2:bbbb').sendDue()).toEqual({ sent: 1, failed: 0 });
    const got = await Promise.all(sink.messages.map(async (m) => (await simpleParser(m.raw)).headers));
    const ids = got.map((h) => [Number(h.get('x-rebound-notice')), h.get('message-id')]);
    expect(ids.map(([bounce]) => bounce)).toEqual([first, second, first]);
    // The second send of the first notice is recognisable as the same message.
    expect(ids[2]![1]).toBe(ids[0]![1]);
    expect(ids[1]![1]).not.toBe(ids[0]![1]);
    expect(ids[0]![1]).toMatch(/^<rebound\.notice\.\d+\.[0-9a-z]+@app\.test>$/);
  });

  it('holds at most one batch of claims during a long pass, so a killed sender strands no more', async () => {
    const { config, a } = await setUp();
    const ids = await bounces(config, a, 105, 'long-pass');
    // The real mailer to the sink; before each send, how many unsent rows this process holds.
    const real = createMailer(config.smtp);
    const held: number[] = [];
    const countHeld = () => scalar(a, "SELECT COUNT(*) AS n FROM outbox WHERE claimed_by = 'host-a:1:aaaa' AND state = 'pending'");
    const n = createNotifier({
      config,
      store: a,
      log: silentLogger(),
      holder: 'host-a:1:aaaa',
      claimTtlMs: CLAIM_TTL_MS,
      mailer: {
        relay: real.relay,
        async send(mail) {
          held.push(await countHeld());
          return await real.send(mail);
        },
        close: () => real.close(),
      },
    });
    cleanups.push(() => n.stop());
    expect(await n.sendDue()).toEqual({ sent: 105, failed: 0 });
    expect(new Set(await noticeIds())).toEqual(new Set(ids));
    // 50 rows (the batch) claimed at a time: not 100 once 50 were sent, nor the rest.
    expect(Math.max(...held)).toBe(50);
  }, 60_000);

  it.skipIf(!onSqlite)('does not send a row whose claim ran out and was taken by another process meanwhile', async () => {
    const { config, a, b } = await setUp();
    const [id] = await bounces(config, a, 1, 'stolen');
    const now = new Date();
    const [row] = await a.outbox.claimDue('slow-host:1:slow', CLAIM_TTL_MS, now, 10);
    // The slow holder's claim expires; another process takes the row and sends it.
    const later = new Date(now.getTime() + CLAIM_TTL_MS + 1000);
    const [again] = await b.outbox.claimDue('fast-host:2:fast', CLAIM_TTL_MS, later, 10);
    expect(again?.id).toBe(row!.id);
    await b.outbox.markSent(row!.id, later);
    // The slow holder checks before sending: no longer its row.
    expect(await a.outbox.confirmClaim(row!.id, 'slow-host:1:slow', CLAIM_TTL_MS, later)).toBe(false);
    expect((await a.outbox.forBounce(id!))[0]).toMatchObject({ state: 'sent', claimed_by: null });
  });
});
