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

/** Makers of metrics registered in one registry: each metric of the class is one declaration. */
function metricMakers(registry: client.Registry) {
  const registers = [registry];
  return {
    counter: <L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) =>
      new client.Counter<L>({ name, help, labelNames, registers }),
    gauge: <L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) =>
      new client.Gauge<L>({ name, help, labelNames, registers }),
    histogram: <L extends string = never>(name: string, help: string, buckets: number[], labelNames: readonly L[] = []) =>
      new client.Histogram<L>({ name, help, buckets, labelNames, registers }),
  };
}

export class Metrics {
  readonly registry = new client.Registry();
  readonly #make = metricMakers(this.registry);

  readonly messagesReceived = this.#make.counter(
    'rebound_messages_received_total',
    'Messages received, by source and outcome (and mailbox, for IMAP)',
    ['source', 'outcome', 'mailbox'],
  );
  readonly bouncesRecorded = this.#make.counter('rebound_bounces_recorded_total', 'Recipient rows recorded, by kind', ['kind']);
  readonly noticesSent = this.#make.counter('rebound_notices_sent_total', 'Notification emails sent');
  readonly noticesFailed = this.#make.counter('rebound_notices_failed_total', 'Notification sends that failed, by kind of failure', [
    'kind',
  ]);

  readonly suppressionLookups = this.#make.counter(
    'rebound_suppression_lookups_total',
    'Suppression lookups by Postfix, by server (socketmap, policy) and result (hit, miss, error)',
    ['via', 'result'],
  );

  /** From the end of a message's data to the listener's reply (all its recipients' replies). */
  readonly lmtpReplySeconds = this.#make.histogram(
    'rebound_lmtp_reply_seconds',
    'LMTP/SMTP latency from the end of data to the reply, by reply class',
    FAST_SECONDS,
    ['reply'],
  );
  readonly classifySeconds = this.#make.histogram('rebound_classify_seconds', 'Time to classify one message', FAST_SECONDS);
  readonly commitBatchSize = this.#make.histogram('rebound_commit_batch_size', 'Messages written per grouped commit', BATCH_SIZES);
  readonly commitSeconds = this.#make.histogram(
    'rebound_commit_seconds',
    'Time of one grouped commit, from its start until it is on disk',
    FAST_SECONDS,
  );

  // Read at each scrape (setScrapeFacts), not kept up to date as things happen.
  readonly bounces = this.#make.gauge('rebound_bounces', 'Recorded bounce rows in the database, by kind and hard/soft', ['kind', 'type']);
  readonly outbox = this.#make.gauge('rebound_outbox', 'Notices in the outbox, by state', ['state']);
  readonly suppressions = this.#make.gauge('rebound_suppressions', 'Suppression entries in force');
  // By mailbox (its configured name, never an address): a series appears with its first poll.
  readonly imapLastPoll = this.#make.gauge(
    'rebound_imap_last_poll_timestamp_seconds',
    'When each IMAP mailbox was last polled, by mailbox',
    ['mailbox'],
  );
  readonly imapConnected = this.#make.gauge(
    'rebound_imap_connected',
    'Whether each IMAP mailbox is connected and its last pass worked (1) or not (0), by mailbox',
    ['mailbox'],
  );
  readonly imapFailures = this.#make.gauge(
    'rebound_imap_consecutive_failures',
    'Failed IMAP connections or logins since the last good one, by mailbox',
    ['mailbox'],
  );
  readonly partUp = this.#make.gauge('rebound_part_up', 'Whether each checked part works (1) or not (0)', ['part']);

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
