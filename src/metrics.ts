// The Prometheus metrics, on prom-client (the maintained client): the process and Node
// figures it collects (RSS, heap, event-loop lag, GC), counters and histograms the parts
// feed as they work, and gauges read at each scrape (the outbox, the IMAP poller, which
// parts work). Labels are small fixed sets (source, outcome, kind, type, state, part):
// never an address, which would make one series per recipient.
//
// Each Metrics owns a registry of its own, so tests (and two apps in one process) do not
// share or collide on global state.

import client from 'prom-client';

/** Seconds buckets for work that takes about a millisecond and must stay under ~30 ms. */
const FAST_SECONDS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Writes per grouped commit: one LMTP connection gives 1; a storm at 8 connections 3-8. */
const BATCH_SIZES = [1, 2, 4, 8, 16, 32, 64, 128];

/** Which figures to read at a scrape (set by the web app from the health report and the store). */
export interface ScrapeFacts {
  parts: Record<string, boolean>;
  /** Bounce rows by kind and hard/soft; absent when the database does not answer. */
  bounces?: { kind: string; type: string; count: number }[];
  /** Outbox rows by state; absent when the database does not answer. */
  outbox?: Record<string, number>;
  /** Suppression entries in force; absent when the database does not answer. */
  suppressions?: number;
  /**
   * One entry per IMAP mailbox: whether it works, its consecutive failures, and its last poll
   * (ms since the epoch; absent before the first poll).
   */
  imap?: { mailbox: string; connected: boolean; failures: number; lastPollMs?: number }[];
}

export interface MetricsOptions {
  /** Collect prom-client's process and Node figures (default true). */
  processMetrics?: boolean;
}

export class Metrics {
  readonly registry = new client.Registry();

  readonly messagesReceived = new client.Counter({
    name: 'rebound_messages_received_total',
    help: 'Messages received, by source and outcome (and mailbox, for IMAP)',
    labelNames: ['source', 'outcome', 'mailbox'] as const,
    registers: [this.registry],
  });
  readonly bouncesRecorded = new client.Counter({
    name: 'rebound_bounces_recorded_total',
    help: 'Recipient rows recorded, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly noticesSent = new client.Counter({
    name: 'rebound_notices_sent_total',
    help: 'Notification emails sent',
    registers: [this.registry],
  });
  readonly noticesFailed = new client.Counter({
    name: 'rebound_notices_failed_total',
    help: 'Notification sends that failed, by kind of failure',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly suppressionLookups = new client.Counter({
    name: 'rebound_suppression_lookups_total',
    help: 'Suppression lookups by Postfix, by server (socketmap, policy) and result (hit, miss, error)',
    labelNames: ['via', 'result'] as const,
    registers: [this.registry],
  });

  /** From the end of a message's data to the listener's reply (all its recipients' replies). */
  readonly lmtpReplySeconds = new client.Histogram({
    name: 'rebound_lmtp_reply_seconds',
    help: 'LMTP/SMTP latency from the end of data to the reply, by reply class',
    labelNames: ['reply'] as const,
    buckets: FAST_SECONDS,
    registers: [this.registry],
  });
  readonly classifySeconds = new client.Histogram({
    name: 'rebound_classify_seconds',
    help: 'Time to classify one message',
    buckets: FAST_SECONDS,
    registers: [this.registry],
  });
  readonly commitBatchSize = new client.Histogram({
    name: 'rebound_commit_batch_size',
    help: 'Messages written per grouped commit',
    buckets: BATCH_SIZES,
    registers: [this.registry],
  });
  readonly commitSeconds = new client.Histogram({
    name: 'rebound_commit_seconds',
    help: 'Time of one grouped commit, from its start until it is on disk',
    buckets: FAST_SECONDS,
    registers: [this.registry],
  });

  // Read at each scrape (setScrapeFacts), not kept up to date as things happen.
  readonly bounces = new client.Gauge({
    name: 'rebound_bounces',
    help: 'Recorded bounce rows in the database, by kind and hard/soft',
    labelNames: ['kind', 'type'] as const,
    registers: [this.registry],
  });
  readonly outbox = new client.Gauge({
    name: 'rebound_outbox',
    help: 'Notices in the outbox, by state',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  readonly suppressions = new client.Gauge({
    name: 'rebound_suppressions',
    help: 'Suppression entries in force',
    registers: [this.registry],
  });
  // By mailbox (its configured name, never an address): a series appears with its first poll.
  readonly imapLastPoll = new client.Gauge({
    name: 'rebound_imap_last_poll_timestamp_seconds',
    help: 'When each IMAP mailbox was last polled, by mailbox',
    labelNames: ['mailbox'] as const,
    registers: [this.registry],
  });
  readonly imapConnected = new client.Gauge({
    name: 'rebound_imap_connected',
    help: 'Whether each IMAP mailbox is connected and its last pass worked (1) or not (0), by mailbox',
    labelNames: ['mailbox'] as const,
    registers: [this.registry],
  });
  readonly imapFailures = new client.Gauge({
    name: 'rebound_imap_consecutive_failures',
    help: 'Failed IMAP connections or logins since the last good one, by mailbox',
    labelNames: ['mailbox'] as const,
    registers: [this.registry],
  });
  readonly partUp = new client.Gauge({
    name: 'rebound_part_up',
    help: 'Whether each checked part works (1) or not (0)',
    labelNames: ['part'] as const,
    registers: [this.registry],
  });

  constructor(opts: MetricsOptions = {}) {
    if (opts.processMetrics ?? true) client.collectDefaultMetrics({ register: this.registry });
  }

  /** Sets the scrape-time gauges; a figure that is absent is left out of the scrape. */
  setScrapeFacts(f: ScrapeFacts): void {
    for (const g of [this.bounces, this.outbox, this.partUp, this.imapLastPoll, this.imapConnected, this.imapFailures]) g.reset();
    for (const b of f.bounces ?? []) this.bounces.set({ kind: b.kind, type: b.type }, b.count);
    for (const [state, n] of Object.entries(f.outbox ?? {})) this.outbox.set({ state }, n);
    // An unlabelled gauge prints 0 when unset: one whose figure is unknown (the database does
    // not answer) leaves the registry for this scrape instead of claiming 0.
    this.#present(this.suppressions, f.suppressions !== undefined);
    if (f.suppressions !== undefined) this.suppressions.set(f.suppressions);
    // No mailbox configured (or none reported yet): the IMAP families leave the scrape whole.
    for (const g of [this.imapLastPoll, this.imapConnected, this.imapFailures]) this.#present(g, (f.imap ?? []).length > 0);
    for (const box of f.imap ?? []) {
      this.imapConnected.set({ mailbox: box.mailbox }, box.connected ? 1 : 0);
      this.imapFailures.set({ mailbox: box.mailbox }, box.failures);
      if (box.lastPollMs !== undefined) this.imapLastPoll.set({ mailbox: box.mailbox }, box.lastPollMs / 1000);
    }
    for (const [part, ok] of Object.entries(f.parts)) this.partUp.set({ part }, ok ? 1 : 0);
  }

  #present(metric: client.Gauge, present: boolean): void {
    const name = (metric as unknown as { name: string }).name;
    const registered = this.registry.getSingleMetric(name) !== undefined;
    if (present && !registered) this.registry.registerMetric(metric);
    if (!present && registered) this.registry.removeSingleMetric(name);
  }

  /** The exposition text (format 0.0.4) of everything registered. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
