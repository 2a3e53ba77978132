// The timed jobs (croner, UTC): the retry job sends the outbox rows that are due again
// (RETRY_CRON, every 30 minutes by default), the summary job mails yesterday's figures
// (SUMMARY_CRON, 00:00 UTC by default). A job that is still running when its next time
// comes is skipped (protect), not run twice. With several rebound instances on one store each
// fires its own timers, and the first to claim the run's period in the store (job_runs,
// store/leases.ts) runs it: the summary goes out once a day, the retry pass once a period.
// A summary whose run did not finish (the relay refused it, or its instance died while
// sending) is sent again by the next retry pass that comes SUMMARY_RETAKE_MS or more after it
// started, by one instance, until it goes out or the next day's summary takes its place.

import { randomBytes } from 'node:crypto';
import { Cron } from 'croner';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import { sendDailySummary, summaryMessageId, type SummaryOptions } from '../notify/summary.ts';
import type { Store } from '../store/store.ts';

export interface SchedulerOptions {
  config: Config;
  notifier: Pick<Notifier, 'sendDue'>;
  store: Store;
  log: Logger;
  /** Who claims the runs (default config.instance.id). */
  holder?: string;
  /** Replaces the daily summary sender (tests). */
  sendSummary?: (opts: SummaryOptions) => Promise<unknown>;
  /** How old an unfinished summary run must be before it is taken again (tests shorten it). */
  summaryRetakeMs?: number;
}

/**
 * An unfinished summary run is taken again when it started this long ago: far longer than a
 * send takes while its instance lives (nodemailer gives up on a silent relay within minutes),
 * so a run still going is never doubled; short enough that the retry pass after a failure at
 * midnight sends it within the hour.
 */
export const SUMMARY_RETAKE_MS = 15 * 60_000;

/** Settings key of the store's random id, part of each scheduled summary's Message-ID. */
const INSTALLATION_KEY = 'summary.installation_id';

export interface Scheduler {
  start(): void;
  stop(): void;
  /** When each job runs next (ISO 8601), for the status page. */
  nextRuns(): { retry: string | null; summary: string | null };
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const { config, notifier, store } = opts;
  const log = opts.log.child({ component: 'jobs' });
  const sendSummary = opts.sendSummary ?? sendDailySummary;
  const holder = opts.holder ?? config.instance.id;
  const summaryRetakeMs = opts.summaryRetakeMs ?? SUMMARY_RETAKE_MS;
  let jobs: Cron[] = [];

  /**
   * Runs `work` unless another instance already ran this period. The period is the scheduled
   * time the timer fired for (the last occurrence at or before its firing), the same on every
   * instance whatever the small delays of their timers.
   */
  async function once(job: 'retry' | 'summary', cron: Cron, work: (period: string) => Promise<void>): Promise<void> {
    const fired = cron.currentRun() ?? new Date();
    const period = (cron.previousRuns(1, new Date(fired.getTime() + 1))[0] ?? fired).toISOString();
    if (!(await store.leases.claimPeriod(job, period, holder))) {
      log.debug({ job, period }, 'run of this period taken by another instance');
      return;
    }
    await work(period);
    await store.leases.finishPeriod(job, period);
  }

  /** The summary of one period: the day before the period's scheduled time, as at that time. */
  async function summaryOf(period: string): Promise<void> {
    const at = new Date(period);
    const installation = await store.settings.getOrAdd(INSTALLATION_KEY, randomBytes(6).toString('hex'));
    await sendSummary({ config, store, log, clock: () => at, messageId: summaryMessageId(config, period, installation) });
  }

  /** Sends again a summary whose run did not finish; true when there was one. */
  async function retakeSummary(): Promise<boolean> {
    const period = await store.leases.retakeUnfinished('summary', holder, summaryRetakeMs);
    if (period === undefined) return false;
    log.warn({ job: 'summary', period }, 'the daily summary of this period did not go out; sending it again');
    await summaryOf(period);
    await store.leases.finishPeriod('summary', period);
    return true;
  }

  const onError = (name: string) => (err: unknown) => log.error({ err, job: name }, 'job failed');
  const onBlocked = (name: string) => () => log.warn({ job: name }, 'job still running from last time; this run is skipped');

  return {
    start() {
      if (jobs.length > 0) return;
      // Unnamed jobs: croner's names are global to the process, and two rebound instances
      // (tests, or an embedding program) must not collide. UTC as a fixed offset, not as
      // timezone 'UTC': croner then needs no Intl.DateTimeFormat, whose time-zone data
      // (ICU, in Node's binary) costs the idle service 6-12 MB resident (tests/bench/idle.ts).
      const UTC = { utcOffset: 0 };
      jobs = [
        new Cron(config.notify.retryCron, { ...UTC, protect: onBlocked('retry'), catch: onError('retry') }, (self: Cron) =>
          once('retry', self, async () => {
            // The sweep of raw parts whose message never committed runs whatever the sends did.
            const swept = store.rawParts.sweep(new Date()).catch(onError('raw-parts'));
            try {
              const r = await notifier.sendDue();
              if (r.sent + r.failed > 0) log.info({ job: 'retry', ...r }, 'retry job done');
              await retakeSummary().catch(onError('summary'));
            } finally {
              const n = await swept;
              if (n) log.info({ job: 'retry', messages: n }, 'raw parts of messages that never committed deleted');
            }
          }),
        ),
        new Cron(config.notify.summaryCron, { ...UTC, protect: onBlocked('summary'), catch: onError('summary') }, (self: Cron) =>
          once('summary', self, summaryOf),
        ),
      ];
      log.info({ retryCron: config.notify.retryCron, summaryCron: config.notify.summaryCron, ...this.nextRuns() }, 'jobs scheduled (UTC)');
    },
    stop() {
      for (const j of jobs) j.stop();
      jobs = [];
    },
    nextRuns() {
      const [retry, summary] = jobs;
      return {
        retry: retry?.nextRun()?.toISOString() ?? null,
        summary: summary?.nextRun()?.toISOString() ?? null,
      };
    },
  };
}
