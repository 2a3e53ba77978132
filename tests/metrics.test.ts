// /metrics of the whole service (buildApp: LMTP, ingest, the dashboard) after real deliveries
// over LMTP: the names and types a Prometheus user graphs, the histograms fed by the work
// that was done, and the Grafana dashboard in config/grafana/ querying only names the
// service really exports.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { sendMail } from './harness/smtp-client.ts';
import { dsn } from './notify/dsn-fixtures.ts';
import { NO_SUPPRESSION_SERVERS, storeEnv } from './harness/app-env.ts';

const LMTP_PORT = 6424;
const WEB_PORT = 6888;

let app: App;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-metrics-'));
  app = buildApp(
    loadConfig({
      DATA_DIR: dir,
      ...(await storeEnv()),
      LMTP_LISTEN: `127.0.0.1:${LMTP_PORT}`,
      ...NO_SUPPRESSION_SERVERS,
      WEBUI_PORT: String(WEB_PORT),
      ADMIN_PASS: 'metrics-test-password',
      SESSION_SECRET: 'a-metrics-test-session-secret-longer-than-32-chars',
    }),
    silentLogger(),
  );
  await app.start();
  for (const tag of ['metrics-1', 'metrics-2']) {
    const r = await sendMail({ port: LMTP_PORT, protocol: 'lmtp', from: '', to: ['bounces@bounces.test'], raw: dsn({ tag }) });
    expect(r.data.map((d) => d.code)).toEqual([250]);
  }
});

afterAll(async () => {
  await app?.stop().catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The families of an exposition text: name -> type, and every sample line. */
function parse(text: string): { types: Map<string, string>; samples: string[] } {
  const types = new Map<string, string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) types.set(m[1]!, m[2]!);
  return { types, samples: text.split('\n').filter((l) => l && !l.startsWith('#')) };
}

async function scrape(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${WEB_PORT}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one sample line, given its name and labels exactly as printed. */
function valueOf(samples: string[], series: string): number | undefined {
  const line = samples.find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics of the running service', () => {
  it('exports the process, Node and rebound families under their names and types', async () => {
    const { types } = parse(await scrape());
    const expected: Record<string, string> = {
      // prom-client's process and Node figures
      process_resident_memory_bytes: 'gauge',
      process_cpu_seconds_total: 'counter',
      nodejs_heap_size_used_bytes: 'gauge',
      nodejs_eventloop_lag_p99_seconds: 'gauge',
      nodejs_gc_duration_seconds: 'histogram',
      // rebound's, kept from the hand-written version
      rebound_messages_received_total: 'counter',
      rebound_bounces_recorded_total: 'counter',
      rebound_notices_sent_total: 'counter',
      rebound_notices_failed_total: 'counter',
      rebound_bounces: 'gauge',
      rebound_outbox: 'gauge',
      rebound_part_up: 'gauge',
      rebound_suppressions: 'gauge',
      rebound_suppression_lookups_total: 'counter',
      // new
      rebound_lmtp_reply_seconds: 'histogram',
      rebound_classify_seconds: 'histogram',
      rebound_commit_batch_size: 'histogram',
      rebound_commit_seconds: 'histogram',
    };
    for (const [name, type] of Object.entries(expected)) expect([name, types.get(name)]).toEqual([name, type]);
  });

  it('counts the two deliveries in the LMTP, classification and commit histograms, with small label sets and no address', async () => {
    const text = await scrape();
    const { samples } = parse(text);
    expect(valueOf(samples, 'rebound_lmtp_reply_seconds_count{reply="2xx"}')).toBe(2);
    expect(valueOf(samples, 'rebound_classify_seconds_count')).toBe(2);
    // One commit per message on one connection sending one at a time; their sizes add up to 2.
    expect(valueOf(samples, 'rebound_commit_batch_size_sum')).toBe(2);
    expect(valueOf(samples, 'rebound_commit_seconds_count')).toBe(valueOf(samples, 'rebound_commit_batch_size_count'));
    expect(valueOf(samples, 'rebound_messages_received_total{source="lmtp",outcome="stored"}')).toBe(2);
    expect(valueOf(samples, 'rebound_bounces_recorded_total{kind="bounce"}')).toBe(2);
    expect(valueOf(samples, 'rebound_bounces{kind="bounce",type="hard"}')).toBe(2);
    expect(valueOf(samples, 'rebound_part_up{part="lmtp"}')).toBe(1);
    expect(valueOf(samples, 'rebound_part_up{part="database"}')).toBe(1);
    expect(text).not.toContain('@');
    const labelNames = new Set([...text.matchAll(/[{,]([a-z_]+)="/g)].map((m) => m[1]!));
    // Small fixed sets: prom-client's own (le, kind, space, version...) and rebound's.
    for (const l of ['source', 'outcome', 'kind', 'type', 'state', 'part', 'reply']) expect(labelNames).toContain(l);
    expect(labelNames.size).toBeLessThan(20);
  });

  it('leaves the IMAP gauges out while there is no poller, and shows them once it reports', async () => {
    expect(parse(await scrape()).types.has('rebound_imap_connected')).toBe(false);
    // The status board is what the poller writes (src/intake/imap.ts); IMAP itself is tested
    // against Dovecot in tests/intake/imap.test.ts.
    app.board.report('imap', { ok: false, detail: 'login failed', facts: { lastPollAt: '2026-01-01T00:00:00.000Z', loginFailures: 3 } });
    try {
      const { samples, types } = parse(await scrape());
      for (const name of ['rebound_imap_connected', 'rebound_imap_consecutive_failures', 'rebound_imap_last_poll_timestamp_seconds'])
        expect([name, types.get(name)]).toEqual([name, 'gauge']);
      expect(valueOf(samples, 'rebound_imap_connected{mailbox="main"}')).toBe(0);
      expect(valueOf(samples, 'rebound_imap_consecutive_failures{mailbox="main"}')).toBe(3);
      expect(valueOf(samples, 'rebound_imap_last_poll_timestamp_seconds{mailbox="main"}')).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
    } finally {
      app.board.remove('imap');
    }
  });

  it('has a Grafana dashboard whose every query names a metric the service exports', async () => {
    const dashboard = JSON.parse(readFileSync(path.join(import.meta.dirname, '../config/grafana/rebound-dashboard.json'), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    app.board.report('imap', { ok: true, detail: 'polled', facts: { lastPollAt: '2026-01-01T00:00:00.000Z' } });
    let types: Map<string, string>;
    try {
      types = parse(await scrape()).types;
    } finally {
      app.board.remove('imap');
    }
    const exported = new Set<string>();
    for (const [name, type] of types) {
      exported.add(name);
      if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) exported.add(name + s);
    }
    const queried = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) => [...t.expr.matchAll(/\b(?:rebound|process|nodejs)_[a-z0-9_]+/g)].map((m) => m[0])),
    );
    expect(queried.length).toBeGreaterThan(20);
    expect(queried.filter((n) => !exported.has(n))).toEqual([]);
    // And every rebound family is on the dashboard.
    const rebound = [...types.keys()].filter((n) => n.startsWith('rebound_'));
    const shown = new Set(queried.map((n) => n.replace(/_(bucket|sum|count)$/, '')));
    expect(rebound.filter((n) => !shown.has(n))).toEqual([]);
  });
});
