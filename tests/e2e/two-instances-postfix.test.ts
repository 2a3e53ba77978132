// Issue 18's "Done when": two rebound instances (real `rebound start` processes) on one store,
// behind a real Postfix whose transport lists both LMTP listeners as next hops (transport(5),
// Postfix >= 3.5: "lmtp:inet:127.0.0.1:A, 127.0.0.1:B", tried in order). A load of 2,000
// distinct DSNs goes into Postfix's smtpd; while Postfix delivers them, instance A is killed
// with SIGKILL and started again a few seconds later, then instance B the same way. At the end,
// what an admin would see: every bounce recorded once, one notice per bounce at the relay (a
// real SMTP sink), one webhook event per bounce at the receiver (real HTTP, signatures checked
// with the standardwebhooks library), the daily summary sent once for the one period that fell
// inside the test, and Postfix's queue empty. The figures are printed.
//
// "Once" for notices and webhooks means once per Message-ID and per webhook-id: the one a
// killed instance had in flight (the relay or receiver had it, the record of it did not happen)
// is sent again after CLAIM_TTL with the same id. No sender can do better across a SIGKILL;
// the test allows at most one such repeat per kill and per kind, and prints how many it saw.
//
// The store: REBOUND_TEST_ENGINE=postgres runs the same test on a private PostgreSQL (both
// instances get its DATABASE_URL); otherwise one SQLite file in one DATA_DIR that both share.
// Every port is a free loopback port picked at the start; the suppression servers are off.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SUPPRESSION_SERVERS } from '../harness/app-env.ts';
import { freePort, sleep, stopAll, waitFor } from '../harness/ports.ts';
import { BOUNCE_ADDRESS, startPostfix, stopPostfix, type PostfixInstance } from '../harness/postfix.ts';
import { startPostgres, type Postgres } from '../harness/postgres.ts';
import { reboundProcess, type ReboundProcess } from '../harness/rebound-process.ts';
import { injectMany } from '../harness/smtp-load.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';
import { WebhookReceiver } from '../harness/webhook-receiver.ts';
import { dsn } from '../notify/dsn-fixtures.ts';
import { Client } from '../web/fixture.ts';

/** The store both instances share: the one place that says which engine the test runs on. */
const ENGINE = process.env.REBOUND_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
/** `rebound start` runs on DATABASE_URL (issue 18): both instances share one private PostgreSQL. */
const SERVICE_RUNS_ON_POSTGRES = true;
const SKIP_REASON =
  ENGINE === 'postgres' && !SERVICE_RUNS_ON_POSTGRES ? ' (skipped: `rebound start` does not run on DATABASE_URL yet)' : '';

/** At least 2,000 bounces (the figure). */
const BOUNCES = 2000;
/** Kill A once this many are recorded, B once this many; each comes back after RESTART_AFTER_MS. */
const KILL_A_AT = 250;
const KILL_B_AT = 800;
const RESTART_AFTER_MS = 3000;
/** Each instance is killed once. */
const KILLS = 2;
/** CLAIM_TTL's least allowed value: a notice or webhook a killed instance held is sent after it. */
const CLAIM_TTL = '2m';
/** Everything must be done this long after the load went in (CLAIM_TTL plus the drain). */
const DRAIN_TIMEOUT_MS = 200_000;
const PASSWORD = 'two-instances-behind-postfix';
const NOTIFY_CC = 'ops@example.org';

interface TestStore {
  /** The store's variables for both instances. */
  env: Record<string, string>;
  /** One query in the SQL both engines speak (src/store/sql/README.md). */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

async function openTestStore(dir: string): Promise<{ store: TestStore; postgres?: Postgres }> {
  if (ENGINE === 'postgres') {
    const postgres = await startPostgres();
    const url = await postgres.createDatabase('two_instances');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      postgres,
      store: {
        // DATA_DIR too: whatever the service still keeps in files stays in the test's folder.
        env: { DATABASE_URL: url, DATA_DIR: dir },
        // bigint columns (ids, COUNT(*)) come back as text: the assertions compare them as such.
        rows: async (sql) => (await client.query(sql)).rows as never,
        close: () => client.end(),
      },
    };
  }
  let db: Database.Database | undefined;
  return {
    store: {
      env: { DATA_DIR: dir },
      // Opened at the first query: the first instance creates the file.
      rows: async (sql) => {
        db ??= new Database(path.join(dir, 'bounces.db'), { readonly: true, fileMustExist: true });
        return db.prepare(sql).all() as never;
      },
      close: async () => void db?.close(),
    },
  };
}

let base: string;
let store: TestStore | undefined;
let postgres: Postgres | undefined;
let pf: PostfixInstance | undefined;
let relay: SmtpSink | undefined;
let receiver: WebhookReceiver | undefined;
const instances: ReboundProcess[] = [];
let lmtpPorts: number[] = [];
let webPorts: number[] = [];
/** The one summary period inside the test. */
let summaryAt: Date;

/** Each instance's environment: its own ports and id, the same store and settings. */
function instanceEnv(name: string, lmtpPort: number, webPort: number): NodeJS.ProcessEnv {
  const s = summaryAt;
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_COMPILE_CACHE: path.join(os.tmpdir(), 'node-compile-cache'),
    ...store!.env,
    ...NO_SUPPRESSION_SERVERS,
    INSTANCE_ID: `e2e-${name}`,
    LMTP_LISTEN: `127.0.0.1:${lmtpPort}`,
    WEBUI_PORT: String(webPort),
    ADMIN_PASS: PASSWORD,
    SESSION_SECRET: 'a-session-secret-both-instances-share-0123456789',
    SMTP_SERVER: '127.0.0.1',
    SMTP_PORT: String(relay!.port),
    NOTIFY_CC,
    NOTIFY_FROM: 'rebound@example.org',
    LOCAL_DOMAINS: 'example.org, app.test',
    // One notice per bounce: the hourly caps (30 per address, 300 in all) would hold most back.
    NOTIFY_MAX_PER_HOUR: '100000',
    NOTIFY_MAX_PER_ADDRESS_HOUR: '100000',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_TIMEOUT: '5s',
    CLAIM_TTL,
    // The retry pass sends the notices whose claim a killed instance left behind.
    RETRY_CRON: '*/5 * * * * *',
    // One occurrence, inside the test (seconds field first; UTC).
    SUMMARY_CRON: `${s.getUTCSeconds()} ${s.getUTCMinutes()} ${s.getUTCHours()} ${s.getUTCDate()} ${s.getUTCMonth() + 1} *`,
    LOG_LEVEL: 'info',
  };
}

beforeAll(async () => {
  if (SKIP_REASON) return;
  base = mkdtempSync(path.join(os.tmpdir(), 'rebound-two-pf-'));
  ({ store, postgres } = await openTestStore(base));
  relay = await startSmtpSink({ port: await freePort() });
  receiver = new WebhookReceiver();
  await receiver.start();
  lmtpPorts = [await freePort(), await freePort()];
  webPorts = [await freePort(), await freePort()];
  summaryAt = new Date(Math.ceil((Date.now() + 25_000) / 1000) * 1000);
  for (const [i, name] of ['a', 'b'].entries()) {
    instances.push(
      reboundProcess({
        name,
        env: instanceEnv(name, lmtpPorts[i]!, webPorts[i]!),
        logFile: path.join(base, `${name}.log`),
        lmtpPort: lmtpPorts[i]!,
      }),
    );
  }
  // One after the other, as a service manager would (the first creates the schema).
  for (const r of instances) await r.start();
  pf = await startPostfix({
    name: 'two-instances',
    ports: { smtpd: await freePort(), lmtp: lmtpPorts[0]!, mx: await freePort(), dead: await freePort(), sink: await freePort() },
    // The documented line (README "Two instances"): both listeners, tried in order.
    lmtpPorts: lmtpPorts,
    // README "Two instances": retries sooner (seconds here, a minute there), and one dead
    // listener does not suspend the whole list (with the default 1, a kill deferred ~850 of
    // the 2,000 at once; with 10, a handful).
    mainCf: {
      queue_run_delay: '2s',
      minimal_backoff_time: '2s',
      maximal_backoff_time: '4s',
      maximal_queue_lifetime: '1h',
      lmtp_destination_concurrency_failed_cohort_limit: '10',
    },
  });
}, 120_000);

afterAll(async () => {
  if (SKIP_REASON) return;
  await stopAll([
    ...instances.map((r) => () => r.stop()),
    () => stopPostfix(pf),
    () => relay?.stop(),
    () => receiver?.stop(),
    () => store?.close(),
    () => postgres?.stop(),
  ]);
  if (process.env.REBOUND_KEEP_TEST_DIRS !== '1') rmSync(base, { recursive: true, force: true });
}, 60_000);

const count = async (sql: string): Promise<number> => Number(Object.values((await store!.rows(sql))[0]!)[0]);

/** Signs in on instance A's dashboard and adds the webhook endpoint, as an admin does; returns its secret. */
async function addWebhookEndpoint(url: string): Promise<string> {
  const admin = new Client(`http://127.0.0.1:${webPorts[0]}`);
  expect((await admin.signIn(PASSWORD)).status).toBe(302);
  const added = await admin.post('/webhooks', {
    _csrf: await admin.csrf('/webhooks'),
    url,
    events: ['bounce.hard', 'bounce.soft'],
    enabled: 'on',
  });
  expect(added.status).toBe(302);
  const page = await (await admin.get(added.headers.get('location')!)).text();
  const secret = /id="endpoint-secret">(whsec_[^<]+)</.exec(page)?.[1];
  if (!secret) throw new Error('no secret on the endpoint page');
  return secret;
}

describe.skipIf(SKIP_REASON !== '')(`two rebound instances behind Postfix, each SIGKILLed in turn (${ENGINE})${SKIP_REASON}`, () => {
  it('records every bounce once, sends every notice, webhook and the summary once, and leaves Postfix empty', async () => {
    // The transport lists both listeners, A first (README "Two instances").
    expect(pf!.transport).toContain(`${BOUNCE_ADDRESS} lmtp:inet:127.0.0.1:${lmtpPorts[0]}, 127.0.0.1:${lmtpPorts[1]}\n`);
    receiver!.setSecret(await addWebhookEndpoint(receiver!.url));
    const [a, b] = instances as [ReboundProcess, ReboundProcess];
    const t0 = Date.now();
    const events: string[] = [];
    const at = (what: string) => events.push(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
    const tag = (i: number) => `two-pf-${i}`;

    const load = injectMany({
      port: pf!.ports.smtpd,
      from: '',
      to: BOUNCE_ADDRESS,
      count: BOUNCES,
      message: (i) => dsn({ tag: tag(i), failed: `user${i}@mx-reject.test` }),
      connections: 4,
      timeoutMs: 120_000,
    });
    void load.then((r) => at(`load accepted by Postfix (${r.accepted})`));

    const recorded = () => count('SELECT COUNT(*) AS n FROM bounces');
    for (const [victim, threshold] of [
      [a, KILL_A_AT],
      [b, KILL_B_AT],
    ] as const) {
      const n = await waitFor(`${threshold} bounces recorded`, async () => ((await recorded()) >= threshold ? recorded() : false), {
        tries: 1200,
        intervalMs: 100,
      });
      await victim.kill('SIGKILL');
      at(`SIGKILL ${victim.name} (${n} bounces recorded)`);
      await sleep(RESTART_AFTER_MS);
      await victim.start();
      at(`${victim.name} started again (${await recorded()} recorded)`);
    }
    const result = await load;
    expect(result.refused).toEqual([]);
    expect(result.accepted).toBe(BOUNCES);

    // Drain: Postfix's queue, the outbox, the webhook queue, the relay and the receiver.
    const notices = () => relay!.messages.filter((m) => /^X-Rebound-Notice: \d+\r?$/m.test(m.raw.toString('latin1')));
    await waitFor(
      'everything delivered',
      async () =>
        (await pf!.queue()).length === 0 &&
        (await recorded()) >= BOUNCES &&
        (await count("SELECT COUNT(*) AS n FROM outbox WHERE state <> 'sent'")) === 0 &&
        (await count("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE state <> 'delivered'")) === 0 &&
        notices().length >= BOUNCES &&
        receiver!.received.length >= BOUNCES,
      { tries: DRAIN_TIMEOUT_MS / 500, intervalMs: 500 },
    );
    at('all delivered');
    // Anything sent twice would arrive within moments of the rest.
    await sleep(2000);

    // What Postfix did, and the figures, printed before any assertion so a failure shows them.
    const maillog = pf!.maillog().split('\n');
    const lmtpLines = maillog.filter((l) => /postfix\/lmtp\[/.test(l));
    // Who took the deliveries, from each instance's own log (Postfix's relay= field names the
    // first next hop for a connection it reuses from its cache, whichever instance it goes to).
    const logged = (r: ReboundProcess, msg: string) =>
      r
        .log()
        .split('\n')
        .filter((l) => l.includes(`"msg":"${msg}"`)).length;
    const noticeMails = notices().map((m) => {
      const raw = m.raw.toString('latin1');
      return {
        bounceId: /^X-Rebound-Notice: (\d+)/m.exec(raw)![1]!,
        messageId: /^Message-ID: (.+?)\r?$/im.exec(raw)![1]!,
        to: m.envelope.to,
      };
    });
    const noticeIds = new Map(noticeMails.map((n) => [n.messageId, n.bounceId]));
    const hooks = receiver!.received;
    const hookIds = new Map(hooks.map((r) => [r.id, String(r.event.data.bounce_id)]));
    const summaries = relay!.messages.filter((m) => /^X-Rebound-Notice: summary /m.test(m.raw.toString('latin1')));
    const figures = {
      engine: ENGINE,
      bounces: BOUNCES,
      loadSeconds: result.elapsedMs / 1000,
      totalSeconds: (Date.now() - t0) / 1000,
      recordedBy: { a: logged(a, 'bounce recorded'), b: logged(b, 'bounce recorded') },
      postfixSentTwiceAndRecordedOnce: logged(a, 'duplicate message, already recorded') + logged(b, 'duplicate message, already recorded'),
      postfix: {
        sent: lmtpLines.filter((l) => /status=sent/.test(l)).length,
        deferred: maillog.filter((l) => /to=<bounces@example\.test>.*status=deferred/.test(l)).length,
        connectionRefused: lmtpLines.filter((l) => /: Connection refused/.test(l)).length,
        lostConnections: lmtpLines.filter((l) => /lost connection/.test(l)).length,
        mayBeSentTwice: lmtpLines.filter((l) => /message may be sent more than once/.test(l)).length,
      },
      notices: { mails: noticeMails.length, distinctMessageIds: noticeIds.size, sentAgainAfterAKill: noticeMails.length - noticeIds.size },
      webhooks: { requests: hooks.length, distinctWebhookIds: hookIds.size, sentAgainAfterAKill: hooks.length - hookIds.size },
      summaries: summaries.length,
      summarySentBy: instances.filter((r) => logged(r, 'daily summary sent') > 0).map((r) => r.name),
      summaryAt: summaryAt.toISOString(),
      timeline: events,
    };
    console.log(`two instances behind Postfix: ${JSON.stringify(figures, null, 2)}`);
    writeFileSync(path.join(base, 'figures.json'), JSON.stringify(figures, null, 2));

    // Every bounce recorded exactly once, and every message once, though Postfix sent some twice.
    const ids = await store!.rows<{ id: number; original_message_id: string }>('SELECT id, original_message_id FROM bounces ORDER BY id');
    expect(ids).toHaveLength(BOUNCES);
    expect(new Set(ids.map((r) => r.original_message_id))).toEqual(
      new Set(Array.from({ length: BOUNCES }, (_, i) => `msg-${tag(i)}@app.test`)),
    );
    expect(await count('SELECT COUNT(*) AS n FROM messages')).toBe(BOUNCES);
    const bounceIds = new Set(ids.map((r) => String(r.id)));

    // One notice per bounce at the relay, one Message-ID each. A notice in flight when its
    // sender was killed (the relay said 250, the record never happened) is sent again once the
    // claim runs out, with the same Message-ID: at most one per kill, and nothing else twice.
    expect(noticeIds.size).toBe(BOUNCES);
    expect(new Set(noticeIds.values())).toEqual(bounceIds);
    for (const n of noticeMails) {
      expect(noticeIds.get(n.messageId)).toBe(n.bounceId);
      expect(n.to).toEqual([NOTIFY_CC]);
    }
    expect(noticeMails.length - noticeIds.size).toBeLessThanOrEqual(KILLS);

    // One webhook event per bounce, one webhook-id each (receivers drop repeats by it, as
    // Standard Webhooks says), every signature good; a repeat only for a request in flight at a kill.
    expect(hookIds.size).toBe(BOUNCES);
    expect(new Set(hookIds.values())).toEqual(bounceIds);
    for (const r of hooks) expect(hookIds.get(r.id)).toBe(String(r.event.data.bounce_id));
    expect(hooks.filter((r) => !r.verified)).toEqual([]);
    expect(hooks.length - hookIds.size).toBeLessThanOrEqual(KILLS);

    // The summary once, for its period.
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.receivedAt.getTime()).toBeGreaterThanOrEqual(summaryAt.getTime());
    expect(await store!.rows("SELECT period FROM job_runs WHERE job = 'summary'")).toEqual([{ period: summaryAt.toISOString() }]);

    // Postfix: nothing left, no delivery agent crashed, and both next hops were used.
    expect(await pf!.queue()).toEqual([]);
    expect(maillog.filter((l) => /fatal|panic/.test(l))).toEqual([]);
    // Both instances took bounces: Postfix failed over to B while A was down. (Counted from the
    // logs, so a line lost to a SIGKILL after its commit may be missing: the store counts above.)
    expect(figures.recordedBy.a).toBeGreaterThan(0);
    expect(figures.recordedBy.b).toBeGreaterThan(0);
  }, 420_000);
});
