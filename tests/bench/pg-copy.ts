// `rebound copy` speed: a SQLite store of N bounces (default 10,000) moved into a private
// PostgreSQL 15 (tests/harness/postgres.ts, fsync on as in production), beside a baseline in
// the same run: SQLite's own VACUUM INTO of the same store (a local copy, the least any move
// can cost). Also the copier's peak memory, which must not grow with the store (it streams).
//
// The store is seeded with SQL, not through ingest (ingest speed is the import part's
// figure): per bounce one message (a real corpus mail as raw, ~5 KB), one bounce row, and
// every other bounce a notice, a webhook delivery and its attempt; every tenth a suppression
// and its event. The triggers fill the daily counts as in service.
//
// usage: node tests/bench/pg-copy.ts [--json] [--bounces N]

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPostgres } from '../../src/store/pg/connect.ts';
import { copySqliteToPostgres } from '../../src/store/pg/copy.ts';
import { openStore } from '../../src/store/store.ts';
import { startPostgres } from '../harness/postgres.ts';
import { elapsedMs, figure, loadCorpus, loadNote, MB, report, round, rssSampler, say, type Figure } from './lib.ts';

const argN = process.argv.indexOf('--bounces');
const BOUNCES = argN > 0 ? Number(process.argv[argN + 1]) : 10_000;

function seed(file: string): { rows: number; bytes: number } {
  const { messages } = loadCorpus();
  const store = openStore(file, { synchronous: 'normal' });
  const db = store.db;
  const msg = db.prepare(
    `INSERT INTO messages (id, received_at, source, sha256, size, raw, envelope_to, kind, status, subject, classification)
     VALUES (?, ?, 'lmtp', ?, ?, ?, 'bounces@example.org', 'bounce', 'Processed', ?, '{"kind":"bounce"}')`,
  );
  const bounce = db.prepare(
    `INSERT INTO bounces (id, message_id, date, email_to, status, reason, domain, kind, bounce_type, status_code, diagnostic, original_from, dedupe_key, bounced_at)
     VALUES (?, ?, ?, ?, 'Processed', ?, ?, 'bounce', ?, ?, '550 5.1.1 user unknown', 'news@example.org', ?, ?)`,
  );
  const outbox = db.prepare(
    "INSERT INTO outbox (bounce_id, recipients, state, next_attempt_at, created_at, sent_at) VALUES (?, 'ops@example.org', 'sent', ?, ?, ?)",
  );
  db.prepare(
    "INSERT INTO webhook_endpoints (id, url, events, enabled, secret, created_at) VALUES (1, 'https://hooks.example.org/r', 'bounce.recorded', 1, 'whsec_x', '2026-11-01T00:00:00Z')",
  ).run();
  const delivery = db.prepare(
    `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, type, payload, bounce_id, state, attempts, next_attempt_at, give_up_at, created_at, finished_at)
     VALUES (?, 1, ?, 'bounce.recorded', ?, ?, 'delivered', 1, ?, ?, ?, ?)`,
  );
  const attempt = db.prepare('INSERT INTO webhook_attempts (delivery_id, at, http_status, duration_ms) VALUES (?, ?, 200, 12)');
  const suppression = db.prepare(
    "INSERT INTO suppressions (address, scope, reason, source, rule, bounce_id, created_by, first_seen, last_seen, bounce_count) VALUES (?, 'address', 'userunknown', 'bounce', 'hard', ?, 'rebound', ?, ?, 1)",
  );
  const event = db.prepare(
    "INSERT INTO suppression_events (at, address, action, actor, reason, source, bounce_id) VALUES (?, ?, 'added', 'rebound', 'userunknown', 'bounce', ?)",
  );
  let bytes = 0;
  const start = Date.parse('2026-06-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 1; i <= BOUNCES; i++) {
      const raw = messages[i % messages.length]!;
      const at = new Date(start + i * 60_000).toISOString();
      const to = `user${i}@domain${i % 500}.example`;
      bytes += raw.length;
      msg.run(i, at, `sha-${i}`, raw.length, raw, `Undelivered Mail Returned to Sender ${i}`);
      bounce.run(
        i,
        i,
        at,
        to,
        i % 3 ? 'userunknown' : 'mailboxfull',
        `domain${i % 500}.example`,
        i % 3 ? 'hard' : 'soft',
        i % 3 ? '5.1.1' : '4.2.2',
        `key-${i}`,
        at,
      );
      if (i % 2 === 0) {
        outbox.run(i, at, at, at);
        delivery.run(i, `msg_${i}`, JSON.stringify({ type: 'bounce.recorded', data: { id: i, email: to } }), i, at, at, at, at);
        attempt.run(i, at);
      }
      if (i % 10 === 0) {
        suppression.run(to, i, at, at);
        event.run(at, to, i);
      }
    }
  })();
  const rows = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[])
    .map((t) => db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number)
    .reduce((a, b) => a + b, 0);
  store.close();
  return { rows, bytes };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-pgcopy-'));
  const server = await startPostgres({ durable: true });
  try {
    const file = path.join(dir, 'bounces.db');
    say(`pg-copy: seeding ${BOUNCES} bounces`);
    const { rows, bytes } = seed(file);
    const fileMb = statSync(file).size / MB;

    // Baseline: SQLite copies the same store to a file of its own.
    const baseline = openStore(file, { synchronous: 'normal' });
    const b0 = process.hrtime.bigint();
    baseline.db.exec(`VACUUM INTO '${path.join(dir, 'copy.db')}'`);
    const baselineMs = elapsedMs(b0);
    baseline.close();

    say(`pg-copy: copying ${rows} rows (${round(fileMb)} MB) to PostgreSQL`);
    const client = await connectPostgres(await server.createDatabase('bench'));
    const source = openStore(file, { readonly: true });
    const rssBefore = process.memoryUsage.rss();
    const rss = rssSampler();
    // What the copier holds (JS heap and Buffers): RSS also keeps what malloc has not returned.
    let heldPeak = 0;
    const held = setInterval(() => {
      const m = process.memoryUsage();
      heldPeak = Math.max(heldPeak, m.heapUsed + m.external);
    }, 20);
    const t0 = process.hrtime.bigint();
    const result = await copySqliteToPostgres(source.db, client);
    const ms = elapsedMs(t0);
    const peak = rss.stop();
    clearInterval(held);
    source.close();
    await client.end();
    if (!result.ok) throw new Error(`copy reported a mismatch: ${JSON.stringify(result.tables.filter((t) => !t.ok))}`);

    const note = `${BOUNCES} bounces, ${rows} rows, ${round(fileMb)} MB SQLite (${round(bytes / MB)} MB raw mail); ${loadNote()}`;
    const figures: Figure[] = [
      figure('rebound copy to PostgreSQL (fsync on), rows', round((rows * 1000) / ms), 'rows/s', undefined, note),
      figure(
        'rebound copy to PostgreSQL, bounces',
        round((BOUNCES * 1000) / ms),
        'bounces/s',
        undefined,
        `${round(ms / 1000, 1)} s in all, migration included`,
      ),
      figure(
        'baseline: SQLite VACUUM INTO the same store',
        round((rows * 1000) / baselineMs),
        'rows/s',
        undefined,
        `${round(baselineMs / 1000, 2)} s`,
      ),
      figure('copier peak JS heap + Buffers', round(heldPeak / MB), 'MB', undefined, 'rows stream; the peak follows GC timing'),
      figure(
        'copier peak RSS',
        round(peak / MB),
        'MB',
        undefined,
        `${round(rssBefore / MB)} MB before the copy; batches of ≤ 500 rows / 16 MB`,
      ),
    ];
    report('pg-copy', figures);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
