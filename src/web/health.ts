// /health (readiness: the database answers and every enabled intake works), /health/live
// (the process answers) and /metrics (Prometheus text exposition format 0.0.4). No
// sign-in, so nothing here names an address, a password or a path.

import type { Config } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import { LAST_POLL_AT, type PartName, type StatusBoard } from '../status.ts';
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
  const intakes: [PartName, boolean][] = [['lmtp', config.lmtp.enabled], ['imap', config.imap.enabled]];
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

/** The IMAP part's last poll time (ms): its LAST_POLL_AT fact (src/intake/imap.ts), null before the first poll. */
function lastPollTime(facts: Record<string, unknown> | undefined): number | undefined {
  const v = facts?.[LAST_POLL_AT];
  const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isFinite(t) ? t : undefined;
}

/** Label values per the exposition format: backslash, double quote and newline escaped. */
function label(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(l: Record<string, string>): string {
  const e = Object.entries(l);
  return e.length ? `{${e.map(([k, v]) => `${k}="${label(v)}"`).join(',')}}` : '';
}

export function metricsText(m: Metrics, store: Store, queries: BounceQueries, status: StatusBoard, report: HealthReport): string {
  const out: string[] = [];
  const family = (name: string, type: string, help: string, samples: [Record<string, string>, number][]) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [l, v] of samples) out.push(`${name}${labels(l)} ${v}`);
  };
  for (const c of m.counters()) {
    family(c.name, 'counter', c.help, c.samples().map((s) => [s.labels, s.value]));
  }
  // The database's figures only when it answers: with the database down the scrape must still
  // carry the counters and rebound_part_up{part="database"} 0, the moment it matters most.
  if (report.parts.database?.ok) {
    try {
      const bounces = queries.byKindAndType().map((r): [Record<string, string>, number] => [{ kind: r.kind, type: r.bounce_type }, r.count]);
      const outbox = Object.entries(store.outbox.countsByState()).map(([state, n]): [Record<string, string>, number] => [{ state }, n]);
      family('rebound_bounces', 'gauge', 'Recorded bounce rows in the database, by kind and hard/soft', bounces);
      family('rebound_outbox', 'gauge', 'Notices in the outbox, by state', outbox);
    } catch {
      // Failed between the health check and here: the part gauge below still says so.
    }
  }
  const last = lastPollTime(status.get('imap')?.facts);
  if (last !== undefined) family('rebound_imap_last_poll_timestamp_seconds', 'gauge', 'When the IMAP poller last polled', [[{}, last / 1000]]);
  family(
    'rebound_part_up',
    'gauge',
    'Whether each checked part works (1) or not (0)',
    Object.entries(report.parts).map(([part, p]) => [{ part }, p.ok ? 1 : 0]),
  );
  return `${out.join('\n')}\n`;
}
