// /health, /health/live, /health/ready and /metrics over HTTP.

interface HealthBody {
  status: string;
  failing: string[];
  parts: Record<string, { ok: boolean; detail: string }>;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturingLogger } from '../harness/log.ts';
import { scalar } from '../harness/test-store.ts';
import { Client, startDashboard, type Dashboard } from './fixture.ts';

describe('health and metrics', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  });
  afterAll(async () => {
    await d?.close();
  });

  it('answers 200 with a small JSON when the database answers and the LMTP listener works, without sign-in', async () => {
    for (const p of ['/health', '/health/ready']) {
      const res = await fetch(d.base + p);
      expect(res.status).toBe(200);
      const body = (await res.json()) as HealthBody;
      expect(body).toEqual({
        status: 'ok',
        failing: [],
        degraded: [],
        parts: {
          database: { ok: true, detail: expect.stringMatching(/^(last commit|a test write) succeeded$/) },
          lmtp: { ok: true, detail: 'working' },
        },
      });
    }
    const text = await (await fetch(`${d.base}/health`)).text();
    expect(text).not.toMatch(/127\.0\.0\.1|\/tmp|secret|pass/i);
  });

  it('answers 503 naming the LMTP listener when it reports it is not working', async () => {
    d.board.report('lmtp', { ok: false, detail: 'listen EADDRINUSE 127.0.0.1:2424' });
    try {
      const res = await fetch(`${d.base}/health`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as HealthBody;
      expect(body.status).toBe('failing');
      expect(body.failing).toEqual(['lmtp']);
      expect(JSON.stringify(body)).not.toContain('EADDRINUSE');
      expect((await fetch(`${d.base}/health/live`)).status).toBe(200);
    } finally {
      d.board.report('lmtp', { ok: true, detail: 'listening' });
    }
  });

  it('counts IMAP in only when it is enabled, and then needs a working, recent poll', async () => {
    const imap = await startDashboard({ files: [], env: { IMAP_SERVER: '127.0.0.1', IMAP_USER: 'u', IMAP_POLL_INTERVAL: '60s' } });
    try {
      let body = (await (await fetch(`${imap.base}/health`)).json()) as HealthBody;
      expect(body.failing).toEqual(['imap']);
      expect(body.parts.imap.detail).toBe('not started');
      imap.board.report('imap', { ok: true, detail: 'polled', facts: { lastPollAt: imap.clock.now.toISOString() } });
      expect((await fetch(`${imap.base}/health`)).status).toBe(200);
      imap.board.report('imap', { ok: false, detail: 'login failed' });
      body = (await (await fetch(`${imap.base}/health`)).json()) as HealthBody;
      expect(body.failing).toEqual(['imap']);
      imap.board.report('imap', { ok: true, detail: 'polled', facts: { lastPollAt: imap.clock.now.toISOString() } });
      imap.clock.now = new Date(imap.clock.now.getTime() + 10 * 60_000);
      body = (await (await fetch(`${imap.base}/health`)).json()) as HealthBody;
      expect(body.failing).toEqual(['imap']);
      expect(body.parts.imap.detail).toBe('no poll for too long');
    } finally {
      await imap.close();
    }
    // IMAP disabled (the default dashboard): no imap part at all.
    expect(((await (await fetch(`${d.base}/health`)).json()) as HealthBody).parts.imap).toBeUndefined();
  });

  it('calls a mailbox another instance polls standby, not down, on /health and the overview, however old its last poll', async () => {
    const imap = await startDashboard({ files: [], env: { IMAP_SERVER: '127.0.0.1', IMAP_USER: 'u', IMAP_POLL_INTERVAL: '60s' } });
    try {
      const old = new Date(imap.clock.now.getTime() - 3_600_000).toISOString();
      imap.board.report('imap', {
        ok: true,
        detail: 'standby (held by relay-2:41:0a1b2c3d)',
        facts: { standby: true, heldBy: 'relay-2:41:0a1b2c3d', lastPollAt: old },
      });
      const res = await fetch(`${imap.base}/health`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as HealthBody;
      expect(body.failing).toEqual([]);
      expect(body.parts.imap).toEqual({ ok: true, detail: 'standby (held by relay-2:41:0a1b2c3d)' });
      const c = new Client(imap.base);
      await c.signIn();
      const html = await (await c.get('/')).text();
      expect(html).toContain('<span class="badge text-bg-secondary">standby</span>');
      expect(html).toContain('standby (held by relay-2:41:0a1b2c3d)');
    } finally {
      await imap.close();
    }
  });

  it('answers 503 naming the database when it does not answer', async () => {
    const broken = await startDashboard({ files: [] });
    try {
      await broken.store.close();
      const res = await fetch(`${broken.base}/health`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as HealthBody).failing).toEqual(['database']);
    } finally {
      await broken.close();
    }
  });

  it('logs a failing health check when the failing parts change, not once per request', async () => {
    const { log, lines } = capturingLogger();
    const h = await startDashboard({ files: [], opts: { log } });
    try {
      h.board.report('lmtp', { ok: false, detail: 'listen EADDRINUSE' });
      for (let i = 0; i < 5; i++) expect((await fetch(`${h.base}/health`)).status).toBe(503);
      h.board.report('lmtp', { ok: true, detail: 'listening' });
      for (let i = 0; i < 3; i++) expect((await fetch(`${h.base}/health`)).status).toBe(200);
      const health = lines.filter((l) => l.msg.startsWith('health check'));
      expect(health.map((l) => [l.level, l.msg])).toEqual([
        ['warn', 'health check failing'],
        ['info', 'health check ok again'],
      ]);
    } finally {
      await h.close();
    }
  });

  it('shows a relay that fails to take notices as degraded: 200, named, and rebound_part_up 0', async () => {
    d.board.report('relay', { ok: false, detail: 'transient: connect ECONNREFUSED 127.0.0.1:25' });
    try {
      const res = await fetch(`${d.base}/health`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as HealthBody & { degraded: string[] };
      expect(body.status).toBe('degraded');
      expect(body.degraded).toEqual(['relay']);
      expect(body.failing).toEqual([]);
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
      expect(await (await fetch(`${d.base}/metrics`)).text()).toContain('rebound_part_up{part="relay"} 0');
    } finally {
      d.board.report('relay', { ok: true, detail: 'last notice accepted' });
    }
    expect(((await (await fetch(`${d.base}/health`)).json()) as HealthBody).status).toBe('ok');
  });

  it('exposes counters, bounces by type, the outbox and the last poll in the Prometheus text format, without addresses', async () => {
    d.metrics.messagesReceived.inc({ source: 'lmtp', outcome: 'stored' }, 3);
    d.metrics.noticesSent.inc({}, 2);
    d.metrics.noticesFailed.inc();
    d.board.report('imap', { ok: true, detail: 'polled', facts: { lastPollAt: '2024-05-01T00:00:00.000Z' } });
    await d.store.outbox.add({ bounceId: 1, kind: 'notice', recipients: ['ops@example.test'] });
    const res = await fetch(`${d.base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# TYPE rebound_messages_received_total counter');
    expect(text).toContain('rebound_messages_received_total{source="lmtp",outcome="stored"} 3');
    expect(text).toContain('rebound_notices_sent_total 2');
    expect(text).toContain('rebound_notices_failed_total 1');
    const hard = Number(await scalar(d.store, "SELECT COUNT(*) FROM bounces WHERE kind='bounce' AND bounce_type='hard'"));
    expect(text).toContain(`rebound_bounces{kind="bounce",type="hard"} ${hard}`);
    expect(text).toContain('rebound_outbox{state="pending"} 1');
    expect(text).toContain(`rebound_imap_last_poll_timestamp_seconds{mailbox="main"} ${Date.parse('2024-05-01T00:00:00.000Z') / 1000}`);
    expect(text).not.toContain('@');
    // Every sample line is "name{labels} number" (a float may be written with an exponent; a
    // gauge with no samples yet, such as the event-loop lag right after start, says NaN, which
    // Prometheus reads case-insensitively).
    for (const line of text
      .trim()
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))) {
      expect(line).toMatch(/^[a-z_][a-z0-9_]*(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? (-?\d+(\.\d+)?(e[-+]\d+)?|NaN|[+-]Inf)$/i);
    }
    d.board.remove('imap');
  });

  it('still answers /metrics when the database is down, with the counters and the database part at 0', async () => {
    const broken = await startDashboard({ files: [] });
    try {
      broken.metrics.messagesReceived.inc({ source: 'lmtp', outcome: 'deferred' }, 2);
      await broken.store.close();
      const res = await fetch(`${broken.base}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('rebound_part_up{part="database"} 0');
      expect(text).toContain('rebound_messages_received_total{source="lmtp",outcome="deferred"} 2');
      expect(text).not.toContain('rebound_bounces{');
    } finally {
      await broken.close();
    }
  });

  it('asks for sign-in on /metrics when configured so', async () => {
    const locked = await startDashboard({ files: [], opts: { metricsRequireSignIn: true } });
    try {
      expect((await fetch(`${locked.base}/metrics`, { redirect: 'manual' })).status).toBe(302);
      const c = new Client(locked.base);
      await c.signIn();
      expect((await c.get('/metrics')).status).toBe(200);
    } finally {
      await locked.close();
    }
  });
});
