// /health (readiness: the database answers and every enabled intake works), /health/live
// (the process answers) and /metrics (Prometheus text exposition format 0.0.4, from prom-client). No
// sign-in, so nothing here names an address, a password or a path.

import type { Config } from '../config.ts';
import type { Metrics, ScrapeFacts } from '../metrics.ts';
import type { StatusBoard } from '../status.ts';
import type { Store } from '../store/store.ts';
import type { BounceQueries } from '../store/bounce-queries.ts';

export interface HealthReport {
  status: 'ok' | 'failing';
  /** Names of the failing parts; empty when ok. */
  failing: string[];
  parts: Record<string, { ok: boolean; detail: string }>;
}

/** A poll older than this many intervals means the poller is stuck even if its last poll succeeded. */
const STALE_POLL_INTERVALS = 3;

export function healthReport(config: Config, store: Store, status: StatusBoard, now: Date): HealthReport {
  const parts: HealthReport['parts'] = {};
  try {
    store.db.prepare('SELECT 1').get();
    parts.database = { ok: true, detail: 'answers' };
  } catch {
    // The error text may hold a path: keep it in the logs, not here.
    parts.database = { ok: false, detail: 'does not answer' };
  }
  const intakes: [string, boolean][] = [['lmtp', config.lmtp.enabled], ['imap', config.imap.enabled]];
  for (const [name, enabled] of intakes) {
    if (!enabled) continue;
    const s = status.get(name);
    if (!s) {
      parts[name] = { ok: false, detail: 'not started' };
      continue;
    }
    let ok = s.ok;
    let detail = s.ok ? 'working' : 'not working';
    const last = name === 'imap' ? lastPollTime(s.facts) : undefined;
    if (ok && last !== undefined && now.getTime() - last > STALE_POLL_INTERVALS * config.imap.pollInterval + 60_000) {
      ok = false;
      detail = 'no poll for too long';
    }
    parts[name] = { ok, detail };
  }
  const failing = Object.entries(parts).filter(([, p]) => !p.ok).map(([n]) => n);
  return { status: failing.length ? 'failing' : 'ok', failing, parts };
}

/** The IMAP part's last poll time (ms): its `lastPollAt` fact (src/intake/imap.ts), null before the first poll. */
function lastPollTime(facts: Record<string, unknown> | undefined): number | undefined {
  const v = facts?.lastPollAt;
  const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isFinite(t) ? t : undefined;
}

/** The scrape: the health report's parts, the database's figures when it answers, the IMAP poller's state. */
export async function metricsText(m: Metrics, store: Store, queries: BounceQueries, status: StatusBoard, report: HealthReport): Promise<string> {
  const facts: ScrapeFacts = {
    parts: Object.fromEntries(Object.entries(report.parts).map(([part, p]) => [part, p.ok])),
  };
  // The database's figures only when it answers: with the database down the scrape must still
  // carry the counters and rebound_part_up{part="database"} 0, the moment it matters most.
  if (report.parts.database?.ok) {
    try {
      facts.bounces = queries.byKindAndType().map((r) => ({ kind: r.kind, type: r.bounce_type, count: r.count }));
      facts.outbox = store.outbox.countsByState();
    } catch {
      // Failed between the health check and here: the part gauge still says so.
      delete facts.bounces;
    }
  }
  const imap = status.get('imap');
  facts.imapLastPollMs = lastPollTime(imap?.facts);
  if (imap) {
    const n = (v: unknown) => (typeof v === 'number' ? v : 0);
    facts.imap = { connected: imap.ok, failures: n(imap.facts?.connectFailures) + n(imap.facts?.loginFailures) };
  }
  m.setScrapeFacts(facts);
  return m.text();
}
