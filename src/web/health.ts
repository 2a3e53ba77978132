// /health (readiness: the database answers and every enabled intake works), /health/live
// (the process answers) and /metrics (Prometheus text exposition format 0.0.4, from prom-client). No
// sign-in, so nothing here names an address, a password or a path.

import type { Config } from '../config.ts';
import type { Metrics, ScrapeFacts } from '../metrics.ts';
import { LAST_POLL_AT, type PartName, type StatusBoard } from '../status.ts';
import type { Store } from '../store/store.ts';
import type { BounceQueries } from '../store/bounce-queries.ts';

export interface HealthReport {
  /** failing (503): a bounce cannot be taken in now; degraded (200): taken in, but not all is well (notices). */
  status: 'ok' | 'degraded' | 'failing';
  /** Names of the failing parts; empty when ok. */
  failing: string[];
  /** Parts that do not work without stopping intake (the relay for notices). */
  degraded: string[];
  parts: Record<string, { ok: boolean; detail: string }>;
}

/** Parts whose failure degrades the service (200, status degraded) instead of failing it (503). */
const DEGRADING_PARTS = new Set(['relay']);

/** A poll older than this many intervals means the poller is stuck even if its last poll succeeded. */
const STALE_POLL_INTERVALS = 3;

export async function healthReport(config: Config, store: Store, board: StatusBoard, now: Date): Promise<HealthReport> {
  const parts: HealthReport['parts'] = {};
  // Not `SELECT 1`, which answers on a full disk: whether a bounce can be committed now.
  try {
    parts.database = await store.health.check();
  } catch {
    // The error text may hold a path: keep it in the logs, not here.
    parts.database = { ok: false, detail: 'does not answer' };
  }
  // One part per IMAP mailbox: "imap" for the first, "imap:NAME" for the mailbox file's.
  const intakes: [PartName, boolean][] = [
    ['lmtp', config.lmtp.enabled],
    ...config.imapMailboxes.map((m): [PartName, boolean] => [m.statusPart, true]),
  ];
  for (const [name, enabled] of intakes) {
    if (!enabled) continue;
    const s = board.get(name);
    if (!s) {
      parts[name] = { ok: false, detail: 'not started' };
      continue;
    }
    // Another rebound instance polls this mailbox (it holds the lease): this one stands by.
    if (s.facts?.standby === true) {
      parts[name] = { ok: true, detail: `standby (held by ${String(s.facts.heldBy ?? 'another instance')})` };
      continue;
    }
    let ok = s.ok;
    // `problem` is a fixed phrase ('login refused', 'cannot connect', ...), never server text.
    const problem = typeof s.facts?.problem === 'string' ? s.facts.problem : undefined;
    let detail = s.ok ? 'working' : problem ? `not working: ${problem}` : 'not working';
    const last = name.startsWith('imap') ? lastPollTime(s.facts) : undefined;
    const pollInterval = config.imapMailboxes.find((m) => m.statusPart === name)?.pollInterval ?? config.imap.pollInterval;
    if (ok && last !== undefined && now.getTime() - last > STALE_POLL_INTERVALS * pollInterval + 60_000) {
      ok = false;
      detail = 'no poll for too long';
    }
    parts[name] = { ok, detail };
  }
  // The relay (the notifier reports each send): bounces are still recorded while it fails,
  // so it degrades the service instead of failing it, but a monitor must see it.
  const relay = board.get('relay');
  if (relay)
    parts.relay = {
      ok: relay.ok,
      detail: relay.ok ? 'last notice accepted or none sent yet' : 'the last notice could not be sent; notices wait in the outbox',
    };
  const notOk = Object.entries(parts)
    .filter(([, p]) => !p.ok)
    .map(([n]) => n);
  const failing = notOk.filter((n) => !DEGRADING_PARTS.has(n));
  const degraded = notOk.filter((n) => DEGRADING_PARTS.has(n));
  return { status: failing.length ? 'failing' : degraded.length ? 'degraded' : 'ok', failing, degraded, parts };
}

/** The IMAP part's last poll time (ms): its LAST_POLL_AT fact (src/intake/imap.ts), null before the first poll. */
function lastPollTime(facts: Record<string, unknown> | undefined): number | undefined {
  const v = facts?.[LAST_POLL_AT];
  const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isFinite(t) ? t : undefined;
}

/** The scrape: the health report's parts, the database's figures when it answers, the IMAP poller's state. */
export async function metricsText(
  m: Metrics,
  store: Store,
  queries: BounceQueries,
  board: StatusBoard,
  report: HealthReport,
): Promise<string> {
  const facts: ScrapeFacts = {
    parts: Object.fromEntries(Object.entries(report.parts).map(([part, p]) => [part, p.ok])),
  };
  // The database's figures only when it answers: with the database down the scrape must still
  // carry the counters and rebound_part_up{part="database"} 0, the moment it matters most.
  if (report.parts.database?.ok) {
    try {
      facts.bounces = (await queries.byKindAndType()).map((r) => ({ kind: r.kind, type: r.bounce_type, count: r.count }));
      facts.outbox = await store.outbox.countsByState();
      facts.suppressions = await store.suppressions.countInForce(new Date());
    } catch {
      // Failed between the health check and here: the part gauge still says so.
      delete facts.bounces;
      delete facts.outbox;
      delete facts.suppressions;
    }
  }
  // One entry per IMAP mailbox: "imap" is the first (named by IMAP_NAME), "imap:NAME" the others.
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  facts.imap = Object.entries(board.all()).flatMap(([part, s]) => {
    if (!s || !(part === 'imap' || part.startsWith('imap:'))) return [];
    const mailbox = typeof s.facts?.mailbox === 'string' ? s.facts.mailbox : part === 'imap' ? 'main' : part.slice(5);
    const lastPollMs = lastPollTime(s.facts);
    return [
      {
        mailbox,
        connected: s.ok,
        failures: n(s.facts?.connectFailures) + n(s.facts?.loginFailures),
        ...(lastPollMs !== undefined ? { lastPollMs } : {}),
      },
    ];
  });
  m.setScrapeFacts(facts);
  return m.text();
}
